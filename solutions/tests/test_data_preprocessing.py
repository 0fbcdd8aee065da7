"""Oracle tests of lesson 01: the reference against scikit-learn and scipy."""

import math

import numpy as np
import pytest
from scipy.stats import iqr as scipy_iqr
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split as sk_train_test_split
from sklearn.preprocessing import (
    MinMaxScaler,
    OneHotEncoder,
    PolynomialFeatures,
    StandardScaler,
)

from solutions import data_preprocessing as ref
from solutions.tests.conftest import assert_budget, run_headline

RTOL = 1e-12  # the same arithmetic in a different order


def _features(seed, n=30, d=4):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, d)) * rng.uniform(0.01, 100.0, size=d) + rng.normal(
        0.0, 50.0, size=d
    )


def _holes(seed, n=25, d=4, share=0.3):
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 6, size=(n, d)).astype(float)  # repeats: modes matter
    X[rng.random(size=(n, d)) < share] = np.nan
    X[0] = np.where(np.isnan(X[0]), 1.0, X[0])  # each column observed
    return X


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_standardize_matches_standard_scaler(seed):
    X_train, X_test = _features(seed), _features(seed + 10, n=7)
    X_train[:, 2] = 3.0  # constant column: scale 1
    sk = StandardScaler().fit(X_train)
    Z, mean, std = ref.standardize(X_train)
    np.testing.assert_allclose(Z, sk.transform(X_train), rtol=RTOL, atol=1e-12)
    np.testing.assert_allclose(mean, sk.mean_, rtol=RTOL)
    np.testing.assert_allclose(std, sk.scale_, rtol=RTOL)
    Z_test, _, _ = ref.standardize(X_test, mean, std)
    np.testing.assert_allclose(Z_test, sk.transform(X_test), rtol=RTOL, atol=1e-12)


