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
# # 02 · Linear regression
#
# A linear model predicts a number as a weighted sum of the features plus an
# offset:
#
# $$\hat y = w_0 + w_1 x_1 + \dots + w_D x_D .$$
#
# Fitting it means choosing $w$ so that the predictions are close to the targets
# in the least-squares sense. In this lesson you will
#
# 1. fold the intercept $w_0$ into the weights with a bias column,
# 2. find the least-squares weights, through the normal equations and through the
#    minimum-norm solution that still works when features are redundant,
# 3. predict, and measure the fit with the MSE and $R^2$,
# 4. compare features by their standardized coefficients.
#
# Shapes use N for samples and D for features; arrays are float64.

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false}
import numpy as np

from mlcourse_check import make_check

check = make_check("02-linear-regression")

# %% [markdown]
# ## 1 · The bias column
#
# Writing $x_0 = 1$ for every sample folds the intercept into the weights:
# $\hat y = X_b w$ with $X_b = [\mathbf 1, X]$ of shape (N, D+1), so $w_0$ is the
# intercept and $w_{1..D}$ the feature weights.


# %% nbgrader={"grade": false, "grade_id": "add_bias", "locked": false, "schema_version": 3, "solution": true}
def add_bias(X):
    """Prepend a column of ones to X.

    Shapes
    ------
    X : (N, D) float64
    returns : (N, D+1), column 0 all ones
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("add_bias: prepend a column of ones")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_add_bias", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("add_bias", add_bias)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 2 · Least squares
#
# The least-squares weights minimise the sum of squared residuals
#
# $$L(w) = \lVert y - X_b w \rVert^2 .$$
#
# $L$ is a convex quadratic; its gradient $-2X_b^\top(y - X_b w)$ vanishes where
#
# $$X_b^\top X_b\, w = X_b^\top y \qquad \text{(the normal equations).}$$
#
# **Geometry.** $X_b w$ ranges over the column space of $X_b$. The best
# prediction $\hat y = X_b w$ is the orthogonal projection of $y$ onto that
# space: the residual $r = y - \hat y$ is orthogonal to every column,
# $X_b^\top r = 0$, which is the normal equations again.
#
# **When $X$ has full column rank** (no feature is a linear combination of the
# others and the bias), $X_b^\top X_b$ is invertible and the solution is unique.
# Solve the system with `np.linalg.solve`; forming an explicit inverse is slower
# and, since $\kappa(X_b^\top X_b) = \kappa(X_b)^2$, loses twice the digits on
# ill-conditioned data.
#
# **When it does not** (a duplicated feature, or all one-hot columns of a
# category, which sum to the bias column), $X_b^\top X_b$ is singular. The
# projection $\hat y$ is still unique, but every $w + v$ with $X_b v = 0$ gives it.
# The conventional choice is the one of smallest norm $\lVert w \rVert$. With the
# SVD $X_b = U \Sigma V^\top$,
#
# $$w^+ = X_b^+ y = V \Sigma^+ U^\top y ,$$
#
# where $\Sigma^+$ inverts the nonzero singular values and keeps the zeros.
# `np.linalg.lstsq(Xb, y, rcond=None)` and `np.linalg.pinv(Xb) @ y` compute it.
# Its norm is taken over all D+1 weights, intercept included.
# (scikit-learn's `LinearRegression` centres the data first and leaves the
# intercept out of the norm, so on the one-hot case its answer differs.)


# %% nbgrader={"grade": false, "grade_id": "fit_least_squares", "locked": false, "schema_version": 3, "solution": true}
def fit_least_squares(X, y, method="lstsq"):
    """Least-squares weights of y ≈ w[0] + X @ w[1:].

    The bias column is added inside: pass raw X.

    Parameters
    ----------
    X : raw features, without a bias column.
    y : targets.
    method : "lstsq" (default) or "normal".
        "lstsq": the minimum-norm least-squares solution over all D+1 weights,
        intercept included, as np.linalg.lstsq on [1, X]; works for any X.
        "normal": solve the normal equations Xbᵀ Xb w = Xbᵀ y; only used on X
        of full column rank.

    Shapes
    ------
    X : (N, D) float64
    y : (N,) float64
    returns : (D+1,) float64, w[0] the intercept
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("fit_least_squares: solve the least-squares problem")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_fit_least_squares", "locked": true, "points": 4, "schema_version": 3, "solution": false}
check("fit_least_squares", fit_least_squares)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Before running the next cell, predict what it prints: the residual of a
# least-squares fit is orthogonal to every column of $X_b$, so $X_b^\top r$ is zero
# up to rounding. The second half builds the one-hot trap: the rank of $X_b$ is
# one less than its number of columns, and moving the weights along the null
# vector $v = (1, -1, -1, -1, 0)$ changes $w$ but not a single prediction.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_geometry", "locked": true, "schema_version": 3, "solution": false}
rng = np.random.default_rng(0)
X_demo = rng.normal(size=(50, 3))  # (N, D)
y_demo = 1.0 + X_demo @ np.array([2.0, -1.0, 0.5]) + 0.1 * rng.normal(size=50)
Xb_demo = add_bias(X_demo)  # (N, D+1)
w_demo = fit_least_squares(X_demo, y_demo)  # (D+1,)
r = y_demo - Xb_demo @ w_demo  # (N,)
print("w:", np.round(w_demo, 3))
print(f"largest |Xbᵀ r|: {np.abs(Xb_demo.T @ r).max():.0e}")  # rounding only

