"""A class of submissions graded both ways, side by side, in one run.

    python benchmarks/class_grading.py [--students 20] [--lesson 02]

Writes a scratch course folder with the lesson released and `--students`
submissions (solved, stub and wrong ones in turn), then times
`mlcourse grade` on the submitted/ tree and `nbgrader autograde` on the same
tree, each as the command an instructor would type.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

CONFIG = """from autograder.course import load_course
from autograder.release import nbgrader_config
from pathlib import Path
c = get_config()
c.merge(nbgrader_config(load_course(Path(__file__).parent / "course.yml"), Path(__file__).parent))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--lesson", default="02")
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.fixtures
    from autograder.course import load_course
    from autograder.release import release
    from autograder.solve import (
        lesson_notebook,
        replace_cell,
        solved_notebook,
        source_as,
    )
    from autograder.testing import fixtures_of

    course = load_course()
    lesson = course.lesson(args.lesson)
    root = Path(tempfile.mkdtemp(prefix="mlcourse-class-"))
    shutil.copytree(course.root / "source", root / "source")
    shutil.copy(course.root / "course.yml", root / "course.yml")
    (root / "nbgrader_config.py").write_text(CONFIG)
    release(course, [lesson], root)
    solved = solved_notebook(lesson)
    wrong = [f for f in fixtures_of(lesson.module) if not f.correct]
    for i in range(args.students):
        kind = i % 3
        nb = [solved, lesson_notebook(lesson), None][kind]
        if nb is None:
            f = wrong[i % len(wrong)]
            nb = replace_cell(solved, f.target, source_as(f.impl, f.target))
        path = root / "submitted" / f"s{i:03d}" / lesson.id / f"{lesson.module}.ipynb"
        path.parent.mkdir(parents=True)
        nbformat.write(nb, path)

    def timed(cmd: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(cmd, cwd=root, check=True, capture_output=True)
        return time.perf_counter() - start

    ours = timed(
        [
            sys.executable,
            "-m",
            "autograder.cli",
            "--course",
            str(root / "course.yml"),
            "grade",
            "--lesson",
            lesson.id,
            "--jobs",
            "2",
            str(root / "submitted"),
        ]
    )
    theirs = timed(
        [sys.executable, "-m", "nbgrader", "autograde", lesson.id, "--force"]
    )
    print(f"{args.students} submissions of {lesson.id}")
    print(f"mlcourse grade --jobs 2   {ours:7.1f} s")
    print(f"nbgrader autograde        {theirs:7.1f} s   ({theirs / ours:.1f}× longer)")


if __name__ == "__main__":
    main()
