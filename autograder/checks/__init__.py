"""The check API: how a lesson says what is graded and which mistakes to name.

A lesson's module `autograder/checks/<module>.py` defines

    CHECKS   = [Check(...), ...]     experiments on the graded names
    MISTAKES = [Mistake(...), ...]   mutants of the reference, each with a message
    FIGURES  = [Figure(...), ...]    optional: plots of the student's own results

A `Check` is a small experiment. `inputs(rng, ref)` draws its data from a
generator seeded by the check id (`ref` is the reference module, for the rare
input that needs it, such as a state_dict of the reference's shapes); `code` is
a few lines that call the graded name with those inputs and assign `result`.
The grader runs `code` on the reference, on every mutant and, in a sandbox, on
the submission, then compares the observations outside the sandbox.

Check ids are `<graded name>.<what it probes>`, e.g. `standardize.constant_column`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

Inputs = Callable[[np.random.Generator, Any], dict]


def no_inputs(rng: np.random.Generator, ref: Any) -> dict:
    return {}


@dataclass(frozen=True)
class Check:
    id: str
    description: str  # what is called, as the student will read it
    code: str  # assigns `result`; sees the graded name, the inputs, np, torch, nn, F
    inputs: Inputs = no_inputs
    hidden: bool = False
    weight: float = 1.0  # share of the exercise's points
    rtol: float | None = None  # None: 1e-7 for float64 results, 1e-5 for float32
    atol: float | None = None  # None: 1e-12 for float64 results, 1e-6 for float32
    names: tuple[str, ...] | None = None  # labels of the items of a returned tuple
    normalize: str | None = None  # a key of mlcourse_check.compare.NORMALIZERS
    judge: Callable[[Any, Any, dict], str | None] | None = None  # property judge
    timeout: float | None = None  # seconds; None: the lesson's check_seconds

    @property
    def target(self) -> str:
        return self.id.split(".", 1)[0]


@dataclass(frozen=True)
class Mistake:
    target: str  # the graded name this mutant replaces
    message: str  # what went wrong and the fix, e.g. "ddof=1: divide by N, not N-1"
    impl: Callable  # the mutant: the reference with the mistake in it

    @property
    def name(self) -> str:
        return getattr(self.impl, "__name__", self.target)


@dataclass(frozen=True)
class Figure:
    """A plot of the student's own results for the feedback page.

    `code` runs in the sandbox like a check's (with every name in `names`) and
    assigns `result`; `draw(ax, result, inputs)` runs in the grader with
    matplotlib, so the child never needs a plotting library or a font file.
    """

    title: str
    names: tuple[str, ...]
    code: str
    draw: Callable[[Any, Any, dict], None]
    inputs: Inputs = no_inputs
