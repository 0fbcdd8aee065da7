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
# # 07 · Support vector machines
#
# Many lines separate two separable classes. A **support vector machine**
# picks the one that stays furthest from both: the hyperplane
# $f(x) = w \cdot x + b = 0$ with the widest empty band around it. Only the
# points on the edge of that band, the **support vectors**, decide where it
# lies.
#
# We will write the SVM's objective, train a linear SVM by subgradient
# descent, then turn to the dual problem, where a **kernel** lets the same
# algorithm draw curved boundaries. Last, we read the support vectors and the
# margin off the solution.
#
# Shapes: N training samples, M test samples, D features. Labels are
# $y_i \in \{-1, +1\}$ (not $\{0, 1\}$): then "on the right side" is simply
# $y_i f(x_i) > 0$.

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false}
import numpy as np

from mlcourse_check import make_check

check = make_check("07-svm")

# %% [markdown]
# ## 1 · The margin and the hinge loss
#
# Scale $w$ and $b$ so that the closest points have $y_i f(x_i) = 1$. The two
# hyperplanes $f(x) = \pm 1$ then bound an empty band of width
# $2 / \lVert w \rVert$ (section 5), so the widest band has the smallest
# $\lVert w \rVert$:
#
# $$\min_{w, b} \tfrac12 \lVert w \rVert^2
#   \quad \text{subject to} \quad y_i (w \cdot x_i + b) \ge 1 \text{ for all } i.$$
#
# Real classes overlap, so the constraints are softened. A sample that
# violates its constraint pays the **hinge loss**
# $\max(0,\, 1 - y_i f(x_i))$: zero beyond the margin, growing linearly
# inside it and on the wrong side. The **soft-margin SVM** minimises
#
# $$J(w, b) = \tfrac12 \lVert w \rVert^2
#   + C \sum_{i=1}^{N} \max\big(0,\, 1 - y_i (w \cdot x_i + b)\big).$$
#
# $C$ trades width for violations: a large $C$ punishes every violation
# hard (a narrow band), a small $C$ accepts some for a wider band. The bias
# $b$ is not penalised: it only moves the band.


# %% nbgrader={"grade": false, "grade_id": "svm_objective", "locked": false, "schema_version": 3, "solution": true}
def svm_objective(w, b, X, y, C):
    """Soft-margin primal objective ½‖w‖² + C·Σᵢ max(0, 1 − yᵢ(xᵢ·w + b)).

    The hinge terms are summed (not averaged); b is not penalised.

    Shapes
    ------
    w : (D,) weights
    b : float, the bias
    X : (N, D) features
    y : (N,) labels in {-1, +1} (float or int)
    C : float > 0
    returns : float
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("svm_objective: ½‖w‖² + C · sum of hinge losses")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_svm_objective", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("svm_objective", svm_objective)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: with $w = 0$ and $b = 0$ every sample sits on the
# boundary and pays a hinge of exactly 1, so $J = C \cdot N$.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_objective", "locked": true, "schema_version": 3, "solution": false}
X_demo = np.array([[1.0, 2.0], [-1.0, 0.5], [0.0, -2.0]])  # (3, 2)
y_demo = np.array([1.0, -1.0, -1.0])
svm_objective(np.zeros(2), 0.0, X_demo, y_demo, C=0.5)

# %% [markdown]
# ## 2 · Training by subgradient descent
#
# $J$ is convex but has kinks where $y_i f(x_i) = 1$, so it has no gradient
# there. A **subgradient** will do: take the hinge as **active** for the
# samples with $y_i f(x_i) < 1$, where its slope is $-y_i x_i$ (and $-y_i$ for
# $b$), and inactive elsewhere:
#
# $$g_w = w - C \sum_{i\,\text{active}} y_i x_i, \qquad
#   g_b = -C \sum_{i\,\text{active}} y_i .$$
#
# A subgradient step need not go downhill, so the steps must shrink. We
# start at $w = 0$, $b = 0$ and for $t = 1, \dots, T$ step with
#
# $$\eta_t = \frac{5}{N \sqrt{t}}, \qquad
#   w \leftarrow w - \eta_t g_w, \qquad b \leftarrow b - \eta_t g_b .$$
#
# The $1/N$ keeps the step of the summed hinge comparable across data sizes;
# the $1/\sqrt t$ is the classic schedule under which the subgradient method
# converges. The iterates wander near the optimum rather than landing on it,
# so this exercise is judged by the objective it reaches and by its
# predictions, with the first steps checked exactly.


# %% nbgrader={"grade": false, "grade_id": "fit_linear_svm", "locked": false, "schema_version": 3, "solution": true}
def fit_linear_svm(X, y, C=1.0, n_iter=3000):
    """Linear soft-margin SVM by full-batch subgradient descent.

    Start at w = 0, b = 0. For t = 1, ..., n_iter: active = y·(X @ w + b) < 1,
    g_w = w − C·Σ_active yᵢxᵢ, g_b = −C·Σ_active yᵢ (b not penalised), then
    w ← w − η·g_w and b ← b − η·g_b with η = 5 / (N·√t). Both use the w, b
    from before the step.

    Shapes
    ------
    X : (N, D) features
    y : (N,) labels in {-1, +1} (float or int)
    returns : tuple (w (D,), b float)
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("fit_linear_svm: n_iter subgradient steps from 0")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_fit_linear_svm", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("fit_linear_svm", fit_linear_svm)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: two clouds around $(\pm 2, 0)$ are split by the
# vertical line $x_1 = 0$, so $w$ points along the first axis, $w_2 \approx 0$,
# $b \approx 0$ and the training accuracy is 1.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_fit_linear", "locked": true, "schema_version": 3, "solution": false}
rng = np.random.default_rng(0)
y_blobs = np.repeat([1.0, -1.0], 50)  # (100,)
X_blobs = rng.normal(0.0, 0.6, size=(100, 2)) + np.outer(y_blobs, [2.0, 0.0])
w_blobs, b_blobs = fit_linear_svm(X_blobs, y_blobs)
w_blobs, b_blobs, np.mean(np.sign(X_blobs @ w_blobs + b_blobs) == y_blobs)

