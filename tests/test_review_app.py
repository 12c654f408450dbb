"""The review desk in the app, driven with Pilot over real workspace files."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_fixture import make_report
from textual.widgets import Input, OptionList, RadioButton, TextArea

from riwaya.core.engine import analyze
from riwaya.core.inputs import sources_from_specs
from riwaya.core.workspace import Workspace
from riwaya.tui.app import RiwayaApp
from riwaya.tui.screens.confirm import ConfirmScreen
from riwaya.tui.screens.export import ExportScreen
from riwaya.tui.screens.loading import LoadingScreen
from riwaya.tui.screens.note import NoteScreen
from riwaya.tui.screens.report import ReportScreen
from riwaya.tui.screens.review import ReviewScreen
from riwaya.tui.screens.save import SaveScreen
from riwaya.tui.screens.unmatched import UnmatchedScreen

SIZE = (100, 30)
pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "story.riwaya"
    Workspace.create(path, make_report()).close()
    return path


def stored(path: Path) -> Workspace:
    """What is on disk now, read as another process would."""
    return Workspace.open(path, write=False)


def screen_of(app: RiwayaApp) -> ReviewScreen:
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


async def until(pilot, condition, tries: int = 100) -> None:  # noqa: ANN001
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app never got there")


def panel_title(screen: ReportScreen) -> str:
    return str(screen.query_one("#findings-title").render())


async def test_c_x_u_decide_and_every_decision_is_on_disk_at_once(path: Path) -> None:
    app = RiwayaApp(workspace=Workspace.open(path), environ={})
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        first = app.report.contradictions[0].id
        await pilot.press("n", "c")
        assert stored(path).review.status(first) == "confirmed"
        assert "1 of 18 reviewed" in panel_title(screen)
        prompt = screen.panel.query_one(OptionList).get_option_at_index(0).prompt
        assert str(prompt).startswith("✓")
        await pilot.press("x")
        assert stored(path).review.status(first) == "dismissed"
        await pilot.press("n", "c", "u")
        second = app.report.contradictions[1].id
        assert stored(path).review.status(second) == "open"
        assert "1 of 18 reviewed" in panel_title(screen)


async def test_deciding_needs_a_selected_finding(path: Path) -> None:
    app = RiwayaApp(workspace=Workspace.open(path), environ={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert any("Select a finding first" in n.message for n in app._notifications)
    assert stored(path).review.progress[0] == 0


async def test_without_a_workspace_the_first_decision_asks_where_to_save(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = RiwayaApp(report=make_report(), environ={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "c")
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen)
        assert app.screen.query_one(Input).value == str(tmp_path / "s1.riwaya")
        await pilot.press("escape")
        assert app.workspace is None and not (tmp_path / "s1.riwaya").exists()
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one(Input).value = str(tmp_path / "desk")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReportScreen) and app.workspace)
        await pilot.pause()
        assert "desk.riwaya" in str(screen_of(app).query_one("#status").render())
    first = make_report().contradictions[0].id
    assert stored(tmp_path / "desk.riwaya").review.status(first) == "confirmed"


async def test_w_saves_and_refuses_an_existing_name(tmp_path: Path, path: Path) -> None:
    app = RiwayaApp(report=make_report(), environ={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one(Input).value = str(path)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveScreen), "an existing file is never replaced"
        assert "exists" in str(app.screen.query_one("#save-error").render())
        app.screen.query_one(Input).value = str(tmp_path / "other")
        await pilot.press("enter")
        await until(pilot, lambda: app.workspace is not None)
        await pilot.press("w")
        assert any("Saved as you go" in n.message for n in app._notifications)
    assert (tmp_path / "other.riwaya").exists()


async def test_e_edits_a_multiline_arabic_and_english_note_saved_as_typed(path: Path) -> None:
    app = RiwayaApp(workspace=Workspace.open(path), environ={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "e")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"الجيش ينفي", "enter", *"call the ministry")
        first = app.report.contradictions[0].id
        assert stored(path).review.decision(first).note == "الجيش ينفي\ncall the ministry"
        assert app.screen.query_one("#note-preview").display, "Arabic gets a laid-out preview"
        await pilot.press("escape")
        await pilot.pause()
        screen = screen_of(app)
        prompt = screen.panel.query_one(OptionList).get_option_at_index(0).prompt
        assert str(prompt).startswith("·✎")
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "الجيش ينفي\ncall the ministry"


async def test_r_filters_by_status_and_n_goes_on_from_a_decided_finding(path: Path) -> None:
    app = RiwayaApp(workspace=Workspace.open(path), environ={})
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        x = app.report.contradictions
        await pilot.press("n", "c", "r")
        assert screen.status_filter == "open"
        assert x[0].id not in {f.id for f in screen.panel.shown}
        await pilot.press("n")
        assert screen.selected == x[1].id, "the next open one, not back to the top"
        await pilot.press("r")
        assert screen.status_filter == "confirmed"
        assert [f.id for f in screen.panel.shown] == [x[0].id]
        await pilot.press("r", "r")
        assert screen.status_filter is None


async def test_m_marks_a_missed_contradiction_between_two_panes(path: Path) -> None:
    app = RiwayaApp(workspace=Workspace.open(path), environ={})
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        await pilot.press("m")
        assert screen.marking
        assert "MARK" in str(screen.query_one("#status").render())
        left = screen.panes[0].view
        assert left.picking and left.cursor == left.doc.spans[0].claim_id
        await pilot.press("down", "enter")
        first = left.doc.spans[1].claim_id
        assert screen.mark_first == first
        await pilot.press("enter")
        assert any("does not contradict itself" in n.message for n in app._notifications)
        await pilot.press("tab")
        right = screen.panes[1].view
        assert right.picking and not left.picking
        await pilot.press("down", "down", "enter")
        second = right.doc.spans[2].claim_id
        await pilot.pause()
        assert not screen.marking
        manual = [f for f in app.screen.report.contradictions if f.kind == "manual"]
        assert [(f.id, f.claims) for f in manual] == [("m1", (first, second))]
        assert screen_of(app).selected == "m1"
        marker = screen_of(app).panes[0].doc.span_of(first)
        assert marker is not None and "M1" in marker.markers
    review = stored(path).review
    assert review.status("m1") == "confirmed" and review.report.claim(second)


async def test_marking_a_pair_the_engine_found_selects_that_finding(path: Path) -> None:
    report = make_report()
    finding = report.contradictions[0]
    app = RiwayaApp(workspace=Workspace.open(path), environ={})
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        await pilot.press("m")
        screen.panes[0].view.cursor = finding.claims[0]
        await pilot.press("enter", "tab")
        screen.panes[1].view.cursor = finding.claims[1]
        await pilot.press("enter")
        await pilot.pause()
        assert screen.selected == finding.id
        assert all(f.kind != "manual" for f in screen.report.findings)


async def test_escape_cancels_marking(path: Path) -> None:
    app = RiwayaApp(workspace=Workspace.open(path), environ={})
    async with app.run_test(size=SIZE) as pilot:
        screen = screen_of(app)
        await pilot.press("m", "enter", "escape")
        assert not screen.marking and not any(p.view.picking for p in screen.panes)
        await pilot.press("down")
        assert screen.panes[0].view.scroll_y == 1, "arrows scroll again"


async def test_reopening_comes_back_to_the_same_place(path: Path) -> None:
    report = make_report()
    app = RiwayaApp(workspace=Workspace.open(path), environ={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "n", "n", "f", "right_square_bracket", "tab")
        screen = screen_of(app)
        where = (screen.selected, screen.first_pane, screen.kind_filter, screen._current_pane())
    again = RiwayaApp(workspace=Workspace.open(path), environ={})
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(again)
        assert (
            screen.selected,
            screen.first_pane,
            screen.kind_filter,
            screen._current_pane(),
        ) == where
        assert where[0] == report.contradictions[2].id
        assert screen.panel.query_one(OptionList).highlighted_option.id == where[0]


async def test_reopening_in_the_by_speaker_view(path: Path) -> None:
    app = RiwayaApp(workspace=Workspace.open(path), environ={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "v")
        await pilot.pause()
        keys = [p.doc.key for p in screen_of(app).panes]
    again = RiwayaApp(workspace=Workspace.open(path), environ={})
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(again)
        assert screen.view_mode == "speaker"
        assert [p.doc.key for p in screen.panes] == keys and keys[0].startswith("s2/")


async def test_E_exports_and_asks_before_replacing(path: Path, tmp_path: Path) -> None:
    app = RiwayaApp(workspace=Workspace.open(path), environ={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "c", "E")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        path_input = app.screen.query_one(Input)
        assert path_input.value == str(tmp_path / "story.md")
        html = next(b for b in app.screen.query(RadioButton) if b.name == "html")
        html.value = True
        await pilot.pause()
        assert path_input.value == str(tmp_path / "story.html")
        path_input.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        page = (tmp_path / "story.html").read_text("utf-8")
        assert 'dir="rtl"' in page and "Confirmed contradictions (1)" in page
        await pilot.press("E", "enter")  # Markdown, the default
        await app.workers.wait_for_complete()
        markdown = tmp_path / "story.md"
        assert "Confirmed contradictions (1)" in markdown.read_text("utf-8")
        await pilot.press("x", "E", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen), "an existing file is not replaced unasked"
        await pilot.press("n")
        assert "Confirmed contradictions (1)" in markdown.read_text("utf-8")
        await pilot.press("E", "enter", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert "Confirmed contradictions (0)" in markdown.read_text("utf-8")


# ---- a source changed on disk -------------------------------------------------------------


@pytest.fixture
def on_files(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "ministry.txt", tmp_path / "observatory.txt"
    a.write_text("قالت وزارة الصحة إن 40 شخصا قتلوا في الهجوم يوم الخميس.\n", "utf-8")
    b.write_text("The observatory said 12 people were killed in the attack on Thursday.\n", "utf-8")
    sources, _ = sources_from_specs([str(a), str(b)])
    path = tmp_path / "files.riwaya"
    workspace = Workspace.create(path, analyze(sources))
    toll = next(f.id for f in workspace.review.report.contradictions if f.kind == "numeric")
    workspace.decide(toll, "confirmed")
    workspace.close()
    return path, b


async def reopen_and_answer(path: Path, answer: str) -> type:
    """Reopen the workspace, answer the re-analysis question; the screen it ends on."""
    app = RiwayaApp(workspace=Workspace.open(path), environ={})
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "changed since it was analysed" in str(app.screen.message)
        await pilot.press(answer)
        await app.workers.wait_for_complete()
        await until(pilot, lambda: not isinstance(app.screen, ConfirmScreen | LoadingScreen))
        await pilot.pause()
        return type(app.screen)


async def test_a_changed_source_is_offered_for_re_analysis(on_files) -> None:
    path, observatory = on_files
    observatory.write_text(
        "Heavy fighting overnight.\n\n" + observatory.read_text("utf-8"), "utf-8"
    )
    assert await reopen_and_answer(path, "y") is ReviewScreen
    review = stored(path).review
    assert "Heavy fighting" in review.report.source("s2").text
    toll = next(f.id for f in review.report.contradictions if f.kind == "numeric")
    assert review.status(toll) == "confirmed", "the decision followed its claims"


async def test_decisions_that_no_longer_match_are_listed_after_re_analysis(on_files) -> None:
    path, observatory = on_files
    observatory.write_text(observatory.read_text("utf-8").replace("12", "15"), "utf-8")
    assert await reopen_and_answer(path, "y") is UnmatchedScreen
    assert len(stored(path).review.unmatched) == 1


async def test_keeping_the_stored_analysis(on_files) -> None:
    path, observatory = on_files
    observatory.write_text("Nothing to see.\n", "utf-8")
    assert await reopen_and_answer(path, "n") is ReviewScreen
    assert "12 people" in stored(path).review.report.source("s2").text


# ---- starting: --save and riwaya open -----------------------------------------------------


async def test_save_flag_makes_the_workspace_once_the_analysis_is_done(tmp_path: Path) -> None:
    path = tmp_path / "new.riwaya"
    app = RiwayaApp(lambda: make_report(2), save_to=path, environ={})
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await until(pilot, lambda: isinstance(app.screen, ReportScreen))
        await pilot.press("n", "c")
        assert app.workspace is not None and app.workspace.path == path
    assert stored(path).review.progress[0] == 1


def test_save_flag_refuses_an_existing_file_before_any_work(path: Path, capsys) -> None:
    from riwaya.tui import launch

    assert launch.run(["whatever.txt"], save=str(path)) == 2
    err = capsys.readouterr().err
    assert err.startswith("riwaya: ") and "already exists" in err and "riwaya open" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["open", "nowhere.riwaya"], "no workspace at nowhere.riwaya"),
        (["open", "x.riwaya", "--bidi", "sideways"], "invalid choice"),
    ],
)
def test_riwaya_open_errors_are_one_line(tmp_path: Path, args, message: str) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "riwaya", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
