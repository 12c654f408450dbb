"""A stretch of text as the extractors see it: tokens with offsets, folded and stemmed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from riwaya.core.arabic import Token, fold, tokenize
from riwaya.core.lexicon import Match, lexicon
from riwaya.core.stem import stem


@dataclass(frozen=True)
class Words:
    """The tokens of text[start:end], with offsets into the whole text."""

    text: str
    start: int
    end: int

    @cached_property
    def tokens(self) -> list[Token]:
        return [
            Token(t.text, t.start + self.start, t.end + self.start)
            for t in tokenize(self.text[self.start : self.end])
        ]

    @cached_property
    def folded(self) -> list[str]:
        return [fold_cached(t.text) for t in self.tokens]

    @cached_property
    def stems(self) -> list[str]:
        return [stem(t.text) for t in self.tokens]

    @cached_property
    def concepts(self) -> list[Match]:
        return lexicon().find(self.stems)

    def span_text(self, first: int, last: int) -> str:
        """The source text from token `first` to token `last`, inclusive."""
        return self.text[self.tokens[first].start : self.tokens[last].end]

    def find(self, phrase: tuple[str, ...], begin: int = 0) -> int:
        """Index of the first token where the folded `phrase` starts, or -1."""
        size = len(phrase)
        for index in range(begin, len(self.folded) - size + 1):
            if tuple(self.folded[index : index + size]) == phrase:
                return index
        return -1


_FOLD_CACHE: dict[str, str] = {}


def fold_cached(word: str) -> str:
    """`fold` with a memo: news text repeats its words, and folding is on the hot path."""
    folded = _FOLD_CACHE.get(word)
    if folded is None:
        if len(_FOLD_CACHE) > 500_000:
            _FOLD_CACHE.clear()
        folded = _FOLD_CACHE[word] = fold(word)
    return folded
