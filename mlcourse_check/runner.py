"""Run one check's experiment on an implementation and record what came back.

An experiment is a few lines of Python (`code`) that call the graded function
or class with the check's inputs and assign `result`. It runs with only the
graded names, the inputs and the usual modules in scope, so a submission's
other globals cannot change what the experiment does. Whatever happens, the
outcome is an encoded observation: the result, or the exception with the line
of the submission that raised it.
"""

from __future__ import annotations

import contextlib
import io
import math
import signal
import sys
import threading
import traceback
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np

from . import codec

CHECK_FILENAME = "<check>"


class CheckTimeout(BaseException):
    """Raised inside an experiment that ran past its time."""


def _base_env() -> dict:
    env = {"np": np, "math": math, "warnings": warnings}
    torch = sys.modules.get("torch")
    if torch is not None:
        env.update(torch=torch, nn=torch.nn, F=torch.nn.functional)
    return env


def _is_ours(filename: str) -> bool:
    if filename == CHECK_FILENAME:
        return True
    here = __file__.rsplit("/", 1)[0]
    if filename.startswith(here):
        return True
    return any(filename.startswith(p) for p in _library_prefixes())


def _library_prefixes() -> list[str]:
    prefixes = {sys.prefix, sys.base_prefix, sys.exec_prefix}
    for name in ("numpy", "torch"):
        mod = sys.modules.get(name)
        if mod is not None and getattr(mod, "__file__", None):
            prefixes.add(mod.__file__.rsplit("/", 2)[0])
    return [p for p in prefixes if p]


def where(exc: BaseException) -> str:
    """The submission's own line that raised, as `line N of FILE: code`."""
    frames = traceback.extract_tb(exc.__traceback__)
    theirs = [f for f in frames if not _is_ours(f.filename)]
    if not theirs:
        return ""
    f = theirs[-1]
    line = (f.line or "").strip()
    name = f"in {f.name}" if f.name != "<module>" else ""
    return f"line {f.lineno} {name} of {f.filename}: {line}".replace("  ", " ")


def describe_error(exc: BaseException) -> dict:
    text = str(exc).strip().splitlines()
    message = text[0][:300] if text else ""
    return {
        "t": "error",
        "type": type(exc).__name__,
        "message": message,
        "where": where(exc),
        "not_implemented": isinstance(exc, NotImplementedError),
    }


@contextlib.contextmanager
def time_limit(seconds: float | None):
    usable = (
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise CheckTimeout(f"still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def observe(
    code: str,
    inputs: Mapping[str, Any],
    names: Mapping[str, Any],
    *,
    timeout: float | None = None,
) -> dict:
    """Run `code` with `names` and `inputs` in scope; return the encoded `result`.

    Output that the implementation prints or warns is swallowed, so a check
    never writes to the notebook's stderr.
    """
    env = {**_base_env(), **names, **inputs}
    sink = io.StringIO()
    try:
        compiled = compile(code, CHECK_FILENAME, "exec")
        with (
            warnings.catch_warnings(),
            contextlib.redirect_stdout(sink),
            contextlib.redirect_stderr(sink),
            np.errstate(divide="warn", over="warn", invalid="warn", under="ignore"),
            time_limit(timeout),
        ):
            warnings.simplefilter("ignore")
            exec(compiled, env)
        if "result" not in env:
            return {
                "t": "error",
                "type": "CheckError",
                "message": "the experiment set no result",
            }
        return codec.encode(env["result"])
    except CheckTimeout as exc:
        return {
            "t": "error",
            "type": "Timeout",
            "message": str(exc),
            "where": where(exc),
        }
    except RecursionError as exc:
        return describe_error(exc)
    except MemoryError as exc:
        return {
            "t": "error",
            "type": "MemoryError",
            "message": "ran out of memory",
            "where": where(exc),
        }
    except (SystemExit, KeyboardInterrupt) as exc:
        kind = "sys.exit()" if isinstance(exc, SystemExit) else "KeyboardInterrupt"
        return {
            "t": "error",
            "type": type(exc).__name__,
            "message": f"your code raised {kind}",
            "where": where(exc),
        }
    except Exception as exc:  # the submission's own error, reported as data
        return describe_error(exc)
