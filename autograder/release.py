"""Releases: nbgrader's own student version of each lesson, plus what it needs.

`nbgrader generate_assignment` (through its Python API, configured from
course.yml) writes the student notebooks; then each released lesson gets its
visible-check fixture (`<lesson>.checks.json`) and a copy of the check
runtime (`mlcourse_check/`), so the notebook runs with nothing of this
repository installed.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import mlcourse_check

from .course import Course, Lesson, load_course
from .errors import CourseError

log = logging.getLogger(__name__)
STUB = "# YOUR CODE HERE\nraise NotImplementedError()"


def nbgrader_config(course: Course, root: Path | None = None):
    """nbgrader's configuration, derived from course.yml (never a second source)."""
    from traitlets.config import Config

    c = Config()
    c.CourseDirectory.root = str(root or course.root)
    c.CourseDirectory.course_id = course.id
    c.CourseDirectory.ignore = [
        ".ipynb_checkpoints",
        "*.pyc",
        "__pycache__",
        "feedback",
        *sorted({lesson.source_py.name for lesson in course.lessons}),
    ]
    c.Exchange.root = str(Path(root or course.root) / "exchange")
    c.ClearSolutions.code_stub = {"python": STUB}
    c.ClearHiddenTests.enforce_metadata = True
    c.Autograde.autograde_preprocessors = _autograde_preprocessors()
    c.Execute.timeout = 600
    c.Execute.interrupt_on_timeout = True
    c.ClearMetadataPreprocessor.enabled = False
    return c


def _autograde_preprocessors() -> list:
    """nbgrader's autograde steps, with an executor that skips train and plot cells."""
    from nbgrader.converters import Autograde

    from .nbgrader_ext import ExecuteAnswers

    steps = Autograde.class_traits()["autograde_preprocessors"].default()
    return [ExecuteAnswers if step.__name__ == "Execute" else step for step in steps]


def configure(c) -> None:
    """Called by the repository's nbgrader_config.py."""
    c.merge(nbgrader_config(load_course()))


def check_in_sync(lesson: Lesson) -> None:
    """The committed .ipynb must be what the .py says; else say how to fix it."""
    import jupytext

    from .notebook import read_notebook

    if not lesson.notebook.is_file():
        raise CourseError(
            f"{lesson.notebook} is missing; run: jupytext --to ipynb {lesson.source_py}"
        )
    py, nb = jupytext.read(lesson.source_py), read_notebook(lesson.notebook)
    strip = [
        (c.cell_type, c.source, c.metadata.get("nbgrader"), c.metadata.get("tags"))
        for c in py.cells
    ]
    other = [
        (c.cell_type, c.source, c.metadata.get("nbgrader"), c.metadata.get("tags"))
        for c in nb.cells
    ]
    if strip != other:
        raise CourseError(
            f"{lesson.notebook} differs from {lesson.source_py.name}; "
            f"run: jupytext --to ipynb {lesson.source_py}"
        )


def _copy_source(lesson: Lesson, root: Path) -> None:
    """Put the lesson's source folder under another course root."""
    target = root / "source" / lesson.id
    if target.resolve() == lesson.folder.resolve():
        return
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints")
    shutil.copytree(lesson.folder, target, ignore=ignore, dirs_exist_ok=True)


def add_runtime(lesson: Lesson, folder: Path) -> None:
    """Write the visible-check fixture and the check runtime beside the notebook."""
    from .fixtures import visible_fixture

    (folder / f"{lesson.id}.checks.json").write_text(
        json.dumps(visible_fixture(lesson.id))
    )
    runtime = Path(mlcourse_check.__file__).parent
    shutil.rmtree(folder / "mlcourse_check", ignore_errors=True)
    shutil.copytree(
        runtime, folder / "mlcourse_check", ignore=shutil.ignore_patterns("__pycache__")
    )


def release(
    course: Course, lessons: list[Lesson], root: Path | None = None
) -> list[Path]:
    """Release `lessons` into `<root>/release/<id>/`; returns the folders written."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    root = Path(root or course.root).resolve()
    (root / "exchange").mkdir(parents=True, exist_ok=True)
    config = nbgrader_config(course, root)
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    folders = []
    for lesson in lessons:
        check_in_sync(lesson)
        _copy_source(lesson, root)
        outcome = api.generate_assignment(lesson.id, force=True, create=True)
        if not outcome.get("success"):
            last = (
                (outcome.get("error") or outcome.get("log") or "unknown error")
                .strip()
                .splitlines()[-1]
            )
            raise CourseError(f"nbgrader could not release {lesson.id}: {last}")
        folder = root / "release" / lesson.id
        add_runtime(lesson, folder)
        folders.append(folder)
        log.info("released %s into %s", lesson.id, folder)
    return folders
