"""Checks of lesson 04, k-means clustering.

Randomness: each check that draws passes `seed`, and its code builds the
generator, so a correct implementation that follows the draw order of the
docstring matches the reference exactly. Clusters are well separated or the
coordinates small integers, so no point sits within rounding of a tie unless a
check says so (then the tie is exact in float64).
"""

import numpy as np

from autograder.checks import Check, Figure, Mistake
from solutions.k_means_clustering import assign_clusters, update_centroids, wcss

INIT = "result = init_centroids(X, k, rng=np.random.default_rng(seed))"
INIT_RANDOM = (
    'result = init_centroids(X, k, rng=np.random.default_rng(seed), method="random")'
)
KMEANS = "result = kmeans(X, k, rng=np.random.default_rng(seed), **kwargs)"
# the best run, with its clusters renumbered by the first coordinate of their
# centroids: which of several runs that tie on WCSS comes first is not probed here
KMEANS_BEST = """
centroids, labels, J = kmeans(X, k, rng=np.random.default_rng(seed), **kwargs)
order = np.argsort(centroids[:, 0])
rank = np.argsort(order)
result = (centroids[order], rank[labels], J)
"""
KMEANS_NAMES = ("centroids", "labels", "wcss")


# --- inputs -------------------------------------------------------------------


def _blobs(rng, centres, n_per, std):
    """Gaussian blobs around `centres` (k, D), n_per points each, shuffled."""
    centres = np.asarray(centres, dtype=np.float64)
    X = np.concatenate([c + std * rng.normal(size=(n_per, len(c))) for c in centres])
    return X[rng.permutation(len(X))]  # (k * n_per, D)


def _seed(rng):
    return int(rng.integers(2**31))


def _init(rng, **extra):
    X = _blobs(rng, [(0.0, 0.0), (8.0, 0.0), (0.0, 8.0)], 10, 1.0)  # (30, 2)
    return {"X": X, "k": 4, "seed": _seed(rng), **extra}


def _labels_all_present(rng, N, k):
    return rng.permutation(np.arange(N) % k)  # (N,), every cluster non-empty


def _plus_shape(centres):
    """Four points at ±1 along each axis around each integer centre: exact means."""
    steps = np.array([[1, 0], [-1, 0], [0, 1], [0, -1]])
    return np.concatenate([c + steps for c in np.asarray(centres)]).astype(np.float64)


