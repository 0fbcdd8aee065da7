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
# # 08 · Gradient descent
#
# Most models have no closed-form solution: we start somewhere and walk
# downhill. **Gradient descent** repeats
#
# $$w \leftarrow w - \eta \, \nabla L(w)$$
#
# with a step size (learning rate) $\eta$. This lesson studies it where
# everything can be computed by hand: the mean squared error of a linear
# model. We will write the loss and its gradient, full-batch, mini-batch and
# stochastic gradient descent, and then predict from the data alone which
# step sizes converge smoothly, which oscillate and which blow up.
#
# Shapes: N samples, D features. The model is $\hat y = X w$; when a bias is
# wanted, $X$ already holds a column of ones.

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false}
import numpy as np

from mlcourse_check import make_check

check = make_check("08-gradient-descent")

# %% [markdown]
# ## 1 · The loss and its gradient
#
# With residuals $r = X w - y$, the mean squared error is
#
# $$L(w) = \frac{1}{N} \lVert X w - y \rVert^2 = \frac{1}{N} \sum_{i=1}^{N} r_i^2 .$$
#
# Changing $w$ by $\delta$ changes the residuals by $X\delta$, so
# $L(w + \delta) = L(w) + \frac{2}{N} r^\top X \delta + \frac{1}{N}
# \lVert X\delta \rVert^2$, and the first-order term gives the gradient
#
# $$\nabla L(w) = \frac{2}{N} X^\top (X w - y).$$
#
# The $\frac{1}{N}$ matters: it makes the loss (and the gradient) an average,
# so the same step size works for 100 samples and for a million.


# %% nbgrader={"grade": false, "grade_id": "mse_loss_and_grad", "locked": false, "schema_version": 3, "solution": true}
def mse_loss_and_grad(w, X, y):
    """Mean squared error of X @ w against y, and its gradient in w.

    loss = mean((X @ w - y)**2) and grad = 2 * X.T @ (X @ w - y) / N. X is used
    as given (no bias column is added).

    Shapes
    ------
    w : (D,) float64
    X : (N, D) float64
    y : (N,) float64
    returns : tuple (loss, grad): loss a float, grad (D,) float64
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("mse_loss_and_grad: mean((Xw - y)^2), 2 X^T (Xw - y) / N")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_mse_loss_and_grad", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("mse_loss_and_grad", mse_loss_and_grad)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# A gradient can be checked without calculus: the central difference
# $\big(L(w + h e_j) - L(w - h e_j)\big) / 2h$ approximates
# $\partial L / \partial w_j$. For a quadratic it is exact up to rounding.
# Predict the output: a difference below $10^{-8}$.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_gradient", "locked": true, "schema_version": 3, "solution": false}
rng = np.random.default_rng(0)
X_demo, y_demo = rng.normal(size=(20, 3)), rng.normal(size=20)  # (20, 3), (20,)
w_demo, h = rng.normal(size=3), 1e-5


def loss(w):
    return mse_loss_and_grad(w, X_demo, y_demo)[0]


numeric = [(loss(w_demo + h * e) - loss(w_demo - h * e)) / (2 * h) for e in np.eye(3)]
np.abs(mse_loss_and_grad(w_demo, X_demo, y_demo)[1] - numeric).max()

# %% [markdown]
# ## 2 · Batch gradient descent
#
# Full-batch gradient descent uses the gradient of the whole data set at every
# step. Here one step is one **epoch** (one pass over the data), so after
# `n_epochs` epochs we have taken `n_epochs` steps. We record the loss before
# the first step and after each one: a history of `n_epochs + 1` numbers.
#
# One trap: `w = w0` does not copy an array. An in-place update `w -= ...`
# would then change the caller's `w0` too. Write `w = w - lr * grad`, or copy
# first.


# %% nbgrader={"grade": false, "grade_id": "batch_gradient_descent", "locked": false, "schema_version": 3, "solution": true}
def batch_gradient_descent(X, y, w0, lr, n_epochs):
    """Full-batch gradient descent on the mean squared error.

    Starts at w0 and takes exactly n_epochs steps w <- w - lr * grad, grad the
    gradient of mse_loss_and_grad on all of X, y. history[0] is the loss at w0
    and history[k] the loss after k steps. w0 itself is not modified.

    Shapes
    ------
    X : (N, D), y : (N,), w0 : (D,)
    returns : tuple (w, history): w (D,) float64, history (n_epochs+1,) float64
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("batch_gradient_descent: n_epochs full-batch steps")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_batch_gradient_descent", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("batch_gradient_descent", batch_gradient_descent)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 3 · Why it converges: the Hessian
#
# The loss is a quadratic. Its Hessian (the matrix of second derivatives) is
# constant,
#
# $$H = \nabla^2 L = \frac{2}{N} X^\top X ,$$
#
# and with the minimiser $w^*$ (where $\nabla L(w^*) = 0$) the gradient is
# exactly $\nabla L(w) = H (w - w^*)$. One step therefore maps the error
# $e = w - w^*$ to
#
# $$e_{k+1} = (I - \eta H)\, e_k, \qquad e_k = (I - \eta H)^k e_0 .$$
#
# In the eigenbasis of $H$ (eigenvalues $\lambda_1 \ge \dots \ge \lambda_D \ge
# 0$) the components of the error do not mix: component $j$ is multiplied by
# $1 - \eta \lambda_j$ at every step. Predict the output: the error after 5
# steps equals the formula, up to rounding.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_closed_form", "locked": true, "schema_version": 3, "solution": false}
H = 2 * X_demo.T @ X_demo / len(X_demo)  # (3, 3)
w_star = np.linalg.lstsq(X_demo, y_demo, rcond=None)[0]  # (3,)
w0_demo, eta = np.zeros(3), 0.2
w5, _ = batch_gradient_descent(X_demo, y_demo, w0_demo, eta, 5)
e5 = np.linalg.matrix_power(np.eye(3) - eta * H, 5) @ (w0_demo - w_star)
np.abs((w5 - w_star) - e5).max()

