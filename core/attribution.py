"""Who says it: the speaker of a clause, from reporting verbs and phrases.

Arabic puts the verb first (قال المتحدث ... إن), English mostly after the
speaker ("the ministry said") or at the end ("..., the ministry said"); both use
"according to" / بحسب. "وأضاف" / "he added" continues the last speaker.
"""

from __future__ import annotations

from typing import NamedTuple

from riwaya.core.lexicon import lexicon
from riwaya.core.words import Words

# Folded reporting verbs, without the clitic و/ف.
AR_VERBS = frozenset(
    [
        "قال",
        "قالت",
        "يقول",
        "تقول",
        "اعلن",
        "اعلنت",
        "يعلن",
        "تعلن",
        "ذكر",
        "ذكرت",
        "يذكر",
        "تذكر",
        "اكد",
        "اكدت",
        "يؤكد",
        "تؤكد",
        "اوضح",
        "اوضحت",
        "يوضح",
        "توضح",
        "نفي",
        "نفت",
        "ينفي",
        "تنفي",
        "كذب",
        "كذبت",
        "يكذب",
        "تكذب",
        "رصد",
        "رصدت",
        "يرصد",
        "ترصد",
        "اعتبر",
        "اعتبرت",
        "يعتبر",
        "تعتبر",
        "حذر",
        "حذرت",
        "يحذر",
        "تحذر",
        "افاد",
        "افادت",
        "يفيد",
        "تفيد",
        "اشار",
        "اشارت",
        "يشير",
        "تشير",
        "شدد",
        "شددت",
        "زعم",
        "زعمت",
        "نقل",
        "نقلت",
        "اورد",
        "اوردت",
        "بث",
        "بثت",
        "صرح",
        "صرحت",
        "ادعي",
        "ادعت",
        "وصف",
        "وصفت",
        "ندد",
        "نددت",
        "دان",
        "دانت",
        "ادان",
        "ادانت",
        "اتهم",
        "اتهمت",
        "وثق",
        "وثقت",
        "سجل",
        "سجلت",
        "احصي",
        "احصت",
        "تحدث",
        "تحدثت",
        "روي",
        "روت",
        "نشر",
        "نشرت",
    ]
)
AR_CONTINUE = frozenset(["اضاف", "اضافت", "اردف", "اردفت", "تابع", "تابعت", "مضي", "مضت"])
AR_SOURCE_MARKERS = (
    ("بحسب",),
    ("حسب",),
    ("وفقا", "ل"),
    ("وفقا",),
    ("وفق",),
    ("نقلا", "عن"),
    ("استنادا", "الي"),
    ("طبقا", "ل"),
)
AR_OPINION_VERBS = frozenset(
    [
        "اعتبر",
        "اعتبرت",
        "يعتبر",
        "تعتبر",
        "وصف",
        "وصفت",
        "ندد",
        "نددت",
        "دان",
        "دانت",
        "ادان",
        "ادانت",
    ]
)
_AR_STOPS = frozenset(
    [
        "من",
        "نحو",
        "حوالي",
        "قرابه",
        "زهاء",
        "اكثر",
        "اقل",
        "ان",
        "انه",
        "انها",
        "انهم",
        "بان",
        "بانه",
        "بانها",
        "ان،",
        ":",
        "«",
        '"',
        "'",
        "في",
        "عبر",
        "خلال",
        "ل",
        "لـ",
        "يوم",
        "اليوم",
        "امس",
        "مساء",
        "صباح",
        "فجر",
        "ليل",
        "ليله",
        "وقوع",
        "حدوث",
        "صحه",
        "اي",
        "التقارير",
        "المزاعم",
        "ما",
        "هذه",
        "تلك",
        "قيام",
        "تعرض",
        "سقوط",
        "مقتل",
        "وجود",
        "الخبر",
        "البيان",
        "،",
        ".",
        ",",
        "عن",
        "علي",
        "الي",
    ]
)
EN_VERBS = frozenset(
    [
        "said",
        "says",
        "say",
        "announced",
        "announces",
        "denied",
        "denies",
        "told",
        "added",
        "adds",
        "claimed",
        "claims",
        "reported",
        "reports",
        "stated",
        "states",
        "confirmed",
        "confirms",
        "insisted",
        "insists",
        "warned",
        "warns",
        "noted",
        "notes",
        "acknowledged",
        "countered",
        "dismissed",
        "rejected",
        "maintained",
        "estimated",
        "counted",
        "recorded",
        "documented",
        "described",
        "called",
        "condemned",
        "accused",
        "tweeted",
        "wrote",
    ]
)
EN_OPINION_VERBS = frozenset(["described", "called", "condemned", "accused"])
_EN_SKIP = frozenset(
    [
        "did",
        "not",
        "does",
        "would",
        "could",
        "will",
        "also",
        "has",
        "had",
        "have",
        "also",
        "later",
        "earlier",
        "on",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "in",
        "a",
        "statement",
        "separately",
        "then",
    ]
)
TITLES = frozenset(
    [
        "العقيد",
        "اللواء",
        "العميد",
        "المقدم",
        "الرائد",
        "النقيب",
        "الناطق",
        "المتحدث",
        "الوزير",
        "الدكتور",
        "السيد",
        "الشيخ",
        "مدير",
        "رئيس",
        "col",
        "colonel",
        "gen",
        "general",
        "maj",
        "major",
        "capt",
        "captain",
        "lt",
        "dr",
        "mr",
        "mrs",
        "ms",
        "minister",
    ]
)
_QUOTES = frozenset("\"«»“”'")
PRONOUNS = frozenset(["he", "she", "they", "it", "هو", "هي", "هم"])
_MAX_SPEAKER = 9


