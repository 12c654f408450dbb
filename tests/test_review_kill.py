"""Killing the running app right after a decision loses nothing.

The real `riwaya open` runs on a pseudo-terminal whose other end is held by the test, as
sshd holds it for a remote journalist. The test types keys, waits until the decision is
in the file (read by another connection, as any other process would see it), and then at
once kills the app: SIGKILL, or a hang-up (the terminal's other end closes, as when the
SSH connection drops, and the kernel sends SIGHUP). The workspace then reopens with the
decision, passes SQLite's integrity check, and is not left locked.
"""

from __future__ import annotations

import fcntl
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest
from test_tui_fixture import make_report

from riwaya.core.workspace import Workspace

# The child makes the terminal its controlling terminal, so that closing our end hangs it up.
LAUNCH = (
    "import fcntl, os, sys, termios; os.setsid(); fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
    "os.execv(sys.executable, [sys.executable, '-m', 'riwaya', *sys.argv[1:]])"
)


class Terminal:
    """`riwaya ARGS` on a pseudo-terminal of 100x30; everything it draws is kept."""

    def __init__(self, *args: str, cwd: Path) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "TEXTUAL")}
        self.process = subprocess.Popen(
            [sys.executable, "-c", LAUNCH, *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env={**env, "TERM": "xterm-256color"},
            close_fds=True,
        )
        os.close(slave)
        self.master: int | None = master
        self.output = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while self.master is not None:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.output += data

    def wait_for(self, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.output:
            if time.monotonic() > deadline or self.process.poll() is not None:
                tail = self.output[-2000:].decode("utf-8", "replace")
                raise AssertionError(f"never drew {text!r}; last output: {tail!r}")
            time.sleep(0.05)

    def type(self, keys: str) -> None:
        assert self.master is not None
        os.write(self.master, keys.encode())

    def hang_up(self) -> None:
        """Close our end, as sshd does when the connection drops."""
        master, self.master = self.master, None
        if master is not None:
            os.close(master)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)
        self.hang_up()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "story.riwaya"
    Workspace.create(path, make_report()).close()
    return path


@pytest.fixture
def app(path: Path):
    terminal = Terminal("open", str(path), cwd=path.parent)
    terminal.wait_for("reviewed")
    yield terminal
    terminal.close()


def stored(path: Path, sql: str) -> list[tuple]:
    """Read the file as another process would, while the app may be writing it."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def wait_until_stored(path: Path, sql: str, expected: list[tuple], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while stored(path, sql) != expected:
        assert time.monotonic() < deadline, f"never stored: {expected}"
        time.sleep(0.02)


def kill(terminal: Terminal, how: str) -> None:
    if how == "SIGKILL":
        terminal.process.send_signal(signal.SIGKILL)
    else:
        terminal.hang_up()
    code = terminal.process.wait(timeout=30)
    expected = signal.SIGKILL if how == "SIGKILL" else signal.SIGHUP
    assert code == -expected, f"the app ended with {code}, not by {expected.name}"


def reopened_intact(path: Path) -> Workspace:
    assert stored(path, "PRAGMA integrity_check") == [("ok",)]
    return Workspace.open(path, write=False)


@pytest.mark.parametrize("how", ["SIGKILL", "hang-up"])
def test_a_decision_survives_the_app_being_killed_right_after(app, path, how) -> None:
    app.type("n")
    app.type("c")
    wait_until_stored(path, "SELECT status FROM decisions", [("confirmed",)])
    kill(app, how)
    workspace = reopened_intact(path)
    first = make_report().contradictions[0]
    assert workspace.review.status(first.id) == "confirmed"
    assert workspace.view()["selected"] == workspace.review.keys[first.id]
    workspace.close()
    Workspace.open(path).close()  # not left locked by the dead process


@pytest.mark.parametrize("how", ["SIGKILL", "hang-up"])
def test_a_note_being_typed_survives_up_to_the_last_keystroke(app, path, how) -> None:
    app.type("n")
    app.type("e")
    app.wait_for("saved as you type")
    for char in "الجيش":
        app.type(char)
    wait_until_stored(path, "SELECT note FROM decisions", [("الجيش",)])
    kill(app, how)
    workspace = reopened_intact(path)
    assert workspace.review.decision(make_report().contradictions[0].id).note == "الجيش"
    workspace.close()


def test_a_second_app_is_told_and_an_export_still_reads(app, path) -> None:
    app.type("n")
    app.type("x")
    wait_until_stored(path, "SELECT status FROM decisions", [("dismissed",)])
    second = subprocess.run(
        [sys.executable, "-m", "riwaya", "open", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert second.returncode == 2
    assert "is open in another riwaya (pid" in second.stderr
    exported = subprocess.run(
        [sys.executable, "-m", "riwaya", "export", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert exported.returncode == 0, exported.stderr
    assert "## Dismissed (1)" in exported.stdout


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.2])
def test_killing_in_the_middle_of_a_burst_of_keys_leaves_a_readable_file(path, delay) -> None:
    terminal = Terminal("open", str(path), cwd=path.parent)
    try:
        terminal.wait_for("reviewed")
        terminal.type("ncncnxncnenote" + "\x1b" + "ncnx" * 3)
        time.sleep(delay)
        terminal.process.send_signal(signal.SIGKILL)
        terminal.process.wait(timeout=30)
    finally:
        terminal.close()
    workspace = reopened_intact(path)
    workspace.close()
