"""The installed `riwaya` binary in a real terminal (tmux), used as a person uses it.

Start `riwaya --demo`, open the first sample set with enter, read the Arabic on the
screen, select the first contradiction with n, quit with q and check the exit status.
Runs under a UTF-8 locale and under the POSIX locale (LANG=C, common on servers).

The expected screen text is derived without riwaya's own pipeline: a single Arabic
word without digits is one right-to-left run, so its visual string is the word shaped
by arabic-reshaper (configured as riwaya's RTL notes say) with its characters reversed.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from arabic_reshaper import ArabicReshaper

from riwaya.core.samples import load_sample, sample_sets

TMUX = shutil.which("tmux")
BINARY = Path(sys.executable).parent / "riwaya"
WIDTH, HEIGHT = 120, 35
TIMEOUT = 20.0
"""Seconds to wait for one thing to show on the screen."""
POLL = 0.2

pytestmark = pytest.mark.skipif(
    TMUX is None, reason="tmux is not on PATH: the end-to-end test drives the app through it"
)

RESHAPER = ArabicReshaper(
    configuration={
        "delete_harakat": False,
        "support_ligatures": True,
        "ARABIC LIGATURE ALLAH": False,
    }
)
LETTERS = re.compile("^[\u0621-\u063a\u0641-\u064a]+$")
"""A word of plain Arabic letters: no digits, harakat or tatweel, so one RTL run."""
UNSHAPED = re.compile("[\u0621-\u064a]")
"""Arabic letters in logical (unshaped) form; `--bidi app` draws presentation forms only."""
TMUX_CONF = """\
set -g default-terminal xterm-256color
set -g status off
"""
EXIT = re.compile(r"^EXIT=(\d+)$", re.MULTILINE)
"""What the pane's shell prints once the app has exited."""
SGR = re.compile(r"\x1b\[([0-9;:]*)m")
FINDING_ROW = re.compile(r"^\W*(\d+) [a-z]+ \d+%")
"""A row of the findings list: (marks,) its label, kind and confidence."""
SELECTED = re.compile(r"^1 contradiction · ", re.MULTILINE)
"""The findings panel's explanation of contradiction 1, shown once it is selected."""
APP_VARIABLES = ("LANG", "LANGUAGE", "TMUX", "TMUX_PANE", "COLUMNS", "LINES", "PYTHONUTF8")
"""Removed from the environment so that only what the test sets reaches the app."""


def visual(word: str) -> str:
    """How a terminal without bidi must show `word` when riwaya shapes and reorders it."""
    return RESHAPER.reshape(word)[::-1]


def headline_words(count: int = 3) -> list[str]:
    """The first plain words of the headline of the first source of the first sample set:
    the top row of the first pane once enter has opened the set."""
    source = load_sample(sample_sets()[0].name)[0]
    assert source.direction == "rtl", "the first demo source should be Arabic"
    words = [w for w in source.text.splitlines()[0].split() if LETTERS.match(w) and len(w) >= 3]
    assert len(words) >= count, "the first headline has too few plain Arabic words"
    return words[:count]


def backgrounds(styled: str) -> list[tuple[str, list[str]]]:
    """Each row of a `capture-pane -e` screen as (text, background of each character).

    tmux emits only the SGR changes from one cell to the next, across rows too, so the
    background is tracked through the whole screen.
    """
    rows: list[tuple[str, list[str]]] = []
    background = "default"
    for line in styled.split("\n"):
        text, cells, position = "", [], 0
        for found in [*SGR.finditer(line), None]:
            end = found.start() if found else len(line)
            chunk = line[position:end]
            text += chunk
            cells += [background] * len(chunk)
            if found is None:
                break
            position = found.end()
            params = found.group(1).replace(":", ";").split(";")
            index = 0
            while index < len(params):
                code = params[index] or "0"
                if code in ("0", "49"):
                    background = "default"
                elif code == "48":
                    width = 3 if params[index + 1 : index + 2] == ["5"] else 5
                    background = ";".join(params[index : index + width])
                    index += width - 1
                elif code == "38":
                    index += 2 if params[index + 1 : index + 2] == ["5"] else 4
                elif code.isdigit() and (40 <= int(code) <= 47 or 100 <= int(code) <= 107):
                    background = code
                index += 1
        rows.append((text, cells))
    return rows


def finding_backgrounds(styled: str) -> dict[str, str]:
    """The background of each finding's label in the findings list, by label."""
    shown = {}
    for text, cells in backgrounds(styled):
        if found := FINDING_ROW.match(text):
            shown[found.group(1)] = cells[found.start(1)]
    return shown


