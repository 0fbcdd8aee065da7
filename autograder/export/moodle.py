"""Moodle grade import CSV (Grades > Import > CSV file).

- One row per student, keyed by the column the importer maps the user from:
  `Email address` (key="email", mapped to "useremail") or `ID number`
  (key="idnumber", the profile's ID number, our `sis_user_id`). Moodle compares
  emails case-sensitively (MDL-29315), so they are written as stored. A student
  without the key gets no row, since the import could not place it; each such
  student is one warning.
- One column per lesson, headed by its title, for the "Map to" step.
- Moodle refuses grades above a grade item's maximum (100 by default) unless the
  site allows unlimited grades; a lesson worth more than 100 points is written
  as a percentage (score / max * 100), with a warning.
- `-` is Moodle's own "no grade" mark (option missing=...); excused grades get it
  too, since the CSV import has no excused state.
- feedback=True adds `Feedback: <title>` after each lesson's column; Moodle asks
  that feedback be imported together with its grades, which this keeps.
- No "Last downloaded from this course" column: it is only needed to refuse
  stale re-imports of Moodle's own exports.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from autograder.errors import UserError

from . import Grade, Gradebook, Student, csv_writer, format_number, safe_cell

KEYS = {"email": "Email address", "idnumber": "ID number"}
MAX_GRADE = 100.0


def _key(student: Student, key: str) -> str:
    return (student.email or "") if key == "email" else student.sis_user_id


def _value(grade: Grade | None, percent: bool, missing: str) -> str:
    if grade is None or grade.excused or grade.score is None:
        return missing
    score = grade.score / grade.max_score * 100 if percent else grade.score
    return format_number(round(min(score, MAX_GRADE) if percent else score, 2))


def write(
    gradebook: Gradebook,
    out: TextIO | Path,
    *,
    key: str = "email",
    feedback: bool = False,
    missing: str = "-",
    **options,
) -> list[str]:
    """Write the Moodle CSV; return warnings (percent columns, students left out)."""
    if key not in KEYS:
        raise UserError(f"moodle: key {key!r} is not one of {', '.join(KEYS)}")
    missing = missing if missing in ("-", "") else safe_cell(missing)
    lessons = gradebook.course.lessons
    percent = {lesson.id: lesson.points > MAX_GRADE for lesson in lessons}
    warnings = [
        f"moodle: {lesson.id} is worth {lesson.points:g} points, above Moodle's "
        f"{MAX_GRADE:g}; its column holds percentages (score / max x 100)"
        for lesson in lessons
        if percent[lesson.id]
    ]
    header = [KEYS[key]]
    for lesson in lessons:
        header.append(safe_cell(lesson.title))
        if feedback:
            header.append(safe_cell(f"Feedback: {lesson.title}"))
    seen: set[str] = set()
    with csv_writer(out) as writer:
        writer.writerow(header)
        for student in gradebook.students:
            value = _key(student, key)
            if not value or value in seen:
                why = "a second row with" if value else "no"
                warnings.append(
                    f"moodle: left out student {student.id}: {why} {KEYS[key]}"
                    + (f" {value}" if value else "")
                )
                continue
            seen.add(value)
            row = [safe_cell(value)]
            for lesson in lessons:
                grade = gradebook.grade(student, lesson.id)
                row.append(_value(grade, percent[lesson.id], missing))
                if feedback:
                    row.append(safe_cell(grade.feedback if grade else ""))
            writer.writerow(row)
    return warnings
