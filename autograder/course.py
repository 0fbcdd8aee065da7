"""course.yml as typed, validated objects.

Every problem is a one-line `CourseError` that names the file, the key and the
fix, so that `mlcourse validate` and every other command can report it plainly.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from .errors import CourseError

ROOT = Path(__file__).resolve().parent.parent
LESSON_ID = re.compile(r"^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)$")


@dataclass(frozen=True)
class Limits:
    cpu_seconds: float = 60.0  # CPU time of one submission's child
    memory_mib: int = 2048  # extra data memory the child may allocate
    check_seconds: float = 10.0  # wall time of one check's experiment


@dataclass(frozen=True)
class LatePolicy:
    """What a late submission costs: nothing, a share per day, or everything."""

    policy: str = "none"  # "none", "per_day" or "cutoff"
    percent_per_day: float = 0.0  # per_day: share of the score lost per started day
    cutoff_days: float | None = None  # zero after this many days late (per_day, cutoff)

    def penalty(self, score: float, days_late: float) -> tuple[float, str]:
        """(points taken off, a note for the feedback)."""
        if days_late <= 0 or self.policy == "none":
            return 0.0, ""
        late = f"{days_late:.2f} days late"
        if self.cutoff_days is not None and days_late > self.cutoff_days:
            return score, f"{late}, past the {self.cutoff_days:g}-day cutoff: no points"
        if self.policy == "cutoff":
            return 0.0, f"{late}, within the cutoff: no penalty"
        days = math.ceil(days_late)
        share = min(1.0, days * self.percent_per_day / 100)
        return (
            score * share,
            f"{late}: {share:.0%} off ({self.percent_per_day:g}% per started day)",
        )


@dataclass(frozen=True)
class Exercise:
    name: str
    points: float
    functions: tuple[str, ...]
    banned: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    exercises: tuple[Exercise, ...]
    limits: Limits
    lms: dict[str, Any]
    root: Path
    due: datetime | None = None
    late: LatePolicy = LatePolicy()

    @property
    def number(self) -> str:
        return self.id[:2]

    @property
    def uses_torch(self) -> bool:
        """Lessons 10-26 are torch; the grader preloads it only for them."""
        return int(self.number) >= 10

    @property
    def module(self) -> str:
        """'02-linear-regression' -> 'linear_regression'."""
        return self.id[3:].replace("-", "_")

    @property
    def folder(self) -> Path:
        return self.root / "source" / self.id

    @property
    def source_py(self) -> Path:
        return self.folder / f"{self.module}.py"

    @property
    def notebook(self) -> Path:
        return self.folder / f"{self.module}.ipynb"

    @property
    def points(self) -> float:
        return sum(e.points for e in self.exercises)

    def exercise_of(self, function: str) -> Exercise:
        for exercise in self.exercises:
            if function in exercise.functions:
                return exercise
        raise KeyError(function)

    @property
    def functions(self) -> list[str]:
        return [f for e in self.exercises for f in e.functions]


@dataclass(frozen=True)
class Course:
    id: str
    title: str
    lessons: tuple[Lesson, ...]
    lms: dict[str, Any]
    root: Path

    def lesson(self, key: str) -> Lesson:
        """Find a lesson by id, number ('02' or '2') or module name."""
        for lesson in self.lessons:
            if key in (lesson.id, lesson.module) or (
                key.isdigit() and int(key) == int(lesson.number)
            ):
                return lesson
        known = ", ".join(lesson.id for lesson in self.lessons)
        raise CourseError(f"no lesson {key!r} in course.yml; known lessons: {known}")

    @property
    def points(self) -> float:
        return sum(lesson.points for lesson in self.lessons)


def _keys(
    where: str, data: Any, required: set[str], optional: set[str], path: Path
) -> dict:
    if not isinstance(data, dict):
        raise CourseError(
            f"{path}: {where} must be a mapping, got {type(data).__name__}"
        )
    unknown = sorted(set(data) - required - optional)
    if unknown:
        allowed = ", ".join(sorted(required | optional))
        raise CourseError(
            f"{path}: {where}: unknown key {unknown[0]!r}; allowed keys are {allowed}"
        )
    missing = sorted(required - set(data))
    if missing:
        raise CourseError(f"{path}: {where}: missing key {missing[0]!r}; add it")
    return data


def _banned(where: str, data: Any, path: Path) -> dict[str, str]:
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise CourseError(
            f"{path}: {where}.banned must map a dotted name to a hint, e.g. scipy: use numpy"
        )
    return {str(k): v for k, v in data.items()}


def _limits(where: str, data: Any, base: Limits, path: Path) -> Limits:
    if data is None:
        return base
    data = _keys(
        f"{where}.limits",
        data,
        set(),
        {"cpu_seconds", "memory_mib", "check_seconds"},
        path,
    )
    values = {**base.__dict__, **data}
    for key, value in values.items():
        if not isinstance(value, (int, float)) or value <= 0:
            raise CourseError(
                f"{path}: {where}.limits.{key} must be a positive number, got {value!r}"
            )
    return Limits(**values)


def _late(where: str, data: Any, base: LatePolicy, path: Path) -> LatePolicy:
    if data is None:
        return base
    keys = {"policy", "percent_per_day", "cutoff_days"}
    data = _keys(f"{where}.late", data, set(), keys, path)
    values = {**base.__dict__, **data}
    if values["policy"] not in ("none", "per_day", "cutoff"):
        raise CourseError(
            f"{path}: {where}.late.policy must be none, per_day or cutoff"
        )
    for key in ("percent_per_day", "cutoff_days"):
        value = values[key]
        if value is not None and (not isinstance(value, (int, float)) or value < 0):
            raise CourseError(
                f"{path}: {where}.late.{key} must be a number ≥ 0, got {value!r}"
            )
    return LatePolicy(**values)


def _due(where: str, value: Any, path: Path) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            value = None
    if not isinstance(value, datetime):
        raise CourseError(
            f"{path}: {where}.due must be a date and time like 2027-01-15T23:59:00+00:00"
        )
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _exercise(
    where: str, data: Any, lesson_banned: dict[str, str], path: Path
) -> Exercise:
    data = _keys(where, data, {"name", "points"}, {"functions", "banned"}, path)
    points = data["points"]
    if isinstance(points, bool) or not isinstance(points, (int, float)) or points <= 0:
        raise CourseError(
            f"{path}: {where}.points must be a positive number, got {points!r}"
        )
    functions = data.get("functions", [data["name"]])
    if (
        not isinstance(functions, list)
        or not functions
        or not all(isinstance(f, str) for f in functions)
    ):
        raise CourseError(f"{path}: {where}.functions must be a list of graded names")
    banned = {**lesson_banned, **_banned(where, data.get("banned"), path)}
    return Exercise(str(data["name"]), float(points), tuple(functions), banned)


def _lesson(
    where: str, data: Any, defaults: Limits, late: LatePolicy, root: Path, path: Path
) -> Lesson:
    optional = {"limits", "lms", "banned", "due", "late"}
    data = _keys(where, data, {"id", "title", "exercises"}, optional, path)
    lesson_id = str(data["id"])
    if not LESSON_ID.match(lesson_id):
        raise CourseError(
            f"{path}: {where}.id {lesson_id!r} must look like 02-linear-regression"
        )
    where = f"lesson {lesson_id}"
    banned = _banned(where, data.get("banned"), path)
    if not isinstance(data["exercises"], list) or not data["exercises"]:
        raise CourseError(f"{path}: {where}.exercises must be a non-empty list")
    exercises = [
        _exercise(f"{where}.exercises[{i}]", e, banned, path)
        for i, e in enumerate(data["exercises"])
    ]
    seen: set[str] = set()
    for exercise in exercises:
        for name in (exercise.name, *exercise.functions):
            if name in seen and name != exercise.name:
                raise CourseError(
                    f"{path}: {where}: {name!r} is graded twice; keep one entry"
                )
        if exercise.name in seen:
            raise CourseError(
                f"{path}: {where}: duplicate exercise {exercise.name!r}; rename or remove one"
            )
        seen.update({exercise.name, *exercise.functions})
    lesson = Lesson(
        lesson_id,
        str(data["title"]),
        tuple(exercises),
        _limits(where, data.get("limits"), defaults, path),
        dict(data.get("lms") or {}),
        root,
        _due(where, data.get("due"), path),
        _late(where, data.get("late"), late, path),
    )
    if not lesson.source_py.is_file():
        raise CourseError(
            f"{path}: {where}: missing lesson file {lesson.source_py.relative_to(root)}; "
            "create it or remove the lesson"
        )
    return lesson


def load_course(path: Path | str | None = None) -> Course:
    path = Path(path) if path else ROOT / "course.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CourseError(
            f"{path}: cannot read it ({exc.strerror}); run mlcourse from the course folder"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise CourseError(f"{path}: not valid YAML{at}; fix the syntax") from None
    data = _keys(
        "the top level",
        data,
        {"id", "title", "lessons"},
        {"defaults", "lms", "shared"},
        path,
    )
    defaults = _keys(
        "defaults", data.get("defaults") or {}, set(), {"limits", "late"}, path
    )
    base = _limits("defaults", defaults.get("limits"), Limits(), path)
    late = _late("defaults", defaults.get("late"), LatePolicy(), path)
    if not isinstance(data["lessons"], list) or not data["lessons"]:
        raise CourseError(f"{path}: lessons must be a non-empty list")
    lessons = [
        _lesson(f"lessons[{i}]", d, base, late, path.parent, path)
        for i, d in enumerate(data["lessons"])
    ]
    ids = [lesson.id for lesson in lessons]
    for lesson_id in ids:
        if ids.count(lesson_id) > 1:
            raise CourseError(f"{path}: lesson {lesson_id} is listed twice; keep one")
    return Course(
        str(data["id"]),
        str(data["title"]),
        tuple(lessons),
        dict(data.get("lms") or {}),
        path.parent,
    )
