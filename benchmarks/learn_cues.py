"""Learn the contradiction cues of `core/data/cues.json` from the ANS train split.

Run on demand, by a developer, after changing the features of `riwaya.core.cues` or the
stemmer: `python benchmarks/learn_cues.py` (reads `../shared/data/ans/train.jsonl`, or
`--ans DIR`). Needs scikit-learn (a development dependency; the run-time module does not).

Every pair of train becomes readable features, computed by `riwaya.core.cues` itself so
that training and run time agree: each stem found on one side only (a "single" cue), each
pair of such stems, one from each side (a "pair" cue), and the numeric features of the pair
(negation on one side only, numbers that differ, word overlap ...). A logistic regression
of contradiction against agreement is fitted on them. Cues that rest on fewer than
`--min-support` train pairs, on function words or on numerals are pruned before fitting,
and so are cues whose own pairs do not lean one way (`--min-lean`); of the rest, those
whose weight points the way their pairs lean and are among the `--top` strongest are kept,
and the model is fitted again on them. A small second regression on the overlap features
tells unrelated pairs apart.

The dev split is never read here: measure with `benchmarks/eval_ans.py`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from riwaya.core.arabic import fold
from riwaya.core.cues import (
    SET_FEATURES,
    TEXT_FEATURES,
    compare,
    pair_features,
    pair_key,
    read_account,
)
from riwaya.core.evaluate import Pair, read_pairs
from riwaya.core.quantities import _DUALS, _HUNDREDS, _SCALES, _UNITS, _VAGUE
from riwaya.core.words import _STOPWORDS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ANS = ROOT.parent / "shared" / "data" / "ans"
OUT = ROOT / "core" / "data" / "cues.json"

# Function words beyond riwaya's own stop list: pronouns, particles, question words,
# prepositions and connectives. A cue that rests on them is noise, whatever its weight
# (هل / ماذا / لها / بسبب decide nothing about what happened). Negation and contrast words
# (غير، ليس، دون، رغم، لكن، بل، ضد، فقط، إلا) are left out on purpose: they are how an
# account contradicts another, and they are among the strongest cues.
FUNCTION_WORDS = sorted(
    set(
        "هو هي هم هن هما انا نحن انت انتم انه انها انهم بانه بانها بان لان لانه كي لكي "
        "له لها لهم لهما لهن به بها بهم بهما فيه فيها فيهم منه منها منهم عليه عليها عليهم "
        "اليه اليها اليهم عنه عنها عنهم معه معها معهم لديه لديها لدي لدى عندما حين حيث "
        "هل ماذا لماذا كيف متي متى اين اذا إذا لو لولا ليت لعل اما او ام ايضا جدا قد لقد "
        "سوف حول عبر نحو تجاه وسط ضمن مثل بسبب السبب جراء اثر إثر عقب خلال بعد قبل قبيل "
        "عند منذ حتي حتى بين الى إلى امام أمام خلف تم يتم سيتم يكون تكون كانوا هناك هنا الان "
        "الآن ثمه ذات نفس بعض كلا جميع عده اي ايه الذين اللذين اللتين اللواتي التى الذى "
        "هؤلاء اولئك ذلك تلك هذا هذه هذان هاتان ما مما عما فيما بما كما مثلما "
        "will would could should can may might said says also than then there here what "
        "which who whom whose when where why how about against between".split()
    )
)
# Not ف alone: فقد is "lost" in a headline far more often than "so, already".
_CLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل")


# Numerals and ordinals: numbers are the rules' to compare, with their hedges; as cues they
# only learn which numbers annotators liked to change.
ORDINALS = (
    "الاول الاولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس السادسة "
    "السابع السابعة الثامن الثامنة التاسع التاسعة العاشر العاشرة first second third fourth "
    "fifth sixth seventh eighth ninth tenth".split()
)


def function_forms() -> frozenset[str]:
    """Folded forms of every function word and numeral, riwaya's stop list included."""
    numerals = (*_UNITS, *_HUNDREDS, *_SCALES, *_DUALS, *_VAGUE, *ORDINALS)
    return frozenset(fold(w) for w in (*FUNCTION_WORDS, *_STOPWORDS, *numerals))


def is_function_word(word: str, forms: frozenset[str]) -> bool:
    """A written word that is a function word, with or without a clitic (وبسبب، لماذا)."""
    folded = fold(word)
    return folded in forms or any(
        folded.startswith(c) and folded[len(c) :] in forms for c in _CLITICS
    )


