"""Every key binding of the app, driven with Pilot on a hand-made report."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from test_tui_fixture import make_report
from textual import events
from textual.command import CommandPalette
from textual.widgets import Input, OptionList

from riwaya.tui.app import RiwayaApp
from riwaya.tui.screens.finding import FindingScreen
from riwaya.tui.screens.help import HelpScreen
from riwaya.tui.screens.report import ReportScreen
from riwaya.tui.widgets.source_view import SourceView

SIZE = (100, 30)
pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def make_app(sources: int = 4, **kwargs) -> RiwayaApp:
    return RiwayaApp(report=make_report(sources), environ={}, **kwargs)


def screen_of(app: RiwayaApp) -> ReportScreen:
    screen = app.screen
    assert isinstance(screen, ReportScreen)
    return screen


def focused_pane(app: RiwayaApp) -> int | None:
    return screen_of(app)._current_pane()


def claim_visible(view: SourceView, claim_id: str) -> bool:
    row = view.row_of_claim(claim_id)
    return row is not None and row in view.visible_rows()


async def test_opens_with_panes_side_by_side() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert [p.doc.key for p in screen.panes] == ["s1", "s2", "s3", "s4"]
        assert screen.per_page == 2
        assert [p.index for p in screen.visible_panes()] == [0, 1]
        assert "panes 1–2 of 4" in str(screen.query_one("#status").render())
        assert focused_pane(app) == 0


@pytest.mark.parametrize(("key", "step"), [("n", 1), ("p", -1)])
async def test_next_and_previous_contradiction_scroll_every_pane(key: str, step: int) -> None:
    app = make_app()
    report = app.report
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        screen = screen_of(app)
        expected = report.contradictions[0 if step == 1 else -1]
        assert screen.selected == expected.id
        assert screen.panel.query_one(OptionList).highlighted_option.id == expected.id
        for claim_id in expected.claims:
            holder = next(p for p in screen.panes if p.doc.span_of(claim_id))
            assert holder.display, "the pane holding the claim is paged in"
            assert holder.view.selected_claim == claim_id
            assert claim_visible(holder.view, claim_id)


async def test_walking_all_contradictions_keeps_claims_visible() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = screen_of(app)
        for finding in app.report.contradictions:
            await pilot.press("n")
            await pilot.pause()
            assert screen.selected == finding.id
            shown = [p for p in screen.visible_panes() if p.view.selected_claim]
            assert shown, f"no visible pane holds a claim of {finding.id}"
            for pane in shown:
                assert claim_visible(pane.view, pane.view.selected_claim)
        await pilot.press("n")
        assert screen.selected == app.report.contradictions[0].id


async def test_selecting_in_the_findings_list_scrolls_the_panes() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        screen.query_one("#findings-list", OptionList).focus()
        await pilot.press("down", "down", "down")
        await pilot.pause()
        finding = screen.panel.shown[2]
        assert screen.selected == finding.id
        for claim_id in finding.claims:
            pane = next(p for p in screen.panes if p.doc.span_of(claim_id))
            if pane.display:
                assert claim_visible(pane.view, claim_id)


async def test_tab_cycles_panes_pages_and_findings() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        await pilot.press("tab")
        assert focused_pane(app) == 1
        await pilot.press("tab")
        assert focused_pane(app) == 2
        assert screen.panes[2].display, "tab pages to a pane that was hidden"
        assert "panes 2–3 of 4" in str(screen.query_one("#status").render())
        await pilot.press("tab", "tab")
        assert app.focused is screen.query_one("#findings-list")
        await pilot.press("tab")
        assert focused_pane(app) == 0
        await pilot.press("shift+tab")
        assert app.focused is screen.query_one("#findings-list")
        await pilot.press("shift+tab")
        assert focused_pane(app) == 3


async def burst(pilot, *keys: str) -> None:  # noqa: ANN001 - a textual Pilot
    """Send `keys` at once, as a fast typist or a slow link delivers them, then settle."""
    driver = pilot.app._driver
    for key in keys:
        event = events.Key(key, None)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause()
    await pilot.pause()


async def test_tabs_in_a_burst_move_one_pane_each() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await burst(pilot, "tab", "tab", "tab")
        assert focused_pane(app) == 3
        await burst(pilot, "shift+tab", "shift+tab")
        assert focused_pane(app) == 1


async def test_focus_follows_the_page_back_after_flipping_the_view() -> None:
    """n, ] to panes 3-4, v v: panes 1-2 come back (the selection is there) and the
    focus must come with them, not stay on the hidden pane 3."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = screen_of(app)
        await pilot.press("n", "right_square_bracket", "v")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert [p.index for p in screen.visible_panes()] == [0, 1]
        current = focused_pane(app)
        assert current is not None and screen.panes[current].display
        view = screen.panes[current].view
        before = view.scroll_y
        await pilot.press("j")
        assert view.scroll_y == before + 1, "j scrolls the pane the user sees"


