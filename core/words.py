"""A stretch of text as the extractors see it: tokens with offsets, folded and stemmed."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from riwaya.core import segment
from riwaya.core.arabic import Token, arabic_ratio, fold_cached, tokenize
from riwaya.core.lexicon import Match, lexicon
from riwaya.core.places import candidate_names, skeleton
from riwaya.core.segment import Segment
from riwaya.core.stem import stem


class TokenPool:
    """A whole text tokenized once; `Words` over any stretch of it take their tokens here.

    Tokens never cross white space, so a stretch that starts and ends at token
    boundaries has exactly the tokens it would have had on its own. The text is
    tokenized when a stretch is first read: a headline met before needs no tokens.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._stretches: dict[tuple[int, int], Words] = {}

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @cached_property
    def starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def words(self, start: int, end: int) -> Words:
        """The `Words` of text[start:end], one object per stretch: a headline's sentence and
        its only clause are read (folded, stemmed, searched for places) once."""
        found = self._stretches.get((start, end))
        if found is None:
            found = self._stretches[start, end] = Words(self.text, start, end, self)
        return found

    @cached_property
    def sentences(self) -> list[Segment]:
        """The text's sentences: place names are gathered from them, then claims read."""
        return segment.sentences(self.text)

    def between(self, start: int, end: int) -> list[Token]:
        first = bisect_left(self.starts, start)
        last = bisect_left(self.starts, end, lo=first)
        return [t for t in self.tokens[first:last] if t.end <= end]


@dataclass(frozen=True)
class Words:
    """The tokens of text[start:end], with offsets into the whole text."""

    text: str
    start: int
    end: int
    pool: TokenPool | None = field(default=None, compare=False, repr=False)

    @cached_property
    def tokens(self) -> list[Token]:
        if self.pool is not None:
            return self.pool.between(self.start, self.end)
        if self.start == 0 and self.end == len(self.text):
            return tokenize(self.text)  # offsets already right: no second set of tokens
        return [
            Token(t.text, t.start + self.start, t.end + self.start)
            for t in tokenize(self.text[self.start : self.end])
        ]

    @cached_property
    def folded(self) -> list[str]:
        return [fold_cached(t.text) for t in self.tokens]

    @cached_property
    def stems(self) -> list[str]:
        cached = _STEM_CACHE.get
        return [s if (s := cached(t.text)) is not None else _stem_of(t.text) for t in self.tokens]

    @cached_property
    def concepts(self) -> list[Match]:
        return lexicon().find(self.stems, self.folded)

    @cached_property
    def place_names(self) -> list[tuple[int, int]]:
        """`places.candidate_names`, kept: place names are gathered from every source
        before the clauses are read, and the reading looks for them again."""
        return candidate_names(self)

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


_STEM_CACHE: dict[str, str] = {}


def _stem_of(word: str) -> str:
    if len(_STEM_CACHE) > 500_000:
        _STEM_CACHE.clear()
    found = _STEM_CACHE[word] = stem(word)
    return found


_STOPWORDS = frozenset(
    "في من على علي الى الي عن ان إن أن او أو ما لا لم لن قد كان كانت هذا هذه ذلك تلك التي الذي "
    "مع بعد قبل حتى بين عند منذ خلال كما ثم اي أي كل the a an of in on at to for and or but with "
    "by "
    "from as is was were are be been has have had that this it its their his her after before "
    "over into".split()
)


def stems_of(words: Words) -> frozenset[str]:
    """The stems that carry a stretch's content (no function words, no punctuation)."""
    return frozenset(
        stem_
        for token, folded, stem_ in zip(words.tokens, words.folded, words.stems, strict=True)
        if token.text[0].isalnum() and folded not in _STOPWORDS and len(stem_) >= 2
    )


_READ: dict[str, Words] = {}


def words_of(text: str) -> Words:
    """A short text read once (a claim's, a pair's side): shared by every rule that needs it."""
    found = _READ.get(text)
    if found is None:
        if len(_READ) > 100_000:
            _READ.clear()
        found = _READ[text] = Words(text, 0, len(text))
    return found


_OFFSET_FREE = ("folded", "stems", "concepts")
"""What `Words` reads per token index, not per offset: the same for a clause's own text."""


def remember_words(words: Words) -> None:
    """Keep a clause's tokens, shifted to its own text, and what was read from them, so
    the rules that read the claim later do not tokenize, fold or look it up again."""
    text = words.text[words.start : words.end]
    if text in _READ:
        return
    local = Words(text, 0, len(text))
    local.__dict__["tokens"] = [
        Token(t.text, t.start - words.start, t.end - words.start) for t in words.tokens
    ]
    for name in _OFFSET_FREE:
        if name in words.__dict__:
            local.__dict__[name] = words.__dict__[name]
    _READ[text] = local


_CONTENT: dict[str, frozenset[str]] = {}


def remember_content(words: Words) -> None:
    """Keep a clause's content stems, read from tokens already made, for `content_stems`."""
    text = words.text[words.start : words.end]
    if text not in _CONTENT:
        if len(_CONTENT) > 200_000:
            _CONTENT.clear()
        _CONTENT[text] = stems_of(words)


def content_stems(text: str) -> frozenset[str]:
    """The content stems of a text (a claim's, usually remembered when it was read)."""
    found = _CONTENT.get(text)
    if found is None:
        found = _CONTENT[text] = stems_of(words_of(text))
    return found


def overlap(first: str, second: str) -> float:
    """Share of the shorter text's content that the other text has too.

    Within one language, content is stems; across Arabic and English it is what both
    can share: lexicon concepts, numbers and the skeletons of names ("Jadida" / "الجديدة").
    """
    if is_arabic_text(first) != is_arabic_text(second):
        a, b = bridge_keys(first), bridge_keys(second)
        if not a or not b:
            return 0.0
        english = b if is_arabic_text(first) else a  # its names are few and chosen
        return len(a & b) / len(english)
    a, b = content_stems(first), content_stems(second)
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@lru_cache(maxsize=100_000)
def is_arabic_text(text: str) -> bool:
    return arabic_ratio(text[:200]) >= 0.5


_BRIDGE: dict[str, frozenset[str]] = {}


def bridge_keys(text: str) -> frozenset[str]:
    """What an Arabic and an English text can share: concepts, numbers, name skeletons.

    English contributes the skeletons of its capitalized words, Arabic of every content
    word (a name is not marked in Arabic script); the English side decides the share.
    """
    found = _BRIDGE.get(text)
    if found is not None:
        return found
    words = words_of(text)
    arabic = is_arabic_text(text)
    keys = {f"c:{m.concept}" for m in words.concepts}
    for token, folded in zip(words.tokens, words.folded, strict=True):
        if folded.replace(".", "").replace(",", "").isdigit():
            keys.add(f"n:{folded.replace(',', '')}")
        elif folded in _STOPWORDS or len(folded) < 3 or not token.text[0].isalpha():
            continue
        elif arabic or token.text[0].isupper():
            bare = folded[1:] if arabic and folded[:1] in "وبل" and folded[1:3] == "ال" else folded
            name = skeleton(bare)
            if len(name) >= 2:
                keys.add(f"s:{name}")
    if len(_BRIDGE) > 100_000:
        _BRIDGE.clear()
    found = _BRIDGE[text] = frozenset(keys)
    return found