def lexical(only_a: frozenset[str], only_b: frozenset[str]) -> list[str]:
    """The cue names a pair fires: `single:<stem>` and `pair:<stem>|<stem>`."""
    names = [f"single:{s}" for s in sorted(only_a | only_b)]
    names += [f"pair:{'|'.join(pair_key(x, y))}" for x in only_a for y in only_b]
    return names


class Example:
    """One train pair as features, with the written words behind its differing stems."""

    def __init__(self, pair: Pair) -> None:
        a, b = read_account(pair.a), read_account(pair.b)
        comparison = compare(
            a.stems, b.stems, pair_features(a, b), {**b.words, **a.words}, {**b.names, **a.names}
        )
        self.label = pair.label
        self.dense = comparison.features
        self.cues = lexical(comparison.only_a, comparison.only_b)
        self.written = {s: a.words[s] for s in comparison.only_a}
        self.written.update({s: b.words[s] for s in comparison.only_b})

    def row(self, keep: set[str] | None) -> dict[str, float]:
        row = dict(self.dense)
        row.update((c, 1.0) for c in self.cues if keep is None or c in keep)
        return row


def blocked_stems(examples: list[Example]) -> frozenset[str]:
    """Stems that, where they differ in train, are written as function words half the time
    or more, or most often: لمذ (لماذا), تم (يتم), امم when it is أمام rather than الأمم."""
    forms = function_forms()
    seen: dict[str, Counter] = {}
    for e in examples:
        for s, word in e.written.items():
            seen.setdefault(s, Counter())[word] += 1
    blocked = set()
    for s, words in seen.items():
        function = sum(n for w, n in words.items() if is_function_word(w, forms))
        if 2 * function >= words.total() or is_function_word(_top(words), forms):
            blocked.add(s)
    return frozenset(blocked)


def allowed(name: str, blocked: frozenset[str]) -> bool:
    """A cue on no blocked stem, no stop word, no numeral and no single letter."""
    stems = name.split(":", 1)[1].split("|")
    return all(
        s not in blocked
        and s not in _STOPWORDS
        and len(s) >= 2
        and not any(ch.isdigit() for ch in s)
        for s in stems
    )


def fit(
    examples: list[Example], min_support: int, top: int, c: float, min_lean: float
) -> tuple[dict[str, float], float, set[str]]:
    """Weights of the contradiction-against-agreement model, its bias, and the kept cues.

    A cue is kept when it fires in `min_support` pairs or more, rests on no function word,
    and leans one way: at least `min_lean` of the contradictions and agreements it fires in
    have one label; after the first fit its weight must point to that label, and only the
    `top` strongest are fitted again.
    """
    related = [e for e in examples if e.label != "unrelated"]
    support = Counter(name for e in examples for name in set(e.cues))
    leaning = lean(related)
    blocked = blocked_stems(examples)
    keep = {
        n
        for n, k in support.items()
        if k >= min_support
        and allowed(n, blocked)
        and max(leaning.get(n, 0.5), 1 - leaning.get(n, 0.5)) >= min_lean
    }
    weights, bias = _logistic(related, keep, c)
    keep = {n for n in keep if n in weights and (weights[n] > 0) == (leaning[n] > 0.5)}
    strongest = sorted((n for n in weights if n in keep), key=lambda n: -abs(weights[n]))
    keep = set(strongest[:top])
    weights, bias = _logistic(related, keep, c)
    return weights, bias, keep


def lean(examples: list[Example]) -> dict[str, float]:
    """Each cue's share of contradictions among the contradictions and agreements it fires
    in: 1.0 only contradictions, 0.0 only agreements."""
    seen: dict[str, Counter] = {}
    for e in examples:
        for name in set(e.cues):
            seen.setdefault(name, Counter())[e.label] += 1
    return {
        name: n["contradiction"] / (n["contradiction"] + n["agreement"])
        for name, n in seen.items()
        if n["contradiction"] + n["agreement"]
    }


def _logistic(examples: list[Example], keep: set[str], c: float) -> tuple[dict[str, float], float]:
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([e.row(keep) for e in examples])
    target = [e.label == "contradiction" for e in examples]
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(matrix, target)
    names = vectorizer.get_feature_names_out()
    return dict(zip(names, model.coef_[0].tolist(), strict=True)), float(model.intercept_[0])


UNRELATED_FEATURES = ("overlap", "jaccard", "order_similarity")


