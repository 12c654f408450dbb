"""The headless commands: `riwaya check`, `riwaya claims`, `riwaya eval`, `riwaya export`.

Exit status follows diff: 0 when no contradiction was found, 1 when some were,
2 on error, with a one-line message and never a traceback. `export` exits 0 once written.
A reader that stops early (`riwaya check ... | head -1`) ends the run quietly with 141.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from riwaya.core.arguments import Parser
from riwaya.core.engine import analyze
from riwaya.core.errors import OutputError, RiwayaError, os_cause
from riwaya.core.inputs import DEFAULT_MAX_BYTES, sources_from_specs
from riwaya.core.report import FORMATS, render, render_claims
from riwaya.core.sanitize import one_line

EXIT_SAME, EXIT_DIFFERENT, EXIT_ERROR = 0, 1, 2
EXIT_PIPE = 141
"""128 + SIGPIPE: what a shell reports for a command whose reader stopped early (`| head`)."""


def add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="a file, a directory, an http(s) URL, or - for stdin",
    )
    parser.add_argument("--encoding", help="read every source in this encoding (e.g. cp1256)")
    parser.add_argument(
        "--max-size",
        type=megabytes,
        default=DEFAULT_MAX_BYTES,
        metavar="MB",
        help="refuse sources larger than this many megabytes (default 20)",
    )


def megabytes(value: str) -> int:
    """`--max-size MB` as bytes (argparse type: a bad value is a one-line usage error)."""
    try:
        megabytes = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {value!r}") from None
    if megabytes <= 0:
        raise argparse.ArgumentTypeError("the size cap must be positive")
    return int(megabytes * 1024 * 1024)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="riwaya", description="Compare news accounts.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="print the contradiction report")
    check.add_argument("--format", choices=FORMATS, default="text")
    add_input_options(check)
    claims = commands.add_parser("claims", help="list the claims with their speakers")
    add_input_options(claims)
    evaluate = commands.add_parser("eval", help="measure the engine on labeled pairs")
    evaluate.add_argument("pairs", metavar="PAIRS.jsonl")
    evaluate.add_argument("--predictions", metavar="OUT.jsonl")
    evaluate.add_argument("--format", choices=("text", "json"), default="text")
    evaluate.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="judge the pairs in N processes (default: one per processor; 1 for none)",
    )
    export = commands.add_parser("export", help="write a workspace's review for the story desk")
    export.add_argument("workspace", metavar="NAME.riwaya")
    export.add_argument("--format", choices=("markdown", "json", "html"), default="markdown")
    export.add_argument("-o", "--output", metavar="FILE", help="write FILE (default: print)")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    return parser


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status = _command(args)
        _write("")  # a full disk shows up when stdout is flushed: here, not at exit
        return status
    except RiwayaError as error:
        _say(str(error))
        return EXIT_ERROR
    except BrokenPipeError:
        _drop_stdout()
        return EXIT_PIPE
    except OSError as error:
        _say(f"{error.filename}: {os_cause(error)}" if error.filename else os_cause(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _command(args: argparse.Namespace) -> int:
    if args.command == "eval":
        from riwaya.core.evaluate import run_eval

        return run_eval(args.pairs, args.predictions, args.format, args.jobs)
    if args.command == "export":
        return _export(args)
    sources, skipped = sources_from_specs(args.sources, args.encoding, args.max_size)
    for message in skipped:
        _say(f"skipped {message}")
    report = analyze(sources, skipped=skipped)
    if args.command == "claims":
        _write(render_claims(report) + "\n")
        return EXIT_SAME
    _write(render(report, args.format) + "\n")
    return EXIT_DIFFERENT if report.contradictions else EXIT_SAME


def _export(args: argparse.Namespace) -> int:
    """Read the workspace (no lock: the app may have it open) and write or print the export."""
    from pathlib import Path

    from riwaya.core.export import render, write
    from riwaya.core.workspace import Workspace, workspace_path

    workspace = Workspace.open(workspace_path(args.workspace), write=False)
    try:
        for change in workspace.changed_sources():
            _say(f"note: {change.reason}; exporting the stored analysis")
        if args.output:
            target = Path(args.output)
            write(workspace.review, args.format, target, title=workspace.name, overwrite=args.force)
            _say(f"wrote {target}")
        else:
            _write(render(workspace.review, args.format, workspace.name))
    finally:
        workspace.close()
    return EXIT_SAME


def _say(message: str) -> None:
    """One line on stderr; paths in it may come from anywhere, so it is made printable."""
    print(f"riwaya: {one_line(message)}", file=sys.stderr)


def _write(text: str) -> None:
    """Print to stdout at once, so that a full disk is an error riwaya reports."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        _drop_stdout()
        raise OutputError(f"could not write to standard output: {os_cause(error)}") from None


def _drop_stdout() -> None:
    """Point stdout at the null device: what could not be written must not fail again at exit."""
    with contextlib.suppress(OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, sys.stdout.fileno())
        finally:
            os.close(null)
