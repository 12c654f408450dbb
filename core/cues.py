"""Learned contradiction cues: which differences between two accounts signal a contradiction.

Two accounts of one event that differ in «أعلى» / «أدنى» or «ارتفاع» / «انخفاض» contradict
each other; two that differ in «ارتفاع» / «زيادة» say the same thing in other words. The
weights of such cues were fitted on the train split of ANS (Arabic news headlines beside a
paraphrase or a version edited to contradict them) by `benchmarks/learn_cues.py` and live in
`data/cues.json` as plain, reviewed data with the corpus's attribution. Here they are only
added up, as a logistic regression does: no learning library is imported at run time.

Use `judge_texts(a, b)` for two texts, or, when the content stems are already at hand,
`judge_pair(stems_a, stems_b, pair_features(read_account(a), read_account(b)), words)`.
The cues reflect how ANS's annotators edited headlines (antonyms, negations, refusals,
swapped countries and numbers): strong on such edits, blind to pairs of words train never
showed (تراجع / انخفاض reads as a contradiction, a verb and its verbal noun as two words).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib import resources
from typing import Literal, NamedTuple

from riwaya.core.arabic import fold_cached
from riwaya.core.lexicon import COUNTRY
from riwaya.core.polarity import polarity
from riwaya.core.words import _STOPWORDS, words_of

CueLabel = Literal["contradiction", "agreement", "unrelated"]

TEXT_FEATURES = (
    "negation_one_side",
    "numbers_differ",
    "number_one_side",
    "order_similarity",
    "replaced_in_place",
)
"""The features the caller computes from the two texts (`pair_features` does it)."""

SET_FEATURES = (
    "overlap",
    "jaccard",
    "differing_fewer",
    "differing_more",
    "one_word_each",
    "one_side_only",
    "nothing_differs",
    "reordered",
    "variants",
    "length_ratio",
)
"""The features `judge_pair` computes itself from the two stem sets."""

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_MAX_COUNT = 6
_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")
_SUFFIXES = ("ات", "ون", "ين", "ان", "يه", "ه", "ي", "ا")


class Account(NamedTuple):
    """What the cues read of one account."""

    stems: frozenset[str]
    """Content stems: what `riwaya.core.words.content_stems` gives for the same text."""
    order: tuple[str, ...]
    """The content stems in reading order (for word order and in-place replacements)."""
    words: Mapping[str, str]
    """Each content stem's first word as written, for variants and explanations."""
    negated: bool
    """The engine's polarity reads a negation or a denial anywhere in the text."""
    numbers: frozenset[str]
    """Digit strings (Arabic-Indic digits folded to ASCII)."""
    names: Mapping[str, str]
    """The country each stem names, if any («أميركا» and «الولايات المتحدة» name one)."""


class Comparison(NamedTuple):
    """Two stem sets side by side: what differs once variants of one word are set aside."""

    only_a: frozenset[str]
    only_b: frozenset[str]
    features: dict[str, float]
    """The text features the caller gave, plus the `SET_FEATURES`."""


@dataclass(frozen=True)
class CueVerdict:
    """The cue model's judgement of a pair, with the cue that decided it."""

    label: CueLabel
    confidence: float
    """Probability-like, 0.5 to 1: the model's probability of `label`."""
    cue: str
    """The deciding cue in words («أعلى / أدنى», «رفض»), or a feature's name."""
    explanation: str
    score: float
    """The contradiction-against-agreement score before the logistic function."""
    differing: int = 0
    """Content words on one side only, on the side that has more of them."""


@lru_cache(maxsize=50_000)
def read_account(text: str) -> Account:
    """Content stems, word order, polarity and numbers of one text."""
    words = words_of(text)
    order: list[str] = []
    written: dict[str, str] = {}
    for token, folded, stem_ in zip(words.tokens, words.folded, words.stems, strict=True):
        # The filter of `riwaya.core.words.stems_of`, so that `stems == content_stems(text)`.
        if token.text[0].isalnum() and folded not in _STOPWORDS and len(stem_) >= 2:
            order.append(stem_)
            written.setdefault(stem_, token.text)
    names = {
        words.stems[index]: match.concept
        for match in words.concepts
        if match.concept.startswith(COUNTRY)
        for index in range(match.first, match.last + 1)
    }
    return Account(
        stems=frozenset(order),
        order=tuple(order),
        words=written,
        negated=polarity(words).polarity != "affirmed",
        numbers=frozenset(n for f in words.folded for n in _NUMBER.findall(f)),
        names=names,
    )


