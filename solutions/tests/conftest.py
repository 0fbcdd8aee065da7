"""Shared helpers of the reference tests: headline runs and their budgets."""

from __future__ import annotations

import os
import time

import matplotlib
import pytest

from autograder.course import load_course
from autograder.notebook import cells_with_tag, read_notebook

matplotlib.use("Agg")


def time_factor() -> float:
    return float(os.environ.get("MLCOURSE_TIME_FACTOR", "1.5"))


@pytest.fixture(autouse=True, scope="session")
def two_threads():
    import torch

    torch.set_num_threads(2)


def run_headline(lesson_id: str, reference) -> tuple[dict, float]:
    """Run the lesson's `train` cells on the reference; (headline, seconds).

    The cells see the reference's names where the notebook would have the
    student's, so the headline test runs exactly the code a student runs.
    """
    lesson = load_course().lesson(lesson_id)
    nb = read_notebook(lesson.source_py)
    namespace = {
        name: getattr(reference, name)
        for name in dir(reference)
        if not name.startswith("__")
    }
    setup = [
        c.source
        for c in nb.cells
        if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "setup"
    ]
    start = time.perf_counter()
    for source in setup + cells_with_tag(nb, "train"):
        exec(compile(source, f"<{lesson_id} train>", "exec"), namespace)
    seconds = time.perf_counter() - start
    assert "headline" in namespace, (
        "the train cell must set `headline = {metric: value}`"
    )
    return namespace["headline"], seconds


def assert_budget(seconds: float, budget: float) -> None:
    limit = budget * time_factor()
    assert seconds <= limit, (
        f"headline took {seconds:.1f} s; budget {budget} s × {time_factor()}"
    )