CHECKS = [
    # init_centroids
    Check(
        "init_centroids.kmeanspp",
        "init_centroids(X, 4, rng=np.random.default_rng(seed)), X of shape (30, 2)",
        inputs=lambda rng, ref: _init(rng),
        code=INIT,
    ),
    Check(
        "init_centroids.random",
        'init_centroids(X, 5, rng=np.random.default_rng(seed), method="random"), '
        "X of shape (12, 3)",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(12, 3)),
            "k": 5,
            "seed": _seed(rng),
        },
        code=INIT_RANDOM,
    ),
    Check(
        "init_centroids.one_centroid",
        "init_centroids(X, 1, rng=np.random.default_rng(seed)), X of shape (30, 2)",
        inputs=lambda rng, ref: _init(rng, k=1),
        code=INIT,
        hidden=True,
    ),
    Check(
        "init_centroids.every_point",
        "init_centroids(X, 7, rng=np.random.default_rng(seed)), X of shape (7, 3): "
        "k = N distinct points",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(7, 3)),
            "k": 7,
            "seed": _seed(rng),
        },
        code=INIT,
        hidden=True,
    ),
    Check(
        "init_centroids.far_from_origin",
        "init_centroids(X, 5, rng=np.random.default_rng(seed)), X of shape (40, 2) "
        "with coordinates near 1e9, where ‖x‖² − 2x·c + ‖c‖² loses all precision",
        inputs=lambda rng, ref: {
            "X": 1e9 + _blobs(rng, [(0, 0), (6, 0), (0, 6), (6, 6)], 10, 1.0),
            "k": 5,
            "seed": _seed(rng),
        },
        code=INIT,
        # the result is rows of X, copied exactly; rtol 1e-7 of 1e9 would let any
        # row of the same blob pass
        rtol=0.0,
        atol=1e-6,
        hidden=True,
    ),
    # assign_clusters
    Check(
        "assign_clusters.values",
        "assign_clusters(X, centroids), X of shape (20, 3), 4 centroids",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(20, 3)),
            "centroids": rng.normal(size=(4, 3)),
        },
        code="result = assign_clusters(X, centroids)",
    ),
    Check(
        "assign_clusters.ties",
        "assign_clusters(X, centroids), integer points of [-1, 3]² and centroids "
        "(0, 0), (2, 0), (0, 2), (2, 2): many exact ties",
        inputs=lambda rng, ref: {
            "X": np.stack(np.meshgrid(np.arange(-1, 4), np.arange(-1, 4)), -1)
            .reshape(-1, 2)
            .astype(np.float64),
            "centroids": np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 2.0], [2.0, 2.0]]),
        },
        code="result = assign_clusters(X, centroids)",
        hidden=True,
    ),
    Check(
        "assign_clusters.one_centroid",
        "assign_clusters(X, centroids), X of shape (6, 2), 1 centroid",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(6, 2)),
            "centroids": rng.normal(size=(1, 2)),
        },
        code="result = assign_clusters(X, centroids)",
        hidden=True,
    ),
    Check(
        "assign_clusters.one_feature",
        "assign_clusters(X, centroids), X of shape (15, 1), 3 centroids",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(15, 1)),
            "centroids": np.array([[-1.0], [0.3], [1.2]]),
        },
        code="result = assign_clusters(X, centroids)",
        hidden=True,
    ),
    # update_centroids
    Check(
        "update_centroids.values",
        "update_centroids(X, labels, old), X of shape (20, 2), 4 clusters; "
        "then `old` itself, which must be unchanged",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(20, 2)),
            "labels": _labels_all_present(rng, 20, 4),
            "old": rng.normal(size=(4, 2)),
        },
        code="result = (update_centroids(X, labels, old), old)",
        names=("centroids", "old afterwards"),
    ),
    Check(
        "update_centroids.empty_cluster",
        "update_centroids(X, labels, old), 5 clusters of which 1 and 4 are empty",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(12, 3)),
            "labels": rng.permutation(np.repeat([0, 2, 3], 4)),
            "old": rng.normal(size=(5, 3)),
        },
        code="result = update_centroids(X, labels, old)",
        hidden=True,
    ),
    Check(
        "update_centroids.one_cluster",
        "update_centroids(X, labels, old), X of shape (9, 4), every label 0",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(9, 4)),
            "labels": np.zeros(9, dtype=np.int64),
            "old": rng.normal(size=(1, 4)),
        },
        code="result = update_centroids(X, labels, old)",
        hidden=True,
    ),
    # wcss
    Check(
        "wcss.values",
        "wcss(X, labels, centroids), X of shape (15, 3), 3 centroids",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(15, 3)),
            "labels": _labels_all_present(rng, 15, 3),
            "centroids": rng.normal(size=(3, 3)),
        },
        code="result = wcss(X, labels, centroids)",
    ),
    Check(
        "wcss.one_feature",
        "wcss(X, labels, centroids), X of shape (10, 1), 2 centroids",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(10, 1)),
            "labels": _labels_all_present(rng, 10, 2),
            "centroids": np.array([[-0.5], [0.5]]),
        },
        code="result = wcss(X, labels, centroids)",
        hidden=True,
    ),
    Check(
        "wcss.unused_centroid",
        "wcss(X, labels, centroids), 4 centroids of which only 0 and 2 are used",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(8, 2)),
            "labels": rng.permutation(np.repeat([0, 2], 4)),
            "centroids": rng.normal(size=(4, 2)),
        },
        code="result = wcss(X, labels, centroids)",
        hidden=True,
    ),
    # kmeans
    Check(
        "kmeans.values",
        "kmeans(X, 3, rng=np.random.default_rng(seed)), 3 separated blobs, "
        "X of shape (45, 2)",
        inputs=lambda rng, ref: {
            "X": _blobs(rng, [(0, 0), (6, 1), (2, 7)], 15, 1.0),
            "k": 3,
            "seed": _seed(rng),
            "kwargs": {},
        },
        code=KMEANS,
        names=KMEANS_NAMES,
    ),
    Check(
        "kmeans.max_iter",
        "kmeans(X, 4, rng=np.random.default_rng(seed), max_iter=2), X of shape "
        "(60, 2) uniform: stopped before convergence",
        inputs=lambda rng, ref: {
            "X": rng.uniform(size=(60, 2)),
            "k": 4,
            "seed": _seed(rng),
            "kwargs": {"max_iter": 2},
        },
        code=KMEANS,
        names=KMEANS_NAMES,
        hidden=True,
    ),
    Check(
        "kmeans.tol",
        "kmeans(X, 4, rng=np.random.default_rng(seed), tol=10.0), X of shape "
        "(60, 2) uniform: every shift is below tol, so one step",
        inputs=lambda rng, ref: {
            "X": rng.uniform(size=(60, 2)),
            "k": 4,
            "seed": _seed(rng),
            "kwargs": {"tol": 10.0},
        },
        code=KMEANS,
        names=KMEANS_NAMES,
        hidden=True,
    ),
    Check(
        "kmeans.n_init_best",
        "kmeans(X, 4, rng=np.random.default_rng(seed), n_init=6), 6 overlapping "
        "blobs, X of shape (60, 2); clusters compared in order of their centroid's "
        "first coordinate",
        inputs=lambda rng, ref: {
            "X": _blobs(rng, [(0, 0), (3, 0), (6, 0), (0, 3), (3, 3), (6, 3)], 10, 0.8),
            "k": 4,
            "seed": _seed(rng),
            "kwargs": {"n_init": 6},
        },
        code=KMEANS_BEST,
        names=KMEANS_NAMES,
        hidden=True,
    ),
    Check(
        "kmeans.n_init_ties",
        "kmeans(X, 3, rng=np.random.default_rng(seed), n_init=4), 3 far clusters of "
        "4 integer points: every run reaches the same WCSS, exactly",
        inputs=lambda rng, ref: {
            "X": _plus_shape([(0, 0), (20, 0), (0, 20)])[rng.permutation(12)],
            "k": 3,
            "seed": _seed(rng),
            "kwargs": {"n_init": 4},
        },
        code=KMEANS,
        names=KMEANS_NAMES,
        hidden=True,
    ),
    Check(
        "kmeans.one_cluster",
        "kmeans(X, 1, rng=np.random.default_rng(seed)), X of shape (20, 3)",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(20, 3)),
            "k": 1,
            "seed": _seed(rng),
            "kwargs": {},
        },
        code=KMEANS,
        names=KMEANS_NAMES,
        hidden=True,
    ),
    # elbow_k
    Check(
        "elbow_k.values",
        "elbow_k(ks, wcss), ks = 1..8, wcss = [100, 52, 30, 12, 10, 8.5, 7.2, 6.1]",
        inputs=lambda rng, ref: {
            "ks": np.arange(1, 9),
            "wcss": np.array([100.0, 52.0, 30.0, 12.0, 10.0, 8.5, 7.2, 6.1]),
        },
        code="result = elbow_k(ks, wcss)",
    ),
    Check(
        "elbow_k.uneven_ks",
        "elbow_k(ks, wcss), ks = [1, 2, 3, 4, 6, 8, 12, 16], "
        "wcss = [100, 60, 38, 27, 18, 14, 10, 8]",
        inputs=lambda rng, ref: {
            "ks": np.array([1, 2, 3, 4, 6, 8, 12, 16]),
            "wcss": np.array([100.0, 60.0, 38.0, 27.0, 18.0, 14.0, 10.0, 8.0]),
        },
        code="result = elbow_k(ks, wcss)",
        hidden=True,
    ),
    Check(
        "elbow_k.tie",
        "elbow_k(ks, wcss), ks = 1..5, wcss = [9, 3, 1, 1, 1]: "
        "k = 2 and k = 3 have the same gap",
        inputs=lambda rng, ref: {
            "ks": np.arange(1, 6),
            "wcss": np.array([9.0, 3.0, 1.0, 1.0, 1.0]),
        },
        code="result = elbow_k(ks, wcss)",
        hidden=True,
    ),
    Check(
        "elbow_k.above_chord",
        "elbow_k(ks, wcss), ks = 1..6, wcss = [10, 9.8, 9.5, 2, 1.5, 0]: "
        "the curve crosses the chord",
        inputs=lambda rng, ref: {
            "ks": np.arange(1, 7),
            "wcss": np.array([10.0, 9.8, 9.5, 2.0, 1.5, 0.0]),
        },
        code="result = elbow_k(ks, wcss)",
        hidden=True,
    ),
]


