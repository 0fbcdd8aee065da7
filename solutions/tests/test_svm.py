"""Oracle tests of lesson 07: the reference against scikit-learn."""

import numpy as np
import pytest
from sklearn.metrics.pairwise import polynomial_kernel, rbf_kernel
from sklearn.svm import SVC

from solutions import svm as ref
from solutions.tests.conftest import assert_budget, run_headline


def _blobs(seed, N=80, D=2, sep=2.0, offset=1.0):
    """Two Gaussian classes (N, D) sep apart, labels ±1 (N,)."""
    rng = np.random.default_rng(seed)
    y = np.where(np.arange(N) % 2 == 0, 1.0, -1.0)
    u = rng.normal(size=D)
    u /= np.linalg.norm(u)
    X = rng.normal(size=(N, D)) + (sep / 2 * y)[:, None] * u + offset
    return X, y


def _dual(alpha, K, y):
    Q = np.outer(y, y) * (K + 1.0)
    return alpha.sum() - 0.5 * alpha @ Q @ alpha


def test_svm_objective_by_hand():
    X = np.array([[1.0, 2.0], [-1.0, 0.5], [0.0, -2.0]])
    y = np.array([1.0, -1.0, 1.0])
    w, b, C = np.array([0.5, -1.0]), 0.25, 2.0
    # f = [-1.25, -0.75, 2.25]: hinges 2.25, 0.25, 0
    expected = 0.5 * 1.25 + C * (2.25 + 0.25)
    assert ref.svm_objective(w, b, X, y, C) == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_rbf_kernel_matches_sklearn(seed):
    rng = np.random.default_rng(seed)
    A, B = rng.normal(size=(7, 3)), rng.normal(size=(5, 3))
    np.testing.assert_allclose(
        ref.rbf_kernel(A, B, 0.7), rbf_kernel(A, B, gamma=0.7), rtol=1e-12
    )


@pytest.mark.parametrize("degree, gamma, coef0", [(3, 1.0, 1.0), (2, 0.5, 0.0)])
def test_polynomial_kernel_matches_sklearn(degree, gamma, coef0):
    rng = np.random.default_rng(degree)
    A, B = rng.normal(size=(6, 4)), rng.normal(size=(3, 4))
    expected = polynomial_kernel(A, B, degree=degree, gamma=gamma, coef0=coef0)
    got = ref.polynomial_kernel(A, B, degree=degree, gamma=gamma, coef0=coef0)
    np.testing.assert_allclose(got, expected, rtol=1e-12)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_fit_linear_svm_matches_linear_svc(seed):
    X, y = _blobs(seed, N=200)
    w, b = ref.fit_linear_svm(X, y)
    svc = SVC(kernel="linear", C=1.0, tol=1e-8).fit(X, y)
    w_sk, b_sk = svc.coef_[0], svc.intercept_[0]
    ours = ref.svm_objective(w, b, X, y, 1.0)
    optimum = ref.svm_objective(w_sk, b_sk, X, y, 1.0)
    assert ours <= 1.005 * optimum
    agreement = np.mean(np.sign(X @ w + b) == np.sign(X @ w_sk + b_sk))
    assert agreement >= 0.99


def test_fit_linear_svm_first_step():
    X, y = _blobs(3, N=10)
    w, b = ref.fit_linear_svm(X, y, C=0.5, n_iter=1)
    # at w = 0 every hinge is active; η₁ = 5/N
    np.testing.assert_allclose(w, 5 / 10 * 0.5 * (y @ X), rtol=1e-14)
    assert b == pytest.approx(5 / 10 * 0.5 * y.sum(), abs=1e-14)


@pytest.mark.parametrize("seed", [0, 1])
def test_separable_support_vectors_and_margin_match_svc(seed):
    X, y = _blobs(seed, N=40, sep=6.0)
    C = 1e3
    svc = SVC(kernel="linear", C=C, tol=1e-10).fit(X, y)
    # SVC's dual weights |αᵢyᵢ|: every support vector of separable data with a
    # large C lies on the margin, none at the bound
    alpha = np.zeros(len(y))
    alpha[svc.support_] = np.abs(svc.dual_coef_[0])
    on_margin, at_bound = ref.support_vectors(alpha, C, tol=1e-6)
    np.testing.assert_array_equal(on_margin, np.sort(svc.support_))
    assert at_bound.size == 0
    assert ref.margin_width(svc.coef_[0]) == pytest.approx(
        2 / np.linalg.norm(svc.coef_[0]), rel=1e-14
    )


def test_support_vectors_boundaries():
    alpha = np.array([0.25, 1.75, 0.5, 2.0, 0.0, 1.5, 0.125, 1.875])
    on_margin, at_bound = ref.support_vectors(alpha, 2.0, tol=0.25)
    np.testing.assert_array_equal(on_margin, [2, 5])
    np.testing.assert_array_equal(at_bound, [1, 3, 7])
    empty, _ = ref.support_vectors(np.zeros(3), 1.0)
    assert empty.shape == (0,) and empty.dtype.kind == "i"


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_fit_kernel_svm_dual_box_and_agreement(seed):
    X, y = _blobs(seed, N=60, sep=4.0)
    K = rbf_kernel(X, X, gamma=0.5)
    alpha = ref.fit_kernel_svm(K, y)
    assert alpha.min() >= 0.0 and alpha.max() <= 1.0
    best = _dual(ref.fit_kernel_svm(K, y, n_sweeps=3000), K, y)
    assert _dual(alpha, K, y) >= 0.98 * best
    svc = SVC(kernel="precomputed", C=1.0, tol=1e-8).fit(K, y)
    ours = np.sign(ref.decision_function(K, alpha, y))
    assert np.mean(ours == np.sign(svc.decision_function(K))) >= 0.97


def test_fit_kernel_svm_coordinate_optimality():
    """At convergence each αᵢ is the clipped maximiser along its coordinate."""
    X, y = _blobs(4, N=30, sep=3.0)
    K = rbf_kernel(X, X, gamma=1.0)
    alpha = ref.fit_kernel_svm(K, y, C=0.5, n_sweeps=2000)
    Q = np.outer(y, y) * (K + 1.0)
    gradient = 1.0 - Q @ alpha
    free = (alpha > 1e-9) & (alpha < 0.5 - 1e-9)
    np.testing.assert_allclose(gradient[free], 0.0, atol=1e-6)
    assert np.all(gradient[alpha <= 1e-9] <= 1e-6)
    assert np.all(gradient[alpha >= 0.5 - 1e-9] >= -1e-6)


def test_decision_function_is_the_dual_expansion():
    rng = np.random.default_rng(5)
    K_test, alpha = rng.uniform(size=(4, 6)), rng.uniform(size=6)
    y = np.array([1.0, -1.0, 1.0, 1.0, -1.0, -1.0])
    expected = [
        sum(alpha[j] * y[j] * (K_test[m, j] + 1) for j in range(6)) for m in range(4)
    ]
    np.testing.assert_allclose(
        ref.decision_function(K_test, alpha, y), expected, rtol=1e-13
    )


@pytest.mark.headline
def test_headline():
    headline, seconds = run_headline("07-svm", ref)
    assert headline["accuracy_rbf"] >= 0.92
    assert headline["accuracy_rbf"] >= headline["accuracy_linear"] + 0.04
    assert_budget(seconds, 5)
