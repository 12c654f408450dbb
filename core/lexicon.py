"""The bilingual event lexicon: which words name which concept, in Arabic and English.

Concepts are language-independent ids ("killed", "airstrike", "soldier"), so an
Arabic claim and an English claim about the same thing share them. Words are
matched by stem, phrases by a run of stems.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from riwaya.core.arabic import tokenize
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

    def concept_type(self, concept: str) -> str:
        return self.kinds.get(concept, "")

    def find(self, stems: list[str]) -> list[Match]:
        """Concepts named in a stemmed token list, longest phrase first, no overlaps."""
        matches: list[Match] = []
        index = 0
        while index < len(stems):
            for size in range(min(self.longest, len(stems) - index), 0, -1):
                concept = self.phrases.get(tuple(stems[index : index + size]))
                if concept:
                    matches.append(Match(concept, index, index + size - 1))
                    index += size
                    break
            else:
                index += 1
        return matches


def _stem_phrase(phrase: str) -> tuple[str, ...]:
    return tuple(stem(token.text) for token in tokenize(phrase))


def _phrases(words: dict[str, list[str]]) -> frozenset[tuple[str, ...]]:
    return frozenset(_stem_phrase(w) for lang in ("ar", "en") for w in words.get(lang, ()))


@cache
def lexicon() -> Lexicon:
    raw = json.loads(
        resources.files("riwaya.core.data").joinpath("lexicon.json").read_text("utf-8")
    )
    phrases: dict[tuple[str, ...], str] = {}
    kinds: dict[str, str] = {}
    for concept, entry in raw["concepts"].items():
        kinds[concept] = entry["type"]
        for phrase in _phrases(entry):
            phrases.setdefault(phrase, concept)
    antonyms = tuple(
        Antonym(a["name"], _phrases(a["a"]), _phrases(a["b"])) for a in raw["antonyms"]
    )
    longest = max(len(p) for p in phrases)
    return Lexicon(phrases, kinds, antonyms, longest)