async def test_focus_is_always_on_a_shown_pane() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = screen_of(app)
        for keys in (
            ["n", "right_square_bracket", "v", "v"],
            ["tab", "tab", "n"],
            ["right_square_bracket", "p", "v", "n", "v"],
        ):
            await burst(pilot, *keys)
            current = focused_pane(app)
            assert current is not None and screen.panes[current].display, keys


async def test_page_down_scrolls_at_once_without_animation() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = screen_of(app).panes[0].view
        height = view.scrollable_content_region.height
        for action, expected in (
            (view.action_page_down, height),
            (view.action_scroll_down, height + 1),
            (view.action_page_up, 1),
            (view.action_scroll_end, view.max_scroll_y),
            (view.action_scroll_home, 0),
        ):
            action()
            assert view.scroll_y == expected, action.__name__
            assert not app.animator.is_being_animated(view, "scroll_y")


async def test_brackets_page_through_panes() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = screen_of(app)
        await pilot.press("right_square_bracket")
        assert [p.index for p in screen.visible_panes()] == [2, 3]
        assert "panes 3–4 of 4" in str(screen.query_one("#status").render())
        assert focused_pane(app) == 2
        await pilot.press("left_square_bracket")
        assert [p.index for p in screen.visible_panes()] == [0, 1]


async def test_narrow_terminal_shows_one_pane_and_says_so() -> None:
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert len(screen.visible_panes()) == 1
        assert "panes 1–1 of 4" in str(screen.query_one("#status").render())


async def test_wide_terminal_shows_more_panes_and_findings_on_the_right() -> None:
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert len(screen.visible_panes()) == 4
        assert screen.has_class("-wide")
        panel = screen.panel.region
        assert panel.x > screen.panes[-1].region.x


async def test_resizing_rewraps_and_refits() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = screen_of(app)
        view = screen.panes[0].view
        narrow = len(view.layout.rows)
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        assert len(screen.visible_panes()) == 1
        assert len(view.layout.rows) < narrow
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert len(screen.visible_panes()) == 4


async def test_j_k_and_page_keys_scroll_the_focused_pane() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        view = screen_of(app).panes[0].view
        await pilot.press("j", "j")
        assert view.scroll_y == 2
        await pilot.press("k")
        assert view.scroll_y == 1
        await pilot.press("pagedown")
        assert view.scroll_y > 2
        await pilot.press("home")
        assert view.scroll_y == 0
        await pilot.press("down")
        assert view.scroll_y == 1


async def test_s_synchronizes_scrolling() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = screen_of(app)
        left, right = (p.view for p in screen.visible_panes())
        await pilot.press("j")
        await pilot.pause()
        assert right.scroll_y == 0
        await pilot.press("s")
        assert screen.sync
        await pilot.press("end")
        await pilot.pause()
        assert right.scroll_y == right.max_scroll_y
        await pilot.press("s")
        assert not screen.sync
        await pilot.press("home")
        await pilot.pause()
        assert right.scroll_y == right.max_scroll_y


