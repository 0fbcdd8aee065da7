"""Grading submissions: read, run in the sandbox, judge, score.

`Grader` holds the sandboxes (started first, before any reference is loaded)
and the specs of each lesson, computed once from the reference.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from queue import Queue

from .course import Course, Lesson
from .errors import SubmissionError
from .judge import CheckResult, banned_problems, judge_observations
from .notebook import Cell, graded_cells, read_notebook
from .sandbox import Outcome, Sandbox

MAX_RESTARTS = 8  # fresh children per submission when checks kill theirs


@dataclass
class SubmissionResult:
    submission: str
    lesson: str
    score: float
    max_score: float
    error: str | None = None
    checks: list[CheckResult] = field(default_factory=list)
    seconds: float = 0.0
    penalty: float = 0.0  # points off for lateness (the gradebook keeps it apart)

    def to_json(self) -> dict:
        return {
            "submission": self.submission,
            "lesson": self.lesson,
            "score": self.score,
            "max_score": self.max_score,
            "error": self.error,
            "checks": [c.to_json() for c in self.checks],
        }

    @property
    def failures(self) -> list[CheckResult]:
        return [c for c in self.checks if not c.passed]


def definitions(cells: list[Cell]) -> dict[str, str]:
    """Graded name -> source of the cell that (last) defines it at top level."""
    sources: dict[str, str] = {}
    for cell in cells:
        with contextlib.suppress(SyntaxError, ValueError):
            for node in ast.parse(cell.source).body:
                if isinstance(
                    node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)
                ):
                    sources[node.name] = cell.source
    return sources


def _why_stopped(outcome: Outcome, limits) -> str:
    if outcome.timed_out:
        return f"the grader stopped your code after {outcome.seconds:.0f} s (is there an endless loop?)"
    if outcome.overflow:
        return "your code sent back too much output"
    exit_ = outcome.exit
    signal_name = exit_.get("signal")
    if signal_name == "SIGXCPU" or signal_name == "SIGKILL":
        return f"your code used more than {limits.cpu_seconds:g} s of CPU time"
    if signal_name == "SIGSEGV":
        return "your code crashed the Python process (segmentation fault)"
    if signal_name:
        return f"your code's process was killed by {signal_name}"
    return f"your code ended the grading process (exit code {exit_.get('code')}; os._exit?)"


def observations(
    outcome: Outcome, limits
) -> tuple[dict[str, dict], list[str], str | None]:
    """Observed values by check id, notes on cells that raised, and where it died.

    The third item is None when the child finished; otherwise the check it was
    running ("" while it was still running cells) gets a `Stopped` observation.
    """
    observed, notes, running = {}, [], ""
    for event in outcome.events:
        if "observed" in event and isinstance(event.get("value"), dict):
            observed[str(event["observed"])] = event["value"]
            running = None
        elif "check" in event:
            running = str(event["check"])
        elif "cell_error" in event and isinstance(event.get("error"), dict):
            err = event["error"]
            notes.append(
                f"cell {event['cell_error']} raised {err.get('type')}: {err.get('message')}"
            )
    if any(e.get("done") for e in outcome.events):
        return observed, notes, None
    where = running or "your cells"
    why = _why_stopped(outcome, limits)
    if running:
        observed[running] = {
            "t": "error",
            "type": "Stopped",
            "message": f"{why} while running {where}",
        }
    return observed, notes, running or ""


class Grader:
    def __init__(self, course: Course, *, jobs: int = 1, torch: bool = True):
        self.course = course
        self._pool: Queue[Sandbox] = Queue()
        self._sandboxes = [Sandbox(torch=torch) for _ in range(max(1, jobs))]
        for sandbox in self._sandboxes:
            self._pool.put(sandbox)
        self.jobs = len(self._sandboxes)
        self._specs: dict[str, tuple] = {}
        self._lesson_nb: dict[str, object] = {}

    def specs(self, lesson: Lesson):
        if lesson.id not in self._specs:
            from .reference import build_specs

            self._specs[lesson.id] = tuple(build_specs(lesson))
            self._lesson_nb[lesson.id] = read_notebook(lesson.source_py)
        return self._specs[lesson.id]

    def grade_notebook(
        self, lesson: Lesson, nb, name: str, *, hidden: bool = True
    ) -> SubmissionResult:
        specs = [s for s in self.specs(lesson) if hidden or not s.hidden]
        cells = graded_cells(nb, self._lesson_nb[lesson.id])
        banned = banned_problems(lesson, definitions(cells))
        job = _job(
            lesson,
            cells,
            [
                {
                    "id": s.id,
                    "target": s.target,
                    "code": s.code,
                    "inputs": s.inputs,
                    "timeout": min(s.timeout, lesson.limits.check_seconds),
                }
                for s in specs
                if s.target not in banned
            ],
        )
        observed, notes, seconds = self._observe(job, lesson.limits)
        results = judge_observations(specs, observed, banned)
        if notes:
            results = [_with_notes(r, notes) for r in results]
        max_score = sum(s.points for s in specs)
        return SubmissionResult(
            name,
            lesson.id,
            round(sum(r.points for r in results), 6),
            round(max_score, 6),
            None,
            results,
            seconds,
        )

    def _observe(self, job: dict, limits) -> tuple[dict, list[str], float]:
        """Run the job; when a check kills the child, go on with the checks after it."""
        observed: dict[str, dict] = {}
        checks, seconds = job["checks"], 0.0
        for _ in range(MAX_RESTARTS):
            outcome = self.run_job({**job, "checks": checks}, limits)
            seconds += outcome.seconds
            got, notes, died_in = observations(outcome, limits)
            observed.update(got)
            if died_in is None:
                break
            if died_in == "":  # the cells themselves kill it: no check can run
                stop = {
                    "t": "error",
                    "type": "Stopped",
                    "message": f"{_why_stopped(outcome, limits)} while running your cells",
                }
                observed.update(
                    {c["id"]: stop for c in checks if c["id"] not in observed}
                )
                break
            checks = [c for c in checks if c["id"] not in observed]
            if not checks:
                break
        return observed, notes, seconds

    def figures(self, lesson: Lesson, nb) -> list[tuple[str, bytes]]:
        """(title, PNG) of each of the lesson's figures drawn from this submission."""
        from .figures import draw_png, figure_checks

        self.specs(lesson)
        wanted = figure_checks(lesson)
        if not wanted:
            return []
        cells = graded_cells(nb, self._lesson_nb[lesson.id])
        job = _job(
            lesson,
            cells,
            [
                {
                    "id": f"figure.{i}",
                    "target": f.names[0],
                    "names": list(f.names),
                    "code": f.code,
                    "inputs": inputs,
                    "timeout": lesson.limits.check_seconds,
                }
                for i, (f, inputs) in enumerate(wanted)
            ],
        )
        observed, _, _ = observations(self.run_job(job, lesson.limits), lesson.limits)
        drawn = []
        for i, (figure, inputs) in enumerate(wanted):
            png = (
                draw_png(figure, observed[f"figure.{i}"], inputs)
                if f"figure.{i}" in observed
                else None
            )
            if png:
                drawn.append((figure.title, png))
        return drawn

    def run_job(self, job: dict, limits) -> Outcome:
        """Run one job in the next free sandbox."""
        sandbox = self._pool.get()
        try:
            return sandbox.run(job, limits)
        finally:
            self._pool.put(sandbox)

    def grade_file(
        self, lesson: Lesson, path: Path, *, hidden: bool = True
    ) -> SubmissionResult:
        """Grade one file; whatever is wrong with it ends in its own result."""
        specs = [s for s in self.specs(lesson) if hidden or not s.hidden]
        try:
            nb = read_notebook(path)
            return self.grade_notebook(lesson, nb, str(path), hidden=hidden)
        except SubmissionError as exc:
            error = str(exc)
        except Exception as exc:  # a malformed notebook must not stop the batch
            error = f"{path}: could not be graded ({type(exc).__name__}: {exc})"
        results = [
            CheckResult(
                s.exercise, s.id, 0.0, s.points, False, s.hidden, f"not graded: {error}"
            )
            for s in specs
        ]
        max_score = round(sum(s.points for s in specs), 6)
        return SubmissionResult(str(path), lesson.id, 0.0, max_score, error, results)

    def grade_many(
        self, lesson: Lesson, paths: Iterable[Path], *, hidden: bool = True
    ) -> Iterator[SubmissionResult]:
        """Results in input order, graded `jobs` at a time."""
        self.specs(lesson)
        with ThreadPoolExecutor(self.jobs) as pool:
            yield from pool.map(
                lambda p: self.grade_file(lesson, Path(p), hidden=hidden), paths
            )

    def close(self) -> None:
        for sandbox in self._sandboxes:
            sandbox.close()

    def __enter__(self) -> Grader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _job(lesson: Lesson, cells: list[Cell], checks: list[dict]) -> dict:
    """What a sandboxed child runs: the graded cells, then the experiments."""
    return {
        "cells": [{"index": c.index, "source": c.source} for c in cells],
        "cell_seconds": 2 * lesson.limits.check_seconds,
        "checks": checks,
    }


def _with_notes(result: CheckResult, notes: list[str]) -> CheckResult:
    if result.passed or "is not defined" not in result.message:
        return result
    return dataclasses.replace(result, message=f"{result.message} ({'; '.join(notes)})")
