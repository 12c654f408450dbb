"""Write `workspace-v1.sql`: a workspace as riwaya's first schema (version 1) stored it.

Run once, from the repository root: `.venv/bin/python tests/data/make_workspace_v1.py`.
The fixture is SQL text rather than a binary .riwaya file so that a reviewer can read
it and git can diff it; `tests/test_store_migration.py` builds a real file from it.
It holds two sources of the app's hand-made report, their analysis, two decisions
(one with a note) keyed as version 1 keyed them, and a saved view.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from test_tui_fixture import make_report  # noqa: E402

from riwaya.core.migrations import STEPS  # noqa: E402
from riwaya.core.review import finding_keys  # noqa: E402
from riwaya.core.store import APPLICATION_ID  # noqa: E402
from riwaya.core.workspace import fingerprint  # noqa: E402


def main() -> None:
    report = make_report(2)
    db = sqlite3.connect(":memory:")
    STEPS[1](db)
    for position, s in enumerate(report.sources, start=1):
        db.execute(
            "INSERT INTO sources VALUES (?, ?, ?, ?, NULL, ?, ?, '[]', ?, ?)",
            (
                position,
                s.id,
                s.label,
                s.origin,
                s.language,
                s.direction,
                s.text,
                fingerprint(s.text),
            ),
        )
    data = report.to_dict()
    del data["sources"]
    db.execute(
        "INSERT INTO analysis VALUES (1, ?, '2025-01-10T09:00:00+00:00')",
        (json.dumps(data, ensure_ascii=False),),
    )
    keys = finding_keys(report)
    first, second = report.contradictions[0].id, report.contradictions[1].id
    db.executemany(
        "INSERT INTO decisions VALUES (?, ?, ?, ?)",
        [
            (
                keys[first],
                "confirmed",
                "تحقق من المرصد\nchecked with the observatory",
                "2025-01-10T09:05:00+00:00",
            ),
            (keys[second], "dismissed", "", "2025-01-10T09:06:00+00:00"),
        ],
    )
    db.executemany(
        "INSERT INTO state VALUES (?, ?)",
        [("view.selected", keys[first]), ("view.first_pane", "0"), ("view.focus", "1")],
    )
    db.commit()
    lines = [f"PRAGMA application_id = {APPLICATION_ID};", "PRAGMA user_version = 1;"]
    lines += list(db.iterdump())
    (HERE / "workspace-v1.sql").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
