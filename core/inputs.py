"""From what the user named on the command line to `Source`s the engine reads."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from riwaya.core.load import DEFAULT_MAX_BYTES, load_all
from riwaya.core.model import Source
from riwaya.core.sources import make_source

__all__ = ["DEFAULT_MAX_BYTES", "sources_from_specs"]


def sources_from_specs(
    specs: Sequence[str], encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Source], list[str]]:
    """Load every spec; returns the sources and one printable line per skipped input
    (the loader's message, which names the input).

    Raises `LoadError` only when nothing usable remains.
    """
    loaded, skipped = load_all(
        specs, encoding=encoding, max_bytes=max_bytes, stdin=sys.stdin.buffer
    )
    sources = [
        make_source(index, item.text, item.label, item.origin, warnings=item.warnings)
        for index, item in enumerate(loaded, start=1)
    ]
    return sources, [s.reason for s in skipped]
