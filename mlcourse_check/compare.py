"""Compare an observation with the expected one, one rung of a ladder at a time.

The ladder is fixed and only the first failure is reported: raised, attempted,
returned something, type, length, shape, dtype, finite values, values (or a
property judge). Messages say what came back, what was expected and, for
values, the tolerance used and the first entry that differs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .codec import Other, Raised, Tensor

NUMPY_TOL = (1e-7, 1e-12)  # rtol, atol for float64
TORCH_TOL = (1e-5, 1e-6)  # rtol, atol for float32


@dataclass(frozen=True)
class Verdict:
    passed: bool
    step: str = "values"  # the ladder rung that decided
    message: str = ""


PASS = Verdict(True, "passed")


def default_tolerance(expected: Any) -> tuple[float, float]:
    """float32 anywhere in the expected value means torch tolerances."""
    if isinstance(expected, Tensor):
        expected = expected.array
    if isinstance(expected, np.ndarray) and expected.dtype == np.float32:
        return TORCH_TOL
    if isinstance(expected, (list, tuple)):
        if any(default_tolerance(e) == TORCH_TOL for e in expected):
            return TORCH_TOL
    if isinstance(expected, dict):
        if any(default_tolerance(e) == TORCH_TOL for e in expected.values()):
            return TORCH_TOL
    return NUMPY_TOL


def describe(value: Any) -> str:
    """A short name for what a value is: 'an array of shape (3, 4) float64'."""
    if value is None:
        return "None"
    if isinstance(value, bool):
        return f"the bool {value}"
    if isinstance(value, (int, float)):
        return f"the number {value:.6g}"
    if isinstance(value, str):
        return f"the string {value[:40]!r}"
    if isinstance(value, tuple):
        return f"a tuple of {len(value)}"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return f"a dict with keys {sorted(value)[:6]}"
    if isinstance(value, Tensor):
        return f"a tensor of shape {tuple(value.array.shape)} {str(value.array.dtype).replace('float', 'torch.float')}"
    if isinstance(value, np.ndarray):
        return f"an array of shape {tuple(value.shape)} {value.dtype}"
    if isinstance(value, Other):
        return f"a {value.type} (not plain data)"
    return type(value).__name__


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return "number"
    if isinstance(value, (list, tuple)):
        return "sequence"
    if isinstance(value, Tensor):
        return "tensor"
    if isinstance(value, np.ndarray):
        return "array"
    if isinstance(value, dict):
        return "dict"
    if isinstance(value, str):
        return "string"
    return "other"


def _dtype_family(dtype: np.dtype) -> str:
    return {"b": "bool", "i": "integer", "u": "integer", "f": str(dtype)}.get(
        dtype.kind, str(dtype)
    )


def _show(value) -> str:
    return str(value) if isinstance(value, bool) else f"{value:.6g}"


def _first_difference(got: np.ndarray, expected: np.ndarray, close: np.ndarray) -> str:
    idx = tuple(int(i) for i in np.argwhere(~close)[0])
    g, e = got[idx], expected[idx]
    if got.dtype.kind == "b" or expected.dtype.kind == "b":
        g, e = bool(g), bool(e)
    if not idx:
        return f"is {_show(g)}, expected {_show(e)}"
    n_bad, n = int((~close).sum()), close.size
    count = f"; {n_bad} of {n} entries differ" if n > 1 else ""
    where = f"[{', '.join(map(str, idx))}]"
    return f"differs at {where}: got {_show(g)}, expected {_show(e)}{count}"


def compare_arrays(
    got: np.ndarray, expected: np.ndarray, label: str, rtol: float, atol: float
) -> Verdict:
    """Shape, dtype family, finiteness, then values within tolerance."""
    if got.shape != expected.shape:
        return Verdict(
            False,
            "shape",
            f"{label} has shape {tuple(got.shape)}; expected {tuple(expected.shape)}",
        )
    gf, ef = _dtype_family(got.dtype), _dtype_family(expected.dtype)
    if gf != ef:
        return Verdict(
            False, "dtype", f"{label} has dtype {got.dtype}; expected {expected.dtype}"
        )
    if expected.dtype.kind in "biu":
        equal = got == expected
        if not equal.all():
            return Verdict(
                False, "values", f"{label} {_first_difference(got, expected, equal)}"
            )
        return PASS
    g64, e64 = got.astype(np.float64), expected.astype(np.float64)
    bad_finite = ~np.isfinite(g64) & np.isfinite(e64)
    if bad_finite.any():
        idx = tuple(int(i) for i in np.argwhere(bad_finite)[0])
        at = f" at [{', '.join(map(str, idx))}]" if idx else ""
        return Verdict(
            False, "finite", f"{label} holds {g64[idx]}{at}; expected finite values"
        )
    if not np.isfinite(rtol):  # structure only: a property judge decides the values
        return PASS
    close = np.isclose(g64, e64, rtol=rtol, atol=atol, equal_nan=True)
    if not close.all():
        detail = _first_difference(g64, e64, close)
        return Verdict(
            False, "values", f"{label} {detail} (rtol {rtol:g}, atol {atol:g})"
        )
    return PASS


def compare(
    got: Any,
    expected: Any,
    *,
    rtol: float,
    atol: float,
    label: str = "the result",
    names: Sequence[str] | None = None,
) -> Verdict:
    """Walk the ladder over nested results; `names` label the items of a tuple."""
    if isinstance(got, Raised):
        if got.not_implemented:
            return Verdict(
                False,
                "attempted",
                "not attempted yet: replace the stub's `raise NotImplementedError`",
            )
        at = f" at {got.where}" if got.where else ""
        return Verdict(False, "raised", f"raised {got.type}: {got.message}{at}")
    if isinstance(got, Other):
        return Verdict(
            False, "type", f"{label} is {describe(got)}; expected {describe(expected)}"
        )
    if got is None and expected is not None:
        return Verdict(False, "returned", f"{label} is None; did you forget `return`?")
    gk, ek = _kind(got), _kind(expected)
    if gk != ek and not ({gk, ek} <= {"number", "bool"} and ek == "number"):
        return Verdict(
            False, "type", f"{label} is {describe(got)}; expected {describe(expected)}"
        )
    if ek == "sequence":
        if len(got) != len(expected):
            return Verdict(
                False,
                "length",
                f"{label} has {len(got)} items; expected {len(expected)}"
                + (
                    f" ({', '.join(names)})"
                    if names and len(names) == len(expected)
                    else ""
                ),
            )
        for i, (g, e) in enumerate(zip(got, expected, strict=True)):
            item = (
                names[i] if names and len(names) == len(expected) else f"{label}[{i}]"
            )
            v = compare(g, e, rtol=rtol, atol=atol, label=item)
            if not v.passed:
                return v
        return PASS
    if ek == "dict":
        missing = sorted(set(expected) - set(got))
        extra = sorted(set(got) - set(expected))
        if missing or extra:
            return Verdict(
                False,
                "keys",
                f"{label} has keys {sorted(got)}; expected {sorted(expected)}",
            )
        for key in expected:
            v = compare(
                got[key], expected[key], rtol=rtol, atol=atol, label=f"{label}[{key!r}]"
            )
            if not v.passed:
                return v
        return PASS
    if ek == "tensor":
        return compare_arrays(got.array, expected.array, label, rtol, atol)
    if ek == "array":
        return compare_arrays(got, expected, label, rtol, atol)
    if ek in ("number", "bool"):
        return compare_arrays(
            np.asarray(float(got)), np.asarray(float(expected)), label, rtol, atol
        )
    if got != expected:
        return Verdict(False, "values", f"{label} is {got!r}; expected {expected!r}")
    return PASS


# Normalisers make answers comparable that are defined only up to a symmetry.
def _relabel(labels: Any) -> Any:
    """Cluster labels renamed in order of first appearance."""
    a = labels.array if isinstance(labels, Tensor) else labels
    if not isinstance(a, np.ndarray):
        return labels
    _, first, inverse = np.unique(a, return_index=True, return_inverse=True)
    order = np.argsort(np.argsort(first))
    return order[inverse].reshape(a.shape).astype(a.dtype)


def _sign_rows(rows: Any) -> Any:
    """Each row's sign fixed so that its largest-magnitude entry is positive."""
    if not isinstance(rows, np.ndarray) or rows.ndim != 2:
        return rows
    pivot = rows[np.arange(len(rows)), np.abs(rows).argmax(axis=1)]
    return rows * np.where(pivot < 0, -1.0, 1.0)[:, None]


NORMALIZERS: dict[str, Callable[[Any], Any]] = {
    "labels": _relabel,
    "sign_rows": _sign_rows,
}
