"""Negation and denial: does the claim assert its event, negate it, or deny an account?

"لم يقع أي هجوم" / "no attack took place" negate; "نفى المتحدث" / "denied the
reports" deny. A denial that names no event of its own ("كذّب ما تروّجه الجبهة")
points at another party's account; the claim builder links it.
"""

from __future__ import annotations

from typing import NamedTuple

from riwaya.core.model import Polarity, Span
from riwaya.core.words import Words

NEGATIONS = frozenset(
    [
        "لم",
        "لن",
        "لا",
        "ليس",
        "ليست",
        "ليسوا",
        "لسنا",
        "غير",
        "عدم",
        "بلا",
        "بدون",
        "no",
        "not",
        "never",
        "none",
        "nobody",
        "nothing",
        "n't",
        "neither",
        "nor",
        "without",
    ]
)
DENIAL_WORDS = frozenset(
    [
        "نفي",
        "نفت",
        "ينفي",
        "تنفي",
        "ننفي",
        "نفوا",
        "كذب",
        "كذبت",
        "يكذب",
        "تكذب",
        "انكر",
        "انكرت",
        "ينكر",
        "تنكر",
        "دحض",
        "دحضت",
        "فند",
        "فندت",
        "denied",
        "denies",
        "deny",
        "denying",
        "refuted",
        "dismissed",
        "rejected",
        "disputed",
        "contradicted",
    ]
)
_DENIAL_PHRASES = (
    ("لا", "اساس", "له", "من", "الصحه"),
    ("لا", "اساس", "لها", "من", "الصحه"),
    ("عار", "عن", "الصحه"),
    ("عاريه", "عن", "الصحه"),
    ("غير", "صحيح"),
    ("غير", "صحيحه"),
    ("عار", "من", "الصحه"),
    ("اكاذيب",),
    ("مزاعم",),
    ("ادعاءات",),
    ("fabricated",),
    ("baseless",),
    ("false",),
    ("untrue",),
    ("fiction",),
    ("no", "truth"),
    ("fake",),
    ("propaganda",),
    ("مفبركه",),
    ("ملفقه",),
)
_ACCOUNT_WORDS = frozenset(
    [
        "الانباء",
        "الاخبار",
        "التقارير",
        "المزاعم",
        "الادعاءات",
        "الروايه",
        "روايه",
        "البيان",
        "ما",
        "تروجه",
        "ماتروجه",
        "reports",
        "report",
        "claims",
        "claim",
        "statement",
        "account",
        "allegations",
    ]
)


_PHRASES_BY_HEAD: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _DENIAL_PHRASES:
    _PHRASES_BY_HEAD.setdefault(_phrase[0], []).append(_phrase)


class PolarityResult(NamedTuple):
    polarity: Polarity
    cues: tuple[Span, ...]
    scope: int
    """Index of the first token the negation or denial bears on."""


_STRIPPED = NEGATIONS | DENIAL_WORDS
"""Cue words that a conjunction may be written onto ("ولم", "فنفى")."""


def _strip(word: str) -> str:
    return word[1:] if word[:1] in "وف" and word[1:] in _STRIPPED else word


def polarity(words: Words, speaker: range = range(0)) -> PolarityResult:
    """The stance of a clause. `speaker` holds the token indices of the speaker's name and
    description, whose negations ("a man who asked not to be named") are not the claim's."""
    folded = words.folded
    if _CUE_WORDS.isdisjoint(folded) and _STRIPPED.isdisjoint(
        word[1:] for word in folded if word[:1] in "وف"
    ):
        return PolarityResult("affirmed", (), len(folded))  # most clauses: no cue word at all
    cues: list[Span] = []
    found: Polarity = "affirmed"
    scope = len(folded)
    for index, word in enumerate(folded):
        if index in speaker:
            continue
        bare = _strip(word)
        if bare in DENIAL_WORDS:
            found, scope = "denial", min(scope, index + 1)
            cues.append(_span(words, index, index))
        elif (
            bare in NEGATIONS
            and found != "denial"
            and not _exception_follows(folded, index)
            and not _about_the_telling(folded, index)
            and not _sets_apart(folded, index)
        ):
            found, scope = "negated", min(scope, index + 1)
            cues.append(_span(words, index, index))
    for index, word in enumerate(folded):
        if index in speaker:
            continue
        bare = _strip(word)
        if bare in RULING_OUT and found == "affirmed":
            found, scope = "negated", min(scope, index + 1)
            cues.append(_span(words, index, index))
        elif bare in REJECTING and found != "denial" and _account_follows(folded, index):
            found, scope = "denial", min(scope, index + 1)
            cues.append(_span(words, index, index))
    for at, word in enumerate(folded):
        for phrase in _PHRASES_BY_HEAD.get(word, ()):
            if tuple(folded[at : at + len(phrase)]) == phrase:
                found = "denial"
                scope = min(scope, at)
                cues.append(_span(words, at, at + len(phrase) - 1))
    return PolarityResult(found, tuple(sorted(set(cues), key=lambda s: s.start)), scope)


