"""The visible-check fixture that ships beside a released notebook.

It holds, for visible checks only, the experiment code, its inputs, the expected
observation and the observations of known mistakes. No hidden check, no
reference code.
"""

from __future__ import annotations

from .course import load_course
from .reference import build_specs

FIXTURE_VERSION = 1


def visible_fixture(lesson_id: str) -> dict:
    lesson = load_course().lesson(lesson_id)
    specs = build_specs(lesson, hidden=False)
    banned = {
        name: e.banned for e in lesson.exercises for name in e.functions if e.banned
    }
    return {
        "version": FIXTURE_VERSION,
        "lesson": lesson.id,
        "banned": banned,
        "checks": [spec.to_json() for spec in specs],
    }