cat = rng.integers(0, 3, size=50)
X_trap = np.column_stack([np.eye(3)[cat], X_demo[:, 0]])  # (N, 4): one-hot + x
Xb_trap = np.column_stack([np.ones(50), X_trap])  # (N, 5)
w_min = fit_least_squares(X_trap, y_demo)  # minimum norm
w_other = w_min + 2.0 * np.array([1.0, -1.0, -1.0, -1.0, 0.0])  # same ŷ
print("rank of Xb:", np.linalg.matrix_rank(Xb_trap), "of", Xb_trap.shape[1])
print("same predictions:", np.allclose(Xb_trap @ w_min, Xb_trap @ w_other))
print(f"norms: {np.linalg.norm(w_min):.3f} < {np.linalg.norm(w_other):.3f}")

# %% [markdown]
# ## 3 · Predictions
#
# New samples arrive as raw features; the intercept comes from $w_0$:
# $\hat y = w_0 + X w_{1..D}$, which is $X_b w$.


# %% nbgrader={"grade": false, "grade_id": "predict", "locked": false, "schema_version": 3, "solution": true}
def predict(X, w):
    """Predictions w[0] + X @ w[1:] on raw X.

    Shapes
    ------
    X : (N, D) float64, without a bias column
    w : (D+1,), w[0] the intercept
    returns : (N,) float64
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("predict: intercept plus the weighted features")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_predict", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("predict", predict)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 4 · How good is the fit?
#
# The **mean squared error** is the loss per sample, in squared units of $y$:
#
# $$\mathrm{MSE} = \frac1N \sum_{i=1}^N (y_i - \hat y_i)^2 .$$
#
# The **coefficient of determination** compares it with the simplest baseline,
# predicting the mean $\bar y$ of the true targets everywhere:
#
# $$R^2 = 1 - \frac{SS_\text{res}}{SS_\text{tot}}
#       = 1 - \frac{\sum_i (y_i - \hat y_i)^2}{\sum_i (y_i - \bar y)^2} .$$
#
# $R^2 = 1$ is a perfect fit, $R^2 = 0$ is no better than the mean, and on new data
# $R^2$ can be negative: worse than the mean. The order of the arguments matters,
# since $\bar y$ is the mean of the *true* targets. For a constant $y$,
# $SS_\text{tot} = 0$ and $R^2$ is undefined (scikit-learn returns 1.0 or 0.0 by
# convention); it is not needed here.


# %% nbgrader={"grade": false, "grade_id": "mse", "locked": false, "schema_version": 3, "solution": true}
def mse(y, y_hat):
    """Mean squared error (1/N) Σ (y − ŷ)².

    Shapes
    ------
    y : (N,) true targets
    y_hat : (N,) predictions
    returns : float
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("mse: mean of the squared residuals")
    ### END SOLUTION


