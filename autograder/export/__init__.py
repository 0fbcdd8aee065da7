"""LMS export: the gradebook as the formats take it, and a CSV writer that is safe.

Every CSV goes through `csv_writer`: the `csv` module quotes what needs quoting
(QUOTE_MINIMAL unless a platform asks for more), lines end in "\\n", the text is
UTF-8, and a byte-order mark is written where the platform's files carry one.
Every text cell goes through `safe_cell`, so a name such as `=HYPERLINK(...)`
reaches the spreadsheet as text, never as a formula (OWASP, "CSV Injection").
"""

from __future__ import annotations

import contextlib
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from autograder.course import Course

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


@dataclass(frozen=True)
class Student:
    id: str  # the nbgrader student id
    first_name: str = ""
    last_name: str = ""
    email: str | None = None
    sis_user_id: str = ""  # the institution's id (Canvas SIS User ID, Moodle ID number)
    sis_login_id: str = ""  # the login (Canvas SIS Login ID, Blackboard Username)
    section: str = ""
    lms_user_id: str = ""  # the LMS's own user id (Canvas ID)


@dataclass(frozen=True)
class Grade:
    score: float | None  # None: no grade (no submission)
    max_score: float
    excused: bool = False
    feedback: str = ""
    # NOTE: optional extras for nbgrader's CSV; `score` is already net of `penalty`.
    penalty: float = 0.0
    timestamp: datetime | None = None


@dataclass(frozen=True)
class Gradebook:
    course: Course
    students: list[Student]
    grades: dict[tuple[str, str], Grade]  # (student id, lesson id) -> grade

    def grade(self, student: Student, lesson_id: str) -> Grade | None:
        return self.grades.get((student.id, lesson_id))


def format_number(value: float) -> str:
    """A number as a plain decimal: 7, 7.5, -2.25 (never 7.0 or 1e-07)."""
    value = round(float(value), 6) + 0.0  # + 0.0 turns -0.0 into 0.0
    if value.is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0")


def safe_cell(value: Any) -> str:
    """The text of one cell, never read as a formula by a spreadsheet.

    Numbers are written as numbers (negative ones too). A text cell that starts
    with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe,
    which Excel, LibreOffice and Google Sheets show as text (OWASP's advice); a
    text that is a plain number, like "-3" or "-2.5", is left alone.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return format_number(value)
    text = str(value)
    if text.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


@contextlib.contextmanager
def csv_writer(
    out: TextIO | Path | str, *, bom: bool = False, quoting: int = csv.QUOTE_MINIMAL
) -> Iterator[Any]:
    """A `csv.writer` on `out` (an open text file or a path), UTF-8, "\\n" lines."""
    with contextlib.ExitStack() as stack:
        if isinstance(out, (str, Path)):
            out = stack.enter_context(open(out, "w", newline="", encoding="utf-8"))
        if bom:
            out.write(BOM)
        yield csv.writer(out, quoting=quoting, lineterminator="\n")


def display_name(student: Student) -> str:
    """'Last, First', as Canvas and Blackboard list students; the id if unnamed."""
    names = [n for n in (student.last_name, student.first_name) if n]
    return ", ".join(names) or student.id
