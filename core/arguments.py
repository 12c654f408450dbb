"""Command-line parsing that reports a usage mistake in one line, as every other error."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn


class Parser(argparse.ArgumentParser):
    """`argparse` prints the whole usage before its message; a person at a terminal needs
    the message and where to look: "riwaya check: no such format 'xml' (see --help)"."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: {message} (see {self.prog} --help)\n")
        sys.exit(2)