# %% [markdown]
# ## 3 · Kernels
#
# The optimal $w$ is a combination of the training points,
# $w = \sum_j \alpha_j y_j x_j$ (section 4), so $f(x)$ needs the data only
# through dot products $x \cdot x_j$. Replace the dot product by a **kernel**
# $k(x, x')$, the dot product of some feature map $\varphi(x) \cdot
# \varphi(x')$, and the same SVM becomes linear in $\varphi$-space and curved
# in $x$-space, without ever computing $\varphi$:
#
# $$k_{\text{rbf}}(a, b) = \exp\big(-\gamma \lVert a - b \rVert^2\big), \qquad
#   k_{\text{poly}}(a, b) = (\gamma\, a \cdot b + c_0)^{d}.$$
#
# The **RBF** (Gaussian) kernel is 1 for equal points and falls to 0 with
# the *squared* distance; $\gamma$ sets how fast, i.e. how local the
# boundary is. The **polynomial** kernel is the dot product of all monomials
# up to degree $d$. A kernel matrix $K_{ij} = k(a_i, b_j)$ compares every row
# of $A$ with every row of $B$. The parameters follow scikit-learn's names.


# %% nbgrader={"grade": false, "grade_id": "rbf_kernel", "locked": false, "schema_version": 3, "solution": true}
def rbf_kernel(A, B, gamma):
    """Gaussian kernel matrix K[i, j] = exp(−gamma · ‖A[i] − B[j]‖²).

    Shapes
    ------
    A : (N, D)
    B : (M, D)
    gamma : float > 0
    returns : (N, M)
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("rbf_kernel: exp(-gamma * squared distances)")
    ### END SOLUTION


# %% nbgrader={"grade": false, "grade_id": "polynomial_kernel", "locked": false, "schema_version": 3, "solution": true}
def polynomial_kernel(A, B, degree=3, gamma=1.0, coef0=1.0):
    """Polynomial kernel matrix K[i, j] = (gamma · A[i]·B[j] + coef0) ** degree.

    Shapes
    ------
    A : (N, D)
    B : (M, D)
    returns : (N, M)
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("polynomial_kernel: (gamma * A @ B.T + coef0) ** degree")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_kernels", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("rbf_kernel", rbf_kernel)
check("polynomial_kernel", polynomial_kernel)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: the diagonal of $k_{\text{rbf}}(A, A)$ is all ones,
# and the entries fall with distance.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_kernels", "locked": true, "schema_version": 3, "solution": false}
A_demo = np.array([[0.0], [1.0], [2.0]])  # (3, 1)
rbf_kernel(A_demo, A_demo, gamma=1.0).round(3)

