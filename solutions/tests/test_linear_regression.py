"""Oracle tests of lesson 02: the reference against scikit-learn and numpy."""

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_squared_error
from sklearn.metrics import r2_score as sk_r2_score
from sklearn.preprocessing import StandardScaler

from solutions import linear_regression as ref
from solutions.tests.conftest import assert_budget, run_headline

RTOL = 1e-9  # well-conditioned inputs: independent routes agree to ~1e-13


def _data(n, d, seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) * rng.uniform(0.1, 10.0, size=d)
    y = 2.0 + X @ rng.normal(size=d) + 0.3 * rng.normal(size=n)
    return X, y


def _one_hot_trap(seed):
    rng = np.random.default_rng(seed)
    cat = np.concatenate([[0, 1, 2], rng.integers(0, 3, size=37)])
    X = np.column_stack([np.eye(3)[cat], rng.normal(size=40)])  # (40, 4)
    return X, X @ [1.0, -2.0, 0.5, 3.0] + 4.0 + 0.1 * rng.normal(size=40)


def _rank_deficient(kind, seed):
    rng = np.random.default_rng(seed)
    if kind == "duplicate":
        X = rng.normal(size=(30, 3))
        return np.hstack([X, X[:, :1]]), rng.normal(size=30)
    if kind == "combination":
        X = rng.normal(size=(30, 3))
        return np.hstack([X, X @ [[1.0], [-2.0], [0.5]]]), rng.normal(size=30)
    if kind == "one_hot":
        return _one_hot_trap(seed)
    return rng.normal(size=(5, 7)), rng.normal(size=5)  # wide


def test_add_bias():
    X = np.random.default_rng(0).normal(size=(6, 3))
    Xb = ref.add_bias(X)
    np.testing.assert_array_equal(Xb, np.column_stack([np.ones(6), X]))


@pytest.mark.parametrize("method", ["lstsq", "normal"])
@pytest.mark.parametrize("n,d,seed", [(40, 3, 0), (25, 1, 1), (200, 10, 2)])
def test_fit_matches_linear_regression(method, n, d, seed):
    X, y = _data(n, d, seed)
    w = ref.fit_least_squares(X, y, method=method)
    sk = LinearRegression().fit(X, y)
    np.testing.assert_allclose(w, np.r_[sk.intercept_, sk.coef_], rtol=RTOL)


@pytest.mark.parametrize("kind", ["duplicate", "combination", "one_hot", "wide"])
def test_fit_rank_deficient_is_minimum_norm(kind):
    X, y = _rank_deficient(kind, seed=3)
    Xb = np.column_stack([np.ones(len(X)), X])
    assert np.linalg.matrix_rank(Xb) < Xb.shape[1]
    w = ref.fit_least_squares(X, y)
    expected = np.linalg.lstsq(Xb, y, rcond=None)[0]
    np.testing.assert_allclose(w, expected, rtol=RTOL, atol=1e-12)
    np.testing.assert_allclose(w, np.linalg.pinv(Xb) @ y, rtol=1e-8, atol=1e-12)
    # w lies in the row space: moving along the null space only adds norm
    null = np.linalg.svd(Xb)[2][np.linalg.matrix_rank(Xb) :]  # (k, D+1)
    np.testing.assert_allclose(null @ w, 0.0, atol=1e-10)


def test_one_hot_trap_differs_from_linear_regression():
    # LinearRegression leaves the intercept out of the norm; the lesson does not
    X, y = _one_hot_trap(seed=4)
    w = ref.fit_least_squares(X, y)
    sk = LinearRegression().fit(X, y)
    np.testing.assert_allclose(ref.predict(X, w), sk.predict(X), rtol=1e-9)
    assert not np.allclose(w, np.r_[sk.intercept_, sk.coef_], rtol=1e-3)
    assert np.linalg.norm(w) < np.linalg.norm(np.r_[sk.intercept_, sk.coef_])


def test_fit_rejects_unknown_method():
    X, y = _data(10, 2, 0)
    with pytest.raises(ValueError, match="method"):
        ref.fit_least_squares(X, y, method="qr")


def test_predict_matches_linear_regression():
    X, y = _data(50, 4, 5)
    X_new = np.random.default_rng(6).normal(size=(7, 4))
    sk = LinearRegression().fit(X, y)
    w = np.r_[sk.intercept_, sk.coef_]
    np.testing.assert_allclose(ref.predict(X_new, w), sk.predict(X_new), rtol=RTOL)


@pytest.mark.parametrize("shift", [0.0, 0.5, 5.0])
def test_metrics_match_sklearn(shift):
    rng = np.random.default_rng(7)
    y = rng.normal(3.0, 2.0, size=30)
    y_hat = y + rng.normal(shift, 1.0, size=30)
    assert ref.mse(y, y_hat) == pytest.approx(mean_squared_error(y, y_hat), rel=1e-12)
    assert ref.r2_score(y, y_hat) == pytest.approx(sk_r2_score(y, y_hat), rel=1e-12)


def test_r2_edges():
    y = np.random.default_rng(8).normal(size=12)
    assert ref.r2_score(y, y.copy()) == 1.0
    assert ref.r2_score(y, np.full_like(y, y.mean())) == pytest.approx(0.0, abs=1e-15)
    assert ref.r2_score(y, 1 - 2 * y) < 0
    assert ref.r2_score(y, 1 - 2 * y) == pytest.approx(sk_r2_score(y, 1 - 2 * y))


@pytest.mark.parametrize("n,d,seed", [(50, 4, 9), (30, 1, 10), (442, 10, 11)])
def test_standardized_coefficients_match_scaled_fit(n, d, seed):
    X, y = _data(n, d, seed)
    sk = LinearRegression().fit(StandardScaler().fit_transform(X), y)
    beta = ref.standardized_coefficients(X, y)
    np.testing.assert_allclose(beta, sk.coef_, rtol=RTOL)
    w = ref.fit_least_squares(X, y)
    np.testing.assert_allclose(beta, w[1:] * X.std(axis=0), rtol=RTOL)


def test_rank_features():
    coefs = np.array([0.5, -3.0, 2.0, -0.1, 1.0])
    order = ref.rank_features(coefs)
    np.testing.assert_array_equal(order, [1, 2, 4, 0, 3])
    assert order.dtype.kind == "i"
    rng = np.random.default_rng(12)
    coefs = rng.permutation(np.linspace(0.1, 2.0, 9)) * rng.choice([-1, 1], size=9)
    expected = sorted(range(9), key=lambda j: -abs(coefs[j]))
    np.testing.assert_array_equal(ref.rank_features(coefs), expected)


@pytest.mark.headline
def test_headline():
    headline, seconds = run_headline("02-linear-regression", ref)
    assert headline["test_r2"] >= 0.45
    assert headline["test_r2"] == pytest.approx(headline["sklearn_test_r2"], rel=1e-9)
    assert_budget(seconds, 5)
