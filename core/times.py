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
    "midnight": "midnight",
    "tonight": "night",
}
PART_HOURS = {
    "midnight": 0,
    "dawn": 5,
    "morning": 9,
    "noon": 12,
    "afternoon": 15,
    "evening": 19,
    "night": 23,
}
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
# Relative times, with roughly how many days from the telling they point at.
RELATIVE_DAYS = {
    "today": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "early-week": -3,
    "this-week": 0,
    "last-week": -7,
    "two-weeks-ago": -14,
    "last-month": -30,
    "next-week": 7,
    "next-month": 30,
    "last-year": -365,
}
_RELATIVE_PHRASES = {
    ("الاسبوع", "المقبل"): "next-week",
    ("الاسبوع", "القادم"): "next-week",
    ("next", "week"): "next-week",
    ("الشهر", "الماضي"): "last-month",
    ("last", "month"): "last-month",
    ("الشهر", "المقبل"): "next-month",
    ("next", "month"): "next-month",
    ("قبل", "اسبوعين"): "two-weeks-ago",
    ("two", "weeks", "ago"): "two-weeks-ago",
    ("العام", "الماضي"): "last-year",
    ("last", "year"): "last-year",
    ("the", "early", "hours"): "early-hours",
    ("ساعات", "الفجر"): "early-hours",
    ("مطلع", "الاسبوع"): "early-week",
    ("earlier", "this", "week"): "early-week",
    ("الاسبوع", "الماضي"): "last-week",
    ("last", "week"): "last-week",
    ("اوائل", "الاسبوع"): "early-week",
    ("مطلع", "هذا", "الاسبوع"): "early-week",
    ("في", "وقت", "سابق", "هذا", "الاسبوع"): "early-week",
    ("وقت", "سابق", "من", "هذا", "الاسبوع"): "early-week",
    ("هذا", "الاسبوع"): "this-week",
    ("this", "week"): "this-week",
}
_SINCE = frozenset(("منذ", "since", "ومنذ"))
_CLOCK = re.compile(
    r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|am|pm)(?![a-z])", re.IGNORECASE
)
_AR_HOURS = {
    "الواحده": 1,
    "الثانيه": 2,
    "الثالثه": 3,
    "الرابعه": 4,
    "الخامسه": 5,
    "السادسه": 6,
    "السابعه": 7,
    "الثامنه": 8,
    "التاسعه": 9,
    "العاشره": 10,
    "الحاديه": 11,
    "الثانيه عشره": 12,
}
_AR_HALF = {
    "صباحا": "am",
    "صباح": "am",
    "فجرا": "am",
    "ظهرا": "pm",
    "عصرا": "pm",
    "مساء": "pm",
    "مساءا": "pm",
    "ليلا": "pm",
}
_YEAR_CUES = frozenset(("عام", "سنه", "العام", "in", "year"))
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
    for match in _CLOCK.finditer(words.text, words.start, words.end):
        hour = int(match.group(1)) % 12 + (12 if match.group(3).lower().startswith("p") else 0)
        found.append(_ref("clock", f"{hour:02d}", match.start(), match.end(), words.text))
    clocked = {t.span.start for t in found if t.kind == "clock"}
    if _TRIGGERS.isdisjoint(folded) and _TRIGGERS.isdisjoint(
        word[1:] for word in folded if word[:1] in _CLITICS
    ):
        return found  # no time word in this clause: the common case, decided cheaply
    index = 0
    while index < len(tokens):
        word = folded[index]
        if word not in _TRIGGERS and (word[:1] not in _CLITICS or word[1:] not in _TRIGGERS):
            index += 1  # every rule below begins at a time word, bare or after a clitic
            continue
        if word == "الساعه" and index + 1 < len(tokens):
            hour = _arabic_hour(words, index + 1)
            if hour is not None:
                found.append(_token_ref("clock", f"{hour[0]:02d}", words, index, hour[1]))
                index = hour[1] + 1
                continue
        if word in _YEAR_CUES and index + 1 < len(tokens) and _is_year(folded[index + 1]):
            found.append(_token_ref("year", folded[index + 1], words, index, index + 1))
            index += 2
            continue
        if word == "منتصف" and folded[index + 1 : index + 2] == ["الليل"]:
            found.append(_token_ref("part", "midnight", words, index, index + 1))
            index += 2
            continue
        if tokens[index].start in clocked:
            index += 1
            continue
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
        elif month and word != "may":
            last = index + (1 if two in _TWO_WORD_MONTHS else 0)
            found.append(_token_ref("month", f"{month:02d}", words, index, last))
        else:
            for size in (5, 4, 3, 2):
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


_TRIGGERS = frozenset(
    (
        *WEEKDAYS,
        *PARTS,
        *MONTHS,
        *RELATIVE,
        *_SINCE,
        *_YEAR_CUES,
        "الساعه",
        "منتصف",
        *(phrase[0] for phrase in _RELATIVE_PHRASES),
        *(pair[0] for pair in _TWO_WORD_MONTHS),
    )
)


def _is_year(word: str) -> bool:
    return word.isdigit() and len(word) == 4 and 1900 <= int(word) <= 2100


def _arabic_hour(words: Words, index: int) -> tuple[int, int] | None:
    """ "الساعة السادسة مساء" / "الساعة 6 صباحا": (hour of the day, last token)."""
    word = words.folded[index]
    hour = int(word) if word.isdigit() and int(word) <= 24 else _AR_HOURS.get(word)
    if hour is None:
        return None
    half = words.folded[index + 1] if index + 1 < len(words.folded) else ""
    if _AR_HALF.get(half) == "pm" and hour < 12:
        return hour + 12, index + 1
    return hour, index + (1 if half in _AR_HALF else 0)


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


def _hour(time: TimeRef) -> int | None:
    if time.kind == "clock":
        return int(time.value)
    if time.kind == "part":
        return PART_HOURS[time.value]
    if time.kind == "relative" and time.value == "early-hours":
        return 3
    return None


def conflict(a: TimeRef, b: TimeRef) -> bool:
    """Two times that cannot both be true of one event: other days, dates, months or
    years, hours of the day far apart, relative times far apart."""
    hour_a, hour_b = _hour(a), _hour(b)
    if hour_a is not None and hour_b is not None:
        gap = abs(hour_a - hour_b)
        both_clocks = a.kind == b.kind == "clock"
        return min(gap, 24 - gap) >= (3 if both_clocks else 6)
    if a.kind != b.kind:
        return False
    if a.kind == "relative":
        days_a, days_b = RELATIVE_DAYS.get(a.value), RELATIVE_DAYS.get(b.value)
        return days_a is not None and days_b is not None and abs(days_a - days_b) >= 5
    return a.kind in ("weekday", "date", "month", "year") and a.value != b.value
