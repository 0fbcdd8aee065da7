"""`mlcourse demo`: the whole loop on samples, in a work folder.

It releases every lesson with nbgrader, writes three submissions per lesson
(the solved notebook, the release stub, and a typical wrong answer: the
solved notebook with one of the lesson's known mistakes in it) as an nbgrader
`submitted/` tree, grades them in the sandbox into a SQLite gradebook with
feedback pages, exports the Canvas CSV and prints the table.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat

from .batch import grade_class
from .course import Course, Lesson
from .grade import Grader
from .gradebook import GradeStore, export_view
from .notebook import read_notebook
from .report import print_table

SAMPLES = ("solved", "stub", "wrong")


def _typical_mistake(grader: Grader, lesson: Lesson, solved):
    """The solved notebook with the first known mistake that runs as student code."""
    from .reference import checks_module
    from .solve import replace_cell, source_as

    for mistake in checks_module(lesson).MISTAKES:
        nb = replace_cell(
            solved, mistake.target, source_as(mistake.impl, mistake.target)
        )
        result = grader.grade_notebook(lesson, nb, "probe")
        if result.failures and not any(
            "NameError" in c.message for c in result.failures
        ):
            return nb
    raise RuntimeError(f"{lesson.id}: no mistake of the checks runs on its own")


def _write_samples(grader: Grader, lesson: Lesson, workdir: Path) -> list[Path]:
    from .solve import solved_notebook

    solved = solved_notebook(lesson)
    notebooks = {
        "solved": solved,
        "stub": read_notebook(
            workdir / "release" / lesson.id / f"{lesson.module}.ipynb"
        ),
        "wrong": _typical_mistake(grader, lesson, solved),
    }
    paths = []
    for student, nb in notebooks.items():
        path = workdir / "submitted" / student / lesson.id / f"{lesson.module}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def run_demo(course: Course, workdir: Path, jobs: int = 2) -> int:
    from .export import canvas
    from .release import release

    start = time.perf_counter()
    workdir = workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{workdir / 'gradebook.db'}"
    results = []
    with Grader(course, jobs=jobs) as grader:
        release(course, list(course.lessons), workdir)
        with GradeStore(course, url) as store:
            for lesson in course.lessons:
                paths = _write_samples(grader, lesson, workdir)
                entries = grade_class(
                    grader,
                    lesson,
                    paths,
                    store,
                    force=True,
                    feedback_root=workdir / "feedback",
                    progress=sys.stderr.isatty(),
                )
                results += [e.result for e in entries]
    csv_path = workdir / "grades-canvas.csv"
    with open(csv_path, "w", newline="", encoding="utf-8") as handle:
        canvas.write(export_view(course, url), handle)
    print_table(
        results,
        label=lambda r: Path(r.submission).relative_to(workdir / "submitted").parts[0],
    )
    seconds = time.perf_counter() - start
    print(
        f"\n{len(results)} submissions of {len(course.lessons)} lessons graded in {seconds:.1f} s\n"
        f"gradebook  {workdir / 'gradebook.db'}\nfeedback   {workdir / 'feedback'}\n"
        f"canvas csv {csv_path}"
    )
    return 0
