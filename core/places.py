"""Place names, and a skeleton key that lets a name meet its transliteration.

A name is taken after a place noun (بلدة، مدينة / town of, city of) or as a
capitalized name after "in"/"near"; every name found anywhere in the sources is
then recognized everywhere. `skeleton` reduces "Tal al-Rayhan" and "تل الريحان"
to the same consonant string.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from riwaya.core.arabic import fold, is_arabic_letter
from riwaya.core.lexicon import PLACE
from riwaya.core.model import PlaceRef, Span

if TYPE_CHECKING:  # words reads place names through this module
    from riwaya.core.words import Words

_AR_PLACE_NOUNS = frozenset(
    [
        "بلده",
        "مدينه",
        "قريه",
        "منطقه",
        "محافظه",
        "حي",
        "مخيم",
        "ميناء",
        "مطار",
        "معبر",
        "ولايه",
        "اقليم",
        "ضاحيه",
        "ناحيه",
        "بلدتي",
        "مدينتي",
        "قاعده",
        "سجن",
        "مرفا",
    ]
)
_EN_PLACE_NOUNS = frozenset(
    [
        "town",
        "city",
        "village",
        "district",
        "province",
        "camp",
        "port",
        "airport",
        "crossing",
        "region",
        "suburb",
        "base",
        "prison",
        "neighbourhood",
        "neighborhood",
    ]
)
_EN_BEFORE_NAME = frozenset(("in", "near", "at", "outside", "from", "into", "around", "of"))
_AR_STOP = frozenset(
    [
        "في",
        "علي",
        "الي",
        "من",
        "عن",
        "ان",
        "قرب",
        "شمال",
        "جنوب",
        "شرق",
        "غرب",
        "شمالي",
        "جنوبي",
        "شرقي",
        "غربي",
        "الحدوديه",
        "الساحليه",
        "حيث",
        "التي",
        "الذي",
        "بعد",
        "قبل",
        "منذ",
        "خلال",
        "يوم",
        "مساء",
        "صباح",
        "فجر",
        "ليل",
        "و",
    ]
)
_CUES = _AR_PLACE_NOUNS | _EN_PLACE_NOUNS | _EN_BEFORE_NAME
"""The words after which `candidate_names` looks for a name."""
_MAX_NAME = 3

_AR_SKELETON = str.maketrans(
    {
        "ب": "b",
        "ت": "t",
        "ث": "t",
        "ج": "j",
        "ح": "h",
        "خ": "x",
        "د": "d",
        "ذ": "d",
        "ر": "r",
        "ز": "z",
        "س": "s",
        "ش": "S",
        "ص": "s",
        "ض": "d",
        "ط": "t",
        "ظ": "z",
        "غ": "g",
        "ف": "f",
        "ق": "k",
        "ك": "k",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ه": "h",
        "ة": "h",
        "ا": None,
        "أ": None,
        "إ": None,
        "آ": None,
        "ى": None,
        "ي": None,
        "و": None,
        "ع": None,
        "ء": None,
        "ؤ": None,
        "ئ": None,
    }
)
_EN_DIGRAPHS = (
    ("kh", "x"),
    ("sh", "S"),
    ("th", "t"),
    ("dh", "d"),
    ("gh", "g"),
    ("ph", "f"),
    ("q", "k"),
    ("c", "k"),
)
_EN_DROP = re.compile(r"[aeiouyw'’`\-\s]")


@lru_cache(maxsize=100_000)
def skeleton(name: str) -> str:
    """Consonant skeleton of a place name in either script; "" when nothing is left."""
    words = re.split(r"[\s\-]+", name.strip())
    parts: list[str] = []
    for word in words:
        if not word:
            continue
        if any("\u0600" <= c <= "\u06ff" for c in word):
            bare = word[2:] if word.startswith("ال") and len(word) > 3 else word
            part = bare.translate(_AR_SKELETON)
        else:
            lower = word.lower()
            if lower in ("al", "el", "the"):
                continue
            for before, after in _EN_DIGRAPHS:
                lower = lower.replace(before, after)
            part = _EN_DROP.sub("", lower)
        parts.append(part)
    joined = "".join(parts)
    collapsed = re.sub(r"(.)\1+", r"\1", joined)
    return collapsed[:-1] if collapsed.endswith("h") and len(collapsed) > 3 else collapsed


def candidate_names(words: Words) -> list[tuple[int, int]]:
    """Token ranges that look like place names in this clause."""
    names: list[tuple[int, int]] = []
    folded, tokens = words.folded, words.tokens
    if _CUES.isdisjoint(folded) and _AR_PLACE_NOUNS.isdisjoint(
        word[1:] for word in folded if word[:1] in "وب"
    ):
        return names  # most clauses: no word that a name follows
    for index, word in enumerate(folded):
        bare = word[1:] if word[:1] in "وب" and word[1:] in _AR_PLACE_NOUNS else word
        if bare in _AR_PLACE_NOUNS:
            last = index
            while (
                last + 1 < len(folded)
                and last - index < _MAX_NAME
                and folded[last + 1] not in _AR_STOP
                and tokens[last + 1].text.isalpha()
                and (last == index or folded[last + 1].startswith("ال"))
            ):
                last += 1  # "بلدة تل الريحان": a name goes on only through a construct
            if last > index and not _adjective(folded[index + 1 : last + 1]):
                names.append((index + 1, last))
        elif word in _EN_PLACE_NOUNS and index + 2 < len(folded) and folded[index + 1] == "of":
            last = _capitalized_run(words, index + 2)
            if last >= index + 2:
                names.append((index + 2, last))
        elif word in _EN_BEFORE_NAME and index + 1 < len(tokens):
            last = _capitalized_run(words, index + 1)
            if last > index:
                names.append((index + 1, last))
    return names


def _adjective(name: list[str]) -> bool:
    """ "مدينة ساحلية", "بلدة إيرانية": an indefinite word in -iya after a place noun
    describes it; names of the kind (الخالدية) carry the article."""
    return len(name) == 1 and name[0].endswith("يه") and not name[0].startswith("ال")


def same_place(first: PlaceRef, second: PlaceRef) -> bool:
    """Two mentions of one place: the same skeleton, or, written in one script, one name
    with more words after it ("الصدر" / "الصدر العراقية"). Skeletons drop vowels, so
    their prefixes are not compared: "درعا" and "دير الزور" share one."""
    if first.key == second.key or _within(first.key, second.key) or _within(second.key, first.key):
        return True
    words_1, words_2 = _name_words(first.span.text), _name_words(second.span.text)
    shorter, longer = sorted((words_1, words_2), key=len)
    return bool(shorter) and longer[: len(shorter)] == shorter


def named_place(words: Words, first: int, key: str) -> bool:
    """A name found by cue that can be a place: a skeleton of 3 letters or more (shorter ones
    meet too many other names), and not a month, a weekday or a language ("in March",
    "in English")."""
    return len(key) >= 3 and words.folded[first] not in _NOT_PLACES


_NOT_PLACES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday "
    "english arabic french hebrew persian farsi turkish kurdish russian spanish german "
    "chinese".split()
)
"""Capitalized words that follow "in" and name no place."""


def _as_listed(words: Words, index: int, place: str) -> bool:
    """The word at `index` is written as the list says the place is: English names
    capitalized ("a mecca for tourists" is none); Arabic names listed with the article
    keep it (ورقة, "a sheet", is not الرقة); names that are also everyday words (درعا, "a
    shield") come after a preposition or a place noun, or carry a clitic (بحلب)."""
    written, folded = words.tokens[index].text, words.folded[index]
    if not is_arabic_letter(folded[:1]):
        return written[:1].isupper()
    _, definite, cued = _listed()
    if place in definite:
        return folded.startswith(_WITH_ARTICLE)
    if place in cued:
        before = words.folded[index - 1] if index else ""
        return folded[:1] in "وبلف" or before in _LEADS_TO_PLACE or before in _AR_PLACE_NOUNS
    return True


_WITH_ARTICLE = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل")
"""How a word carrying the article begins, with or without a clitic before it."""
_LEADS_TO_PLACE = frozenset("في علي الي من قرب نحو داخل ريف محيط شمال جنوب شرق غرب".split())
"""Folded words after which an everyday word that is also a place name is the place."""


def _within(place: str, region: str) -> bool:
    """A listed place in a listed region ("رفح" in "غزة"): telling either is no conflict."""
    return _listed()[0].get(place) == region


@cache
def _listed() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """From `data/places.json`, by concept id: each place's region, the places whose Arabic
    names all carry the article, and those whose Arabic names are also everyday words."""
    raw = json.loads(resources.files("riwaya.core.data").joinpath("places.json").read_text("utf-8"))
    places = raw["places"].items()
    regions = {PLACE + name: PLACE + entry["within"] for name, entry in places if "within" in entry}
    definite = frozenset(
        PLACE + name
        for name, entry in places
        if entry["ar"] and all(fold(word).startswith("ال") for word in entry["ar"])
    )
    cued = frozenset(PLACE + name for name, entry in places if entry.get("ar_after_preposition"))
    return regions, definite, cued


@lru_cache(maxsize=20_000)
def _name_words(name: str) -> tuple[str, ...]:
    words = []
    for word in re.split(r"[\s\-]+", fold(name)):
        bare = word[2:] if word.startswith("ال") and len(word) > 3 else word
        if bare and bare not in ("al", "el", "the"):
            words.append(bare)
    return tuple(words)


def _capitalized_run(words: Words, first: int) -> int:
    """Last token of a capitalized name ("Tal al-Rayhan"), or first - 1 when none."""
    tokens = words.tokens
    last = first - 1
    index = first
    while index < len(tokens) and index - first < _MAX_NAME + 2:
        text = tokens[index].text
        if text[:1].isupper() and text.isalpha():
            last = index
        elif text.lower() in ("al", "el") or text == "-":
            pass
        else:
            break
        index += 1
    return last


def extract(words: Words, known: dict[str, str]) -> list[PlaceRef]:
    """Places named in a clause: the places of `data/places.json` ("في غزة", "in Aleppo"),
    names found by cue, and any name in `known` (skeleton → key)."""
    found: dict[int, PlaceRef] = {}
    listed: list[tuple[int, int]] = []
    for match in words.concepts:
        if match.concept.startswith(PLACE) and _as_listed(words, match.first, match.concept):
            start, end = words.tokens[match.first].start, words.tokens[match.last].end
            found[start] = PlaceRef(match.concept, Span(start, end, words.text[start:end]))
            listed.append((start, end))
    for first, last in words.place_names:
        key = skeleton(words.span_text(first, last))
        start, end = words.tokens[first].start, words.tokens[last].end
        if named_place(words, first, key) and not any(s < end and start < e for s, e in listed):
            found[start] = PlaceRef(key, Span(start, end, words.text[start:end]))
    if known:
        heads = _heads(tuple(known))
        for index in range(len(words.tokens)):
            if skeleton(_strip_clitic(words.tokens[index].text)) not in heads:
                continue
            for size in (3, 2, 1):
                if index + size > len(words.tokens):
                    continue
                key = skeleton(_strip_clitic(words.span_text(index, index + size - 1)))
                if key in known:
                    start, end = words.tokens[index].start, words.tokens[index + size - 1].end
                    if not any(p.span.start <= start < p.span.end for p in found.values()):
                        found[start] = PlaceRef(key, Span(start, end, words.text[start:end]))
                    break
    return [found[k] for k in sorted(found)]


@lru_cache(maxsize=64)
def _heads(keys: tuple[str, ...]) -> frozenset[str]:
    """Skeletons that can begin a known name: a cheap test before trying 1–3 word spans."""
    return frozenset(k[:n] for k in keys for n in range(1, len(k) + 1))


def _strip_clitic(text: str) -> str:
    if text[:1] in "وبل" and len(text) > 3 and "\u0600" <= text[1:2] <= "\u06ff":
        return text[1:]
    return text
