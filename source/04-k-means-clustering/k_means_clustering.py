# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 · k-means clustering
#
# Given points without labels, find $k$ groups of points that lie close
# together. k-means describes each group by its centre $c_j$ (the
# **centroid**) and each point by the index $\ell_i$ of its group, and looks
# for the centroids and labels with the smallest **within-cluster sum of
# squares**
#
# $$J(c, \ell) = \sum_{i=1}^{N} \lVert x_i - c_{\ell_i} \rVert^2 .$$
#
# Finding the exact minimum is NP-hard, but two easy moves each lower $J$:
# with the centroids fixed, give every point the nearest one; with the labels
# fixed, move every centroid to the mean of its points. Alternating them is
# **Lloyd's algorithm**. We will write it, start it well (k-means++), restart
# it to escape poor local minima, and pick $k$ with the elbow rule.
#
# Shapes: N samples, D features, k clusters.

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false}
import numpy as np

from mlcourse_check import make_check

check = make_check("04-k-means-clustering")

# %% [markdown]
# ## 1 · Where to start: random rows and k-means++
#
# Lloyd's algorithm only goes downhill, so where it ends depends on where it
# starts. The simplest start takes $k$ distinct rows of $X$ at random. Two of
# them often land in the same group, and then one true group has no centroid.
#
# **k-means++** spreads the start out. The first centroid is a uniformly
# random row; every further one is row $i$ with probability
#
# $$p_i = \frac{d_i^2}{\sum_{m} d_m^2}, \qquad
#   d_i^2 = \min_{c \text{ chosen}} \lVert x_i - c \rVert^2 ,$$
#
# the squared distance to the nearest centroid chosen so far. Far points are
# likely, and a chosen point ($d^2 = 0$) is never drawn again. Its expected
# $J$ is within a factor $8(\ln k + 2)$ of the optimum, before a single Lloyd
# step.
#
# Compute $d^2$ from the differences $x_i - c$. The shortcut
# $\lVert x \rVert^2 - 2 x^\top c + \lVert c \rVert^2$ subtracts large numbers
# that nearly cancel: far from the origin it returns garbage, even negative
# "squared distances".


# %% nbgrader={"grade": false, "grade_id": "init_centroids", "locked": false, "schema_version": 3, "solution": true}
def init_centroids(X, k, *, rng, method="kmeans++"):
    """k starting centroids, chosen among the rows of X.

    method="random": the rows rng.choice(N, k, replace=False), in that order.
    method="kmeans++": the first row is rng.integers(N); then, k - 1 times,
    rng.choice(N, p=d2 / d2.sum()), where d2[i] is the squared distance of
    X[i] to its nearest centroid chosen so far, computed from the differences
    X[i] - c (so a chosen row has d2 exactly 0). No other draws.

    Shapes
    ------
    X : (N, D) float64
    returns : (k, D) float64, the chosen rows in the order they were drawn
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("init_centroids: random rows, or k-means++ by d²")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_init_centroids", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("init_centroids", init_centroids)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: with $k = N$, k-means++ picks every row exactly once,
# so the sorted picks are $0, 1, \dots, N-1$.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_init", "locked": true, "schema_version": 3, "solution": false}
X_demo = np.arange(12.0).reshape(6, 2)  # (6, 2), row i is (2i, 2i + 1)
C_demo = init_centroids(X_demo, 6, rng=np.random.default_rng(0))  # (6, 2)
np.sort(C_demo[:, 0] / 2)

# %% [markdown]
# ## 2 · The assignment step
#
# With the centroids fixed, $J$ is a sum of one term per point, and each term
# is smallest for the nearest centroid:
#
# $$\ell_i = \arg\min_{j} \lVert x_i - c_j \rVert^2 .$$
#
# All $N \times k$ squared distances come from one broadcast:
# `X[:, None, :] - C[None, :, :]` has shape (N, k, D). A point exactly as far
# from two centroids goes to the lower index, which is what `np.argmin` does.


# %% nbgrader={"grade": false, "grade_id": "assign_clusters", "locked": false, "schema_version": 3, "solution": true}
def assign_clusters(X, centroids):
    """Index of the nearest centroid (squared Euclidean distance) of each point.

    A tie goes to the lowest centroid index.

    Shapes
    ------
    X : (N, D) float64
    centroids : (k, D) float64
    returns : (N,) int
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("assign_clusters: argmin of the squared distances")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_assign_clusters", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("assign_clusters", assign_clusters)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 3 · The update step
#
# With the labels fixed, the terms of centroid $j$ are
# $\sum_{i : \ell_i = j} \lVert x_i - c_j \rVert^2$, a quadratic in $c_j$
# whose gradient $-2 \sum_{i : \ell_i = j} (x_i - c_j)$ vanishes at the mean:
#
# $$c_j = \frac{1}{N_j} \sum_{i : \ell_i = j} x_i, \qquad
#   N_j = \lvert \{ i : \ell_i = j \} \rvert .$$
#
# A cluster can lose all its points; its mean is then $0/0$. We keep its old
# centroid (scikit-learn moves it to a far point instead). Build the result
# in a new array: the caller still needs the old centroids to see how far
# they moved.


