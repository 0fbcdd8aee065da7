"""`mlcourse export --to nbgrader` imports `export.<to>`: nbgrader's CSV lives in
`nbgrader_csv` (a module named like the nbgrader package would confuse readers)."""

from .nbgrader_csv import COLUMNS, write

__all__ = ["COLUMNS", "write"]
