"""Who says it: the speaker of a clause, from reporting verbs and phrases.

Arabic puts the verb first (قال المتحدث ... إن), English mostly after the
speaker ("the ministry said") or at the end ("..., the ministry said"); both use
"according to" / بحسب. "وأضاف" / "he added" continues the last speaker.
"""

from __future__ import annotations

from typing import NamedTuple

from riwaya.core.lexicon import COUNTRY, lexicon
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
        "broadcast",
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
            content = _content_start(folded, index + 1)
            opinion = bare in AR_OPINION_VERBS
            subject = _subject_before(words, index) if bare in AR_VERBS else None
            if subject:  # "لكن المرصد قال إن ...", "الجزائر تؤكد ظهور ..."
                first, last = subject
                speaker = words.span_text(first, last)
                return Attribution(speaker, "explicit", first, last, index, content, opinion)
            first, last = index + 1, index
            if first < len(folded) and _addressee(folded[first]):
                # "وقال لصحفيين إن": told to someone, by the last speaker
                return Attribution("", "continued", verb=index, content=content, opinion=opinion)
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
                if not _complementizer_ahead(folded, last + 1) and _object_begins(
                    words, first, last + 1
                ):
                    break  # with إن / أن ahead, the particle ends the speaker instead
                last += 1
            while last >= first and not words.tokens[last].text[0].isalpha():
                last -= 1
            while first <= last and not words.tokens[first].text[0].isalpha():
                first += 1
            content = _content_start(folded, last + 1)
            if last < first:
                return Attribution("", "continued", verb=index, content=content, opinion=opinion)
            speaker = words.span_text(first, last)
            return Attribution(speaker, "explicit", first, last, index, content, opinion)
    return None


_NAME_LINKS = frozenset(("بن", "ابن", "بنت", "عبد", "ابو", "ابي", "ام", "ال", "آل"))
"""Words that join the parts of a name: محمد بن سلمان, عبد الرحمن, أبو عمر."""
_TITLED = frozenset(("الرئيس", "الملك", "الامير", "الشيخ", "المشير", "الفريق", "البابا"))
"""Definite titles that a bare name follows: الرئيس ترامب, الأمير أحمد."""
_HEADS_OF_PERSONS = (
    TITLES
    | _TITLED
    | frozenset("وزير سفير نائب قائد زعيم امين مستشار محافظ مبعوث مندوب ممثل كاتب".split())
)
"""Words that head a person's description, after which a bare name may follow."""
_BARE_NAME_PARTS = 2
"""Bare (undefined) words in a row that a name may have: جمال خاشقجي, not ترامب دعمه."""


def _object_begins(words: Words, first: int, index: int) -> bool:
    """The word at `index` no longer names the speaker but begins what the speaker did
    ("أعلنت وزارة الصحة مقتل 3", "أوضح ترامب اهتمامه بسوريا"): after a verb that comes
    first, the speaker is a name phrase (titles, a construct, definite adjectives, at most
    two bare names) and the verb's object follows it with no particle between them."""
    folded, tokens = words.folded, words.tokens
    word, before = folded[index], folded[index - 1]
    written = tokens[index].text
    if before in _NAME_LINKS or word in _NAME_LINKS:
        return False
    if word.startswith("ال"):
        return False  # a construct or an adjective: وزارة الصحة (الصحه), الأمم المتحدة
    if len(written) >= 4 and written.endswith(("ه", "ها", "هم", "هما")):
        return True  # a possessive: اهتمامه, دعمه, انتقاده
    if word.startswith("لل") or (
        word[:1] == "ل" and index + 1 < len(folded) and folded[index + 1].startswith("ال")
    ):
        return False  # "المرصد السوري لحقوق الإنسان", "المجلس الأعلى للإعلام"
    if before.startswith("ال") and not any(_heads_a_person(w) for w in folded[first:index]):
        return True  # "وزارة الصحة مقتل", not "مدير المرصد رامي حداد"
    if index - 1 in _countries_at(words):
        return True  # "حذرت إسرائيل إيران": a country is a whole name
    bare = 0
    for position in range(index - 1, first - 1, -1):
        if folded[position].startswith("ال") or folded[position] in TITLES:
            break
        if folded[position] not in _NAME_LINKS and tokens[position].text[0].isalpha():
            bare += 1
    return bare >= _BARE_NAME_PARTS


def _heads_a_person(word: str) -> bool:
    """وزير، الوزير، والأمين: a word that heads a person's description."""
    bare = word[1:] if word[:1] in "وف" and word[1:] in _HEADS_OF_PERSONS else word
    return bare in _HEADS_OF_PERSONS or bare.removeprefix("ال") in _HEADS_OF_PERSONS


