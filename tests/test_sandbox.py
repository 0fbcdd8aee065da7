"""Faults in a submission cost only its own checks; the child learns no answers."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pytest

from autograder.course import Limits, load_course
from autograder.solve import replace_cell, solved_notebook

COURSE = load_course()
LESSON = COURSE.lesson("02-linear-regression")
QUICK = dataclasses.replace(
    LESSON, limits=Limits(cpu_seconds=6, memory_mib=512, check_seconds=2)
)

FAULTS = {
    "syntax_error": ("def add_bias(X):\n    return (\n", "SyntaxError"),
    "exception": ("def add_bias(X):\n    return X.nope\n", "AttributeError"),
    "sys_exit": ("import sys\nsys.exit(3)\n", "SystemExit"),
    "os_exit": ("import os\ndef add_bias(X):\n    os._exit(4)\n", "os._exit"),
    "segfault": (
        "import ctypes\ndef add_bias(X):\n    ctypes.string_at(0)\n",
        "segmentation fault",
    ),
    "endless_loop": (
        "def add_bias(X):\n    while True:\n        pass\n",
        "still running",
    ),
    "sleep_forever": (
        "import time\ndef add_bias(X):\n    time.sleep(10**6)\n",
        "still running",
    ),
    "memory_bomb": (
        "def add_bias(X):\n    a = []\n    while True:\n        a.append(bytearray(10**8))\n",
        "memory",
    ),
    "endless_loop_in_cell": ("while True:\n    pass\n", "still running"),
    "reads_solutions": (
        "import autograder, pathlib\n"
        "def add_bias(X):\n"
        "    root = pathlib.Path(autograder.__file__).parent.parent\n"
        "    return (root / 'solutions' / 'linear_regression.py').read_text()\n",
        "No such file",
    ),
    "network": (
        "import socket\ndef add_bias(X):\n    socket.create_connection(('127.0.0.1', 22), 1)\n",
        "unreachable",
    ),
    "custom_eq": (
        "class Always:\n    def __eq__(self, other):\n        return True\n"
        "def add_bias(X):\n    return Always()\n",
        "not plain data",
    ),
    "ndarray_subclass": (
        "import numpy as np\nclass Sneaky(np.ndarray):\n    pass\n"
        "def add_bias(X):\n    return np.hstack([np.ones((len(X), 1)), X]).view(Sneaky)\n",
        "not plain data",
    ),
    "banned_import": (
        "import scipy\ndef add_bias(X):\n    return X\n",
        "does not allow",
    ),
}


def _graded(grader, source):
    nb = replace_cell(solved_notebook(LESSON), "add_bias", source)
    return grader.grade_notebook(QUICK, nb, "fault")


@pytest.mark.parametrize("name", list(FAULTS))
def test_fault_costs_only_its_own_checks(grader, name):
    source, says = FAULTS[name]
    result = _graded(grader, source)
    assert result.error is None
    lost = [c for c in result.checks if not c.passed]
    assert lost and all(c.exercise == "add_bias" for c in lost), [c.check for c in lost]
    assert says.lower() in lost[0].message.lower(), lost[0].message
    expected = LESSON.points - LESSON.exercise_of("add_bias").points
    if name not in {"sys_exit"}:
        assert result.score == pytest.approx(expected)


def test_batch_goes_on_after_a_crash(grader, tmp_path):
    import nbformat

    paths = []
    for name, source in [
        ("crash", FAULTS["segfault"][0]),
        ("good", None),
        ("corrupt", ""),
    ]:
        path = tmp_path / f"{name}.ipynb"
        if name == "corrupt":
            path.write_text("{ not json")
        else:
            nb = solved_notebook(LESSON)
            nbformat.write(replace_cell(nb, "add_bias", source) if source else nb, path)
        paths.append(path)
    crash, good, corrupt = grader.grade_many(LESSON, paths)
    assert good.score == LESSON.points
    assert crash.score < LESSON.points
    assert (
        corrupt.error
        and "not a readable notebook" in corrupt.error
        and corrupt.score == 0
    )


def test_standard_library_is_served(grader):
    source = (
        "import statistics, itertools, fractions\nimport numpy as np\n"
        "def add_bias(X):\n    statistics.mean([1, 2])\n"
        "    return np.hstack([np.ones((len(X), 1)), X])\n"
    )
    assert _graded(grader, source).score == LESSON.points


def _raw(grader, code: str) -> dict:
    job = {
        "cells": [],
        "checks": [
            {
                "id": "probe.x",
                "target": "probe",
                "code": code,
                "inputs": {},
                "timeout": 5,
            }
        ],
    }
    job["cells"] = [{"index": 1, "source": "def probe():\n    pass\n"}]
    outcome = grader.run_job(job, QUICK.limits)
    (value,) = [e["value"] for e in outcome.events if "observed" in e]
    return value


def test_child_holds_no_reference_no_checks_no_expected_values(grader):
    secret = [s for s in grader.specs(LESSON) if s.hidden][0].expected
    digest = hashlib.sha256(json.dumps(secret).encode()).hexdigest()
    code = (
        "import sys, gc, json, hashlib\n"
        "mods = [m for m in sys.modules if m.startswith(('solutions.', 'autograder.checks.',"
        " 'autograder.reference')) and not m.startswith('solutions.tests')]\n"
        "found = 0\n"
        "for o in gc.get_objects():\n"
        "    if isinstance(o, dict) and o.get('t') in ('array', 'num'):\n"
        "        s = json.dumps(o)\n"
        f"        found += hashlib.sha256(s.encode()).hexdigest() == {digest!r}\n"
        "result = (mods, found)\n"
    )
    value = _raw(grader, code)
    assert value["t"] == "seq", value
    mods, found = value["items"]
    assert mods["items"] == [] and found["v"] == 0


def test_child_runs_unprivileged_in_an_empty_root(grader):
    import os

    if os.geteuid() != 0:
        pytest.skip("privilege drop and chroot need root")
    value = _raw(grader, "import os\nresult = (os.getuid(), sorted(os.listdir('/')))")
    uid, listing = value["items"]
    assert uid["v"] != 0
    assert [i["v"] for i in listing["items"]] == ["tmp"]


@pytest.mark.parametrize(
    "text",
    [
        '{"cells": [{"cell_type": "code", "source": [1, 2], "metadata": {}}], "metadata": {},'
        ' "nbformat": 4, "nbformat_minor": 5}',
        '{"cells": "nope", "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
        "\x00\x01binary",
        "",
    ],
)
def test_malformed_notebooks_end_in_their_own_result(grader, tmp_path, text):
    path = tmp_path / "odd.ipynb"
    path.write_text(text)
    result = grader.grade_file(LESSON, path)
    assert (
        result.score == 0 and result.checks and not any(c.passed for c in result.checks)
    )
