"""Highlights stay readable on every built-in theme, and visible without colour.

Contrast is WCAG 2's ratio between the foreground and the background a cell is drawn
with (reverse video swapped), computed from the styles the app resolves through its
stylesheet and theme, and from the segments a pane actually renders.
"""

from __future__ import annotations

import pytest
from rich.color import Color
from rich.style import Style
from test_tui_fixture import make_report
from textual.theme import BUILTIN_THEMES

from riwaya.tui.app import RiwayaApp
from riwaya.tui.screens.report import ReportScreen
from riwaya.tui.widgets.source_view import SourceView

pytestmark = pytest.mark.anyio

READABLE = 4.5
"""WCAG AA for normal text."""
THEMES = [name for name in BUILTIN_THEMES if not name.startswith("ansi")]
"""The ANSI themes use the terminal's own palette: their contrast is the terminal's."""
TEXT_COMPONENTS = [
    "contradiction",
    "corroboration",
    "selected",
    "match",
    "match-current",
    "cursor",
    "marker-contradiction",
    "marker-corroboration",
    "marker-selected",
]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def luminance(color: Color) -> float:
    """WCAG relative luminance (an oracle written apart from the app's own)."""

    def linear(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = color.get_truecolor()
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(style: Style) -> float:
    """Contrast of the text drawn with `style` against its background."""
    fg, bg = style.color, style.bgcolor
    assert fg is not None and bg is not None, f"a colour is left to the terminal: {style}"
    if style.reverse:
        fg, bg = bg, fg
    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_oracle() -> None:
    black, white = Color.parse("#000000"), Color.parse("#ffffff")
    assert contrast(Style(color=white, bgcolor=black)) == pytest.approx(21)
    assert contrast(Style(color=black, bgcolor=black)) == pytest.approx(1)
    assert contrast(Style(color=Color.parse("#767676"), bgcolor=white)) == pytest.approx(4.54, 0.01)


def drawn(view: SourceView, component: str) -> Style:
    """The style a cell of `component` is drawn with: the view's, then the component's."""
    return view.rich_style + view._style(component)


async def test_every_highlight_is_readable_on_every_builtin_theme() -> None:
    app = RiwayaApp(report=make_report(), environ={})
    failures = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        view = screen.panes[0].view
        for theme in THEMES:
            app.theme = theme
            await pilot.pause()
            for component in TEXT_COMPONENTS:
                ratio = contrast(drawn(view, component))
                if ratio < READABLE:
                    failures.append(f"{theme} {component}: {ratio:.2f}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_rendered_rows_are_readable(theme: str) -> None:
    """Every cell the panes draw, with a contradiction selected and a search match shown."""
    app = RiwayaApp(report=make_report(), environ={})
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.press("slash", *"الجيش", "enter", "n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        seen: dict[str, float] = {}
        for pane in screen.visible_panes():
            view = pane.view
            roles = {name: drawn(view, name) for name in TEXT_COMPONENTS}
            for y in range(view.scrollable_content_region.height):
                for segment in view.render_line(y):
                    if not segment.text.strip() or segment.style is None:
                        continue
                    ratio = contrast(segment.style)
                    assert ratio >= READABLE, f"{segment.text!r} at {ratio:.2f} ({theme})"
                    for name, style in roles.items():
                        if (segment.style.color, segment.style.bgcolor) == (
                            style.color,
                            style.bgcolor,
                        ):
                            seen[name] = min(ratio, seen.get(name, 99))
        for name in ("contradiction", "selected", "match-current", "marker-selected"):
            assert name in seen, f"no {name} cell on screen to check ({theme})"


@pytest.mark.parametrize(
    ("component", "attributes"),
    [
        ("contradiction", {"bold", "underline"}),
        ("corroboration", {"italic", "underline"}),
        ("selected", {"reverse", "bold"}),
        ("match", {"underline"}),
        ("match-current", {"reverse", "bold"}),
        ("cursor", {"reverse", "bold", "underline"}),
        ("marker-selected", {"reverse", "bold"}),
    ],
)
async def test_without_colour_highlights_keep_their_attributes(
    component: str, attributes: set[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR: Textual draws in monochrome; bold, underline and reverse still tell apart."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = RiwayaApp(report=make_report(), environ={})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        style = screen.panes[0].view._style(component)
        assert all(getattr(style, name) for name in attributes), style