# %% nbgrader={"grade": false, "grade_id": "r2_score", "locked": false, "schema_version": 3, "solution": true}
def r2_score(y, y_hat):
    """Coefficient of determination 1 − Σ(y − ŷ)² / Σ(y − ȳ)².

    ȳ is the mean of the true targets y. Not called with a constant y.

    Shapes
    ------
    y : (N,) true targets, not all equal
    y_hat : (N,) predictions
    returns : float, at most 1 (negative when worse than predicting ȳ)
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("r2_score: 1 - SS_res / SS_tot")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_regression_metrics", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("mse", mse)
check("r2_score", r2_score)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 5 · Which features matter?
#
# A raw weight $w_j$ is the change of $\hat y$ per *unit* of feature $j$, so it
# depends on the unit: measure a length in millimetres instead of metres and its
# weight shrinks a thousandfold. Standardizing each feature,
#
# $$z_j = \frac{x_j - \mu_j}{\sigma_j}
#   \qquad (\sigma_j \text{ the population std, ddof} = 0),$$
#
# and fitting $y$ on $z$ gives the **standardized coefficients**
#
# $$\beta_j = w_j\, \sigma_j ,$$
#
# the change of $\hat y$, in units of $y$, when feature $j$ rises by one of its
# standard deviations. The fit itself does not change (only the intercept becomes
# $\bar y$), and $|\beta_j|$ is comparable across features. Ranking by $|\beta_j|$
# orders the features by the size of their effect, whatever its sign.
# (With strongly correlated features the split of an effect between them is
# unstable: read the ranking as a description of this fit, not as causation.)


# %% nbgrader={"grade": false, "grade_id": "standardized_coefficients", "locked": false, "schema_version": 3, "solution": true}
def standardized_coefficients(X, y):
    """Least-squares coefficients of the standardized features.

    Each feature is standardized with its mean and population std (ddof=0);
    y is not. Entry j is the change of ŷ, in units of y, when feature j rises
    by one of its standard deviations: w_j · σ_j, with w the least-squares
    weights on raw X.

    Shapes
    ------
    X : (N, D) float64, full column rank, no constant column
    y : (N,) float64
    returns : (D,) float64, no intercept
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("standardized_coefficients: fit on standardized X")
    ### END SOLUTION


