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
# # 05 · Principal component analysis
#
# A 8×8 image of a digit is a point in 64 dimensions, yet the pixels move
# together: a stroke darkens neighbouring pixels at once. Principal component
# analysis (PCA) finds the few directions along which the data actually varies
# and describes each sample by its coordinates along them. In this lesson you will
#
# 1. compute the covariance matrix of the features,
# 2. find its eigenvectors, the **principal components**, ordered by variance,
# 3. project samples onto the first $k$ components and map them back,
# 4. choose $k$ from the share of variance it explains,
# 5. measure what the projection loses.
#
# Shapes use N for samples, D for features and k for the components kept;
# arrays are float64.

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false}
import numpy as np

from mlcourse_check import make_check

check = make_check("05-pca")

# %% [markdown]
# ## 1 · The covariance matrix
#
# With the column means $\mu = \frac1N \sum_i x_i$ and the centred data
# $X_c = X - \mathbf 1 \mu^\top$, the sample covariance of the features is
#
# $$C = \frac{1}{N - 1} X_c^\top X_c , \qquad
#   C_{jl} = \frac{1}{N-1} \sum_{i=1}^N (x_{ij} - \mu_j)(x_{il} - \mu_l).$$
#
# $C$ is (D, D), symmetric and positive semi-definite. Its diagonal holds the
# variances of the features, its off-diagonal entries how pairs of features move
# together. Dividing by $N - 1$ rather than $N$ makes it an unbiased estimate
# (the mean was estimated from the same samples); it is `np.cov`'s default.
# Centring matters: without it $X^\top X$ measures the distance from the origin,
# not the spread around the mean.


# %% nbgrader={"grade": false, "grade_id": "covariance_matrix", "locked": false, "schema_version": 3, "solution": true}
def covariance_matrix(X):
    """Sample covariance matrix of the columns of X.

    Centred with the column means, divided by N − 1 (as np.cov(X, rowvar=False)).

    Shapes
    ------
    X : (N, D) float64, N ≥ 2; rows are samples
    returns : (D, D) float64, symmetric; (1, 1) when D = 1 (where np.cov
        returns a 0-d array)
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("covariance_matrix: centre, then Xcᵀ Xc / (N − 1)")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_covariance_matrix", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("covariance_matrix", covariance_matrix)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Before running the next cell, predict it: two features where the second is
# twice the first plus a little noise. The variance of the second is about four
# times that of the first, and their covariance about twice it.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_covariance", "locked": true, "schema_version": 3, "solution": false}
rng = np.random.default_rng(0)
x = rng.normal(size=200)
X_demo = np.column_stack([x, 2 * x + 0.1 * rng.normal(size=200)]) + 5.0  # (N, 2)
C_demo = covariance_matrix(X_demo)  # (2, 2)
print(np.round(C_demo, 3))
print("same as np.cov:", np.allclose(C_demo, np.cov(X_demo, rowvar=False)))

# %% [markdown]
# ## 2 · Directions of largest variance
#
# Project the centred samples on a unit vector $u$: their coordinates are
# $X_c u$, and the variance of those coordinates is
#
# $$\frac{1}{N-1} \lVert X_c u \rVert^2 = u^\top C u .$$
#
# The first principal component maximises it subject to $\lVert u \rVert = 1$.
# Setting the gradient of the Lagrangian $u^\top C u - \lambda (u^\top u - 1)$ to
# zero gives
#
# $$C u = \lambda u ,$$
#
# so $u$ is an eigenvector of $C$, and the variance along it,
# $u^\top C u = \lambda$, is its eigenvalue: the best direction is the
# eigenvector of the **largest** eigenvalue. The next component maximises the
# variance among directions orthogonal to the first, which gives the eigenvector
# of the second largest eigenvalue, and so on. Since $C$ is symmetric its
# eigenvectors are orthonormal, and `np.linalg.eigh` computes them. Two details:
#
# - `eigh` returns the eigenvalues in **ascending** order and the eigenvectors as
#   the **columns** of its second output: `V[:, i]` belongs to `w[i]`.
# - An eigenvector is defined only up to sign ($-u$ is one too). To make the
#   answer unique, flip each component so that its largest-magnitude entry is
#   positive (scikit-learn's rule).
#
# The **explained-variance ratio** of component $j$ is its share of the total
# variance, $\lambda_j / \sum_{l=1}^D \lambda_l$, and
# $\sum_l \lambda_l = \operatorname{tr} C$ is the sum of the feature variances.


# %% nbgrader={"grade": false, "grade_id": "pca_fit", "locked": false, "schema_version": 3, "solution": true}
def pca_fit(X, n_components):
    """Principal components of X from the eigendecomposition of its covariance.

    Components are the unit eigenvectors of covariance_matrix(X) (np.linalg.eigh)
    with the largest eigenvalues, in descending order of eigenvalue, one per row.
    Each component's sign is fixed so that its largest-magnitude entry is
    positive. variance holds their eigenvalues (divided by N − 1); ratio is
    variance divided by the total variance, the sum of all D eigenvalues (the
    trace of the covariance), so it sums to 1 only when n_components = D.

    Parameters
    ----------
    X : data, rows are samples.
    n_components : k, the number of components kept, 1 ≤ k ≤ D.

    Shapes
    ------
    X : (N, D) float64
    returns : (components, variance, ratio, mean)
        components : (k, D), orthonormal rows
        variance : (k,), descending
        ratio : (k,)
        mean : (D,), the column means of X
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("pca_fit: eigh of the covariance, largest first")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_pca_fit", "locked": true, "points": 3, "schema_version": 3, "solution": false}
check("pca_fit", pca_fit)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: the rows of the components are orthonormal, so
# $W W^\top$ is the identity; the first component of the demo data points
# along $(1, 2)/\sqrt5 \approx (0.447, 0.894)$ and carries almost all the
# variance.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_pca_fit", "locked": true, "schema_version": 3, "solution": false}
W_demo, var_demo, ratio_demo, mean_demo = pca_fit(X_demo, 2)  # (2, 2), (2,), (2,)
print("W Wᵀ = I:", np.allclose(W_demo @ W_demo.T, np.eye(2)))
print("first component:", np.round(W_demo[0], 3))
print("variance:", np.round(var_demo, 4), "| ratio:", np.round(ratio_demo, 4))

