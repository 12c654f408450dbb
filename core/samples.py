"""The sample sets bundled with riwaya for demo mode (written by the project)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable

from riwaya.core.errors import InputError
from riwaya.core.model import Source
from riwaya.core.sources import make_source


@dataclass(frozen=True)
class SampleSet:
    name: str
    title: str
    description: str


def _root() -> Traversable:
    return resources.files("riwaya.samples")


def _manifest(name: str) -> dict:
    return json.loads(_root().joinpath(name, "set.json").read_text("utf-8"))


def sample_sets() -> list[SampleSet]:
    sets = []
    for entry in sorted(_root().iterdir(), key=lambda e: e.name):
        if entry.is_dir() and entry.joinpath("set.json").is_file():
            manifest = _manifest(entry.name)
            sets.append(SampleSet(entry.name, manifest["title"], manifest.get("description", "")))
    return sets


def load_sample(name: str) -> list[Source]:
    if name not in {s.name for s in sample_sets()}:
        known = ", ".join(s.name for s in sample_sets())
        raise InputError(f"no sample set named {name!r} (known: {known})")
    manifest = _manifest(name)
    sources = []
    for index, entry in enumerate(manifest["sources"], start=1):
        text = _root().joinpath(name, entry["file"]).read_text("utf-8")
        sources.append(
            make_source(
                index, text, entry["label"], f"sample:{name}/{entry['file']}", entry.get("language")
            )
        )
    return sources


def gold(name: str) -> dict:
    """The contradictions a careful reader finds in a set (used by tests and `riwaya check`)."""
    return json.loads(_root().joinpath(name, "gold.json").read_text("utf-8"))
