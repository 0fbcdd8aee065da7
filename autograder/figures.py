"""Plots of a student's own results, for the feedback page.

The data comes from the sandbox (the lesson's `FIGURES` experiments run on
the submission's names); the drawing happens here, in the grader, with
matplotlib's Agg backend. A figure whose data did not come back is left out.
"""

from __future__ import annotations

import base64
import io
import zlib

import numpy as np

from mlcourse_check import codec

from .course import Lesson
from .reference import checks_module, reference_module


def figure_checks(lesson: Lesson) -> list[tuple[object, dict]]:
    """(Figure, encoded inputs) for each figure of the lesson, inputs seeded by title."""
    figures = getattr(checks_module(lesson), "FIGURES", [])
    ref = reference_module(lesson)
    out = []
    for figure in figures:
        rng = np.random.default_rng(zlib.crc32(figure.title.encode()))
        values = figure.inputs(rng, ref)
        out.append((figure, {k: codec.encode(v) for k, v in values.items()}))
    return out


def draw_png(figure, observed: dict, inputs: dict) -> bytes | None:
    """The PNG of one figure, or None when the student's result cannot be drawn."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    value = codec.decode(observed)
    if isinstance(value, (codec.Raised, codec.Other)):
        return None
    fig, ax = plt.subplots(figsize=(5, 4), dpi=80)
    try:
        figure.draw(
            ax, _plain(value), {k: _plain(codec.decode(v)) for k, v in inputs.items()}
        )
        ax.set_title(figure.title)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", bbox_inches="tight")
        return buffer.getvalue()
    except Exception:  # the student's result has the wrong shape to draw: no figure
        return None
    finally:
        plt.close(fig)


def _plain(value):
    if isinstance(value, codec.Tensor):
        return value.array
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    return value


def as_data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
