"""A workspace written by an older riwaya opens in this one.

`data/workspace-v1.sql` is a version-1 workspace as SQL text (see
`data/make_workspace_v1.py`): text, so that a reviewer can read it and git can diff it.
Each test builds a real SQLite file from it in a temporary folder.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_tui_fixture import make_report

from riwaya.core.migrations import LATEST, STEPS, migrate
from riwaya.core.review import finding_keys
from riwaya.core.workspace import Workspace
from riwaya.core.workspace_errors import WriteFailed

FIXTURE = Path(__file__).parent / "data" / "workspace-v1.sql"


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "from-v1.riwaya"
    db = sqlite3.connect(path)
    db.executescript(FIXTURE.read_text("utf-8"))
    db.close()
    return path


def version(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("PRAGMA user_version").fetchone()[0]


def test_the_fixture_is_version_1(old_file: Path) -> None:
    assert version(old_file) == 1
    with sqlite3.connect(old_file) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(decisions)")}
    assert columns == {"key", "status", "note", "updated"}


def test_opening_upgrades_the_file_and_keeps_every_decision(old_file: Path) -> None:
    workspace = Workspace.open(old_file)
    report = make_report(2)
    first, second = report.contradictions[0].id, report.contradictions[1].id
    review = workspace.review
    assert review.status(first) == "confirmed"
    assert review.decision(first).note == "تحقق من المرصد\nchecked with the observatory"
    assert review.status(second) == "dismissed"
    assert review.progress == (2, len(report.findings))
    # Version 2 copied what each decision is about from the stored analysis.
    decision = review.decision(first)
    a, b = (report.claim(c).text for c in report.contradictions[0].claims)
    assert (decision.kind, decision.sides) == ("numeric", (a, b))
    assert workspace.view()["selected"] == finding_keys(report)[first]
    workspace.write_note(first, "and now a v2 note")
    workspace.close()
    assert version(old_file) == LATEST
    with sqlite3.connect(old_file) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM manual").fetchone()[0] == 0


def test_reading_an_old_file_does_not_change_it(old_file: Path) -> None:
    before = old_file.read_bytes()
    workspace = Workspace.open(old_file, write=False)
    assert workspace.review.progress[0] == 2
    workspace.close()
    assert version(old_file) == 1
    assert old_file.read_bytes() == before


def test_a_new_file_takes_the_same_steps_as_an_old_one(old_file: Path, tmp_path: Path) -> None:
    """One road to the current schema: v1 then v2 gives what a new workspace has."""
    fresh = tmp_path / "fresh.riwaya"
    Workspace.create(fresh, make_report(2)).close()
    Workspace.open(old_file).close()

    def schema(path: Path) -> set[tuple[str, str]]:
        with sqlite3.connect(path) as db:
            rows = db.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
            tables = {(t, n) for t, n in rows}
            columns = {
                (n, column[1])
                for t, n in tables
                if t == "table"
                for column in db.execute(f"PRAGMA table_info({n})")
            }
        return tables | columns

    assert schema(fresh) == schema(old_file)


def test_a_failed_step_leaves_the_old_version(old_file: Path, monkeypatch) -> None:
    def broken(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE decisions ADD COLUMN kind TEXT NOT NULL DEFAULT ''")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(STEPS, 2, broken)
    with pytest.raises(WriteFailed, match="could not upgrade .* from version 1: disk I/O"):
        Workspace.open(old_file)
    assert version(old_file) == 1
    with sqlite3.connect(old_file) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(decisions)")}
    assert "kind" not in columns, "the half-done step was rolled back"


def test_migrate_runs_every_step_in_order() -> None:
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.execute("BEGIN")
    migrate(db, 0)
    db.execute("COMMIT")
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST == max(STEPS)
