"""`riwaya eval`: the metrics, the command, and the regression floor on the development set."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from riwaya.core import engine
from riwaya.core.errors import InputError
from riwaya.core.evaluate import Pair, evaluate, read_pairs, score

DATA = Path(__file__).parent / "data"


def test_scores_from_a_known_confusion():
    gold = ["contradiction", "contradiction", "agreement", "unrelated"]
    predicted = ["contradiction", "agreement", "agreement", "agreement"]
    scores = score(gold, predicted, seconds=2.0)
    assert scores.per_class["contradiction"] == (1.0, 0.5, pytest.approx(2 / 3))
    assert scores.per_class["agreement"] == (pytest.approx(1 / 3), 1.0, 0.5)
    assert scores.per_class["unrelated"] == (0.0, 0.0, 0.0)
    assert scores.macro_f1 == pytest.approx((2 / 3 + 0.5) / 3)
    assert scores.pairs_per_second == 2.0


def test_the_engine_tells_the_three_labels_apart():
    pairs = [
        Pair("1", "قتل 40 جنديا في الهجوم", "قتل 12 جنديا في الهجوم", "contradiction"),
        Pair(
            "2",
            "The ministry said 30 people were killed in the flood",
            "Thirty people died in the flood, the ministry said",
            "agreement",
        ),
        Pair(
            "3",
            "Prices of bread rose in the capital",
            "A football match ended in a draw",
            "unrelated",
        ),
    ]
    scores, predictions = evaluate(pairs)
    assert [p.label for p in predictions] == ["contradiction", "agreement", "unrelated"]
    assert predictions[0].kind == "numeric" and "40" in predictions[0].explanation


def test_development_set_does_not_fall_below_the_recorded_floor():
    floor = json.loads((DATA / "eval_floor.json").read_text("utf-8"))
    scores, _ = evaluate(read_pairs(str(DATA / "devset.jsonl")))
    assert scores.macro_f1 >= floor["macro_f1"]
    assert scores.per_class["contradiction"][2] >= floor["contradiction_f1"]


def test_bad_pairs_file_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "a": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:1: not a pair object"):
        read_pairs(str(bad))


def test_eval_command_writes_predictions(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps(
            {"id": "p1", "a": "قتل 40 جنديا", "b": "قتل 12 جنديا", "label": "contradiction"},
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "predictions.jsonl"
    result = subprocess.run(
        [sys.executable, "-m", "riwaya", "eval", str(pairs), "--predictions", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "macro-F1" in result.stdout
    line = json.loads(out.read_text("utf-8"))
    assert set(line) == {"id", "label", "kind", "explanation", "confidence"}
    assert line["label"] == "contradiction"


def test_several_processes_judge_as_one_does():
    pairs = read_pairs(str(DATA / "devset.jsonl"))[:240]
    one, alone = evaluate(pairs, jobs=1)
    engine._CLAIMS_READ.clear()  # the workers must read the texts themselves
    two, shared = evaluate(pairs, jobs=2)
    assert alone == shared
    assert (one.jobs, two.jobs) == (1, 2)
    assert one.load_seconds >= 0 and two.seconds > 0
