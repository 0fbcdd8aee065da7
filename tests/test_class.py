"""A whole class, end to end: grade into the gradebook, rerun, export every format."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import nbformat
import pytest
import yaml

from autograder.course import load_course
from autograder.solve import lesson_notebook, replace_cell, solved_notebook, source_as
from autograder.testing import fixtures_of

COURSE = load_course()
LESSON = COURSE.lesson("02-linear-regression")
NAMES = [
    ("Zoë", "García, López"),
    ('Bob "The Builder"', "O'Neil"),
    ('=HYPERLINK("x")', "Evil"),
    ("+1", "Plus"),
    ("-cmd", "Minus"),
    ("@SUM(A1)", "At"),
    ("Ångström", "Ébène"),
]


def mlcourse(root, *args):
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "autograder.cli",
            "--course",
            str(root / "course.yml"),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    shutil.copytree(COURSE.root / "source", root / "source")
    data = yaml.safe_load((COURSE.root / "course.yml").read_text())
    for lesson in data["lessons"]:
        lesson["due"] = "2027-01-15T23:59:00+00:00"
    (root / "course.yml").write_text(yaml.safe_dump(data, allow_unicode=True))
    solved = solved_notebook(LESSON)
    wrong = [f for f in fixtures_of(LESSON.module) if not f.correct]
    roster = [
        [
            "id",
            "first_name",
            "last_name",
            "email",
            "sis_user_id",
            "sis_login_id",
            "section",
        ]
    ]
    kinds = {}
    for i in range(24):
        sid = f"s{i:02d}"
        first, last = NAMES[i % len(NAMES)]
        email = "" if i % 11 == 5 else f"{sid}@uni.example"
        roster.append(
            [sid, first, last, email, f"9{i:03d}", f"login{i}", "A" if i % 2 else "B"]
        )
        kind = ["solved", "stub", "wrong", "missing", "late", "corrupt"][i % 6]
        kinds[sid] = kind
        if kind == "missing":
            continue
        folder = root / "submitted" / sid / LESSON.id
        folder.mkdir(parents=True)
        path = folder / f"{LESSON.module}.ipynb"
        if kind == "corrupt":
            path.write_text('{"cells": [')
            continue
        fixture = wrong[i % len(wrong)]
        nb = {
            "solved": solved,
            "late": solved,
            "stub": lesson_notebook(LESSON),
            "wrong": replace_cell(
                solved, fixture.target, source_as(fixture.impl, fixture.target)
            ),
        }[kind]
        nbformat.write(nb, path)
        stamp = (
            "2027-01-18 10:00:00.000000 UTC"
            if kind == "late"
            else "2027-01-14 10:00:00.000000 UTC"
        )
        (folder / "timestamp.txt").write_text(stamp)
    with open(root / "roster.csv", "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(roster)
    run = mlcourse(root, "grade", "--lesson", "02", "--json", str(root / "submitted"))
    assert run.returncode == 0, run.stderr
    return (
        root,
        kinds,
        {r["submission"].split("/")[-3]: r for r in json.loads(run.stdout)},
    )


def test_scores_by_kind(klass):
    root, kinds, results = klass
    for sid, kind in kinds.items():
        if kind == "missing":
            assert sid not in results
            continue
        score = results[sid]["score"]
        expected = {"solved": 10, "late": 10, "stub": 0, "corrupt": 0}.get(kind)
        if expected is None:
            assert 0 < score < 10, (sid, score)
        else:
            assert score == expected, (sid, kind, score)
    assert (
        root / "feedback" / "s04" / LESSON.id / f"{LESSON.module}.mlcourse.html"
    ).is_file()
    page = (
        root / "feedback" / "s04" / LESSON.id / f"{LESSON.module}.mlcourse.html"
    ).read_text()
    assert "days late" in page


def test_rerun_skips_unchanged_and_counts_nothing_twice(klass):
    root, kinds, _ = klass
    run = mlcourse(root, "grade", "--lesson", "02", str(root / "submitted"))
    assert "unchanged since the last run" in run.stdout
    assert run.stdout.count("/ 10") == 0


def _export(root, fmt, *extra):
    out = root / f"out-{fmt}.csv"
    run = mlcourse(
        root,
        "export",
        "--to",
        fmt,
        "--roster",
        str(root / "roster.csv"),
        "-o",
        str(out),
        *extra,
    )
    assert run.returncode == 0, run.stderr
    text = out.read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text))), run.stderr


def _formula_free(rows):
    for row in rows:
        for cell in row:
            if cell and cell != "-" and cell[0] in "=+-@\t\r":
                float(cell)  # only numbers (and Moodle's "-" for no grade) may start so


def test_canvas(klass):
    root, kinds, results = klass
    rows, _ = _export(root, "canvas")
    assert rows[0][:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    column = rows[0].index("Linear regression (10002)")
    assert rows[1][0] == "Points Possible" and float(rows[1][column]) == 10
    by_sis = {r[2]: r for r in rows[2:]}
    assert len(by_sis) == 24
    for i in range(24):
        kind, value = kinds[f"s{i:02d}"], by_sis[f"9{i:03d}"][column]
        if kind == "missing":
            assert value == ""
        elif kind == "late":
            assert float(value) == 7  # three started days late at 10 % a day
        else:
            assert float(value) == pytest.approx(results[f"s{i:02d}"]["score"])
    _formula_free(rows)


def test_moodle(klass):
    root, _, _ = klass
    rows, warnings = _export(root, "moodle", "--feedback")
    assert rows[0][0] == "Email address"
    emails = [r[0] for r in rows[1:]]
    assert "" not in emails and len(emails) == 22  # two students have no email
    assert warnings.count("\n") >= 2
    for row in rows[1:]:
        for cell in row[1:]:
            if cell not in ("", "-") and cell.replace(".", "", 1).isdigit():
                assert float(cell) <= 100
    _formula_free(rows)


def test_blackboard_and_nbgrader(klass):
    root, _, _ = klass
    rows, _ = _export(root, "blackboard")
    assert rows[0][:3] == ["Last Name", "First Name", "Username"]
    assert "Linear regression |_10002_1" in rows[0]
    _formula_free(rows)
    rows, _ = _export(root, "nbgrader")
    assert rows[0][:4] == ["assignment", "duedate", "timestamp", "student_id"]
    _formula_free(rows)


def test_killed_grader_resumes_without_losing_or_double_counting(tmp_path):
    import signal
    import time

    root = tmp_path
    shutil.copytree(COURSE.root / "source", root / "source")
    shutil.copy(COURSE.root / "course.yml", root / "course.yml")
    solved = solved_notebook(LESSON)
    for i in range(12):
        path = root / "submitted" / f"k{i:02d}" / LESSON.id / f"{LESSON.module}.ipynb"
        path.parent.mkdir(parents=True)
        nbformat.write(solved, path)
    cmd = [
        sys.executable,
        "-m",
        "autograder.cli",
        "--course",
        str(root / "course.yml"),
        "grade",
        "--lesson",
        "02",
        str(root / "submitted"),
    ]
    first = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = root / "gradebook.db"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not _graded(db):
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait()
    done_before = _graded(db)
    assert 0 < done_before <= 12
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert _graded(db) == 12
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{db}") as gb:
        scores = [gb.find_submission(LESSON.id, f"k{i:02d}").score for i in range(12)]
    assert scores == [LESSON.points] * 12


def _graded(db) -> int:
    import sqlite3

    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as con:
            return con.execute("SELECT COUNT(*) FROM mlcourse_graded").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_nbgrader_db_student_import_from_the_course_folder(klass):
    root, _, _ = klass
    (root / "nbgrader_config.py").write_text(
        "from pathlib import Path\n"
        "from autograder.course import load_course\n"
        "from autograder.release import nbgrader_config\n"
        "here = Path(__file__).parent\n"
        "get_config().merge(nbgrader_config(load_course(here / 'course.yml'), here))\n"
    )
    (root / "students.csv").write_text(
        'id,first_name,last_name,email\nnew1,Nadia,"Ng, Jr.",n@x.org\n'
    )
    nbgrader = [sys.executable, "-m", "nbgrader", "db", "student"]
    run = subprocess.run(
        [*nbgrader, "import", "students.csv"], cwd=root, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    listing = subprocess.run(
        [*nbgrader, "list"], cwd=root, capture_output=True, text=True
    )
    assert "new1" in listing.stdout and "Nadia" in listing.stdout


def test_feedback_pages_plot_the_students_own_results(klass):
    root, kinds, _ = klass
    pages = {
        kind: (
            root / "feedback" / sid / LESSON.id / f"{LESSON.module}.mlcourse.html"
        ).read_text()
        for sid, kind in kinds.items()
        if kind in ("solved", "stub")
    }
    assert "data:image/png;base64," in pages["solved"]
    assert "Your results" not in pages["stub"]  # nothing of theirs to draw
