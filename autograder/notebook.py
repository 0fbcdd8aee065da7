"""Reading a lesson or a submission into the cells that grading runs.

Cells are matched to the lesson's source by nbgrader's `grade_id`, and the
source decides what each one is: a solution cell runs as the student wrote it;
a locked setup cell runs as the source has it (as nbgrader restores locked
cells); test cells and cells tagged `train` or `plot` never run at grading.
Cells the student added (no grade_id of the source) run too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat

from .errors import SubmissionError

SKIP_TAGS = {"train", "plot"}


@dataclass(frozen=True)
class Cell:
    index: int  # position in the submission, for messages ("cell 7")
    kind: str  # "setup", "solution" or "student"
    source: str
    grade_id: str | None = None

    @property
    def filename(self) -> str:
        return f"<cell {self.index}>"


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """An .ipynb, or a Jupytext .py (percent format or plain script)."""
    path = Path(path)
    try:
        if path.suffix == ".py":
            return jupytext.reads(path.read_text(encoding="utf-8"), fmt="py:percent")
        return nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    except FileNotFoundError:
        raise SubmissionError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise SubmissionError(
            f"{path}: not a text file; submit the .ipynb notebook"
        ) from None
    except (
        json.JSONDecodeError,
        nbformat.reader.NotJSONError,
        ValueError,
        KeyError,
        TypeError,
    ) as exc:
        first = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise SubmissionError(f"{path}: not a readable notebook ({first})") from None
    except OSError as exc:
        raise SubmissionError(f"{path}: cannot read it ({exc.strerror})") from None


def _meta(cell) -> dict:
    meta = cell.get("metadata", {}) if isinstance(cell, dict) else {}
    nbg = meta.get("nbgrader", {}) if isinstance(meta, dict) else {}
    return nbg if isinstance(nbg, dict) else {}


def _source(cell) -> str:
    src = cell.get("source", "")
    if isinstance(src, list):
        return "".join(str(line) for line in src)
    return src if isinstance(src, str) else ""


def cell_roles(lesson_nb) -> dict[str, tuple[str, str]]:
    """grade_id -> (role, source) for the lesson's code cells."""
    roles = {}
    for cell in lesson_nb.cells:
        if cell.get("cell_type") != "code":
            continue
        meta = _meta(cell)
        grade_id = meta.get("grade_id")
        if not grade_id:
            continue
        tags = set(cell.get("metadata", {}).get("tags", []))
        if meta.get("solution"):
            role = "solution"
        elif meta.get("grade") or tags & SKIP_TAGS:
            role = "skip"
        else:
            role = "setup"
        roles[grade_id] = (role, _source(cell))
    return roles


def _strip_magics(source: str) -> str:
    """IPython magics and shell escapes are not Python: comment them out."""
    lines = []
    for line in source.splitlines():
        stripped = line.lstrip()
        lines.append(f"# {line}" if stripped.startswith(("%", "!")) else line)
    return "\n".join(lines)


def graded_cells(submission, lesson_nb) -> list[Cell]:
    """The cells of `submission` that grading executes, in order."""
    roles = cell_roles(lesson_nb)
    cells_in = submission.get("cells", []) if isinstance(submission, dict) else []
    present = {_meta(c).get("grade_id") for c in cells_in if isinstance(c, dict)}
    # a deleted setup cell comes back from the lesson, as nbgrader restores locked cells
    cells = [
        Cell(0, "setup", source, grade_id)
        for grade_id, (role, source) in roles.items()
        if role == "setup" and grade_id not in present
    ]
    for index, cell in enumerate(cells_in, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        grade_id = _meta(cell).get("grade_id")
        role, lesson_source = roles.get(grade_id, ("student", None))
        if role == "skip":
            continue
        if role == "setup":
            cells.append(Cell(index, "setup", lesson_source, grade_id))
        else:
            cells.append(Cell(index, role, _strip_magics(_source(cell)), grade_id))
    return cells


def cells_with_tag(nb, tag: str) -> list[str]:
    return [
        _source(c)
        for c in nb.cells
        if c.get("cell_type") == "code" and tag in c.get("metadata", {}).get("tags", [])
    ]
