"""The data model every part of riwaya shares: sources, claims, findings, the report.

Offsets are Python string indices into `Source.text`, so for every claim
`source.text[claim.start:claim.end] == claim.text` holds and any span can be
highlighted exactly. The model serializes to the JSON report (`to_dict`) and back
(`Report.from_dict`), which is the schema documented in the README.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any, Literal

SCHEMA_VERSION = 1

Language = Literal["ar", "en"]
Direction = Literal["rtl", "ltr"]
Polarity = Literal["affirmed", "negated", "denial"]
FindingType = Literal["contradiction", "corroboration"]


@dataclass(frozen=True)
class Span:
    """A stretch of a source's text: `text == source.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Source:
    """One loaded account: an article, a paste, a page."""

    id: str
    label: str
    origin: str
    language: Language
    direction: Direction
    text: str
    warnings: tuple[str, ...] = ()

    @property
    def has_bidi_controls(self) -> bool:
        """The source held explicit bidi controls (shown as markers): a spoofing risk to flag."""
        return any("bidi control" in warning for warning in self.warnings)


@dataclass(frozen=True)
class Quantity:
    """A number read as an interval, with what it counts.

    `low`/`high` bound the value the text commits to: "up to 40" is [0, 40],
    "at least 27" is [27, inf]. `category` is what is counted (killed, wounded,
    airstrike ...) and `entity` who (soldier, civilian ...), both as concept ids of
    the bilingual lexicon, so that Arabic and English quantities meet.
    """

    low: float
    high: float
    hedge: str
    category: str
    entity: str
    span: Span

    @property
    def key(self) -> str:
        return f"{self.category}/{self.entity}"

    def overlaps(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high

    def describe(self) -> str:
        """The interval in words a reader can check: "up to 40", "at least 27"."""
        if self.low == self.high:
            return _fmt(self.low)
        if math.isinf(self.high):
            return f"at least {_fmt(self.low)}"
        if self.low == 0:
            return f"up to {_fmt(self.high)}"
        return f"{_fmt(self.low)}–{_fmt(self.high)}"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


@dataclass(frozen=True)
class TimeRef:
    """A time the claim places its event at.

    `kind` is weekday, part (of the day), date, relative or since; `value` is a
    language-independent id such as "thursday", "dawn" or "2024-01-16".
    """

    kind: str
    value: str
    span: Span


@dataclass(frozen=True)
class PlaceRef:
    """A place name; `key` is a transliteration-independent skeleton so that
    "Tal al-Rayhan" and "تل الريحان" meet."""

    key: str
    span: Span


@dataclass(frozen=True)
class Claim:
    """One statement of one speaker in one source."""

    id: str
    source: str
    start: int
    end: int
    text: str
    speaker: str
    speaker_id: str
    polarity: Polarity
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeRef, ...] = ()
    places: tuple[PlaceRef, ...] = ()
    events: tuple[str, ...] = ()
    opinion: bool = False
    attribution: Literal["explicit", "continued", "source"] = "source"
    denies: tuple[str, ...] = ()
    """For a denial that names no event of its own: the claims it answers."""
    headline: bool = False
    """The source's first line, when a body follows: a summary, not an account."""
    cues: tuple[Span, ...] = ()
    """Spans of the words that decided polarity (negation or denial words)."""
    said: Span | None = None
    """The words that attribute the claim ("قال المتحدث باسم الوزارة إن", "the group
    said"): who tells it, not what is told."""

    @cached_property
    def matter(self) -> str:
        """What the claim says, without the words that attribute it: claims are compared
        on this, so that two speakers' names do not make two accounts look alike. A claim
        that is nothing but its attribution ("ونفت الوزارة ذلك") keeps its whole text: the
        words are all it says."""
        if self.said is None:
            return self.text
        head = self.text[: self.said.start - self.start]
        tail = self.text[self.said.end - self.start :]
        return f"{head.rstrip()} {tail.lstrip()}".strip() or self.text


@dataclass(frozen=True)
class Speaker:
    """A party that speaks in a source: a ministry, a spokesman, the source itself."""

    id: str
    name: str
    source: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """A contradiction or a corroboration between two claims.

    `explanation` is one sentence a journalist can check against the text;
    `cue` names the words that decided it.
    """

    id: str
    type: FindingType
    kind: str
    claims: tuple[str, str]
    explanation: str
    confidence: float
    cue: str = ""

    @property
    def unsure(self) -> bool:
        return self.confidence < UNSURE_BELOW


UNSURE_BELOW = 0.5


