"""Seconds to grade one solved submission per lesson: mlcourse grade vs nbgrader autograde.

    python benchmarks/grade_speed.py [--repeat 5] [LESSON ...]

For each lesson it writes the solved notebook into a scratch course folder,
then measures, in one run on this machine:
- mlcourse: one submission through the sandbox, once the worker is up (median
  of --repeat), and the worker's one-off start-up;
- nbgrader: `nbgrader autograde` of the same notebook through its Python API,
  which starts a kernel and executes every cell (median of --repeat).
It prints a table and the ratio nbgrader / mlcourse.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import warnings
from pathlib import Path

import nbformat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")  # nbgrader's own database warnings

    from autograder.course import load_course
    from autograder.grade import Grader

    course = load_course()
    start = time.perf_counter()
    grader = Grader(course)
    startup = time.perf_counter() - start
    from autograder.release import nbgrader_config, release
    from autograder.solve import solved_notebook

    lessons = (
        [course.lesson(k) for k in args.lessons]
        if args.lessons
        else list(course.lessons)
    )
    root = Path(tempfile.mkdtemp(prefix="mlcourse-bench-"))
    release(course, lessons, root)
    rows = []
    for lesson in lessons:
        nb = solved_notebook(lesson)
        grader.grade_notebook(
            lesson, nb, "warm-up"
        )  # references computed once, not timed
        ours = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            result = grader.grade_notebook(lesson, nb, "solved")
            ours.append(time.perf_counter() - t)
        theirs = _autograde(course, lesson, nb, root, args.repeat, nbgrader_config)
        rows.append(
            (
                lesson.id,
                result.score,
                statistics.median(ours),
                statistics.median(theirs),
            )
        )
    grader.close()
    print(f"sandbox worker start-up (once per run): {startup:.2f} s\n")
    print(
        f"{'lesson':24s} {'score':>6s} {'mlcourse s':>11s} {'nbgrader s':>11s} {'ratio':>7s}"
    )
    for lesson_id, score, ours, theirs in rows:
        print(
            f"{lesson_id:24s} {score:6.2f} {ours:11.3f} {theirs:11.2f} {theirs / ours:6.0f}×"
        )


def _autograde(
    course, lesson, nb, root: Path, repeat: int, nbgrader_config
) -> list[float]:
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    config = nbgrader_config(course, root)
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    times = []
    for i in range(repeat):
        student = f"bench{i}"
        path = root / "submitted" / student / lesson.id / f"{lesson.module}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, path)
        t = time.perf_counter()
        outcome = api.autograde(lesson.id, student, force=True, create=True)
        times.append(time.perf_counter() - t)
        if not outcome["success"]:
            raise SystemExit(f"nbgrader autograde failed on {lesson.id}")
    return times


if __name__ == "__main__":
    main()