RULING_OUT = frozenset("استبعد استبعدت يستبعد تستبعد ruled rules excluded".split())
""""استبعدت الشرطة أن يكون عملا إرهابيا" / "police ruled out terrorism": a negation."""
REJECTING = frozenset("رفض رفضت يرفض ترفض نفوا".split())
"""Rejecting the accusations or the reports is denying them; rejecting a plan is not."""
_CUE_WORDS = NEGATIONS | DENIAL_WORDS | RULING_OUT | REJECTING | frozenset(_PHRASES_BY_HEAD)
"""Every word that `polarity` can start a cue at, before a conjunction is stripped."""


def _account_follows(folded: list[str], index: int) -> bool:
    return any(
        word in _ACCOUNT_WORDS or word in _ACCUSATIONS for word in folded[index + 1 : index + 5]
    )


_ACCUSATIONS = frozenset("الاتهامات اتهامات الاتهام accusations accusation allegation".split())


_BOUND_VERBS = frozenset(
    "يقل تقل يزيد تزيد يتجاوز تتجاوز يتعدي تتعدي fewer less more exceed exceeded".split()
)


_NOT_NEGATING_AFTER_LA = frozenset("يزال تزال يزالون تزالان نزال ازال سيما بد".split())
""""لا تزال المعارك مستمرة" (still), "لا سيما" (especially), "لا بد" (must): لا that
asserts."""
_NOT_NEGATING_AFTER_GHAYR = frozenset("مسبوق مسبوقه مسبوقا".split())
""""غير مسبوق" is "unprecedented", a superlative, not a negation."""


def _exception_follows(folded: list[str], index: int) -> bool:
    """Restrictions and bounds that read like negations but assert the event:
    "لم تفقد سوى ٤" (only 4), "ما لا يقل عن 12" / "لم يتجاوز 30" / "no fewer than" (bounds),
    and لا in "لا تزال" (still)."""
    following = folded[index + 1 : index + 4]
    if following and (
        (_strip(folded[index]) == "لا" and following[0] in _NOT_NEGATING_AFTER_LA)
        or (folded[index] == "غير" and following[0] in _NOT_NEGATING_AFTER_GHAYR)
    ):
        return True
    return any(w in ("سوي", "الا", "but") for w in following) or (
        bool(following) and following[0] in _BOUND_VERBS
    )


_TELLING = frozenset(
    (
        "يذكر تذكر يشر تشر يحدد تحدد يعلق تعلق يكشف تكشف يوضح توضح يتسن يتسني يتمكن تتمكن "
        "يؤكد تؤكد مخول مخوله يسمح تسمح "
        "mention mentioned say specify specified comment commented disclose disclosed identify "
        "identified give elaborate authorised authorized allowed permitted verified verify "
        "confirm confirmed named"
    ).split()
)
""""لم يذكر", "did not mention", "could not be verified", "not authorised to brief": the
negation bears on what is told or who may tell it, not on the event."""


def _about_the_telling(folded: list[str], index: int) -> bool:
    following = [w for w in folded[index + 1 : index + 4] if w not in ("be", "been", "to", "yet")]
    if following and following[0] in _TELLING:
        return True
    window = [w for w in folded[index + 1 : index + 9] if not w.endswith("ly")]
    # "none of the accounts could (independently) be verified"
    return any(
        w in ("be", "been") and after in _TELLING
        for w, after in zip(window, window[1:], strict=False)
    )


_PREPOSITIONS = frozenset("من في علي عند الي داخل قرب from in at on near inside".split())


def _sets_apart(folded: list[str], index: int) -> bool:
    """ "انطلق من الرصيف الشمالي، لا من مستودع الأسمدة" / "from the pier, not from the
    depot": after a comma, a negation that only sets another place or time apart."""
    after = folded[index + 1 : index + 2]
    return (
        bool(index)
        and folded[index - 1] in ("،", ",")
        and bool(after)
        and after[0] in _PREPOSITIONS
    )


def refers_to_account(words: Words) -> bool:
    """A denial aimed at "the reports" / "ما تروجه الجبهة" rather than at a named event."""
    return any(word in _ACCOUNT_WORDS for word in words.folded)


def _span(words: Words, first: int, last: int) -> Span:
    start, end = words.tokens[first].start, words.tokens[last].end
    return Span(start, end, words.text[start:end])