@dataclass(frozen=True)
class Report:
    """Everything the engine computed for one set of sources."""

    sources: tuple[Source, ...]
    speakers: tuple[Speaker, ...]
    claims: tuple[Claim, ...]
    contradictions: tuple[Finding, ...]
    corroborations: tuple[Finding, ...]
    skipped: tuple[str, ...] = field(default=())

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def claim(self, claim_id: str) -> Claim:
        return self._claims_by_id()[claim_id]

    def _claims_by_id(self) -> dict[str, Claim]:
        cache = self.__dict__.get("_by_id")
        if cache is None:
            cache = {c.id: c for c in self.claims}
            object.__setattr__(self, "_by_id", cache)
        return cache

    def claims_of(self, source_id: str) -> list[Claim]:
        return [c for c in self.claims if c.source == source_id]

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.contradictions + self.corroborations

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "sources": [_source_dict(s) for s in self.sources],
            "speakers": [asdict(s) for s in self.speakers],
            "claims": [_claim_dict(c) for c in self.claims],
            "contradictions": [_finding_dict(f) for f in self.contradictions],
            "corroborations": [_finding_dict(f) for f in self.corroborations],
            "skipped": list(self.skipped),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        return cls(
            sources=tuple(
                Source(
                    **{
                        k: v for k, v in s.items() if k not in ("bidi_controls", "warnings", "path")
                    },
                    warnings=tuple(s.get("warnings", ())),
                )
                for s in data["sources"]
            ),
            speakers=tuple(
                Speaker(**{**s, "aliases": tuple(s.get("aliases", ()))}) for s in data["speakers"]
            ),
            claims=tuple(_claim_from(c) for c in data["claims"]),
            contradictions=tuple(_finding_from(f) for f in data["contradictions"]),
            corroborations=tuple(_finding_from(f) for f in data["corroborations"]),
            skipped=tuple(data.get("skipped", ())),
        )


def _source_dict(source: Source) -> dict[str, Any]:
    data = asdict(source)
    data["path"] = _path_of(source.origin)
    data["warnings"] = list(source.warnings)
    data["bidi_controls"] = source.has_bidi_controls
    return data


def _path_of(origin: str) -> str | None:
    """The file a source was read from; None for stdin, URLs and the bundled samples."""
    if origin == "-" or "://" in origin or origin.startswith("sample:"):
        return None
    return origin


def _span_dict(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _quantity_dict(q: Quantity) -> dict[str, Any]:
    return {
        "low": q.low,
        "high": None if math.isinf(q.high) else q.high,
        "hedge": q.hedge,
        "category": q.category,
        "entity": q.entity,
        **_span_dict(q.span),
    }


def _claim_dict(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "source": claim.source,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "speaker": claim.speaker,
        "speaker_id": claim.speaker_id,
        "attribution": claim.attribution,
        "polarity": claim.polarity,
        "opinion": claim.opinion,
        "headline": claim.headline,
        "denies": list(claim.denies),
        "events": list(claim.events),
        "quantities": [_quantity_dict(q) for q in claim.quantities],
        "times": [{"kind": t.kind, "value": t.value, **_span_dict(t.span)} for t in claim.times],
        "places": [{"key": p.key, **_span_dict(p.span)} for p in claim.places],
        "cues": [_span_dict(s) for s in claim.cues],
        "said": _span_dict(claim.said) if claim.said else None,
    }


def _span_from(data: dict[str, Any]) -> Span:
    return Span(data["start"], data["end"], data["text"])


def _claim_from(data: dict[str, Any]) -> Claim:
    return Claim(
        id=data["id"],
        source=data["source"],
        start=data["start"],
        end=data["end"],
        text=data["text"],
        speaker=data["speaker"],
        speaker_id=data["speaker_id"],
        polarity=data["polarity"],
        attribution=data.get("attribution", "source"),
        opinion=data.get("opinion", False),
        headline=data.get("headline", False),
        denies=tuple(data.get("denies", ())),
        events=tuple(data.get("events", ())),
        quantities=tuple(
            Quantity(
                low=q["low"],
                high=math.inf if q["high"] is None else q["high"],
                hedge=q["hedge"],
                category=q["category"],
                entity=q["entity"],
                span=_span_from(q),
            )
            for q in data.get("quantities", ())
        ),
        times=tuple(TimeRef(t["kind"], t["value"], _span_from(t)) for t in data.get("times", ())),
        places=tuple(PlaceRef(p["key"], _span_from(p)) for p in data.get("places", ())),
        cues=tuple(_span_from(s) for s in data.get("cues", ())),
        said=_span_from(data["said"]) if data.get("said") else None,
    )


def _finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.id,
        "type": finding.type,
        "kind": finding.kind,
        "claims": list(finding.claims),
        "explanation": finding.explanation,
        "confidence": round(finding.confidence, 3),
        "cue": finding.cue,
    }


def _finding_from(data: dict[str, Any]) -> Finding:
    return Finding(
        id=data["id"],
        type=data["type"],
        kind=data["kind"],
        claims=(data["claims"][0], data["claims"][1]),
        explanation=data["explanation"],
        confidence=data["confidence"],
        cue=data.get("cue", ""),
    )
