"""Terminal bidi modes: the escape sequences `--bidi app` needs and when to warn.

See /RTL.md: in `app` mode riwaya shapes and reorders text itself, so the terminal is
switched to explicit mode (`CSI 8 l`) for the session and back to implicit mode
(`CSI 8 h`) at exit. tmux swallows the sequence unless it is wrapped in a DCS
passthrough (and `allow-passthrough on` is set).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

BidiMode = Literal["app", "terminal", "off"]
BIDI_MODES: tuple[BidiMode, ...] = ("app", "terminal", "off")

EXPLICIT = "\x1b[8l"
"""BDSM reset: the terminal must not reorder; the application does."""
IMPLICIT = "\x1b[8h"
"""BDSM set: the terminal reorders rows itself (its default)."""


def wrap_for_tmux(sequence: str) -> str:
    """The DCS passthrough tmux forwards to the outer terminal (every ESC doubled)."""
    return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"


def bidi_sequence(mode: BidiMode, env: Mapping[str, str]) -> str:
    """What to send when `mode` takes effect: explicit for `app`, implicit otherwise."""
    sequence = EXPLICIT if mode == "app" else IMPLICIT
    return wrap_for_tmux(sequence) if env.get("TMUX") else sequence


def restore_sequence(env: Mapping[str, str]) -> str:
    """What to send at exit: the terminal's default implicit mode."""
    return wrap_for_tmux(IMPLICIT) if env.get("TMUX") else IMPLICIT


def reordering_terminal(env: Mapping[str, str]) -> str | None:
    """The name of a terminal known to reorder rows by itself, if the environment shows one."""
    if env.get("KONSOLE_VERSION"):
        return "Konsole"
    if env.get("TERM", "").startswith("mlterm"):
        return "mlterm"
    if env.get("TERM_PROGRAM") == "iTerm.app":
        return "iTerm2"
    return None


def next_mode(mode: BidiMode) -> BidiMode:
    return BIDI_MODES[(BIDI_MODES.index(mode) + 1) % len(BIDI_MODES)]