async def test_v_toggles_by_speaker_and_back() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        await pilot.press("v")
        await pilot.pause()
        speakers = [s for s in app.report.speakers if s.source == "s1"]
        assert screen.view_mode == "speaker"
        assert len(screen.panes) == len(speakers)
        assert all(p.doc.key.startswith("s1/") for p in screen.panes)
        assert "by speaker" in str(screen.query_one("#status").render())
        await pilot.press("v")
        await pilot.pause()
        assert [p.doc.key for p in screen.panes] == ["s1", "s2", "s3", "s4"]


async def test_v_opens_the_speakers_of_the_focused_source() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        await pilot.press("tab", "tab", "tab")
        assert focused_pane(app) == 3
        await pilot.press("v")
        await pilot.pause()
        assert all(p.doc.key.startswith("s4/") for p in screen.panes)
        await pilot.press("v")
        await pilot.pause()
        assert focused_pane(app) == 3


async def test_search_folds_arabic_and_steps_through_matches() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        await pilot.press("slash")
        search = screen.query_one("#search", Input)
        assert search.display and app.focused is search
        # Typed without hamza or shadda: finds "أعلنت" and friends.
        await pilot.press(*"اعلن", "enter")
        await pilot.pause()
        assert not search.display
        assert screen.matches
        texts = {screen.docs[i].text[s:e] for i, s, e in screen.matches}
        assert "أعلن" in texts
        assert screen.current_match == 0
        await pilot.press("N")
        assert screen.current_match == 1 % len(screen.matches)
        await pilot.press("P", "P")
        assert screen.current_match == len(screen.matches) - 1
        index, start, _ = screen.matches[screen.current_match]
        pane = screen.panes[index]
        assert pane.display and focused_pane(app) == index
        assert pane.view.layout.row_of(start) in pane.view.visible_rows()
        await pilot.press("escape")
        assert screen.matches == [] and screen.query_text == ""


async def test_search_escape_cancels_and_no_match_notifies() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        await pilot.press("slash", "x", "escape")
        assert not screen.query_one("#search").display
        assert screen.query_text == ""
        await pilot.press("slash", *"zzqq", "enter")
        await pilot.pause()
        assert screen.matches == []
        assert any("No match" in n.message for n in app._notifications)


async def test_f_filters_findings_by_kind() -> None:
    app = make_app()
    kinds = list(dict.fromkeys(f.kind for f in app.report.findings))
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        for kind in kinds:
            await pilot.press("f")
            assert screen.kind_filter == kind
            assert screen.panel.shown and {f.kind for f in screen.panel.shown} == {kind}
        await pilot.press("f")
        assert screen.kind_filter is None
        assert len(screen.panel.shown) == len(app.report.findings)


async def test_n_follows_the_filter() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        await pilot.press("f", "f")
        kind = screen.kind_filter
        await pilot.press("n")
        assert screen._finding(screen.selected).kind == kind


async def test_shift_f_toggles_the_findings_panel() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        height = screen.panes[0].region.height
        await pilot.press("F")
        await pilot.pause()
        assert not screen.panel.display
        assert screen.panes[0].region.height > height
        await pilot.press("F")
        assert screen.panel.display


async def test_enter_opens_finding_details_and_escape_closes() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, ReportScreen), "nothing selected yet"
        await pilot.press("n", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FindingScreen)
        assert app.screen.finding.id == app.report.contradictions[0].id
        await pilot.press("escape")
        assert isinstance(app.screen, ReportScreen)


async def test_enter_in_the_findings_list_opens_details() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen_of(app).query_one("#findings-list", OptionList).focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FindingScreen)


