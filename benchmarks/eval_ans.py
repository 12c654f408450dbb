"""The engine's accuracy on ANS, beside the learned cues alone and the two combined.

Run on demand (`make eval-ans`): `python benchmarks/eval_ans.py [--split dev|train]`. Reads
`../shared/data/ans/<split>.jsonl` relative to the repository root (or `--ans DIR`) and
skips, exit status 0, when the folder is absent. The ANS data never enters the repository.

Three figures, each as the 3-class macro-F1 and the mean F1 of contradiction and agreement
(ANS has few unrelated pairs):

- engine: the full `riwaya eval` path, `riwaya.core.evaluate.evaluate`.
- cues: `riwaya.core.cues.judge_texts` alone.
- combined: the engine's label when it finds a rule-based contradiction, the cue verdict
  otherwise: the way the cues are meant to be wired into the findings. Twice: with every
  kind of rule (numbers, negation or denial, days and times, places, opposed predicates of
  the lexicon), and with only the kinds that beat the cues on train (`TRUSTED_KINDS`).

`--split train` is a sanity check only: the cues were learned on train.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from riwaya.core.cues import judge_pair, pair_features, read_account
from riwaya.core.evaluate import LABELS, Pair, Prediction, Scores, evaluate, read_pairs, score

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ANS = ROOT.parent / "shared" / "data" / "ans"
RULE_KINDS = ("numeric", "denial", "temporal", "place", "antonym")
"""Every kind of engine contradiction that a rule finds."""
TRUSTED_KINDS = ("denial", "temporal", "antonym")
"""The kinds that beat the cues on train (5-fold cross-validated cues against the engine's
rules: numeric was right in 15 of 27 train pairs, place in 12 of 19)."""


def cue_labels(pairs: list[Pair]) -> tuple[list[str], float, float]:
    """The cue model's labels; pairs per second from text, and for the judgement alone."""
    started = time.perf_counter()
    accounts = [(read_account(p.a), read_account(p.b)) for p in pairs]
    inputs = [
        (a.stems, b.stems, pair_features(a, b), {**b.words, **a.words}, {**b.names, **a.names})
        for a, b in accounts
    ]
    read = time.perf_counter() - started
    started = time.perf_counter()
    verdicts = [judge_pair(*arguments) for arguments in inputs]
    judged = time.perf_counter() - started
    labels = [v.label if v else "unrelated" for v in verdicts]
    return labels, len(pairs) / (read + judged), len(pairs) / judged


def combine(engine: list[Prediction], cues: list[str], kinds: tuple[str, ...]) -> list[str]:
    """The engine's contradictions of the given kinds first, the cue verdict otherwise."""
    return [
        e.label if e.label == "contradiction" and e.kind in kinds else c
        for e, c in zip(engine, cues, strict=True)
    ]


def line(name: str, scores: Scores) -> str:
    f1 = "  ".join(f"{label[:5]} {scores.per_class[label][2]:.3f}" for label in LABELS)
    return (
        f"{name:<9} macro-F1 {scores.macro_f1:.3f}   mean C/A F1 {scores.mean_ca_f1:.3f}   "
        f"(F1: {f1})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ans", type=Path, default=DEFAULT_ANS, help="folder of the splits")
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    args = parser.parse_args(argv)
    path = args.ans / f"{args.split}.jsonl"
    if not path.exists():
        print(f"{path} not found: skipping the ANS evaluation (see the README of the corpus).")
        return 0
    pairs = read_pairs(str(path))
    gold = [p.label for p in pairs]

    engine_scores, engine = evaluate(pairs)
    labels, from_text, judgement = cue_labels(pairs)
    cue_scores = score(gold, labels, 0.0)
    every_rule = score(gold, combine(engine, labels, RULE_KINDS), 0.0)
    trusted = score(gold, combine(engine, labels, TRUSTED_KINDS), 0.0)

    print(f"ANS {args.split}: {len(pairs)} pairs ({path})")
    if args.split == "train":
        print("(the cues were learned on train: these figures are a sanity check, not a score)")
    print(line("engine", engine_scores))
    print(line("cues", cue_scores))
    print(line("combined", every_rule) + "   every rule kind")
    print(line("combined", trusted) + "   " + ", ".join(TRUSTED_KINDS))
    kinds = Counter(
        (e.kind, g == "contradiction")
        for e, g in zip(engine, gold, strict=True)
        if e.label == "contradiction" and e.kind in RULE_KINDS
    )
    print(
        "engine rule contradictions (right/all): "
        + ", ".join(
            f"{k} {kinds[(k, True)]}/{kinds[(k, True)] + kinds[(k, False)]}"
            for k in RULE_KINDS
            if kinds[(k, True)] + kinds[(k, False)]
        )
    )
    print(
        f"speed: engine {engine_scores.pairs_per_second:,.0f} pairs/s; cues "
        f"{from_text:,.0f} pairs/s from text, {judgement:,.0f} pairs/s for the judgement alone"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
