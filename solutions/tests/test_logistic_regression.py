"""Oracle tests of lesson 03: the reference against scipy and scikit-learn."""

import warnings

import numpy as np
import pytest
from scipy.special import expit
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, log_loss, precision_recall_fscore_support

from solutions import logistic_regression as ref
from solutions.tests.conftest import assert_budget, run_headline


def _data(seed, N=60, D=3):
    """Raw X (N, D) and overlapping labels (N,)."""
    rng = np.random.default_rng(seed)
    X = rng.normal(1.0, 2.0, size=(N, D))
    y = ((X - 1.0) @ rng.normal(size=D) + 0.3 + rng.normal(size=N) > 0).astype(int)
    return X, y


def test_sigmoid_matches_expit():
    z = np.linspace(-745.0, 745.0, 2001).reshape(3, 667)
    np.testing.assert_allclose(ref.sigmoid(z), expit(z), rtol=1e-12, atol=1e-300)


def test_sigmoid_is_finite_without_warnings():
    z = np.array([-1e308, -1e3, -50.0, 0.0, 50.0, 1e3, 1e308])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="warn", divide="warn", invalid="warn"):
            p = ref.sigmoid(z)
    np.testing.assert_allclose(p, expit(z), rtol=1e-12, atol=0)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_bce_loss_matches_log_loss(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, size=50)
    y[:2] = [0, 1]
    p = rng.uniform(size=50)
    expected = log_loss(y, p)
    assert ref.bce_loss(y, p) == pytest.approx(expected, rel=1e-12)


def test_bce_loss_clips_exact_probabilities():
    y = np.array([0, 1, 0, 1, 1, 0])
    p = np.array([0.0, 1.0, 1.0, 0.0, 0.5, 0.3])
    eps = 1e-12
    by_hand = -np.mean(
        y * np.log(np.clip(p, eps, 1 - eps))
        + (1 - y) * np.log1p(-np.clip(p, eps, 1 - eps))
    )
    assert ref.bce_loss(y, p) == pytest.approx(by_hand, rel=1e-5)
    assert ref.bce_loss(y, p) == pytest.approx(
        -(2 * np.log(eps) + np.log(0.5) + np.log(0.7)) / 6, rel=1e-4
    )


@pytest.mark.parametrize("l2", [0.0, 0.3])
def test_bce_gradient_matches_central_differences(l2):
    X, y = _data(3, N=25, D=4)
    Xb = np.hstack([np.ones((25, 1)), X])
    w = np.random.default_rng(4).normal(scale=0.3, size=5)

    def objective(w):
        return log_loss(y, expit(Xb @ w), labels=[0, 1]) + l2 / 2 * w[1:] @ w[1:]

    h = 1e-6
    numeric = [
        (objective(w + h * e) - objective(w - h * e)) / (2 * h) for e in np.eye(5)
    ]
    np.testing.assert_allclose(ref.bce_gradient(w, Xb, y, l2), numeric, atol=1e-6)


@pytest.mark.parametrize("l2", [0.05, 0.1])
def test_fit_logistic_matches_sklearn(l2):
    X, y = _data(0)
    N = len(y)
    w = ref.fit_logistic((X - 1.0) / 2.0, y, l2=l2)
    clf = LogisticRegression(C=1 / (N * l2), tol=1e-12, max_iter=10_000)
    clf.fit((X - 1.0) / 2.0, y)
    expected = np.r_[clf.intercept_, clf.coef_[0]]
    np.testing.assert_allclose(w, expected, atol=1e-3)


def test_fit_logistic_takes_exactly_n_iter_steps():
    X, y = _data(5, N=20, D=2)
    Xb = np.hstack([np.ones((20, 1)), X])
    w = np.zeros(3)
    for _ in range(7):
        w = w - 0.3 * ref.bce_gradient(w, Xb, y, 0.2)
    np.testing.assert_allclose(ref.fit_logistic(X, y, lr=0.3, n_iter=7, l2=0.2), w)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_confusion_matrix_matches_sklearn(seed):
    rng = np.random.default_rng(seed)
    y_true, y_pred = rng.integers(0, 2, size=(2, 40))
    M = ref.confusion_matrix(y_true, y_pred)
    np.testing.assert_array_equal(M, confusion_matrix(y_true, y_pred))
    assert M.dtype.kind == "i"


def test_confusion_matrix_is_always_two_by_two():
    y = np.ones(5, dtype=int)
    expected = confusion_matrix(y, y, labels=[0, 1])
    np.testing.assert_array_equal(ref.confusion_matrix(y, y), expected)


@pytest.mark.parametrize(
    "y_true, y_pred",
    [
        (
            np.random.default_rng(0).integers(0, 2, 40),
            np.random.default_rng(1).integers(0, 2, 40),
        ),
        ([0, 1, 1, 0, 1], [0, 0, 0, 0, 0]),  # no predicted positive
        ([0, 0, 0, 0], [0, 1, 1, 0]),  # no true positive
        ([0, 0, 0], [0, 0, 0]),  # neither
        ([1, 0, 1], [1, 0, 1]),  # perfect
    ],
)
def test_precision_recall_f1_matches_sklearn(y_true, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    p, r, f1, _ = precision_recall_fscore_support(
        y_true, y_pred, average="binary", zero_division=0
    )
    np.testing.assert_allclose(
        ref.precision_recall_f1(y_true, y_pred), (p, r, f1), rtol=1e-12
    )


@pytest.mark.headline
def test_headline():
    headline, seconds = run_headline("03-logistic-regression", ref)
    assert headline["accuracy"] >= 0.94
    assert headline["f1"] >= 0.95
    assert_budget(seconds, 5)
