"""A check in data form, as a release fixture stores it and a grader sends it.

`CheckSpec` holds everything needed to run a check and judge its outcome:
the experiment's code and encoded inputs, the expected observation, the
tolerance, and the observations of known mistakes. The grader builds these
from the lesson's checks and the reference; the student runtime reads the
visible ones from the fixture beside the notebook.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import codec
from .compare import NORMALIZERS, PASS, Verdict, compare, default_tolerance


@dataclass(frozen=True)
class MistakeSpec:
    name: str
    message: str
    observed: dict  # encoded observation of the mutant


@dataclass
class CheckSpec:
    id: str  # "standardize.constant_column": target, then what it probes
    exercise: str
    description: str  # what was called, e.g. "standardize(X), X of shape (30, 4)"
    code: str
    inputs: dict  # encoded inputs, name -> encoded value
    expected: dict  # encoded observation of the reference
    hidden: bool = False
    points: float = 0.0
    rtol: float | None = None
    atol: float | None = None
    names: tuple[str, ...] | None = None  # labels of a returned tuple's items
    normalize: str | None = None
    judge: Callable[..., str | None] | None = field(default=None, repr=False)
    mistakes: list[MistakeSpec] = field(default_factory=list)
    timeout: float = 10.0

    @property
    def target(self) -> str:
        return self.id.split(".", 1)[0]

    def to_json(self) -> dict:
        if self.judge is not None:
            raise ValueError(
                f"check {self.id}: a judged check cannot be shipped as a fixture"
            )
        data = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "judge"}
        data["mistakes"] = [m.__dict__ for m in self.mistakes]
        data["names"] = list(self.names) if self.names else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> CheckSpec:
        data = dict(data)
        data["mistakes"] = [MistakeSpec(**m) for m in data.get("mistakes", [])]
        data["names"] = tuple(data["names"]) if data.get("names") else None
        return cls(**data)

    def tolerance(self, expected: Any) -> tuple[float, float]:
        rtol, atol = default_tolerance(expected)
        return (
            self.rtol if self.rtol is not None else rtol,
            self.atol if self.atol is not None else atol,
        )

    def _prepare(self, observed: dict) -> Any:
        value = codec.decode(observed)
        if self.normalize and not isinstance(value, (codec.Raised, codec.Other)):
            value = NORMALIZERS[self.normalize](value)
        return value

    def judge_observation(self, observed: dict) -> Verdict:
        """Pass or fail one observation, naming a known mistake when one matches."""
        try:
            got = self._prepare(observed)
        except (ValueError, KeyError, TypeError) as exc:
            return Verdict(False, "type", f"the observation could not be read: {exc}")
        expected = self._prepare(self.expected)
        rtol, atol = self.tolerance(expected)
        verdict = self._decide(got, expected, rtol, atol)
        if verdict.passed:
            return verdict
        message = f"{self.description}: {verdict.message}"
        for mistake in self.mistakes:
            mutant = self._prepare(mistake.observed)
            if isinstance(mutant, codec.Raised):
                continue
            if compare(got, mutant, rtol=rtol, atol=atol, names=self.names).passed:
                message += f". Likely mistake: {mistake.message}"
                break
        return Verdict(False, verdict.step, message)

    def _decide(self, got: Any, expected: Any, rtol: float, atol: float) -> Verdict:
        if self.judge is None:
            return compare(got, expected, rtol=rtol, atol=atol, names=self.names)
        structure = compare(
            got, expected, rtol=float("inf"), atol=float("inf"), names=self.names
        )
        if not structure.passed and structure.step != "values":
            return structure
        inputs = {k: codec.decode(v) for k, v in self.inputs.items()}
        problem = self.judge(got, expected, inputs)
        return PASS if problem is None else Verdict(False, "property", problem)
