"""`riwaya eval`: the engine's accuracy on labeled pairs of short texts.

Each pair becomes two sources for the same `analyze` that `riwaya check` runs; the
pair is a contradiction when a contradiction links them, an agreement when a
corroboration does, and unrelated otherwise. Nothing here is tuned for evaluation.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import multiprocessing.pool
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from riwaya.core.engine import analyze, collector_paused, warm_up
from riwaya.core.errors import InputError
from riwaya.core.model import Finding, Report
from riwaya.core.sources import make_source

LABELS = ("contradiction", "agreement", "unrelated")


@dataclass(frozen=True)
class Pair:
    id: str
    a: str
    b: str
    label: str
    category: str = ""


@dataclass(frozen=True)
class Prediction:
    id: str
    label: str
    kind: str
    explanation: str
    confidence: float


def read_pairs(path: str) -> list[Pair]:
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as error:
        raise InputError(f"{path}: {error.strerror.lower() if error.strerror else error}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    pairs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            pair = Pair(
                str(item["id"]), item["a"], item["b"], item["label"], item.get("category", "")
            )
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise InputError(f"{path}:{number}: not a pair object ({error})") from None
        if pair.label not in LABELS:
            raise InputError(f"{path}:{number}: unknown label {pair.label!r}")
        pairs.append(pair)
    if not pairs:
        raise InputError(f"{path}: no pairs")
    return pairs


def predict(pair: Pair) -> Prediction:
    sources = [make_source(1, pair.a, "a", "a"), make_source(2, pair.b, "b", "b")]
    report = analyze(sources)
    finding = _strongest(report, report.contradictions) or _strongest(report, report.corroborations)
    if finding is None:
        return Prediction(
            pair.id, "unrelated", "", "No claim of one text meets a claim of the other.", 0.5
        )
    label = "contradiction" if finding.type == "contradiction" else "agreement"
    return Prediction(pair.id, label, finding.kind, finding.explanation, finding.confidence)


def _strongest(report: Report, findings: Iterable[Finding]) -> Finding | None:
    across = [
        f for f in findings if report.claim(f.claims[0]).source != report.claim(f.claims[1]).source
    ]
    return max(across, key=lambda f: f.confidence, default=None)


@dataclass(frozen=True)
class Scores:
    confusion: dict[tuple[str, str], int]
    per_class: dict[str, tuple[float, float, float]]
    macro_f1: float
    mean_ca_f1: float
    pairs: int
    seconds: float
    """Judging the pairs, once the engine is loaded."""
    load_seconds: float = 0.0
    """Loading the engine's lexicons, cues and stemmers, once per run."""
    jobs: int = 1

    @property
    def pairs_per_second(self) -> float:
        return self.pairs / self.seconds if self.seconds else 0.0


def score(gold: list[str], predicted: list[str], seconds: float) -> Scores:
    confusion = Counter(zip(gold, predicted, strict=True))
    per_class = {}
    for label in LABELS:
        tp = confusion[(label, label)]
        predicted_n = sum(confusion[(g, label)] for g in LABELS)
        gold_n = sum(confusion[(label, p)] for p in LABELS)
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / gold_n if gold_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = (precision, recall, f1)
    macro = sum(f for _, _, f in per_class.values()) / len(LABELS)
    mean_ca = (per_class["contradiction"][2] + per_class["agreement"][2]) / 2
    return Scores(dict(confusion), per_class, macro, mean_ca, len(gold), seconds)


