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
# # 01 · Data preprocessing
#
# Models see numbers, and they take those numbers literally. A feature measured
# in thousands outweighs one measured in tenths in every distance and every
# gradient; a single `NaN` turns a sum into `NaN`; a test set that leaked into
# training flatters the model. Preprocessing is the set of small transforms that
# come before any model:
#
# 1. put features on one scale: standardization and min-max scaling,
# 2. fill missing values,
# 3. flag outliers with the interquartile range,
# 4. hold out a test set, plain or stratified by class,
# 5. build new features: polynomial terms and one-hot codes.
#
# One rule runs through all of them: **statistics come from the training set
# only**. Every scaler here returns the statistics it used, so that the test set
# can be transformed with the same ones.
#
# Shapes use N for samples, D for features, K for categories; arrays are float64.

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false}
import numpy as np

from mlcourse_check import make_check

check = make_check("01-data-preprocessing")

# %% [markdown]
# ## 1 · Standardization
#
# Each feature $j$ is shifted by its mean and divided by its standard deviation,
#
# $$z_{ij} = \frac{x_{ij} - \mu_j}{\sigma_j}, \qquad
#   \mu_j = \frac1N \sum_i x_{ij}, \qquad
#   \sigma_j = \sqrt{\frac1N \sum_i (x_{ij} - \mu_j)^2},$$
#
# so that every column has mean 0 and standard deviation 1. $\sigma_j$ is the
# *population* standard deviation: divide by $N$, not $N-1$ (`ddof=0`, numpy's
# default and scikit-learn's `StandardScaler`).
#
# A constant column has $\sigma_j = 0$. Dividing by it gives `nan` (0/0); the
# convention is to divide by 1 instead, which leaves the column at 0 after
# centring.
#
# To scale new data, pass the training set's `mean` and `std` back in instead of
# computing new ones.


# %% nbgrader={"grade": false, "grade_id": "standardize", "locked": false, "schema_version": 3, "solution": true}
def standardize(X, mean=None, std=None):
    """Scale each feature to mean 0 and standard deviation 1.

    Z = (X − mean) / std, column by column. Without `mean` and `std` they are
    computed from X: the mean and the population std (ddof=0). A zero std (a
    constant column) is replaced by 1, so that column becomes X − mean, and
    the returned std holds that 1: passing the returned mean and std back in
    repeats the same transform on new data.

    Parameters
    ----------
    X : data to scale.
    mean, std : statistics of a training set, to scale other data with; both
        None (the default) computes them from X.

    Shapes
    ------
    X : (N, D) float64
    mean, std : (D,) float64 or None
    returns : (Z (N, D), mean (D,), std (D,)), float64
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("standardize: (X - mean) / std, column by column")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_standardize", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("standardize", standardize)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output before you run it: the columns of `Z_demo` have mean 0 and
# std 1, except the constant one, which is 0 throughout (std 0); the returned std
# holds a 1 there.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_standardize", "locked": true, "schema_version": 3, "solution": false}
X_demo = np.array([[1.0, 100.0, 7.0], [2.0, 300.0, 7.0], [3.0, 200.0, 7.0]])
Z_demo, mu_demo, sigma_demo = standardize(X_demo)  # (3, 3), (3,), (3,)
print("mean of Z:", np.round(Z_demo.mean(axis=0), 12))
print("std of Z: ", np.round(Z_demo.std(axis=0), 12))
print("std used: ", np.round(sigma_demo, 3))

# %% [markdown]
# ## 2 · Min-max scaling
#
# Min-max scaling maps each feature linearly onto a range $[a, b]$, by default
# $[0, 1]$:
#
# $$x'_{ij} = a + (x_{ij} - m_j)\,\frac{b - a}{M_j - m_j},
#   \qquad m_j = \min_i x_{ij},\; M_j = \max_i x_{ij}.$$
#
# The training minimum goes to $a$ and the maximum to $b$. It keeps the shape of
# the distribution but, unlike standardization, depends on two extreme values
# only, so one outlier squeezes every other value into a narrow band. New data
# scaled with the training $m$ and $M$ may fall outside $[a, b]$. A constant
# column ($M_j = m_j$) is divided by 1 instead of 0, so it maps to $a$.


# %% nbgrader={"grade": false, "grade_id": "min_max_scale", "locked": false, "schema_version": 3, "solution": true}
def min_max_scale(X, feature_range=(0.0, 1.0), data_min=None, data_max=None):
    """Map each feature linearly so that its min goes to a and its max to b.

    Xs = a + (X − data_min) · (b − a) / (data_max − data_min), with
    (a, b) = feature_range. Without `data_min` and `data_max` they are the
    column minima and maxima of X. A constant column (data_max = data_min)
    maps to a. Data scaled with another set's min and max may fall outside
    [a, b].

    Shapes
    ------
    X : (N, D) float64
    data_min, data_max : (D,) float64 or None
    returns : (Xs (N, D), data_min (D,), data_max (D,)), float64
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("min_max_scale: a + (X - min) (b - a) / (max - min)")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_min_max_scale", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("min_max_scale", min_max_scale)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 3 · Missing values
#
# Real tables have holes; here a hole is `np.nan`. The simplest repair fills each
# column with one value computed from its **observed** entries:
#
# - `"mean"`: their mean; pulled by outliers,
# - `"median"`: their middle value (the mean of the two middle ones when their
#   count is even); robust to outliers,
# - `"most_frequent"`: their mode, the only choice for a category coded as a
#   number; on a tie the smallest value wins.
#
# `np.mean` of a column with one `nan` is `nan`: compute the statistic over the
# observed values only (`np.nanmean`, `np.nanmedian`, or a mask). A column with
# no observed value has no statistic at all, and `impute` raises a `ValueError`
# there rather than fill the column with `nan`.
#
# Filling shrinks the spread of a column (every filled value sits at the centre)
# and hides that the value was missing; a model that should know can get an
# extra 0/1 "was missing" feature.