# --- mutants ------------------------------------------------------------------


def _init_pp(X, k, rng, *, power=2, nearest=True, greedy=False, expand=False):
    """k-means++ with one thing changed."""
    N = len(X)
    chosen = [int(rng.integers(N))]

    def d2_to(c):
        if expand:
            return np.maximum(np.sum(X**2, axis=1) - 2 * X @ c + c @ c, 0.0)
        return np.sum((X - c) ** 2, axis=1)

    d2 = d2_to(X[chosen[0]])
    for _ in range(k - 1):
        w = d2 ** (power / 2)
        i = int(np.argmax(d2)) if greedy else int(rng.choice(N, p=w / w.sum()))
        chosen.append(i)
        d2 = np.minimum(d2, d2_to(X[i])) if nearest else d2_to(X[i])
    return X[chosen]


def _init_mutant(**change):
    def init_centroids(X, k, *, rng, method="kmeans++"):
        if method == "random":
            return X[rng.choice(len(X), k, replace=False)]
        return _init_pp(X, k, rng, **change)

    return init_centroids


def _init_distance(X, k, *, rng, method="kmeans++"):
    return _init_mutant(power=1)(X, k, rng=rng, method=method)


def _init_last_only(X, k, *, rng, method="kmeans++"):
    return _init_mutant(nearest=False)(X, k, rng=rng, method=method)


