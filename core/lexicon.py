"""The bilingual event lexicon: which words name which concept, in Arabic and English.

Concepts are language-independent ids ("killed", "airstrike", "soldier"), so an
Arabic claim and an English claim about the same thing share them. Words are
matched by stem, phrases by a run of stems.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

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


@dataclass(frozen=True)
class Lexicon:
    phrases: dict[tuple[str, ...], str]
    kinds: dict[str, str]
    antonyms: tuple[Antonym, ...]
    longest: int
    exact: dict[tuple[str, ...], str]
    """Words whose stem collides with common words (شهيد and تشهد share شهد): matched as
    written, clitics aside."""

    def concept_type(self, concept: str) -> str:
        return self.kinds.get(concept, "")

    def _heads(self) -> frozenset[str]:
        heads = self.__dict__.get("_head_words")
        if heads is None:
            heads = frozenset(p[0] for p in (*self.phrases, *self.exact) if p)
            object.__setattr__(self, "_head_words", heads)
        return heads

    def find(self, stems: list[str], folded: list[str] | None = None) -> list[Match]:
        """Concepts named in a token list, longest phrase first, no overlaps."""
        bare = [strip_clitics(w) for w in folded] if folded is not None else None
        heads = self._heads()
        matches: list[Match] = []
        index = 0
        while index < len(stems):
            if stems[index] not in heads and (bare is None or bare[index] not in heads):
                index += 1  # most words begin no phrase: skip the tuple look-ups
                continue
            for size in range(min(self.longest, len(stems) - index), 0, -1):
                concept = None
                if bare is not None:
                    concept = self.exact.get(tuple(bare[index : index + size]))
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


def _stem_phrase(phrase: str) -> tuple[str, ...]:
    return tuple(stem(token.text) for token in tokenize(phrase))


def _exact_phrase(phrase: str) -> tuple[str, ...]:
    return tuple(strip_clitics(fold(token.text)) for token in tokenize(phrase))


def _phrases(words: dict[str, list[str]]) -> frozenset[tuple[str, ...]]:
    return frozenset(
        _stem_phrase(w) for lang in ("ar", "en") for w in words.get(lang, ()) if w[:1] != "="
    )


def _exact(words: dict[str, list[str]]) -> frozenset[tuple[str, ...]]:
    return frozenset(
        _exact_phrase(w[1:]) for lang in ("ar", "en") for w in words.get(lang, ()) if w[:1] == "="
    )


@cache
def lexicon() -> Lexicon:
    data = resources.files("riwaya.core.data")
    raw = json.loads(data.joinpath("lexicon.json").read_text("utf-8"))
    glossary = data.joinpath("glossary.json")
    if glossary.is_file():  # everyday news nouns, so Arabic and English accounts meet
        raw["concepts"] = {**json.loads(glossary.read_text("utf-8"))["concepts"], **raw["concepts"]}
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
        Antonym(a["name"], _phrases(a["a"]), _phrases(a["b"])) for a in raw["antonyms"]
    )
    longest = max(len(p) for p in (*phrases, *exact))
    return Lexicon(phrases, kinds, antonyms, longest, exact)
