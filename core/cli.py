"""The headless commands: `riwaya check`, `riwaya claims`, `riwaya eval`, `riwaya export`.

Exit status follows diff: 0 when no contradiction was found, 1 when some were,
2 on error, with a one-line message and never a traceback. `export` exits 0 once written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from riwaya.core.engine import analyze
from riwaya.core.errors import RiwayaError
from riwaya.core.inputs import DEFAULT_MAX_BYTES, sources_from_specs
from riwaya.core.report import FORMATS, render, render_claims

EXIT_SAME, EXIT_DIFFERENT, EXIT_ERROR = 0, 1, 2


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
    parser = argparse.ArgumentParser(prog="riwaya", description="Compare news accounts.")
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
        if args.command == "eval":
            from riwaya.core.evaluate import run_eval

            return run_eval(args.pairs, args.predictions, args.format)
        if args.command == "export":
            return _export(args)
        sources, skipped = sources_from_specs(args.sources, args.encoding, args.max_size)
        for message in skipped:
            print(f"riwaya: skipped {message}", file=sys.stderr)
        report = analyze(sources, skipped=skipped)
        if args.command == "claims":
            print(render_claims(report))
            return EXIT_SAME
        print(render(report, args.format))
        return EXIT_DIFFERENT if report.contradictions else EXIT_SAME
    except RiwayaError as error:
        print(f"riwaya: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_SAME


def _export(args: argparse.Namespace) -> int:
    """Read the workspace (no lock: the app may have it open) and write or print the export."""
    from pathlib import Path

    from riwaya.core.export import render, write
    from riwaya.core.workspace import Workspace, workspace_path

    workspace = Workspace.open(workspace_path(args.workspace), write=False)
    try:
        for change in workspace.changed_sources():
            print(f"riwaya: note: {change.reason}; exporting the stored analysis", file=sys.stderr)
        if args.output:
            target = Path(args.output)
            write(workspace.review, args.format, target, title=workspace.name, overwrite=args.force)
            print(f"riwaya: wrote {target}", file=sys.stderr)
        else:
            sys.stdout.write(render(workspace.review, args.format, workspace.name))
    finally:
        workspace.close()
    return EXIT_SAME
