"""The `riwaya` command: headless subcommands go to `riwaya.core.cli`, the rest opens the app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from riwaya.core.arguments import Parser

HEADLESS = ("check", "claims", "eval", "export")
BIDI_MODES = ("app", "terminal", "off")
USAGE = """\
riwaya: lay news accounts side by side and see where they contradict each other.

  riwaya --demo                 open the bundled sample articles
  riwaya SOURCE...              open files, folders, URLs or - (stdin) side by side
  riwaya SOURCE... --save NAME  the same, keeping the review in NAME.riwaya as you go
  riwaya open NAME.riwaya       reopen a workspace where you left it
  riwaya export NAME.riwaya     write its review (--format markdown|json|html, -o FILE)
  riwaya check SOURCE...        print the contradiction report (exit 1 when some are found)
  riwaya claims SOURCE          list the claims with their speakers
  riwaya eval PAIRS.jsonl       measure the engine on labeled pairs

Try: riwaya --demo    (riwaya --help for every option)"""


def _add_bidi(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bidi",
        choices=BIDI_MODES,
        default="app",
        help="app: riwaya shapes and reorders Arabic (default); terminal: the "
        "terminal does; off: raw logical text",
    )


def _app_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="riwaya", description=USAGE, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sources", nargs="*", metavar="SOURCE")
    parser.add_argument("--demo", action="store_true", help="open the bundled sample articles")
    parser.add_argument(
        "--save",
        metavar="NAME.riwaya",
        help="keep the sources, their analysis and your review in this workspace file",
    )
    _add_bidi(parser)
    parser.add_argument("--encoding", help="read every source in this encoding")
    parser.add_argument(
        "--max-size",
        type=_megabytes,
        metavar="MB",
        help="refuse sources larger than this many megabytes (default 20)",
    )
    parser.add_argument("--version", action="version", version=_version())
    return parser


def _open_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="riwaya open", description="Reopen a workspace where you left it.")
    parser.add_argument("workspace", metavar="NAME.riwaya")
    _add_bidi(parser)
    return parser


def _megabytes(value: str) -> int:
    from riwaya.core.cli import megabytes

    return megabytes(value)


def _version() -> str:
    from riwaya import __version__

    return f"riwaya {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in HEADLESS:
        from riwaya.core.cli import run

        return run(args)
    if args and args[0] == "open":
        options = _open_parser().parse_args(args[1:])
        from riwaya.tui.launch import open_workspace

        return open_workspace(options.workspace, bidi=options.bidi)
    options = _app_parser().parse_args(args)
    if not options.sources and not options.demo:
        print(USAGE)
        return 0
    from riwaya.tui.launch import run as run_app

    return run_app(
        options.sources,
        demo=options.demo,
        bidi=options.bidi,
        encoding=options.encoding,
        save=options.save,
        max_bytes=options.max_size,
    )


if __name__ == "__main__":
    sys.exit(main())