# %% nbgrader={"grade": false, "grade_id": "rank_features", "locked": false, "schema_version": 3, "solution": true}
def rank_features(coefs):
    """Feature indices by descending |coef|, the largest effect first.

    Coefficients have distinct magnitudes (ties are not used).

    Shapes
    ------
    coefs : (D,)
    returns : (D,) integer ndarray, a permutation of 0..D-1
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("rank_features: argsort by magnitude, descending")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_feature_importance", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("standardized_coefficients", standardized_coefficients)
check("rank_features", rank_features)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 6 · Diabetes progression
#
# scikit-learn's diabetes data: ten baseline measurements of 442 patients (age,
# sex, body-mass index, blood pressure and six blood serum values, already
# centred and scaled) and a measure of disease progression one year later.
# Hold out 20 % of the patients, fit on the rest with your functions, and score
# the held-out fifth. Target: test $R^2 \ge 0.45$.

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train", "locked": true, "schema_version": 3, "solution": false}
import math
from dataclasses import dataclass

from sklearn.datasets import load_diabetes


@dataclass(frozen=True)
class Config:
    test_size: float = 0.2  # share of samples held out
    seed: int = 0  # seed of the split's permutation
    method: str = "lstsq"  # fit_least_squares method


cfg = Config()
data = load_diabetes()
X, y = data.data, data.target  # (442, 10), (442,)
perm = np.random.default_rng(cfg.seed).permutation(len(y))
n_test = math.ceil(cfg.test_size * len(y))
test, train = perm[:n_test], perm[n_test:]
X_train, X_test, y_train, y_test = X[train], X[test], y[train], y[test]

w = fit_least_squares(X_train, y_train, method=cfg.method)  # (D+1,)
y_hat = predict(X_test, w)  # (N_test,)
test_r2 = r2_score(y_test, y_hat)
test_mse = mse(y_test, y_hat)
print(f"train R² {r2_score(y_train, predict(X_train, w)):.3f}")
print(f"test  R² {test_r2:.3f} (target ≥ 0.45) | test MSE {test_mse:.0f}")

beta = standardized_coefficients(X_train, y_train)  # (D,)
order = rank_features(beta)
print(
    "largest effects:",
    ", ".join(f"{data.feature_names[j]} {beta[j]:+.1f}" for j in order[:4]),
)
headline = {"test_r2": float(test_r2), "test_mse": float(test_mse)}

# %% [markdown]
# The same split with scikit-learn, as a comparison: the weights should agree to
# about twelve digits, and so should $R^2$.

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train_2", "locked": true, "schema_version": 3, "solution": false}
from sklearn.linear_model import LinearRegression

sk = LinearRegression().fit(X_train, y_train)
sk_r2 = sk.score(X_test, y_test)
gap = np.max(np.abs(np.r_[sk.intercept_, sk.coef_] - w))
print(f"scikit-learn test R² {sk_r2:.3f} | largest weight difference {gap:.1e}")
headline["sklearn_test_r2"] = float(sk_r2)

# %% [markdown]
# Points on the diagonal are perfect predictions. The spread around it is what
# $1 - R^2$ measures: most of the progression is not explained by these ten
# measurements.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_predictions", "locked": true, "schema_version": 3, "solution": false}
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(4.5, 4.5))
ax.scatter(y_test, y_hat, s=14, alpha=0.7)
lims = [min(y_test.min(), y_hat.min()), max(y_test.max(), y_hat.max())]
ax.plot(lims, lims, "k--", lw=1, label="ŷ = y")
ax.set(xlabel="true progression y", ylabel="predicted ŷ")
ax.set_title(f"held-out patients, R² = {test_r2:.2f}")
ax.legend()
plt.show()

# %% [markdown]
# Standardized coefficients, largest effect on top. `s1` (total cholesterol) and
# `s2` (LDL) are strongly correlated, which is why they carry large effects of
# opposite sign: the fit balances one against the other.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_coefficients", "locked": true, "schema_version": 3, "solution": false}
names = [data.feature_names[j] for j in order]
fig, ax = plt.subplots(figsize=(5, 4))
ax.barh(
    names[::-1], beta[order][::-1], color=np.where(beta[order][::-1] > 0, "C0", "C3")
)
ax.axvline(0, color="k", lw=0.8)
ax.set(xlabel="change of ŷ per std of the feature", title="standardized coefficients")
plt.show()

# %% [markdown]
# ## Summary
#
# - The bias column turns the intercept into one more weight: $\hat y = X_b w$.
# - Least squares projects $y$ onto the column space of $X_b$; the normal equations
#   $X_b^\top X_b w = X_b^\top y$ say the residual is orthogonal to every column.
# - With redundant features the projection is still unique but the weights are
#   not; the SVD-based pseudo-inverse (`np.linalg.lstsq`) picks the minimum-norm
#   weights, and solving the normal equations fails.
# - MSE measures the error in squared units of $y$; $R^2$ compares it with
#   predicting the mean, and is negative when the model is worse than that.
# - Standardized coefficients $w_j\sigma_j$ put features on one scale, so their
#   magnitudes can be ranked.
#
# **Exercises.** (1) Append a copy of the `bmi` column to the diabetes features:
# does the test $R^2$ change with `"lstsq"`? What do the two `bmi` weights become?
# What does `"normal"` do? (2) Fit on only the four highest-ranked features and
# compare the test $R^2$ with all ten.
