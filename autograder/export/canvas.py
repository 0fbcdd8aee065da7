"""Canvas gradebook CSV (Grades > Import).

The layout is the one Canvas's own gradebook export has, which is what its
importer reads back:

- identity columns `Student` ("Last, First"), `ID` (Canvas's user id), `SIS User
  ID`, `SIS Login ID`, `Section`; Canvas matches a row by ID, SIS User ID or SIS
  Login ID, and by name only when those are blank;
- one column per assignment titled `Title (assignment id)`, so the import updates
  that assignment instead of creating a new one;
- a second row `Points Possible` with each assignment's points;
- `EX` marks an excused grade; a blank cell leaves the grade as it is.

Canvas treats columns named like its computed totals (Current Score, Final Score,
Override Score, Unposted ..., ... Points, ... Grade) as read-only and ignores
them, so a lesson titled that way would be lost: we refuse it.
Canvas reads UTF-8 (its CSV docs); we add a byte-order mark, as Canvas's own
exports do when "Include Byte-Order Mark" is on, so Excel shows accents.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TextIO

from autograder.course import Lesson
from autograder.errors import UserError

from . import Gradebook, Student, csv_writer, display_name, format_number, safe_cell

IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
RESERVED = re.compile(
    r"current score|final score|override score|unposted|\bpoints?\b|\bgrades?\b",
    re.IGNORECASE,
)


def column_title(lesson: Lesson) -> str:
    """'Linear regression (10002)'; refuses titles Canvas would ignore."""
    found = RESERVED.search(lesson.title)
    if found:
        raise UserError(
            f"lesson {lesson.id}: Canvas ignores columns whose title contains "
            f"{found.group(0)!r}; rename the lesson's title in course.yml"
        )
    assignment = lesson.lms.get("canvas_assignment_id")
    if assignment in (None, ""):
        raise UserError(
            f"lesson {lesson.id}: no Canvas assignment id; add "
            "lms: {canvas_assignment_id: <id>} to the lesson in course.yml"
        )
    return f"{lesson.title} ({assignment})"


def _identity(student: Student) -> list[str]:
    return [
        safe_cell(display_name(student)),
        safe_cell(student.lms_user_id),
        safe_cell(student.sis_user_id),
        safe_cell(student.sis_login_id),
        safe_cell(student.section),
    ]


def write(gradebook: Gradebook, out: TextIO | Path, **options) -> list[str]:
    """Write the Canvas CSV; return warnings (students Canvas can match by name only)."""
    lessons = gradebook.course.lessons
    titles = [safe_cell(column_title(lesson)) for lesson in lessons]
    warnings = []
    with csv_writer(out, bom=options.get("bom", True)) as writer:
        writer.writerow(IDENTITY + titles)
        writer.writerow(
            ["Points Possible"]
            + [""] * (len(IDENTITY) - 1)
            + [format_number(lesson.points) for lesson in lessons]
        )
        for student in gradebook.students:
            if not (student.lms_user_id or student.sis_user_id or student.sis_login_id):
                warnings.append(
                    f"canvas: student {student.id} has no Canvas ID, SIS User ID or "
                    "SIS Login ID; Canvas can match the row by name only"
                )
            cells = []
            for lesson in lessons:
                grade = gradebook.grade(student, lesson.id)
                if grade is not None and grade.excused:
                    cells.append("EX")
                elif grade is None or grade.score is None:
                    cells.append("")
                else:
                    cells.append(format_number(grade.score))
            writer.writerow(_identity(student) + cells)
    return warnings
