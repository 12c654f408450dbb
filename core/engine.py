"""The analysis engine: sources in, a report out. `riwaya check`, `riwaya eval` and
the app all call `analyze`, so they share one judgement."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from riwaya.core.align import candidate_pairs
from riwaya.core.claims import extract_claims, known_places, link_named_denials
from riwaya.core.findings import judge, number
from riwaya.core.model import Claim, Report, Source, Speaker
from riwaya.core.words import TokenPool

Progress = Callable[[float, str], None]


def analyze(
    sources: Sequence[Source], progress: Progress | None = None, skipped: Sequence[str] = ()
) -> Report:
    """Extract every source's claims, align them and find where they conflict or agree."""
    report_progress = progress or (lambda fraction, message: None)
    report_progress(0.0, "reading place names")
    pools = {source.id: TokenPool(source.text) for source in sources}
    places = known_places(list(sources), pools)
    claims: list[Claim] = []
    speakers: list[Speaker] = []
    for done, source in enumerate(sources, start=1):
        report_progress(0.05 + 0.8 * (done - 1) / max(len(sources), 1), f"reading {source.label}")
        found, parties = extract_claims(source, places, pools[source.id])
        claims.extend(found)
        speakers.extend(parties)
    claims = link_named_denials(claims, speakers)
    report_progress(0.9, "comparing claims")
    bilingual = len({source.language for source in sources}) > 1
    contradictions, corroborations = number(judge(candidate_pairs(claims, bilingual=bilingual)))
    report_progress(1.0, "done")
    return Report(
        sources=tuple(sources),
        speakers=tuple(speakers),
        claims=tuple(claims),
        contradictions=tuple(contradictions),
        corroborations=tuple(corroborations),
        skipped=tuple(skipped),
    )
