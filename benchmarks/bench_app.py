"""How fast the app feels: start-up to the first full frame, and page-down on 1 MB of Arabic.

Run on demand: python benchmarks/bench_app.py [--runs 10] [--presses 50] [--no-write]
Prints figures, asserts nothing, and writes them to docs/app-figures.md (unless --no-write).

Targets: `riwaya --demo` draws its chooser in under 1 s, at most 1.5 times what a minimal
Textual app takes on the same machine; on a 1 MB Arabic source, the median time from a
page-down key to the repainted frame is under 30 ms.

- Start-up is timed as a person sees it: each command runs on its own pseudo-terminal
  (120x35, TERM=xterm-256color) and the clock stops when everything the first screen
  shows has been written to the terminal (for the demo: the chooser's title, every
  sample set, its help line and the footer). The two commands take turns, after one
  warm-up each, so that a drift in the machine's speed touches both.
- The demo's report is timed the same way, as a person reaches it: the chooser drawn,
  enter pressed (the first sample set), and the clock stops when the report screen is
  fully written (its status line, pane headers, findings panel and footer keys); the
  figure is given from the start and from the enter key (which includes the analysis,
  run in its worker). The peak memory of those processes is their ru_maxrss.
- Page-down runs the app in-process (`App.run_test`) on a generated 1 MB source. Each
  frame the compositor produces is also turned into the bytes a terminal would receive,
  and timestamped: a press is timed from the key event to the first frame that shows
  the pane at its new position, and the bytes of every frame until the next press are
  counted. Keyboard scrolling is not animated (the page appears at once, in one frame),
  so this is the app's real behaviour at Textual's default animation level.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime
import fcntl
import gc
import os
import platform
import pty
import random
import re
import resource
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import textwrap
import time
from collections.abc import Callable, Sequence
from importlib import metadata, resources
from pathlib import Path

WIDTH, HEIGHT = 120, 35
TARGET_BYTES = 1_000_000
BINARY = Path(sys.executable).parent / "riwaya"
FIGURES = Path(__file__).resolve().parent.parent / "docs" / "app-figures.md"

MINIMAL_APP = '''\
"""A minimal Textual app: a line of text and a footer, the yardstick for start-up."""

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static


class Minimal(App):
    BINDINGS = [Binding("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("minimal textual app")
        yield Footer()


if __name__ == "__main__":
    Minimal().run()
'''


# ---- start-up: process start to the first full frame ------------------------------------


def terminal_env() -> dict[str, str]:
    """The caller's environment with a known terminal, a UTF-8 locale and no Textual setting."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TEXTUAL", "LC_", "TMUX")) and key not in ("COLUMNS", "LINES")
    }
    env.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    return env


def first_frame(command: Sequence[str], markers: Sequence[str], timeout: float = 30.0) -> float:
    """Seconds from starting `command` on a fresh pseudo-terminal until it has written
    every one of `markers`; then the app is asked to quit (q) and reaped."""
    return stages(command, [(b"", markers)], timeout)[0]


def stages(
    command: Sequence[str],
    steps: Sequence[tuple[bytes, Sequence[str]]],
    timeout: float = 30.0,
    pause: float = 0.0,
) -> list[float]:
    """Start `command` on a fresh pseudo-terminal and, for each step, type its keys and
    wait until the app has written every one of its markers (counting only what it wrote
    after the keys). Before typing, wait `pause` seconds (a person reading the screen).
    Seconds from the start to the end of each step; then quit (q)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=terminal_env(), start_new_session=True
    )
    os.close(slave)
    times = []
    try:
        for keys, markers in steps:
            if keys:
                _drain(master, pause)
                os.write(master, keys)
            wanted = [marker.encode() for marker in markers]
            seen = bytearray()
            while not all(marker in seen for marker in wanted):
                left = started + timeout - time.perf_counter()
                if left <= 0 or not select.select([master], [], [], left)[0]:
                    missing = [m for m in markers if m.encode() not in seen]
                    raise TimeoutError(f"{command[0]}: {missing} not drawn in {timeout} s")
                try:
                    chunk = os.read(master, 1 << 16)
                except OSError:  # EIO: the child closed the terminal
                    chunk = b""
                if not chunk:
                    tail = seen[-400:].decode(errors="replace")
                    raise RuntimeError(f"{command[0]} exited before its frame: {tail}")
                seen += chunk
            times.append(time.perf_counter() - started)
        return times
    finally:
        stop(process, master)


def _drain(master: int, seconds: float) -> None:
    """Read (and drop) what the app writes for `seconds`, so that its terminal never fills."""
    deadline = time.perf_counter() + seconds
    while (left := deadline - time.perf_counter()) > 0:
        if select.select([master], [], [], left)[0]:
            with contextlib.suppress(OSError):
                os.read(master, 1 << 16)


def stop(process: subprocess.Popen, master: int) -> None:
    """Quit the app as a person would (q), reading what it writes; kill it if it hangs."""
    with contextlib.suppress(OSError):
        os.write(master, b"q")
    deadline = time.monotonic() + 10
    while process.poll() is None and time.monotonic() < deadline:
        if select.select([master], [], [], 0.05)[0]:
            with contextlib.suppress(OSError):
                os.read(master, 1 << 16)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    os.close(master)


def demo_markers() -> list[str]:
    """What the chooser of `riwaya --demo` shows once it is fully drawn."""
    from riwaya.core.samples import sample_sets

    titles = [s.title for s in sample_sets()]
    return ["riwaya: choose a sample set", *titles, "enter open", "Quit"]


def report_markers() -> list[str]:
    """What the report screen of the demo's first sample set shows once fully drawn."""
    return [" by source ", "claims", "Findings ", "reviewed", "By speaker", "Keys"]


