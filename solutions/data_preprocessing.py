"""Reference implementation of lesson 01, data preprocessing.

Goal: the transforms that come before any model. Put features on one scale
(standardize, min-max), fill missing values, flag outliers, hold out a test set
(plain or stratified), and build new features (polynomial terms, one-hot codes).

Legend: N samples, D features, K categories, P polynomial terms.

Reference: scikit-learn's StandardScaler, MinMaxScaler, SimpleImputer,
train_test_split, PolynomialFeatures, OneHotEncoder and scipy.stats.iqr.
Simplified: numpy arrays only, no fit/transform objects (the statistics are
returned and passed back in), NaN is the only missing marker, numeric labels.
"""

import numpy as np


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
    X = np.asarray(X, dtype=np.float64)
    if mean is None:
        mean = X.mean(axis=0)  # (D,)
    if std is None:
        std = X.std(axis=0)  # (D,) ddof=0
    mean = np.asarray(mean, dtype=np.float64)
    std = np.where(np.asarray(std, dtype=np.float64) == 0.0, 1.0, std)  # (D,)
    return (X - mean) / std, mean, std


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
    X = np.asarray(X, dtype=np.float64)
    a, b = feature_range
    if data_min is None:
        data_min = X.min(axis=0)  # (D,)
    if data_max is None:
        data_max = X.max(axis=0)  # (D,)
    data_min = np.asarray(data_min, dtype=np.float64)
    data_max = np.asarray(data_max, dtype=np.float64)
    span = data_max - data_min  # (D,)
    span = np.where(span == 0.0, 1.0, span)
    Xs = a + (X - data_min) * ((b - a) / span)  # (N, D)
    return Xs, data_min, data_max


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
    X = np.array(X, dtype=np.float64)  # a copy
    missing = np.isnan(X)  # (N, D)
    if missing.all(axis=0).any():
        empty = np.flatnonzero(missing.all(axis=0)).tolist()
        raise ValueError(f"columns {empty} have no observed value to impute from")
    fill = np.empty(X.shape[1])  # (D,)
    for j in range(X.shape[1]):
        observed = X[~missing[:, j], j]
        if strategy == "mean":
            fill[j] = observed.mean()
        elif strategy == "median":
            fill[j] = np.median(observed)
        elif strategy == "most_frequent":
            values, counts = np.unique(observed, return_counts=True)  # sorted
            fill[j] = values[np.argmax(counts)]  # first maximum: the smallest
        else:
            raise ValueError(
                "strategy must be 'mean', 'median' or 'most_frequent';"
                f" got {strategy!r}"
            )
    X[missing] = np.broadcast_to(fill, X.shape)[missing]
    return X, fill


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
    X = np.asarray(X, dtype=np.float64)
    q1, q3 = np.percentile(X, [25, 75], axis=0)  # (D,) each
    iqr = q3 - q1
    return (X < q1 - k * iqr) | (X > q3 + k * iqr)  # (N, D)


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
    import math

    X, y = np.asarray(X), np.asarray(y)
    N = len(y)
    perm = rng.permutation(N)  # (N,)
    n_test = math.ceil(test_size * N)
    if not stratify:
        test, train = perm[:n_test], perm[n_test:]
        return X[train], X[test], y[train], y[test]
    # quotas: floor(test_size · N_c) each, the rest to the largest remainders
    classes, counts = np.unique(y, return_counts=True)  # (C,)
    share = test_size * counts
    quota = np.floor(share).astype(int)  # (C,)
    extra = np.argsort(-(share - quota), kind="stable")[: n_test - quota.sum()]
    quota[extra] += 1
    in_test = np.zeros(N, dtype=bool)  # over the positions of perm
    for c, q in zip(classes, quota, strict=True):
        in_test[np.flatnonzero(y[perm] == c)[:q]] = True
    test, train = perm[in_test], perm[~in_test]
    return X[train], X[test], y[train], y[test]


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
    from itertools import combinations_with_replacement

    X = np.asarray(X, dtype=np.float64)
    columns = [
        np.prod(X[:, list(term)], axis=1)  # (N,); the empty term is 1
        for d in range(degree + 1)
        for term in combinations_with_replacement(range(X.shape[1]), d)
    ]
    return np.stack(columns, axis=1)  # (N, P)


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
    labels = np.asarray(labels)
    if categories is None:
        categories = np.unique(labels)  # (K,) sorted
    categories = np.asarray(categories)
    onehot = (labels[:, None] == categories[None, :]).astype(np.float64)  # (N, K)
    return onehot, categories
