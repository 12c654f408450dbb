"""Make `Source`s from text: language and direction, ids, labels."""

from __future__ import annotations

from riwaya.core.arabic import arabic_ratio
from riwaya.core.model import Language, Source


def detect_language(text: str) -> Language:
    """Arabic when most letters are Arabic, else English (the two languages riwaya reads)."""
    return "ar" if arabic_ratio(text[:20_000]) >= 0.5 else "en"


def make_source(
    index: int,
    text: str,
    label: str,
    origin: str,
    language: Language | None = None,
    warnings: tuple[str, ...] = (),
) -> Source:
    lang = language or detect_language(text)
    return Source(
        id=f"s{index}",
        label=label,
        origin=origin,
        language=lang,
        direction="rtl" if lang == "ar" else "ltr",
        text=text,
        warnings=warnings,
    )
