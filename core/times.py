"""When a claim says its event happened: weekdays, parts of the day, dates.

Values are language-independent ("thursday", "dawn", "01-16") so Arabic and
English times compare. "Since Wednesday" (منذ الأربعاء) starts a period and is
kept apart from a point in time.
"""

from __future__ import annotations

import re

from riwaya.core.model import Span, TimeRef
from riwaya.core.words import Words

WEEKDAYS = {
    "الاحد": "sunday",
    "الاثنين": "monday",
    "الثلاثاء": "tuesday",
    "الاربعاء": "wednesday",
    "الخميس": "thursday",
    "الجمعه": "friday",
    "السبت": "saturday",
    "sunday": "sunday",
    "monday": "monday",
    "tuesday": "tuesday",
    "wednesday": "wednesday",
    "thursday": "thursday",
    "friday": "friday",
    "saturday": "saturday",
}
# Parts of the day, with a typical hour: two parts conflict when 6 hours or more apart.
PARTS = {
    "فجر": "dawn",
    "الفجر": "dawn",
    "فجرا": "dawn",
    "صباح": "morning",
    "صباحا": "morning",
    "الصباح": "morning",
    "ظهر": "noon",
    "ظهرا": "noon",
    "الظهر": "noon",
    "عصر": "afternoon",
    "عصرا": "afternoon",
    "العصر": "afternoon",
    "مساء": "evening",
    "مساءا": "evening",
    "المساء": "evening",
    "ليل": "night",
    "ليلا": "night",
    "الليل": "night",
    "ليله": "night",
    "dawn": "dawn",
    "daybreak": "dawn",
    "morning": "morning",
    "noon": "noon",
    "midday": "noon",
    "afternoon": "afternoon",
    "evening": "evening",
    "night": "night",
    "overnight": "night",
    "midnight": "night",
    "tonight": "night",
}
PART_HOURS = {"dawn": 5, "morning": 9, "noon": 12, "afternoon": 15, "evening": 19, "night": 23}
MONTHS = {
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "اغسطس": 8,
    "سبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_TWO_WORD_MONTHS = {
    ("كانون", "الثاني"): 1,
    ("تشرين", "الاول"): 10,
    ("تشرين", "الثاني"): 11,
    ("كانون", "الاول"): 12,
}
RELATIVE = {
    "امس": "yesterday",
    "yesterday": "yesterday",
    "اليوم": "today",
    "today": "today",
    "غدا": "tomorrow",
    "tomorrow": "tomorrow",
}
_RELATIVE_PHRASES = {
    ("مطلع", "الاسبوع"): "early-week",
    ("earlier", "this", "week"): "early-week",
    ("الاسبوع", "الماضي"): "last-week",
    ("last", "week"): "last-week",
    ("اوائل", "الاسبوع"): "early-week",
    ("this", "week"): "this-week",
}
_SINCE = frozenset(("منذ", "since", "ومنذ"))
_CLITICS = ("و", "ب", "ل", "ف")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b|\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def _bare(word: str, table: dict) -> str | None:
    """Look a folded word up, allowing one leading clitic (والخميس، بالفجر، ليلة)."""
    if word in table:
        return table[word]
    if word[:1] in _CLITICS and word[1:] in table:
        return table[word[1:]]
    if word[:2] in ("بال", "وال", "فال") and "ال" + word[3:] in table:
        return table["ال" + word[3:]]
    return None


def _day_number(words: Words, index: int) -> int | None:
    text = words.folded[index]
    return int(text) if text.isdigit() and 1 <= int(text) <= 31 else None


def extract(words: Words) -> list[TimeRef]:
    found: list[TimeRef] = []
    tokens, folded = words.tokens, words.folded
    for match in _ISO_DATE.finditer(words.text, words.start, words.end):
        year, month, day = (match.group(1), match.group(2), match.group(3))
        if not year:
            day, month, year = match.group(4), match.group(5), match.group(6)
        found.append(
            _ref("date", f"{int(month):02d}-{int(day):02d}", match.start(), match.end(), words.text)
        )
    index = 0
    while index < len(tokens):
        word = folded[index]
        since = any(w in _SINCE for w in folded[max(index - 2, 0) : index])
        weekday = _bare(word, WEEKDAYS)
        part = _bare(word, PARTS)
        month = _bare(word, MONTHS)
        two = tuple(folded[index : index + 2])
        if two in _TWO_WORD_MONTHS:
            month = _TWO_WORD_MONTHS[two]
        if weekday:
            found.append(_token_ref("since" if since else "weekday", weekday, words, index, index))
        elif part and word != "may":
            found.append(_token_ref("part", part, words, index, index))
        elif month and _date_around(words, index, month, found, two in _TWO_WORD_MONTHS):
            pass
        else:
            for size in (3, 2):
                phrase = tuple(folded[index : index + size])
                if len(phrase) == size and phrase in _RELATIVE_PHRASES:
                    found.append(
                        _token_ref(
                            "relative", _RELATIVE_PHRASES[phrase], words, index, index + size - 1
                        )
                    )
                    index += size - 1
                    break
            else:
                relative = _bare(word, RELATIVE)
                if relative:
                    found.append(_token_ref("relative", relative, words, index, index))
        index += 1
    return found


def _date_around(words: Words, index: int, month: int, found: list[TimeRef], wide: bool) -> bool:
    """ "16 يناير" / "January 16": a month name with a day number beside it."""
    end = index + (1 if wide else 0)
    before = _day_number(words, index - 1) if index else None
    after = _day_number(words, end + 1) if end + 1 < len(words.tokens) else None
    if before is not None:
        found.append(_token_ref("date", f"{month:02d}-{before:02d}", words, index - 1, end))
        return True
    if after is not None:
        found.append(_token_ref("date", f"{month:02d}-{after:02d}", words, index, end + 1))
        return True
    return False


def _token_ref(kind: str, value: str, words: Words, first: int, last: int) -> TimeRef:
    start, end = words.tokens[first].start, words.tokens[last].end
    return _ref(kind, value, start, end, words.text)


def _ref(kind: str, value: str, start: int, end: int, text: str) -> TimeRef:
    return TimeRef(kind, value, Span(start, end, text[start:end]))


def conflict(a: TimeRef, b: TimeRef) -> bool:
    """Two point times that cannot both be true of one event."""
    if a.kind != b.kind or a.kind not in ("weekday", "part", "date"):
        return False
    if a.kind == "part":
        gap = abs(PART_HOURS[a.value] - PART_HOURS[b.value])
        return min(gap, 24 - gap) >= 6
    return a.value != b.value
