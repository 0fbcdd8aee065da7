"""The course's check runtime: what a lesson notebook imports to check answers.

It is shared by the student's kernel (visible checks, from the fixture shipped
beside a released notebook) and by the grader (every check, in a sandbox), so
both run the same experiments and the same comparisons. It holds no lesson's
checks and no reference code.
"""

from .student import CheckFailed, make_check

__all__ = ["CheckFailed", "make_check"]