READING = 1.5
"""Seconds a person takes to read the demo's chooser before pressing enter."""


def demo_report(runs: int) -> dict[str, list[float]]:
    """`riwaya --demo`, enter on the first sample set: seconds to the report drawn, from
    the start and from the enter key, `runs` times after a warm-up; peak memory in MB."""
    command = [str(BINARY), "--demo"]
    steps = [(b"", demo_markers()), (b"\r", report_markers())]
    figures: dict[str, list[float]] = {"from start": [], "from enter": [], "after reading": []}
    for run in range(runs + 1):
        chooser, report = stages(command, steps)
        # A person reads the chooser before pressing enter: the engine loads meanwhile.
        read_first, read_report = stages(command, steps, pause=READING)
        if run:
            figures["from start"].append(report)
            figures["from enter"].append(report - chooser)
            figures["after reading"].append(read_report - read_first - READING)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    figures["peak rss"] = [peak / 1e6 if sys.platform == "darwin" else peak / 1024]
    return figures


def startup(runs: int) -> dict[str, list[float]]:
    """First-frame seconds of the demo and of the minimal app, `runs` each, taking turns."""
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "minimal_app.py"
        script.write_text(MINIMAL_APP, encoding="utf-8")
        commands = {
            "riwaya --demo": ([str(BINARY), "--demo"], demo_markers()),
            "minimal Textual app": ([sys.executable, str(script)], ["minimal textual app", "Quit"]),
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(runs + 1):
            for name, (command, markers) in commands.items():
                seconds = first_frame(command, markers)
                if run:  # run 0 warms the disk cache and the bytecode
                    times[name].append(seconds)
    return times


# ---- page-down on a 1 MB Arabic source -------------------------------------------------


def arabic_paragraphs() -> list[str]:
    """The paragraphs of every Arabic article bundled with the samples."""
    paragraphs = []
    root = resources.files("riwaya.samples")
    for folder in sorted(root.iterdir(), key=lambda entry: entry.name):
        if not folder.is_dir():
            continue
        for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
            if item.name.endswith(".ar.txt"):
                text = item.read_text("utf-8")
                paragraphs += [p.strip() for p in text.split("\n\n") if p.strip()]
    return paragraphs


def big_source(path: Path) -> None:
    """About 1 MB (UTF-8) of sample paragraphs in random order, their numbers varied."""
    rng = random.Random(2024)
    paragraphs = arabic_paragraphs()
    parts: list[str] = []
    size = 0
    while size < TARGET_BYTES:
        paragraph = re.sub(r"\d+", lambda _: str(rng.randint(2, 900)), rng.choice(paragraphs))
        parts.append(paragraph)
        size += len(paragraph.encode()) + 2
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")


def max_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1024


def analyse(path: Path) -> tuple[object, dict[str, float]]:
    """Load and analyse the big source the way `riwaya FILE` does, timing each step."""
    from riwaya.core.engine import analyze
    from riwaya.core.inputs import sources_from_specs
    from riwaya.core.samples import load_sample, sample_sets

    figures: dict[str, float] = {}
    started = time.perf_counter()
    analyze(load_sample(sample_sets()[0].name))
    figures["warm-up"] = time.perf_counter() - started
    started = time.perf_counter()
    sources, _ = sources_from_specs([str(path)])
    figures["load"] = time.perf_counter() - started
    started = time.perf_counter()
    report = analyze(sources)
    figures["analysis"] = time.perf_counter() - started
    figures["claims"] = len(report.claims)
    figures["findings"] = len(report.findings)
    figures["characters"] = len(sources[0].text)
    figures["rss after analysis"] = max_rss_mb()
    return report, figures


class FullCollections:
    """Times the garbage collector's full (generation 2) collections while it is on."""

    def __init__(self) -> None:
        self.pauses: list[float] = []
        self._started = 0.0
        self.on = False

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        elif self.on and info["generation"] == 2:
            self.pauses.append(time.perf_counter() - self._started)


async def scroll(report: object, presses: int) -> dict[str, object]:
    """Open the report, then press page-down `presses` times; times per press in seconds,
    and the bytes a terminal would receive for each press."""
    from textual._compositor import CompositorUpdate

    from riwaya.tui.app import RiwayaApp
    from riwaya.tui.screens.report import ReportScreen

    app = RiwayaApp(report=report, environ={})
    frames: list[tuple[float, float | None, int]] = []
    """(time, the first pane's scroll position, bytes) of each frame."""
    display = app._display

    def timed_display(screen: object, renderable: object) -> None:
        display(screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            sent = renderable.render_segments(app.console)  # what a terminal would be sent
            y = screen.panes[0].view.scroll_y if isinstance(screen, ReportScreen) else None
            frames.append((time.perf_counter(), y, len(sent.encode())))

    async def until(shown: Callable[[], bool], what: str) -> None:
        deadline = time.perf_counter() + 60
        while not shown():
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no frame showed {what} in 60 s")
            await asyncio.sleep(0.0005)

    app._display = timed_display  # type: ignore[method-assign]
    started = time.perf_counter()
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await until(lambda: any(y is not None for _, y, _ in frames), "the report")
        opened = next(t for t, y, _ in frames if y is not None) - started
        await asyncio.sleep(1.5)  # not pilot.pause(), which forces a frame
        settled = frames[-1][0] - started
        view = app.screen.panes[0].view
        rows = len(view.layout.rows)
        arrivals: list[float] = []
        sent: list[int] = []
        counts: list[int] = []
        collections = FullCollections()
        gc.callbacks.append(collections)
        collections.on = True
        for _ in range(presses):
            if view.scroll_y >= view.max_scroll_y - HEIGHT:
                await pilot.press("home")
                await pilot.pause(0.2)
            count = len(frames)
            pressed = time.perf_counter()
            await pilot.press("pagedown")
            target = view.scroll_y
            await until(lambda: any(y == target for _, y, _ in frames[count:]), "the next page")  # noqa: B023
            arrivals.append(next(t for t, y, _ in frames[count:] if y == target) - pressed)
            await asyncio.sleep(0.05)
            sent.append(sum(size for _, _, size in frames[count:]))
            counts.append(len(frames) - count)
        collections.on = False
        gc.callbacks.remove(collections)
        full = [size for _, y, size in frames if y is not None]
    return {
        "opened": opened,
        "settled": settled,
        "rows": rows,
        "arrived": arrivals,
        "bytes": sent,
        "frames": counts,
        "largest frame": max(full),
        "rss": max_rss_mb(),
        "collections": collections.pauses,
    }


# ---- report ------------------------------------------------------------------------------


def ms(values: Sequence[float]) -> str:
    """min / median / max in milliseconds."""
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"{low * 1000:7.1f} {mid * 1000:7.1f} {high * 1000:7.1f}"


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            names = [line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line]
        model = names[0] if names else model
    except OSError:
        pass
    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("textual", "rich", "riwaya")
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{os.cpu_count()} cores ({model}), {platform.system()}, load average {load:.1f} "
        f"at the end of the run, Python {platform.python_version()}, {versions}"
    )


def table(
    startup_times: dict[str, list[float]],
    reports: dict[str, list[float]],
    big: dict[str, float],
    run: dict,
) -> str:
    demo, minimal = startup_times["riwaya --demo"], startup_times["minimal Textual app"]
    paired = [a / b for a, b in zip(demo, minimal, strict=True)]
    slow = sum(1 for t in run["arrived"] if t > 0.030)
    pauses = run["collections"]
    longest = f", the longest {max(pauses) * 1000:.0f} ms" if pauses else ""
    sent = run["bytes"]
    lines = [
        "| Figure | min | median | max | target |",
        "|---|---:|---:|---:|---|",
        f"| `riwaya --demo`: start to chooser drawn (ms, {len(demo)} runs) "
        f"| {' | '.join(ms(demo).split())} | < 1000 |",
        f"| minimal Textual app: start to first frame (ms) | {' | '.join(ms(minimal).split())} | |",
        f"| ratio demo / minimal, run by run "
        f"| {min(paired):.2f} | {statistics.median(paired):.2f} | {max(paired):.2f} | ≤ 1.5 |",
        f"| `riwaya --demo`, enter: start to the report drawn (ms, "
        f"{len(reports['from start'])} runs) | {' | '.join(ms(reports['from start']).split())} | |",
        f"| the same from the enter key (analysis included) (ms) "
        f"| {' | '.join(ms(reports['from enter']).split())} | |",
        f"| from the enter key, pressed after {READING:.1f} s of reading the chooser (ms) "
        f"| {' | '.join(ms(reports['after reading']).split())} | |",
        f"| page-down to repainted frame (ms, {len(run['arrived'])} presses) "
        f"| {' | '.join(ms(run['arrived']).split())} | < 30 |",
        f"| bytes sent per page-down | {min(sent):,} | {statistics.median(sent):,.0f} "
        f"| {max(sent):,} | |",
        "",
        f"1 MB source: {int(big['characters']):,} characters of Arabic, "
        f"{int(big['claims']):,} claims, {int(big['findings']):,} findings, "
        f"{run['rows']:,} rows at {WIDTH}x{HEIGHT}.",
        f"- load {big['load']:.2f} s, analysis {big['analysis']:.2f} s (after a warm-up "
        f"analysis of the demo set, {big['warm-up']:.2f} s, which loads the lexicons once);",
        f"- app opened on it: first frame {run['opened']:.2f} s, "
        f"last frame of the opening {run['settled']:.2f} s;",
        f"- page-down at Textual's default animation level: {statistics.median(run['frames']):.0f}"
        f" frame(s) per press, {statistics.median(sent):,.0f} bytes (the whole screen's frame "
        f"is {run['largest frame']:,} bytes); presses over 30 ms: {slow} of "
        f"{len(run['arrived'])}; full garbage collections during them: {len(pauses)}{longest};",
        f"- peak RSS (ru_maxrss): `riwaya --demo` with the report open "
        f"{reports['peak rss'][0]:.0f} MB; {big['rss after analysis']:.0f} MB after the 1 MB "
        f"analysis, {run['rss']:.0f} MB with the app open on it and scrolled.",
    ]
    return "\n".join(lines)


HISTORY = "## Earlier figures"
"""The section of the figures file kept as it is from one run to the next (written by hand)."""


def write_figures(text: str) -> None:
    FIGURES.parent.mkdir(exist_ok=True)
    today = datetime.date.today().isoformat()
    old = FIGURES.read_text(encoding="utf-8") if FIGURES.exists() else ""
    history = old[old.index(HISTORY) :] if HISTORY in old else ""
    FIGURES.write_text(
        "## Figures: start-up and scrolling\n\n"
        f"Measured {today} on {machine()}, by `python benchmarks/bench_app.py` "
        "(how each figure is taken: the script's docstring).\n\n"
        f"{text}\n" + (f"\n{history}" if history else ""),
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="start-ups of each app (10)")
    parser.add_argument("--presses", type=int, default=50, help="page-down presses (50)")
    parser.add_argument("--no-write", action="store_true", help="do not write the figures file")
    options = parser.parse_args()

    print(f"start-up: {options.runs} runs of each, {WIDTH}x{HEIGHT} pseudo-terminal…")
    startup_times = startup(options.runs)
    print(f"demo report: {options.runs} runs…")
    reports = demo_report(options.runs)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.ar.txt"
        big_source(path)
        print(f"1 MB source: {path.stat().st_size:,} bytes; analysing…")
        report, big = analyse(path)
    print(f"page-down: {options.presses} presses…")
    run = asyncio.run(scroll(report, options.presses))
    text = table(startup_times, reports, big, run)
    print()
    print(textwrap.indent(text, "  "))
    if not options.no_write:
        write_figures(text)
        print(f"\nwritten to {FIGURES}")


if __name__ == "__main__":
    main()
