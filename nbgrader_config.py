"""nbgrader's configuration for this course, derived from course.yml."""

from autograder.release import configure

configure(get_config())  # noqa: F821 (nbgrader provides get_config)
