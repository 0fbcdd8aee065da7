"""The student's side, in a real Jupyter kernel on the released notebook."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from autograder.course import load_course
from autograder.release import release
from autograder.solve import solution_cells, source_as

COURSE = load_course()
LESSON = COURSE.lesson("02-linear-regression")


def _check_cells(nb):
    return [
        c
        for c in nb.cells
        if c.get("metadata", {})
        .get("nbgrader", {})
        .get("grade_id", "")
        .startswith("check_")
    ]


def _run(nb, folder):
    nb.cells = [
        c
        for c in nb.cells
        if "train" not in c.metadata.get("tags", [])
        and "plot" not in c.metadata.get("tags", [])
    ]
    NotebookClient(
        nb,
        timeout=120,
        allow_errors=True,
        resources={"metadata": {"path": str(folder)}},
    ).execute()
    return nb


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    release(COURSE, [LESSON], root)
    return root / "release" / LESSON.id


def test_stub_checks_fail_with_one_line_saying_not_attempted(folder):
    nb = _run(nbformat.read(folder / f"{LESSON.module}.ipynb", as_version=4), folder)
    for cell in _check_cells(nb):
        (error,) = [o for o in cell.outputs if o.output_type == "error"]
        assert "not attempted yet" in error.evalue
        assert len(error.traceback) == 1, error.traceback  # one line, not a traceback
        assert not [
            o for o in cell.outputs if o.output_type == "stream" and o.name == "stderr"
        ]


def test_correct_answers_pass_quietly_with_the_shipped_runtime(folder):
    from autograder.reference import reference_module

    ref = reference_module(LESSON)
    nb = nbformat.read(folder / f"{LESSON.module}.ipynb", as_version=4)
    for name, index in solution_cells(nb).items():
        nb.cells[index].source = source_as(getattr(ref, name), name)
    nb = _run(nb, folder)
    for cell in _check_cells(nb):
        kinds = [(o.output_type, o.get("name")) for o in cell.outputs]
        assert kinds == [("stream", "stdout")] * len(kinds) and kinds, cell.outputs
        assert all(
            "visible check" in o.text and o.text.startswith("✓") for o in cell.outputs
        )


def test_release_folder_serves_its_own_runtime(folder):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = subprocess.run(
        [sys.executable, "-c", "import mlcourse_check; print(mlcourse_check.__file__)"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.startswith(str(folder))
