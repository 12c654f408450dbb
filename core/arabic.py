"""Arabic normalization, dediacritization and tokenization, in one place.

Everything in riwaya that folds or splits Arabic goes through this module. It uses
camel-tools' utilities when they are importable and an equivalent built-in path
otherwise (a plain install stays light; see the README for the measured costs).
Both paths give the same output on the same text, which a test checks.

camel-tools' `dediac`, `charsets` and `tokenizers.word` cost about 0.35 s to
import (they loop over all of Unicode), so they are imported on first use,
never at start-up. Set RIWAYA_NO_CAMEL=1 to force the built-in path.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple

HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
TATWEEL = "\u0640"
_DIAC_RE = re.compile(f"[{HARAKAT}]")
_ALEF_RE = re.compile("[\u0625\u0623\u0671\u0622]")
_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Characters folded away for matching: harakat, tatweel.
_FOLD_DROP = frozenset(HARAKAT + TATWEEL)
_FOLD_MAP = {"\u0625": "ا", "\u0623": "ا", "\u0671": "ا", "\u0622": "ا", "ى": "ي", "ة": "ه"}


class Token(NamedTuple):
    """A word or symbol with its offsets in the text it came from."""

    text: str
    start: int
    end: int


class _Backend(NamedTuple):
    name: str
    dediac: Callable[[str], str]
    normalize: Callable[[str], str]
    tokenize: Callable[[str], list[str]]


def _builtin_dediac(text: str) -> str:
    return _DIAC_RE.sub("", text)


def _builtin_normalize(text: str) -> str:
    return _ALEF_RE.sub("ا", text).replace("ى", "ي").replace("ة", "ه")


def _is_symbol(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _builtin_tokenize(text: str) -> list[str]:
    """Split on white space, then split every punctuation or symbol off as its own token.

    This is the rule of camel-tools' `simple_word_tokenize` (which also keeps
    multi-character emoji sequences whole; news text rarely has them).
    """
    tokens: list[str] = []
    for word in text.split():
        begin = 0
        for index, char in enumerate(word):
            if _is_symbol(char):
                if index > begin:
                    tokens.append(word[begin:index])
                tokens.append(char)
                begin = index + 1
        if begin < len(word):
            tokens.append(word[begin:])
    return tokens


_BUILTIN = _Backend("builtin", _builtin_dediac, _builtin_normalize, _builtin_tokenize)


@cache
def _camel_backend() -> _Backend | None:
    """camel-tools' utilities, or None when camel-tools is not installed."""
    if os.environ.get("RIWAYA_NO_CAMEL"):
        return None
    try:
        from camel_tools.tokenizers.word import simple_word_tokenize
        from camel_tools.utils.dediac import dediac_ar
        from camel_tools.utils.normalize import (
            normalize_alef_ar,
            normalize_alef_maksura_ar,
            normalize_teh_marbuta_ar,
        )
    except Exception:  # any import failure means: use the built-in path
        return None

    def normalize(text: str) -> str:
        return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))

    return _Backend("camel-tools", dediac_ar, normalize, simple_word_tokenize)


def backend(prefer_camel: bool = True) -> _Backend:
    """The active implementation: camel-tools when importable, else built-in."""
    return (_camel_backend() if prefer_camel else None) or _BUILTIN


def dediacritize(text: str, *, prefer_camel: bool = True) -> str:
    """Remove harakat (fatha, damma, kasra, tanwin, shadda, sukun, dagger alef)."""
    return backend(prefer_camel).dediac(text)


def normalize_letters(text: str, *, prefer_camel: bool = True) -> str:
    """Fold the letter variants news text spells freely: أ إ آ ٱ → ا, ى → ي, ة → ه."""
    return backend(prefer_camel).normalize(text)


def tokenize(text: str, *, prefer_camel: bool = True) -> list[Token]:
    """Words and symbols of `text` with their offsets into it."""
    split = backend(prefer_camel).tokenize
    tokens: list[Token] = []
    position = 0
    for spaced in text.split():
        for word in _pieces(split, spaced):
            start = text.find(word, position)
            if start < 0:  # a tokenizer never invents text; guard against it anyway
                continue
            position = start + len(word)
            tokens.append(Token(word, start, position))
    return tokens


@lru_cache(maxsize=100_000)
def _pieces(split: Callable[[str], list[str]], spaced: str) -> tuple[str, ...]:
    """The tokens of one word between white space. Both tokenizers split on white space
    first and read each word alone, and news text repeats its words: each is split once."""
    return tuple(split(spaced))


def fold(text: str, *, prefer_camel: bool = True) -> str:
    """The matching form of a word: no harakat or tatweel, letters normalized,
    Arabic-Indic digits as ASCII, lower case."""
    stripped = dediacritize(text, prefer_camel=prefer_camel).replace(TATWEEL, "")
    return normalize_letters(stripped, prefer_camel=prefer_camel).translate(_ARABIC_INDIC).lower()


_FOLD_CACHE: dict[str, str] = {}


def fold_cached(word: str) -> str:
    """`fold` with a memo: news text repeats its words, and folding is on the hot path
    (every token is folded, and folded again to be stemmed)."""
    folded = _FOLD_CACHE.get(word)
    if folded is None:
        if len(_FOLD_CACHE) > 500_000:
            _FOLD_CACHE.clear()
        folded = _FOLD_CACHE[word] = fold(word)
    return folded


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold `text` for search and return, for each folded character, its offset in `text`.

    Search matches on the folded form and highlights through the map, so a query
    typed without diacritics finds "كذّب" and "أعلن" exactly where they stand.
    """
    folded: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char in _FOLD_DROP:
            continue
        folded.append(_FOLD_MAP.get(char, char).translate(_ARABIC_INDIC).lower()[:1] or char)
        offsets.append(index)
    return "".join(folded), offsets


def is_arabic_letter(char: str) -> bool:
    return "\u0621" <= char <= "\u064a" or "\u0671" <= char <= "\u06d3"


# Everything but letters, everything but Arabic letters: removing them leaves the letters
# to count in one string, not a list of one string per letter.
_NOT_LETTER = re.compile(r"[\W\d_]+")
_NOT_ARABIC_LETTER = re.compile("[^\u0621-\u064a\u0671-\u06d3]+")


def arabic_ratio(text: str) -> float:
    """Share of letters that are Arabic: decides a source's language and direction."""
    letters = len(_NOT_LETTER.sub("", text))
    return len(_NOT_ARABIC_LETTER.sub("", text)) / letters if letters else 0.0