def _init_greedy(X, k, *, rng, method="kmeans++"):
    return _init_mutant(greedy=True)(X, k, rng=rng, method=method)


def _init_expanded(X, k, *, rng, method="kmeans++"):
    return _init_mutant(expand=True)(X, k, rng=rng, method=method)


def _init_random_permutation(X, k, *, rng, method="kmeans++"):
    if method == "random":
        return X[rng.permutation(len(X))[:k]]
    return _init_pp(X, k, rng)


def _init_random_replace(X, k, *, rng, method="kmeans++"):
    if method == "random":
        return X[rng.choice(len(X), k)]
    return _init_pp(X, k, rng)


def _init_method_ignored(X, k, *, rng, method="kmeans++"):
    return _init_pp(X, k, rng)


def _assign_argmax(X, centroids):
    d2 = np.sum((X[:, None, :] - centroids[None]) ** 2, axis=2)
    return np.argmax(d2, axis=1)


def _assign_last_tie(X, centroids):
    d2 = np.sum((X[:, None, :] - centroids[None]) ** 2, axis=2)
    return len(centroids) - 1 - np.argmin(d2[:, ::-1], axis=1)


def _update(X, labels, old, *, empty="keep", k_from_labels=False, in_place=False):
    k = int(labels.max()) + 1 if k_from_labels else len(old)
    C = old if in_place else np.zeros((k, X.shape[1]))
    for j in range(k):
        members = X[labels == j]
        if len(members):
            C[j] = members.mean(axis=0)
        elif empty == "nan":
            C[j] = np.nan
        elif empty == "keep":
            C[j] = old[j]
    return C


def _update_nan(X, labels, old):
    return _update(X, labels, old, empty="nan")


def _update_zero(X, labels, old):
    return _update(X, labels, old, empty="zero")


def _update_k_from_labels(X, labels, old):
    return _update(X, labels, old, k_from_labels=True)


def _update_in_place(X, labels, old):
    return _update(X, labels, old, in_place=True)


def _wcss_unsquared(X, labels, centroids):
    return float(np.sum(np.linalg.norm(X - centroids[labels], axis=1)))


def _wcss_mean(X, labels, centroids):
    return float(np.mean(np.sum((X - centroids[labels]) ** 2, axis=1)))


def _wcss_sqrt(X, labels, centroids):
    return float(np.sqrt(np.sum((X - centroids[labels]) ** 2)))


