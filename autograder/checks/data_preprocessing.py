"""Checks of lesson 01, data preprocessing.

Constant columns hold an integer, so their mean and std are exact and every
route to a zero std finds exactly zero. Split sizes avoid products such as
0.1 · 30 whose rounding would make ceil ambiguous.
"""

import math

import numpy as np

from autograder.checks import Check, Mistake
from solutions import data_preprocessing as _ref

# --- inputs -------------------------------------------------------------------


def _features(rng, n=12, d=3):
    """Columns on very different scales and offsets."""
    scale = np.array([1.0, 50.0, 0.02, 3.0, 7.0])[:d]
    shift = np.array([0.0, 200.0, -1.0, 5.0, -3.0])[:d]
    return rng.normal(size=(n, d)) * scale + shift


def _with_constant(rng):
    X = _features(rng, n=8, d=3)
    X[:, 1] = 4.0  # a constant column: std 0, max = min
    return {"X": X}


def _train_and_new(rng):
    return {"X_train": _features(rng, n=15), "X": _features(rng, n=6) * 1.5}


def _with_nan(rng, n=10, d=3, share=0.3):
    X = np.round(_features(rng, n, d), 2)
    X[rng.random(size=(n, d)) < share] = np.nan
    X[0] = X[1]  # row 1 repeats row 0 ...
    X[1, 0] = np.nan  # ... but for a hole
    X[2:4, :] = np.where(np.isnan(X[2:4, :]), 1.0, X[2:4, :])  # each column observed
    return {"X": X}


def _repeats(rng):
    """Small integers with repeats; column 1 ties 5 (seen first) with 3."""
    X = np.array(
        [
            [1.0, 5.0, 2.0],
            [np.nan, 3.0, 2.0],
            [1.0, np.nan, np.nan],
            [4.0, 3.0, 7.0],
            [4.0, 5.0, 7.0],
            [1.0, 9.0, 2.0],
            [np.nan, np.nan, 0.0],
        ]
    )
    return {"X": X}


def _medians(rng):
    """Column 0: 5 observed values (odd), column 1: 4 (even), column 2: 1."""
    X = np.full((6, 3), np.nan)
    X[:5, 0] = rng.permutation([3.0, -1.0, 8.0, 2.0, 10.0])
    X[[0, 2, 3, 5], 1] = [4.0, 1.0, 9.0, 2.0]
    X[4, 2] = 6.5
    return {"X": X}


def _outliers(rng):
    """N = 10, quartiles interpolated; some values lie between the fences of the
    linear method and those of other percentile methods (hinges, midpoint)."""
    X = np.column_stack(
        [
            [1.2, 3.1, 2.7, 4.35, 2.2, 9.0, 2.9, 3.0, -3.0, 2.5],
            [113.5, 95.0, 102.0, 98.0, 150.0, 101.0, 97.0, 99.0, 104.0, 80.0],
            [0.5, 0.4, 0.45, 0.58, 0.48, 0.41, 0.43, 0.5, 0.47, 0.9],
        ]
    )
    return {"X": X[rng.permutation(10)]}


def _on_fence(rng):
    """Quartiles 1 and 3 (IQR 2, fences −2 and 6): the ends on, or just past."""
    X = np.column_stack(
        [[-2.0, 1.0, 2.0, 3.0, 6.0], [-2.5, 1.0, 2.0, 3.0, 6.5]]
    )  # (5, 2)
    return {"X": X[rng.permutation(5)]}


def _split(rng, n=10, d=2, classes=3):
    """Column 0 of X numbers the samples, so rows can be traced."""
    X = np.column_stack([np.arange(n, dtype=np.float64), rng.normal(size=(n, d - 1))])
    return {"X": X, "y": rng.integers(0, classes, size=n), "seed": 7}


def _imbalanced(rng, counts=(12, 5, 3)):
    y = rng.permutation(np.repeat(np.arange(len(counts)), counts))
    n = len(y)
    X = np.column_stack([np.arange(n, dtype=np.float64), rng.normal(size=n)])
    return {"X": X, "y": y, "seed": 0}