def environment(locale: str) -> dict[str, str]:
    """The caller's environment with a known terminal and `locale`, and nothing of
    another tmux, locale or Textual setting."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in APP_VARIABLES and not key.startswith(("LC_", "TEXTUAL", "PYTHONIO"))
    }
    env.update(TERM="xterm-256color", LANG=locale, LC_ALL=locale)
    return env


class Terminal:
    """One app in a detached tmux session on a private server."""

    def __init__(self, socket: str, config: Path, env: dict[str, str]) -> None:
        assert TMUX is not None
        self.base = [TMUX, "-u", "-L", socket, "-f", str(config)]
        self.env = env
        self.target = "app"
        self.socket_path: Path | None = None

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            [*self.base, *args],
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=10,
            check=False,
        )
        assert result.returncode == 0, f"tmux {args[0]} failed: {result.stderr.strip()}"
        return result.stdout

    def start(self, *command: str) -> None:
        """Run `command`, then print its exit status and keep the pane open to read it."""
        script = f"{shlex.join(command)}; echo EXIT=$?; sleep 30"
        size = ["-x", str(WIDTH), "-y", str(HEIGHT)]
        self.tmux("new-session", "-d", *size, "-s", self.target, "--", "/bin/sh", "-c", script)
        self.socket_path = Path(self.tmux("display-message", "-p", "#{socket_path}").strip())

    def close(self) -> None:
        """Stop the tmux server and remove its socket (tmux leaves it behind)."""
        subprocess.run([*self.base, "kill-server"], env=self.env, capture_output=True, check=False)
        if self.socket_path is not None:
            self.socket_path.unlink(missing_ok=True)

    def screen(self, styles: bool = False) -> str:
        return self.tmux("capture-pane", "-p", *(["-e"] if styles else []), "-t", self.target)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.target, *keys)

    def wait_for(self, what: str, ready: Callable[[str], bool]) -> str:
        """Poll the screen until `ready` holds; fail with the last screen after TIMEOUT."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            screen = self.screen()
            if ready(screen):
                return screen
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}; the screen was:\n{screen}")
            if EXIT.search(screen):
                pytest.fail(f"the app exited while waiting for {what}; the screen was:\n{screen}")
            time.sleep(POLL)

    def settled(self) -> str:
        """The screen once two captures in a row are the same (no repaint under way)."""
        previous = self.screen()
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            time.sleep(POLL)
            current = self.screen()
            if current == previous:
                return current
            previous = current
        pytest.fail(f"the screen kept changing; the last capture was:\n{previous}")


@pytest.fixture(params=["C.UTF-8", "C"], ids=["utf8-locale", "posix-locale"])
def terminal(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Terminal]:
    config = tmp_path / "tmux.conf"
    config.write_text(TMUX_CONF, encoding="utf-8")
    socket = f"riwaya-test-{os.getpid()}-{request.param.replace('.', '')}"
    term = Terminal(socket, config, environment(request.param))
    try:
        yield term
    finally:
        term.close()


def test_demo_shows_shaped_arabic_selects_and_quits(terminal: Terminal) -> None:
    assert BINARY.exists(), f"{BINARY} is missing: install the package (pip install -e .)"
    first_set = sample_sets()[0]
    words = headline_words()
    terminal.start(str(BINARY), "--demo")

    # The chooser; enter opens the highlighted (first) set.
    terminal.wait_for(
        "the sample chooser",
        lambda s: "choose a sample set" in s and first_set.title in s and "enter open" in s,
    )
    terminal.keys("Enter")

    # The panes: the headline's words shaped and in visual order, never in logical order.
    terminal.wait_for(
        "the panes and the findings",
        lambda s: all(visual(w) in s for w in words) and "Findings" in s and "n Next" in s,
    )
    screen = terminal.settled()
    for word in words:
        assert visual(word) in screen, f"{word} is not shown as {visual(word)}:\n{screen}"
        assert word not in screen, f"{word} is shown in logical order:\n{screen}"
    unshaped = sorted(set(UNSHAPED.findall(screen)))
    assert not unshaped, f"unshaped Arabic letters {unshaped} on the screen:\n{screen}"
    assert not SELECTED.search(screen), f"a finding is selected before n:\n{screen}"
    before = finding_backgrounds(terminal.screen(styles=True))
    assert {"1", "2"} <= before.keys(), f"the findings list is not shown:\n{screen}"
    assert before["1"] == before["2"], "a finding looks selected before n"

    # n selects the first contradiction: the findings panel explains contradiction 1.
    terminal.keys("n")
    terminal.wait_for("contradiction 1 to be selected", lambda s: SELECTED.search(s) is not None)
    terminal.settled()
    after = finding_backgrounds(terminal.screen(styles=True))
    assert after["1"] != after["2"] == before["2"], "the list does not highlight finding 1"

    # q quits cleanly.
    terminal.keys("q")
    screen = terminal.wait_for("the app to exit", lambda s: EXIT.search(s) is not None)
    status = int(EXIT.search(screen).group(1))
    assert status == 0, f"the app exited with status {status}; the screen was:\n{screen}"
