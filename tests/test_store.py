"""The workspace file: real SQLite files in a temporary folder, their settings, their errors."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from test_tui_fixture import make_report

from riwaya.core.engine import analyze
from riwaya.core.inputs import sources_from_specs
from riwaya.core.lock import lock_path
from riwaya.core.migrations import LATEST
from riwaya.core.store import APPLICATION_ID, Store
from riwaya.core.workspace import Workspace, workspace_path
from riwaya.core.workspace_errors import (
    NewerWorkspace,
    NotAWorkspace,
    NoWorkspace,
    WorkspaceExists,
    WorkspaceInUse,
    WriteFailed,
)

CLOCK = iter(f"2025-01-10T10:{m:02d}:00+00:00" for m in range(60))


def clock() -> str:
    return next(CLOCK)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "story.riwaya"


@pytest.fixture
def made(path: Path) -> Path:
    Workspace.create(path, make_report()).close()
    return path


def pragma(path: Path, name: str) -> object:
    with sqlite3.connect(path) as db:
        return db.execute(f"PRAGMA {name}").fetchone()[0]


def test_a_new_workspace_is_a_wal_sqlite_file_marked_as_riwayas(made: Path) -> None:
    assert pragma(made, "journal_mode") == "wal"
    assert pragma(made, "application_id") == APPLICATION_ID
    assert pragma(made, "user_version") == LATEST
    assert pragma(made, "integrity_check") == "ok"
    assert not lock_path(made).exists(), "closing removes the lock file"


def test_the_report_reads_back_exactly(made: Path) -> None:
    report = make_report()
    workspace = Workspace.open(made, write=False)
    try:
        assert workspace.analysis.to_dict() == report.to_dict()
    finally:
        workspace.close()


def test_source_texts_are_stored_once_with_a_fingerprint(made: Path) -> None:
    with sqlite3.connect(made) as db:
        analysis = json.loads(db.execute("SELECT report FROM analysis").fetchone()[0])
        fingerprints = [row[0] for row in db.execute("SELECT fingerprint FROM sources")]
    assert "sources" not in analysis
    assert len(fingerprints) == 4 and all(f.startswith("sha256:") for f in fingerprints)


def test_every_commit_is_durable(made: Path) -> None:
    store = Store.open(made)
    try:
        assert store._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert not store._db.in_transaction, "nothing is left waiting for a save"
    finally:
        store.close()


def test_each_decision_is_on_disk_when_decide_returns(made: Path) -> None:
    workspace = Workspace.open(made, clock=clock)
    finding = workspace.review.report.contradictions[0].id
    workspace.decide(finding, "confirmed")
    workspace.write_note(finding, "راجع المرصد\nsecond line")
    # Another connection (another process, after a crash) sees it while the app still runs.
    with sqlite3.connect(made) as db:
        row = db.execute("SELECT status, note FROM decisions").fetchone()
    assert row == ("confirmed", "راجع المرصد\nsecond line")
    workspace.close()


def test_a_second_writer_is_told_the_workspace_is_in_use(made: Path) -> None:
    first = Workspace.open(made)
    try:
        with pytest.raises(WorkspaceInUse, match=r"open in another riwaya \(pid \d+"):
            Workspace.open(made)
        reader = Workspace.open(made, write=False)
        assert reader.review.progress[1] == len(first.review.report.findings)
        reader.close()
    finally:
        first.close()
    Workspace.open(made).close()


def test_another_process_is_refused_while_the_app_holds_it(made: Path) -> None:
    holder = Workspace.open(made)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "riwaya", "open", str(made)],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    finally:
        holder.close()
    assert result.returncode == 2
    assert result.stderr.startswith("riwaya: ") and "in use" not in result.stdout
    assert "open in another riwaya" in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_a_lock_left_by_a_dead_process_does_not_block(made: Path) -> None:
    # A process that took the lock and died without cleaning up (SIGKILL).
    code = (
        "import os, sys; from pathlib import Path; from riwaya.core.lock import WriterLock; "
        "WriterLock.acquire(Path(sys.argv[1])); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(made)], check=True, timeout=60)
    assert lock_path(made).exists()
    Workspace.open(made).close()


@pytest.mark.parametrize(
    ("setup", "error", "message"),
    [
        (lambda p: None, NoWorkspace, "no workspace at"),
        (lambda p: p.write_text("not a database at all\n" * 100), NotAWorkspace, "not a riwaya"),
        (lambda p: p.write_bytes(b""), NotAWorkspace, "not a riwaya"),
        (lambda p: p.mkdir(), NotAWorkspace, "not a riwaya"),
        (
            lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit(),
            NotAWorkspace,
            "not a riwaya",
        ),
    ],
    ids=["missing", "text file", "empty file", "folder", "other sqlite"],
)
def test_what_is_not_a_workspace_is_one_clear_error(path, setup, error, message) -> None:
    setup(path)
    with pytest.raises(error, match=message):
        Workspace.open(path)
    assert not lock_path(path).exists()


def test_a_text_file_is_left_untouched(path: Path) -> None:
    path.write_bytes(b"")
    with pytest.raises(NotAWorkspace):
        Workspace.open(path)
    assert path.read_bytes() == b"", "opening never turns someone's file into a database"


def test_a_newer_schema_is_refused_not_misread(made: Path) -> None:
    with sqlite3.connect(made) as db:
        db.execute(f"PRAGMA user_version = {LATEST + 1}")
    with pytest.raises(NewerWorkspace, match="newer riwaya"):
        Workspace.open(made)


def test_creating_never_replaces_a_file(path: Path) -> None:
    path.write_text("precious")
    with pytest.raises(WorkspaceExists, match="riwaya open"):
        Workspace.create(path, make_report())
    assert path.read_text() == "precious"
    assert [p.name for p in path.parent.iterdir()] == ["story.riwaya"], "no temporary left"


def test_tampered_text_is_refused(made: Path) -> None:
    with sqlite3.connect(made) as db:
        db.execute("UPDATE sources SET text = text || '\x1b]52;c;ZXZpbA==\x07' WHERE id = 's1'")
    with pytest.raises(NotAWorkspace, match="control characters"):
        Workspace.open(made)


def test_claims_that_do_not_quote_their_source_are_refused(made: Path) -> None:
    with sqlite3.connect(made) as db:
        db.execute("UPDATE sources SET text = 'x' || text WHERE id = 's1'")
    with pytest.raises(NotAWorkspace, match="does not quote its source"):
        Workspace.open(made)


def test_notes_are_sanitized_on_the_way_in(made: Path) -> None:
    workspace = Workspace.open(made)
    finding = workspace.review.report.contradictions[0].id
    decision = workspace.write_note(finding, "pasted\u200f text\x1b[31m")
    assert "\x1b" not in decision.note and "\u200f" not in decision.note
    workspace.close()


def test_a_failed_write_is_an_error_the_app_can_show(made: Path) -> None:
    workspace = Workspace.open(made)
    finding = workspace.review.report.contradictions[0].id
    workspace.store._db.execute("PRAGMA query_only = ON")
    with pytest.raises(WriteFailed, match="could not write"):
        workspace.decide(finding, "confirmed")
    assert workspace.review.status(finding) == "open", "memory does not run ahead of the disk"
    workspace.store._db.execute("PRAGMA query_only = OFF")
    workspace.decide(finding, "confirmed")
    workspace.close()


def test_view_state_is_written_only_when_it_changes(made: Path, monkeypatch) -> None:
    workspace = Workspace.open(made)
    writes: list[dict] = []
    put_state = workspace.store.put_state
    monkeypatch.setattr(
        workspace.store,
        "put_state",
        lambda prefix, values: (writes.append(values), put_state(prefix, values)),
    )
    workspace.save_view({"first_pane": "1", "mode": "source"})
    workspace.save_view({"first_pane": "1", "mode": "source"})
    workspace.save_view({"first_pane": "2", "mode": "source"})
    assert writes == [{"first_pane": "1", "mode": "source"}, {"first_pane": "2"}]
    workspace.close()
    assert Workspace.open(made, write=False).view()["first_pane"] == "2"


def test_names_get_the_suffix() -> None:
    assert workspace_path("story") == Path("story.riwaya")
    assert workspace_path("story.riwaya") == Path("story.riwaya")
    assert workspace_path("dir/x.db") == Path("dir/x.db")


def test_the_file_takes_the_users_permissions(made: Path) -> None:
    mask = os.umask(0)
    os.umask(mask)
    assert made.stat().st_mode & 0o777 == 0o666 & ~mask


def test_a_damaged_file_is_one_clear_error(made: Path) -> None:
    data = bytearray(made.read_bytes())
    page = pragma(made, "page_size")
    data[page + 16 : page * 3] = b"\xff" * (page * 3 - page - 16)  # keep the header page
    made.write_bytes(bytes(data))
    with pytest.raises(NotAWorkspace, match="damaged|not a riwaya"):
        Workspace.open(made)


AR_REPORT = "قالت وزارة الصحة إن 40 شخصا قتلوا في الهجوم يوم الخميس.\n"


def test_a_source_named_with_a_bidi_mark_saves_and_reopens(tmp_path: Path) -> None:
    """Arabic file names often end in U+200F (RLM): a workspace of them must open again."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "تقرير\u200f.txt").write_text(AR_REPORT, "utf-8")
    (folder / "فارغ\u200f.txt").write_bytes(b"")  # skipped: its name is in the report too
    sources, skipped = sources_from_specs([str(folder)])
    path = tmp_path / "story.riwaya"
    Workspace.create(path, analyze(sources, skipped=skipped)).close()
    workspace = Workspace.open(path)
    try:
        report = workspace.analysis
        assert [s.origin for s in report.sources] == [f"{folder}/تقرير\u00a6.txt"]
        assert report.skipped == (f"{folder}/فارغ\u00a6.txt: empty",)
    finally:
        workspace.close()


def test_a_workspace_that_stored_a_raw_file_name_opens(made: Path) -> None:
    """Workspaces saved before file names were sanitized hold them raw: shown, not refused."""
    with sqlite3.connect(made) as db:
        db.execute("UPDATE sources SET origin = 'تقرير\u200f\x1b]2;x\x07.txt' WHERE id = 's1'")
        (report,) = db.execute("SELECT report FROM analysis").fetchone()
        data = json.loads(report)
        data["skipped"] = ["فارغ\u200f.txt: فارغ\u00a6.txt: empty"]
        db.execute("UPDATE analysis SET report = ?", (json.dumps(data, ensure_ascii=False),))
    workspace = Workspace.open(made, write=False)
    try:
        assert workspace.analysis.source("s1").origin == "تقرير\u00a6.txt"
        assert workspace.analysis.skipped == ("فارغ\u00a6.txt: فارغ\u00a6.txt: empty",)
    finally:
        workspace.close()


def test_a_stored_label_with_controls_is_still_refused(made: Path) -> None:
    with sqlite3.connect(made) as db:
        db.execute("UPDATE sources SET label = label || '\u202e' WHERE id = 's1'")
    with pytest.raises(NotAWorkspace, match="control characters"):
        Workspace.open(made)