def pair_features(a: Account, b: Account) -> dict[str, float]:
    """The `TEXT_FEATURES` of two accounts.

    - negation_one_side: 1.0 when exactly one text negates or denies (the engine's polarity).
    - numbers_differ: 1.0 when both texts give numbers and share none.
    - number_one_side: 1.0 when only one text gives a number.
    - order_similarity: difflib's ratio between the two sequences of content stems (0 to 1).
    - replaced_in_place: how many single words were replaced by a single word at the same
      place in that alignment (capped at 6).
    """
    matcher = SequenceMatcher(None, a.order, b.order, autojunk=False)
    replaced = sum(
        1
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op == "replace" and i2 - i1 == 1 and j2 - j1 == 1
    )
    return {
        "negation_one_side": float(a.negated != b.negated),
        "numbers_differ": float(
            bool(a.numbers) and bool(b.numbers) and not (a.numbers & b.numbers)
        ),
        "number_one_side": float(bool(a.numbers) != bool(b.numbers)),
        "order_similarity": matcher.ratio(),
        "replaced_in_place": float(min(replaced, _MAX_COUNT)),
    }


@lru_cache(maxsize=100_000)
def _light(word: str) -> str:
    """A folded word without one clitic prefix and one suffix: مصري / المصرية → مصر."""
    word = fold_cached(word)
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word


@lru_cache(maxsize=100_000)
def _bigrams(word: str) -> frozenset[str]:
    return frozenset(word[i : i + 2] for i in range(len(word) - 1))


def variants(first: str, second: str) -> bool:
    """Two written words that are forms of one word the stemmer split (إيران / الإيرانية)."""
    u, v = _light(first), _light(second)
    if u == v or (len(u) >= 3 and len(v) >= 3 and (u in v or v in u)):
        return True
    bu, bv = _bigrams(u), _bigrams(v)
    return bool(bu and bv) and 2 * len(bu & bv) / (len(bu) + len(bv)) >= 0.6


def compare(
    stems_a: frozenset[str],
    stems_b: frozenset[str],
    features: Mapping[str, float],
    words: Mapping[str, str] | None = None,
    names: Mapping[str, str] | None = None,
) -> Comparison:
    """What differs between two stem sets, and the numeric features of the pair.

    `words` maps a stem to a word as written (`Account.words` of either side); without it
    the stems themselves are compared for variants. `names` maps a stem to the country it
    names (`Account.names`): two names of one country are variants too.
    """
    words = words or {}
    names = names or {}
    diff_a, diff_b = stems_a - stems_b, stems_b - stems_a
    matched: set[str] = set()
    for x in diff_a:
        for y in diff_b:
            same_name = x in names and names[x] == names.get(y)
            if same_name or variants(words.get(x, x), words.get(y, y)):
                matched.add(x)
                matched.add(y)
    only_a, only_b = diff_a - matched, diff_b - matched
    shared = len(stems_a & stems_b) + len(diff_a & matched)
    smaller = min(len(stems_a), len(stems_b))
    fewer, more = sorted((len(only_a), len(only_b)))
    nothing = not only_a and not only_b
    out = {name: float(features.get(name, 0.0)) for name in TEXT_FEATURES}
    out.update(
        overlap=shared / smaller if smaller else 0.0,
        jaccard=shared / (len(stems_a | stems_b) - len(diff_b & matched) or 1),
        differing_fewer=float(min(fewer, _MAX_COUNT)),
        differing_more=float(min(more, _MAX_COUNT)),
        one_word_each=float(fewer == more == 1),
        one_side_only=float(fewer == 0 < more),
        nothing_differs=float(nothing),
        reordered=float(nothing and features.get("order_similarity", 1.0) < 1.0),
        variants=float(min(len(matched), _MAX_COUNT)),
        length_ratio=smaller / max(len(stems_a), len(stems_b), 1),
    )
    return Comparison(frozenset(only_a), frozenset(only_b), out)


