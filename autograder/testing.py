"""Fixtures for testing checks: wrong and alternative implementations.

A lesson's fixture module `tests/fixtures/<module>.py` holds functions (or
classes) decorated with

    @wrong("standardize", lose=["standardize.values"], says="ddof")
    def standardize__ddof1(X, mean=None, std=None): ...

    @right("standardize")
    def standardize__loops(X, mean=None, std=None): ...

The tests put each one in place of the reference in a solved notebook and
grade it: a `right` one must score full marks; a `wrong` one must fail
exactly the checks in `lose`, and some failed check's message must contain
`says` (case-insensitive).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

SESSION_GRADER = None  # the test session's Grader, started by conftest.py


@dataclass(frozen=True)
class Fixture:
    target: str
    impl: Any
    lose: tuple[str, ...] = ()
    says: str = ""

    @property
    def name(self) -> str:
        return self.impl.__name__

    @property
    def correct(self) -> bool:
        return not self.lose


def wrong(target: str, *, lose: list[str], says: str):
    if not lose or not says:
        raise ValueError(
            "a wrong fixture names the checks it loses and a word of its message"
        )

    def mark(impl):
        impl.__fixture__ = Fixture(target, impl, tuple(lose), says)
        return impl

    return mark


def right(target: str):
    def mark(impl):
        impl.__fixture__ = Fixture(target, impl)
        return impl

    return mark


def fixtures_of(module_name: str) -> list[Fixture]:
    """Every fixture of `tests/fixtures/<module_name>.py`, in file order."""
    module = importlib.import_module(f"tests.fixtures.{module_name}")
    return [v.__fixture__ for v in vars(module).values() if hasattr(v, "__fixture__")]


def grade_in_process(lesson, nb) -> list:
    """Grade a notebook without the sandbox (fast, trusted code only: tests)."""
    import os

    from .child import run_cells
    from .judge import judge_in_process
    from .notebook import graded_cells, read_notebook

    os.environ["MLCOURSE_SANDBOX"] = "1"  # `check(...)` calls in cells do nothing
    try:
        cells = graded_cells(nb, read_notebook(lesson.source_py))
        sources = [{"index": c.index, "source": c.source} for c in cells]
        namespace = run_cells(sources, lambda event: None, seconds=None)
        names = {n: namespace.get(n) for n in lesson.functions}
        return judge_in_process(lesson.id, names)
    finally:
        os.environ.pop("MLCOURSE_SANDBOX", None)