def _judge_stratified(test_size):
    """A judge of a stratified split: rows traced through column 0 of X."""

    def judge(got, expected, inputs):
        X, y = inputs["X"], inputs["y"]
        X_train, X_test, y_train, y_test = got
        n_test = math.ceil(test_size * len(y))
        ids = np.concatenate([X_train[:, 0], X_test[:, 0]])
        if sorted(ids.tolist()) != list(range(len(y))):
            return "train and test rows are not the samples of X, each exactly once"
        train_ids, test_ids = X_train[:, 0].astype(int), X_test[:, 0].astype(int)
        if not (
            np.array_equal(X_train, X[train_ids])
            and np.array_equal(X_test, X[test_ids])
        ):
            return "returned rows differ from the rows of X"
        if not (
            np.array_equal(y_train, y[train_ids])
            and np.array_equal(y_test, y[test_ids])
        ):
            return "y_train and y_test do not follow the rows of X_train and X_test"
        if len(test_ids) != n_test:
            return (
                f"the test set has {len(test_ids)} samples; expected"
                f" ceil(test_size · N) = {n_test}"
            )
        for c in np.unique(y):
            want = test_size * np.sum(y == c)
            have = int(np.sum(y_test == c))
            if abs(have - want) > 1:
                return (
                    f"class {c} has {have} samples in the test set; expected floor"
                    f" or ceil of test_size · N_c = {want:g}"
                )
        return None

    return judge


def _labels(rng):
    """Every one of 3, 5, 7, 12 appears, in no particular order."""
    return {"labels": rng.permutation(np.r_[[12, 3, 7, 5], rng.choice([3, 12], 5)])}


# --- mutants ------------------------------------------------------------------


def _standardize__ddof1(X, mean=None, std=None):
    mean = X.mean(axis=0) if mean is None else mean
    std = X.std(axis=0, ddof=1) if std is None else std
    std = np.where(std == 0, 1.0, std)
    return (X - mean) / std, mean, std


def _standardize__zero_division(X, mean=None, std=None):
    mean = X.mean(axis=0) if mean is None else mean
    std = X.std(axis=0) if std is None else std
    with np.errstate(all="ignore"):
        return (X - mean) / std, mean, std


def _standardize__std_kept_zero(X, mean=None, std=None):
    mean = X.mean(axis=0) if mean is None else mean
    std = X.std(axis=0) if std is None else std
    return (X - mean) / np.where(std == 0, 1.0, std), mean, std


def _standardize__refit(X, mean=None, std=None):
    mean, std = X.mean(axis=0), X.std(axis=0)
    std = np.where(std == 0, 1.0, std)
    return (X - mean) / std, mean, std


def _standardize__global(X, mean=None, std=None):
    mean = X.mean() if mean is None else mean
    std = X.std() if std is None else std
    return (X - mean) / std, np.full(X.shape[1], mean), np.full(X.shape[1], std)


def _min_max(X, feature_range=(0.0, 1.0), data_min=None, data_max=None):
    lo = X.min(axis=0) if data_min is None else data_min
    hi = X.max(axis=0) if data_max is None else data_max
    return lo, hi, feature_range


def _min_max__zero_division(X, feature_range=(0.0, 1.0), data_min=None, data_max=None):
    lo, hi, (a, b) = _min_max(X, feature_range, data_min, data_max)
    with np.errstate(all="ignore"):
        return a + (X - lo) / (hi - lo) * (b - a), lo, hi


def _min_max__range_ignored(X, feature_range=(0.0, 1.0), data_min=None, data_max=None):
    lo, hi, _ = _min_max(X, feature_range, data_min, data_max)
    span = np.where(hi == lo, 1.0, hi - lo)
    return (X - lo) / span, lo, hi


def _min_max__refit(X, feature_range=(0.0, 1.0), data_min=None, data_max=None):
    return _min_max_ref(X, feature_range)


