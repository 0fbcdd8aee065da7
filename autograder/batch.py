"""Grading a class: skip what is unchanged, grade the rest, store and give feedback.

Input is an nbgrader `submitted/<student>/<lesson>/` tree (or files inside
one): the student id is the folder above the lesson's, and nbgrader's
`timestamp.txt` beside the notebook dates the submission for the late policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tqdm import tqdm

from .course import Lesson
from .feedback import render, write
from .grade import Grader, SubmissionResult
from .gradebook import GradeStore, digest_of
from .notebook import read_notebook


@dataclass
class Entry:
    path: Path
    student: str | None
    result: SubmissionResult | None = None  # None: unchanged since the last run
    late_note: str = ""


def student_of(path: Path, lesson: Lesson) -> str | None:
    parts = Path(path).resolve().parts
    if lesson.id in parts[:-1]:
        i = len(parts) - 2 - parts[:-1][::-1].index(lesson.id)
        return parts[i - 1] if i >= 1 else None
    return None


def timestamp_of(path: Path) -> datetime | None:
    stamp = Path(path).parent / "timestamp.txt"
    if not stamp.is_file():
        return None
    from nbgrader.utils import parse_utc

    try:
        value = parse_utc(stamp.read_text().strip())
    except (ValueError, TypeError, OverflowError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def apply_late_policy(lesson: Lesson, entry: Entry) -> None:
    submitted = timestamp_of(entry.path)
    if lesson.due is None or submitted is None or entry.result is None:
        return
    days_late = (submitted - lesson.due).total_seconds() / 86400
    penalty, note = lesson.late.penalty(entry.result.score, days_late)
    entry.result.penalty = round(penalty, 6)
    entry.late_note = note


def grade_class(
    grader: Grader,
    lesson: Lesson,
    paths: list[Path],
    store: GradeStore | None,
    *,
    force: bool = False,
    feedback_root: Path | None = None,
    progress: bool = True,
) -> list[Entry]:
    """Grade every changed submission; one gradebook commit per submission."""
    entries = [Entry(Path(p), student_of(Path(p), lesson)) for p in paths]
    digests = {e.path: digest_of(e.path) if e.path.is_file() else "" for e in entries}
    todo = [
        e
        for e in entries
        if force
        or not (
            store and e.student and store.is_current(e.student, lesson, digests[e.path])
        )
    ]
    bar = tqdm(
        total=len(todo), desc=f"grading {lesson.id}", unit="sub", disable=not progress
    )
    failures = 0
    by_path = {e.path: e for e in todo}
    for result in grader.grade_many(lesson, [e.path for e in todo]):
        entry = by_path[Path(result.submission)]
        entry.result = result
        apply_late_policy(lesson, entry)
        if store and entry.student:
            store.record(
                entry.student,
                result,
                digests[entry.path],
                timestamp=timestamp_of(entry.path),
                penalty=result.penalty,
            )
        if feedback_root and entry.student:
            figures = (
                grader.figures(lesson, read_notebook(entry.path))
                if not result.error
                else []
            )
            page = render(result, entry.student, lesson.title, entry.late_note, figures)
            write(
                feedback_root
                / entry.student
                / lesson.id
                / f"{lesson.module}.mlcourse.html",
                page,
            )
        failures += result.score < result.max_score
        bar.set_postfix(failures=failures)
        bar.update()
    bar.close()
    return entries