class Attribution(NamedTuple):
    """Who speaks in a clause; token indices bound the speaker name and the attribution."""

    speaker: str
    """The speaker as written ("" when the clause names none)."""
    kind: str  # "explicit", "continued" or "none"
    first: int = -1
    last: int = -1
    verb: int = -1
    content: int = 0
    """Index of the first token of what is reported (after إن/أن/that)."""
    opinion: bool = False


def _bare(word: str) -> str:
    return word[1:] if word[:1] in "وف" and len(word) > 3 else word


def attribute(words: Words) -> Attribution:
    """The speaker of one clause."""
    folded = words.folded
    if not folded:
        return Attribution("", "none")
    arabic = any("\u0600" <= c <= "\u06ff" for c in words.text[words.start : words.end][:80])
    found = _arabic(words) if arabic else _english(words)
    return found or _according_to(words) or Attribution("", "none")


def _arabic(words: Words) -> Attribution | None:
    folded = words.folded
    for index, word in enumerate(folded[:12]):
        bare = _bare(word) if word[:1] in "وف" else word
        if bare in AR_CONTINUE or bare in AR_VERBS:
            first, last = index + 1, index
            while last + 1 < len(folded) and last + 1 - first < _MAX_SPEAKER:
                nxt = folded[last + 1]
                if nxt in _QUOTES:
                    last += 1
                    continue
                if (
                    nxt in _AR_STOPS
                    or _bare(nxt) in _AR_STOPS
                    or not words.tokens[last + 1].text[0].isalpha()
                ):
                    ahead = folded[last + 2] if last + 2 < len(folded) else ""
                    if nxt in ("،", ",") and (
                        ahead in TITLES
                        or _complementizer_ahead(folded, last + 2)
                        or any(w in ("،", ",") for w in folded[last + 3 : last + 6])
                    ):
                        last += 1
                        continue
                    break
                last += 1
            while last >= first and not words.tokens[last].text[0].isalpha():
                last -= 1
            while first <= last and not words.tokens[first].text[0].isalpha():
                first += 1
            content = _content_start(folded, last + 1)
            opinion = bare in AR_OPINION_VERBS
            if last < first:
                return Attribution("", "continued", verb=index, content=content, opinion=opinion)
            speaker = words.span_text(first, last)
            return Attribution(speaker, "explicit", first, last, index, content, opinion)
    return None


def _complementizer_ahead(folded: list[str], index: int) -> bool:
    return any(w in ("ان", "انه", "انها", "بان") for w in folded[index : index + 6])


def _content_start(folded: list[str], index: int) -> int:
    for position in range(index, min(index + 8, len(folded))):
        if folded[position] in ("ان", "انه", "انها", "انهم", "بان", "that", ":", "«", '"'):
            return position + 1
    return index


def _english(words: Words) -> Attribution | None:
    folded = words.folded
    for index, word in enumerate(folded):
        if word not in EN_VERBS or index == 0:
            continue
        opinion = word in EN_OPINION_VERBS
        # "the ministry said on Friday that ..." / "A spokesman, Col. X, said" / "..., it said."
        last = index - 1
        while last >= 0 and (folded[last] in _EN_SKIP or not words.tokens[last].text[0].isalnum()):
            last -= 1
        if last < 0:
            continue
        first = _english_subject_start(words, last)
        if first is None:
            continue
        speaker = words.span_text(first, last)
        lowered = speaker.lower()
        if lowered in PRONOUNS:
            content = _content_start(folded, index + 1) if index + 1 < len(folded) else 0
            return Attribution("", "continued", verb=index, content=content, opinion=opinion)
        if folded[first] in ("but", "and", "however", "meanwhile"):
            first += 1
            speaker = words.span_text(first, last)
        trailing = first > 0
        content = 0 if trailing else _content_start(folded, index + 1)
        return Attribution(speaker, "explicit", first, last, index, content, opinion)
    return None


def _english_subject_start(words: Words, last: int) -> int | None:
    """Where the speaker before a verb begins: the clause start when what precedes is a
    name with appositions, else just after the last comma (a trailing "..., it said")."""
    folded = words.folded
    start = 0
    for position in range(last, -1, -1):
        if folded[position] in (".", '"', "“", "”", "that", ";", ":") and not (
            folded[position] == "." and position and folded[position - 1] in TITLES
        ):
            start = position + 1
            break
    region = range(start, last + 1)
    plain = all(
        not folded[i][:1].isdigit() and folded[i] not in EN_VERBS for i in region
    ) and not any(
        m.first in region and lexicon().concept_type(m.concept) in ("event", "measure")
        for m in words.concepts
    )
    if plain and last - start < _MAX_SPEAKER + 4:
        return start
    for position in range(last, start - 1, -1):
        if folded[position] == ",":
            return position + 1 if last - position <= _MAX_SPEAKER else None
    return None


def _according_to(words: Words) -> Attribution | None:
    folded = words.folded
    markers = (*AR_SOURCE_MARKERS, ("according", "to"), ("citing",))
    for index in range(len(folded)):
        for marker in markers:
            size = len(marker)
            if tuple(folded[index : index + size]) != marker:
                continue
            first = index + size
            last = first - 1
            while (
                last + 1 < len(folded)
                and last + 1 - first < 6
                and words.tokens[last + 1].text[0].isalpha()
            ):
                last += 1
            if last >= first:
                return Attribution(words.span_text(first, last), "explicit", first, last, index, 0)
    return None