def _min_max_ref(X, feature_range=(0.0, 1.0)):
    lo, hi, (a, b) = _min_max(X, feature_range)
    span = np.where(hi == lo, 1.0, hi - lo)
    return a + (X - lo) / span * (b - a), lo, hi


def _min_max__constant_half(X, feature_range=(0.0, 1.0), data_min=None, data_max=None):
    lo, hi, (a, b) = _min_max(X, feature_range, data_min, data_max)
    span = np.where(hi == lo, 1.0, hi - lo)
    Xs = a + (X - lo) / span * (b - a)
    return np.where(hi == lo, (a + b) / 2, Xs), lo, hi


def _impute_with(X, stat):
    X = X.copy()
    fill = stat(X)
    rows, cols = np.nonzero(np.isnan(X))
    X[rows, cols] = fill[cols]
    return X, fill


def _impute__plain_mean(X, strategy="mean"):
    return _impute_with(X, lambda X: X.mean(axis=0))


def _impute__zeros_counted(X, strategy="mean"):
    return _impute_with(X, lambda X: np.nan_to_num(X).mean(axis=0))


def _impute__zero(X, strategy="mean"):
    return _impute_with(X, lambda X: np.zeros(X.shape[1]))


def _impute__always_mean(X, strategy="mean"):
    if np.isnan(X).all(axis=0).any():
        raise ValueError("a column has no observed value")
    return _impute_with(X, lambda X: np.nanmean(X, axis=0))


def _impute__largest_mode(X, strategy="mean"):
    if strategy != "most_frequent":
        return _ref.impute(X, strategy)

    def mode(X):
        fill = []
        for col in X.T:
            values, counts = np.unique(col[~np.isnan(col)], return_counts=True)
            fill.append(values[len(counts) - 1 - np.argmax(counts[::-1])])
        return np.array(fill)

    return _impute_with(X, mode)