# %% nbgrader={"grade": false, "grade_id": "update_centroids", "locked": false, "schema_version": 3, "solution": true}
def update_centroids(X, labels, old):
    """The mean of the points of each cluster; an empty cluster keeps old[j].

    k is len(old). Returns a new array; old is not modified.

    Shapes
    ------
    X : (N, D) float64
    labels : (N,) int in [0, k)
    old : (k, D) float64, the centroids before the update
    returns : (k, D) float64
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("update_centroids: the mean of each cluster")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_update_centroids", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("update_centroids", update_centroids)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 4 · The objective
#
# $J$ is the sum over the points of the **squared** distance to their own
# centroid. Squared, because the mean is exactly the point that minimises a
# sum of squares (the sum of plain distances is minimised by the geometric
# median, which has no formula).


# %% nbgrader={"grade": false, "grade_id": "wcss", "locked": false, "schema_version": 3, "solution": true}
def wcss(X, labels, centroids):
    """Within-cluster sum of squares, sum_i ||X[i] - centroids[labels[i]]||².

    Shapes
    ------
    X : (N, D) float64
    labels : (N,) int in [0, k)
    centroids : (k, D) float64
    returns : float
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("wcss: the sum of squared distances to own centroid")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_wcss", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("wcss", wcss)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: from one Lloyd step to the next, $J$ never rises.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_descent", "locked": true, "schema_version": 3, "solution": false}
rng = np.random.default_rng(1)
X_demo = rng.normal(size=(50, 2))  # (50, 2)
C_demo = init_centroids(X_demo, 3, rng=rng, method="random")  # (3, 2)
for step in range(3):
    labels_demo = assign_clusters(X_demo, C_demo)  # (50,)
    print(f"step {step} | wcss {wcss(X_demo, labels_demo, C_demo):.3f}")
    C_demo = update_centroids(X_demo, labels_demo, C_demo)

# %% [markdown]
# ## 5 · Lloyd's algorithm with restarts
#
# One **step** is an assignment followed by an update. Repeat until the
# centroids stop moving, i.e. the largest shift
# $\max_j \lVert c_j^{\text{new}} - c_j \rVert$ is at most `tol`, or until
# `max_iter` steps. Each step lowers $J$ or leaves it unchanged, and there
# are finitely many partitions, so the loop ends, but in a *local* minimum.
# Finally, label the points by the final centroids, so that labels,
# centroids and $J$ agree.
#
# Different starts end in different local minima. Run the whole algorithm
# `n_init` times, one run after another with the same generator, and keep the
# run with the lowest $J$ (the first one on ties).