# %% [markdown]
# ## 4 · Mini-batches
#
# The full gradient costs a pass over all $N$ samples per step. A
# **mini-batch** of $B$ samples gives a noisy but unbiased estimate of it, at
# $B/N$ of the cost, so we can take $N/B$ steps per epoch. Each epoch we
# shuffle the indices afresh and cut them into consecutive batches:
#
# `perm = rng.permutation(N)`, batches `perm[0:B]`, `perm[B:2B]`, …
#
# When $B$ does not divide $N$ the last batch is shorter. Keep it: dropping it
# would skip the same number of samples every epoch, and with $N < B$ there
# would be no batch at all.


# %% nbgrader={"grade": false, "grade_id": "minibatch_indices", "locked": false, "schema_version": 3, "solution": true}
def minibatch_indices(N, batch_size, *, rng):
    """Shuffle range(N) once and cut it into consecutive batches.

    Draws exactly one perm = rng.permutation(N) and nothing else; batch j is
    perm[j * batch_size : (j + 1) * batch_size]. When batch_size does not
    divide N the last batch is shorter and is kept; batch_size >= N gives one
    batch, all of perm.

    Shapes
    ------
    N : int, batch_size : int >= 1
    returns : list of ceil(N / batch_size) int arrays
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("minibatch_indices: one permutation, cut in order")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_minibatch_indices", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("minibatch_indices", minibatch_indices)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: the sizes of the batches of 10 samples in batches of 4.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_batches", "locked": true, "schema_version": 3, "solution": false}
[len(b) for b in minibatch_indices(10, 4, rng=np.random.default_rng(0))]

# %% [markdown]
# ## 5 · Mini-batch and stochastic gradient descent
#
# Each step uses the **mean** gradient of its batch,
# $\nabla L_b(w) = \frac{2}{|b|} X_b^\top (X_b w - y_b)$: exactly
# `mse_loss_and_grad(w, X[b], y[b])`. Batch size 1 is **stochastic gradient
# descent** (SGD), batch size $N$ gives back batch gradient descent.
#
# Every epoch needs a *new* shuffle, so call `minibatch_indices` once per
# epoch with the same generator. To see progress we record the loss on all
# the data, once before training and after each epoch.


# %% nbgrader={"grade": false, "grade_id": "minibatch_gradient_descent", "locked": false, "schema_version": 3, "solution": true}
def minibatch_gradient_descent(X, y, w0, lr, n_epochs, batch_size, *, rng):
    """Mini-batch gradient descent on the mean squared error.

    Each of the n_epochs epochs calls minibatch_indices(N, batch_size, rng=rng)
    once (rng draws nothing else) and, for each batch b in order, steps
    w <- w - lr * grad with grad = mse_loss_and_grad(w, X[b], y[b])[1], the
    batch's mean gradient. history[0] is the full-data loss at w0 and
    history[e] the full-data loss after epoch e. w0 itself is not modified.

    Shapes
    ------
    X : (N, D), y : (N,), w0 : (D,)
    returns : tuple (w, history): w (D,) float64, history (n_epochs+1,) float64
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("minibatch_gradient_descent: one step per batch")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_minibatch_gradient_descent", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("minibatch_gradient_descent", minibatch_gradient_descent)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 6 · Which learning rate?
#
# Back to $e_{k+1} = (I - \eta H) e_k$. Component $j$ of the error shrinks
# when $\lvert 1 - \eta \lambda_j \rvert < 1$, i.e. $0 < \eta \lambda_j < 2$.
# The largest eigenvalue is the strictest, so gradient descent converges for
# every start exactly when
#
# $$\eta < \eta_{\max} = \frac{2}{\lambda_{\max}(H)}, \qquad
#   H = \frac{2}{N} X^\top X .$$
#
# Below that bound, the factor $1 - \eta\lambda_j$ tells how:
#
# | $\eta \lambda_{\max}$ | factors $1 - \eta\lambda_j$ | behaviour |
# |---|---|---|
# | $\le 1$ | all in $[0, 1)$ | **monotone**: no error component changes sign |
# | $(1, 2)$ | the largest in $(-1, 0)$ | **oscillating**: that component flips sign every step, yet shrinks |
# | $\ge 2$ | the largest $\le -1$ | **divergent**: it flips and grows |
#
# ($\eta\lambda_{\max} = 2$ exactly neither grows nor shrinks; we call it
# divergent, as it never converges.) The fastest rate for the slowest
# component comes from $\eta$ near $2/(\lambda_{\max} + \lambda_{\min})$,
# which is why the best step sizes often oscillate a little. `np.linalg.eigvalsh`
# returns the eigenvalues of a symmetric matrix in ascending order.


