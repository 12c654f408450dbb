"""Numbers as intervals, with their hedge and what they count.

"Up to 40 soldiers killed" is killed/soldier in [0, 40]; "at least 27 dead" is
killed/person in [27, inf]; "عشرات الغارات" is airstrike in [20, 99]. Digits may
be Western or Arabic-Indic, with thousands separators; number words are read in
both languages, duals (ألفين، ألفي) included.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache

from riwaya.core import times as time_reader
from riwaya.core.lexicon import lexicon
from riwaya.core.model import Quantity, Span
from riwaya.core.stem import stem
from riwaya.core.words import Words

_DIGITS = "0-9٠-٩۰-۹"
NUMBER_RE = re.compile(
    rf"(?<![{_DIGITS}\w])[{_DIGITS}]+(?:[,٬][{_DIGITS}]{{3}})*(?:[.٫][{_DIGITS}]+)?"
)
_CLITIC_NUMBER_RE = re.compile(
    rf"[وبل]ـ?([{_DIGITS}]+(?:[,٬][{_DIGITS}]{{3}})*(?:[.٫][{_DIGITS}]+)?)"
)
""""بـ50 مليار", "و٨٠ دولارا", "ب١٤٦": a conjunction or preposition written onto the digits."""
_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.", ",٬")

# Folded number words (ة → ه, أ → ا, ى → ي), with their value.
_UNITS = {
    "واحد": 1,
    "واحده": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "اثني": 2,
    "اثنتي": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثماني": 8,
    "ثمانيه": 8,
    "ثمان": 8,
    "تسع": 9,
    "تسعه": 9,
    "عشر": 10,
    "عشره": 10,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a dozen": 12,
    "dozen": 12,
}
_TENS_AR = {
    "عشر": 20,
    "ثلاث": 30,
    "اربع": 40,
    "خمس": 50,
    "ست": 60,
    "سبع": 70,
    "ثمان": 80,
    "تسع": 90,
}
for _stem, _value in _TENS_AR.items():
    _UNITS[_stem + "ون"] = _UNITS[_stem + "ين"] = _value
_HUNDREDS = {
    "مئه": 100,
    "مائه": 100,
    **{
        unit + hundred: value * 100
        for unit, value in (
            ("ثلاث", 3),
            ("اربع", 4),
            ("خمس", 5),
            ("ست", 6),
            ("سبع", 7),
            ("ثمان", 8),
            ("تسع", 9),
        )
        for hundred in ("مئه", "مائه")
    },
    "مئتين": 200,
    "مئتي": 200,
    "مائتين": 200,
    "مائتي": 200,
    "مئتان": 200,
    "hundred": 100,
}
_SCALES = {
    "الف": 1000,
    "الاف": 1000,
    "thousand": 1000,
    "مليون": 10**6,
    "ملايين": 10**6,
    "million": 10**6,
    "مليار": 10**9,
    "مليارا": 10**9,
    "مليارات": 10**9,
    "مليونا": 10**6,
    "الفا": 1000,
    "billion": 10**9,
}
_DUALS = {"الفين": 2000, "الفي": 2000, "الفان": 2000, "مليونين": 2 * 10**6, "مليوني": 2 * 10**6}
# Vague counts: the interval a careful reader would allow.
_VAGUE = {
    "عشرات": (20, 99),
    "dozens": (24, 99),
    "tens": (20, 99),
    "scores": (40, 99),
    "مئات": (200, 999),
    "hundreds": (200, 999),
    "الاف": (2000, 9999),
    "thousands": (2000, 9999),
    "عده": (3, 10),
    "several": (3, 10),
    "بضع": (3, 9),
    "بضعه": (3, 9),
}


def _may_start_number(word: str) -> bool:
    """A cheap test before reading number words: most words are not one."""
    return word in _STARTERS or (word[:1] in ("و", "ب", "ل") and word[1:] in _STARTERS)


_FRACTIONS = {"ربع": 0.25, "نصف": 0.5, "ثلث": 1 / 3, "quarter": 0.25, "half": 0.5}
_STARTERS = frozenset(
    (*_UNITS, *_HUNDREDS, *_SCALES, *_DUALS, "ربع", "نصف", "ثلث", "quarter", "half", "احد", "احدي")
)
_NUMBER_WORDS = frozenset((*_UNITS, *_HUNDREDS, *_SCALES, *_DUALS))

# Hedges before the number (folded token sequences) and after it.
_BEFORE = [
    (("ما", "يصل", "الي"), "up_to"),
    (("يصل", "الي"), "up_to"),
    (("up", "to"), "up_to"),
    (("as", "many", "as"), "up_to"),
    (("ما", "لا", "يقل", "عن"), "at_least"),
    (("لم", "يتجاوز"), "up_to"),
    (("لم", "تتجاوز"), "up_to"),
    (("لا", "يتجاوز"), "up_to"),
    (("لا", "تتجاوز"), "up_to"),
    (("لا", "يزيد", "عن"), "up_to"),
    (("لا", "يزيد", "علي"), "up_to"),
    (("تجاوز",), "more_than"),
    (("يتجاوز",), "more_than"),
    (("تتجاوز",), "more_than"),
    (("تجاوزت",), "more_than"),
    (("تخطي",), "more_than"),
    (("تخطت",), "more_than"),
    (("يتخطي",), "more_than"),
    (("يفوق",), "more_than"),
    (("فاق",), "more_than"),
    (("no", "more", "than"), "up_to"),
    (("not", "more", "than"), "up_to"),
    (("at", "most"), "up_to"),
    (("لا", "يقل", "عن"), "at_least"),
    (("at", "least"), "at_least"),
    (("no", "fewer", "than"), "at_least"),
    (("علي", "الاقل"), "at_least"),
    (("اكثر", "من"), "more_than"),
    (("ما", "يزيد", "علي"), "more_than"),
    (("ما", "يزيد", "عن"), "more_than"),
    (("يزيد", "علي"), "more_than"),
    (("يزيد", "عن"), "more_than"),
    (("more", "than"), "more_than"),
    (("over",), "more_than"),
    (("upwards", "of"), "more_than"),
    (("in", "excess", "of"), "more_than"),
    (("اقل", "من"), "less_than"),
    (("less", "than"), "less_than"),
    (("fewer", "than"), "less_than"),
    (("under",), "less_than"),
    (("نحو",), "about"),
    (("حوالي",), "about"),
    (("قرابه",), "about"),
    (("زهاء",), "about"),
    (
        (
            "ما",
            "يقارب",
        ),
        "about",
    ),
    (("يقارب",), "about"),
    (("ما", "يقرب", "من"), "about"),
    (("يقرب", "من"), "about"),
    (("close", "to"), "about"),
    (("ما", "يناهز"), "about"),
    (("about",), "about"),
    (("around",), "about"),
    (("approximately",), "about"),
    (("roughly",), "about"),
    (("some",), "about"),
    (("nearly",), "nearly"),
    (("almost",), "nearly"),
    (("قرابة",), "about"),
]
_AFTER = [
    (("علي", "الاقل"), "at_least"),
    (("at", "least"), "at_least"),
    (("تقريبا",), "about"),
    (("or", "more"), "at_least"),
]
_LONGEST_HEDGE = max(len(p) for p, _ in _BEFORE)
_BEFORE_BY_PHRASE: dict[tuple[str, ...] | None, str] = {}
for _phrase, _hedge in _BEFORE:
    _BEFORE_BY_PHRASE.setdefault(_phrase, _hedge)  # the first listed wins, as in a scan

# What a number followed by one of these measures is not a count of people or events.
_UNIT_WORDS = {
    "ساعه": "duration",
    "ساعات": "duration",
    "يوم": "duration",
    "ايام": "duration",
    "يوما": "duration",
    "يومين": "duration",
    "شهرا": "duration",
    "اسبوعا": "duration",
    "ساعتين": "duration",
    "اسبوع": "duration",
    "اسابيع": "duration",
    "شهر": "duration",
    "اشهر": "duration",
    "سنه": "duration",
    "سنوات": "duration",
    "عام": "duration",
    "عاما": "duration",
    "دقيقه": "duration",
    "دقائق": "duration",
    "hours": "duration",
    "hour": "duration",
    "days": "duration",
    "day": "duration",
    "weeks": "duration",
    "months": "duration",
    "years": "duration",
    "year": "duration",
    "minutes": "duration",
    "%": "percent",
    "بالمئه": "percent",
    "بالمائه": "percent",
    "percent": "percent",
    "في المئه": "percent",
    "كيلومتر": "distance",
    "كيلومترات": "distance",
    "كم": "distance",
    "km": "distance",
    "kilometres": "distance",
    "kilometers": "distance",
    "miles": "distance",
    "متر": "distance",
    "دولار": "money",
    "دولارا": "money",
    "دولارات": "money",
    "dollars": "money",
    "$": "money",
}
_LOOKAHEAD = 3


def _digit_value(text: str) -> float:
    return float(text.translate(_TO_ASCII))


def _word_value(words: Words, index: int) -> tuple[float, int] | None:
    """Read a run of number words starting at token `index`: (value, last index)."""
    total = current = 0.0
    last = -1
    position = index
    while position < len(words.folded):
        word = words.folded[position]
        bare = word
        # "وعشرين" within a number; "بثلاث" / "لخمسة" at its start
        clitic = word[:1] in ("و", "ب", "ل") and len(word) > 3 and word not in _NUMBER_WORDS
        if clitic and (position > index or word[:1] != "و"):
            bare = word[1:]
        if position == index and word.startswith("ال") and word[2:] in _NUMBER_WORDS:
            bare = word[2:]  # "تجاوز الستين"
        if bare in ("احد", "احدي") and position + 1 < len(words.folded):
            if words.folded[position + 1] in ("عشر", "عشره"):
                current += 11  # أحد عشر / إحدى عشرة
                last = position + 1
                position += 2
                continue
            break
        if bare in _FRACTIONS:
            after = position + 1
            while (
                after < len(words.folded)
                and after - position <= 2
                and words.folded[after] in ("of", "a")
            ):
                after += 1
            if after < len(words.folded) and words.folded[after] in _SCALES:
                total += _FRACTIONS[bare] * _SCALES[words.folded[after]]  # ربع مليون
                last = after
                position = after + 1
                continue
            break
        if bare in ("عشر", "عشره") and last >= 0 and 0 < current < 10:
            current += 10
        elif bare in _UNITS:
            current += _UNITS[bare]
        elif bare in _HUNDREDS:  # مئة multiplies what precedes; مئتان, خمسمئة add
            current = (current or 1) * 100 if _HUNDREDS[bare] == 100 else current + _HUNDREDS[bare]
        elif bare in _DUALS:
            total += _DUALS[bare]
        elif bare in _SCALES and (current or total or position == index):
            if position == index and bare in _VAGUE:
                return None
            total += (current or 1) * _SCALES[bare]
            current = 0
        elif bare in ("and", "-") and last >= 0:
            position += 1
            continue
        else:
            break
        last = position
        position += 1
    if last < 0:
        return None
    return total + current, last


def _hedged_definite(words: Words, index: int) -> bool:
    """ "عدد القتلى تجاوز الستين": a number word with the article, after a hedge."""
    word = words.folded[index]
    return (
        word.startswith("ال")
        and word[2:] in _NUMBER_WORDS
        and _hedge_before(words, index)[0] != "exact"
    )


def _dual(words: Words, index: int) -> tuple[str, str] | None:
    """(category, entity) of an Arabic dual noun ("جنديان", "قتيلان", "سيارتان"): a noun of
    the lexicon with the ending -ان, which counts two."""
    if not words.folded[index].endswith("ان"):
        return None  # most words: decided before any look-up
    found = _dual_concept(*words.folded[index : index + 2])
    if found is None:
        return None
    concept, kind = found
    if kind == "measure":
        return concept, ""
    if kind == "pair":
        return "count", concept
    return (_nearest_measure(words, index, index) or "count"), concept


@lru_cache(maxsize=20_000)
def _dual_concept(word: str, following: str = "") -> tuple[str, str] | None:
    """The concept a dual names and its kind ("pair" for a noun and its adjective)."""
    singular, adjective = _singular(word), _singular(following)
    if not singular:
        return None
    lex = lexicon()
    if adjective:  # "سيارتان مفخختان"
        pair = lex.find([stem(singular), stem(adjective)], [singular, adjective])
        if pair and pair[0].last == 1:
            kind = lex.concept_type(pair[0].concept)
            return pair[0].concept, "measure" if kind == "measure" else "pair"
    for match in lex.find([stem(singular)], [singular]):
        kind = lex.concept_type(match.concept)
        if kind in ("measure", "entity", "event"):
            return match.concept, kind
    return None


def _singular(word: str) -> str:
    """The singular of a folded dual ("جنديان" → "جندي", "سيارتان" → "سياره"), or ""."""
    if len(word) < 5 or not word.endswith("ان"):
        return ""
    return word[:-3] + "ه" if word.endswith("تان") else word[:-2]


def _vague_scale(words: Words, index: int) -> int:
    """The last token of a vague count's scale word ("عشرات الآلاف", "tens of thousands"),
    or `index` when none follows."""
    following = words.folded[index + 1 : index + 3]
    if following and following[0] in _VAGUE_SCALES:
        return index + 1
    if len(following) == 2 and following[0] == "of" and following[1] in _VAGUE_SCALES:
        return index + 2
    return index


_VAGUE_SCALES = {
    **{w: 1000 for w in ("الاف", "الالاف", "thousands")},
    **{w: 10**6 for w in ("ملايين", "الملايين", "millions")},
    **{w: 10**9 for w in ("مليارات", "المليارات", "billions")},
}


def _hedge_before(words: Words, index: int) -> tuple[str, int]:
    """The hedge right before a number: "at least (a) dozen", "بنحو 15" (clitic ب)."""
    end = index - 1 if index and words.folded[index - 1] in ("a", "an") else index
    for size in range(min(_LONGEST_HEDGE, end), 0, -1):
        phrase = list(words.folded[end - size : end])
        if phrase[0][:1] in ("ب", "و", "ل") and len(phrase[0]) > 3:
            unclitic = (phrase[0][1:], *phrase[1:])
        else:
            unclitic = None
        hedge = _BEFORE_BY_PHRASE.get(tuple(phrase)) or _BEFORE_BY_PHRASE.get(unclitic)
        if hedge:
            return hedge, end - size
    return "exact", index


def _hedge_after(words: Words, index: int) -> str | None:
    for offset in range(1, _LOOKAHEAD + 2):
        for pattern, hedge in _AFTER:
            if tuple(words.folded[index + offset : index + offset + len(pattern)]) == pattern:
                return hedge
    return None


def _interval(value: float, hedge: str) -> tuple[float, float]:
    match hedge:
        case "up_to":
            return 0.0, value
        case "at_least":
            return value, math.inf
        case "more_than":
            return value + (1 if value == int(value) else 0), math.inf
        case "less_than":
            return 0.0, max(value - 1, 0.0)
        case "about":
            margin = max(1.0, round(value * 0.1))
            return max(value - margin, 0.0), value + margin
        case "nearly":
            return max(value - max(1.0, round(value * 0.1)), 0.0), value
    return value, value


_LINKS = frozenset(
    ("of", "من", "were", "was", "have", "has", "been", "had", "are", "is", "reportedly")
)


def _measured(words: Words, first: int, last: int) -> tuple[str, str] | None:
    """(category, entity) of the number at tokens first..last, or None for years and units."""
    following = words.folded[last + 1 : last + 1 + _LOOKAHEAD]
    if following and following[0] in _UNIT_WORDS:
        return _UNIT_WORDS[following[0]], following[0]
    lex = lexicon()
    starts = {m.first: m for m in words.concepts}
    category = entity = ""
    position = last + 1
    while position <= last + _LOOKAHEAD and position < len(words.folded):
        match = starts.get(position)
        if words.folded[position][:1] == "و" and (
            position > last + 1 or (match and lex.concept_type(match.concept) == "measure")
        ):
            break  # "مدنيا وأصيب", "7 وإصابة 250": a new verb or noun, not this number's
        if match:
            kind = lex.concept_type(match.concept)
            if kind == "measure" and not category:
                category = match.concept
            elif kind in ("entity", "topic") and not entity:
                entity = match.concept
            elif kind == "event" and not category and not entity:
                return "count", match.concept  # "ثلاث سيارات مفخخة": three car bombs
            else:
                break
            position = match.last + 1
        elif words.folded[position] in _LINKS:
            position += 1
        else:
            break
    if not category:
        category = _nearest_measure(words, first, last)
    if not category and not entity:
        noun = _counted_noun(words, last)
        return ("count", noun) if noun else None
    return category or "count", entity


_ADJECTIVAL = frozenset(("واحد", "واحده", "اثنان", "اثنين", "اثنتان", "اثنتين"))


def _postposed(words: Words, first: int, last: int) -> tuple[str, str] | None:
    """ "سيارة مفخخة واحدة": one and two follow the noun they count, as adjectives."""
    if first == 0 or first != last or words.folded[first] not in _ADJECTIVAL:
        return None
    for match in words.concepts:
        if match.last == first - 1 or match.last == first - 2:
            return "count", match.concept
    previous = words.tokens[first - 1].text
    return ("count", "~" + words.stems[first - 1]) if previous[:1].isalpha() else None


def _counted_noun(words: Words, last: int) -> str:
    """The stem of the word a bare number counts ("87 نائبا", "450 دينارا"), if any."""
    if last + 1 >= len(words.tokens):
        return ""
    token = words.tokens[last + 1]
    if not token.text[:1].isalpha() or words.folded[last + 1] in _LINKS:
        return ""
    return "~" + words.stems[last + 1]


_MEASURE_REACH = 4
"""How far a measure word may stand from a number it qualifies: "إصابة 41 حالة" counts the
wounded; "أربع ولايات" at the end of that sentence does not."""


def _nearest_measure(words: Words, first: int, last: int) -> str:
    """The measure concept closest to the number, the preceding one on a tie (قتل 23 مدنيا)."""
    lex = lexicon()
    best, distance = "", 10**9
    for match in words.concepts:
        if lex.concept_type(match.concept) != "measure" or first <= match.first <= last:
            continue
        gap = first - match.last if match.last < first else match.first - last
        if gap > _MEASURE_REACH:
            continue
        if gap < distance or (gap == distance and match.first < first):
            best, distance = match.concept, gap
    return best


_YEAR_CUES = frozenset(
    ("عام", "سنه", "العام", "منذ", "in", "since", "of", "year", *time_reader.MONTHS)
)
""" "منذ مارس 2024": a month before a number in 1900–2100 makes it a year."""


def _looks_like_year(value: float, words: Words, first: int, last: int) -> bool:
    """1900–2100 after "in"/"عام", or with no counted noun after it, is a year."""
    if not (1900 <= value <= 2100 and value == int(value)):
        return False
    if first and words.folded[first - 1] in _YEAR_CUES:
        return True
    return not any(last < m.first <= last + _LOOKAHEAD for m in words.concepts)


@lru_cache(maxsize=100_000)
def _inert(written: str, folded: str) -> bool:
    """A word that begins no quantity: no digits, number word, vague count or dual. Most
    words are; each is tested once, not at every clause that has it."""
    return not (
        NUMBER_RE.fullmatch(written)
        or _CLITIC_NUMBER_RE.fullmatch(written)
        or folded in _VAGUE
        or _may_start_number(folded)
        or (folded.startswith("ال") and folded[2:] in _NUMBER_WORDS)
        or folded.endswith("ان")
    )


def extract(words: Words, skip: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Quantities in a clause; `skip` holds character spans already read as dates."""
    skip = skip or []
    found: list[Quantity] = []
    index = 0
    tokens = words.tokens
    skipped = {i for a, b in skip for i, t in enumerate(tokens) if a <= t.start < b}
    folded = words.folded
    while index < len(tokens):
        token = tokens[index]
        if index in skipped or _inert(token.text, folded[index]):
            index += 1
            continue
        value: float | None = None
        last = index
        hedge = "exact"
        clitic = _CLITIC_NUMBER_RE.fullmatch(token.text)
        if NUMBER_RE.fullmatch(token.text) or clitic:
            last = _join_digits(words, index)
            value = _digit_value(words.span_text(index, last)[clitic.start(1) if clitic else 0 :])
            scale = words.folded[last + 1] if last + 1 < len(tokens) else ""
            if scale in _SCALES:
                value *= _SCALES[scale]
                last += 1
        elif words.folded[index] in _VAGUE and not (index and words.folded[index - 1] in _UNITS):
            low, high = _VAGUE[words.folded[index]]
            last = _vague_scale(words, index)
            if last > index:  # "عشرات الآلاف", "hundreds of thousands"
                scale = _VAGUE_SCALES[words.folded[last]]
                low, high = low * scale, high * scale
            measured = _measured(words, index, last)
            if measured:
                found.append(_quantity(words, index, last, low, high, "vague", measured))
            index = last + 1
            continue
        elif _may_start_number(words.folded[index]) or _hedged_definite(words, index):
            read = _word_value(words, index)
            if read:
                value, last = read
        if value is None:
            dual = _dual(words, index)
            if dual:  # "جنديان قتلا": two soldiers, in the noun's own ending
                found.append(_quantity(words, index, index, 2, 2, "exact", dual))
                if index + 1 < len(tokens) and _singular(words.folded[index + 1]):
                    index += 1  # its adjective agrees in number: one count
            index += 1
            continue
        if value == 0 and not (NUMBER_RE.fullmatch(token.text) or clitic):
            index += 1
            continue
        if (NUMBER_RE.fullmatch(token.text) or clitic) and _looks_like_year(
            value, words, index, last
        ):
            index = last + 1
            continue
        measured = _postposed(words, index, last) or _measured(words, index, last)
        if measured and measured[0] not in ("duration", "distance"):
            hedge, begin = _hedge_before(words, index)
            if hedge == "exact":
                hedge = _hedge_after(words, last) or "exact"
            if (
                _is_part(words, last)
                or _among(words, begin)
                or (measured[0] == "count" and _sum_follows(words, last))
            ):
                hedge = "part"
            elif _is_capacity(words, begin):
                measured = ("capacity", measured[1])
            low, high = _interval(value, hedge)
            quantity = _quantity(words, begin, last, low, high, hedge, measured)
            if clitic and begin == index:  # the span starts at the digits, not the clitic
                start = token.start + clitic.start(1)
                quantity = replace(
                    quantity,
                    span=Span(start, quantity.span.end, words.text[start : quantity.span.end]),
                )
            found.append(quantity)
        index = last + 1
    return found