# %% [markdown]
# ## 4 · The kernel SVM in the dual
#
# The soft-margin problem has a **dual**: one weight $\alpha_i \in [0, C]$ per
# sample, with $w = \sum_j \alpha_j y_j \varphi(x_j)$. We simplify it with a
# common trick: append a constant feature 1 to $\varphi$, so the bias
# becomes a weight and the kernel becomes $K + 1$. The dual is then
#
# $$\max_{0 \le \alpha \le C}\;
#   D(\alpha) = \sum_i \alpha_i - \tfrac12 \alpha^\top Q \alpha,
#   \qquad Q_{ij} = y_i y_j (K_{ij} + 1),$$
#
# a concave quadratic in a box. **Coordinate ascent** maximises it one
# $\alpha_i$ at a time. Along coordinate $i$, $D$ is a parabola with slope
# $1 - (Q\alpha)_i$ and curvature $-Q_{ii}$; its top, clipped to the box, is
#
# $$\alpha_i \leftarrow \operatorname{clip}\Big(\alpha_i
#   + \frac{1 - (Q\alpha)_i}{Q_{ii}},\; 0,\; C\Big).$$
#
# A sweep visits $i = 0, \dots, N-1$ in order, each update using the $\alpha$
# just changed. The classifier is
#
# $$f(x) = \sum_j \alpha_j y_j \big(k(x, x_j) + 1\big),$$
#
# a sum over the samples with $\alpha_j > 0$: the support vectors.
#
# NOTE: the +1 puts $b^2/2$ into the penalty, so the bias is regularised;
# scikit-learn's `SVC` keeps $b$ free (at the price of the constraint
# $\sum_i \alpha_i y_i = 0$, which a single coordinate cannot keep). On
# well-separated data the two agree closely.


# %% nbgrader={"grade": false, "grade_id": "fit_kernel_svm", "locked": false, "schema_version": 3, "solution": true}
def fit_kernel_svm(K, y, C=1.0, n_sweeps=30):
    """Kernel SVM by dual coordinate ascent on K + 1 (the +1 carries the bias).

    Maximise Σα − ½ αᵀQα over 0 ≤ α ≤ C, Q[i, j] = y[i]·y[j]·(K[i, j] + 1).
    Start at α = 0. Each of n_sweeps sweeps visits i = 0, 1, ..., N−1 in order
    and sets α[i] ← clip(α[i] + (1 − (Qα)[i]) / Q[i, i], 0, C), using the α as
    updated so far.

    Shapes
    ------
    K : (N, N) kernel matrix of the training samples
    y : (N,) labels in {-1, +1}
    returns : alpha (N,), entries in [0, C]
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("fit_kernel_svm: n_sweeps sweeps of coordinate ascent")
    ### END SOLUTION


# %% nbgrader={"grade": false, "grade_id": "decision_function", "locked": false, "schema_version": 3, "solution": true}
def decision_function(K_test, alpha, y):
    """Scores f = (K_test + 1) @ (alpha * y); the sign is the predicted label.

    Shapes
    ------
    K_test : (M, N) kernel between M test and the N training samples
    alpha : (N,) dual weights from fit_kernel_svm
    y : (N,) training labels in {-1, +1}
    returns : (M,)
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("decision_function: (K_test + 1) @ (alpha * y)")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_kernel_svm", "locked": true, "points": 3, "schema_version": 3, "solution": false}
check("fit_kernel_svm", fit_kernel_svm)
check("decision_function", decision_function)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: with the linear kernel $K = X X^\top$ on the two clouds
# of section 2, the dual finds (about) the same boundary as the primal. The
# weights $w = \sum_j \alpha_j y_j x_j$ and the bias $b = \sum_j \alpha_j y_j$
# come out close to those of `fit_linear_svm`.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_dual", "locked": true, "schema_version": 3, "solution": false}
alpha_blobs = fit_kernel_svm(X_blobs @ X_blobs.T, y_blobs, n_sweeps=200)  # (100,)
w_dual = (alpha_blobs * y_blobs) @ X_blobs  # (2,)
w_dual, (alpha_blobs * y_blobs).sum(), w_blobs, b_blobs

# %% [markdown]
# ## 5 · Support vectors and the margin
#
# At the optimum, each sample is in one of three places, read off its
# $\alpha_i$:
#
# - $\alpha_i = 0$: beyond the margin, $y_i f(x_i) \ge 1$; it does not
#   shape the boundary at all.
# - $0 < \alpha_i < C$: **on the margin**, $y_i f(x_i) = 1$ exactly.
# - $\alpha_i = C$: **at the bound**, inside the margin or misclassified.
#
# An iterative solver gets close to 0 and $C$ without landing on them, so we
# compare with a tolerance. For a linear SVM the margin is the distance
# between $w \cdot x + b = 1$ and $w \cdot x + b = -1$. Moving from one to the
# other along the unit normal $w / \lVert w \rVert$ changes $f$ by 2 at a rate
# of $\lVert w \rVert$ per unit length, so the width is $2 / \lVert w \rVert$.


