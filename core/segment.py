"""Sentences and clauses, with offsets into the source text.

A clause is the unit a claim is made of. Arabic sentences chain with و and turn
at لكن / بينما / في حين / في المقابل; a clause where the account changes (a new
reporting verb, a turn) is its own clause so that each speaker's words stay apart.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Segment(NamedTuple):
    start: int
    end: int


# A sentence ends at . ! ? ؟ … (and at every line break), but not inside "1.5",
# after an abbreviation such as "Col." or "U.S.", after a single initial, or at the
# two dots by which Arabic headlines join a topic to what is said of it.
_ABBREVIATIONS = [
    "mr",
    "mrs",
    "ms",
    "dr",
    "col",
    "gen",
    "lt",
    "maj",
    "capt",
    "sgt",
    "st",
    "gov",
    "sen",
    "rep",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.n",
    "u.k",
    "e.g",
    "i.e",
    "approx",
    "a.m",
    "p.m",
]
_SENTENCE_END = re.compile(r"[.!?؟…]+[\"'»”)]*(?=\s|$)|\n+")
_TRAILING_WORD = re.compile(r"([\w.]+)\.$")

# Clause boundaries: the marker starts the new clause.
_AR_TURNS = (
    "لكن|ولكن|لكنه|لكنها|بينما|فيما|وفيما|وبينما|في حين|وفي حين|في المقابل|وفي المقابل|"
    "غير أن|غير ان|"
    "إلا أن|الا ان|قبل أن|قبل ان|بعد أن|بعد ان|"
    "من جهته|من جهتها|ومن جهته|ومن جهتها|من جانبه|من جانبها|ومن جانبه|ومن جانبها"
)
_AR_REPORTING = (
    "قال|قالت|أعلن|أعلنت|ذكر|ذكرت|أكد|أكدت|أوضح|أوضحت|أضاف|أضافت|أردف|أردفت|تابع|تابعت|"
    "نفى|نفت|كذب|كذّب|كذبت|كذّبت|رصد|رصدت|اعتبر|اعتبرت|حذر|حذّر|حذرت|حذّرت|أفاد|أفادت|"
    "أشار|أشارت|شدد|شددت|زعم|زعمت|نقل|نقلت|أورد|أوردت|بث|بثت|صرح|صرّح|صرحت|ادعى|ادعت|"
    "يقول|تقول|ينفي|تنفي|يؤكد|تؤكد|يعلن|تعلن"
)
_CLAUSE_START = re.compile(
    rf"(?<!\S)(?:(?:{_AR_TURNS})(?=[\s،,])|و(?:{_AR_REPORTING})(?=\s)|ف(?:{_AR_REPORTING})(?=\s))"
    rf"|(?<=[،,]\s)(?:{_AR_REPORTING})(?=\s)"
    r"|(?<=[;؛])\s*"
    r"|(?<=,)\s+(?=(?:but|while|whereas|however|and that|and said|and added)\b)"
    r"|(?<=\s)(?=(?:but|while|whereas)\s)"
    r"|(?<=[.,]\s)(?=(?:However|But|Meanwhile)\b)",
)
_MIN_CLAUSE_CHARS = 12
_MIN_CLAUSE_WORDS = 4
""""قبل أن ينسحبوا إلى مواقعهم": a fragment this short stays with the clause it ends."""


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Sentence spans within text[start:end], trimmed of surrounding white space."""
    end = len(text) if end is None else end
    spans: list[Segment] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.group().startswith(".") and _is_abbreviation(text, begin, match.start()):
            continue
        if match.group() == "..":
            continue  # "الليرة التركية.. صعود طفيف": a headline's pause, not a full stop
        spans.append(Segment(begin, match.end()))
        begin = match.end()
    spans.append(Segment(begin, end))
    return [trimmed for span in spans if (trimmed := _trim(text, span))]


def _is_abbreviation(text: str, begin: int, dot: int) -> bool:
    word = _TRAILING_WORD.search(text, begin, dot + 1)
    if not word:
        return False
    token = word.group(1).lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def clauses(text: str, sentence: Segment) -> list[Segment]:
    """Clause spans of one sentence; short fragments stay with their neighbour."""
    cuts = [sentence.start]
    for match in _CLAUSE_START.finditer(text, sentence.start, sentence.end):
        position = match.end() if match.group().strip() in (";", "؛") else match.start()
        if text[position - 2 : position].strip() in ("،", ",") and (
            len(text[cuts[-1] : position].split()) <= 2
        ):
            continue  # "في المقابل، نفى ...": an opening phrase, not a clause of its own
        if (
            position - cuts[-1] >= _MIN_CLAUSE_CHARS
            and sentence.end - position >= _MIN_CLAUSE_CHARS
            and len(text[match.end() : sentence.end].split()) >= _MIN_CLAUSE_WORDS
        ):
            cuts.append(position)
    cuts.append(sentence.end)
    spans = (_trim(text, Segment(a, b)) for a, b in zip(cuts, cuts[1:], strict=False))
    return [span for span in spans if span]


def _trim(text: str, span: Segment) -> Segment | None:
    """Drop white space and dangling separators at both ends."""
    start, end = span
    while start < end and (text[start].isspace() or text[start] in "،,;؛:-–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,;؛:-–—"):
        end -= 1
    return Segment(start, end) if end > start else None
