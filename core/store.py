"""A workspace file: SQLite (one file), WAL journal, every change in its own transaction.

Why these settings:
- WAL: a reader (`riwaya export`) never blocks the writer (the app), and a crash at any
  moment leaves the file as of its last commit; `synchronous=FULL` makes each commit
  durable before it returns, so a power cut loses at most the keystroke in flight.
- One writer at a time (`lock.WriterLock`); `busy_timeout` covers a reader's checkpoint.
- `application_id` marks the file as riwaya's, `user_version` is the schema version
  (`migrations`); a file from an older riwaya is upgraded on open, one from a newer
  one is refused rather than misread.
- Source texts are stored once, in `sources`; `analysis` holds the rest of the report as
  the JSON of `riwaya check`, so the analysis reads back exactly as the engine made it.
- A workspace may come from someone else: text that riwaya would never have written
  (terminal controls, broken offsets) is refused on open, notes are sanitized. Where a
  source came from and which inputs were skipped are file names, which may hold a bidi
  mark (an Arabic name ending in U+200F): they are sanitized on the way in and out.

The connection may be used from a worker thread: a mutex serializes every use.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from riwaya.core.atomic import publish, temporary_beside
from riwaya.core.lock import WriterLock
from riwaya.core.migrations import LATEST, migrate
from riwaya.core.model import Report
from riwaya.core.review import Decision, ManualFinding, Side
from riwaya.core.sanitize import sanitize
from riwaya.core.workspace_errors import (
    NewerWorkspace,
    NotAWorkspace,
    NoWorkspace,
    TargetExists,
    WorkspaceExists,
    WriteFailed,
)

APPLICATION_ID = 0x72697779
"""'riwy' in SQLite's header: what tells a workspace from any other SQLite file."""
BUSY_MS = 5000

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Characters the loader never lets through (sanitize.py): their presence means tampering."""


@dataclass(frozen=True)
class SourceRecord:
    """What a workspace remembers of a source's origin, to notice that it changed."""

    id: str
    origin: str
    path: str | None
    """The absolute path of a file source (None for stdin, URLs, samples)."""
    fingerprint: str


