"""The whole core pipeline on any text: a valid report, exact spans, nothing a terminal obeys."""

import json
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riwaya.core.engine import analyze
from riwaya.core.model import Report
from riwaya.core.report import render, render_claims
from riwaya.core.sanitize import sanitize
from riwaya.core.sources import make_source

NEWSY = st.sampled_from(
    [
        "قال المتحدث إن ",
        "نفى الجيش وقوع أي هجوم ",
        "ما يصل إلى ٤٠ جنديا ",
        "يوم الخميس ",
        "فجر ",
        "بلدة تل الريحان ",
        "The ministry said ",
        " at least 27 people were killed ",
        "on Friday evening. ",
        "denied the reports",
        "، ",
        ". ",
        "\n\n",
        "«",
        "»",
        "(",
        ")",
        "\u200f",
        "\u202e",
        "\x1b[31m",
        "\x1b]52;c;aGk=\x07",
        "\u0651",
        "أكثر من ",
        "ثلاثين ",
        "1,200 ",
        "١٢٣ ",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(NEWSY, st.text(max_size=8)), max_size=40).map("".join),
)


def _control_free(value: str) -> bool:
    return not any(
        unicodedata.category(c) == "Cc"
        and c not in "\n\t"
        or "\u202a" <= c <= "\u202e"
        or "\u2066" <= c <= "\u2069"
        for c in value
    )


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=1, max_size=3))
def test_any_text_gives_a_valid_report(raw_texts):
    sources = [
        make_source(i, sanitize(text)[0], f"s{i}", f"test:{i}")
        for i, text in enumerate(raw_texts, start=1)
    ]
    report = analyze(sources)
    data = report.to_dict()
    assert Report.from_dict(json.loads(json.dumps(data))).to_dict() == data
    by_id = {s.id: s for s in report.sources}
    for claim in report.claims:
        text = by_id[claim.source].text
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        for quantity in claim.quantities:
            assert text[quantity.span.start : quantity.span.end] == quantity.span.text
            assert quantity.low <= quantity.high
        for span in (*(t.span for t in claim.times), *(p.span for p in claim.places), *claim.cues):
            assert text[span.start : span.end] == span.text
    ids = {c.id for c in report.claims}
    for finding in report.findings:
        assert set(finding.claims) <= ids
    for value in _strings(data):
        assert _control_free(value), repr(value)
    for fmt in ("text", "markdown", "json"):
        assert _control_free(render(report, fmt).replace("\\n", "\n"))
    assert _control_free(render_claims(report))