def _lloyd(X, k, rng, max_iter, tol, n_init, **change):
    """kmeans with one thing changed; the reference's steps otherwise."""
    runs = []
    for _ in range(n_init):
        if change.get("init") == "random":
            C = X[rng.choice(len(X), k, replace=False)]
        else:
            C = _init_pp(X, k, rng)
        for _ in range(max_iter + change.get("extra", 0)):
            labels = assign_clusters(X, C)
            C_new = update_centroids(X, labels, C)
            shift = np.max(np.linalg.norm(C_new - C, axis=1))
            C = C_new
            if shift <= tol and not change.get("no_tol"):
                break
        if not change.get("stale"):
            labels = assign_clusters(X, C)
        runs.append((C, labels, wcss(X, labels, C)))
    if change.get("last_run"):
        return runs[-1]
    scores = [J for _, _, J in runs]
    if change.get("last_on_ties"):
        return runs[len(scores) - 1 - int(np.argmin(scores[::-1]))]
    return runs[int(np.argmin(scores))]


def _kmeans_stale(X, k, *, rng, max_iter=100, tol=1e-6, n_init=1):
    return _lloyd(X, k, rng, max_iter, tol, n_init, stale=True)


def _kmeans_extra_step(X, k, *, rng, max_iter=100, tol=1e-6, n_init=1):
    return _lloyd(X, k, rng, max_iter, tol, n_init, extra=1)


def _kmeans_no_tol(X, k, *, rng, max_iter=100, tol=1e-6, n_init=1):
    return _lloyd(X, k, rng, max_iter, tol, n_init, no_tol=True)


def _kmeans_last_run(X, k, *, rng, max_iter=100, tol=1e-6, n_init=1):
    return _lloyd(X, k, rng, max_iter, tol, n_init, last_run=True)


def _kmeans_last_on_ties(X, k, *, rng, max_iter=100, tol=1e-6, n_init=1):
    return _lloyd(X, k, rng, max_iter, tol, n_init, last_on_ties=True)


def _kmeans_random_init(X, k, *, rng, max_iter=100, tol=1e-6, n_init=1):
    return _lloyd(X, k, rng, max_iter, tol, n_init, init="random")


def _scaled(ks, w):
    x = (ks - ks.min()) / (ks.max() - ks.min())
    y = (w - w.min()) / (w.max() - w.min())
    return x, y, y[0] + (y[-1] - y[0]) * (x - x[0]) / (x[-1] - x[0])


def _elbow_largest_drop(ks, wcss):
    return int(ks[np.argmax(-np.diff(wcss)) + 1])


def _elbow_second_difference(ks, wcss):
    return int(ks[np.argmax(np.diff(wcss, 2)) + 1])


def _elbow_position(ks, wcss):
    x, y, chord = _scaled(ks.astype(float), wcss)
    return int(np.argmax(chord - y))


def _elbow_abs_gap(ks, wcss):
    x, y, chord = _scaled(ks.astype(float), wcss)
    return int(ks[np.argmax(np.abs(chord - y))])


def _elbow_index_axis(ks, wcss):
    x, y, chord = _scaled(np.arange(len(ks), dtype=float), wcss)
    return int(ks[np.argmax(chord - y)])


def _elbow_last_tie(ks, wcss):
    x, y, chord = _scaled(ks.astype(float), wcss)
    gap = chord - y
    return int(ks[len(gap) - 1 - np.argmax(gap[::-1])])


