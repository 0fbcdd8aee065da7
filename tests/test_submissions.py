"""Submissions in the shapes students hand them in."""

from __future__ import annotations

import jupytext

from autograder.course import load_course
from autograder.reference import reference_module
from autograder.solve import solved_notebook, source_as

LESSON = load_course().lesson("02-linear-regression")


def test_percent_script_scores_like_the_notebook(grader, tmp_path):
    path = tmp_path / "linear_regression.py"
    jupytext.write(solved_notebook(LESSON), path, fmt="py:percent")
    assert grader.grade_file(LESSON, path).score == LESSON.points


def test_plain_script_gets_the_setup_cell_back(grader, tmp_path):
    ref = reference_module(LESSON)
    path = tmp_path / "answers.py"
    path.write_text(
        "\n\n".join(source_as(getattr(ref, n), n) for n in LESSON.functions)
    )
    assert grader.grade_file(LESSON, path).score == LESSON.points


def test_deleted_setup_cell_is_restored(grader):
    nb = solved_notebook(LESSON)
    nb.cells = [
        c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "setup"
    ]
    assert grader.grade_notebook(LESSON, nb, "no-setup").score == LESSON.points


def test_magics_and_added_cells_are_tolerated(grader):
    import nbformat

    nb = solved_notebook(LESSON)
    nb.cells.insert(2, nbformat.v4.new_code_cell("%matplotlib inline\n!ls\nhelper = 3"))
    assert grader.grade_notebook(LESSON, nb, "magics").score == LESSON.points