def evaluate(pairs: list[Pair], jobs: int = 1) -> tuple[Scores, list[Prediction]]:
    """Judge every pair with the engine, in `jobs` processes. Loading the engine and
    starting the worker processes are timed apart, as a fixed cost paid once a run, so that
    the throughput is the judging alone."""
    started = time.perf_counter()
    warm_up()
    jobs = jobs if jobs > 1 and len(pairs) >= _PARALLEL_FROM and _can_fork() else 1
    # Judging pairs leaves no cycles: the collector stays off for the run (and in the
    # workers, which would otherwise walk the whole inherited engine again and again).
    with collector_paused(), _workers(jobs) as pool:
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        if pool is not None:
            chunk = max(len(pairs) // (jobs * 8), 1)
            predictions = pool.map(predict, pairs, chunksize=chunk)
        else:
            predictions = [predict(pair) for pair in pairs]
        seconds = time.perf_counter() - started
    scores = score([p.label for p in pairs], [p.label for p in predictions], seconds)
    return replace(scores, load_seconds=loaded, jobs=jobs), predictions


@contextlib.contextmanager
def _workers(jobs: int) -> Iterator[multiprocessing.pool.Pool | None]:
    """`jobs` processes forked from this one once the engine is loaded, or None for one."""
    if jobs <= 1:
        yield None
        return
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield pool


_PARALLEL_FROM = 200
"""Fewer pairs than this are judged in one process: starting others would cost more."""


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def default_jobs() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def by_category(pairs: list[Pair], predictions: list[Prediction]) -> dict[str, tuple[int, int]]:
    """Correct and total pairs per category (for the README's table)."""
    table: dict[str, list[int]] = {}
    for pair, prediction in zip(pairs, predictions, strict=True):
        row = table.setdefault(pair.category or "-", [0, 0])
        row[0] += pair.label == prediction.label
        row[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(table.items())}


def format_text(scores: Scores, categories: dict[str, tuple[int, int]]) -> str:
    lines = ["gold \\ predicted   " + "  ".join(f"{p[:13]:>13}" for p in LABELS)]
    for gold in LABELS:
        cells = "  ".join(f"{scores.confusion.get((gold, p), 0):>13}" for p in LABELS)
        lines.append(f"{gold:<18} {cells}")
    lines.append("")
    lines.append(f"{'class':<15} precision  recall     F1")
    for label, (p, r, f) in scores.per_class.items():
        lines.append(f"{label:<15} {p:>9.3f} {r:>7.3f} {f:>6.3f}")
    lines.append("")
    lines.append(
        f"macro-F1 {scores.macro_f1:.3f}   mean F1 of contradiction and agreement "
        f"{scores.mean_ca_f1:.3f}"
    )
    processes = f", {scores.jobs} processes" if scores.jobs > 1 else ""
    workers = f" and starting {scores.jobs} workers" if scores.jobs > 1 else ""
    lines.append(
        f"{scores.pairs} pairs in {scores.seconds:.2f} s: "
        f"{scores.pairs_per_second:,.0f} pairs per second{processes} "
        f"(after {scores.load_seconds:.2f} s loading the engine{workers})"
    )
    if len(categories) > 1:
        lines.append("")
        lines.append("accuracy by category")
        lines.extend(
            f"  {name:<18} {ok:>4}/{total:<4} {ok / total:.2f}"
            for name, (ok, total) in categories.items()
        )
    return "\n".join(lines)


def run_eval(path: str, predictions_path: str | None, fmt: str, jobs: int = 0) -> int:
    pairs = read_pairs(path)
    scores, predictions = evaluate(pairs, jobs or default_jobs())
    if predictions_path:
        with open(predictions_path, "w", encoding="utf-8") as out:
            for p in predictions:
                out.write(json.dumps(p.__dict__, ensure_ascii=False) + "\n")
    categories = by_category(pairs, predictions)
    if fmt == "json":
        print(
            json.dumps(
                {
                    "pairs": scores.pairs,
                    "confusion": {f"{g}->{p}": n for (g, p), n in scores.confusion.items()},
                    "per_class": {
                        k: dict(zip(("precision", "recall", "f1"), v, strict=True))
                        for k, v in scores.per_class.items()
                    },
                    "macro_f1": scores.macro_f1,
                    "mean_contradiction_agreement_f1": scores.mean_ca_f1,
                    "pairs_per_second": scores.pairs_per_second,
                    "processes": scores.jobs,
                    "load_seconds": scores.load_seconds,
                    "by_category": {
                        k: {"correct": ok, "total": n} for k, (ok, n) in categories.items()
                    },
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(format_text(scores, categories))
    return 0
