"""`mlcourse validate`: course.yml, the lesson file, the reference and the checks agree."""

from __future__ import annotations

import ast

from .course import Lesson
from .errors import CourseError
from .notebook import cell_roles, read_notebook
from .reference import checks_module, reference_module
from .release import check_in_sync


def validate_lesson(lesson: Lesson) -> None:
    where = lesson.source_py.relative_to(lesson.root)
    roles = cell_roles(read_notebook(lesson.source_py))
    for exercise in lesson.exercises:
        for name in exercise.functions:
            if roles.get(name, ("",))[0] != "solution":
                raise CourseError(
                    f"{where}: no solution cell with grade_id {name!r}; add one for {exercise.name}"
                )
        test_id = f"check_{exercise.name}"
        if test_id not in roles:
            raise CourseError(
                f"{where}: no test cell with grade_id {test_id!r}; add it after {exercise.name}"
            )
        calls = _check_calls(roles[test_id][1])
        missing = set(exercise.functions) - calls
        if missing:
            raise CourseError(
                f"{where}: cell {test_id} does not call check({sorted(missing)[0]!r}, ...)"
            )
    _validate_points(lesson)
    ref, checks = reference_module(lesson), checks_module(lesson)
    for name in lesson.functions:
        if not hasattr(ref, name):
            raise CourseError(
                f"solutions/{lesson.module}.py: {name} is missing; write the reference"
            )
        if not any(c.target == name and not c.hidden for c in checks.CHECKS):
            raise CourseError(
                f"autograder/checks/{lesson.module}.py: no visible check of {name}; add one"
            )
    for check in checks.CHECKS:
        if check.target not in lesson.functions:
            raise CourseError(
                f"autograder/checks/{lesson.module}.py: check {check.id} targets "
                f"{check.target!r}, which course.yml does not grade"
            )
        if check.judge is not None and not check.hidden:
            raise CourseError(
                f"autograder/checks/{lesson.module}.py: {check.id} has a judge, "
                "so it must be hidden (a function cannot ship in a release)"
            )
    check_in_sync(lesson)


def _check_calls(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == "check"
            and node.args
        ):
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value)
    return names


def _validate_points(lesson: Lesson) -> None:
    import jupytext

    nb = jupytext.read(lesson.source_py)
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade") and not meta.get("solution"):
            exercise = meta.get("grade_id", "").removeprefix("check_")
            expected = next(
                (e.points for e in lesson.exercises if e.name == exercise), None
            )
            if expected is None:
                raise CourseError(
                    f"{lesson.source_py.name}: test cell {meta.get('grade_id')} "
                    "grades no exercise of course.yml"
                )
            if float(meta.get("points", 0)) != expected:
                raise CourseError(
                    f"{lesson.source_py.name}: test cell {meta.get('grade_id')} has "
                    f"{meta.get('points')} points; course.yml says {expected:g}"
                )