def _impute__upper_median(X, strategy="mean"):
    if strategy != "median":
        return _ref.impute(X, strategy)

    def upper(X):
        return np.array(
            [np.sort(c[~np.isnan(c)])[(~np.isnan(c)).sum() // 2] for c in X.T]
        )

    return _impute_with(X, upper)


def _impute__no_error(X, strategy="mean"):
    with np.errstate(all="ignore"):
        stat = {"mean": np.nanmean, "median": np.nanmedian}.get(strategy)
        if stat is None:
            return _ref.impute(X, strategy)
        return _impute_with(X, lambda X: stat(X, axis=0))


def _iqr__hinges(X, k=1.5):
    S = np.sort(X, axis=0)
    half = (len(S) + 1) // 2
    q1, q3 = np.median(S[:half], axis=0), np.median(S[len(S) - half :], axis=0)
    return (X < q1 - k * (q3 - q1)) | (X > q3 + k * (q3 - q1))


def _iqr__strict_fences(X, k=1.5):
    q1, q3 = np.percentile(X, [25, 75], axis=0)
    return (X <= q1 - k * (q3 - q1)) | (X >= q3 + k * (q3 - q1))


def _iqr__global(X, k=1.5):
    q1, q3 = np.percentile(X, [25, 75])
    return (X < q1 - k * (q3 - q1)) | (X > q3 + k * (q3 - q1))


def _iqr__upper_only(X, k=1.5):
    q1, q3 = np.percentile(X, [25, 75], axis=0)
    return X > q3 + k * (q3 - q1)


def _iqr__inverted(X, k=1.5):
    q1, q3 = np.percentile(X, [25, 75], axis=0)
    return (X >= q1 - k * (q3 - q1)) & (X <= q3 + k * (q3 - q1))


def _iqr__k_ignored(X, k=1.5):
    q1, q3 = np.percentile(X, [25, 75], axis=0)
    return (X < q1 - 1.5 * (q3 - q1)) | (X > q3 + 1.5 * (q3 - q1))


def _split_with(X, y, test_size, rng, n_test_of, test_first=True, sort=False):
    N = len(y)
    perm = rng.permutation(N)
    n_test = n_test_of(test_size * N)
    test, train = (
        (perm[:n_test], perm[n_test:])
        if test_first
        else (
            perm[N - n_test :],
            perm[: N - n_test],
        )
    )
    if sort:
        test, train = np.sort(test), np.sort(train)
    return X[train], X[test], y[train], y[test]


def _split__floor(X, y, test_size=0.25, *, rng, stratify=False):
    return _split_with(X, y, test_size, rng, int)


def _split__round(X, y, test_size=0.25, *, rng, stratify=False):
    return _split_with(X, y, test_size, rng, round)


def _split__test_last(X, y, test_size=0.25, *, rng, stratify=False):
    return _split_with(X, y, test_size, rng, math.ceil, test_first=False)


def _split__sorted(X, y, test_size=0.25, *, rng, stratify=False):
    return _split_with(X, y, test_size, rng, math.ceil, sort=True)


def _split__two_permutations(X, y, test_size=0.25, *, rng, stratify=False):
    n_test = math.ceil(test_size * len(y))
    Xp, yp = rng.permutation(X), rng.permutation(y)
    return Xp[n_test:], Xp[:n_test], yp[n_test:], yp[:n_test]


def _poly_terms(X, terms):
    return np.stack([np.prod(X[:, list(t)], axis=1) for t in terms], axis=1)


def _poly__no_bias(X, degree):
    from itertools import combinations_with_replacement as cwr

    D = X.shape[1]
    return _poly_terms(X, [t for d in range(1, degree + 1) for t in cwr(range(D), d)])


def _poly__powers_only(X, degree):
    return np.column_stack([np.ones(len(X))] + [X**p for p in range(1, degree + 1)])


def _poly__product(X, degree):
    from itertools import product

    D = X.shape[1]
    return _poly_terms(
        X, [t for d in range(degree + 1) for t in product(range(D), repeat=d)]
    )


def _poly__feature_major(X, degree):
    from itertools import combinations_with_replacement as cwr

    D = X.shape[1]
    terms = [t for d in range(degree + 1) for t in cwr(range(D), d)]
    powers = sorted((t for t in terms if len(set(t)) == 1), key=lambda t: t[0])
    cross = [t for t in terms if len(set(t)) > 1]
    return _poly_terms(X, [(), *powers, *cross])


def _one_hot__first_seen(labels, categories=None):
    if categories is None:
        _, first = np.unique(labels, return_index=True)
        categories = labels[np.sort(first)]
    return (labels[:, None] == categories).astype(np.float64), categories


def _one_hot__eye(labels, categories=None):
    K = int(labels.max()) + 1 if categories is None else len(categories)
    eye = (
        np.eye(K)[labels]
        if categories is None
        else np.eye(K)[np.searchsorted(categories, labels)]
    )
    cats = np.arange(K) if categories is None else categories
    return eye, cats


def _one_hot__int(labels, categories=None):
    categories = np.unique(labels) if categories is None else categories
    return (labels[:, None] == categories).astype(int), categories


# --- checks -------------------------------------------------------------------

_STANDARDIZE = ("Z", "mean", "std")
_MIN_MAX = ("Xs", "data_min", "data_max")
_IMPUTE = ("X_filled", "fill")
_SPLIT = ("X_train", "X_test", "y_train", "y_test")
_ONE_HOT = ("onehot", "categories")


def _split_code(test_size, stratify=False):
    extra = ", stratify=True" if stratify else ""
    return (
        "rng = np.random.default_rng(seed)\n"
        f"result = train_test_split(X, y, {test_size}, rng=rng{extra})"
    )


CHECKS = [
    Check(
        "standardize.values",
        "standardize(X), X of shape (12, 3), columns on scales 0.02 to 50",
        inputs=lambda rng, ref: {"X": _features(rng)},
        code="result = standardize(X)",
        names=_STANDARDIZE,
        weight=2,
    ),
    Check(
        "standardize.constant_column",
        "standardize(X), X of shape (8, 3) whose column 1 is constant"
        " (÷ 1 there; the returned std holds 1)",
        inputs=lambda rng, ref: _with_constant(rng),
        code="result = standardize(X)",
        names=_STANDARDIZE,
    ),
    Check(
        "standardize.given_stats",
        "standardize(X, mean, std) with the mean and std of another set X_train",
        inputs=lambda rng, ref: _train_and_new(rng),
        code="result = standardize(X, X_train.mean(axis=0), X_train.std(axis=0))",
        names=_STANDARDIZE,
        hidden=True,
    ),
    Check(
        "standardize.one_feature",
        "standardize(X), X of shape (9, 1)",
        inputs=lambda rng, ref: {"X": rng.normal(3.0, 2.0, size=(9, 1))},
        code="result = standardize(X)",
        names=_STANDARDIZE,
        hidden=True,
    ),
    Check(
        "standardize.one_sample",
        "standardize(X), X of shape (1, 3) (every column constant)",
        inputs=lambda rng, ref: {"X": np.array([[2.0, -1.0, 5.0]])},
        code="result = standardize(X)",
        names=_STANDARDIZE,
        hidden=True,
    ),
    Check(
        "min_max_scale.values",
        "min_max_scale(X), X of shape (12, 3)",
        inputs=lambda rng, ref: {"X": _features(rng)},
        code="result = min_max_scale(X)",
        names=_MIN_MAX,
        weight=2,
    ),
    Check(
        "min_max_scale.constant_column",
        "min_max_scale(X), X of shape (8, 3) whose column 1 is constant (→ a)",
        inputs=lambda rng, ref: _with_constant(rng),
        code="result = min_max_scale(X)",
        names=_MIN_MAX,
    ),
    Check(
        "min_max_scale.feature_range",
        "min_max_scale(X, feature_range=(-1.0, 1.0)), X of shape (12, 3)",
        inputs=lambda rng, ref: {"X": _features(rng)},
        code="result = min_max_scale(X, feature_range=(-1.0, 1.0))",
        names=_MIN_MAX,
        hidden=True,
    ),
    Check(
        "min_max_scale.given_range",
        "min_max_scale(X, (0.0, 1.0), data_min, data_max) with the min and max of"
        " another set X_train (values may fall outside [0, 1])",
        inputs=lambda rng, ref: _train_and_new(rng),
        code="result = min_max_scale(X, (0.0, 1.0), X_train.min(axis=0),"
        " X_train.max(axis=0))",
        names=_MIN_MAX,
        hidden=True,
    ),
    Check(
        "min_max_scale.given_range_and_feature_range",
        "min_max_scale(X, (2.0, 5.0), data_min, data_max) with the min and max of"
        " another set X_train",
        inputs=lambda rng, ref: _train_and_new(rng),
        code="result = min_max_scale(X, (2.0, 5.0), X_train.min(axis=0),"
        " X_train.max(axis=0))",
        names=_MIN_MAX,
        hidden=True,
    ),
    Check(
        "impute.mean",
        "impute(X), X of shape (10, 3) with NaN holes",
        inputs=lambda rng, ref: _with_nan(rng),
        code="result = impute(X)",
        names=_IMPUTE,
        weight=2,
    ),
    Check(
        "impute.most_frequent",
        'impute(X, "most_frequent"), X of shape (7, 3); column 1 has a tie'
        " (3.0 and 5.0 twice each: the smallest wins)",
        inputs=lambda rng, ref: _repeats(rng),
        code='result = impute(X, "most_frequent")',
        names=_IMPUTE,
    ),
    Check(
        "impute.median",
        'impute(X, "median"), X of shape (6, 3); columns with 5, 4 and 1 observed'
        " values",
        inputs=lambda rng, ref: _medians(rng),
        code='result = impute(X, "median")',
        names=_IMPUTE,
        hidden=True,
    ),
    Check(
        "impute.median_many",
        'impute(X, "median"), X of shape (10, 3) with NaN holes',
        inputs=lambda rng, ref: _with_nan(rng),
        code='result = impute(X, "median")',
        names=_IMPUTE,
        hidden=True,
    ),
    Check(
        "impute.nothing_missing",
        "impute(X), X of shape (5, 2) without NaN",
        inputs=lambda rng, ref: {"X": rng.normal(size=(5, 2))},
        code="result = impute(X)",
        names=_IMPUTE,
        hidden=True,
    ),
    Check(
        "impute.all_nan_column",
        "impute(X), X of shape (4, 3) whose column 2 is all NaN (ValueError)",
        inputs=lambda rng, ref: {
            "X": np.column_stack([rng.normal(size=(4, 2)), np.full(4, np.nan)])
        },
        code=(
            "try:\n"
            "    impute(X)\n"
            '    result = "no error"\n'
            "except ValueError:\n"
            '    result = "ValueError"'
        ),
        hidden=True,
    ),
    Check(
        "iqr_outliers.values",
        "iqr_outliers(X), X of shape (10, 3)",
        inputs=lambda rng, ref: _outliers(rng),
        code="result = iqr_outliers(X)",
        weight=2,
    ),
    Check(
        "iqr_outliers.on_fence",
        "iqr_outliers(X), X of shape (5, 2): column 0 has values exactly on the"
        " fences −2 and 6 (not outliers), column 1 just past them",
        inputs=lambda rng, ref: _on_fence(rng),
        code="result = iqr_outliers(X)",
        hidden=True,
    ),
    Check(
        "iqr_outliers.k",
        "iqr_outliers(X, k=0.5), X of shape (10, 3)",
        inputs=lambda rng, ref: _outliers(rng),
        code="result = iqr_outliers(X, k=0.5)",
        hidden=True,
    ),
    Check(
        "iqr_outliers.many",
        "iqr_outliers(X), X of shape (50, 4), heavy-tailed",
        inputs=lambda rng, ref: {
            "X": rng.standard_t(2, size=(50, 4)) * [1, 10, 0.1, 3]
        },
        code="result = iqr_outliers(X)",
        hidden=True,
    ),
    Check(
        "train_test_split.values",
        "train_test_split(X, y, 0.25, rng=np.random.default_rng(7)), N = 10"
        " (n_test = ceil(2.5) = 3)",
        inputs=lambda rng, ref: _split(rng),
        code=_split_code(0.25),
        names=_SPLIT,
        weight=2,
    ),
    Check(
        "train_test_split.exact_share",
        "train_test_split(X, y, 0.5, rng=np.random.default_rng(7)), N = 8 (n_test = 4)",
        inputs=lambda rng, ref: _split(rng, n=8),
        code=_split_code(0.5),
        names=_SPLIT,
        hidden=True,
    ),
    Check(
        "train_test_split.small_share",
        "train_test_split(X, y, 0.2, rng=np.random.default_rng(7)), N = 7"
        " (n_test = ceil(1.4) = 2)",
        inputs=lambda rng, ref: _split(rng, n=7, d=3),
        code=_split_code(0.2),
        names=_SPLIT,
        hidden=True,
    ),
    Check(
        "train_test_split.stratify",
        "train_test_split(X, y, 0.25, rng=..., stratify=True), N = 20, classes"
        " of 12, 5 and 3 samples",
        inputs=lambda rng, ref: _imbalanced(rng),
        code=_split_code(0.25, stratify=True),
        names=_SPLIT,
        judge=_judge_stratified(0.25),
        hidden=True,
    ),
    Check(
        "train_test_split.stratify_rare_class",
        "train_test_split(X, y, 0.3, rng=..., stratify=True), N = 37, classes"
        " of 30, 5 and 2 samples",
        inputs=lambda rng, ref: _imbalanced(rng, counts=(30, 5, 2)),
        code=_split_code(0.3, stratify=True),
        names=_SPLIT,
        judge=_judge_stratified(0.3),
        hidden=True,
    ),
    Check(
        "polynomial_features.degree_2",
        "polynomial_features(X, 2), X of shape (5, 2)",
        inputs=lambda rng, ref: {"X": rng.normal(size=(5, 2))},
        code="result = polynomial_features(X, 2)",
        weight=2,
    ),
    Check(
        "polynomial_features.degree_3",
        "polynomial_features(X, 3), X of shape (4, 3)",
        inputs=lambda rng, ref: {"X": rng.normal(size=(4, 3))},
        code="result = polynomial_features(X, 3)",
        hidden=True,
    ),
    Check(
        "polynomial_features.degree_1",
        "polynomial_features(X, 1), X of shape (4, 3)",
        inputs=lambda rng, ref: {"X": rng.normal(size=(4, 3))},
        code="result = polynomial_features(X, 1)",
        hidden=True,
    ),
    Check(
        "polynomial_features.one_feature",
        "polynomial_features(X, 4), X of shape (6, 1)",
        inputs=lambda rng, ref: {"X": rng.normal(size=(6, 1))},
        code="result = polynomial_features(X, 4)",
        hidden=True,
    ),
    Check(
        "one_hot.values",
        "one_hot(labels), 9 labels from {3, 5, 7, 12}",
        inputs=lambda rng, ref: _labels(rng),
        code="result = one_hot(labels)",
        names=_ONE_HOT,
        weight=2,
    ),
    Check(
        "one_hot.given_categories",
        "one_hot(labels, categories), labels from {1, 3}, categories"
        " [0, 1, 2, 3, 4] (unused ones give zero columns)",
        inputs=lambda rng, ref: {
            "labels": rng.choice([1, 3], size=6),
            "categories": np.arange(5),
        },
        code="result = one_hot(labels, categories)",
        names=_ONE_HOT,
        hidden=True,
    ),
    Check(
        "one_hot.one_class",
        "one_hot(labels), 4 labels all equal to 2",
        inputs=lambda rng, ref: {"labels": np.full(4, 2)},
        code="result = one_hot(labels)",
        names=_ONE_HOT,
        hidden=True,
    ),
]

MISTAKES = [
    Mistake(
        "standardize",
        "divided by the sample std (ddof=1): use the population std, X.std(axis=0)"
        " (ddof=0)",
        _standardize__ddof1,
    ),
    Mistake(
        "standardize",
        "divided by a zero std on a constant column: replace a zero std by 1",
        _standardize__zero_division,
    ),
    Mistake(
        "standardize",
        "returned the zero std of a constant column: return the std you divided"
        " by (1 there), so that passing it back repeats the transform",
        _standardize__std_kept_zero,
    ),
    Mistake(
        "standardize",
        "ignored the given mean and std: use them when they are not None, and"
        " compute from X only when they are",
        _standardize__refit,
    ),
    Mistake(
        "standardize",
        "one mean and std over the whole array: take them per column (axis=0)",
        _standardize__global,
    ),
    Mistake(
        "min_max_scale",
        "divided by max − min = 0 on a constant column: divide by 1 there, so the"
        " column maps to a",
        _min_max__zero_division,
    ),
    Mistake(
        "min_max_scale",
        "ignored feature_range: Xs = a + (X − min)(b − a)/(max − min)",
        _min_max__range_ignored,
    ),
    Mistake(
        "min_max_scale",
        "ignored the given data_min and data_max: use them when they are not None",
        _min_max__refit,
    ),
    Mistake(
        "min_max_scale",
        "mapped a constant column to the middle of the range: it maps to a",
        _min_max__constant_half,
    ),
    Mistake(
        "impute",
        "returned NaN for a column with no observed value: raise ValueError there",
        _impute__no_error,
    ),
    Mistake(
        "impute",
        "used np.mean (or np.median), which is NaN as soon as one value is"
        " missing: use np.nanmean, np.nanmedian, or the observed values only",
        _impute__plain_mean,
    ),
    Mistake(
        "impute",
        "counted the missing values as zeros in the mean: average the observed"
        " values only (np.nanmean)",
        _impute__zeros_counted,
    ),
    Mistake(
        "impute",
        "filled with 0: fill with the column's statistic of its observed values",
        _impute__zero,
    ),
    Mistake(
        "impute",
        "used the mean for every strategy: honour strategy ('median', 'most_frequent')",
        _impute__always_mean,
    ),
    Mistake(
        "impute",
        "broke the tie towards the largest value: on a tie the smallest of the most"
        " frequent values wins (np.unique sorts, np.argmax takes the first)",
        _impute__largest_mode,
    ),
    Mistake(
        "impute",
        "took the upper middle value: with an even count the median is the mean"
        " of the two middle values (np.median)",
        _impute__upper_median,
    ),
    Mistake(
        "iqr_outliers",
        "a value exactly on a fence counted as an outlier: only values strictly"
        " outside [Q1 − k·IQR, Q3 + k·IQR] are",
        _iqr__strict_fences,
    ),
    Mistake(
        "iqr_outliers",
        "quartiles of the whole array: take them per column (axis=0)",
        _iqr__global,
    ),
    Mistake(
        "iqr_outliers",
        "flagged only the values above Q3 + k·IQR: values below Q1 − k·IQR are"
        " outliers too",
        _iqr__upper_only,
    ),
    Mistake(
        "iqr_outliers",
        "returned the inliers: True marks a value outside the fences",
        _iqr__inverted,
    ),
    Mistake(
        "iqr_outliers",
        "quartiles as medians of the lower and upper halves (Tukey's hinges): use"
        " np.percentile's linear interpolation, np.percentile(X, [25, 75], axis=0)",
        _iqr__hinges,
    ),
    Mistake("iqr_outliers", "ignored k: the fences are k·IQR away", _iqr__k_ignored),
    Mistake(
        "train_test_split",
        "rounded the test size down: n_test = ceil(test_size · N) (math.ceil)",
        _split__floor,
    ),
    Mistake(
        "train_test_split",
        "rounded the test size to the nearest: n_test = ceil(test_size · N)"
        " (math.ceil)",
        _split__round,
    ),
    Mistake(
        "train_test_split",
        "took the test set from the end of the permutation: it is perm[:n_test]",
        _split__test_last,
    ),
    Mistake(
        "train_test_split",
        "sorted the indices: keep both sets in permutation order",
        _split__sorted,
    ),
    Mistake(
        "train_test_split",
        "permuted X and y with separate draws, so rows and labels no longer match:"
        " draw one permutation of the indices and index both with it",
        _split__two_permutations,
    ),
    Mistake(
        "polynomial_features",
        "no bias column: column 0 is the degree-0 term, all ones (include_bias=True)",
        _poly__no_bias,
    ),
    Mistake(
        "polynomial_features",
        "only powers of single features: products of different features (x0·x1)"
        " are terms too (itertools.combinations_with_replacement)",
        _poly__powers_only,
    ),
    Mistake(
        "polynomial_features",
        "itertools.product repeats x0·x1 as x1·x0: use"
        " itertools.combinations_with_replacement",
        _poly__product,
    ),
    Mistake(
        "polynomial_features",
        "terms out of order: by degree, and within a degree in the order of"
        " itertools.combinations_with_replacement",
        _poly__feature_major,
    ),
    Mistake(
        "one_hot",
        "categories in order of first appearance: sort them (np.unique)",
        _one_hot__first_seen,
    ),
    Mistake(
        "one_hot",
        "one column per integer 0..max(labels): one column per distinct label"
        " (np.unique)",
        _one_hot__eye,
    ),
    Mistake(
        "one_hot",
        "integer one-hot codes: return float64 (astype(np.float64))",
        _one_hot__int,
    ),
]
