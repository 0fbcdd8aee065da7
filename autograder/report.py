"""Tables for people: one row per submission, then the first line of each failure."""

from __future__ import annotations

from collections.abc import Iterable

from .grade import SubmissionResult


def _short(text: str, width: int = 110) -> str:
    line = text.splitlines()[0] if text else ""
    return line if len(line) <= width else line[: width - 1] + "…"


def print_table(
    results: Iterable[SubmissionResult], label=lambda r: r.submission
) -> None:
    results = list(results)
    width = max([len("submission")] + [len(label(r)) for r in results])
    print(f"{'lesson':24s} {'submission':{width}s} {'score':>11s}")
    for r in results:
        print(f"{r.lesson:24s} {label(r):{width}s} {r.score:5.2f} / {r.max_score:<4g}")
        if r.error:
            print(f"    ! {_short(r.error)}")
            continue
        failures = r.failures
        if failures and all("not attempted yet" in c.message for c in failures):
            print(
                f"    ✗ {len(failures)} checks: not attempted yet (the stubs are untouched)"
            )
            continue
        for check in failures:
            print(f"    ✗ {check.check}: {_short(check.message)}")
