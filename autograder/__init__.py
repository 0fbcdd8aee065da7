"""The course's grader: checks, sandboxed runner, feedback, release and CLI."""

__version__ = "0.1.0"