def fit_unrelated(examples: list[Example], c: float) -> tuple[dict[str, float], float, float]:
    """A gate for unrelated pairs on the overlap features, its bias set so that a score
    above 0 means unrelated at the threshold that gives the best unrelated F1 in 5-fold
    cross-validation on train."""
    matrix = np.array([[e.dense[n] for n in UNRELATED_FEATURES] for e in examples])
    target = np.array([e.label == "unrelated" for e in examples])
    model = LogisticRegression(C=c, max_iter=5000)
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    probability = cross_val_predict(model, matrix, target, cv=folds, method="predict_proba")[:, 1]
    best_f1, threshold = -1.0, 0.5
    for t in np.arange(0.05, 0.95, 0.01):
        f1 = f1_score(target, probability >= t, zero_division=0.0)
        if f1 > best_f1 + 1e-9:
            best_f1, threshold = f1, float(t)
    model.fit(matrix, target)
    weights = dict(zip(UNRELATED_FEATURES, model.coef_[0].tolist(), strict=True))
    bias = float(model.intercept_[0]) - math.log(threshold / (1 - threshold))
    return weights, bias, best_f1


def predict(example: Example, weights: dict[str, float], bias: float, keep: set[str]) -> str:
    score = bias + sum(weights.get(n, 0.0) * v for n, v in example.row(keep).items())
    return "contradiction" if score >= 0 else "agreement"


def cross_validate(
    examples: list[Example], min_support: int, top: int, c: float, min_lean: float
) -> float:
    """Mean F1 of contradiction and agreement in 5-fold cross-validation on train."""
    labels = [e.label for e in examples]
    gold: list[str] = []
    predicted: list[str] = []
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(examples, labels):
        weights, bias, keep = fit([examples[i] for i in train], min_support, top, c, min_lean)
        gold += [labels[i] for i in test]
        predicted += [predict(examples[i], weights, bias, keep) for i in test]
    scores = f1_score(gold, predicted, labels=["contradiction", "agreement"], average=None)
    return float(np.mean(scores))


def surface(examples: list[Example], name: str) -> list[str]:
    """The written words behind a cue, most frequent first, in the pairs it fires in."""
    stems = name.split(":", 1)[1].split("|")
    counts = [Counter() for _ in stems]
    for e in examples:
        if name in e.cues:
            for counter, s in zip(counts, stems, strict=True):
                counter[e.written[s]] += 1
    if len(stems) == 2:
        return [_top(counter) for counter in counts]
    return [w for w, _ in sorted(counts[0].items(), key=lambda kv: (-kv[1], len(kv[0])))[:3]]


def _top(counter: Counter) -> str:
    return min(counter.items(), key=lambda kv: (-kv[1], len(kv[0])))[0]


