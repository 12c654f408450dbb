"""Word stems, so that inflected forms meet: قتلت / مقتل / قتلوا, attacked / attacks.

Arabic uses nltk's ISRI stemmer (the one light stemmer measured here that gives
one root for قتلت / مقتل / المسلحين / مسلحا / هجوم / هجمات / الهجوم), English
nltk's Porter stemmer. Both are pure Python and loaded on first use.
"""

from __future__ import annotations

from functools import cache, lru_cache

from riwaya.core.arabic import fold_cached, is_arabic_letter


@cache
def _isri():
    from nltk.stem.isri import ISRIStemmer

    return ISRIStemmer()


@cache
def _porter():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


_LAM_HAMZA = ("لأ", "لإ", "لآ")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one word (folded first); words of other scripts come back folded."""
    folded = fold_cached(word)
    if not folded:
        return folded
    if is_arabic_letter(folded[0]):
        if word[:2] in _LAM_HAMZA and len(folded) >= 5:
            folded = folded[1:]  # "لأعلى" is ل + "أعلى": ISRI would keep the ل and lose the root
        return _isri().stem(folded)
    if folded.isascii() and folded.isalpha():
        return _porter().stem(folded)
    return folded