# %% nbgrader={"grade": false, "grade_id": "max_stable_lr", "locked": false, "schema_version": 3, "solution": true}
def max_stable_lr(X):
    """The stability bound 2 / lambda_max of H = 2 * X.T @ X / N.

    lambda_max is the largest eigenvalue of the Hessian H of the mean squared
    error; X is used as given.

    Shapes
    ------
    X : (N, D) float64
    returns : float
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("max_stable_lr: 2 / largest eigenvalue of 2 X^T X / N")
    ### END SOLUTION


# %% nbgrader={"grade": false, "grade_id": "lr_regime", "locked": false, "schema_version": 3, "solution": true}
def lr_regime(X, lr):
    """The regime of gradient descent on the MSE of X with step size lr.

    With lambda_max the largest eigenvalue of H = 2 * X.T @ X / N:
    "monotone" if lr * lambda_max <= 1, "oscillating" if
    1 < lr * lambda_max < 2, and "divergent" otherwise.

    Shapes
    ------
    X : (N, D) float64, lr : float > 0
    returns : str, one of "monotone", "oscillating", "divergent"
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("lr_regime: compare lr * lambda_max with 1 and 2")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_learning_rate", "locked": true, "points": 3, "schema_version": 3, "solution": false}
check("max_stable_lr", max_stable_lr)
check("lr_regime", lr_regime)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 7 · Diabetes: three ways downhill
#
# The diabetes data has 442 patients with 10 features and a disease score.
# We standardise the features, add a column of ones for the bias and compare
# the epochs each method needs to come within 1 % of the optimal loss (from
# `np.linalg.lstsq`): batch gradient descent with $\eta = 1.9/\lambda_{\max}$,
# mini-batches of 32 with $\eta = 0.05$ and SGD with $\eta = 0.005$, 60 epochs
# each. Then $\eta = 2.1/\lambda_{\max}$, just past the bound, for 100 steps.
# Target: every method within 60 epochs, and the last run diverges.

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train", "locked": true, "schema_version": 3, "solution": false}
from dataclasses import dataclass

