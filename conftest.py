"""Start the grading sandbox before anything imports a reference or a check.

The sandbox's zygote must be forked from a process that holds no reference
code and no expected value, so it starts here, before test collection.
"""

from __future__ import annotations

import os

import pytest

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


def pytest_configure(config):
    args = [str(a) for a in config.args] or ["tests"]
    if all(a.startswith("solutions") for a in args):
        return
    from autograder import testing
    from autograder.course import load_course
    from autograder.grade import Grader

    testing.SESSION_GRADER = Grader(load_course(), jobs=1)


def pytest_unconfigure(config):
    from autograder import testing

    if testing.SESSION_GRADER is not None:
        testing.SESSION_GRADER.close()


@pytest.fixture(scope="session")
def grader():
    from autograder import testing

    if testing.SESSION_GRADER is None:
        pytest.skip("the sandbox starts only when tests/ is collected")
    return testing.SESSION_GRADER
