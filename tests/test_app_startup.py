"""Starting the app: the analysis worker, progress, errors, the sample chooser, the launcher."""

from __future__ import annotations

import threading

import pytest
from test_tui_fixture import make_report

from riwaya.core.errors import LoadError
from riwaya.tui import launch
from riwaya.tui.app import RiwayaApp
from riwaya.tui.screens.chooser import ChooserScreen
from riwaya.tui.screens.loading import LoadingScreen
from riwaya.tui.screens.report import ReportScreen

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def wait_for_report(pilot) -> None:  # noqa: ANN001
    await pilot.app.workers.wait_for_complete()
    for _ in range(100):
        await pilot.pause(0.02)
        if isinstance(pilot.app.screen, ReportScreen):
            return


async def test_job_runs_in_a_worker_with_progress() -> None:
    release = threading.Event()
    seen: list[str] = []

    def job(progress):  # noqa: ANN001, ANN202
        progress(0.5, "reading sources")
        seen.append(threading.current_thread().name)
        release.wait(5)
        return make_report(2)

    app = RiwayaApp(job, environ={})
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(50):
            await pilot.pause(0.02)
            if seen:
                break
        assert isinstance(app.screen, LoadingScreen), "the screen stays live while it works"
        await pilot.pause(0.05)
        stage = str(app.screen.query_one("#loading-stage").render())
        assert "reading sources" in stage
        release.set()
        await wait_for_report(pilot)
        assert isinstance(app.screen, ReportScreen)
        assert len(app.screen.panes) == 2
    assert seen and seen[0] != threading.main_thread().name


async def test_job_without_progress_parameter() -> None:
    app = RiwayaApp(lambda: make_report(1), environ={})
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_report(pilot)
        assert isinstance(app.screen, ReportScreen)


async def test_user_error_exits_with_status_2() -> None:
    def job():  # noqa: ANN202
        raise LoadError("nothing/here.txt: no such file")

    app = RiwayaApp(job, environ={})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.1)
    assert app.return_code == 2


async def test_skipped_inputs_are_notified() -> None:
    from dataclasses import replace

    report = replace(make_report(2), skipped=("a.pdf: not a text file",))
    app = RiwayaApp(lambda: report, environ={})
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_report(pilot)
        assert any("a.pdf" in n.message for n in app._notifications)


async def test_demo_offers_a_keyboard_chooser() -> None:
    from riwaya.core.samples import sample_sets

    sets = sample_sets()
    app = RiwayaApp(demo=True, environ={})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if len(sets) < 2:
            pytest.skip("one sample set: no chooser")
        assert isinstance(app.screen, ChooserScreen)
        await pilot.press("down", "enter")
        await wait_for_report(pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        from riwaya.core.samples import load_sample

        assert len(screen.panes) == len(load_sample(sets[1].name))


async def test_reordering_terminal_is_warned() -> None:
    app = RiwayaApp(report=make_report(1), environ={"KONSOLE_VERSION": "230804"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("Konsole" in n.message for n in app._notifications)


def test_launcher_rejects_unknown_bidi_mode(capsys) -> None:  # noqa: ANN001
    assert launch.run(None, demo=True, bidi="sideways") == 2
    assert "--bidi" in capsys.readouterr().err


def test_launcher_turns_specs_into_a_job(monkeypatch) -> None:  # noqa: ANN001
    calls = {}

    def fake_sources(specs, encoding=None):  # noqa: ANN001, ANN202
        calls["specs"] = (list(specs), encoding)
        return list(make_report(2).sources), ["x: skipped"]

    def fake_analyze(sources, progress=None, skipped=()):  # noqa: ANN001, ANN202
        calls["skipped"] = skipped
        return make_report(2)

    monkeypatch.setattr("riwaya.core.inputs.sources_from_specs", fake_sources)
    monkeypatch.setattr("riwaya.core.engine.analyze", fake_analyze)
    job = launch.job_for_specs(["a.txt", "b.txt"], "cp1256")
    report = job(progress=lambda fraction, stage: None)
    assert calls["specs"] == (["a.txt", "b.txt"], "cp1256")
    assert calls["skipped"] == ["x: skipped"]
    assert len(report.sources) == 2
