"""`riwaya check` and `riwaya claims` as a user runs them: exit codes, formats, errors."""

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

EN_NEWS = "The ministry said 30 people were killed in the flood.\n"
# What must never reach a terminal: C0 controls but tab and newline, DEL, C1, bidi controls.
TERMINAL_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def riwaya(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "riwaya", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def conflicting(tmp_path):
    a = tmp_path / "ministry.txt"
    a.write_text("قالت وزارة الصحة إن 40 شخصا قتلوا في الهجوم يوم الخميس.\n", encoding="utf-8")
    b = tmp_path / "observatory.txt"
    b.write_text(
        "The observatory said 12 people were killed in the attack on Thursday.\n", encoding="utf-8"
    )
    return a, b


def test_check_exits_1_on_contradictions_and_prints_them(conflicting):
    result = riwaya("check", *map(str, conflicting))
    assert result.returncode == 1, result.stderr
    assert "[numeric]" in result.stdout
    assert "40" in result.stdout and "12" in result.stdout


def test_check_exits_0_when_the_accounts_agree(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("The ministry said 30 people were killed in the flood.\n", encoding="utf-8")
    result = riwaya("check", str(a))
    assert result.returncode == 0, result.stderr
    assert "Contradictions: 0" in result.stdout


def test_json_report_follows_the_schema(conflicting):
    result = riwaya("check", "--format", "json", *map(str, conflicting))
    report = json.loads(result.stdout)
    assert report["schema"] == 1
    for source, path in zip(report["sources"], conflicting, strict=True):
        assert set(source) >= {"id", "label", "origin", "path", "language", "direction"}
        assert source["path"] == str(path)
    for claim in report["claims"]:
        source = next(s for s in report["sources"] if s["id"] == claim["source"])
        assert source["text"][claim["start"] : claim["end"]] == claim["text"]
    finding = report["contradictions"][0]
    assert set(finding) >= {"id", "kind", "claims", "explanation", "confidence"}


def test_markdown_report(conflicting):
    result = riwaya("check", "--format", "markdown", *map(str, conflicting))
    assert result.stdout.startswith("# riwaya report")
    assert "## Contradictions (1)" in result.stdout


def test_stdin_is_a_source(conflicting):
    result = riwaya("check", str(conflicting[0]), "-", stdin=conflicting[1].read_text("utf-8"))
    assert result.returncode == 1, result.stderr


def test_claims_lists_speakers(conflicting):
    result = riwaya("claims", str(conflicting[0]))
    assert result.returncode == 0
    assert "وزارة الصحة [explicit]" in result.stdout
    assert "killed/person=40" in result.stdout


def test_missing_file_is_one_line_and_exit_2(tmp_path):
    result = riwaya("check", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_arguments_explains_itself():
    result = riwaya()
    assert result.returncode == 0
    assert "--demo" in result.stdout


def test_the_report_does_not_depend_on_the_hash_seed():
    import os
    from pathlib import Path

    samples = sorted(
        str(p) for p in (Path(__file__).parent.parent / "samples" / "border-attack").glob("*.txt")
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run(
            [sys.executable, "-m", "riwaya", "check", "--format", "json", *samples],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_size_cap_names_the_flag(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("قال المرصد إن 3 قتلوا. " * 60_000, encoding="utf-8")
    result = riwaya("check", "--max-size", "1", str(big))
    assert result.returncode == 2
    assert result.stderr.strip().endswith("larger than 1 MB (raise the cap with --max-size)")
    assert "Traceback" not in result.stderr


def test_bad_sources_are_skipped_and_the_good_ones_analysed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(EN_NEWS, "utf-8")
    missing, empty = tmp_path / "missing.txt", tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = riwaya("check", str(good), str(missing), str(empty))
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"riwaya: skipped {missing}: no such file",
        f"riwaya: skipped {empty}: empty",
    ]
    assert f"skipped: {missing}: no such file" in result.stdout
    assert "[s1] good (en, ltr," in result.stdout


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/news"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        ("empty.txt", b"", "empty"),
        ("blank.md", b" \n\t\r\n", "empty"),
        ("missing.txt", None, "no such file"),
    ],
    ids=["binary", "empty", "blank", "missing"],
)
def test_an_unusable_source_is_one_line_and_exit_2(
    tmp_path: Path, name: str, data: bytes | None, reason: str
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    result = riwaya("check", str(path))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"riwaya: no usable source: {path}: {reason}\n"


def test_a_url_nobody_answers_is_one_line_and_exit_2() -> None:
    url = closed_port_url()
    result = riwaya("check", url)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"riwaya: no usable source: could not fetch {url}: connection refused\n"


def test_a_failed_url_among_good_sources_is_skipped(conflicting) -> None:
    url = closed_port_url()
    result = riwaya("check", *map(str, conflicting), url)
    assert result.returncode == 1
    assert result.stderr == f"riwaya: skipped could not fetch {url}: connection refused\n"


def test_empty_stdin_reads_naturally(conflicting) -> None:
    result = riwaya("check", str(conflicting[0]), "-", stdin="")
    assert result.returncode == 0
    assert result.stderr == "riwaya: skipped stdin: empty\n"
    alone = riwaya("check", "-", stdin="")
    assert (alone.returncode, alone.stderr) == (2, "riwaya: no usable source: stdin: empty\n")


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_hostile_file_names_never_reach_the_terminal(tmp_path: Path, fmt: str) -> None:
    """A file named ESC ] 2 ; PWNED BEL would retitle the terminal; C1 and U+202E too."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good\x1b]2;PWNED\x07\u202e.txt").write_text(EN_NEWS, "utf-8")
    (folder / "bad\x1b]2;PWNED\x07\x9b\u202ex.txt").write_bytes(b"\x00\x01\x02\x03 binary")
    result = riwaya("check", "--format", fmt, str(folder))
    skipped = f"{folder}/bad\u2426\u00a6x.txt: binary file, not text"
    assert result.returncode == 0
    assert result.stderr == f"riwaya: skipped {skipped}\n"
    for output in (result.stdout, result.stderr):
        assert not TERMINAL_CONTROLS.search(output)
        assert "PWNED" not in output and "\\u001b" not in output
    if fmt == "json":
        report = json.loads(result.stdout)
        assert [s["origin"] for s in report["sources"]] == [f"{folder}/good\u00a6.txt"]
        assert [s["label"] for s in report["sources"]] == ["good\u00a6"]
        assert report["skipped"] == [skipped]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("command", ["check", "claims"])
def test_a_full_disk_is_one_line_and_exit_2(conflicting, command: str) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "riwaya", command, *map(str, conflicting)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr == "riwaya: could not write to standard output: no space left on device\n"


def test_a_reader_that_stops_early_ends_the_run_quietly(conflicting) -> None:
    """`riwaya check a b | head -1`: the pipe closes before the report is written."""
    process = subprocess.Popen(
        [sys.executable, "-m", "riwaya", "check", *map(str, conflicting)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert (process.wait(timeout=120), stderr) == (141, "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--format", "xml", "a.txt"], "riwaya check: argument --format: invalid choice"),
        (["check"], "riwaya check: the following arguments are required: SOURCE"),
        (["--bidi", "nope"], "riwaya: argument --bidi: invalid choice"),
    ],
)
def test_a_usage_mistake_is_one_line_and_exit_2(args, message):
    result = riwaya(*args)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(message) and "--help)" in lines[0]


def test_the_app_on_missing_files_says_so_before_taking_the_screen(tmp_path):
    result = riwaya(str(tmp_path / "gone.txt"))
    assert result.returncode == 2
    assert result.stderr == f"riwaya: no usable source: {tmp_path / 'gone.txt'}: no such file\n"
    assert "\x1b" not in result.stdout + result.stderr