from sklearn.datasets import load_diabetes


@dataclass(frozen=True)
class Config:
    n_epochs: int = 60  # epochs per method
    batch_c: float = 1.9  # batch step size, in units of 1 / lambda_max
    minibatch_lr: float = 0.05  # step size of mini-batch descent
    batch_size: int = 32  # samples per mini-batch
    sgd_lr: float = 0.005  # step size of SGD (batch size 1)
    divergent_c: float = 2.1  # a step size past the bound, in 1 / lambda_max
    divergent_steps: int = 100  # steps of the divergent run
    tol: float = 1.01  # "converged": loss <= tol * optimal loss
    seed: int = 0  # seed of the shuffles


cfg = Config()
X_raw, y = load_diabetes(return_X_y=True)  # (442, 10), (442,)
Z = (X_raw - X_raw.mean(axis=0)) / X_raw.std(axis=0)
X = np.hstack([np.ones((len(y), 1)), Z])  # (442, 11), column 0 the bias
w_opt = np.linalg.lstsq(X, y, rcond=None)[0]  # (11,)
loss_opt = mse_loss_and_grad(w_opt, X, y)[0]
lam_max = 2 / max_stable_lr(X)
w0 = np.zeros(X.shape[1])
print(f"optimal loss {loss_opt:.1f} | lambda_max {lam_max:.3f}")

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train_2", "locked": true, "schema_version": 3, "solution": false}
_, hist_batch = batch_gradient_descent(X, y, w0, cfg.batch_c / lam_max, cfg.n_epochs)
rng = np.random.default_rng(cfg.seed)
_, hist_mini = minibatch_gradient_descent(
    X, y, w0, cfg.minibatch_lr, cfg.n_epochs, cfg.batch_size, rng=rng
)
rng = np.random.default_rng(cfg.seed)  # SGD gets the same first shuffle
_, hist_sgd = minibatch_gradient_descent(X, y, w0, cfg.sgd_lr, cfg.n_epochs, 1, rng=rng)
_, hist_div = batch_gradient_descent(
    X, y, w0, cfg.divergent_c / lam_max, cfg.divergent_steps
)


def epochs_to_reach(history, target):
    """First epoch whose loss is <= target (inf if none)."""
    reached = np.flatnonzero(history <= target)
    return float(reached[0]) if len(reached) else float("inf")


headline = {
    name: epochs_to_reach(hist, cfg.tol * loss_opt)
    for name, hist in [
        ("batch", hist_batch),
        ("minibatch", hist_mini),
        ("sgd", hist_sgd),
    ]
}
for name, epochs in headline.items():
    print(f"{name}: within 1 % of the optimum after {epochs:.0f} epochs (target ≤ 60)")
headline["divergent_growth"] = float(hist_div[-1] / hist_div[0])
print(f"eta 2.1 / lambda_max: loss x {headline['divergent_growth']:.3g} (target > 1)")

