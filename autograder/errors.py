"""Errors that reach a user as one line, never as a traceback."""


class UserError(Exception):
    """Bad input: the CLI prints the message on stderr and exits with 2."""


class CourseError(UserError):
    """course.yml or a lesson file is wrong; the message names the file, the key and the fix."""


class SubmissionError(Exception):
    """A submission could not be graded at all (unreadable, not a notebook)."""
