"""A pytest plugin for those who grade in CI: one test per check.

    pytest --lesson 02 --submission submitted/ --junitxml=grades.xml

Each check of each submission becomes a test whose failure text is the
check's targeted message, so any CI that reads JUnit XML shows the grades.
The judging path is `mlcourse grade`'s: same sandbox, same scores.
"""

from __future__ import annotations

from pathlib import Path

import pytest

_GRADER = None


def pytest_addoption(parser):
    group = parser.getgroup("mlcourse", "grading course submissions")
    group.addoption(
        "--submission",
        action="append",
        default=[],
        metavar="PATH",
        help="a submission (.ipynb or .py) or a folder of them; repeatable",
    )
    group.addoption("--lesson", metavar="NN", help="the lesson the submissions answer")


def pytest_configure(config):
    global _GRADER
    paths = config.getoption("submission", default=[])
    if not paths:
        return
    from autograder.course import load_course
    from autograder.errors import UserError
    from autograder.grade import Grader

    lesson_key = config.getoption("lesson")
    if not lesson_key:
        raise pytest.UsageError("--submission needs --lesson NN")
    course = load_course()
    try:
        config._mlcourse_lesson = course.lesson(lesson_key)
    except UserError as exc:
        raise pytest.UsageError(str(exc)) from None
    config._mlcourse_paths = {Path(p).resolve() for p in paths}
    config.args[:] = [str(Path(p).resolve()) for p in paths]
    _GRADER = Grader(course, torch=config._mlcourse_lesson.uses_torch)


def pytest_unconfigure(config):
    if _GRADER is not None:
        _GRADER.close()


def _is_submission(config, path: Path) -> bool:
    roots = getattr(config, "_mlcourse_paths", None)
    if not roots:
        return False
    if path.resolve() in roots:
        return path.suffix in (".ipynb", ".py")
    inside = any(root in path.resolve().parents for root in roots)
    return inside and path.suffix == ".ipynb" and ".ipynb_checkpoints" not in path.parts


def pytest_collect_file(file_path: Path, parent):
    if _is_submission(parent.config, file_path):
        return SubmissionFile.from_parent(parent, path=file_path)
    return None


class SubmissionFile(pytest.File):
    def collect(self):
        lesson = self.config._mlcourse_lesson
        result = _GRADER.grade_file(lesson, self.path)
        self.config._mlcourse_results = [
            *getattr(self.config, "_mlcourse_results", []),
            result,
        ]
        for check in result.checks:
            yield CheckItem.from_parent(self, name=check.check, check=check)


class CheckFailed(Exception):
    pass


class CheckItem(pytest.Item):
    def __init__(self, *, check, **kwargs):
        super().__init__(**kwargs)
        self.check = check
        self.user_properties += [
            ("points", check.points),
            ("max_points", check.max_points),
            ("hidden", check.hidden),
        ]

    def runtest(self):
        if not self.check.passed:
            raise CheckFailed(self.check.message)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, CheckFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"{self.check.exercise}: {self.check.check}"


def pytest_terminal_summary(terminalreporter, config):
    for result in getattr(config, "_mlcourse_results", []):
        line = f"{result.submission}: {result.score:g} / {result.max_score:g}"
        terminalreporter.write_line(
            line + (f" ({result.error})" if result.error else "")
        )