# %% [markdown]
# ## 3 · Projecting and reconstructing
#
# With the components as the rows of $W$ (k, D), the coordinates of a sample
# are its centred features along each component,
#
# $$Z = (X - \mathbf 1 \mu^\top) W^\top \qquad (N, k),$$
#
# and the reconstruction maps them back, using $W W^\top = I_k$:
#
# $$\hat X = Z W + \mathbf 1 \mu^\top \qquad (N, D).$$
#
# $\hat X$ is the orthogonal projection of each sample onto the
# $k$-dimensional affine subspace through $\mu$ spanned by the components. New
# samples (a test set) are centred with the **training** mean $\mu$ that comes
# with the components, never with their own mean: the model is fixed once
# fitted. With $k = D$, $W$ is square and orthogonal and $\hat X = X$.


# %% nbgrader={"grade": false, "grade_id": "pca_transform", "locked": false, "schema_version": 3, "solution": true}
def pca_transform(X, components, mean):
    """Coordinates of the centred samples along the components.

    Z = (X − mean) Wᵀ with W the components; mean is the training mean that is
    passed in, not the mean of this X.

    Shapes
    ------
    X : (N, D) float64
    components : (k, D), orthonormal rows
    mean : (D,)
    returns : (N, k) float64
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("pca_transform: centre with mean, then project")
    ### END SOLUTION


# %% nbgrader={"grade": false, "grade_id": "pca_inverse_transform", "locked": false, "schema_version": 3, "solution": true}
def pca_inverse_transform(Z, components, mean):
    """Samples back in feature space from their coordinates: X̂ = Z W + mean.

    Shapes
    ------
    Z : (N, k) float64
    components : (k, D), orthonormal rows
    mean : (D,)
    returns : (N, D) float64
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("pca_inverse_transform: Z W + mean")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_projection", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("pca_transform", pca_transform)
check("pca_inverse_transform", pca_inverse_transform)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: the coordinates along the components are uncorrelated,
# and their variances are the eigenvalues; with one component of the demo data
# the reconstruction is already close, and with both it is exact.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_projection", "locked": true, "schema_version": 3, "solution": false}
Z_demo = pca_transform(X_demo, W_demo, mean_demo)  # (N, 2)
print("cov of Z:", np.round(covariance_matrix(Z_demo), 4).tolist())
for k in (1, 2):
    X_back = pca_inverse_transform(Z_demo[:, :k], W_demo[:k], mean_demo)  # (N, 2)
    print(f"k = {k}: largest |X − X̂| {np.abs(X_demo - X_back).max():.2e}")