MISTAKES = [
    Mistake(
        "init_centroids",
        "k-means++ draws in proportion to the squared distance d², not to d: "
        "p = d2 / d2.sum()",
        _init_distance,
    ),
    Mistake(
        "init_centroids",
        "d² must be to the nearest centroid chosen so far, not to the last one: "
        "d2 = np.minimum(d2, new_d2) after each pick",
        _init_last_only,
    ),
    Mistake(
        "init_centroids",
        "took the farthest point (argmax d²); k-means++ draws it at random: "
        "rng.choice(N, p=d2 / d2.sum())",
        _init_greedy,
    ),
    Mistake(
        "init_centroids",
        "‖x‖² − 2x·c + ‖c‖² cancels badly far from the origin, so d² is wrong "
        "(even negative); compute d² from the differences, np.sum((X - c)**2, axis=1)",
        _init_expanded,
    ),
    Mistake(
        "init_centroids",
        'method="random" draws rng.choice(N, k, replace=False), not a permutation',
        _init_random_permutation,
    ),
    Mistake(
        "init_centroids",
        'method="random" must not repeat a row: rng.choice(N, k, replace=False)',
        _init_random_replace,
    ),
    Mistake(
        "init_centroids",
        'method ignored: with method="random" take rng.choice(N, k, replace=False)',
        _init_method_ignored,
    ),
    Mistake(
        "assign_clusters",
        "argmax picks the farthest centroid; the nearest is np.argmin(d2, axis=1)",
        _assign_argmax,
    ),
    Mistake(
        "assign_clusters",
        "a tie goes to the lowest centroid index; np.argmin returns the first minimum",
        _assign_last_tie,
    ),
    Mistake(
        "update_centroids",
        "the mean of an empty cluster is nan; an empty cluster keeps its old "
        "centroid, old[j]",
        _update_nan,
    ),
    Mistake(
        "update_centroids",
        "an empty cluster was set to zeros; it keeps its old centroid, old[j]",
        _update_zero,
    ),
    Mistake(
        "update_centroids",
        "k comes from old (len(old)), not from the labels: a cluster may be empty",
        _update_k_from_labels,
    ),
    Mistake(
        "update_centroids",
        "`old` was changed in place; start from a copy, C = old.copy() "
        "(kmeans compares the new centroids with the old ones)",
        _update_in_place,
    ),
    Mistake(
        "wcss",
        "the distances are not squared: sum ‖x − c‖², e.g. np.sum((X - C[labels])**2)",
        _wcss_unsquared,
    ),
    Mistake(
        "wcss",
        "the WCSS is a sum over the points, not a mean",
        _wcss_mean,
    ),
    Mistake(
        "wcss",
        "no square root: the WCSS is the sum of the squared distances itself",
        _wcss_sqrt,
    ),
    Mistake(
        "kmeans",
        "labels not recomputed: after the last step, labels = "
        "assign_clusters(X, centroids) with the final centroids",
        _kmeans_stale,
    ),
    Mistake(
        "kmeans",
        "one step too many: at most max_iter steps, for _ in range(max_iter)",
        _kmeans_extra_step,
    ),
    Mistake(
        "kmeans",
        "tol ignored: stop once the largest centroid shift is ≤ tol",
        _kmeans_no_tol,
    ),
    Mistake(
        "kmeans",
        "on equal WCSS the first run wins: replace the best only when J < best",
        _kmeans_last_on_ties,
    ),
    Mistake(
        "kmeans",
        "returned the last run; keep the run with the lowest WCSS",
        _kmeans_last_run,
    ),
    Mistake(
        "kmeans",
        "each run starts with init_centroids(X, k, rng=rng), the k-means++ default, "
        'not method="random"',
        _kmeans_random_init,
    ),
    Mistake(
        "elbow_k",
        "the largest drop in WCSS is almost always at k = 2; the elbow is the "
        "largest gap between the chord and the scaled curve",
        _elbow_largest_drop,
    ),
    Mistake(
        "elbow_k",
        "the largest second difference is not the elbow rule here: take the "
        "largest gap chord − curve on the scaled axes",
        _elbow_second_difference,
    ),
    Mistake(
        "elbow_k",
        "the gap is signed, chord − curve: points above the chord do not count, "
        "so no np.abs",
        _elbow_abs_gap,
    ),
    Mistake(
        "elbow_k",
        "the x axis is the value of k, scaled to [0, 1], not its position in ks",
        _elbow_index_axis,
    ),
    Mistake(
        "elbow_k",
        "returned the position of the elbow (argmax); return the k itself, ks[i]",
        _elbow_position,
    ),
    Mistake(
        "elbow_k",
        "on a tie the first (smallest) k wins; np.argmax returns the first maximum",
        _elbow_last_tie,
    ),
]


def _four_blobs(rng, ref):
    centres = np.array([[-5.0, -5.0], [-5.0, 5.0], [5.0, -5.0], [5.0, 5.0]])
    return {"X": np.concatenate([c + rng.normal(size=(150, 2)) for c in centres])}


def _draw_clusters(ax, result, inputs):
    centroids, labels, J = result
    X = inputs["X"]
    ax.scatter(X[:, 0], X[:, 1], c=labels, s=8, cmap="tab10")
    ax.scatter(centroids[:, 0], centroids[:, 1], marker="x", c="black", s=90)
    ax.set_xlabel(f"your kmeans(X, 4): WCSS {float(J):.1f}")


FIGURES = [
    Figure(
        "Your k-means on four blobs",
        names=("kmeans",),
        code="result = kmeans(X, 4, rng=np.random.default_rng(0))",
        draw=_draw_clusters,
        inputs=_four_blobs,
    )
]
