"""Grades into nbgrader's gradebook, one transaction per submission, resumable.

Scores land where nbgrader keeps them (the `auto_score` of each test cell's
grade), so `nbgrader export`, formgrader and our exports read the same
numbers. A marker row per (student, lesson) holds the content hash of the
graded notebook and is written in the same commit as the grades: a rerun skips
what has not changed, and a grader killed at any moment resumes without losing
or double-counting anything.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from .course import Course, Lesson
from .grade import SubmissionResult

MARKERS = text(
    "CREATE TABLE IF NOT EXISTS mlcourse_graded ("
    " student TEXT NOT NULL, lesson TEXT NOT NULL, digest TEXT NOT NULL,"
    " graded_at TEXT NOT NULL, PRIMARY KEY (student, lesson))"
)


def digest_of(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def default_url(course: Course) -> str:
    return f"sqlite:///{course.root / 'gradebook.db'}"


class GradeStore:
    def __init__(self, course: Course, url: str | None = None):
        import warnings

        from nbgrader.api import Gradebook
        from sqlalchemy.exc import SAWarning

        warnings.filterwarnings(
            "ignore", category=SAWarning
        )  # nbgrader's own session use
        self.course = course
        self.gb = Gradebook(url or default_url(course), course_id=course.id)
        self.gb.db.execute(MARKERS)
        self.gb.db.commit()

    def close(self) -> None:
        self.gb.close()

    def __enter__(self) -> GradeStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def is_current(self, student: str, lesson: Lesson, digest: str) -> bool:
        row = self.gb.db.execute(
            text(
                "SELECT digest FROM mlcourse_graded WHERE student = :s AND lesson = :l"
            ),
            {"s": student, "l": lesson.id},
        ).first()
        return row is not None and row[0] == digest

    def _ensure_assignment(self, lesson: Lesson) -> None:
        """The lesson's notebook and test cells, as nbgrader's release records them."""
        gb = self.gb
        gb.update_or_create_assignment(lesson.id)
        gb.update_or_create_notebook(lesson.module, lesson.id)
        for exercise in lesson.exercises:
            gb.update_or_create_grade_cell(
                f"check_{exercise.name}",
                lesson.module,
                lesson.id,
                max_score=exercise.points,
                cell_type="code",
            )

    def record(
        self,
        student: str,
        result: SubmissionResult,
        digest: str,
        *,
        timestamp: datetime | None = None,
        penalty: float = 0.0,
    ) -> None:
        """Store one submission's scores and its marker in one commit."""
        lesson = self.course.lesson(result.lesson)
        gb = self.gb
        try:
            self._ensure_assignment(lesson)
            gb.update_or_create_student(student)
            kwargs = {"timestamp": timestamp} if timestamp else {}
            gb.update_or_create_submission(lesson.id, student, **kwargs)
            earned: dict[str, float] = {}
            for check in result.checks:
                earned[check.exercise] = earned.get(check.exercise, 0.0) + check.points
            for exercise in lesson.exercises:
                grade = gb.find_grade(
                    f"check_{exercise.name}", lesson.module, lesson.id, student
                )
                grade.auto_score = round(earned.get(exercise.name, 0.0), 6)
            notebook = gb.find_submission_notebook(lesson.module, lesson.id, student)
            notebook.late_submission_penalty = round(penalty, 6) or None
            gb.db.execute(
                text(
                    "INSERT INTO mlcourse_graded (student, lesson, digest, graded_at)"
                    " VALUES (:s, :l, :d, :t) ON CONFLICT (student, lesson)"
                    " DO UPDATE SET digest = :d, graded_at = :t"
                ),
                {
                    "s": student,
                    "l": lesson.id,
                    "d": digest,
                    "t": datetime.now().isoformat(),
                },
            )
            gb.db.commit()
        except BaseException:
            gb.db.rollback()
            raise


def read_roster(path: Path | None) -> dict[str, dict[str, str]]:
    """Optional roster CSV: `id` plus any of first_name, last_name, email,
    sis_user_id, sis_login_id, section, lms_user_id."""
    import csv

    if path is None:
        return {}
    from .errors import UserError

    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as exc:
        raise UserError(f"{path}: cannot read the roster ({exc.strerror})") from None
    if rows and "id" not in rows[0]:
        raise UserError(
            f"{path}: the roster needs an `id` column (the nbgrader student id)"
        )
    return {row["id"]: {k: (v or "") for k, v in row.items() if k} for row in rows}


def export_view(
    course: Course,
    url: str | None = None,
    roster: Path | None = None,
    excused: set[tuple[str, str]] = frozenset(),
):
    """Students and their grades per lesson, as the export formats take them."""
    from nbgrader.api import Gradebook as NbGradebook
    from nbgrader.api import MissingEntry

    from .export import Grade, Gradebook, Student

    people = read_roster(roster)
    students, grades = [], {}
    with NbGradebook(url or default_url(course), course_id=course.id) as gb:
        ids = sorted({s.id for s in gb.students} | set(people))
        for sid in ids:
            record = people.get(sid, {})
            try:
                stored = gb.find_student(sid)
                known = {
                    "first_name": stored.first_name or "",
                    "last_name": stored.last_name or "",
                    "email": stored.email,
                    "lms_user_id": stored.lms_user_id or "",
                }
            except MissingEntry:
                known = {}
            fields = {**known, **{k: v for k, v in record.items() if v and k != "id"}}
            students.append(
                Student(
                    id=sid,
                    first_name=fields.get("first_name", ""),
                    last_name=fields.get("last_name", ""),
                    email=fields.get("email") or None,
                    sis_user_id=fields.get("sis_user_id", ""),
                    sis_login_id=fields.get("sis_login_id", ""),
                    section=fields.get("section", ""),
                    lms_user_id=fields.get("lms_user_id", ""),
                )
            )
            for lesson in course.lessons:
                try:
                    sub = gb.find_submission(lesson.id, sid)
                except MissingEntry:
                    grades[(sid, lesson.id)] = Grade(
                        score=None,
                        max_score=lesson.points,
                        excused=(sid, lesson.id) in excused,
                    )
                    continue
                penalty = sub.late_submission_penalty or 0.0
                grades[(sid, lesson.id)] = Grade(
                    score=max(0.0, sub.score - penalty),
                    max_score=lesson.points,
                    excused=(sid, lesson.id) in excused,
                    penalty=penalty,
                    timestamp=sub.timestamp,
                )
    return Gradebook(course=course, students=students, grades=grades)
