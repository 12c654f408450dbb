"""Both sides of a selected contradiction on screen, with its own number, at 80x24 on the demo."""

from __future__ import annotations

import pytest
from conftest import sample_report
from test_tui_fixture import make_report

from riwaya.core.samples import sample_sets
from riwaya.tui.app import RiwayaApp
from riwaya.tui.screens.report import ReportScreen
from riwaya.tui.widgets.source_view import GUTTER, SourceView

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def gutter_at(view: SourceView, row: int) -> str:
    """The gutter cells drawn on `row` of the view (which must be on screen)."""
    text = view.render_line(row - round(view.scroll_y)).text
    return text[:GUTTER] if view.doc.direction == "ltr" else text[-GUTTER - 1 :]


def number_on_screen(view: SourceView, claim_id: str, label: str) -> bool:
    row = view.row_of_claim(claim_id)
    return row is not None and row in view.visible_rows() and label in gutter_at(view, row)


@pytest.mark.parametrize("name", [s.name for s in sample_sets()])
async def test_n_shows_both_numbered_sides_of_every_contradiction(name: str) -> None:
    report = sample_report(name)
    if not report.contradictions:
        pytest.skip(f"the engine finds no contradiction in {name} today")
    app = RiwayaApp(report=report, environ={})
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        for _ in report.contradictions:
            await pilot.press("n")
            await pilot.pause()
            finding = screen._finding(screen.selected)
            assert finding is not None and finding.type == "contradiction"
            label = screen.numbering.label(finding)
            holders = [next(p for p in screen.panes if p.doc.span_of(c)) for c in finding.claims]
            for pane in holders:
                assert pane.display, f"{label}: pane {pane.index + 1} is paged out"
            first, second = finding.claims
            view = holders[0].view
            assert number_on_screen(view, first, label), f"{label}: first side not shown"
            if holders[0] is holders[1] and view.claims_fit(finding.claims) is False:
                # Too far apart for one pane: o goes to the other side.
                await pilot.press("o")
                await pilot.pause()
                assert number_on_screen(view, second, label), f"{label}: o did not go there"
                assert screen._current_pane() == holders[1].index
            else:
                other = holders[1].view
                assert number_on_screen(other, second, label), f"{label}: second side not shown"


async def test_gutter_shows_the_selected_finding_number_on_a_claim_in_several() -> None:
    """A claim in several findings shows the first one's number, unless another is selected."""
    app = RiwayaApp(report=make_report(), environ={})
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        shared = next(
            span
            for pane in screen.panes
            for span in pane.doc.spans
            if len([m for m in span.markers if not m.startswith("=")]) > 1
        )
        later = shared.markers[1]
        finding = next(f for f in app.report.findings if screen.numbering.label(f) == later)
        screen.select_finding(finding.id)
        await pilot.pause()
        pane = next(p for p in screen.panes if p.doc.span_of(shared.claim_id))
        assert number_on_screen(pane.view, shared.claim_id, f"{later}+")
        screen.select_finding(None)
        await pilot.pause()
        assert shared.markers[0] in gutter_at(pane.view, pane.view.row_of_claim(shared.claim_id))


async def test_o_goes_to_the_other_side_in_another_pane() -> None:
    app = RiwayaApp(report=make_report(), environ={})
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        await pilot.press("n")
        finding = screen._finding(screen.selected)
        first, second = (next(p for p in screen.panes if p.doc.span_of(c)) for c in finding.claims)
        assert first is not second
        await pilot.press("o")
        assert screen._current_pane() == second.index
        await pilot.press("o")
        assert screen._current_pane() == first.index


async def test_sides_in_panes_that_are_not_neighbours_show_side_by_side() -> None:
    """At 80 columns two panes fit: a finding between sources 1 and 3 shows panes 1 and 3."""
    app = RiwayaApp(report=make_report(), environ={})
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        finding = next(
            f
            for f in app.report.contradictions
            if {app.report.claim(c).source for c in f.claims} == {"s1", "s3"}
        )
        screen.select_finding(finding.id)
        await pilot.pause()
        assert [p.index for p in screen.visible_panes()] == [0, 2]
        assert "panes 1,3 of 4" in str(screen.query_one("#status").render())
        for claim_id in finding.claims:
            pane = next(p for p in screen.panes if p.doc.span_of(claim_id))
            assert number_on_screen(pane.view, claim_id, screen.numbering.label(finding))
        await pilot.press("right_square_bracket")
        assert [p.index for p in screen.visible_panes()] == [2, 3]
        await pilot.press("left_square_bracket")
        assert [p.index for p in screen.visible_panes()] == [0, 1]
