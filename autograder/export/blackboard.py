"""Blackboard Grade Center CSV (Work Offline > Upload).

- `Last Name`, `First Name`, `Username`: Blackboard matches rows by Username and
  fails the upload if one is missing, so every row has one (the SIS login, else
  the nbgrader id); changes to the name columns are not processed.
- One column per lesson titled `Title |column_id`: the column id ties it to an
  existing Grade Center column; without one, Blackboard creates a new text
  column worth 0 points, so a lesson without `blackboard_column_id` is refused.
- Blackboard's docs ask that every field of a comma-delimited file be inside
  quote characters: we quote all fields (csv.QUOTE_ALL). UTF-8 with a BOM.
- The upload cannot mark a grade exempt: excused grades are left blank (no
  change), with a warning; a missing grade is blank too.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TextIO

from autograder.course import Lesson
from autograder.errors import UserError

from . import Gradebook, csv_writer, format_number, safe_cell

IDENTITY = ["Last Name", "First Name", "Username"]


def column_title(lesson: Lesson) -> str:
    """'Linear regression |_10002_1'."""
    column = lesson.lms.get("blackboard_column_id")
    if column in (None, ""):
        raise UserError(
            f"lesson {lesson.id}: no Blackboard column id; add "
            "lms: {blackboard_column_id: _<n>_1} to the lesson in course.yml "
            "(the id is in the Grade Center column's Column Information)"
        )
    return f"{lesson.title} |{column}"


def write(gradebook: Gradebook, out: TextIO | Path, **options) -> list[str]:
    """Write the Blackboard CSV; return warnings (excused grades left blank)."""
    lessons = gradebook.course.lessons
    header = IDENTITY + [safe_cell(column_title(lesson)) for lesson in lessons]
    excused = 0
    with csv_writer(out, bom=True, quoting=csv.QUOTE_ALL) as writer:
        writer.writerow(header)
        for student in gradebook.students:
            row = [
                safe_cell(student.last_name),
                safe_cell(student.first_name),
                safe_cell(student.sis_login_id or student.id),
            ]
            for lesson in lessons:
                grade = gradebook.grade(student, lesson.id)
                excused += bool(grade and grade.excused)
                if grade is None or grade.excused or grade.score is None:
                    row.append("")
                else:
                    row.append(format_number(grade.score))
            writer.writerow(row)
    if excused:
        return [
            f"blackboard: {excused} excused grade(s) left blank; the upload cannot "
            "exempt a grade, so exempt them in the Grade Center"
        ]
    return []
