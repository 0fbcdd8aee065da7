"""Gradescope `results.json`, following Gradescope's autograder specification.

- Top level: `score` (the sum of the tests' scores), `execution_time` (seconds,
  a number), `output` (text about the whole submission) and `tests`.
- One test per check: `name`, `number` ("exercise.check", which Gradescope
  sorts by), `score`, `max_score`, `status` ("passed"/"failed"), `output` (the
  check's one targeted message) and `visibility`: a hidden check is
  "after_published", so students see it only once grades are published; a
  visible check is "visible".
- `results/results.json` must exist when `run_autograder` ends, or the student
  sees a bare error: `write_results` replaces it atomically (a temporary file in
  the same folder, then os.replace), and `failure_results` is the fallback whose
  visible output says why grading failed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from autograder.grade import SubmissionResult

from . import Gradebook

SAFE_NAME = re.compile(r"[\w.@+-]+")


def _test(number: str, check, default_output: str) -> dict[str, Any]:
    return {
        "name": f"{check.exercise}: {check.check}",
        "number": number,
        "score": check.points,
        "max_score": check.max_points,
        "status": "passed" if check.passed else "failed",
        "visibility": "after_published" if check.hidden else "visible",
        "output": check.student_message or ("" if check.passed else default_output),
    }


def results(result: SubmissionResult) -> dict[str, Any]:
    """The results.json of one graded submission."""
    exercises: dict[str, int] = {}
    tests = []
    for check in result.checks:
        exercise = exercises.setdefault(check.exercise, len(exercises) + 1)
        count = sum(t["number"].startswith(f"{exercise}.") for t in tests)
        tests.append(_test(f"{exercise}.{count + 1}", check, "failed"))
    passed = sum(check.passed for check in result.checks)
    output = f"{passed} of {len(result.checks)} checks passed."
    if result.error:
        output = f"{result.error}\n{output}"
    return {
        "score": round(sum(t["score"] for t in tests), 6),
        "execution_time": round(float(result.seconds), 3),
        "output": output,
        "tests": tests,
    }


def failure_results(message: str) -> dict[str, Any]:
    """A fallback results.json whose output, visible now, says why grading failed."""
    return {
        "score": 0.0,
        "execution_time": 0,
        "output": message,
        "visibility": "visible",
        "tests": [],
    }


def write_json(data: dict[str, Any], path: Path | str) -> Path:
    """Write JSON atomically: a temporary file beside `path`, then os.replace."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".results-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def write_results(result: SubmissionResult, path: Path | str) -> Path:
    """Write one submission's results.json atomically."""
    return write_json(results(result), path)


def write(gradebook: Gradebook, out: Path | str, **options) -> list[str]:
    """Write `out/<student>/<lesson>/results.json` from stored grades (no checks).

    A stored grade has no per-check detail, so each file holds the score and a
    one-line output; students without a grade for a lesson get no file.
    """
    folder = Path(out)
    skipped, warnings = 0, []
    for student in gradebook.students:
        if not SAFE_NAME.fullmatch(student.id) or student.id in (".", ".."):
            warnings.append(f"gradescope: student id {student.id!r} is no folder name")
            continue
        for lesson in gradebook.course.lessons:
            grade = gradebook.grade(student, lesson.id)
            if grade is None or grade.excused or grade.score is None:
                skipped += 1
                continue
            data = {
                "score": grade.score,
                "execution_time": 0,
                "output": grade.feedback
                or f"{lesson.title}: {grade.score:g} of {grade.max_score:g} points",
                "tests": [],
            }
            write_json(data, folder / student.id / lesson.id / "results.json")
    if skipped:
        warnings.append(
            f"gradescope: {skipped} missing or excused grade(s) have no file"
        )
    return warnings


write_gradebook = write  # the name `mlcourse export --to gradescope` calls
