"""`pytest --submission`: one test per check, messages as failures, mlcourse's scores."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import nbformat

from autograder.course import load_course
from autograder.solve import lesson_notebook, replace_cell, solved_notebook, source_as
from autograder.testing import fixtures_of

LESSON = load_course().lesson("02-linear-regression")


def test_junit_report_matches_mlcourse_grade(tmp_path, grader):
    wrong = next(f for f in fixtures_of(LESSON.module) if not f.correct)
    solved = solved_notebook(LESSON)
    notebooks = {
        "solved": solved,
        "stub": lesson_notebook(LESSON),
        "wrong": replace_cell(
            solved, wrong.target, source_as(wrong.impl, wrong.target)
        ),
    }
    for name, nb in notebooks.items():
        nbformat.write(nb, tmp_path / f"{name}.ipynb")
    report = tmp_path / "grades.xml"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "--lesson",
            "02",
            "--submission",
            str(tmp_path),
            f"--junitxml={report}",
            "-q",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert run.returncode == 1, (
        run.stdout + run.stderr
    )  # the stub and the wrong one fail
    cases = ET.parse(report).getroot().iter("testcase")
    per_file: dict[str, list] = {}
    for case in cases:
        per_file.setdefault(case.get("classname"), []).append(case)
    for name, nb in notebooks.items():
        (cases,) = [v for k, v in per_file.items() if k == f"{name}.ipynb"]
        result = grader.grade_notebook(LESSON, nb, name)
        assert len(cases) == len(result.checks)
        failed = {
            c.get("name"): c.find("failure").get("message", "")
            + (c.find("failure").text or "")
            for c in cases
            if c.find("failure") is not None
        }
        assert set(failed) == {c.check for c in result.checks if not c.passed}
        for check in result.failures:
            assert check.message[:60] in failed[check.check]
