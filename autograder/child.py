"""What runs inside the sandboxed child: a submission's cells, then the checks.

Every step is reported as an event as soon as it ends, so whatever kills the
child later (a crash, the CPU limit) costs only the checks that had not run.
Events: {"cell": i} before a cell, {"cell_error": ...} when one raises,
{"check": id} before a check, {"observed": id, "value": ...} after it, {"done": true}.
"""

from __future__ import annotations

import builtins
import linecache
from collections.abc import Callable

from mlcourse_check import codec
from mlcourse_check.runner import describe_error, observe, time_limit


def _register(filename: str, source: str) -> None:
    """Keep the cell's lines so tracebacks can quote the student's code."""
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)


def run_cells(
    cells: list[dict], emit: Callable[[dict], None], seconds: float | None
) -> dict:
    namespace: dict = {"__name__": "__main__", "__builtins__": builtins}
    for cell in cells:
        filename = f"<cell {cell['index']}>"
        _register(filename, cell["source"])
        emit({"cell": cell["index"]})
        try:
            with time_limit(seconds):
                exec(compile(cell["source"], filename, "exec"), namespace)
        except BaseException as exc:  # SystemExit too: a cell may not end grading
            error = describe_error(exc)
            if isinstance(exc, SyntaxError):
                error["where"] = (
                    f"line {exc.lineno} of {filename}: {(exc.text or '').strip()}"
                )
            emit({"cell_error": cell["index"], "error": error})
    return namespace


def run_job(job: dict, emit: Callable[[dict], None]) -> None:
    import sys

    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(1)
    namespace = run_cells(job["cells"], emit, job.get("cell_seconds"))
    for check in job["checks"]:
        emit({"check": check["id"]})
        names = check.get("names") or [check["target"]]
        missing = [n for n in names if n not in namespace]
        if missing:
            value = {
                "t": "error",
                "type": "NameError",
                "message": f"{missing[0]} is not defined",
            }
        else:
            inputs = {
                k: codec.decode(v, as_torch=True) for k, v in check["inputs"].items()
            }
            scope = {n: namespace[n] for n in names}
            value = observe(check["code"], inputs, scope, timeout=check["timeout"])
        emit({"observed": check["id"], "value": value})
    emit({"done": True})