# %% nbgrader={"grade": false, "grade_id": "kmeans", "locked": false, "schema_version": 3, "solution": true}
def kmeans(X, k, *, rng, max_iter=100, tol=1e-6, n_init=1):
    """Lloyd's algorithm from k-means++ starts; the best of n_init runs.

    The runs go one after another; each starts with
    init_centroids(X, k, rng=rng) (k-means++) and nothing else draws. One
    step: labels = assign_clusters(X, C), then C_new = update_centroids(X,
    labels, C). Stop once the largest shift max_j ||C_new[j] - C[j]|| (the
    Euclidean length of each centroid's move) is <= tol, or after max_iter
    steps. Then recompute the labels from the final centroids and take their
    wcss. Return the run with the lowest wcss; the first run on ties.

    Shapes
    ------
    X : (N, D) float64
    returns : tuple (centroids (k, D) float64, labels (N,) int, wcss float)
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("kmeans: assign, update until converged; best run")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_kmeans", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("kmeans", kmeans)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 6 · Choosing k: the elbow
#
# $J$ keeps falling as $k$ grows (with $k = N$ it is 0), so the smallest $J$
# cannot choose $k$. But past the true number of groups, an extra centroid
# only splits a group and $J$ falls slowly: the curve of $J$ against $k$ bends
# like an elbow. To find the bend, scale both axes to $[0, 1]$, draw the
# **chord** from the first to the last point, and take the $k$ where the curve
# lies furthest below it:
#
# $$k^\ast = \arg\max_{k} \big(\text{chord}(k) - J_{\text{scaled}}(k)\big).$$
#
# The gap is signed: a point above the chord has a negative gap. The largest
# *drop* of $J$ is no guide, since it is almost always from $k = 1$ to $k = 2$.


# %% nbgrader={"grade": false, "grade_id": "elbow_k", "locked": false, "schema_version": 3, "solution": true}
def elbow_k(ks, wcss):
    """The k at the elbow of the curve wcss against ks.

    Scale both axes to [0, 1] ((v - min) / (max - min)), draw the chord
    through the first and the last point, and return the k whose gap
    chord - curve is largest (signed: a point above the chord has a negative
    gap); the first such k on ties.

    Shapes
    ------
    ks : (M,) int, increasing, M >= 3
    wcss : (M,) float64, not all equal
    returns : int, an entry of ks
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("elbow_k: the largest gap below the chord")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_elbow_k", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("elbow_k", elbow_k)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 7 · Four blobs and three irises
#
# (a) 600 points around the four centres $(\pm 5, \pm 5)$ with standard
# deviation 1: the elbow over $k = 1, \dots, 8$ should be at 4.
#
# (b) The iris flowers: 150 flowers, 4 measurements, 3 species. Cluster the
# raw measurements into $k = 3$ groups, best of 10 starts, and compare the
# clusters with the species by the adjusted Rand index (ARI: 1 for the same
# partition up to renaming, about 0 for a random one). Target: ARI ≥ 0.70.

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train", "locked": true, "schema_version": 3, "solution": false}
from dataclasses import dataclass

from sklearn.datasets import load_iris, make_blobs
from sklearn.metrics import adjusted_rand_score


@dataclass(frozen=True)
class Config:
    n_samples: int = 600  # points of the blobs
    ks: tuple = (1, 2, 3, 4, 5, 6, 7, 8)  # candidate numbers of clusters
    n_init: int = 10  # k-means runs, the best kept
    seed: int = 0  # seed of the data and of the starts


cfg = Config()
rng = np.random.default_rng(cfg.seed)
centres = [(-5, -5), (-5, 5), (5, -5), (5, 5)]
X_blobs, _ = make_blobs(
    cfg.n_samples, centers=centres, cluster_std=1.0, random_state=cfg.seed
)  # (600, 2)
curve = [kmeans(X_blobs, k, rng=rng, n_init=cfg.n_init)[2] for k in cfg.ks]
k_elbow = elbow_k(np.array(cfg.ks), np.array(curve))
print(f"elbow k {k_elbow} (target = 4)")

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train_2", "locked": true, "schema_version": 3, "solution": false}
X_iris, species = load_iris(return_X_y=True)  # (150, 4), (150,)
C_iris, labels_iris, J_iris = kmeans(X_iris, 3, rng=rng, n_init=cfg.n_init)
ari = float(adjusted_rand_score(species, labels_iris))
print(f"iris ARI {ari:.3f} (target ≥ 0.70) | wcss {J_iris:.2f}")
headline = {"elbow_k": float(k_elbow), "ari": ari}

