"""The command line as a user meets it: exit codes, one-line errors, stable JSON."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from autograder.course import load_course

COURSE = load_course()


def mlcourse(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "autograder.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
    )


def _one_line_error(run: subprocess.CompletedProcess) -> None:
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr


def test_list():
    run = mlcourse("list")
    assert run.returncode == 0
    for lesson in COURSE.lessons:
        assert lesson.id in run.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("grade", "--lesson", "99", "x.ipynb"),
        ("grade", "--lesson", "02", "no/such/file.ipynb"),
        ("solve", "nonsense"),
        ("frobnicate",),
        ("grade", "--lesson"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args):
    _one_line_error(mlcourse(*args))


@pytest.mark.parametrize(
    "text,says",
    [
        ("id: x\ntitle: y\nlessons: [\n", "not valid YAML"),
        ("id: x\ntitle: y\nlesons: []\n", "unknown key 'lesons'"),
        (
            "id: x\ntitle: y\nlessons:\n  - {id: 01-nothing-here, title: t, exercises: [{name: f, points: 1}]}\n",
            "missing lesson file",
        ),
        (
            "id: x\ntitle: y\nlessons:\n  - {id: 02-linear-regression, title: t, exercises: [{name: f, points: 0}]}\n",
            "positive",
        ),
    ],
)
def test_bad_course_yml_names_the_key(tmp_path, text, says):
    (tmp_path / "course.yml").write_text(text)
    (tmp_path / "source" / "02-linear-regression").mkdir(parents=True)
    (tmp_path / "source" / "02-linear-regression" / "linear_regression.py").write_text(
        ""
    )
    run = mlcourse("--course", str(tmp_path / "course.yml"), "list")
    _one_line_error(run)
    assert says in run.stderr and "course.yml" in run.stderr


def test_solve_then_grade_json(tmp_path):
    solved = tmp_path / "solved.ipynb"
    assert mlcourse("solve", "02", "-o", str(solved)).returncode == 0
    corrupt = tmp_path / "corrupt.ipynb"
    corrupt.write_text('{"cells": 3')
    run = mlcourse("grade", "--lesson", "02", "--json", str(solved), str(corrupt))
    assert run.returncode == 0, run.stderr
    good, bad = json.loads(run.stdout)
    assert set(good) == {
        "submission",
        "lesson",
        "score",
        "max_score",
        "error",
        "checks",
    }
    assert good["score"] == good["max_score"] == 10 and good["error"] is None
    assert set(good["checks"][0]) == {
        "exercise",
        "check",
        "points",
        "max_points",
        "passed",
        "hidden",
        "message",
    }
    assert bad["score"] == 0 and "not a readable notebook" in bad["error"]
    strict = mlcourse("grade", "--lesson", "02", "--strict", str(solved), str(corrupt))
    assert strict.returncode == 1


def test_check_reports_each_exercise(tmp_path):
    run = mlcourse("check", str(COURSE.lesson("02").notebook))
    assert run.returncode == 1
    assert "✗ add_bias: " in run.stdout and "not attempted" in run.stdout