# %% nbgrader={"grade": false, "grade_id": "support_vectors", "locked": false, "schema_version": 3, "solution": true}
def support_vectors(alpha, C, tol=1e-6):
    """Indices of the support vectors on the margin and at the bound.

    on_margin: tol < alpha[i] < C − tol (both strict);
    at_bound: alpha[i] ≥ C − tol.
    Both are int index arrays in increasing order, empty (shape (0,)) when no
    alpha qualifies.

    Shapes
    ------
    alpha : (N,) dual weights in [0, C]
    returns : tuple (on_margin (n1,) int, at_bound (n2,) int)
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("support_vectors: indices where alpha is in each range")
    ### END SOLUTION


# %% nbgrader={"grade": false, "grade_id": "margin_width", "locked": false, "schema_version": 3, "solution": true}
def margin_width(w):
    """Width 2 / ‖w‖ of the band between w·x + b = −1 and w·x + b = +1.

    Shapes
    ------
    w : (D,) weights of a linear SVM, not all zero
    returns : float
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("margin_width: 2 / ||w||")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_margins", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("support_vectors", support_vectors)
check("margin_width", margin_width)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: the clouds of section 2 are well apart, so only a
# handful of samples are support vectors, and the margin is about as wide as
# the gap between the clouds along the first axis.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_margins", "locked": true, "schema_version": 3, "solution": false}
on_margin, at_bound = support_vectors(alpha_blobs, C=1.0, tol=1e-3)
on_margin, at_bound, margin_width(w_dual)

# %% [markdown]
# ## 6 · Two moons: a curved boundary
#
# Two interleaved half-circles with noise (`make_moons`, 1000 points) cannot
# be split by a line. We hold out 30 %, train a linear SVM and an RBF kernel
# SVM ($\gamma = 1$, $C = 1$) on the rest, and compare test accuracies.
# `make_moons` labels the classes 0 and 1: we map them to $-1, +1$ first.
# Target: RBF accuracy ≥ 0.92, at least 0.04 above the linear SVM.

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train", "locked": true, "schema_version": 3, "solution": false}
from dataclasses import dataclass

from sklearn.datasets import make_moons


@dataclass(frozen=True)
class Config:
    n_samples: int = 1000  # points of make_moons
    noise: float = 0.2  # std of the noise added to the moons
    test_size: float = 0.3  # share of samples held out
    gamma: float = 1.0  # RBF kernel width
    C: float = 1.0  # soft-margin penalty, both SVMs
    n_iter: int = 3000  # subgradient steps of the linear SVM
    n_sweeps: int = 30  # coordinate-ascent sweeps of the kernel SVM
    seed: int = 0  # seed of the data and the split


cfg = Config()
X, y01 = make_moons(cfg.n_samples, noise=cfg.noise, random_state=cfg.seed)
y = 2.0 * y01 - 1.0  # (1000,) labels in {-1, +1}
perm = np.random.default_rng(cfg.seed).permutation(len(y))
n_test = int(np.ceil(cfg.test_size * len(y)))
test, train = perm[:n_test], perm[n_test:]
X_train, y_train, X_test, y_test = X[train], y[train], X[test], y[test]

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train_2", "locked": true, "schema_version": 3, "solution": false}
w, b = fit_linear_svm(X_train, y_train, C=cfg.C, n_iter=cfg.n_iter)  # (2,), float
acc_linear = float(np.mean(np.sign(X_test @ w + b) == y_test))

K_train = rbf_kernel(X_train, X_train, cfg.gamma)  # (700, 700)
alpha = fit_kernel_svm(K_train, y_train, C=cfg.C, n_sweeps=cfg.n_sweeps)  # (700,)
K_test = rbf_kernel(X_test, X_train, cfg.gamma)  # (300, 700)
acc_rbf = float(np.mean(np.sign(decision_function(K_test, alpha, y_train)) == y_test))
print(f"test accuracy linear {acc_linear:.3f}")
print(f"test accuracy rbf {acc_rbf:.3f} (target ≥ 0.92 and ≥ linear + 0.04)")
headline = {"accuracy_rbf": acc_rbf, "accuracy_linear": acc_linear}

