"""A workspace: sources, their analysis and the review, in one file that saves as you go.

Every method that changes the review has written it to disk when it returns, so there is
no save step to forget. When a source file changed since the analysis, `changed_sources`
says so; `reanalysed` (slow, for a worker) and `adopt` bring in the new analysis. The
review is keyed by content (`review`), so decisions follow their claims, and the ones
that no longer meet a finding are kept and listed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from riwaya.core.errors import RiwayaError
from riwaya.core.model import Report, Source
from riwaya.core.review import MANUAL, Decision, ManualFinding, Review, Status, overlay
from riwaya.core.sanitize import one_line
from riwaya.core.store import SourceRecord, Store, clean_text

SUFFIX = ".riwaya"

Clock = Callable[[], str]
Progress = Callable[[float, str], None]


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def workspace_path(name: str | os.PathLike[str]) -> Path:
    """The file a workspace name stands for: `story` is `story.riwaya`."""
    path = Path(name).expanduser()
    return path if path.suffix else path.with_name(path.name + SUFFIX)


def fingerprint(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _file_path(origin: str) -> str | None:
    """Where to look for a source's file again, when it came from one."""
    if origin == "-" or "://" in origin or origin.startswith("sample:"):
        return None
    return os.path.abspath(origin) if os.path.isfile(origin) else None


def records_for(
    report: Report, paths: Mapping[str, str | None] | None = None
) -> list[SourceRecord]:
    """What to remember of each source; `paths` keeps the files found when it was made."""
    return [
        SourceRecord(
            s.id,
            s.origin,
            paths[s.id] if paths is not None and s.id in paths else _file_path(s.origin),
            fingerprint(s.text),
        )
        for s in report.sources
    ]


def suggested_path(report: Report, folder: Path) -> Path:
    """A name for a new workspace in `folder`, after its first source, not yet taken."""
    origin = report.sources[0].origin if report.sources else ""
    if origin.startswith("sample:"):
        stem = origin.removeprefix("sample:").split("/", 1)[0]
    else:
        stem = Path(origin).name.split(".", 1)[0] if origin not in ("", "-") else ""
    stem = stem if stem and "://" not in origin else "review"
    path = folder / f"{stem}{SUFFIX}"
    number = 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}{SUFFIX}"
    return path


@dataclass(frozen=True)
class SourceChange:
    """A source whose file no longer holds the text that was analysed."""

    source: Source
    text: str | None
    """The file's text now, or None when it cannot be read (the stored text is kept)."""
    reason: str
    """One printable line, to show as it is."""


class Workspace:
    """An open workspace. `review` is always what is on disk."""

    def __init__(self, store: Store, clock: Clock = utc_now) -> None:
        self.store = store
        self.clock = clock
        self._engine = store.report()
        self.review = overlay(self._engine, store.decisions(), store.manual())
        self._view = store.state("view")

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def analysis(self) -> Report:
        """The engine's report as stored (the review's report adds hand-marked findings)."""
        return self._engine

    @classmethod
    def create(
        cls, path: Path, report: Report, *, encoding: str | None = None, clock: Clock = utc_now
    ) -> Workspace:
        """Make a new workspace file for `report` (refusing to replace a file) and open it."""
        settings = {"encoding": encoding} if encoding else {}
        Store.create(path, report, records_for(report), settings, clock())
        return cls.open(path, clock=clock)

    @classmethod
    def open(cls, path: Path, *, write: bool = True, clock: Clock = utc_now) -> Workspace:
        store = Store.open(path, write=write)
        try:
            return cls(store, clock)
        except BaseException:
            store.close()
            raise

    def close(self) -> None:
        self.store.close()

    # ---- the review: each change is on disk when the method returns ----------------

    def decide(self, finding_id: str, status: Status) -> Decision:
        return self._put(self.review.decided(finding_id, updated=self.clock(), status=status))

    def write_note(self, finding_id: str, note: str) -> Decision:
        return self._put(self.review.decided(finding_id, updated=self.clock(), note=note))

    def _put(self, decision: Decision) -> Decision:
        decision = replace(decision, note=clean_text(decision.note))
        self.store.put_decision(decision)
        self.review = self.review.with_decision(decision)
        return decision

    def mark(self, claim_a: str, claim_b: str) -> str:
        """Mark a contradiction the engine missed (confirmed); returns its finding id."""
        report = self.review.report
        a, b = report.claim(claim_a), report.claim(claim_b)
        marked = ManualFinding.between(a, b, self.clock())
        if all(m.key != marked.key for m in self.review.manual):
            decision = Decision(
                marked.key, "confirmed", "", MANUAL, (a.text, b.text), marked.created
            )
            self.store.put_manual(marked, decision)
            self.review = overlay(
                self._engine,
                {**self.review.decisions, marked.key: decision},
                (*self.review.manual, marked),
            )
        finding = self.review.finding_by_key(marked.key)
        assert finding is not None, "a claim pair of this report always resolves"
        return finding.id

    # ---- where the user was ---------------------------------------------------------

    def view(self) -> dict[str, str]:
        return dict(self._view)

    def save_view(self, values: Mapping[str, str]) -> None:
        """Write the entries that changed (each keystroke that moves the view is one)."""
        changed = {k: v for k, v in values.items() if self._view.get(k) != v}
        if changed and self.store.writable:
            self.store.put_state("view", changed)
            self._view.update(changed)

    # ---- sources that changed on disk ------------------------------------------------

    def changed_sources(self) -> list[SourceChange]:
        """Sources whose file now holds another text, or can no longer be read.

        Only files are checked: URLs are not fetched again, stdin and samples cannot be.
        """
        from riwaya.core.load import load_one  # the loader is slow to import: not at start-up

        encoding = self.store.state("setting").get("encoding")
        changes = []
        for record in self.store.source_records():
            if record.path is None:
                continue
            source = self._engine.source(record.id)
            try:
                loaded = load_one(record.path, encoding=encoding)
            except RiwayaError as error:
                changes.append(SourceChange(source, None, str(error)))
                continue
            same = [t.text for t in loaded if t.label == source.label]
            text = same[0] if same else (loaded[0].text if len(loaded) == 1 else None)
            if text is None:
                reason = f"{one_line(record.path)} no longer holds “{source.label}”"
                changes.append(SourceChange(source, None, reason))
            elif fingerprint(text) != record.fingerprint:
                reason = f"{one_line(record.path)} changed since it was analysed"
                changes.append(SourceChange(source, text, reason))
        return changes

    def adopt(self, report: Report) -> Review:
        """Store a new analysis of the same sources; the review carries over by content."""
        paths = {record.id: record.path for record in self.store.source_records()}
        self.store.put_analysis(report, records_for(report, paths), self.clock())
        self._engine = report
        self.review = overlay(report, self.review.decisions, self.review.manual)
        return self.review


def reanalysed(
    report: Report, changes: Sequence[SourceChange], progress: Progress | None = None
) -> Report:
    """The analysis of the sources as their files are now (slow: run it in a worker)."""
    from riwaya.core.engine import analyze  # slow to import: only when there is work

    texts = {c.source.id: c.text for c in changes if c.text is not None}
    sources = [replace(s, text=texts.get(s.id, s.text)) for s in report.sources]
    return analyze(sources, progress=progress, skipped=report.skipped)
