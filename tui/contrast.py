"""Readable highlights on any theme: WCAG contrast, and component styles resolved in full.

A widget that draws its own lines (the Line API) asks Textual for its component styles
with `partial=True`. Such a style drops the alpha of a colour (`$error 30%` is drawn as
plain `$error`) and leaves `color: auto` unresolved, so a tint meant to be light can end
up as a solid block with unreadable text. `resolve` composes a component's colours over
the widget's own background instead, and resolves `auto` to whichever of black and white
reads better on the result: at least 4.58:1 (WCAG AA asks 4.5) whatever the theme.
"""

from __future__ import annotations

from rich.style import Style
from textual.color import BLACK, WHITE, Color
from textual.css.styles import StylesBase

READABLE = 4.5
"""WCAG AA contrast for normal text."""


def luminance(color: Color) -> float:
    """WCAG 2 relative luminance of an opaque colour, from 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b)


def contrast_ratio(first: Color, second: Color) -> float:
    """WCAG 2 contrast between two opaque colours: 1 (none) to 21 (black on white)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_on(background: Color, alpha: float = 1.0) -> Color:
    """Black or white, whichever contrasts more with `background`, at `alpha` over it."""
    best = max((WHITE, BLACK), key=lambda text: contrast_ratio(text, background))
    return background + best.with_alpha(alpha)


def resolve(styles: StylesBase, under: Color) -> Style:
    """A component's Rich style with its colours made opaque over `under`.

    The background (if any) is blended over `under`; the text colour over that background,
    `auto` being the most readable of black and white. A component that sets no colour
    keeps the one it is drawn over (None)."""
    style = styles.partial_rich_style
    background = under
    bgcolor = None
    if styles.has_rule("background") and styles.background.a > 0:
        background = under + styles.background
        bgcolor = background.rich_color
    color = None
    if styles.has_rule("auto_color") and styles.auto_color:
        color = readable_on(background, styles.color.a).rich_color
    elif styles.has_rule("color") and styles.color.a > 0:
        color = (background + styles.color).rich_color
    return style + Style(color=color, bgcolor=bgcolor)
