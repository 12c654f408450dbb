"""Which claims speak of the same thing: candidate pairs through an inverted index.

Claims are indexed by what they are about (quantity keys, event concepts, places,
and combinations of them). Only claims that share a key are compared, and a key
shared by too many claims is passed over in favour of the more specific
combinations, so the cost grows with the number of claims, not its square.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from riwaya.core.model import Claim
from riwaya.core.words import bridge_keys, content_stems

MAX_BLOCK = 40


def keys(claim: Claim, bilingual: bool = False) -> set[str]:
    """What a claim is about, as index keys; across languages also what Arabic and English
    can share (concepts, numbers, name skeletons)."""
    found: set[str] = set(bridge_keys(claim.matter)) if bilingual else set()
    events = [f"e:{e}" for e in claim.events]
    quantities = [f"q:{q.category}" for q in claim.quantities]
    places = [f"p:{p.key}" for p in claim.places]
    times = [f"t:{t.value}" for t in claim.times if t.kind in ("weekday", "date")]
    found.update(events, quantities, places)
    found.update(f"w:{stem}" for stem in content_stems(claim.matter))
    for base in (*events, *quantities):
        found.update(f"{base}|{detail}" for detail in (*places, *times))
    return found


def candidate_pairs(
    claims: Iterable[Claim], max_block: int = MAX_BLOCK, bilingual: bool = False
) -> Iterator[tuple[Claim, Claim]]:
    """Pairs of claims by different parties that share an informative key, each once."""
    index: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.opinion or claim.headline:
            continue  # opinions are not facts; a headline only summarizes its body
        for key in sorted(
            keys(claim, bilingual)
        ):  # sorted: the report must not depend on hash seeds
            index[key].append(claim)
    seen: set[tuple[str, str]] = set()
    for block in index.values():
        if len(block) < 2 or len(block) > max_block:
            continue
        for i, first in enumerate(block):
            for second in block[i + 1 :]:
                if first.speaker_id == second.speaker_id:
                    continue
                pair = (first.id, second.id) if first.id < second.id else (second.id, first.id)
                if pair not in seen:
                    seen.add(pair)
                    yield first, second