# %% [markdown]
# ## 4 · How many components?
#
# The cumulative ratio $r_1 + \dots + r_k$ is the share of the total variance
# that the first $k$ components keep. A common rule keeps the smallest $k$ whose
# cumulative ratio **exceeds** a threshold such as 90 %. Strictly: if the first
# two components keep exactly 75 % and the threshold is 75 %, that is not
# enough, and $k = 3$ (this is what scikit-learn's `PCA(n_components=0.75)`
# does). `np.cumsum` and `np.searchsorted` (mind its `side` argument) do it in
# two lines.


# %% nbgrader={"grade": false, "grade_id": "n_components_for_variance", "locked": false, "schema_version": 3, "solution": true}
def n_components_for_variance(ratio, threshold):
    """The smallest k whose cumulative explained-variance ratio exceeds threshold.

    Strictly: k is the first count with ratio[0] + ... + ratio[k−1] > threshold,
    so a cumulative sum exactly equal to the threshold is not enough (as
    scikit-learn's PCA(n_components=threshold)).

    Parameters
    ----------
    ratio : explained-variance ratios of all D components, descending, summing
        to 1.
    threshold : a fraction in [0, 1) that the cumulative sum reaches.

    Shapes
    ------
    ratio : (D,) float64
    returns : int, 1 ≤ k ≤ D
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("n_components_for_variance: first cumsum > threshold")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_n_components_for_variance", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("n_components_for_variance", n_components_for_variance)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 5 · What the projection loses
#
# The reconstruction error is the mean over all $N \cdot D$ entries,
#
# $$E_k = \frac{1}{N D} \sum_{i=1}^N \lVert x_i - \hat x_i \rVert^2 .$$
#
# The residual $x_i - \hat x_i$ is the part of the centred sample along the
# discarded components, so its squared norm is the sum of the squared
# coordinates along them. Summed over the samples, coordinate $j$ contributes
# $(N - 1)\lambda_j$, hence
#
# $$E_k = \frac{N - 1}{N D} \sum_{j > k} \lambda_j .$$
#
# No other $k$-dimensional subspace does better: keeping the directions of
# largest variance is the same as discarding the directions of least. With
# $k = 0$ only the mean is kept ($\hat x_i = \mu$), and $E_0$ is the average
# population variance of the features; with $k = D$ the error is zero.


# %% nbgrader={"grade": false, "grade_id": "reconstruction_error", "locked": false, "schema_version": 3, "solution": true}
def reconstruction_error(X, k):
    """Mean squared error of X projected on its first k components and back.

    The components and the mean are fitted on X itself (pca_fit); the error is
    the mean over all N·D entries of (X − X̂)². k = 0 keeps only the mean, so
    X̂ is the mean in every row; k = D reconstructs X (error 0 up to rounding).

    Shapes
    ------
    X : (N, D) float64
    k : int, 0 ≤ k ≤ D
    returns : float
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("reconstruction_error: fit, project, map back, mean")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_reconstruction_error", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("reconstruction_error", reconstruction_error)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: the error computed by projecting and the one from the
# discarded eigenvalues agree to rounding, for every $k$.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_reconstruction_error", "locked": true, "schema_version": 3, "solution": false}
X5 = rng.normal(size=(50, 4)) * [3.0, 2.0, 1.0, 0.5] + 1.0  # (N, D)
lam5 = pca_fit(X5, 4)[1]  # (D,)
for k in range(5):
    from_eigenvalues = (50 - 1) / (50 * 4) * lam5[k:].sum()
    print(f"k = {k}: {reconstruction_error(X5, k):.6f} vs {from_eigenvalues:.6f}")

