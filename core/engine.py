"""The analysis engine: sources in, a report out. `riwaya check`, `riwaya eval` and
the app all call `analyze`, so they share one judgement."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator, Sequence

from riwaya.core.align import candidate_pairs
from riwaya.core.claims import extract_claims, known_places, link_named_denials
from riwaya.core.findings import judge, number
from riwaya.core.lexicon import lexicon
from riwaya.core.model import Claim, Report, Source, Speaker
from riwaya.core.sources import make_source
from riwaya.core.words import TokenPool

Progress = Callable[[float, str], None]


_CLAIMS_READ: dict[tuple, tuple[list[Claim], list[Speaker]]] = {}
_READ_AT_MOST = 4096
_SHORT = 20_000
"""Characters: only sources this short are remembered (4,096 of them at most, 80 MB of
text at worst); an article is read again, a headline is not."""


def _claims_of(
    source: Source, places: dict[str, str], pool: TokenPool
) -> tuple[list[Claim], list[Speaker]]:
    """`extract_claims`, once per short source and set of known place names: `riwaya eval`
    meets one headline in many pairs."""
    if len(source.text) > _SHORT:
        return extract_claims(source, places, pool)
    key = (source, tuple(sorted(places.items())))
    found = _CLAIMS_READ.get(key)
    if found is None:
        if len(_CLAIMS_READ) >= _READ_AT_MOST:
            _CLAIMS_READ.clear()
        found = _CLAIMS_READ[key] = extract_claims(source, places, pool)
    return list(found[0]), list(found[1])


def warm_up() -> None:
    """Load what the first analysis would: the lexicon, the learned cues, the stemmers and
    the Arabic text utilities. The app calls it while the user reads the first screen."""
    from riwaya.core.cues import model

    lexicon()
    model()
    analyze([make_source(1, "قتل 3 جنود في هجوم. Three soldiers were killed.", "warm", "warm")])


def analyze(
    sources: Sequence[Source], progress: Progress | None = None, skipped: Sequence[str] = ()
) -> Report:
    """Extract every source's claims, align them and find where they conflict or agree."""
    with collector_paused():
        return _analyze(sources, progress, skipped)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """An analysis makes hundreds of thousands of small objects and no garbage cycles: the
    cycle collector would only walk the loaded lexicons again and again (a fifth of the
    time on a 1 MB source: 2.3 s against 1.9). Reference counting still frees everything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _analyze(
    sources: Sequence[Source], progress: Progress | None, skipped: Sequence[str]
) -> Report:
    report_progress = progress or (lambda fraction, message: None)
    report_progress(0.0, "reading place names")
    pools = {source.id: TokenPool(source.text) for source in sources}
    places = known_places(list(sources), pools)
    claims: list[Claim] = []
    speakers: list[Speaker] = []
    for done, source in enumerate(sources, start=1):
        report_progress(0.05 + 0.8 * (done - 1) / max(len(sources), 1), f"reading {source.label}")
        found, parties = _claims_of(source, places, pools[source.id])
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
