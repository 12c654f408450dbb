"""Where the user was on the report screen, as the strings a workspace keeps.

The report screen saves it at every change (a selection, a page, a filter), so a reopened
workspace, or one whose SSH session dropped, comes back to the same panes and the same
finding. The selected finding is kept by content key, which survives a re-analysis.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields

FINDINGS_LIST = -1
"""`focus` when the findings list, not a pane, had the focus."""


@dataclass(frozen=True)
class ViewState:
    selected: str = ""
    """Content key of the selected finding ("" for none)."""
    mode: str = "source"
    speaker_source: str = ""
    """In the by-speaker view: whose speakers are shown."""
    first_pane: int = 0
    focus: int = 0
    kind: str = ""
    status: str = ""
    findings: bool = True
    sync: bool = False

    def to_strings(self) -> dict[str, str]:
        return {name: _text(value) for name, value in asdict(self).items()}

    @classmethod
    def from_strings(cls, values: Mapping[str, str]) -> ViewState:
        """Read what was saved; anything missing or unreadable keeps its default."""
        read = {}
        for item in fields(cls):
            if item.name not in values:
                continue
            raw = values[item.name]
            if item.type == "int":
                try:
                    read[item.name] = int(raw)
                except ValueError:
                    continue
            elif item.type == "bool":
                read[item.name] = raw == "1"
            else:
                read[item.name] = raw
        return cls(**read)


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)
