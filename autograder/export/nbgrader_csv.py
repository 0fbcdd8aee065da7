"""nbgrader's own CSV (`nbgrader export`), with proper quoting.

Same columns and order as nbgrader's CsvExportPlugin: one row per assignment and
student, assignment by assignment. As there, a student without a submission gets
0 with a blank timestamp, and `score` is `raw_score - late_submission_penalty`,
at least 0. nbgrader writes its rows with str.format, which breaks on a comma in
a name; here the `csv` module quotes them. nbgrader has no "excused": excused
grades get blank scores, with one warning.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import TextIO

from . import Gradebook, csv_writer, format_number, safe_cell

COLUMNS = [
    "assignment",
    "duedate",
    "timestamp",
    "student_id",
    "last_name",
    "first_name",
    "email",
    "raw_score",
    "late_submission_penalty",
    "score",
    "max_score",
]


def _when(moment) -> str:
    """nbgrader stores naive UTC datetimes and prints them with str()."""
    if moment is None:
        return ""
    if moment.tzinfo:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return str(moment)


def write(gradebook: Gradebook, out: TextIO | Path, **options) -> list[str]:
    """Write nbgrader's CSV; return warnings (excused grades)."""
    excused = 0
    with csv_writer(out) as writer:
        writer.writerow(COLUMNS)
        for lesson in gradebook.course.lessons:
            for student in gradebook.students:
                grade = gradebook.grade(student, lesson.id)
                if grade is not None and grade.excused:
                    excused += 1
                    scores = ["", "", ""]
                elif grade is None or grade.score is None:
                    scores = ["0", "0", "0"]
                else:
                    raw = grade.score + grade.penalty
                    scores = [
                        format_number(v) for v in (raw, grade.penalty, grade.score)
                    ]
                writer.writerow(
                    [
                        safe_cell(lesson.id),
                        _when(lesson.due),
                        _when(grade.timestamp if grade else None),
                        safe_cell(student.id),
                        safe_cell(student.last_name),
                        safe_cell(student.first_name),
                        safe_cell(student.email or ""),
                        *scores,
                        format_number(lesson.points),
                    ]
                )
    if excused:
        return [f"nbgrader: {excused} excused grade(s) written with blank scores"]
    return []
