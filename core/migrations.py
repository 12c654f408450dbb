"""The workspace schema, version by version, and the steps from each to the next.

A new workspace is built by running every step from version 0, so the steps that upgrade
an old file are the very ones that build a new one: there is one road to the current
schema. The version lives in SQLite's `user_version`; every step runs inside the caller's
transaction (SQLite's DDL is transactional), so a crash mid-upgrade leaves the old file.

Version 1: sources (text, fingerprint, where they came from), the analysis as JSON, one
row per decision (status and note, keyed by content), and the view state.
Version 2: decisions keep a copy of what they were about (kind and both claims' texts), so
that a decision whose finding is gone after a re-analysis can still be listed; findings
marked by hand get their own table.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from riwaya.core.review import keys_for

LATEST = 2

_V1 = (
    """CREATE TABLE sources (
        position INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL,
        origin TEXT NOT NULL,
        path TEXT,
        language TEXT NOT NULL,
        direction TEXT NOT NULL,
        warnings TEXT NOT NULL,
        text TEXT NOT NULL,
        fingerprint TEXT NOT NULL
    )""",
    """CREATE TABLE analysis (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        report TEXT NOT NULL,
        made TEXT NOT NULL
    )""",
    """CREATE TABLE decisions (
        key TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'dismissed')),
        note TEXT NOT NULL DEFAULT '',
        updated TEXT NOT NULL
    )""",
    "CREATE TABLE state (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
)

_V2 = (
    "ALTER TABLE decisions ADD COLUMN kind TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE decisions ADD COLUMN side_a TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE decisions ADD COLUMN side_b TEXT NOT NULL DEFAULT ''",
    """CREATE TABLE manual (
        key TEXT PRIMARY KEY,
        source_a TEXT NOT NULL,
        text_a TEXT NOT NULL,
        source_b TEXT NOT NULL,
        text_b TEXT NOT NULL,
        created TEXT NOT NULL
    )""",
)


def _to_v1(db: sqlite3.Connection) -> None:
    for statement in _V1:
        db.execute(statement)


def _to_v2(db: sqlite3.Connection) -> None:
    for statement in _V2:
        db.execute(statement)
    row = db.execute("SELECT report FROM analysis").fetchone()
    if row is None:
        return
    data = json.loads(row[0])
    texts = {claim["id"]: claim["text"] for claim in data["claims"]}
    findings = [
        (f["id"], f["kind"], texts[f["claims"][0]], texts[f["claims"][1]])
        for f in data["contradictions"] + data["corroborations"]
    ]
    kinds = {f[0]: (f[1], f[2], f[3]) for f in findings}
    for finding_id, key in keys_for(findings).items():
        db.execute(
            "UPDATE decisions SET kind = ?, side_a = ?, side_b = ? WHERE key = ?",
            (*kinds[finding_id], key),
        )


STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _to_v1, 2: _to_v2}
"""The step that brings a file to each version from the one before."""


def migrate(db: sqlite3.Connection, version: int) -> None:
    """Bring `db` from `version` to `LATEST`, inside the caller's transaction."""
    for target in range(version + 1, LATEST + 1):
        STEPS[target](db)
        db.execute(f"PRAGMA user_version = {target}")