_CAPACITY_CUES = frozenset(
    (
        "carry",
        "capacity",
        "licensed",
        "designed",
        "holds",
        "يتسع",
        "سعه",
        "بسعه",
        "تتسع",
        "قادره",
        "مرخصه",
    )
)
_PART_LINKS = frozenset(("من", "of"))


def _is_capacity(words: Words, first: int) -> bool:
    """ "Licensed to carry 200" / "بسعة 200 راكب" states a limit, not a count."""
    return any(w in _CAPACITY_CUES for w in words.folded[max(first - 3, 0) : first])


def _is_part(words: Words, last: int) -> bool:
    """ "9 of the dead" / "9 من القتلى" count a part of a total stated elsewhere."""
    after = words.folded[last + 1 : last + 3]
    return len(after) == 2 and after[0] in _PART_LINKS and after[1][:2] in ("ال", "th")


_AMONG = frozenset("بينهم بينهن منهم منهن including among".split())


def _among(words: Words, first: int) -> bool:
    """ "7 activists, among them 3 women" / "بينهم 3 نساء": a part of a count just given."""
    before = words.folded[max(first - 2, 0) : first]
    return any(word in _AMONG for word in before)


def _sum_follows(words: Words, last: int) -> bool:
    """ "180 passengers and 12 crew": each number is a part of the whole on board."""
    tail = words.folded[last + 1 : last + 5]
    return any(
        (w == "and" or w == "و") and i + 1 < len(tail) and NUMBER_RE.fullmatch(tail[i + 1])
        for i, w in enumerate(tail)
    ) or any(w[:1] == "و" and NUMBER_RE.fullmatch(w[1:] or "x") for w in tail)


def _join_digits(words: Words, index: int) -> int:
    """Digits split by the tokenizer at a separator ("1", ",", "200") belong together."""
    last = index
    tokens = words.tokens
    while (
        last + 2 < len(tokens)
        and tokens[last + 1].text in ",٬.٫"
        and tokens[last + 1].start == tokens[last].end
        and tokens[last + 2].start == tokens[last + 1].end
        and NUMBER_RE.fullmatch(tokens[last + 2].text)
        and (tokens[last + 1].text in ".٫" or len(tokens[last + 2].text) == 3)
    ):
        last += 2
    return last


def _quantity(
    words: Words,
    first: int,
    last: int,
    low: float,
    high: float,
    hedge: str,
    measured: tuple[str, str],
) -> Quantity:
    tokens = words.tokens
    end_token = last
    lex = lexicon()
    for match in words.concepts:
        if (
            last < match.first <= last + _LOOKAHEAD
            and lex.concept_type(match.concept) != "event"
            and match.concept in measured
        ):
            end_token = max(end_token, match.last)
    span = Span(tokens[first].start, tokens[end_token].end, words.span_text(first, end_token))
    return Quantity(low, high, hedge, measured[0], measured[1], span)
