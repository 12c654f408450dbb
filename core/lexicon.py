"""The bilingual event lexicon: which words name which concept, in Arabic and English.

Concepts are language-independent ids ("killed", "airstrike", "soldier"), so an
Arabic claim and an English claim about the same thing share them. Words are
matched by stem, phrases by a run of stems.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from riwaya.core.arabic import fold, tokenize
from riwaya.core.stem import stem


@dataclass(frozen=True)
class Match:
    """A concept found at tokens [first, last] of a token list."""

    concept: str
    first: int
    last: int


@dataclass(frozen=True)
class Antonym:
    """Two sides of an opposition ("rose / fell"), each a set of stem phrases."""

    name: str
    side_a: frozenset[tuple[str, ...]]
    side_b: frozenset[tuple[str, ...]]
    kind: str = "antonym"
    """The kind of contradiction the opposition makes: "place" for north / south."""


class Opposition(NamedTuple):
    """Opposed words found in two token lists: the pair, and where each side says it."""

    antonym: Antonym
    first: tuple[int, int]
    """Token range [first, last] of the opposed words in the first list."""
    second: tuple[int, int]


_SIDES_CACHE: dict[tuple[int, tuple[str, ...]], dict[tuple[int, bool], tuple[int, int]]] = {}


@dataclass(frozen=True)
class Lexicon:
    phrases: dict[tuple[str, ...], str]
    kinds: dict[str, str]
    antonyms: tuple[Antonym, ...]
    exact: dict[tuple[str, ...], str]
    """Words whose stem collides with common words (شهيد and تشهد share شهد): matched as
    written, clitics aside."""

    def concept_type(self, concept: str) -> str:
        return self.kinds.get(concept, "")

    def opposition(self, first: Sequence[str], second: Sequence[str]) -> Opposition | None:
        """Opposed words ("rose" in one list, "fell" in the other) between two stem lists,
        when neither list also says the other side of the same opposition."""
        said_1 = self._sides(tuple(first))
        if not said_1:
            return None
        said_2 = self._sides(tuple(second))
        for (index, side), at_1 in said_1.items():
            at_2 = said_2.get((index, not side))
            if at_2 and (index, not side) not in said_1 and (index, side) not in said_2:
                return Opposition(self.antonyms[index], at_1, at_2)
        return None

    def _sides(self, stems: tuple[str, ...]) -> dict[tuple[int, bool], tuple[int, int]]:
        """Which side of which opposition a stem list says, and where (its longest phrase)."""
        found = _SIDES_CACHE.get((id(self), stems))
        if found is not None:
            return found
        heads = self._antonym_heads()
        found = {}
        for start, stem_ in enumerate(stems):
            for index, side, phrase in heads.get(stem_, ()):
                if tuple(stems[start : start + len(phrase)]) == phrase:
                    span = (start, start + len(phrase) - 1)
                    kept = found.get((index, side))
                    if kept is None or kept[1] - kept[0] < span[1] - span[0]:
                        found[(index, side)] = span
        if len(_SIDES_CACHE) > 50_000:
            _SIDES_CACHE.clear()
        _SIDES_CACHE[(id(self), stems)] = found
        return found

    def _antonym_heads(self) -> dict[str, list[tuple[int, bool, tuple[str, ...]]]]:
        heads = self.__dict__.get("_antonym_head_index")
        if heads is None:
            heads = {}
            for index, pair in enumerate(self.antonyms):
                for side, phrases in ((True, pair.side_a), (False, pair.side_b)):
                    for phrase in phrases:
                        heads.setdefault(phrase[0], []).append((index, side, phrase))
            object.__setattr__(self, "_antonym_head_index", heads)
        return heads

    def _heads(self) -> dict[str, int]:
        """The first word of every phrase, with the length of the longest it begins."""
        heads = self.__dict__.get("_head_words")
        if heads is None:
            heads = {}
            for phrase in (*self.phrases, *self.exact):
                if phrase:
                    heads[phrase[0]] = max(heads.get(phrase[0], 0), len(phrase))
            object.__setattr__(self, "_head_words", heads)
        return heads

    def find(self, stems: list[str], folded: list[str] | None = None) -> list[Match]:
        """Concepts named in a token list, longest phrase first, no overlaps."""
        bare = [strip_clitics(w) for w in folded] if folded is not None else None
        barer = [strip_conjunction(w) for w in folded] if folded is not None else None
        heads = self._heads()
        matches: list[Match] = []
        index = 0
        while index < len(stems):
            longest = heads.get(stems[index], 0)
            if bare is not None and barer is not None:
                longest = max(longest, heads.get(bare[index], 0), heads.get(barer[index], 0))
            if not longest:
                index += 1  # most words begin no phrase: skip the tuple look-ups
                continue
            for size in range(min(longest, len(stems) - index), 0, -1):
                concept = None
                if bare is not None and barer is not None:
                    rest = tuple(bare[index + 1 : index + size])
                    concept = self.exact.get((bare[index], *rest))
                    if concept is None and barer[index] != bare[index]:
                        concept = self.exact.get((barer[index], *rest))
                concept = concept or self.phrases.get(tuple(stems[index : index + size]))
                if concept:
                    matches.append(Match(concept, index, index + size - 1))
                    index += size
                    break
            else:
                index += 1
        return matches


_CLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف")


@lru_cache(maxsize=200_000)
def strip_clitics(folded: str) -> str:
    """A folded Arabic word without its leading conjunction, preposition or article."""
    for clitic in _CLITICS:
        if folded.startswith(clitic) and len(folded) - len(clitic) >= 3:
            return folded[len(clitic) :]
    return folded


@lru_cache(maxsize=200_000)
def strip_conjunction(folded: str) -> str:
    """A folded Arabic word without a conjunction and the clitic after it: «وبحلب» and
    «وللرقة» are Aleppo and Raqqa, as «بحلب» and «للرقة» are (`strip_clitics` strips one)."""
    if folded[:1] in ("و", "ف") and not folded.startswith(("وال", "فال")):
        return strip_clitics(strip_clitics(folded))
    return strip_clitics(folded)


def _stem_phrase(phrase: str) -> tuple[str, ...]:
    return tuple(stem(token.text) for token in tokenize(phrase))


def _exact_phrase(phrase: str) -> tuple[str, ...]:
    return tuple(strip_clitics(fold(token.text)) for token in tokenize(phrase))


def _phrases(words: dict[str, list[str]]) -> frozenset[tuple[str, ...]]:
    return frozenset(
        _stem_phrase(w) for lang in ("ar", "en") for w in words.get(lang, ()) if w[:1] != "="
    )


def _exact(words: dict[str, list[str]]) -> frozenset[tuple[str, ...]]:
    written = [w[1:] for lang in ("ar", "en") for w in words.get(lang, ()) if w[:1] == "="]
    # A name may begin with a clitic's letter: "ببنغازي" loses one ب to stripping and must
    # still meet "بنغازي", whose own ب the stripped phrase has lost too.
    whole = (_whole_first_word(w) for w in written)
    return frozenset((*map(_exact_phrase, written), *whole))


def _whole_first_word(phrase: str) -> tuple[str, ...]:
    stripped = _exact_phrase(phrase)
    return (fold(tokenize(phrase)[0].text), *stripped[1:]) if stripped else stripped


COUNTRY = "country:"
"""Concept ids of countries start with this: "country:SY" is Syria, its people and its
government."""
_NISBA_ENDINGS = ("", "ه", "ين", "ون", "ات")


def country_concepts(countries: dict[str, dict[str, list[str]]]) -> dict[str, dict]:
    """The entries of `data/countries.json` as lexicon concepts of type "entity"."""
    concepts = {}
    for code, entry in countries.items():
        arabic = [*entry["ar"], *entry["ar_capital"]]
        arabic += [fold(nisba) + ending for nisba in entry["ar_nisba"] for ending in _NISBA_ENDINGS]
        concepts[COUNTRY + code] = {
            "type": "entity",
            "ar": ["=" + word for word in arabic],
            "en": [*entry["en"], *entry["en_capital"]],
        }
    return concepts


PLACE = "place:"
"""Concept ids of the places of `data/places.json` start with this: "place:gaza"."""


def place_concepts(places: dict[str, dict]) -> dict[str, dict]:
    """The entries of `data/places.json` as lexicon concepts of type "place"."""
    return {
        PLACE + name: {"type": "place", "ar": ["=" + w for w in entry["ar"]], "en": entry["en"]}
        for name, entry in places.items()
    }


_BUILDING = threading.Lock()
"""The app warms the lexicon up in a thread while analysis may start in another: one
builds it, the other waits."""


_BUILT: list[Lexicon] = []


def lexicon() -> Lexicon:
    """The lexicon, built once per process."""
    if not _BUILT:
        with _BUILDING:
            if not _BUILT:
                _BUILT.append(_build())
    return _BUILT[0]


def _build() -> Lexicon:
    data = resources.files("riwaya.core.data")
    raw = json.loads(data.joinpath("lexicon.json").read_text("utf-8"))
    glossary = data.joinpath("glossary.json")
    if glossary.is_file():  # everyday news nouns, so Arabic and English accounts meet
        raw["concepts"] = {**json.loads(glossary.read_text("utf-8"))["concepts"], **raw["concepts"]}
    countries = json.loads(data.joinpath("countries.json").read_text("utf-8"))["countries"]
    places = json.loads(data.joinpath("places.json").read_text("utf-8"))["places"]
    raw["concepts"] = {
        **raw["concepts"],
        **country_concepts(countries),
        **place_concepts(places),  # last: a word that is also a concept keeps that meaning
    }
    phrases: dict[tuple[str, ...], str] = {}
    exact: dict[tuple[str, ...], str] = {}
    kinds: dict[str, str] = {}
    for concept, entry in raw["concepts"].items():
        kinds[concept] = entry["type"]
        for phrase in _phrases(entry):
            phrases.setdefault(phrase, concept)
        for phrase in _exact(entry):
            exact.setdefault(phrase, concept)
    antonyms = tuple(
        Antonym(a["name"], _phrases(a["a"]), _phrases(a["b"]), a.get("kind", "antonym"))
        for a in raw["antonyms"]
    )
    return Lexicon(phrases, kinds, antonyms, exact)
