"""Every lesson, graded three ways: reference full marks, stub zero, fixtures as declared."""

from __future__ import annotations

import pytest

from autograder.course import load_course
from autograder.solve import lesson_notebook, replace_cell, solved_notebook, source_as
from autograder.testing import fixtures_of, grade_in_process

COURSE = load_course()
LESSONS = [lesson.id for lesson in COURSE.lessons]


def _score(results) -> float:
    return round(sum(r.points for r in results), 6)


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_reference_scores_full_marks(lesson_id, grader):
    lesson = COURSE.lesson(lesson_id)
    results = grader.grade_notebook(lesson, solved_notebook(lesson), "solved").checks
    failed = [f"{r.check}: {r.message}" for r in results if not r.passed]
    assert not failed, failed
    assert _score(results) == lesson.points


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_reference_scores_full_marks_in_process(lesson_id):
    """The path nbgrader's autograde takes: checks run in the notebook's own kernel."""
    lesson = COURSE.lesson(lesson_id)
    assert _score(grade_in_process(lesson, solved_notebook(lesson))) == lesson.points


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_stub_scores_zero_and_says_not_attempted(lesson_id, grader):
    lesson = COURSE.lesson(lesson_id)
    results = grader.grade_notebook(lesson, lesson_notebook(lesson), "stub").checks
    assert _score(results) == 0
    assert all("not attempted" in r.message for r in results), [
        r.message for r in results
    ]


def _fixture_cases():
    for lesson in COURSE.lessons:
        try:
            fixtures = fixtures_of(lesson.module)
        except ModuleNotFoundError:
            continue
        for fixture in fixtures:
            yield pytest.param(lesson.id, fixture, id=f"{lesson.module}-{fixture.name}")


@pytest.mark.parametrize("lesson_id,fixture", list(_fixture_cases()))
def test_fixture(lesson_id, fixture, grader):
    lesson = COURSE.lesson(lesson_id)
    nb = replace_cell(
        solved_notebook(lesson), fixture.target, source_as(fixture.impl, fixture.target)
    )
    results = grader.grade_notebook(lesson, nb, fixture.name).checks
    failed = {r.check for r in results if not r.passed}
    if fixture.correct:
        assert not failed, [r.message for r in results if not r.passed]
        return
    assert failed == set(fixture.lose), "\n".join(
        r.check + ": " + r.message for r in results if not r.passed
    )
    messages = [r.message.lower() for r in results if not r.passed]
    assert any(fixture.says.lower() in m for m in messages), messages


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_every_graded_name_has_two_wrong_fixtures(lesson_id):
    lesson = COURSE.lesson(lesson_id)
    fixtures = fixtures_of(lesson.module)
    for name in lesson.functions:
        wrong = [f for f in fixtures if f.target == name and not f.correct]
        assert len(wrong) >= 2, (
            f"{name} has {len(wrong)} wrong fixtures; write at least two"
        )
    assert any(f.correct for f in fixtures), "write at least one correct alternative"