# %% [markdown]
# ## 8 · Looking at the result
#
# The elbow curve, scaled, with its chord; the elbow is the point furthest
# below the chord.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_elbow", "locked": true, "schema_version": 3, "solution": false}
import matplotlib.pyplot as plt

ks = np.array(cfg.ks)
J_scaled = (np.array(curve) - min(curve)) / (max(curve) - min(curve))  # (8,)
fig, axes = plt.subplots(1, 2, figsize=(10, 4))
axes[0].plot(ks, curve, "o-")
axes[0].set_xlabel("k")
axes[0].set_ylabel("WCSS")
axes[1].plot(ks, J_scaled, "o-", label="scaled WCSS")
axes[1].plot(ks[[0, -1]], J_scaled[[0, -1]], "--", label="chord")
axes[1].axvline(k_elbow, color="gray", lw=0.8, label=f"elbow k = {k_elbow}")
axes[1].set_xlabel("k")
axes[1].legend()
plt.show()

# %% [markdown]
# The four blobs with k = 4 and with a wrong k = 3: the crosses are the
# centroids.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_clusters", "locked": true, "schema_version": 3, "solution": false}
fig, axes = plt.subplots(1, 2, figsize=(10, 4.5))
for ax, k in zip(axes, (4, 3), strict=True):
    C, labels, J = kmeans(X_blobs, k, rng=rng, n_init=cfg.n_init)
    ax.scatter(X_blobs[:, 0], X_blobs[:, 1], c=labels, s=8, cmap="tab10")
    ax.scatter(C[:, 0], C[:, 1], c="black", marker="x", s=120)
    ax.set_title(f"k = {k} | WCSS {J:.0f}")
    ax.set_aspect("equal")
plt.show()

# %% [markdown]
# Iris in its two petal measurements: species against clusters. Setosa
# stands apart; versicolor and virginica overlap, where the clusters cut
# differently from the species.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_iris", "locked": true, "schema_version": 3, "solution": false}
fig, axes = plt.subplots(1, 2, figsize=(10, 4))
for ax, colour, title in zip(
    axes, (species, labels_iris), ("species", f"clusters, ARI {ari:.2f}"), strict=True
):
    ax.scatter(X_iris[:, 2], X_iris[:, 3], c=colour, s=12, cmap="viridis")
    ax.set_xlabel("petal length (cm)")
    ax.set_ylabel("petal width (cm)")
    ax.set_title(title)
axes[1].scatter(C_iris[:, 2], C_iris[:, 3], c="red", marker="x", s=120)
plt.show()

# %% [markdown]
# The same from scikit-learn, for comparison (its `inertia_` is our WCSS).

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_sklearn", "locked": true, "schema_version": 3, "solution": false}
from sklearn.cluster import KMeans

km = KMeans(n_clusters=3, n_init=cfg.n_init, random_state=cfg.seed).fit(X_iris)
sk_ari = adjusted_rand_score(species, km.labels_)
print(f"WCSS: scikit-learn {km.inertia_:.2f} | ours {J_iris:.2f}")
print(f"ARI: scikit-learn {sk_ari:.3f} | ours {ari:.3f}")

# %% [markdown]
# ## Summary
#
# - k-means minimises the within-cluster sum of squares
#   $J = \sum_i \lVert x_i - c_{\ell_i} \rVert^2$.
# - Lloyd's algorithm alternates two steps that each lower $J$: assign every
#   point to its nearest centroid, move every centroid to its cluster's mean.
# - It stops in a local minimum: start with k-means++ (draw by $d^2$) and keep
#   the best of several runs.
# - An empty cluster has no mean; here it keeps its old centroid.
# - $J$ always falls with $k$; the elbow, the point furthest below the chord
#   of the scaled curve, suggests a $k$.
#
# **Exercises.** (1) Start with `method="random"` and `n_init=1` on the blobs
# for seeds 0-9: how often does k = 4 end in a poor local minimum? (2)
# Standardise the iris measurements first: does the ARI rise or fall, and
# why? (3) Scale one blob coordinate by 10: what happens to the clusters?
