"""The engine on ANS train, measured without dev: cues learned on four fifths, judged on the fifth.

Run on demand, by a developer weighing a change to how the engine uses the cues:
`python benchmarks/cv_ans.py` (reads `../shared/data/ans/train.jsonl`, or `--ans DIR`; needs
scikit-learn, installed by `make learn-cues`). The dev split is never read here, so this
figure can guide a change as often as needed; `benchmarks/eval_ans.py` then measures it once
on dev.

For each of 5 stratified folds, `benchmarks/learn_cues.py` learns the cues from the other
four with its default settings, the engine judges the held-out pairs through `riwaya eval`'s
own path with those cues in place of `core/data/cues.json`, and so do the cues alone. Prints
the mean F1 of contradiction and agreement of both.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import learn_cues
from sklearn.model_selection import StratifiedKFold

from riwaya.core import cues
from riwaya.core.engine import collector_paused, warm_up
from riwaya.core.evaluate import Scores, predict, read_pairs, score

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ANS = ROOT.parent / "shared" / "data" / "ans"


def cue_model(raw: dict) -> cues.CueModel:
    """The model `riwaya.core.cues.model` would read from this cues.json content."""
    single = {c["stem"]: cues._Cue(c["weight"], tuple(c["words"])) for c in raw["single"]}
    pairs = {
        cues.pair_key(c["a"], c["b"]): cues._Cue(
            c["weight"], tuple(c["words"]) if c["a"] <= c["b"] else tuple(reversed(c["words"]))
        )
        for c in raw["pairs"]
    }
    unrelated = dict(raw["unrelated"])
    unrelated_bias = unrelated.pop("bias")
    return cues.CueModel(
        single, pairs, dict(raw["features"]), raw["bias"], unrelated, unrelated_bias, {}
    )


def cross_validate(train: Path, folds: int = 5) -> tuple[Scores, Scores]:
    """The engine's and the cues' scores over all held-out folds."""
    pairs = read_pairs(str(train))
    examples = [learn_cues.Example(p) for p in pairs]
    options = learn_cues.options_parser().parse_args([])
    labels = [p.label for p in pairs]
    gold: list[str] = []
    engine: list[str] = []
    alone: list[str] = []
    warm_up()
    learned = cues.model
    split = StratifiedKFold(folds, shuffle=True, random_state=0).split(pairs, labels)
    try:
        for kept, held in split:
            model = cue_model(learn_cues.build([examples[i] for i in kept], options, None))
            cues.model = lambda model=model: model
            with collector_paused():
                for i in held:
                    gold.append(labels[i])
                    engine.append(predict(pairs[i]).label)
                    verdict = cues.judge_texts(pairs[i].a, pairs[i].b)
                    alone.append(verdict.label if verdict else "unrelated")
    finally:
        cues.model = learned
    return score(gold, engine, 0.0), score(gold, alone, 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ans", type=Path, default=DEFAULT_ANS, help="folder of train.jsonl")
    args = parser.parse_args(argv)
    train = args.ans / "train.jsonl"
    if not train.exists():
        print(f"{train} not found: nothing to measure (see ../shared/data/ans/README.md).")
        return 0
    engine, alone = cross_validate(train)
    for name, scores in (("engine", engine), ("cues alone", alone)):
        c, a = scores.per_class["contradiction"][2], scores.per_class["agreement"][2]
        print(
            f"{name:<11} mean F1 of contradiction and agreement {scores.mean_ca_f1:.3f} "
            f"(contradiction {c:.3f}, agreement {a:.3f}; 5-fold on train)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