# %% nbgrader={"grade": false, "grade_id": "impute", "locked": false, "schema_version": 3, "solution": true}
def impute(X, strategy="mean"):
    """Fill the missing values (NaN) of each column.

    The fill value of a column is computed from its observed values only:
    "mean" their mean, "median" their median (the mean of the two middle
    values when their count is even), "most_frequent" their most frequent
    value, the smallest one on a tie. X is not modified.

    Raises
    ------
    ValueError
        if a column has no observed value (all NaN), or `strategy` is unknown.

    Shapes
    ------
    X : (N, D) float64, NaN where missing
    returns : (X_filled (N, D) without NaN, fill (D,)), float64
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("impute: fill each column's NaN from its observed values")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_impute", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("impute", impute)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 4 · Outliers by the interquartile range
#
# The quartiles $Q_1$ and $Q_3$ are the 25th and 75th percentiles of a column;
# between them lies the middle half of the data, and $\mathrm{IQR} = Q_3 - Q_1$
# is its width. Tukey's rule calls a value an outlier when it lies outside the
# fences
#
# $$[\,Q_1 - k\cdot\mathrm{IQR},\; Q_3 + k\cdot\mathrm{IQR}\,], \qquad k = 1.5 .$$
#
# A value exactly on a fence is not an outlier. Unlike a rule based on the mean
# and standard deviation, the fences hardly move when the outliers themselves
# grow. Percentiles between two data points are interpolated linearly, which is
# `np.percentile`'s default: with sorted values $x_{(0)} \le \dots \le
# x_{(N-1)}$, the $p$-th percentile sits at position $h = (N-1)\,p/100$,
# between $x_{(\lfloor h \rfloor)}$ and the next value.


# %% nbgrader={"grade": false, "grade_id": "iqr_outliers", "locked": false, "schema_version": 3, "solution": true}
def iqr_outliers(X, k=1.5):
    """Flag the values outside [Q1 − k·IQR, Q3 + k·IQR] of their column.

    Q1 and Q3 are the column's 25th and 75th percentiles by linear
    interpolation, np.percentile's default; IQR = Q3 − Q1. A value exactly on
    a fence is not an outlier.

    Shapes
    ------
    X : (N, D) float64
    returns : (N, D) bool, True for an outlier
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("iqr_outliers: compare each value with its fences")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_iqr_outliers", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("iqr_outliers", iqr_outliers)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 5 · Train/test split
#
# A model is judged on samples it has not seen. With $t$ the test share
# (`test_size`), shuffle the indices with one permutation and cut it:
#
# $$\pi = \texttt{rng.permutation}(N), \qquad n_\text{test} = \lceil t N \rceil,
#   \qquad \text{test} = \pi_0, \dots, \pi_{n_\text{test}-1},
#   \qquad \text{train} = \pi_{n_\text{test}}, \dots, \pi_{N-1}.$$
#
# Rounding up guarantees a test set of at least one sample, and the fixed order
# of the draw makes the split reproducible from the generator's seed.
#
# With few samples of a class, chance can leave the class out of the test set
# altogether. A **stratified** split cuts every class separately: class $c$ with
# $N_c$ samples puts $\lfloor t N_c \rfloor$ or $\lceil t N_c \rceil$ samples in
# the test set, $n_\text{test}$ in all, so both sets keep the class shares of $y$.
# One way: give every class the floor, hand the remaining samples to the classes
# with the largest fractional parts, and take each class's first samples in
# permutation order.


