"""What a student receives holds no reference code and no hidden expected value."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from autograder.course import load_course
from autograder.reference import build_specs
from autograder.release import check_in_sync, release
from autograder.validate import validate_lesson

COURSE = load_course()
LESSONS = [lesson.id for lesson in COURSE.lessons]


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("course")
    release(COURSE, list(COURSE.lessons), root)
    return root / "release"


def _released_text(folder: Path) -> str:
    return "\n".join(
        p.read_text(errors="replace") for p in sorted(folder.rglob("*")) if p.is_file()
    )


def _reference_lines(lesson) -> set[str]:
    """Code lines of the reference's bodies (no docstrings) that the lesson file lacks."""
    path = COURSE.root / "solutions" / f"{lesson.module}.py"
    text = path.read_text()
    lines = text.splitlines()
    source = {line.strip() for line in lesson.source_py.read_text().splitlines()}
    code: set[str] = set()
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        body = node.body[1:] if ast.get_docstring(node) is not None else node.body
        for stmt in body:
            for number in range(stmt.lineno, stmt.end_lineno + 1):
                line = lines[number - 1].strip()
                if len(line) >= 20 and line not in source and not line.startswith("#"):
                    code.add(line)
    return code


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_release_holds_no_reference_line(released, lesson_id):
    lesson = COURSE.lesson(lesson_id)
    text = _released_text(released / lesson_id)
    leaked = [line for line in _reference_lines(lesson) if line in text]
    assert not leaked, leaked[:3]


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_release_holds_no_hidden_check_or_value(released, lesson_id):
    lesson = COURSE.lesson(lesson_id)
    folder = released / lesson_id
    text = _released_text(folder)
    fixture = json.loads((folder / f"{lesson_id}.checks.json").read_text())
    shipped = {c["id"] for c in fixture["checks"]}
    for spec in build_specs(lesson):
        if not spec.hidden:
            assert spec.id in shipped
            continue
        assert spec.id not in shipped and spec.id not in text
        for value in re.findall(
            r'"data":"([A-Za-z0-9+/=]{16,})"', json.dumps(spec.expected)
        ):
            assert value not in text, f"{spec.id}: expected value shipped"


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_notebook_in_sync_and_lesson_valid(lesson_id):
    lesson = COURSE.lesson(lesson_id)
    check_in_sync(lesson)
    validate_lesson(lesson)


def test_released_runtime_is_the_installed_one(released):
    import mlcourse_check

    installed = Path(mlcourse_check.__file__).parent
    for lesson_id in LESSONS:
        copy = released / lesson_id / "mlcourse_check"
        for path in installed.glob("*.py"):
            assert (copy / path.name).read_text() == path.read_text()


def test_student_facing_messages_hide_hidden_expected_values(grader):
    from autograder.solve import replace_cell, solved_notebook, source_as
    from autograder.testing import fixtures_of

    lesson = COURSE.lesson("02-linear-regression")
    fixture = next(f for f in fixtures_of(lesson.module) if f.name == "add_bias__last")
    nb = replace_cell(
        solved_notebook(lesson), "add_bias", source_as(fixture.impl, "add_bias")
    )
    result = grader.grade_notebook(lesson, nb, "wrong")
    (hidden,) = [c for c in result.failures if c.hidden]
    assert "expected" in hidden.message  # the instructor's view keeps the detail
    assert (
        "expected 1" not in hidden.student_message
        and "Likely mistake" in hidden.student_message
    )