def build(examples: list[Example], args: argparse.Namespace, cv: float | None) -> dict:
    weights, bias, keep = fit(examples, args.min_support, args.top, args.c, args.min_lean)
    gate, gate_bias, gate_f1 = fit_unrelated(examples, args.c)
    seen: dict[str, Counter] = {}
    for e in examples:
        for name in e.cues:
            if name in keep:
                seen.setdefault(name, Counter())[e.label] += 1
    pairs, single = [], []
    for name in sorted(keep, key=lambda n: -weights[n]):
        entry = {
            "weight": round(weights[name], 3),
            "support": sum(seen[name].values()),
            "seen": {k: seen[name][k] for k in ("contradiction", "agreement", "unrelated")},
            "words": surface(examples, name),
        }
        stems = name.split(":", 1)[1].split("|")
        if name.startswith("pair:"):
            pairs.append({"a": stems[0], "b": stems[1], **entry})
        else:
            single.append({"stem": stems[0], **entry})
    return {
        "_about": (
            "Contradiction cues for riwaya.core.cues, learned from Arabic news headlines. "
            "score = bias + sum(features[f] * value of f) + the weight of every single cue "
            "whose stem is on one side only + the weight of every pair cue with one stem on "
            "each side; the pair is a contradiction when score >= 0, an agreement otherwise, "
            "and unrelated first when unrelated.bias + sum(unrelated[f] * value of f) > 0. "
            "A positive weight pushes towards contradiction, a negative one towards agreement. "
            "Stems are riwaya.core.stem.stem (ISRI on folded Arabic, Porter on English); "
            "'words' are the words as written behind a stem in train, most frequent first; "
            "'support' is the number of train pairs a cue fires in, 'seen' their labels."
        ),
        "_source": {
            "corpus": "ANS (Arabic News Stance), stance version, train split only",
            "paper": (
                "Jude Khouja. 2020. Stance Prediction and Claim Verification: An Arabic "
                "Perspective. In Proceedings of the Third Workshop on Fact Extraction and "
                "VERification (FEVER), ACL 2020."
            ),
            "repository": "https://github.com/latynt/ans",
            "commit": "9c5f313ab225880b9f60f4e795e6afb4da3352c8",
            "files": "data/stance/train.csv",
            "license": (
                "The repository's readme shows an Apache-2.0 badge and asks users to cite "
                "the paper above; please cite it when you use these weights."
            ),
            "pairs": len(examples),
        },
        "_built": {
            "script": "benchmarks/learn_cues.py",
            "date": dt.date.today().isoformat(),
            "model": "scikit-learn LogisticRegression, contradiction against agreement, "
            "class_weight=balanced, refitted on the kept cues",
            "parameters": {
                "C": args.c,
                "min_support": args.min_support,
                "min_lean": args.min_lean,
                "top": args.top,
            },
            "train_cv_mean_contradiction_agreement_f1": None if cv is None else round(cv, 3),
            "unrelated_gate_train_cv_f1": round(gate_f1, 3),
        },
        "_pruning": {
            "min_support": args.min_support,
            "min_lean": args.min_lean,
            "rules": (
                "a cue is dropped when it fires in fewer than min_support train pairs; when "
                "one of its stems is written as a function word (the list below or "
                "riwaya.core.words._STOPWORDS, folded, with or without a clitic و ب ل ال) in "
                "half or more of the train pairs where it differs, or in its most frequent "
                "form; when a stem has a digit or fewer than 2 letters. Negation and contrast "
                "words (غير ليس دون رغم لكن بل ضد فقط إلا) are cues, not function words. A cue "
                "must also lean one way: min_lean or more of the contradiction and agreement "
                "pairs it fires in have one label ('seen'), and its fitted weight must point "
                "to that label. Then only the `top` cues of largest absolute weight are kept "
                "and the model is fitted again on them"
            ),
            "function_words": FUNCTION_WORDS,
        },
        "bias": round(bias, 3),
        "features": {n: round(weights[n], 3) for n in (*TEXT_FEATURES, *SET_FEATURES)},
        "unrelated": {"bias": round(gate_bias, 3), **{n: round(w, 3) for n, w in gate.items()}},
        "pairs": pairs,
        "single": single,
    }


def dump(data: dict) -> str:
    """JSON with one cue a line, so that a review reads (and a diff shows) cue by cue."""
    lines = ["{"]
    items = list(data.items())
    for index, (key, value) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        if isinstance(value, list) and value and isinstance(value[0], dict):
            rows = [json.dumps(v, ensure_ascii=False) for v in value]
            body = ",\n    ".join(rows)
            lines.append(f'  "{key}": [\n    {body}\n  ]{comma}')
        else:
            text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            lines.append(f'  "{key}": {text}{comma}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def options_parser() -> argparse.ArgumentParser:
    """The command line, whose defaults are the settings `core/data/cues.json` was built with."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ans", type=Path, default=DEFAULT_ANS, help="folder of train.jsonl")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-support", type=int, default=4)
    parser.add_argument(
        "--min-lean",
        type=float,
        default=0.67,
        help="share of a cue's pairs that must have the label its weight points to",
    )
    parser.add_argument("--top", type=int, default=300, help="cues kept, strongest first")
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 regularization")
    parser.add_argument("--cv", action="store_true", help="also report 5-fold CV on train")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = options_parser().parse_args(argv)
    train = args.ans / "train.jsonl"
    if not train.exists():
        print(f"{train} not found: nothing to learn from (see ../shared/data/ans/README.md).")
        return 1
    examples = [Example(p) for p in read_pairs(str(train))]
    cv = None
    if args.cv:
        cv = cross_validate(examples, args.min_support, args.top, args.c, args.min_lean)
        print(f"5-fold CV on train, mean F1 of contradiction and agreement: {cv:.3f}")
    data = build(examples, args, cv)
    args.out.write_text(dump(data), "utf-8")
    size = args.out.stat().st_size
    print(
        f"{args.out}: {len(data['pairs'])} pair cues, {len(data['single'])} single cues, "
        f"{size / 1024:.1f} KB"
    )
    for cue in data["pairs"][:10]:
        print(f"  {cue['weight']:+.2f}  {' / '.join(cue['words'])}  ({cue['support']} pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
