"""The Gradescope bundle, run against a fake /autograder tree."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import zipfile

import nbformat
import pytest

from autograder.course import load_course
from autograder.gradescope import build_bundle
from autograder.solve import solved_notebook

COURSE = load_course()
LESSON = COURSE.lesson("02-linear-regression")


@pytest.fixture(scope="module")
def autograder_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("gs") / "autograder"
    bundle = build_bundle(COURSE, LESSON, root.parent / "bundle.zip")
    with zipfile.ZipFile(bundle) as zf:
        names = zf.namelist()
        assert {"setup.sh", "run_autograder"} <= set(names)
        assert not any("/tests/" in n for n in names)
        for name in ("setup.sh", "run_autograder"):
            assert stat.S_IMODE(zf.getinfo(name).external_attr >> 16) & 0o111
            assert zf.read(name).startswith(b"#!/usr/bin/env bash")
        zf.extractall(root / "source")
    return root


def _run(root, nb_or_text):
    submission = root / "submission"
    submission.mkdir(parents=True, exist_ok=True)
    for old in submission.iterdir():
        old.unlink()
    path = submission / f"{LESSON.module}.ipynb"
    if isinstance(nb_or_text, str):
        path.write_text(nb_or_text)
    else:
        nbformat.write(nb_or_text, path)
    env = {**os.environ, "MLCOURSE_AUTOGRADER_ROOT": str(root)}
    subprocess.run(
        ["bash", str(root / "source" / "run_autograder")], env=env, timeout=300
    )
    return json.loads((root / "results" / "results.json").read_text())


def test_solved_submission_gets_full_marks(autograder_root):
    results = _run(autograder_root, solved_notebook(LESSON))
    assert results["score"] == pytest.approx(LESSON.points)
    assert isinstance(results["execution_time"], (int, float))
    assert sum(t["score"] for t in results["tests"]) == pytest.approx(LESSON.points)
    hidden = [t for t in results["tests"] if t["visibility"] == "after_published"]
    assert hidden and all(t["status"] == "passed" for t in results["tests"])


def test_corrupt_submission_still_writes_results(autograder_root):
    results = _run(autograder_root, "{ not a notebook")
    assert results["score"] == 0
    text = json.dumps(results)
    assert "not a readable notebook" in text
