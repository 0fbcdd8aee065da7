"""Checks of lesson 02, linear regression."""

import numpy as np

from autograder.checks import Check, Mistake


def _bias_last(X):
    return np.hstack([X, np.ones((X.shape[0], 1))])


CHECKS = [
    Check(
        "add_bias.values",
        "add_bias(X), X of shape (5, 3)",
        inputs=lambda rng, ref: {"X": rng.normal(size=(5, 3))},
        code="result = add_bias(X)",
    ),
    Check(
        "add_bias.one_feature",
        "add_bias(X), X of shape (4, 1)",
        inputs=lambda rng, ref: {"X": rng.normal(size=(4, 1))},
        code="result = add_bias(X)",
        hidden=True,
    ),
]

MISTAKES = [
    Mistake("add_bias", "the ones go first: column 0 is the bias (np.hstack([ones, X]))", _bias_last),
]