def pair_key(x: str, y: str) -> tuple[str, str]:
    """Pair cues are unordered: the key is the two stems in sorted order."""
    return (x, y) if x <= y else (y, x)


class _Cue(NamedTuple):
    weight: float
    words: tuple[str, ...]


@dataclass(frozen=True)
class CueModel:
    """The weights of `data/cues.json`, as dicts for look-ups."""

    single: dict[str, _Cue]
    pairs: dict[tuple[str, str], _Cue]
    features: dict[str, float]
    bias: float
    unrelated: dict[str, float]
    unrelated_bias: float
    meta: dict


@cache
def model() -> CueModel:
    """The cue model, read once from the package data."""
    raw = json.loads(resources.files("riwaya.core.data").joinpath("cues.json").read_text("utf-8"))
    single = {c["stem"]: _Cue(c["weight"], tuple(c["words"])) for c in raw["single"]}
    pairs = {
        pair_key(c["a"], c["b"]): _Cue(
            c["weight"], tuple(c["words"]) if c["a"] <= c["b"] else tuple(reversed(c["words"]))
        )
        for c in raw["pairs"]
    }
    unrelated = dict(raw["unrelated"])
    unrelated_bias = unrelated.pop("bias")
    return CueModel(
        single,
        pairs,
        dict(raw["features"]),
        raw["bias"],
        unrelated,
        unrelated_bias,
        {k: v for k, v in raw.items() if k.startswith("_")},
    )


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -30 else 0.0


def judge_pair(
    stems_a: frozenset[str],
    stems_b: frozenset[str],
    features: Mapping[str, float],
    words: Mapping[str, str] | None = None,
    names: Mapping[str, str] | None = None,
) -> CueVerdict | None:
    """Contradiction, agreement or unrelated, by the learned cues; None when a side is empty.

    `stems_a`, `stems_b`: content stems (`riwaya.core.words.content_stems`). `features`: the
    `TEXT_FEATURES` (`pair_features` computes them; a missing one counts as 0, except
    `order_similarity`, which should be given). `words`: a stem's word as written, which
    finds variants such as مصري / المصرية and lets the explanation quote the texts.
    `names`: the country a stem names, so that أميركا / الولايات المتحدة are one.
    """
    if not stems_a or not stems_b:
        return None
    m = model()
    comparison = compare(stems_a, stems_b, features, words, names)
    only_a, only_b, dense = comparison
    gate = m.unrelated_bias + sum(w * dense[name] for name, w in m.unrelated.items())
    if gate > 0:
        return CueVerdict(
            "unrelated",
            _sigmoid(gate),
            "overlap",
            f"The accounts share few content words ({dense['overlap']:.0%} of the shorter "
            "one's): they do not seem to report the same thing.",
            gate,
        )
    score = m.bias + sum(w * dense[name] for name, w in m.features.items())
    fired: list[tuple[float, str, str]] = []  # weight, stem, the other side's stem or ""
    # In sorted order, so that of two equal cues the same one is quoted whatever the hash seed.
    for x in sorted(only_a | only_b):
        cue = m.single.get(x)
        if cue:
            score += cue.weight
            fired.append((cue.weight, x, ""))
    for x in sorted(only_a):
        for y in sorted(only_b):
            cue = m.pairs.get(pair_key(x, y))
            if cue:
                score += cue.weight
                fired.append((cue.weight, x, y))
    label: CueLabel = "contradiction" if score >= 0 else "agreement"
    sign = 1.0 if score >= 0 else -1.0
    best = max((f for f in fired if f[0] * sign > 0), key=lambda f: abs(f[0]), default=None)
    flag = max(
        (
            (m.features[name] * dense[name], name)
            for name in _FLAG_WORDS
            if dense[name] and m.features.get(name, 0.0) * sign > 0 and label in _FLAG_WORDS[name]
        ),
        key=lambda f: abs(f[0]),
        default=None,
    )
    if flag and (best is None or abs(flag[0]) > abs(best[0])):
        cue, explanation = flag[1], _FLAG_WORDS[flag[1]][label]
    elif best:
        cue, explanation = _quote(best, only_a, only_b, m, words)
    elif label == "contradiction":
        cue = "wording"
        explanation = (
            f"{_differing(only_a, only_b, words)}; no learned cue knows these words, but "
            f"accounts that share {dense['overlap']:.0%} of their words and differ like this "
            "mostly contradict each other."
        )
    else:
        cue = "overlap"
        explanation = (
            f"The accounts share {dense['overlap']:.0%} of the shorter one's content words and "
            "nothing that differs between them signals a contradiction."
        )
    differing = max(len(only_a), len(only_b))
    return CueVerdict(label, _sigmoid(abs(score)), cue, explanation, score, differing)


