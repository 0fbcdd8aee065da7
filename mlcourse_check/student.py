"""What a lesson notebook calls: `check = make_check(LESSON)`, then `check(name, obj)`.

In a student's kernel, `check` runs the visible checks of one graded function
or class against the expected observations shipped beside the notebook and
stops at the first failure with one message. Under `nbgrader autograde`
(NBGRADER_EXECUTION=autograde) it runs nothing by itself: the hidden block of
each test cell calls `check.score()`, which runs the visible and the hidden
checks with the grader installed on the instructor's machine and returns the
points earned, which nbgrader reads as partial credit.
"""

from __future__ import annotations

import inspect
import json
import os
from pathlib import Path
from typing import Any

from . import codec
from .banned import find_banned
from .runner import observe
from .spec import CheckSpec


class CheckFailed(AssertionError):
    """A visible check failed; shown as one line instead of a traceback."""

    def _render_traceback_(self) -> list[str]:  # IPython uses this to show the error
        return [f"\x1b[31m{self}\x1b[0m"]


def _source_of(obj: Any) -> str:
    try:
        return inspect.getsource(obj)
    except (OSError, TypeError):
        return ""


def run_specs(
    specs: list[CheckSpec], name: str, obj: Any, banned: dict[str, str]
) -> list[tuple[CheckSpec, Any]]:
    """Judge `obj` on each spec in this process: [(spec, verdict)]."""
    from .compare import Verdict

    problem = find_banned(_source_of(obj), banned)
    results = []
    for spec in specs:
        if problem:
            results.append((spec, Verdict(False, "banned", f"{name} {problem}")))
            continue
        inputs = {k: codec.decode(v, as_torch=True) for k, v in spec.inputs.items()}
        observed = observe(spec.code, inputs, {name: obj}, timeout=spec.timeout)
        results.append((spec, spec.judge_observation(observed)))
    return results


class Checker:
    def __init__(self, lesson: str, fixture: dict | None):
        self.lesson = lesson
        self._fixture = fixture
        self._recorded: dict[str, Any] = {}

    @property
    def grading(self) -> bool:
        return os.environ.get("NBGRADER_EXECUTION") == "autograde"

    def __call__(self, name: str, obj: Any) -> None:
        if os.environ.get("MLCOURSE_SANDBOX"):
            return None
        if self.grading:
            self._recorded[name] = obj
            return None
        fixture = self._fixture or _live_fixture(self.lesson)
        specs = [
            CheckSpec.from_json(c)
            for c in fixture["checks"]
            if c["id"].split(".")[0] == name
        ]
        if not specs:
            raise CheckFailed(f"✗ {name}: this lesson has no checks for {name!r}")
        banned = fixture.get("banned", {}).get(name, {})
        for _, verdict in run_specs(specs, name, obj, banned):
            if not verdict.passed:
                raise CheckFailed(f"✗ {verdict.message}")
        print(
            f"✓ {name}: {len(specs)} visible check{'s' * (len(specs) > 1)} passed "
            "(hidden checks run at grading)"
        )
        return None

    def score(self) -> float | None:
        """Points earned by the functions checked since the last call (autograde only)."""
        if not self.grading:
            return None
        from autograder.judge import judge_in_process

        recorded, self._recorded = self._recorded, {}
        results = judge_in_process(self.lesson, recorded)
        return round(sum(r.points for r in results if r.passed), 6)


def _live_fixture(lesson: str) -> dict:
    try:
        from autograder.fixtures import visible_fixture
    except ImportError:
        raise CheckFailed(
            f"✗ no checks found for {lesson}: keep {lesson}.checks.json beside this notebook"
        ) from None
    return visible_fixture(lesson)


def make_check(lesson: str) -> Checker:
    """The `check` function of one lesson's notebook."""
    path = Path(f"{lesson}.checks.json")
    fixture = json.loads(path.read_text()) if path.is_file() else None
    return Checker(lesson, fixture)
