"""Find a query in a pane's logical text, regardless of Arabic diacritics and letter forms.

Both the query and the text are folded by `riwaya.core.arabic.fold_with_map`
(harakat and tatweel dropped, hamza forms of alef, alef maqsura and ta marbuta
unified, lower case); matches are mapped back to logical offsets so that they are
highlighted through the same path as claims. Visual strings are never searched.
"""

from __future__ import annotations

from functools import lru_cache

from riwaya.core.arabic import fold_with_map


@lru_cache(maxsize=64)
def _folded(text: str) -> tuple[str, tuple[int, ...]]:
    folded, offsets = fold_with_map(text)
    return folded, tuple(offsets)


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every non-overlapping match of `query` in `text` as (start, end) logical offsets.

    A match ends after the marks that follow its last letter, so the whole of a
    diacritized word is highlighted.
    """
    needle, _ = fold_with_map(query.strip())
    if not needle:
        return []
    haystack, offsets = _folded(text)
    matches = []
    index = haystack.find(needle)
    while index >= 0:
        after = index + len(needle)
        # Everything between the last matched letter and the next kept one was folded
        # away (marks, tatweel), so it belongs to the match.
        end = offsets[after] if after < len(offsets) else len(text)
        matches.append((offsets[index], end))
        index = haystack.find(needle, after)
    return matches
