"""Gradescope: the autograder bundle, and what its `run_autograder` runs.

`mlcourse gradescope-bundle LESSON` writes a zip with `setup.sh` and
`run_autograder` at its root and a copy of the course beside them. On
Gradescope, `run_autograder` grades the one submission in
`/autograder/submission` with the same sandbox and checks as `mlcourse grade`
and writes `/autograder/results/results.json` atomically; if grading itself
fails, a fallback results file says so to the student.
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

from .course import Course, Lesson

SETUP = """#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image.
set -euo pipefail
cd /autograder/source
python3 -m pip install --quiet ./mlcourse
"""

RUN = """#!/usr/bin/env bash
# Gradescope runs this for each submission; MLCOURSE_AUTOGRADER_ROOT moves /autograder (tests).
root="${{MLCOURSE_AUTOGRADER_ROOT:-/autograder}}"
exec python3 -m autograder.gradescope --lesson {lesson} \\
    --course "$root/source/mlcourse/course.yml" --root "$root"
"""

COURSE_FILES = ("pyproject.toml", "README.md", "course.yml")
COURSE_DIRS = ("autograder", "mlcourse_check", "solutions", "source")


def _add_tree(zf: zipfile.ZipFile, folder: Path, arcroot: str) -> None:
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_dir() or "__pycache__" in rel.parts or rel.parts[:1] == ("tests",):
            continue
        zf.write(path, f"{arcroot}/{rel.as_posix()}")


def build_bundle(course: Course, lesson: Lesson, output: Path) -> Path:
    """The zip Gradescope's "Configure Autograder" page takes."""
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in (
            ("setup.sh", SETUP),
            ("run_autograder", RUN.format(lesson=lesson.id)),
        ):
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o100755 << 16  # executable, as Gradescope requires
            zf.writestr(info, text)
        for name in COURSE_FILES:
            zf.write(course.root / name, f"mlcourse/{name}")
        for name in COURSE_DIRS:
            _add_tree(zf, course.root / name, f"mlcourse/{name}")
    return output


def _submission(root: Path, lesson: Lesson) -> Path:
    folder = root / "submission"
    found = sorted(folder.rglob(f"{lesson.module}.ipynb")) or sorted(
        folder.rglob("*.ipynb")
    )
    found = found or sorted(folder.rglob("*.py"))
    if not found:
        raise FileNotFoundError(
            f"no notebook in the submission; upload {lesson.module}.ipynb"
        )
    return found[0]


def run(lesson_id: str, course_yml: Path, root: Path) -> int:
    from .export.gradescope import failure_results, write_results

    results = root / "results" / "results.json"
    results.parent.mkdir(parents=True, exist_ok=True)
    try:
        from .course import load_course
        from .grade import Grader

        course = load_course(course_yml)
        lesson = course.lesson(lesson_id)
        path = _submission(root, lesson)
        with Grader(course, torch=lesson.uses_torch) as grader:
            result = grader.grade_file(lesson, path)
        write_results(result, results)
    except Exception as exc:  # the student must see why, never an empty page
        import json
        import os

        tmp = results.with_suffix(".tmp")
        tmp.write_text(json.dumps(failure_results(f"Grading failed: {exc}")))
        os.replace(tmp, results)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder.gradescope")
    parser.add_argument("--lesson", required=True)
    parser.add_argument("--course", required=True, type=Path)
    parser.add_argument("--root", default="/autograder", type=Path)
    args = parser.parse_args(argv)
    return run(args.lesson, args.course, args.root)


if __name__ == "__main__":
    sys.exit(main())