# %% [markdown]
# ## 7 · Looking at the result
#
# The two decision functions over the plane: the boundary $f = 0$ (solid),
# the margins $f = \pm 1$ (dashed) and the support vectors (circled), those
# on the margin in black and those at the bound in grey.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_boundaries", "locked": true, "schema_version": 3, "solution": false}
import matplotlib.pyplot as plt

g1, g2 = np.meshgrid(np.linspace(-1.8, 2.8, 120), np.linspace(-1.3, 1.8, 90))
grid = np.column_stack([g1.ravel(), g2.ravel()])  # (10800, 2)
f_linear = (grid @ w + b).reshape(g1.shape)
f_rbf = decision_function(rbf_kernel(grid, X_train, cfg.gamma), alpha, y_train)
on_margin, at_bound = support_vectors(alpha, cfg.C, tol=1e-3)
fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
panels = [("linear", f_linear, acc_linear), ("RBF", f_rbf.reshape(g1.shape), acc_rbf)]
for ax, (name, f, acc) in zip(axes, panels, strict=True):
    ax.contourf(g1, g2, f, levels=[-1e9, 0, 1e9], colors=["#f4c7c3", "#c6dbef"])
    ax.contour(g1, g2, f, levels=[-1, 0, 1], colors="k", linestyles=["--", "-", "--"])
    ax.scatter(*X_train.T, c=y_train, cmap="bwr_r", s=6)
    ax.set_title(f"{name}: test accuracy {acc:.3f}")
axes[1].scatter(*X_train[at_bound].T, s=30, facecolors="none", edgecolors="grey")
axes[1].scatter(*X_train[on_margin].T, s=30, facecolors="none", edgecolors="k")
plt.show()
print(f"linear margin width {margin_width(w):.3f}")
print(f"support vectors: {len(on_margin)} on the margin, {len(at_bound)} at the bound")

# %% [markdown]
# How $\gamma$ shapes the boundary: a small $\gamma$ makes every kernel wide
# and the boundary almost straight; a large one makes it local, bending
# around single points (overfitting).

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_gamma", "locked": true, "schema_version": 3, "solution": false}
fig, axes = plt.subplots(1, 3, figsize=(13, 3.6), sharey=True)
for ax, gamma in zip(axes, [0.1, 1.0, 30.0], strict=True):
    a = fit_kernel_svm(rbf_kernel(X_train, X_train, gamma), y_train, C=cfg.C)
    f = decision_function(rbf_kernel(grid, X_train, gamma), a, y_train)
    f_test = decision_function(rbf_kernel(X_test, X_train, gamma), a, y_train)
    ax.contourf(g1, g2, f.reshape(g1.shape), levels=[-1e9, 0, 1e9], alpha=0.4)
    ax.scatter(*X_train.T, c=y_train, cmap="bwr_r", s=6)
    ax.set_title(
        f"γ = {gamma:g}: test accuracy {np.mean(np.sign(f_test) == y_test):.3f}"
    )
plt.show()

# %% [markdown]
# scikit-learn's `SVC` on the same split, for comparison (its bias is free,
# ours is regularised through the +1).

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_sklearn", "locked": true, "schema_version": 3, "solution": false}
from sklearn.svm import SVC

svc = SVC(kernel="rbf", gamma=cfg.gamma, C=cfg.C).fit(X_train, y_train)
print(
    f"test accuracy: scikit-learn {svc.score(X_test, y_test):.3f} | ours {acc_rbf:.3f}"
)

# %% [markdown]
# ## Summary
#
# - An SVM maximises the margin $2 / \lVert w \rVert$; overlapping classes
#   pay the hinge loss $\max(0, 1 - y_i f(x_i))$, weighted by $C$.
# - Labels are $\pm 1$, so $y_i f(x_i)$ is the signed distance in units of
#   the margin.
# - The primal is convex but not smooth: subgradient descent with steps
#   $5 / (N \sqrt t)$ gets close to its minimum.
# - In the dual, data enter only through the kernel; the RBF and polynomial
#   kernels give curved boundaries at the cost of an $N \times N$ matrix.
# - Coordinate ascent on the box-constrained dual is a one-line update; a
#   constant feature ($K + 1$) carries the bias.
# - $\alpha_i = 0$: ignored; $0 < \alpha_i < C$: on the margin;
#   $\alpha_i = C$: inside it. Only support vectors shape $f$.
#
# **Exercises.** (1) Train the RBF SVM with $C = 0.1$ and $C = 100$: how do
# the number of support vectors and the test accuracy change? (2) Use
# `polynomial_kernel` with degree 3 on the moons. (3) Train the linear SVM on
# labels in $\{0, 1\}$ by mistake: what does the hinge do with the class 0?