@pytest.mark.parametrize("feature_range", [(0.0, 1.0), (-1.0, 1.0), (2.0, 5.0)])
def test_min_max_scale_matches_min_max_scaler(feature_range):
    X_train, X_test = _features(3), _features(4, n=7)
    X_train[:, 1] = -2.0  # constant column: maps to a
    sk = MinMaxScaler(feature_range=feature_range).fit(X_train)
    Xs, lo, hi = ref.min_max_scale(X_train, feature_range)
    np.testing.assert_allclose(Xs, sk.transform(X_train), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(lo, sk.data_min_, rtol=RTOL)
    np.testing.assert_allclose(hi, sk.data_max_, rtol=RTOL)
    Xs_test, _, _ = ref.min_max_scale(X_test, feature_range, lo, hi)
    np.testing.assert_allclose(Xs_test, sk.transform(X_test), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("strategy", ["mean", "median", "most_frequent"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_impute_matches_simple_imputer(strategy, seed):
    X = _holes(seed)
    sk = SimpleImputer(strategy=strategy).fit(X)
    X_before = X.copy()
    X_filled, fill = ref.impute(X, strategy)
    np.testing.assert_allclose(fill, sk.statistics_, rtol=RTOL)
    np.testing.assert_allclose(X_filled, sk.transform(X), rtol=RTOL)
    np.testing.assert_array_equal(X, X_before)  # X is not modified


def test_impute_errors():
    X = np.column_stack([np.arange(4.0), np.full(4, np.nan)])
    with pytest.raises(ValueError, match="no observed value"):
        ref.impute(X)
    with pytest.raises(ValueError, match="strategy"):
        ref.impute(_holes(0), "mode")


@pytest.mark.parametrize("n", [5, 10, 11, 50])
def test_iqr_fences_match_scipy(n):
    X = np.random.default_rng(n).standard_t(2, size=(n, 3))
    q1, q3 = np.percentile(X, [25, 75], axis=0)
    np.testing.assert_allclose(q3 - q1, scipy_iqr(X, axis=0), rtol=RTOL)
    k = 1.5
    width = scipy_iqr(X, axis=0)
    low, high = np.percentile(X, 25, axis=0) - k * width, q3 + k * width
    expected = (X < low) | (X > high)
    np.testing.assert_array_equal(ref.iqr_outliers(X, k), expected)


def test_iqr_closed_fences():
    X = np.array([[-2.0], [1.0], [2.0], [3.0], [6.0]])  # fences exactly -2 and 6
    assert not ref.iqr_outliers(X).any()
    assert ref.iqr_outliers(X, k=1.4)[[0, 4], 0].all()


@pytest.mark.parametrize("n,test_size", [(10, 0.25), (8, 0.5), (7, 0.2), (178, 0.25)])
def test_split_sizes_match_sklearn(n, test_size):
    X = np.arange(n, dtype=float)[:, None]
    y = np.arange(n)
    X_train, X_test, y_train, y_test = ref.train_test_split(
        X, y, test_size, rng=np.random.default_rng(0)
    )
    sk_train, sk_test = sk_train_test_split(y, test_size=test_size, random_state=0)
    assert (len(y_train), len(y_test)) == (len(sk_train), len(sk_test))
    assert len(y_test) == math.ceil(test_size * n)
    np.testing.assert_array_equal(np.sort(np.r_[y_train, y_test]), y)
    np.testing.assert_array_equal(X_test[:, 0], y_test)
    perm = np.random.default_rng(0).permutation(n)  # the documented draw
    np.testing.assert_array_equal(np.r_[y_test, y_train], perm)


@pytest.mark.parametrize("counts,test_size", [((12, 5, 3), 0.25), ((30, 5, 2), 0.3)])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_stratified_split(counts, test_size, seed):
    rng = np.random.default_rng(seed)
    y = rng.permutation(np.repeat(np.arange(len(counts)), counts))
    X = np.arange(len(y), dtype=float)[:, None]
    X_train, X_test, y_train, y_test = ref.train_test_split(
        X, y, test_size, rng=rng, stratify=True
    )
    np.testing.assert_array_equal(np.sort(np.r_[X_train[:, 0], X_test[:, 0]]), X[:, 0])
    np.testing.assert_array_equal(y[X_test[:, 0].astype(int)], y_test)
    np.testing.assert_array_equal(y[X_train[:, 0].astype(int)], y_train)
    _, sk_test = sk_train_test_split(y, test_size=test_size, stratify=y, random_state=0)
    assert len(y_test) == len(sk_test) == math.ceil(test_size * len(y))
    for c, n_c in enumerate(counts):
        have = np.sum(y_test == c)
        assert math.floor(test_size * n_c) <= have <= math.ceil(test_size * n_c)
        assert abs(have - np.sum(sk_test == c)) <= 1


@pytest.mark.parametrize("d,degree", [(1, 4), (2, 2), (3, 3), (4, 1)])
def test_polynomial_features_match_sklearn(d, degree):
    X = np.random.default_rng(d).normal(size=(6, d))
    expected = PolynomialFeatures(degree).fit_transform(X)
    np.testing.assert_allclose(ref.polynomial_features(X, degree), expected, rtol=1e-12)


def test_one_hot_matches_encoder():
    labels = np.random.default_rng(0).choice([3, 5, 7, 12], size=20)
    enc = OneHotEncoder(sparse_output=False).fit(labels[:, None])
    onehot, categories = ref.one_hot(labels)
    np.testing.assert_array_equal(onehot, enc.transform(labels[:, None]))
    np.testing.assert_array_equal(categories, enc.categories_[0])
    assert onehot.dtype == np.float64
    given = np.arange(14)
    enc = OneHotEncoder(categories=[given], sparse_output=False).fit(labels[:, None])
    onehot, categories = ref.one_hot(labels, given)
    np.testing.assert_array_equal(onehot, enc.transform(labels[:, None]))
    np.testing.assert_array_equal(categories, given)


@pytest.mark.headline
def test_headline():
    headline, seconds = run_headline("01-data-preprocessing", ref)
    assert headline["test_acc_standardized"] >= 0.93
    assert headline["test_acc_standardized"] >= headline["test_acc_raw"] + 0.10
    assert_budget(seconds, 5)
