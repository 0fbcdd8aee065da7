"""nbgrader both ways: its release, its autograde and mlcourse grade agree."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from autograder.course import load_course
from autograder.release import nbgrader_config, release
from autograder.solve import replace_cell, solved_notebook, source_as
from autograder.testing import fixtures_of

COURSE = load_course()
LESSON = COURSE.lesson("02-linear-regression")
PARITY = ("02-linear-regression", "03-logistic-regression", "22-attention")


def _autograde(root: Path, lesson, submissions: dict) -> dict[str, float]:
    from nbgrader.api import Gradebook
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    for student, nb in submissions.items():
        path = root / "submitted" / student / lesson.id / f"{lesson.module}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)
    config = nbgrader_config(COURSE, root)
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    for student in submissions:
        outcome = api.autograde(lesson.id, student, force=True, create=True)
        assert outcome["success"], outcome.get("error") or outcome.get("log")
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        return {s: gb.find_submission(lesson.id, s).score for s in submissions}


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    release(COURSE, [COURSE.lesson(k) for k in PARITY], root)
    return root


@pytest.mark.slow
@pytest.mark.parametrize("lesson_id", PARITY)
def test_autograde_agrees_with_mlcourse_grade(released, grader, lesson_id):
    """Solved, stub and every wrong fixture: nbgrader alone gives mlcourse's score."""
    lesson = COURSE.lesson(lesson_id)
    solved = solved_notebook(lesson)
    stub = nbformat.read(
        released / "release" / lesson.id / f"{lesson.module}.ipynb", as_version=4
    )
    submissions = {"solved": solved, "stub": stub}
    for fixture in fixtures_of(lesson.module):
        if not fixture.correct:
            source = source_as(fixture.impl, fixture.target)
            submissions[fixture.name] = replace_cell(solved, fixture.target, source)
    scores = _autograde(released, lesson, submissions)
    assert scores["solved"] == lesson.points
    assert scores["stub"] == 0
    for student, nb in submissions.items():
        ours = grader.grade_notebook(lesson, nb, student).score
        assert scores[student] == pytest.approx(ours), student


def test_release_has_stubs_runtime_and_visible_fixture_only(released):
    folder = released / "release" / LESSON.id
    assert sorted(p.name for p in folder.iterdir()) == [
        f"{LESSON.id}.checks.json",
        f"{LESSON.module}.ipynb",
        "mlcourse_check",
    ]
    fixture = json.loads((folder / f"{LESSON.id}.checks.json").read_text())
    assert fixture["checks"] and not any(c["hidden"] for c in fixture["checks"])
    text = (folder / f"{LESSON.module}.ipynb").read_text()
    assert "BEGIN HIDDEN TESTS" not in text and "check.score()" not in text


def test_feedback_holds_no_hidden_value(released, grader):
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    _autograde(released, LESSON, {"fb": solved_notebook(LESSON)})
    config = nbgrader_config(COURSE, released)
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    assert api.generate_feedback(LESSON.id, "fb")["success"]
    (page,) = (released / "feedback" / "fb" / LESSON.id).glob("*.html")
    text = page.read_text()
    for spec in grader.specs(LESSON):
        if spec.hidden:
            assert spec.id not in text
            if spec.expected.get("t") == "array":
                assert spec.expected["data"] not in text


@pytest.mark.slow
def test_validate_invert_fails_every_released_stub(tmp_path):
    import subprocess
    import sys

    release(COURSE, list(COURSE.lessons), tmp_path)
    for lesson in COURSE.lessons:
        notebook = tmp_path / "release" / lesson.id / f"{lesson.module}.ipynb"
        run = subprocess.run(
            [sys.executable, "-m", "nbgrader", "validate", "--invert", str(notebook)],
            capture_output=True,
            text=True,
            cwd=notebook.parent,
            timeout=600,
        )
        assert "Success! The notebook does not pass any tests." in run.stdout, (
            lesson.id,
            run.stdout + run.stderr,
        )