def judge_accounts(a: Account, b: Account, figures_agree: bool = False) -> CueVerdict | None:
    """`judge_pair` on two read accounts. `figures_agree`: the caller has compared the
    numbers (with their hedges) and found them the same, so they count as no difference."""
    features = pair_features(a, b)
    if figures_agree:
        features.update(numbers_differ=0.0, number_one_side=0.0)
    return judge_pair(a.stems, b.stems, features, {**b.words, **a.words}, {**b.names, **a.names})


def judge_texts(text_a: str, text_b: str, figures_agree: bool = False) -> CueVerdict | None:
    """`judge_pair` on two texts: the whole path from text to verdict."""
    return judge_accounts(read_account(text_a), read_account(text_b), figures_agree)


_FLAG_WORDS = {
    "negation_one_side": {"contradiction": "One account negates or denies, the other does not."},
    "numbers_differ": {"contradiction": "The accounts give different numbers."},
    "reordered": {
        "contradiction": "The same words in another order: who did what to whom differs.",
        "agreement": "The same words in another order.",
    },
    "nothing_differs": {"agreement": "The accounts use the same content words."},
}


_QUOTED = 3
"""Differing words quoted from each side; more are shown as an ellipsis."""


def _differing(
    only_a: frozenset[str], only_b: frozenset[str], words: Mapping[str, str] | None
) -> str:
    """What differs between two accounts, as written: «X» in one, «Y، Z» in the other."""

    def said(stems: frozenset[str]) -> str:
        written = sorted(_written(s, None, words, 0) for s in stems)[:_QUOTED]
        return "، ".join(written) + ("…" if len(stems) > _QUOTED else "")

    if only_a and only_b:
        return f"«{said(only_a)}» in one account, «{said(only_b)}» in the other"
    return f"«{said(only_a or only_b)}» in one account only"


def _written(stem: str, cue: _Cue | None, words: Mapping[str, str] | None, index: int) -> str:
    """A stem as the texts wrote it, else as train most often did."""
    if words and stem in words:
        return words[stem]
    return cue.words[index] if cue and len(cue.words) > index else stem


def _quote(
    fired: tuple[float, str, str],
    only_a: frozenset[str],
    only_b: frozenset[str],
    m: CueModel,
    words: Mapping[str, str] | None,
) -> tuple[str, str]:
    """The deciding cue in the texts' words, and a sentence about it."""
    weight, x, y = fired
    if y:
        key = pair_key(x, y)
        cue = m.pairs[key]
        first, second = _written(x, cue, words, key.index(x)), _written(y, cue, words, key.index(y))
        said = f"«{first}» in one account, «{second}» in the other"
        if weight < 0:
            return f"{first} / {second}", f"{said}: the same thing in other words."
        return f"{first} / {second}", f"{said}."
    word = _written(x, m.single[x], words, 0)
    other = only_b if x in only_a else only_a
    if len(other) == 1:
        partner = _written(next(iter(other)), None, words, 0)
        said = f"«{word}» in one account, «{partner}» in the other"
    else:
        said = f"«{word}» in one account only"
    if weight < 0:
        return word, f"{said}; «{word}» often differs between accounts that agree."
    return word, f"{said}; «{word}» often marks a contradiction."
