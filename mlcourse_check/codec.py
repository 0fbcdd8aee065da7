"""Observations as plain data: JSON with arrays in base64, never pickle.

Every value that crosses a process boundary (inputs sent to a sandboxed child,
observations sent back, expected values stored in a release fixture) goes
through `encode` and `decode`. Decoding builds only numbers, strings, lists,
dicts and numpy arrays, so a payload can never run code when it is loaded.

An encoded value is a dict with a tag `t`:

    none, bool, num, str      Python scalars (numpy scalars count as num)
    seq                       list or tuple, `kind` says which
    dict                      string keys only
    array                     numpy.ndarray of bool, int, uint or float dtype
    tensor                    torch.Tensor (or Parameter), same dtypes
    other                     anything else: recorded by type name, never equal
    error                     an exception raised while observing
"""

from __future__ import annotations

import base64
import json
import math
import sys
from typing import Any

import numpy as np

PLAIN_KINDS = "biuf"
MAX_DEPTH = 8


def _array_payload(a: np.ndarray) -> dict:
    a = np.ascontiguousarray(a)
    return {
        "dtype": a.dtype.str,
        "shape": list(a.shape),
        "data": base64.b64encode(a.tobytes()).decode("ascii"),
    }


def _torch():
    return sys.modules.get("torch")


def encode(value: Any, depth: int = 0) -> dict:
    """Turn a value into tagged plain data; unknown objects become `other`."""
    if depth > MAX_DEPTH:
        return {"t": "other", "type": "nested too deeply"}
    if value is None:
        return {"t": "none"}
    if type(value) is bool or type(value) is np.bool_:
        return {"t": "bool", "v": bool(value)}
    if type(value) is int or (
        isinstance(value, np.integer) and type(value).__module__ == "numpy"
    ):
        return {"t": "num", "v": int(value), "int": True}
    if type(value) is float or type(value) in (np.float64, np.float32, np.float16):
        return {"t": "num", "v": float(value), "int": False}
    if type(value) is str:
        return {"t": "str", "v": value[:10_000]}
    if type(value) in (list, tuple):
        kind = "tuple" if type(value) is tuple else "list"
        return {
            "t": "seq",
            "kind": kind,
            "items": [encode(v, depth + 1) for v in value],
        }
    if type(value) is dict and all(type(k) is str for k in value):
        return {
            "t": "dict",
            "items": {k: encode(v, depth + 1) for k, v in value.items()},
        }
    if type(value) is np.ndarray and value.dtype.kind in PLAIN_KINDS:
        return {"t": "array", **_array_payload(value)}
    torch = _torch()
    if torch is not None:
        if type(value) is torch.Size:
            return {
                "t": "seq",
                "kind": "tuple",
                "items": [encode(int(v)) for v in value],
            }
        if type(value) in (torch.Tensor, torch.nn.Parameter):
            t = value.detach().cpu()
            if t.dtype == torch.bfloat16:
                t = t.float()
            a = t.numpy()
            if a.dtype.kind in PLAIN_KINDS:
                return {
                    "t": "tensor",
                    "requires_grad": bool(value.requires_grad),
                    **_array_payload(a),
                }
    kind = type(value)
    return {"t": "other", "type": f"{kind.__module__}.{kind.__qualname__}"}


def _array_from(payload: dict) -> np.ndarray:
    dtype = np.dtype(payload["dtype"])
    if dtype.kind not in PLAIN_KINDS:
        raise ValueError(f"dtype {dtype} is not plain data")
    shape = tuple(int(n) for n in payload["shape"])
    raw = base64.b64decode(payload["data"], validate=True)
    if len(raw) != dtype.itemsize * math.prod(shape):
        raise ValueError("array payload has the wrong size")
    return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()


class Tensor:
    """A decoded torch tensor: its values as numpy plus the flags we observed."""

    __slots__ = ("array", "requires_grad")

    def __init__(self, array: np.ndarray, requires_grad: bool = False):
        self.array = array
        self.requires_grad = requires_grad


class Other:
    """A value that was not plain data; never equal to anything."""

    __slots__ = ("type",)

    def __init__(self, type_name: str):
        self.type = type_name


class Raised:
    """An exception observed instead of a value."""

    __slots__ = ("type", "message", "where", "not_implemented")

    def __init__(
        self, type: str, message: str, where: str = "", not_implemented: bool = False
    ):
        self.type = type
        self.message = message
        self.where = where
        self.not_implemented = not_implemented


def decode(obj: Any, *, as_torch: bool = False) -> Any:
    """Rebuild a value from `encode`'s output.

    With `as_torch` tensors come back as torch tensors (for inputs sent to a
    child); otherwise as `Tensor` records holding numpy arrays (for comparison).
    """
    if type(obj) is not dict or "t" not in obj:
        raise ValueError("malformed observation")
    t = obj["t"]
    if t == "none":
        return None
    if t == "bool":
        return bool(obj["v"])
    if t == "num":
        return int(obj["v"]) if obj.get("int") else float(obj["v"])
    if t == "str":
        return str(obj["v"])
    if t == "seq":
        items = [decode(v, as_torch=as_torch) for v in obj["items"]]
        return tuple(items) if obj["kind"] == "tuple" else items
    if t == "dict":
        return {str(k): decode(v, as_torch=as_torch) for k, v in obj["items"].items()}
    if t == "array":
        return _array_from(obj)
    if t == "tensor":
        a = _array_from(obj)
        if as_torch:
            import torch

            return torch.from_numpy(a).requires_grad_(bool(obj.get("requires_grad")))
        return Tensor(a, bool(obj.get("requires_grad")))
    if t == "other":
        return Other(str(obj.get("type", "?")))
    if t == "error":
        return Raised(
            str(obj.get("type", "Exception")),
            str(obj.get("message", "")),
            str(obj.get("where", "")),
            bool(obj.get("not_implemented", False)),
        )
    raise ValueError(f"unknown observation tag {t!r}")


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    return json.loads(text)
