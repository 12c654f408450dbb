"""Shared fixtures: the bundled samples analysed once per session."""

from functools import cache

import pytest

from riwaya.core.engine import analyze
from riwaya.core.model import Report
from riwaya.core.samples import load_sample, sample_sets


@cache
def sample_report(name: str) -> Report:
    return analyze(load_sample(name))


@pytest.fixture(scope="session")
def reports():
    """The report of a sample set by name, analysed once."""
    return sample_report


@pytest.fixture(params=[s.name for s in sample_sets()])
def any_sample(request) -> Report:
    return sample_report(request.param)
