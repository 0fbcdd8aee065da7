"""Oracle tests of lesson 04: the reference against scikit-learn and scipy."""

import numpy as np
import pytest
from scipy import ndimage
from scipy.spatial.distance import cdist
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score

from solutions import k_means_clustering as ref
from solutions.tests.conftest import assert_budget, run_headline


def _blobs(seed, n=90, k=3):
    X, _ = make_blobs(n, centers=k, cluster_std=1.0, random_state=seed)
    return X


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_kmeans_matches_sklearn_from_the_same_start(seed):
    X = _blobs(seed)
    start = ref.init_centroids(X, 3, rng=np.random.default_rng(seed))
    # tol=0: scikit-learn runs to strict convergence (no label changes), as the
    # reference does on these data (its final shift is exactly 0)
    km = KMeans(3, init=start, n_init=1, tol=0.0, algorithm="lloyd").fit(X)
    C, labels, J = ref.kmeans(X, 3, rng=np.random.default_rng(seed))
    assert np.bincount(labels, minlength=3).min() > 0  # no cluster emptied
    assert adjusted_rand_score(km.labels_, labels) == 1.0  # equal up to renaming
    np.testing.assert_allclose(C, km.cluster_centers_, rtol=1e-10)
    assert J == pytest.approx(km.inertia_, rel=1e-10)


def test_kmeans_matches_sklearn_on_overlapping_data():
    X = np.random.default_rng(3).normal(size=(200, 2))
    start = ref.init_centroids(X, 5, rng=np.random.default_rng(3))
    km = KMeans(5, init=start, n_init=1, tol=0.0, max_iter=300).fit(X)
    C, labels, J = ref.kmeans(X, 5, rng=np.random.default_rng(3), max_iter=300)
    assert adjusted_rand_score(km.labels_, labels) == 1.0
    assert J == pytest.approx(km.inertia_, rel=1e-10)


def test_kmeans_best_of_n_init_is_the_best_single_run():
    X = np.random.default_rng(4).normal(size=(80, 2))
    rng = np.random.default_rng(5)
    runs = [ref.kmeans(X, 4, rng=rng) for _ in range(6)]  # the same draws in turn
    C, labels, J = ref.kmeans(X, 4, rng=np.random.default_rng(5), n_init=6)
    best = min(runs, key=lambda run: run[2])
    assert J == best[2]
    np.testing.assert_array_equal(labels, best[1])


def test_kmeans_ends_at_a_fixed_point():
    X = np.random.default_rng(6).normal(size=(100, 3))
    C, labels, J = ref.kmeans(X, 4, rng=np.random.default_rng(7))
    np.testing.assert_array_equal(labels, ref.assign_clusters(X, C))
    np.testing.assert_allclose(ref.update_centroids(X, labels, C), C, atol=1e-6)


@pytest.mark.parametrize("seed", [0, 1])
def test_assign_clusters_matches_cdist(seed):
    rng = np.random.default_rng(seed)
    X, C = rng.normal(size=(50, 4)), rng.normal(size=(6, 4))
    expected = np.argmin(cdist(X, C, "sqeuclidean"), axis=1)
    np.testing.assert_array_equal(ref.assign_clusters(X, C), expected)


def test_assign_clusters_ties_go_to_the_lowest_index():
    X = np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [3.0, 3.0]])
    C = np.array([[2.0, 0.0], [0.0, 0.0], [2.0, 2.0], [0.0, 2.0]])
    np.testing.assert_array_equal(ref.assign_clusters(X, C), [0, 0, 1, 2])


def test_update_centroids_matches_ndimage_means():
    rng = np.random.default_rng(1)
    X, labels = rng.normal(size=(40, 3)), rng.integers(0, 4, size=40)
    labels[:4] = np.arange(4)
    expected = np.column_stack(
        [ndimage.mean(X[:, d], labels, index=np.arange(4)) for d in range(3)]
    )
    old = rng.normal(size=(4, 3))
    np.testing.assert_allclose(ref.update_centroids(X, labels, old), expected)


def test_update_centroids_keeps_empty_clusters_and_old():
    rng = np.random.default_rng(2)
    X, labels, old = (
        rng.normal(size=(6, 2)),
        np.array([0, 0, 2, 2, 2, 0]),
        np.ones((4, 2)),
    )
    C = ref.update_centroids(X, labels, old)
    np.testing.assert_array_equal(C[[1, 3]], old[[1, 3]])
    np.testing.assert_array_equal(old, np.ones((4, 2)))


def test_wcss_closed_form():
    """With the cluster means as centroids, WCSS = Σ_j N_j · Σ_d var_j."""
    rng = np.random.default_rng(3)
    X, labels = rng.normal(size=(30, 2)), np.repeat([0, 1, 2], 10)
    C = np.array([X[labels == j].mean(axis=0) for j in range(3)])
    expected = sum(10 * X[labels == j].var(axis=0).sum() for j in range(3))
    assert ref.wcss(X, labels, C) == pytest.approx(expected, rel=1e-12)


def test_kmeanspp_second_pick_follows_squared_distance():
    X = np.array([[0.0, 0.0], [1.0, 0.0], [3.0, 0.0], [0.0, 4.0]])
    counts = np.zeros((4, 4))
    for seed in range(4000):
        rng = np.random.default_rng(seed)
        first = np.random.default_rng(seed).integers(4)
        C = ref.init_centroids(X, 2, rng=rng)
        counts[first, int(np.flatnonzero((X == C[1]).all(axis=1))[0])] += 1
    d2 = cdist(X, X, "sqeuclidean")
    expected = d2 / d2.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(
        counts / counts.sum(axis=1, keepdims=True), expected, atol=0.05
    )


def test_init_centroids_draw_orders():
    X = np.random.default_rng(0).normal(size=(10, 2))
    rows = np.random.default_rng(1).choice(10, 4, replace=False)
    C = ref.init_centroids(X, 4, rng=np.random.default_rng(1), method="random")
    np.testing.assert_array_equal(C, X[rows])
    C = ref.init_centroids(X, 10, rng=np.random.default_rng(2))  # k = N
    assert len(np.unique(C, axis=0)) == 10


@pytest.mark.parametrize(
    "ks, wcss, expected",
    [
        (range(1, 6), [9.0, 3.0, 1.0, 1.0, 1.0], 2),  # tie between 2 and 3
        (range(1, 7), [10.0, 9.8, 9.5, 2.0, 1.5, 0.0], 4),  # above the chord first
        (range(1, 9), [100.0, 52.0, 30.0, 12.0, 10.0, 8.5, 7.2, 6.1], 4),
        ([1, 2, 3, 4, 6, 8, 12, 16], [100, 60, 38, 27, 18, 14, 10, 8], 4),
    ],
)
def test_elbow_k_by_hand(ks, wcss, expected):
    ks, wcss = np.array(ks), np.array(wcss, dtype=float)
    assert ref.elbow_k(ks, wcss) == expected
    assert ref.elbow_k(ks, 1e3 * wcss + 7.0) == expected  # scaling changes nothing


@pytest.mark.headline
def test_headline():
    headline, seconds = run_headline("04-k-means-clustering", ref)
    assert headline["elbow_k"] == 4
    assert headline["ari"] >= 0.70
    assert_budget(seconds, 5)