# %% [markdown]
# ## 6 · Handwritten digits
#
# scikit-learn's digits: 1797 images of 8×8 pixels with values 0 to 16, so
# D = 64. First, how many components keep 90 % and 95 % of the variance of the
# whole set? Then hold out a quarter of the images, fit PCA on the rest, and
# classify the held-out images by their **nearest class centroid**, once in the
# 64 pixels and once in 20 principal components. Targets: 21 components for
# 90 %, 29 for 95 %, and the accuracy on 20 components within 0.01 of the
# accuracy on all 64 pixels.

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train", "locked": true, "schema_version": 3, "solution": false}
import math
from dataclasses import dataclass

from sklearn.datasets import load_digits


@dataclass(frozen=True)
class Config:
    test_size: float = 0.25  # share of images held out
    seed: int = 0  # seed of the split's permutation
    n_components: int = 20  # components for the nearest-centroid classifier


def nearest_centroid_accuracy(F_train, y_train, F_test, y_test):
    """Accuracy of assigning each test row to the class with the closest mean."""
    classes = np.unique(y_train)
    centroids = np.stack([F_train[y_train == c].mean(axis=0) for c in classes])
    d2 = ((F_test[:, None, :] - centroids[None]) ** 2).sum(axis=2)  # (N_test, K)
    return float(np.mean(classes[d2.argmin(axis=1)] == y_test))


cfg = Config()
digits = load_digits()
X, y = digits.data, digits.target  # (1797, 64), (1797,)

_, _, ratio_all, _ = pca_fit(X, X.shape[1])  # (64,)
n_90 = n_components_for_variance(ratio_all, 0.90)
n_95 = n_components_for_variance(ratio_all, 0.95)
print(f"components for 90 %: {n_90} (target 21) | for 95 %: {n_95} (target 29)")

perm = np.random.default_rng(cfg.seed).permutation(len(y))
n_test = math.ceil(cfg.test_size * len(y))
test, train = perm[:n_test], perm[n_test:]
W, _, ratio, mu = pca_fit(X[train], cfg.n_components)  # (k, 64), (k,), (k,), (64,)
Z_train = pca_transform(X[train], W, mu)  # (N_train, k)
Z_test = pca_transform(X[test], W, mu)  # (N_test, k)
acc_pixels = nearest_centroid_accuracy(X[train], y[train], X[test], y[test])
acc_pca = nearest_centroid_accuracy(Z_train, y[train], Z_test, y[test])
gap = abs(acc_pca - acc_pixels)
print(
    f"nearest centroid: 64 pixels {acc_pixels:.3f} | {cfg.n_components} components"
    f" {acc_pca:.3f} | gap {gap:.3f} (target ≤ 0.01)"
)
headline = {
    "n_components_90": int(n_90),
    "n_components_95": int(n_95),
    "accuracy_pixels": acc_pixels,
    "accuracy_pca": acc_pca,
    "accuracy_gap": float(gap),
}

# %% [markdown]
# The same with scikit-learn as a comparison: `PCA(0.9)` should choose the same
# number of components, and its components should match yours, sign included.

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train_2", "locked": true, "schema_version": 3, "solution": false}
from sklearn.decomposition import PCA

sk_90 = PCA(0.90, svd_solver="full").fit(X).n_components_
sk = PCA(cfg.n_components, svd_solver="full").fit(X[train])
diff = np.abs(sk.components_ - W).max()
print(f"scikit-learn: {sk_90} components for 90 % | largest component gap {diff:.1e}")
headline["sklearn_n_components_90"] = int(sk_90)
headline["sklearn_component_gap"] = float(diff)

# %% [markdown]
# The explained-variance ratio falls quickly: a few components carry most of the
# variance, the last ones almost none (some pixels at the border are always 0).

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_variance", "locked": true, "schema_version": 3, "solution": false}
import matplotlib.pyplot as plt