# %% nbgrader={"grade": false, "grade_id": "train_test_split", "locked": false, "schema_version": 3, "solution": true}
def train_test_split(X, y, test_size=0.25, *, rng, stratify=False):
    """Hold out a random share of the samples as a test set.

    Draws one permutation, perm = rng.permutation(N), and nothing else.
    n_test = ceil(test_size · N). Without stratification the test set is
    perm[:n_test] and the training set perm[n_test:], both in that order.

    With stratify=True each class c of y (N_c samples) puts floor or ceil of
    test_size · N_c samples in the test set, n_test in all, so the class
    shares of both sets follow those of y. Which samples of a class go is
    then not prescribed.

    Shapes
    ------
    X : (N, D)
    y : (N,)
    returns : (X_train (N − n_test, D), X_test (n_test, D),
               y_train (N − n_test,), y_test (n_test,))
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("train_test_split: cut one permutation of the indices")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_train_test_split", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("train_test_split", train_test_split)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 6 · New features: polynomial terms and one-hot codes
#
# A linear model in the **polynomial features** of $x$ fits curves. For degree
# $p$ they are all monomials $x_{j_1} x_{j_2} \cdots x_{j_d}$ with
# $j_1 \le \dots \le j_d$ and $0 \le d \le p$; the empty product ($d = 0$) is the
# bias column of ones. We use scikit-learn's order: by degree, and within a degree
# in the order of `itertools.combinations_with_replacement(range(D), d)`. For
# $D = 2$, $p = 2$:
#
# $$[\,1,\; x_0,\; x_1,\; x_0^2,\; x_0 x_1,\; x_1^2\,],$$
#
# and in general there are $P = \binom{D + p}{p}$ columns, which grows fast.
#
# A **category** coded as a number (a colour as 0, 1, 2) is not a quantity: a
# linear model would treat colour 2 as twice colour 1. **One-hot** coding gives
# each of the $K$ categories its own 0/1 column,
#
# $$h_{ik} = [\,\ell_i = c_k\,],$$
#
# where the categories $c_1 < \dots < c_K$ are the sorted distinct labels
# unless they are given. Given categories keep their order; a category that no
# label takes gives a column of zeros, so a test set is coded with the columns
# of the training set.


# %% nbgrader={"grade": false, "grade_id": "polynomial_features", "locked": false, "schema_version": 3, "solution": true}
def polynomial_features(X, degree):
    """All monomials of the features up to `degree`, bias column included.

    The terms follow scikit-learn's PolynomialFeatures (include_bias=True):
    by degree 0, 1, ..., degree, and within a degree the index tuples
    j1 ≤ j2 ≤ ... in lexicographic order (itertools.combinations_with_replacement).
    For D = 2, degree = 2: [1, x0, x1, x0², x0·x1, x1²].

    Shapes
    ------
    X : (N, D) float64
    returns : (N, P) float64, P = C(D + degree, degree), column 0 all ones
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("polynomial_features: one column per monomial")
    ### END SOLUTION


