"""LMS exports: every format written from one awkward gradebook and parsed back."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from autograder.course import Course, Exercise, Lesson, Limits, load_course
from autograder.errors import UserError
from autograder.export import (
    Grade,
    Gradebook,
    Student,
    blackboard,
    canvas,
    gradescope,
    moodle,
    nbgrader_csv,
    safe_cell,
)
from autograder.grade import SubmissionResult
from autograder.judge import CheckResult

FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+1", "-cmd", "@SUM(A1:A9)"]
NAMES = [
    ("Ana", "García, López"),
    ('Bob "The Builder"', "O'Neil"),
    ("Zoë", "Ærøskøbing"),
    ("Chloé", "D'Arcy"),
    *[("Eve", f) for f in FORMULAS],  # last names: they lead Canvas's Student
    ("-2.5e3x", "Minus"),
]


def _lesson(number: int, title: str, points: float, **lms) -> Lesson:
    slug = f"{number:02d}-lesson-{number}"
    return Lesson(
        slug,
        title,
        (Exercise("work", points, ("work",)),),
        Limits(),
        lms,
        Path("."),
        due=datetime(2027, 1, 15, 23, 59, tzinfo=UTC),
    )


LESSONS = (
    _lesson(1, "Linear regression", 10, canvas_assignment_id=10002,
            blackboard_column_id="_10002_1"),
    _lesson(2, 'Décision trees, "deep" ones', 150, canvas_assignment_id=10006,
            blackboard_column_id="_10006_1"),
    _lesson(3, "Gradient descent", 2.5, canvas_assignment_id=10008,
            blackboard_column_id="_10008_1"),
)  # fmt: skip
COURSE = Course("ml", "ML", LESSONS, {}, Path("."))


def _students() -> list[Student]:
    students = []
    for i in range(24):
        first, last = NAMES[i] if i < len(NAMES) else (f"Stu{i}", f"Dent{i}")
        students.append(
            Student(
                id=f"s{i:02d}",
                first_name=first,
                last_name=last,
                email=None if i % 6 == 5 else f"s{i:02d}@uni.example",
                sis_user_id="" if i % 8 == 7 else f"-{1000 + i}",  # numeric, negative
                sis_login_id=f"login{i}",
                section="=cmd|' /C calc'!A0" if i == 3 else "A",
                lms_user_id=str(500 + i),
            )
        )
    return students


def _grade(i: int, j: int, lesson: Lesson) -> Grade:
    if (i + j) % 7 == 0:
        return Grade(None, lesson.points)
    if (i + j) % 11 == 0:
        return Grade(None, lesson.points, excused=True)
    share = ((3 * i + j) % 5) / 4  # 0, 1/4, ..., 1: partial grades
    feedback = "=1+1 is not a formula" if i == 1 else f"ok {i}"
    return Grade(round(lesson.points * share, 2), lesson.points, feedback=feedback)


STUDENTS = _students()
GRADES = {
    (s.id, lesson.id): _grade(i, j, lesson)
    for i, s in enumerate(STUDENTS)
    for j, lesson in enumerate(LESSONS)
}
GRADES[("s02", LESSONS[0].id)] = Grade(-0.5, 10)  # a manual deduction
BOOK = Gradebook(COURSE, STUDENTS, GRADES)
DANGER = ("=", "+", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _write(module, tmp_path: Path, **options) -> tuple[bytes, list[list[str]], list]:
    path = tmp_path / f"{module.__name__}.csv"
    warnings = module.write(BOOK, path, **options)
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    assert "\r" not in text.replace('"\r"', "")  # "\n" line ends
    return raw, list(csv.reader(io.StringIO(text))), warnings


def _assert_safe(rows: list[list[str]], allow=("-",)) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(DANGER), cell
            if cell.startswith("-"):
                assert NUMBER.fullmatch(cell) or cell in allow, cell


def _expected(grade: Grade | None) -> str:
    if grade is None or grade.excused:
        return "EX" if grade else ""
    return "" if grade.score is None else f"{grade.score:g}"


# -- safe_cell ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-3", "-3"),
        ("-2.5", "-2.5"),
        (-3, "-3"),
        (-2.5, "-2.5"),
        (7.0, "7"),
        (0.1 + 0.2, "0.3"),
        (-0.0, "0"),
        ("O'Neil", "O'Neil"),
        (None, ""),
    ],
)
def test_safe_cell(value, written):
    assert safe_cell(value) == written


# -- Canvas ---------------------------------------------------------------------


def test_canvas_layout(tmp_path):
    raw, rows, warnings = _write(canvas, tmp_path)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert rows[0] == [
        "Student",
        "ID",
        "SIS User ID",
        "SIS Login ID",
        "Section",
        "Linear regression (10002)",
        'Décision trees, "deep" ones (10006)',
        "Gradient descent (10008)",
    ]
    assert rows[1] == ["Points Possible", "", "", "", "", "10", "150", "2.5"]
    assert len(rows) == 2 + len(STUDENTS) and warnings == []
    for student, row in zip(STUDENTS, rows[2:], strict=True):
        name = f"{student.last_name}, {student.first_name}"
        assert row[0] == safe_cell(name) and row[1] == student.lms_user_id
        assert row[2] == student.sis_user_id  # "-1000" stays a number
        assert row[5:] == [_expected(BOOK.grade(student, le.id)) for le in LESSONS]
    cells = [c for row in rows[2:] for c in row[5:]]
    assert {"EX", ""} <= set(cells) and "-0.5" in cells and "1.25" in cells
    assert rows[2 + 3][4] == "'=cmd|' /C calc'!A0"
    _assert_safe(rows, allow=())


@pytest.mark.parametrize(
    "title", ["Final Score", "current score sheet", "Bonus Points", "Grade boost"]
)
def test_canvas_refuses_reserved_titles(tmp_path, title):
    lesson = replace(LESSONS[0], title=title)
    book = replace(BOOK, course=replace(COURSE, lessons=(lesson,)))
    with pytest.raises(UserError, match=f"lesson {lesson.id}.*rename"):
        canvas.write(book, tmp_path / "c.csv")


def test_canvas_needs_assignment_ids(tmp_path):
    lesson = replace(LESSONS[1], lms={})
    book = replace(BOOK, course=replace(COURSE, lessons=(lesson,)))
    with pytest.raises(UserError, match=f"{lesson.id}.*canvas_assignment_id"):
        canvas.write(book, tmp_path / "c.csv")


def test_canvas_warns_about_name_only_matches(tmp_path):
    nobody = Student("s99", "No", "Ids")
    book = replace(BOOK, students=[nobody])
    assert canvas.write(book, io.StringIO()) == [
        "canvas: student s99 has no Canvas ID, SIS User ID or SIS Login ID; "
        "Canvas can match the row by name only"
    ]


def test_real_course_titles_are_accepted_by_canvas():
    course = load_course()
    book = Gradebook(course, STUDENTS[:2], {})
    out = io.StringIO()
    canvas.write(book, out)
    header = next(csv.reader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert len(header) == 5 + len(course.lessons)


# -- Moodle ---------------------------------------------------------------------


def test_moodle_by_email_with_feedback(tmp_path):
    raw, rows, warnings = _write(moodle, tmp_path, key="email", feedback=True)
    assert not raw.startswith(b"\xef\xbb\xbf")
    titles = [le.title for le in LESSONS]
    assert rows[0] == [
        "Email address",
        *[c for t in titles for c in (t, f"Feedback: {t}")],
    ]
    keyed = [s for s in STUDENTS if s.email]
    assert [r[0] for r in rows[1:]] == [s.email for s in keyed]
    assert all(row[0] for row in rows[1:])
    unkeyed = [s.id for s in STUDENTS if not s.email]
    assert warnings[0].startswith(f"moodle: {LESSONS[1].id} is worth 150 points")
    assert warnings[1:] == [
        f"moodle: left out student {sid}: no Email address" for sid in unkeyed
    ]
    for student, row in zip(keyed, rows[1:], strict=True):
        for k, lesson in enumerate(LESSONS):
            grade = BOOK.grade(student, lesson.id)
            value, feedback = row[1 + 2 * k], row[2 + 2 * k]
            if grade.score is None:
                assert value == "-"
                continue
            assert float(value) <= 100
            expected = grade.score * (100 / 150 if lesson.points > 100 else 1)
            assert float(value) == pytest.approx(expected, abs=0.01)
            assert feedback == safe_cell(grade.feedback)
    assert "'=1+1 is not a formula" in {c for row in rows for c in row}
    _assert_safe(rows)


def test_moodle_by_idnumber(tmp_path):
    _, rows, warnings = _write(moodle, tmp_path, key="idnumber", missing="")
    assert rows[0] == ["ID number", *[le.title for le in LESSONS]]
    assert [r[0] for r in rows[1:]] == [
        s.sis_user_id for s in STUDENTS if s.sis_user_id
    ]
    assert sum("left out" in w for w in warnings) == sum(
        not s.sis_user_id for s in STUDENTS
    )
    values = [c for row in rows[1:] for c in row[1:]]
    assert "" in values and "-" not in values
    assert all(float(v) <= 100 for v in values if v)


def test_moodle_rejects_unknown_key():
    with pytest.raises(UserError, match="key 'username'"):
        moodle.write(BOOK, io.StringIO(), key="username")


# -- Blackboard -----------------------------------------------------------------


def test_blackboard_layout(tmp_path):
    raw, rows, warnings = _write(blackboard, tmp_path)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert rows[0] == [
        "Last Name",
        "First Name",
        "Username",
        "Linear regression |_10002_1",
        'Décision trees, "deep" ones |_10006_1',
        "Gradient descent |_10008_1",
    ]
    first_line = raw.decode("utf-8-sig").split("\n")[0]
    assert first_line.startswith('"Last Name","First Name","Username",')
    for student, row in zip(STUDENTS, rows[1:], strict=True):
        assert row[:3] == [
            safe_cell(student.last_name),
            safe_cell(student.first_name),
            student.sis_login_id,
        ]
        for lesson, cell in zip(LESSONS, row[3:], strict=True):
            assert cell == _expected(BOOK.grade(student, lesson.id)).replace("EX", "")
    excused = sum(g.excused for g in GRADES.values())
    assert warnings == [
        f"blackboard: {excused} excused grade(s) left blank; the upload cannot "
        "exempt a grade, so exempt them in the Grade Center"
    ]
    _assert_safe(rows, allow=())


def test_blackboard_needs_column_ids():
    lesson = replace(LESSONS[2], lms={"canvas_assignment_id": 1})
    book = replace(BOOK, course=replace(COURSE, lessons=(lesson,)))
    with pytest.raises(UserError, match=f"{lesson.id}.*blackboard_column_id"):
        blackboard.write(book, io.StringIO())


# -- nbgrader -------------------------------------------------------------------


def test_nbgrader_csv(tmp_path):
    raw, rows, warnings = _write(nbgrader_csv, tmp_path)
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert rows[0] == nbgrader_csv.COLUMNS
    assert len(rows) == 1 + len(LESSONS) * len(STUDENTS)
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    first = records[0]
    assert first["assignment"] == LESSONS[0].id
    assert first["duedate"] == "2027-01-15 23:59:00"
    assert first["last_name"] == "García, López" and first["max_score"] == "10"
    by_key = {(r["student_id"], r["assignment"]): r for r in records}
    for (sid, lid), grade in GRADES.items():
        record = by_key[(sid, lid)]
        if grade.excused:
            assert record["score"] == ""
        elif grade.score is None:
            assert (record["raw_score"], record["score"], record["timestamp"]) == (
                "0",
                "0",
                "",
            )
        else:
            assert float(record["score"]) == pytest.approx(grade.score)
    assert [r["email"] for r in records if r["student_id"] == "s05"] == [""] * 3
    assert warnings == [
        f"nbgrader: {sum(g.excused for g in GRADES.values())} excused grade(s) "
        "written with blank scores"
    ]
    _assert_safe(rows, allow=())


def test_nbgrader_keeps_penalty_apart():
    book = replace(
        BOOK,
        students=STUDENTS[:1],
        grades={("s00", LESSONS[0].id): Grade(6.0, 10, penalty=2.0)},
    )
    out = io.StringIO()
    nbgrader_csv.write(book, out)
    row = list(csv.DictReader(io.StringIO(out.getvalue())))[0]
    assert (row["raw_score"], row["late_submission_penalty"], row["score"]) == (
        "8",
        "2",
        "6",
    )


# -- every CSV format: formulas -------------------------------------------------


@pytest.mark.parametrize("module", [canvas, moodle, blackboard, nbgrader_csv])
def test_formula_names_are_neutralised(tmp_path, module):
    _, rows, _ = _write(module, tmp_path)
    cells = {c for row in rows for c in row}
    for formula in FORMULAS:
        assert formula not in cells
        if module is not moodle:  # Moodle rows carry the key, not the name
            assert any(c.startswith("'" + formula) for c in cells), formula


# -- Gradescope -----------------------------------------------------------------

CHECKS = [
    CheckResult("fit", "fit-shape", 1.0, 1.0, True, False, ""),
    CheckResult("fit", "fit-values", 0.0, 2.0, False, True, "fit(X, y) returned 3"),
    CheckResult("predict", "predict-shape", 0.5, 0.5, True, True, ""),
    CheckResult("predict", "predict-bias", 0.0, 1.5, False, False, "missing bias"),
]
RESULT = SubmissionResult(
    "sub.ipynb", "02-linear-regression", 1.5, 5.0, None, CHECKS, 2.25
)


def test_gradescope_results(tmp_path):
    path = gradescope.write_results(RESULT, tmp_path / "results" / "results.json")
    data = json.loads(path.read_text())
    assert data["score"] == pytest.approx(RESULT.score)
    assert isinstance(data["execution_time"], (int, float))
    assert sum(t["score"] for t in data["tests"]) == pytest.approx(data["score"])
    assert sum(t["max_score"] for t in data["tests"]) == pytest.approx(RESULT.max_score)
    assert [t["number"] for t in data["tests"]] == ["1.1", "1.2", "2.1", "2.2"]
    assert [t["status"] for t in data["tests"]] == ["passed", "failed"] * 2
    assert [t["visibility"] for t in data["tests"]] == [
        "visible",
        "after_published",
        "after_published",
        "visible",
    ]
    assert data["tests"][1]["output"] == "fit(X, y) returned 3"
    assert data["tests"][3]["name"] == "predict: predict-bias"
    assert sorted(os.listdir(path.parent)) == ["results.json"]


def test_gradescope_write_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "results.json"
    path.write_text('{"score": 9}')

    def broken_replace(src, dst):
        raise OSError("disk gone")

    monkeypatch.setattr(gradescope.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk gone"):
        gradescope.write_results(RESULT, path)
    assert json.loads(path.read_text()) == {"score": 9}
    assert os.listdir(tmp_path) == ["results.json"]


def test_gradescope_failure_results():
    data = gradescope.failure_results("Grading failed: no notebook")
    assert data["score"] == 0 and data["tests"] == []
    assert data["visibility"] == "visible"
    assert data["output"] == "Grading failed: no notebook"
    assert json.loads(json.dumps(data)) == data


def test_gradescope_from_gradebook(tmp_path):
    warnings = gradescope.write_gradebook(BOOK, tmp_path)
    graded = [k for k, g in GRADES.items() if g.score is not None and not g.excused]
    files = sorted(tmp_path.rglob("results.json"))
    assert len(files) == len(graded)
    sid, lid = graded[0]
    data = json.loads((tmp_path / sid / lid / "results.json").read_text())
    assert data["score"] == GRADES[(sid, lid)].score
    assert warnings == [
        f"gradescope: {len(GRADES) - len(graded)} missing or excused grade(s) have no file"
    ]


def test_every_cli_format_has_a_module():
    import importlib

    from autograder.cli import EXPORTS

    for name in EXPORTS:
        module = importlib.import_module(f"autograder.export.{name}")
        assert callable(module.write)
