"""What the screen shows, compared with reviewed SVG snapshots (pytest-textual-snapshot).

Update with `pytest tests/test_app_snapshots.py --snapshot-update` and review the report
before accepting: a changed snapshot is a changed screen.
"""

from __future__ import annotations

from test_tui_fixture import make_report

from riwaya.tui.app import RiwayaApp
from riwaya.tui.screens.report import ReportScreen


def hand_made() -> RiwayaApp:
    return RiwayaApp(report=make_report(), environ={})


async def open_first_sample(pilot) -> None:  # noqa: ANN001 - a textual Pilot
    """Pick the first sample set in the chooser and wait for the analysis worker."""
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    for _ in range(50):
        await pilot.pause(0.05)
        if isinstance(pilot.app.screen, ReportScreen):
            break
    await pilot.pause()


async def settle(pilot) -> None:  # noqa: ANN001
    """Let the scroll to the selected claims finish before the screen is captured."""
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def test_hand_made_report_80x24(snap_compare) -> None:
    assert snap_compare(hand_made(), terminal_size=(80, 24))


def test_hand_made_selected_contradiction_80x24(snap_compare) -> None:
    assert snap_compare(hand_made(), terminal_size=(80, 24), press=["n"])


def test_hand_made_english_pane_and_corroboration_160x45(snap_compare) -> None:
    assert snap_compare(hand_made(), terminal_size=(160, 45), press=["n", "n"])


def test_hand_made_search_match_80x24(snap_compare) -> None:
    assert snap_compare(hand_made(), terminal_size=(80, 24), press=["slash", *"الجيش", "enter"])


def test_hand_made_by_speaker_100x30(snap_compare) -> None:
    assert snap_compare(hand_made(), terminal_size=(100, 30), press=["v"])


def test_hand_made_details_80x24(snap_compare) -> None:
    assert snap_compare(hand_made(), terminal_size=(80, 24), press=["n", "enter"])


def test_demo_chooser_80x24(snap_compare) -> None:
    assert snap_compare(RiwayaApp(demo=True, environ={}), terminal_size=(80, 24))


def test_demo_selected_contradiction_80x24(snap_compare) -> None:
    async def run_before(pilot) -> None:  # noqa: ANN001
        await open_first_sample(pilot)
        await pilot.press("n")
        await settle(pilot)

    assert snap_compare(
        RiwayaApp(demo=True, environ={}), terminal_size=(80, 24), run_before=run_before
    )


def test_demo_selected_contradiction_160x45(snap_compare) -> None:
    async def run_before(pilot) -> None:  # noqa: ANN001
        await open_first_sample(pilot)
        await pilot.press("n", "n")
        await settle(pilot)

    assert snap_compare(
        RiwayaApp(demo=True, environ={}), terminal_size=(160, 45), run_before=run_before
    )


def reviewing(tmp_path) -> RiwayaApp:  # noqa: ANN001 - pytest's tmp_path
    """The hand-made report in a fresh workspace file."""
    from riwaya.core.workspace import Workspace

    path = tmp_path / "story.riwaya"
    Workspace.create(path, make_report()).close()
    return RiwayaApp(workspace=Workspace.open(path), environ={})


def test_review_statuses_and_progress_80x24(snap_compare, tmp_path) -> None:
    keys = ["n", "c", "n", "x", "n", "e", *"راجع", "escape", "n"]
    assert snap_compare(reviewing(tmp_path), terminal_size=(80, 24), press=keys)


def test_review_status_filter_160x45(snap_compare, tmp_path) -> None:
    keys = ["n", "c", "n", "c", "n", "x", "r", "r"]
    assert snap_compare(reviewing(tmp_path), terminal_size=(160, 45), press=keys)


def test_review_note_editor_80x24(snap_compare, tmp_path) -> None:
    keys = ["n", "e", *"الجيش ينفي", "enter", *"call the ministry"]
    assert snap_compare(reviewing(tmp_path), terminal_size=(80, 24), press=keys)


def test_review_marking_second_claim_80x24(snap_compare, tmp_path) -> None:
    keys = ["m", "down", "enter", "tab", "down"]
    assert snap_compare(reviewing(tmp_path), terminal_size=(80, 24), press=keys)