# %% nbgrader={"grade": false, "grade_id": "one_hot", "locked": false, "schema_version": 3, "solution": true}
def one_hot(labels, categories=None):
    """One column per category, 1.0 where the label equals it.

    Without `categories` they are the sorted distinct labels (np.unique).
    Given categories are kept in their order, and one that no label takes
    gives a column of zeros. Every label is one of the categories.

    Shapes
    ------
    labels : (N,)
    categories : (K,) ndarray or None
    returns : (onehot (N, K) float64, each row one 1.0; categories (K,))
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("one_hot: compare each label with each category")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_polynomial_one_hot", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("polynomial_features", polynomial_features)
check("one_hot", one_hot)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the shapes: two features to degree 3 give $\binom{5}{3} = 10$ columns,
# and three distinct labels give three one-hot columns.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_features", "locked": true, "schema_version": 3, "solution": false}
print(polynomial_features(np.array([[2.0, 3.0]]), 3))  # (1, 10)
onehot_demo, cats_demo = one_hot(np.array([5, 1, 5, 9]))
print(cats_demo)
print(onehot_demo)  # (4, 3)

# %% [markdown]
# ## 7 · Wine: why scale at all?
#
# scikit-learn's wine data: 178 wines from three cultivars, 13 chemical
# measurements each. Their scales differ wildly: `proline` runs into the
# thousands, `hue` stays near 1. A nearest-centroid classifier assigns a wine to
# the class whose training mean is closest in Euclidean distance, so on raw data
# the distance is almost all proline. Hold out 25 % with your split, standardize
# with the training statistics only, and compare. Target: standardized test
# accuracy $\ge 0.93$, at least $0.10$ above raw.

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train", "locked": true, "schema_version": 3, "solution": false}
from dataclasses import dataclass

from sklearn.datasets import load_wine


@dataclass(frozen=True)
class Config:
    test_size: float = 0.25  # share of samples held out
    seed: int = 0  # seed of the split's permutation


def nearest_centroid(X_train, y_train, X_test):
    """Label of the closest class mean, by Euclidean distance."""
    classes = np.unique(y_train)
    centroids = np.stack([X_train[y_train == c].mean(axis=0) for c in classes])
    d2 = ((X_test[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)  # (N, K)
    return classes[d2.argmin(axis=1)]


cfg = Config()
wine = load_wine()
X, y = wine.data, wine.target  # (178, 13), (178,)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, cfg.test_size, rng=np.random.default_rng(cfg.seed)
)
Z_train, mu, sigma = standardize(X_train)
Z_test, _, _ = standardize(X_test, mu, sigma)  # the training statistics
M_train, lo, hi = min_max_scale(X_train)
M_test, _, _ = min_max_scale(X_test, data_min=lo, data_max=hi)

acc_raw = np.mean(nearest_centroid(X_train, y_train, X_test) == y_test)
acc_std = np.mean(nearest_centroid(Z_train, y_train, Z_test) == y_test)
acc_minmax = np.mean(nearest_centroid(M_train, y_train, M_test) == y_test)
print(f"train {len(y_train)} | test {len(y_test)}")
print(f"test accuracy raw {acc_raw:.3f} | min-max {acc_minmax:.3f}")
print(f"test accuracy standardized {acc_std:.3f} (target ≥ 0.93, ≥ raw + 0.10)")
headline = {
    "test_acc_standardized": float(acc_std),
    "test_acc_raw": float(acc_raw),
    "test_acc_minmax": float(acc_minmax),
}

# %% [markdown]
# Two features of the training set, before and after standardization, drawn on
# axes of equal scale as the distance sees them. Raw, the classes separate only
# along proline; standardized, the color intensity axis counts as much.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_scales", "locked": true, "schema_version": 3, "solution": false}
import matplotlib.pyplot as plt

j = wine.feature_names.index("proline")
k = wine.feature_names.index("color_intensity")
fig, axes = plt.subplots(1, 2, figsize=(9, 4))
for ax, data, title in [(axes[0], X_train, "raw"), (axes[1], Z_train, "standardized")]:
    for c in range(3):
        pts = data[y_train == c]
        ax.scatter(pts[:, j], pts[:, k], s=12, label=wine.target_names[c])
    ax.set_aspect("equal", adjustable="datalim")
    ax.set(xlabel="proline", ylabel="color intensity", title=title)
axes[1].legend()
plt.show()

# %% [markdown]
# ## Summary
#
# - Standardization $z = (x - \mu)/\sigma$ (population $\sigma$, ddof 0) and
#   min-max scaling put features on one scale; a constant column is divided by 1.
# - Every statistic is computed on the training set and reused on the test set:
#   the scalers return theirs and take them back.
# - Imputation fills each column from its observed values (`nanmean`,
#   `nanmedian`, the mode); a column with nothing observed is an error.
# - Tukey's fences $Q_1 - 1.5\,\mathrm{IQR}$ and $Q_3 + 1.5\,\mathrm{IQR}$ flag
#   outliers robustly.
# - One permutation, cut at $\lceil t N \rceil$, gives a reproducible split;
#   stratifying keeps the class shares.
# - Polynomial features let linear models fit curves; one-hot codes let them use
#   categories.
#
# **Exercises.** (1) Repeat the comparison with seeds 0 to 9: which scaling wins
# more often, min-max or standardization, and why does one extreme value matter
# more to min-max? (2) Count `iqr_outliers(X_train)` per feature:
# which features have the most, and what would clipping them to the fences do
# to the accuracy? (3) Repeat the split with seeds 0 to 9, with and without
# `stratify=True`: how much does the raw accuracy vary?