def _countries_at(words: Words) -> set[int]:
    """Token indices of country names written without the article (مصر, إسرائيل); not the
    adjectives of their peoples (عراقي، فلسطينية), which go on describing the speaker."""
    return {
        index
        for match in words.concepts
        if match.concept.startswith(COUNTRY)
        for index in range(match.first, match.last + 1)
        if not words.folded[index].startswith("ال")
        and not words.folded[index].endswith(("ي", "يه"))
    }


_AR_LEADS = frozenset(
    "لكن ولكن بينما وبينما فيما وفيما ثم كما وكما بدوره بدورها بدورهم اما واما "
    "كان كانت وكان وكانت ، ,".split()
)
_AR_BEFORE_VERB = frozenset(("قد", "لقد", "وقد"))
""" "وكانت الحكومة قد أعلنت": particles between the subject and its verb."""
_AR_LEAD_PHRASES = tuple(
    tuple(phrase.split())
    for phrase in (
        "في حين",
        "وفي حين",
        "في المقابل",
        "وفي المقابل",
        "من جهته",
        "من جهتها",
        "ومن جهته",
        "ومن جهتها",
        "من جانبه",
        "من جانبها",
        "ومن جانبه",
        "ومن جانبها",
    )
)
_MAX_SUBJECT = 5


def _subject_before(words: Words, verb: int) -> tuple[int, int] | None:
    """The speaker named before its verb ("المرصد قال", "السلطات تقول"): a short run of
    words after the clause's opening particles, with no preposition, number or stop."""
    folded = words.folded
    start, moved = 0, True
    while moved and start < verb:
        moved = False
        for phrase in _AR_LEAD_PHRASES:
            if tuple(folded[start : start + len(phrase)]) == phrase:
                start, moved = start + len(phrase), True
        if start < verb and folded[start] in _AR_LEADS:
            start, moved = start + 1, True
    end = verb
    while end > start and folded[end - 1] in _AR_BEFORE_VERB:
        end -= 1
    if start >= end or end - start > _MAX_SUBJECT:
        return None
    for position in range(start, end):
        word = folded[position]
        if not words.tokens[position].text[0].isalpha() or word in _AR_STOPS:
            return None
        if _bare(word) in _AR_STOPS or word in AR_VERBS or _bare(word) in AR_VERBS:
            return None
    return start, end - 1


_ADDRESSED = frozenset(
    "صحفيين صحفي الصحفيين وسائل وكاله قناه صحيفه موقع تلفزيون اذاعه مراسل مراسلين رويترز".split()
)


def _addressee(word: str) -> bool:
    """ "لصحفيين", "للصحفيين", "لوكالة": whom the speaker told, not the speaker."""
    return word.startswith("لل") or (word[:1] == "ل" and word[1:] in _ADDRESSED)


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
        subject = _english_subject(words, last)
        if subject is None:
            continue
        first, last = subject
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


def _english_subject(words: Words, last: int) -> tuple[int, int] | None:
    """Where the speaker before a verb stands: from the clause start when what precedes is
    a name with appositions, the name alone before a long apposition, else just after the
    last comma (a trailing "..., it said")."""
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
        return start, last
    comma = next((p for p in region if folded[p] == ","), None)
    closed = last + 1 < len(folded) and folded[last + 1] == ","  # "..., an armed group, said"
    if comma is not None and closed and start < comma <= start + _MAX_SPEAKER:
        head = range(start, comma)
        if words.tokens[start].text[0].isupper() and all(
            folded[i][:1].isalpha() and folded[i] not in EN_VERBS for i in head
        ):
            return start, comma - 1  # "The Northern Front, an armed group fighting ..., said"
    for position in range(last, start - 1, -1):
        if folded[position] == ",":
            return (position + 1, last) if last - position <= _MAX_SPEAKER else None
    return None


_MARKERS = (*AR_SOURCE_MARKERS, ("according", "to"), ("citing",))
_MARKER_HEADS = frozenset(marker[0] for marker in _MARKERS)


def _according_to(words: Words) -> Attribution | None:
    folded = words.folded
    for index in range(len(folded)):
        if folded[index] not in _MARKER_HEADS:
            continue
        for marker in _MARKERS:
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
                speaker = words.span_text(first, last)
                if marker[0] in ("وفقا", "طبقا") and speaker[:1] == "ل" and len(speaker) > 3:
                    speaker = speaker[1:].lstrip("ـ")  # "وفقا لمصادر طبية": the sources
                return Attribution(speaker, "explicit", first, last, index, 0)
    return None