# %% [markdown]
# ## 8 · Loss curves for different learning rates
#
# Batch gradient descent on the same data with $\eta\lambda_{\max}$ from 0.3
# to 2.1. The gap to the optimal loss is on a log scale: a straight line is
# linear convergence, its slope set by the slowest error component.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_learning_rates", "locked": true, "schema_version": 3, "solution": false}
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(6, 4))
for c in [0.3, 1.0, 1.5, 1.9, 2.1]:
    _, hist = batch_gradient_descent(X, y, w0, c / lam_max, cfg.n_epochs)
    label = f"η·λmax = {c} ({lr_regime(X, c / lam_max)})"
    ax.plot(hist - loss_opt, label=label)
ax.set_yscale("log")
ax.set_ylim(1, 1e6)
ax.set_xlabel("epoch (= step)")
ax.set_ylabel("loss − optimal loss")
ax.legend()
plt.show()

# %% [markdown]
# Where does the oscillation live? The error component along the top
# eigenvector of $H$ flips sign every step for $\eta\lambda_{\max} = 1.5$ and
# keeps its sign for $0.9$.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_top_component", "locked": true, "schema_version": 3, "solution": false}
v_top = np.linalg.eigh(2 * X.T @ X / len(y))[1][:, -1]  # (11,)
fig, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
for c in [0.9, 1.5]:
    w_k, errs = w0, []
    for _ in range(15):
        errs.append((w_k - w_opt) @ v_top)
        w_k, _ = batch_gradient_descent(X, y, w_k, c / lam_max, 1)
    ax.plot(errs, marker="o", label=f"η·λmax = {c}")
ax.axhline(0, color="grey", lw=0.5)
ax.set_xlabel("step")
ax.set_ylabel("error along top eigenvector")
ax.legend()
plt.show()

# %% [markdown]
# Batch, mini-batch and SGD per epoch. Mini-batches take 14 steps per epoch
# and SGD 442, so both get close in fewer epochs; with a constant step size
# their noise keeps them bouncing around the optimum instead of settling.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_methods", "locked": true, "schema_version": 3, "solution": false}
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(hist_batch / loss_opt, label="batch, η = 1.9 / λmax")
ax.plot(hist_mini / loss_opt, label="mini-batch 32, η = 0.05")
ax.plot(hist_sgd / loss_opt, label="SGD, η = 0.005")
ax.axhline(cfg.tol, color="grey", ls="--", label="1 % above the optimum")
ax.set_yscale("log")
ax.set_xlabel("epoch")
ax.set_ylabel("loss / optimal loss")
ax.legend()
plt.show()

# %% [markdown]
# ## Summary
#
# - The MSE $\frac1N\lVert Xw - y\rVert^2$ has gradient
#   $\frac2N X^\top(Xw - y)$; the $\frac1N$ makes step sizes independent of $N$.
# - Its Hessian $H = \frac2N X^\top X$ is constant, and gradient descent maps
#   the error by $I - \eta H$ at every step.
# - $\eta\lambda_{\max} \le 1$: monotone; $1 < \eta\lambda_{\max} < 2$:
#   oscillating but convergent; $\eta\lambda_{\max} \ge 2$: divergent. So
#   $\eta_{\max} = 2/\lambda_{\max}$.
# - Mini-batches trade exact gradients for many cheap steps: reshuffle every
#   epoch, keep the short last batch, average the batch gradient.
# - With a constant step, SGD does not settle at the optimum; it hovers in a
#   band whose width grows with $\eta$.
#
# **Exercises.** (1) Run batch gradient descent on the *unstandardised*
# features: what is $\lambda_{\max}/\lambda_{\min}$ now, and how many epochs
# does it take? (2) Halve the SGD step size every 10 epochs: does the final
# loss get closer to the optimum? (3) For which batch size does mini-batch
# descent diverge with $\eta = 0.05$?
