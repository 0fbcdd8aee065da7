"""Turn a lesson's checks into specs: inputs drawn, reference and mutants observed.

This runs in the trusted grader process (and in an instructor's kernel under
nbgrader), never in a sandboxed child: it imports the reference solutions.
"""

from __future__ import annotations

import importlib
import sys
import zlib
from functools import cache
from types import ModuleType

import numpy as np

from mlcourse_check import codec
from mlcourse_check.runner import observe
from mlcourse_check.spec import CheckSpec, MistakeSpec

from .checks import Check, Mistake
from .course import Lesson, load_course
from .errors import CourseError


def seed_of(check_id: str) -> int:
    return zlib.crc32(check_id.encode())


def checks_module(lesson: Lesson) -> ModuleType:
    try:
        return importlib.import_module(f"autograder.checks.{lesson.module}")
    except ModuleNotFoundError as exc:
        raise CourseError(
            f"lesson {lesson.id} has no checks: create autograder/checks/{lesson.module}.py"
        ) from exc


def reference_module(lesson: Lesson) -> ModuleType:
    try:
        return importlib.import_module(f"solutions.{lesson.module}")
    except ModuleNotFoundError as exc:
        raise CourseError(
            f"lesson {lesson.id} has no reference: create solutions/{lesson.module}.py"
        ) from exc


def _draw_inputs(check: Check, ref: ModuleType) -> dict:
    seed = seed_of(check.id)
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.manual_seed(seed)
    values = check.inputs(np.random.default_rng(seed), ref)
    return {name: codec.encode(value) for name, value in values.items()}


def _run(code: str, inputs: dict, name: str, impl: object, timeout: float) -> dict:
    decoded = {k: codec.decode(v, as_torch=True) for k, v in inputs.items()}
    return observe(code, decoded, {name: impl}, timeout=timeout)


def build_specs(
    lesson: Lesson,
    *,
    hidden: bool = True,
    targets: frozenset[str] | None = None,
    mistakes_too: bool = True,
) -> list[CheckSpec]:
    """The checks of `lesson` as specs with expected (and mutant) observations.

    `targets` keeps only the checks of those graded names; without
    `mistakes_too` no mutant runs (scores need none: only messages do).
    """
    module = checks_module(lesson)
    ref = reference_module(lesson)
    checks: list[Check] = list(module.CHECKS)
    mistakes: list[Mistake] = list(getattr(module, "MISTAKES", []))
    weights: dict[str, float] = {}
    for check in checks:
        exercise = lesson.exercise_of(check.target).name
        weights[exercise] = weights.get(exercise, 0.0) + check.weight
    specs = []
    for check in checks:
        if (check.hidden and not hidden) or (targets and check.target not in targets):
            continue
        exercise = lesson.exercise_of(check.target)
        timeout = check.timeout or lesson.limits.check_seconds
        inputs = _draw_inputs(check, ref)
        expected = _run(
            check.code, inputs, check.target, getattr(ref, check.target), timeout
        )
        if expected.get("t") == "error":
            raise RuntimeError(f"check {check.id} fails on the reference: {expected}")
        specs.append(
            CheckSpec(
                id=check.id,
                exercise=exercise.name,
                description=check.description,
                code=check.code,
                inputs=inputs,
                expected=expected,
                hidden=check.hidden,
                points=exercise.points * check.weight / weights[exercise.name],
                rtol=check.rtol,
                atol=check.atol,
                names=check.names,
                normalize=check.normalize,
                judge=check.judge,
                timeout=timeout,
                mistakes=[
                    MistakeSpec(
                        m.name,
                        m.message,
                        _run(check.code, inputs, m.target, m.impl, timeout),
                    )
                    for m in mistakes
                    if mistakes_too and m.target == check.target
                ],
            )
        )
    return specs


@cache
def cached_specs(lesson_id: str, target: str) -> tuple[CheckSpec, ...]:
    """The specs of one graded name, for scoring only (no mutants), once per process."""
    lesson = load_course().lesson(lesson_id)
    return tuple(build_specs(lesson, targets=frozenset({target}), mistakes_too=False))
