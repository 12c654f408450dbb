"""What the app says in notifications is printable: file names are as hostile as articles."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from test_tui_fixture import make_report

from riwaya.tui import launch
from riwaya.tui.app import RiwayaApp
from riwaya.tui.screens.report import ReportScreen

pytestmark = pytest.mark.anyio

TERMINAL_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def notifications(app: RiwayaApp) -> list[str]:
    """The messages shown once the report is up; those with text from outside are not markup."""
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.screen, ReportScreen):
                break
        shown = list(app._notifications)
    assert not any(n.markup for n in shown if ".txt" in n.message)
    return [n.message for n in shown]


async def test_a_hostile_file_name_in_a_folder_is_notified_harmlessly(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("The ministry said 30 people were killed.\n", "utf-8")
    (folder / "bad\x1b]2;PWNED\x07\x9b\u202ex.txt").write_bytes(b"\x00\x01\x02 binary")
    messages = await notifications(RiwayaApp(launch.job_for_specs([str(folder)]), environ={}))
    assert f"{folder}/bad\u2426\u00a6x.txt: binary file, not text" in messages
    assert not any(TERMINAL_CONTROLS.search(m) or "PWNED" in m for m in messages)


async def test_a_skipped_line_from_elsewhere_is_made_printable_and_not_markup() -> None:
    """A report from an older workspace may hold raw names; brackets are not Textual markup."""
    report = replace(make_report(2), skipped=("[b]x[/b]\x1b[2J\u202e.txt: empty",))
    messages = await notifications(RiwayaApp(lambda: report, environ={}))
    assert "[b]x[/b]\u00a6.txt: empty" in messages