ks = np.arange(1, len(ratio_all) + 1)
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.bar(ks, ratio_all, color="C0", label="ratio of each component")
ax.plot(ks, np.cumsum(ratio_all), "C1.-", ms=3, label="cumulative")
for n, level in ((n_90, 0.90), (n_95, 0.95)):
    ax.axhline(level, color="gray", lw=0.8, ls="--")
    ax.axvline(n, color="gray", lw=0.8, ls="--")
    ax.annotate(
        f"{n} for {level:.0%}", (n, level), xytext=(4, -14), textcoords="offset points"
    )
ax.set(xlabel="component", ylabel="explained variance", xlim=(0, 65), ylim=(0, 1.02))
ax.legend(loc="center right")
plt.show()

# %% [markdown]
# Reconstructions of a held-out 0, 3, 5 and 8 from k components fitted on the
# training images: with k = 0 every image is the mean digit, with 2 components a
# blur near it, with 20 the digit is readable, with 64 it is exact.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_reconstructions", "locked": true, "schema_version": 3, "solution": false}
ks_show = [0, 2, 5, 10, 20, 64]
W_full, _, _, mu_full = pca_fit(X[train], 64)  # (64, 64), (64,)
samples = np.stack([X[test][y[test] == c][0] for c in (0, 3, 5, 8)])  # (4, 64)
fig, axes = plt.subplots(4, len(ks_show) + 1, figsize=(8, 5))
for row, x_i in enumerate(samples):
    axes[row, 0].imshow(x_i.reshape(8, 8), cmap="gray_r")
    for col, k in enumerate(ks_show, start=1):
        z = pca_transform(x_i[None], W_full[:k], mu_full)  # (1, k)
        x_hat = pca_inverse_transform(z, W_full[:k], mu_full)  # (1, 64)
        axes[row, col].imshow(x_hat.reshape(8, 8), cmap="gray_r")
for col, title in enumerate(["original"] + [f"k = {k}" for k in ks_show]):
    axes[0, col].set_title(title, fontsize=9)
for a in axes.flat:
    a.set_axis_off()
plt.show()

# %% [markdown]
# The reconstruction error falls as the discarded variance does; the first two
# components already separate several digits in the plane.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_error_and_plane", "locked": true, "schema_version": 3, "solution": false}
ks_err = np.arange(0, 65, 4)
errors = [reconstruction_error(X[train], int(k)) for k in ks_err]
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
ax1.plot(ks_err, errors, "o-")
ax1.set(
    xlabel="components kept k",
    ylabel="mean squared error per pixel",
    title="reconstruction error",
)
points = ax2.scatter(Z_train[:, 0], Z_train[:, 1], c=y[train], cmap="tab10", s=6)
ax2.set(xlabel="component 1", ylabel="component 2", title="training digits")
fig.colorbar(points, ax=ax2, ticks=range(10))
plt.show()

# %% [markdown]
# ## Summary
#
# - The covariance $C = X_c^\top X_c / (N-1)$ of the centred data holds the
#   variance $u^\top C u$ along every unit direction $u$.
# - Its eigenvectors, by descending eigenvalue, are the principal components;
#   the eigenvalues are the variances along them. `eigh` returns them ascending
#   and as columns, and their sign is a convention.
# - Projecting, $Z = (X - \mu) W^\top$, and reconstructing,
#   $\hat X = Z W + \mu$, use the training mean.
# - The explained-variance ratio chooses $k$; the reconstruction error is
#   $\frac{N-1}{ND}$ times the discarded eigenvalues.
# - On the digits, 21 of 64 components keep 90 % of the variance, and a nearest
#   centroid classifier loses almost nothing by working on 20 of them.
#
# **Exercises.** (1) Standardize the pixels before PCA (constant pixels need
# care): how many components keep 90 % now, and why does it change? (2) Plot the
# nearest-centroid accuracy against the number of components from 1 to 64.
# (3) Show the first eight components as 8×8 images: what do they look like?
