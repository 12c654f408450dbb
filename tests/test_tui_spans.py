"""The highlights of a row are found by bisecting, and match those found by visiting every span."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_tui_fixture import make_report

from riwaya.tui import rtl
from riwaya.tui.app import RiwayaApp
from riwaya.tui.screens.report import ReportScreen
from riwaya.tui.widgets.source_view import SourceView, SpanIndex

spans_strategy = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=30,
)


def brute_force(spans: list[tuple[int, int]], low: int, high: int) -> list[int]:
    return [i for i, (start, end) in enumerate(spans) if start < high and end > low]


@pytest.mark.parametrize(
    ("spans", "low", "high", "expected"),
    [
        ([], 0, 10, []),
        ([(0, 5), (5, 9), (9, 12)], 5, 9, [1]),
        ([(0, 100), (10, 12), (50, 60)], 40, 45, [0]),  # a long span reaching over the row
        ([(50, 60), (0, 100), (10, 12)], 55, 56, [0, 1]),  # given out of order: order kept
        ([(3, 3), (2, 4)], 3, 4, [1]),  # an empty span touches nothing
        ([(0, 5)], 5, 10, []),  # ends are exclusive
    ],
)
def test_span_index_examples(spans, low, high, expected) -> None:
    assert SpanIndex(spans).overlapping(low, high) == expected


@given(spans_strategy, st.integers(0, 100), st.integers(0, 40))
def test_span_index_matches_brute_force(spans, low, length) -> None:
    assert SpanIndex(spans).overlapping(low, low + length) == brute_force(spans, low, low + length)


def spans_by_visiting_all(view: SourceView, line: rtl.VisualLine) -> list:
    """What `SourceView._spans` returned before it bisected: every span, three passes."""
    style = view._style
    every = [(s.start, s.end, style(s.role)) for s in view.doc.spans if s.role != "plain"]
    every += [
        (s.start, s.end, style("selected"))
        for s in view.doc.spans
        if s.claim_id in view.selected_claims
    ]
    every += [
        (s.start, s.end, style("cursor")) for s in view.doc.spans if s.claim_id == view.cursor
    ]
    every += [
        (start, end, style("match-current" if n == view._current_match else "match"))
        for n, (start, end) in enumerate(view._matches)
    ]
    return [(a, b, s) for a, b, s in every if a < line.end and b > line.start]


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_row_spans_match_visiting_every_span(anyio_backend) -> None:
    app = RiwayaApp(report=make_report(4), environ={})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        checked = 0
        for pane in screen.panes:
            view = pane.view
            if not view.text_width:
                continue
            spans = view.doc.spans
            if spans:
                view.cursor = spans[len(spans) // 2].claim_id
            text = view.doc.text
            view.set_matches([(i, i + 7) for i in range(0, len(text), 23)] + [(0, len(text))], 1)
            for line in view.layout.rows:
                assert view._spans(line) == spans_by_visiting_all(view, line)
                checked += 1
        assert checked
        assert any(pane.view.selected_claims for pane in screen.panes)


def test_streams_switch_to_utf8_under_an_ascii_locale(monkeypatch) -> None:
    """Under LC_ALL=C Textual would draw Arabic as backslash escapes: launch switches to UTF-8."""
    import io
    import sys

    from riwaya.tui import launch

    out = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="backslashreplace")
    err = io.TextIOWrapper(io.BytesIO(), encoding="latin-1", errors="backslashreplace")
    monkeypatch.setattr(sys, "__stdout__", out)
    monkeypatch.setattr(sys, "__stderr__", err)
    launch._utf8_streams()
    for stream in (out, err):
        stream.write("الجيش │")
        stream.flush()
        assert stream.buffer.getvalue() == "الجيش │".encode()
