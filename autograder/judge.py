"""Scores and messages: a lesson's checks judged on a submission's observations.

The observations come from a sandboxed child (`mlcourse grade`) or from the
running kernel (nbgrader's autograde); either way the verdicts and the points
are decided here, in trusted code, with the same comparisons.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from mlcourse_check.banned import find_banned
from mlcourse_check.compare import Verdict
from mlcourse_check.spec import CheckSpec
from mlcourse_check.student import run_specs

from .course import Lesson, load_course

CONCEALED = {"values", "property", "length", "keys"}


@dataclass(frozen=True)
class CheckResult:
    exercise: str
    check: str
    points: float
    max_points: float
    passed: bool
    hidden: bool
    message: str
    step: str = ""  # the ladder rung that failed ("values", "shape", ...)

    def to_json(self) -> dict:
        data = asdict(self)
        del data["step"]
        return data

    @property
    def student_message(self) -> str:
        """The message a student may read: a hidden check never shows its expected values."""
        if not self.hidden or self.step not in CONCEALED:
            return self.message
        head = self.message.split(": ", 1)[0]
        likely = self.message.partition(". Likely mistake: ")[2]
        text = f"{head}: wrong values (a hidden check does not show the expected ones)"
        return f"{text}. Likely mistake: {likely}" if likely else text


def result_of(spec: CheckSpec, verdict: Verdict) -> CheckResult:
    return CheckResult(
        exercise=spec.exercise,
        check=spec.id,
        points=spec.points if verdict.passed else 0.0,
        max_points=spec.points,
        passed=verdict.passed,
        hidden=spec.hidden,
        message="" if verdict.passed else verdict.message,
        step="" if verdict.passed else verdict.step,
    )


def banned_problems(lesson: Lesson, sources: Mapping[str, str]) -> dict[str, str]:
    """Per graded name, the first disallowed call in the code that defines it."""
    problems = {}
    for exercise in lesson.exercises:
        for name in exercise.functions:
            problem = find_banned(sources.get(name, ""), exercise.banned)
            if problem:
                problems[name] = f"{name} {problem}"
    return problems


def judge_observations(
    specs: Sequence[CheckSpec], observed: Mapping[str, dict], banned: Mapping[str, str]
) -> list[CheckResult]:
    """Verdicts for observations gathered elsewhere (a sandbox child)."""
    results = []
    for spec in specs:
        if spec.target in banned:
            verdict = Verdict(False, "banned", banned[spec.target])
        elif spec.id not in observed:
            verdict = Verdict(
                False, "raised", f"{spec.description}: no observation came back"
            )
        else:
            verdict = spec.judge_observation(observed[spec.id])
        results.append(result_of(spec, verdict))
    return results


def judge_in_process(lesson_id: str, names: Mapping[str, Any]) -> list[CheckResult]:
    """Run and judge every check of the given names in this process (no sandbox)."""
    from .reference import cached_specs

    lesson = load_course().lesson(lesson_id)
    results = []
    for name, obj in names.items():
        mine = cached_specs(lesson.id, name)
        banned = lesson.exercise_of(name).banned
        results += [
            result_of(spec, verdict)
            for spec, verdict in run_specs(mine, name, obj, banned)
        ]
    return results
