"""Reference implementation of lesson 04, k-means clustering.

Goal: Lloyd's algorithm for k-means (assign each point to its nearest centroid,
move each centroid to the mean of its points, repeat), started by k-means++,
the within-cluster sum of squares (WCSS) that it lowers, restarts that keep the
best run, and the elbow rule that picks k from the WCSS curve.

Legend: N samples, D features, k clusters, M candidate values of k.

Reference: scikit-learn's KMeans (Lloyd, same start, n_init=1).
Simplified: an empty cluster keeps its old centroid (scikit-learn moves it to
a far point); k-means++ draws one candidate per step (scikit-learn's greedy
variant draws 2 + log k and keeps the best).
"""

import numpy as np


def init_centroids(X, k, *, rng, method="kmeans++"):
    """k starting centroids, rows of X.

    "random": the rows rng.choice(N, k, replace=False), in that order.
    "kmeans++": first rng.integers(N); then k - 1 times rng.choice(N, p=p),
    p = d² / Σ d², d² the squared distance of each point to its nearest chosen
    centroid, computed from differences (x - c), so chosen points get exactly 0.

    Shapes
    ------
    X : (N, D) float64
    returns : (k, D) float64, the chosen rows in the order they were drawn
    """
    X = np.asarray(X, dtype=np.float64)
    N = len(X)
    if method == "random":
        return X[rng.choice(N, k, replace=False)]  # (k, D)
    if method != "kmeans++":
        raise ValueError(f"method must be 'random' or 'kmeans++'; got {method!r}")
    chosen = [int(rng.integers(N))]
    d2 = np.sum((X - X[chosen[0]]) ** 2, axis=1)  # (N,) to the nearest chosen
    for _ in range(k - 1):
        i = int(rng.choice(N, p=d2 / d2.sum()))
        chosen.append(i)
        d2 = np.minimum(d2, np.sum((X - X[i]) ** 2, axis=1))  # (N,)
    return X[chosen]  # (k, D)


def assign_clusters(X, centroids):
    """Index of the nearest centroid (squared Euclidean) for each point.

    Ties go to the lowest centroid index.

    Shapes
    ------
    X : (N, D), centroids : (k, D)
    returns : (N,) int
    """
    X = np.asarray(X, dtype=np.float64)
    C = np.asarray(centroids, dtype=np.float64)
    diff = X[:, None, :] - C[None, :, :]  # (N, k, D)
    d2 = np.sum(diff**2, axis=2)  # (N, k)
    return np.argmin(d2, axis=1)  # first minimum: ties to the lowest index


def update_centroids(X, labels, old):
    """Mean of the points of each cluster; an empty cluster keeps old[j].

    Shapes
    ------
    X : (N, D), labels : (N,) int in [0, k), old : (k, D)
    returns : (k, D) float64, a new array (old is not modified)
    """
    X = np.asarray(X, dtype=np.float64)
    labels = np.asarray(labels)
    C = np.array(old, dtype=np.float64)  # (k, D), a copy
    for j in range(len(C)):
        members = X[labels == j]  # (N_j, D)
        if len(members) > 0:
            C[j] = members.mean(axis=0)
    return C


def wcss(X, labels, centroids):
    """Within-cluster sum of squares: Σ_i ‖x_i − c_{labels[i]}‖².

    Shapes
    ------
    X : (N, D), labels : (N,) int, centroids : (k, D)
    returns : float
    """
    X = np.asarray(X, dtype=np.float64)
    C = np.asarray(centroids, dtype=np.float64)
    residual = X - C[np.asarray(labels)]  # (N, D)
    return float(np.sum(residual**2))


def kmeans(X, k, *, rng, max_iter=100, tol=1e-6, n_init=1):
    """Lloyd's algorithm, best of n_init runs by WCSS.

    Runs one after another, each started by init_centroids(X, k, rng=rng)
    (k-means++); nothing else draws. One step: labels = assign_clusters(X, C),
    C_new = update_centroids(X, labels, C); stop once the largest shift
    max_j ‖C_new[j] − C[j]‖ is ≤ tol, or after max_iter steps. The labels are
    then recomputed from the final centroids. The run with the lowest WCSS wins;
    the first one on ties.

    Shapes
    ------
    X : (N, D)
    returns : (centroids (k, D), labels (N,) int, wcss float)
    """
    X = np.asarray(X, dtype=np.float64)
    best = None
    for _ in range(n_init):
        C = init_centroids(X, k, rng=rng)  # (k, D)
        for _ in range(max_iter):
            labels = assign_clusters(X, C)  # (N,)
            C_new = update_centroids(X, labels, C)  # (k, D)
            shift = np.max(np.sqrt(np.sum((C_new - C) ** 2, axis=1)))
            C = C_new
            if shift <= tol:
                break
        labels = assign_clusters(X, C)  # (N,) from the final centroids
        J = wcss(X, labels, C)
        if best is None or J < best[2]:  # strict: the first run wins ties
            best = (C, labels, J)
    return best


def elbow_k(ks, wcss):
    """The k at the elbow of a WCSS curve.

    Both axes are min-max scaled to [0, 1]; the chord joins the first and the
    last point; the answer is the k with the largest gap chord − curve (signed:
    points above the chord have a negative gap), the first on ties.

    Shapes
    ------
    ks : (M,) int, increasing, M ≥ 3
    wcss : (M,) float
    returns : int, an entry of ks
    """
    ks = np.asarray(ks)
    k = ks.astype(np.float64)
    w = np.asarray(wcss, dtype=np.float64)
    x = (k - k.min()) / (k.max() - k.min())  # (M,) in [0, 1]
    y = (w - w.min()) / (w.max() - w.min())  # (M,) in [0, 1]
    chord = y[0] + (y[-1] - y[0]) * (x - x[0]) / (x[-1] - x[0])  # (M,)
    return int(ks[np.argmax(chord - y)])  # argmax: the first on ties
