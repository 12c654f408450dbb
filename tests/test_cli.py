"""`riwaya check` and `riwaya claims` as a user runs them: exit codes, formats, errors."""

import json
import subprocess
import sys

import pytest


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