class Store:
    """An open workspace file. Reads return plain values; each write is one transaction."""

    def __init__(self, path: Path, db: sqlite3.Connection, lock: WriterLock | None) -> None:
        self.path = path
        self._db = db
        self._lock = lock
        self._mutex = threading.RLock()

    # ---- opening and creating ---------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        report: Report,
        records: Sequence[SourceRecord],
        settings: Mapping[str, str],
        made: str,
    ) -> None:
        """Build the workspace beside `path`, then give it the name in one step."""
        ensure_new(path)
        temp = temporary_beside(path)
        try:
            db = _connect(temp)
            try:
                _use_wal(db)
                db.execute("BEGIN IMMEDIATE")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                migrate(db, 0)
                _write_analysis(db, report, records, made)
                db.executemany(
                    "INSERT INTO state (name, value) VALUES (?, ?)",
                    [(f"setting.{k}", v) for k, v in settings.items()],
                )
                db.execute("COMMIT")
            finally:
                db.close()
            publish(temp, path, overwrite=False)
        except TargetExists:
            raise _exists(path) from None
        finally:
            for leftover in (temp, *(Path(f"{temp}{end}") for end in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)

    @classmethod
    def open(cls, path: Path, *, write: bool = True) -> Store:
        """Open for writing (taking the writer lock) or for reading only (no lock, no change:
        an old file is upgraded in memory, not on disk)."""
        if not path.exists():
            raise NoWorkspace(f"no workspace at {path}")
        if not path.is_file():
            raise NotAWorkspace(f"{path} is not a riwaya workspace")
        lock = WriterLock.acquire(path) if write else None
        db: sqlite3.Connection | None = None
        try:
            db = _connect(path, readonly=not write)
            version = _version(db, path)
            if write:
                _use_wal(db)
            if version < LATEST:
                db = _upgraded(db, version, path, in_place=write)
            return cls(path, db, lock)
        except BaseException:
            if db is not None:
                db.close()
            if lock is not None:
                lock.release()
            raise

    def close(self) -> None:
        with self._mutex:
            self._db.close()
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    @property
    def writable(self) -> bool:
        return self._lock is not None

    # ---- reading --------------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """Serialize a read; a file SQLite cannot read is a damaged workspace."""
        with self._mutex:
            try:
                yield self._db
            except sqlite3.DatabaseError as error:
                raise self._damaged(str(error)) from None

    def report(self) -> Report:
        """The analysis as the engine made it, sources included."""
        with self._reading():
            row = self._db.execute("SELECT report FROM analysis").fetchone()
            sources = self._db.execute(
                "SELECT id, label, origin, language, direction, warnings, text "
                "FROM sources ORDER BY position"
            ).fetchall()
        if row is None:
            raise self._damaged("it holds no analysis")
        try:
            data = json.loads(row[0])
            data["skipped"] = [clean_text(line) for line in data.get("skipped", ())]
            data["sources"] = [
                {
                    "id": id_,
                    "label": label,
                    "origin": clean_text(origin),
                    "language": language,
                    "direction": direction,
                    "warnings": json.loads(warnings),
                    "text": text,
                }
                for id_, label, origin, language, direction, warnings, text in sources
            ]
            report = Report.from_dict(data)
        except (ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
            raise self._damaged(f"its analysis cannot be read ({error})") from None
        self._check(data, report)
        return report

    def source_records(self) -> list[SourceRecord]:
        with self._reading():
            rows = self._db.execute(
                "SELECT id, origin, path, fingerprint FROM sources ORDER BY position"
            ).fetchall()
        return [SourceRecord(*row) for row in rows]

    def decisions(self) -> dict[str, Decision]:
        with self._reading():
            rows = self._db.execute(
                "SELECT key, status, note, kind, side_a, side_b, updated FROM decisions"
            ).fetchall()
        return {
            key: Decision(key, status, clean_text(note), kind, (side_a, side_b), updated)
            for key, status, note, kind, side_a, side_b, updated in rows
        }

    def manual(self) -> list[ManualFinding]:
        """Hand-marked findings in the order they were marked."""
        with self._reading():
            rows = self._db.execute(
                "SELECT key, source_a, text_a, source_b, text_b, created FROM manual ORDER BY rowid"
            ).fetchall()
        return [
            ManualFinding(key, (Side(sa, clean_text(ta)), Side(sb, clean_text(tb))), created)
            for key, sa, ta, sb, tb, created in rows
        ]

    def state(self, prefix: str) -> dict[str, str]:
        """Entries of the `state` table whose name starts with `prefix.`, prefix removed."""
        with self._reading():
            rows = self._db.execute(
                "SELECT name, value FROM state WHERE substr(name, 1, ?) = ?",
                (len(prefix) + 1, f"{prefix}."),
            ).fetchall()
        return {name[len(prefix) + 1 :]: clean_text(value) for name, value in rows}

    # ---- writing: one transaction each -------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; a failure rolls back and becomes `WriteFailed`."""
        with self._mutex:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as error:
                if self._db.in_transaction:
                    with suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error):
                    raise WriteFailed(f"could not write to {self.path}: {error}") from None
                raise

    def put_decision(self, decision: Decision) -> None:
        with self._transaction() as db:
            _upsert_decision(db, decision)

    def put_manual(self, marked: ManualFinding, decision: Decision) -> None:
        """Store a hand-marked finding together with its first decision."""
        (a, b) = marked.sides
        with self._transaction() as db:
            db.execute(
                "INSERT INTO manual (key, source_a, text_a, source_b, text_b, created) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (marked.key, a.source, a.text, b.source, b.text, marked.created),
            )
            _upsert_decision(db, decision)

    def put_state(self, prefix: str, values: Mapping[str, str]) -> None:
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO state (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                [(f"{prefix}.{name}", value) for name, value in values.items()],
            )

    def put_analysis(self, report: Report, records: Sequence[SourceRecord], made: str) -> None:
        """Replace the sources and their analysis (a re-analysis); the review stays."""
        with self._transaction() as db:
            db.execute("DELETE FROM sources")
            db.execute("DELETE FROM analysis")
            _write_analysis(db, report, records, made)

    # ---- checks ---------------------------------------------------------------------

    def _damaged(self, why: str) -> NotAWorkspace:
        return NotAWorkspace(f"{self.path} is damaged: {why}")

    def _check(self, data: dict[str, Any], report: Report) -> None:
        """Refuse text riwaya never writes, and claims that do not quote their source."""
        if any(_UNSAFE.search(text) for text in _strings(data)):
            raise self._damaged("it holds control characters riwaya never writes")
        for claim in report.claims:
            source = next((s for s in report.sources if s.id == claim.source), None)
            if source is None or source.text[claim.start : claim.end] != claim.text:
                raise self._damaged(f"claim {claim.id} does not quote its source")


def _connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    target = f"{path.resolve().as_uri()}?mode=ro" if readonly else str(path)
    db = sqlite3.connect(
        target,
        uri=readonly,
        isolation_level=None,
        check_same_thread=False,
        timeout=BUSY_MS / 1000,
    )
    try:
        db.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError:
        db.close()
        raise NotAWorkspace(f"{path} is not a riwaya workspace") from None
    return db


def _use_wal(db: sqlite3.Connection) -> None:
    """Switch to WAL (kept in the file): only once the file is known to be a workspace."""
    db.execute("PRAGMA journal_mode = WAL")


def _version(db: sqlite3.Connection, path: Path) -> int:
    try:
        application = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError:
        raise NotAWorkspace(f"{path} is not a riwaya workspace") from None
    if application != APPLICATION_ID:
        raise NotAWorkspace(f"{path} is not a riwaya workspace")
    if version > LATEST:
        raise NewerWorkspace(
            f"{path} was written by a newer riwaya (workspace version {version}, "
            f"this one reads up to {LATEST}): upgrade riwaya to open it"
        )
    return version


def _upgraded(
    db: sqlite3.Connection, version: int, path: Path, *, in_place: bool
) -> sqlite3.Connection:
    """Bring an old file to the current schema: in place in one transaction (a crash
    leaves the old version), or in an in-memory copy when reading only."""
    target = db
    try:
        if not in_place:
            target = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            db.backup(target)
            db.close()
        target.execute("BEGIN IMMEDIATE")
        migrate(target, version)
        target.execute("COMMIT")
    except sqlite3.Error as error:
        target.close()
        raise WriteFailed(f"could not upgrade {path} from version {version}: {error}") from None
    return target


def _write_analysis(
    db: sqlite3.Connection, report: Report, records: Sequence[SourceRecord], made: str
) -> None:
    by_id = {record.id: record for record in records}
    db.executemany(
        "INSERT INTO sources (position, id, label, origin, path, language, direction, "
        "warnings, text, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                position,
                s.id,
                s.label,
                clean_text(s.origin),
                by_id[s.id].path,
                s.language,
                s.direction,
                json.dumps(list(s.warnings), ensure_ascii=False),
                s.text,
                by_id[s.id].fingerprint,
            )
            for position, s in enumerate(report.sources, start=1)
        ],
    )
    data = report.to_dict()
    del data["sources"]
    db.execute(
        "INSERT INTO analysis (id, report, made) VALUES (1, ?, ?)",
        (json.dumps(data, ensure_ascii=False), made),
    )


def _upsert_decision(db: sqlite3.Connection, d: Decision) -> None:
    db.execute(
        "INSERT INTO decisions (key, status, note, kind, side_a, side_b, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET status = excluded.status, "
        "note = excluded.note, kind = excluded.kind, side_a = excluded.side_a, "
        "side_b = excluded.side_b, updated = excluded.updated",
        (d.key, d.status, clean_text(d.note), d.kind, d.sides[0], d.sides[1], d.updated),
    )


def clean_text(text: str) -> str:
    """User text (notes, state) as the loader would let it through."""
    return sanitize(text)[0] if _UNSAFE.search(text) else text


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def ensure_new(path: Path) -> None:
    """Refuse to make a workspace where a file already is (checked again when it is made)."""
    if path.exists():
        raise _exists(path)


def _exists(path: Path) -> WorkspaceExists:
    return WorkspaceExists(
        f"{path} already exists: reopen it with `riwaya open {path}` or choose another name"
    )
