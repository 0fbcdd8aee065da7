"""nbgrader's autograde, told to skip the lesson's training and plotting cells.

Grading runs only what defines the answers; with this executor nbgrader's
own autograde does the same, so both graders run the same cells (and
nbgrader no longer spends a headline's training time per submission).
"""

from __future__ import annotations

from nbgrader.preprocessors import Execute

from .notebook import SKIP_TAGS


class ExecuteAnswers(Execute):
    def preprocess_cell(self, cell, resources, index):
        if SKIP_TAGS & set(cell.get("metadata", {}).get("tags", [])):
            return cell, resources
        return super().preprocess_cell(cell, resources, index)
