"""Arabic outside the panes (details, palette, notifications) is shaped and ordered too.

The expected strings are derived without riwaya's pipeline, as in the tmux test: a
single word of plain Arabic letters is one right-to-left run, so it is drawn as the word
shaped by arabic-reshaper with its characters reversed; and `--bidi app` draws Arabic
letters only as presentation forms, never in their logical (unshaped) code points.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from arabic_reshaper import ArabicReshaper
from conftest import sample_report
from rich.cells import cell_len
from test_tui_fixture import make_report
from textual.content import Content

from riwaya.tui.app import RiwayaApp
from riwaya.tui.screens.finding import FindingDetails
from riwaya.tui.screens.report import ReportScreen

pytestmark = pytest.mark.anyio

RESHAPER = ArabicReshaper(
    configuration={
        "delete_harakat": False,
        "support_ligatures": True,
        "ARABIC LIGATURE ALLAH": False,
    }
)
UNSHAPED = re.compile("[\u0621-\u064a]")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def visual(word: str) -> str:
    return RESHAPER.reshape(word)[::-1]


@pytest.mark.parametrize("width", [30, 80])
def test_details_show_the_cue_shaped_and_in_visual_order(width: int) -> None:
    report = make_report()
    finding = dataclasses.replace(report.contradictions[0], cue="نفى")
    shown = FindingDetails(report, finding, "1", "app").describe(width).plain
    line = next(line for line in shown.splitlines() if line.startswith("Decided by: "))
    assert visual("نفى") in line
    assert not UNSHAPED.search(line)


def test_details_keep_the_cue_logical_when_bidi_is_off() -> None:
    report = make_report()
    finding = dataclasses.replace(report.contradictions[0], cue="نفى / denied")
    shown = FindingDetails(report, finding, "1", "off").describe(80).plain
    assert "Decided by: نفى / denied" in shown


def test_a_long_cue_wraps_under_its_label() -> None:
    report = make_report()
    cue = "ما يصل إلى 40 جنديا / نحو ١٢ جنديا قُتلوا"
    finding = dataclasses.replace(report.contradictions[0], cue=cue)
    lines = FindingDetails(report, finding, "1", "app").describe(30).plain.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("Decided by: "))
    assert lines[first + 1].startswith(" " * len("Decided by: "))
    assert all(len(line) <= 30 for line in lines[first : first + 2])


async def test_palette_explanations_are_shaped_in_app_mode() -> None:
    report = sample_report("border-attack")
    arabic = [f for f in report.findings if UNSHAPED.search(f.explanation)]
    assert arabic, "the demo's explanations quote Arabic"
    app = RiwayaApp(report=report, environ={})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        helps = {
            c.title: Content.from_markup(c.help).plain
            for c in app.get_system_commands(screen)
            if c.title.startswith("Go to ")
        }
        assert len(helps) == len(report.findings)
        for title, help_text in helps.items():
            assert not UNSHAPED.search(help_text), f"{title}: {help_text}"
            assert all(cell_len(line) <= 80 - 8 for line in help_text.splitlines())
        quoted = next(f for f in arabic if "«نفى»" in f.explanation)
        label = screen.numbering.label(quoted)
        title = next(t for t in helps if t.startswith(f"Go to contradiction {label} "))
        assert f"«{visual('نفى')}»" in helps[title]


async def test_palette_help_is_markup_safe() -> None:
    app = RiwayaApp(report=make_report(), environ={}, bidi="off")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        text = "The figure [b]40[/b] against [12]"
        assert Content.from_markup(screen.palette_help(text)).plain == text


async def test_no_match_message_shows_the_query_shaped() -> None:
    app = RiwayaApp(report=make_report(), environ={})
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"زقزقة", "enter")
        await pilot.pause()
        message = next(n.message for n in app._notifications if "No match" in n.message)
        assert visual("زقزقة") in message
        assert not UNSHAPED.search(message)