async def test_b_cycles_bidi_modes() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        view = screen.panes[0].view
        assert app.bidi == "app"
        await pilot.press("b")
        await pilot.pause()
        assert app.bidi == "terminal" and view.bidi == "terminal"
        assert screen.per_page == 1, "the terminal reorders whole rows: one pane"
        await pilot.press("b")
        await pilot.pause()
        assert app.bidi == "off" and screen.per_page == 2
        # Off: the first row shows logical text.
        first = view.layout.rows[0]
        assert first.cells.rstrip().startswith(view.doc.text[:5])
        await pilot.press("b")
        assert app.bidi == "app"


async def test_question_mark_lists_every_key() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=100, file=io.StringIO(), record=True)
        console.print(app.screen.query_one("Static").content)
        listed = console.export_text()
        for binding in ReportScreen.BINDINGS:
            assert binding.description in listed
        for text in ("Quit", "Bidi", "Command palette", "Scroll a page"):
            assert text in listed
        await pilot.press("escape")
        assert isinstance(app.screen, ReportScreen)


async def test_ctrl_p_opens_the_palette_with_riwaya_commands() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        titles = [c.title for c in app.get_system_commands(app.screen_stack[-2])]
        assert "Next" in titles and "Search" in titles and "Bidi mode" in titles
        assert any(t.startswith("Go to contradiction 1") for t in titles)
        await pilot.press("escape")


async def test_palette_command_runs_the_action() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        command = next(
            c
            for c in app.get_system_commands(screen)
            if c.title.startswith("Go to contradiction 3")
        )
        command.callback()
        await pilot.pause()
        assert screen.selected == app.report.contradictions[2].id


async def test_q_quits() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_keys_typed_in_search_do_not_trigger_bindings() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "q", "n", "v")
        await pilot.pause()
        screen = screen_of(app)
        assert screen.query_one("#search", Input).value == "qnv"
        assert screen.selected is None and screen.view_mode == "source"


async def test_single_source_shows_one_pane_without_paging() -> None:
    app = make_app(sources=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert len(screen.panes) == 1 and screen.panes[0].display
        assert "1 pane" in str(screen.query_one("#status").render())


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
def test_pane_headers_show_counts(anyio_backend: str) -> None:
    report = make_report()
    from riwaya.tui.document import source_docs

    first = source_docs(report)[0]
    assert first.claim_count == len(report.claims_of("s1"))
    assert first.contradiction_count == sum(
        1
        for f in report.contradictions
        if any(c in {x.id for x in report.claims_of("s1")} for c in f.claims)
    )


async def test_pane_header_renders_label_language_direction_counts() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = screen_of(app).panes[3]
        await pilot.press("right_square_bracket")
        header = str(pane.query_one("PaneHeader").render())
        assert "English wire report" in header
        assert "en · ltr" in header and "claims" in header and "contradictions" in header


def footer_keys(app: RiwayaApp) -> list[tuple[str, int, int]]:
    """(label, first column, last column + 1) of each key the footer shows."""
    from textual.widgets import Footer

    footer = app.screen.query_one(Footer)
    return [
        (str(key.render()).strip(), key.region.x, key.region.right)
        for key in footer.children
        if key.display
    ]


async def test_v_is_labelled_by_what_it_does_in_footer_help_and_palette() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        keys = footer_keys(app)
        labels = [label for label, _, _ in keys]
        assert "v By speaker" in labels
        assert all(right <= 80 for _, _, right in keys), keys
        overlaps = [(a, b) for a, b in zip(keys, keys[1:], strict=False) if a[2] > b[1]]
        assert not overlaps, f"footer keys overlap: {overlaps}"
        titles = [c.title for c in screen.system_commands()]
        assert "By speaker" in titles and "By source" not in titles
        await pilot.press("v")
        await pilot.pause()
        await pilot.pause()
        assert "v By source" in [label for label, _, _ in footer_keys(app)]
        titles = [c.title for c in screen.system_commands()]
        assert "By source" in titles and "By speaker" not in titles
        await pilot.press("question_mark")
        await pilot.pause()
        console = Console(width=100, file=io.StringIO(), record=True)
        console.print(app.screen.query_one("Static").content)
        assert "By speaker / By source" in console.export_text()
