"""Oracle tests of lesson 05: the reference against numpy and scikit-learn."""

import numpy as np
import pytest
from sklearn.decomposition import PCA

from solutions import pca as ref
from solutions.tests.conftest import assert_budget, run_headline

RTOL = 1e-9  # well-separated eigenvalues: eigh and the SVD agree to ~1e-13


def _data(n, d, seed):
    """Samples with distinct variances along a random rotation, offset mean."""
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    X = rng.normal(size=(n, d)) * np.geomspace(4.0, 0.2, d) @ Q.T
    return X + rng.uniform(-10.0, 10.0, size=d)


@pytest.mark.parametrize("n,d,seed", [(20, 4, 0), (2, 3, 1), (5, 8, 2), (10, 1, 3)])
def test_covariance_matches_np_cov(n, d, seed):
    X = np.random.default_rng(seed).normal(size=(n, d)) + 3.0
    C = ref.covariance_matrix(X)
    np.testing.assert_allclose(C, np.atleast_2d(np.cov(X, rowvar=False)), rtol=RTOL)


@pytest.mark.parametrize("n,d,k,seed", [(40, 5, 3, 0), (30, 4, 4, 1), (200, 12, 6, 2)])
def test_fit_matches_sklearn(n, d, k, seed):
    X = _data(n, d, seed)
    components, variance, ratio, mean = ref.pca_fit(X, k)
    sk = PCA(n_components=k, svd_solver="full").fit(X)
    # scikit-learn flips signs as the syllabus does: largest |entry| positive
    np.testing.assert_allclose(components, sk.components_, rtol=1e-7, atol=1e-10)
    np.testing.assert_allclose(variance, sk.explained_variance_, rtol=RTOL)
    np.testing.assert_allclose(ratio, sk.explained_variance_ratio_, rtol=RTOL)
    np.testing.assert_allclose(mean, sk.mean_, rtol=RTOL)


def test_fit_sign_rule_and_orthonormal_rows():
    components, variance, ratio, _ = ref.pca_fit(_data(50, 6, 4), 6)
    pivot = components[np.arange(6), np.abs(components).argmax(axis=1)]
    assert (pivot > 0).all()
    np.testing.assert_allclose(components @ components.T, np.eye(6), atol=1e-12)
    assert (np.diff(variance) < 0).all()
    assert ratio.sum() == pytest.approx(1.0, rel=1e-12)


@pytest.mark.parametrize("k", [1, 3, 5])
def test_projection_matches_sklearn(k):
    X = _data(60, 5, 5)
    X_new = np.random.default_rng(6).normal(size=(7, 5)) * 3.0
    sk = PCA(n_components=k, svd_solver="full").fit(X)
    components, _, _, mean = ref.pca_fit(X, k)
    Z = ref.pca_transform(X_new, components, mean)
    np.testing.assert_allclose(Z, sk.transform(X_new), rtol=1e-7, atol=1e-10)
    X_hat = ref.pca_inverse_transform(Z, components, mean)
    np.testing.assert_allclose(X_hat, sk.inverse_transform(Z), rtol=1e-9, atol=1e-10)
    if k == 5:
        np.testing.assert_allclose(X_hat, X_new, rtol=1e-9, atol=1e-10)


@pytest.mark.parametrize("threshold", [0.5, 0.8, 0.9, 0.95, 0.99])
def test_n_components_matches_sklearn(threshold):
    X = _data(100, 10, 7)
    ratio = PCA(svd_solver="full").fit(X).explained_variance_ratio_
    expected = PCA(threshold, svd_solver="full").fit(X).n_components_
    assert ref.n_components_for_variance(ratio, threshold) == expected


def test_n_components_strict_at_equality():
    ratio = np.array([0.5, 0.25, 0.125, 0.0625, 0.0625])  # exact binary fractions
    assert ref.n_components_for_variance(ratio, 0.75) == 3
    assert ref.n_components_for_variance(ratio, 0.74) == 2
    assert isinstance(ref.n_components_for_variance(ratio, 0.2), int)


@pytest.mark.parametrize("k", [0, 1, 2, 4, 6])
def test_reconstruction_error_closed_form(k):
    n, d = 40, 6
    X = _data(n, d, 8)
    lam = np.sort(np.linalg.eigvalsh(np.cov(X, rowvar=False)))[::-1]
    expected = (n - 1) / (n * d) * lam[k:].sum()
    assert ref.reconstruction_error(X, k) == pytest.approx(
        expected, rel=1e-9, abs=1e-12
    )
    if k:
        sk = PCA(n_components=k, svd_solver="full").fit(X)
        X_hat = sk.inverse_transform(sk.transform(X))
        assert ref.reconstruction_error(X, k) == pytest.approx(
            np.mean((X - X_hat) ** 2), rel=1e-9, abs=1e-12
        )


@pytest.mark.headline
def test_headline():
    headline, seconds = run_headline("05-pca", ref)
    assert headline["n_components_90"] == 21
    assert headline["n_components_95"] == 29
    assert headline["sklearn_n_components_90"] == 21
    assert headline["accuracy_gap"] <= 0.01
    assert headline["sklearn_component_gap"] < 1e-8
    assert_budget(seconds, 5)
