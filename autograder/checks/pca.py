"""Checks of lesson 05, principal component analysis.

Data for the fits has well-separated eigenvalues and a random rotation, so no two
entries of a component tie in magnitude and every correct route (eigh, eig, SVD of
the centred data) agrees with the reference far inside the default rtol 1e-7 once
the sign rule is applied. The sign rule is part of the syllabus, so components are
compared as they are, without normalizing.
"""

import numpy as np

from autograder.checks import Check, Mistake

# --- inputs -------------------------------------------------------------------


def _rotation(rng, d):
    """A random orthogonal (D, D) matrix."""
    Q, R = np.linalg.qr(rng.normal(size=(d, d)))
    return Q * np.sign(np.diag(R))  # (D, D)


def _data(rng, n, d):
    """(N, D) samples around an offset mean, with spread 3, 2.4, ... along a
    random rotation: distinct eigenvalues, no |·| ties within a component."""
    scales = np.geomspace(3.0, 0.3, d)  # (D,)
    Z = rng.normal(size=(n, d)) * scales  # (N, D)
    return Z @ _rotation(rng, d).T + rng.uniform(-5.0, 5.0, size=d)  # (N, D)


def _projection(rng, n, d, k):
    """Orthonormal components, a training mean and new samples around another."""
    components = _rotation(rng, d)[:k]  # (k, D)
    mean = rng.uniform(-3.0, 3.0, size=d)  # (D,)
    X = rng.normal(size=(n, d)) * 2.0 + mean + 1.0  # (N, D), mean ≠ `mean`
    return {"X": X, "components": components, "mean": mean}


def _coordinates(rng, n, d, k):
    inputs = _projection(rng, n, d, k)
    Z = rng.normal(size=(n, k)) * np.geomspace(3.0, 1.0, k)  # (N, k)
    return {"Z": Z, "components": inputs["components"], "mean": inputs["mean"]}


def _ratio(rng, d=8):
    """Descending ratios summing to 1, cumulative sums away from 0.9."""
    lam = np.sort(rng.uniform(0.2, 1.0, size=d) ** 3)[::-1]  # (D,)
    return lam / lam.sum()


# --- mutants ------------------------------------------------------------------


def _cov(X, centre=True, ddof=1):
    Xc = X - X.mean(axis=0) if centre else X
    return Xc.T @ Xc / (len(X) - ddof)


def _cov__not_centred(X):
    return _cov(X, centre=False)


def _cov__population(X):
    return _cov(X, ddof=0)


def _cov__samples(X):
    Xc = X - X.mean(axis=0)
    return Xc @ Xc.T / (len(X) - 1)  # (N, N)


def _fit(X, k, centre=True, ddof=1, order="desc", rows=False, sign=True, kept=False):
    C = _cov(X, centre=centre, ddof=ddof)
    lam, V = np.linalg.eigh(C)  # ascending
    idx = np.argsort(lam)[:k] if order == "asc" else np.argsort(lam)[::-1][:k]
    W = V[idx] if rows else V[:, idx].T  # (k, D)
    if sign:
        pivot = W[np.arange(k), np.abs(W).argmax(axis=1)]
        W = W * np.sign(pivot)[:, None]
    var = lam[idx]
    ratio = var / (var.sum() if kept else lam.sum())
    return W, var, ratio, X.mean(axis=0)


def _fit__not_centred(X, n_components):
    return _fit(X, n_components, centre=False)


def _fit__population(X, n_components):
    return _fit(X, n_components, ddof=0)


def _fit__ascending(X, n_components):
    return _fit(X, n_components, order="asc")


def _fit__rows(X, n_components):
    return _fit(X, n_components, rows=True)


def _fit__no_sign(X, n_components):
    return _fit(X, n_components, sign=False)


def _fit__ratio_of_kept(X, n_components):
    return _fit(X, n_components, kept=True)


def _transform__not_centred(X, components, mean):
    return X @ components.T


def _transform__own_mean(X, components, mean):
    return (X - X.mean(axis=0)) @ components.T


def _inverse__no_mean(Z, components, mean):
    return Z @ components


def _inverse__minus_mean(Z, components, mean):
    return Z @ components - mean


def _n_components__at_least(ratio, threshold):
    return int(np.searchsorted(np.cumsum(ratio), threshold, side="left") + 1)


def _n_components__index(ratio, threshold):
    return int(np.searchsorted(np.cumsum(ratio), threshold, side="right"))


def _n_components__no_cumsum(ratio, threshold):
    return int(np.argmax(np.asarray(ratio) > threshold) + 1)


def _reconstruct(X, k):
    Xc = X - X.mean(axis=0)
    lam, V = np.linalg.eigh(_cov(X))
    W = V[:, np.argsort(lam)[::-1][:k]]  # (D, k)
    return Xc - Xc @ W @ W.T  # (N, D) residual


def _error__sum(X, k):
    return float(np.sum(_reconstruct(X, k) ** 2))


def _error__per_sample(X, k):
    return float(np.mean(np.sum(_reconstruct(X, k) ** 2, axis=1)))


def _error__zeros_at_zero(X, k):
    if k == 0:
        return float(np.mean(X**2))
    return float(np.mean(_reconstruct(X, k) ** 2))


def _error__eigenvalues(X, k):
    lam = np.sort(np.linalg.eigvalsh(_cov(X)))[::-1]
    return float(lam[k:].sum() / X.shape[1])


def _error__discarded_sum(X, k):
    lam = np.sort(np.linalg.eigvalsh(_cov(X)))[::-1]
    return float(lam[k:].sum())


# --- checks -------------------------------------------------------------------

_FIT_NAMES = ("components", "variance", "ratio", "mean")
_FIT = "result = pca_fit(X, n_components)"
_TRANSFORM = "result = pca_transform(X, components, mean)"
_INVERSE = "result = pca_inverse_transform(Z, components, mean)"
_N_COMP = "result = n_components_for_variance(ratio, threshold)"
_ERROR = "result = reconstruction_error(X, k)"

CHECKS = [
    Check(
        "covariance_matrix.values",
        "covariance_matrix(X), X of shape (20, 4), column means far from 0",
        inputs=lambda rng, ref: {"X": _data(rng, 20, 4)},
        code="result = covariance_matrix(X)",
        weight=2,
    ),
    Check(
        "covariance_matrix.one_feature",
        "covariance_matrix(X), X of shape (10, 1)",
        inputs=lambda rng, ref: {"X": rng.normal(2.0, 1.5, size=(10, 1))},
        code="result = covariance_matrix(X)",
        hidden=True,
    ),
    Check(
        "covariance_matrix.two_samples",
        "covariance_matrix(X), X of shape (2, 3) (N − 1 = 1)",
        inputs=lambda rng, ref: {"X": rng.normal(size=(2, 3)) + 1.0},
        code="result = covariance_matrix(X)",
        hidden=True,
    ),
    Check(
        "covariance_matrix.more_features_than_samples",
        "covariance_matrix(X), X of shape (5, 8)",
        inputs=lambda rng, ref: {"X": rng.normal(size=(5, 8)) - 2.0},
        code="result = covariance_matrix(X)",
        hidden=True,
    ),
    Check(
        "pca_fit.values",
        "pca_fit(X, 3), X of shape (40, 5)",
        inputs=lambda rng, ref: {"X": _data(rng, 40, 5), "n_components": 3},
        code=_FIT,
        names=_FIT_NAMES,
        weight=3,
    ),
    Check(
        "pca_fit.all_components",
        "pca_fit(X, 4), X of shape (30, 4) (all components: ratio sums to 1)",
        inputs=lambda rng, ref: {"X": _data(rng, 30, 4), "n_components": 4},
        code=_FIT,
        names=_FIT_NAMES,
        hidden=True,
    ),
    Check(
        "pca_fit.one_component",
        "pca_fit(X, 1), X of shape (25, 3)",
        inputs=lambda rng, ref: {"X": _data(rng, 25, 3), "n_components": 1},
        code=_FIT,
        names=_FIT_NAMES,
        hidden=True,
    ),
    Check(
        "pca_fit.many_features",
        "pca_fit(X, 4), X of shape (80, 9)",
        inputs=lambda rng, ref: {"X": _data(rng, 80, 9), "n_components": 4},
        code=_FIT,
        names=_FIT_NAMES,
        hidden=True,
    ),
    Check(
        "pca_transform.values",
        "pca_transform(X, components, mean), X of shape (6, 4), 2 components,"
        " mean a training mean (not the mean of X)",
        inputs=lambda rng, ref: _projection(rng, 6, 4, 2),
        code=_TRANSFORM,
        weight=2,
    ),
    Check(
        "pca_transform.all_components",
        "pca_transform(X, components, mean), X of shape (7, 3), 3 components",
        inputs=lambda rng, ref: _projection(rng, 7, 3, 3),
        code=_TRANSFORM,
        hidden=True,
    ),
    Check(
        "pca_transform.one_sample",
        "pca_transform(X, components, mean), X of shape (1, 5), 2 components",
        inputs=lambda rng, ref: _projection(rng, 1, 5, 2),
        code=_TRANSFORM,
        hidden=True,
    ),
    Check(
        "pca_inverse_transform.values",
        "pca_inverse_transform(Z, components, mean), Z of shape (6, 2),"
        " components of shape (2, 4)",
        inputs=lambda rng, ref: _coordinates(rng, 6, 4, 2),
        code=_INVERSE,
        weight=2,
    ),
    Check(
        "pca_inverse_transform.one_component",
        "pca_inverse_transform(Z, components, mean), Z of shape (5, 1),"
        " components of shape (1, 3)",
        inputs=lambda rng, ref: _coordinates(rng, 5, 3, 1),
        code=_INVERSE,
        hidden=True,
    ),
    Check(
        "pca_inverse_transform.all_components",
        "pca_inverse_transform(Z, components, mean), Z of shape (4, 5),"
        " components of shape (5, 5)",
        inputs=lambda rng, ref: _coordinates(rng, 4, 5, 5),
        code=_INVERSE,
        hidden=True,
    ),
    Check(
        "n_components_for_variance.values",
        "n_components_for_variance(ratio, 0.9), 8 descending ratios",
        inputs=lambda rng, ref: {"ratio": _ratio(rng), "threshold": 0.9},
        code=_N_COMP,
    ),
    Check(
        "n_components_for_variance.exactly_reached",
        "n_components_for_variance(ratio, 0.75), ratio = [0.5, 0.25, 0.125,"
        " 0.0625, 0.0625] (the cumulative sum equals 0.75 at k = 2: not enough)",
        inputs=lambda rng, ref: {
            "ratio": np.array([0.5, 0.25, 0.125, 0.0625, 0.0625]),
            "threshold": 0.75,
        },
        code=_N_COMP,
        hidden=True,
    ),
    Check(
        "n_components_for_variance.first",
        "n_components_for_variance(ratio, 0.3), ratio = [0.6, 0.3, 0.1]",
        inputs=lambda rng, ref: {
            "ratio": np.array([0.6, 0.3, 0.1]),
            "threshold": 0.3,
        },
        code=_N_COMP,
        hidden=True,
    ),
    Check(
        "n_components_for_variance.last",
        "n_components_for_variance(ratio, 0.99), ratio = [0.4, 0.3, 0.2, 0.06, 0.04]",
        inputs=lambda rng, ref: {
            "ratio": np.array([0.4, 0.3, 0.2, 0.06, 0.04]),
            "threshold": 0.99,
        },
        code=_N_COMP,
        hidden=True,
    ),
    Check(
        "reconstruction_error.values",
        "reconstruction_error(X, 2), X of shape (30, 5)",
        inputs=lambda rng, ref: {"X": _data(rng, 30, 5), "k": 2},
        code=_ERROR,
        weight=2,
    ),
    Check(
        "reconstruction_error.keep_mean",
        "reconstruction_error(X, 0), X of shape (20, 4) (only the mean is kept)",
        inputs=lambda rng, ref: {"X": _data(rng, 20, 4), "k": 0},
        code=_ERROR,
        hidden=True,
    ),
    Check(
        "reconstruction_error.one_component",
        "reconstruction_error(X, 1), X of shape (25, 3)",
        inputs=lambda rng, ref: {"X": _data(rng, 25, 3), "k": 1},
        code=_ERROR,
        hidden=True,
    ),
    Check(
        "reconstruction_error.all_components",
        "reconstruction_error(X, 4), X of shape (15, 4) (X is rebuilt: error 0)",
        inputs=lambda rng, ref: {"X": _data(rng, 15, 4), "k": 4},
        code=_ERROR,
        hidden=True,
    ),
]

MISTAKES = [
    Mistake(
        "covariance_matrix",
        "the columns were not centred: subtract X.mean(axis=0) before Xᵀ X",
        _cov__not_centred,
    ),
    Mistake(
        "covariance_matrix",
        "divided by N: the sample covariance divides by N − 1 (np.cov's default)",
        _cov__population,
    ),
    Mistake(
        "covariance_matrix",
        "took Xc Xcᵀ, the (N, N) matrix of the samples: the covariance of the"
        " features is Xcᵀ Xc / (N − 1), of shape (D, D)",
        _cov__samples,
    ),
    Mistake(
        "pca_fit",
        "the covariance was not centred: subtract the column means first",
        _fit__not_centred,
    ),
    Mistake(
        "pca_fit",
        "the variances were divided by N: use the sample covariance (N − 1)",
        _fit__population,
    ),
    Mistake(
        "pca_fit",
        "ascending order: np.linalg.eigh returns the smallest eigenvalue first;"
        " reverse it so the largest variance comes first",
        _fit__ascending,
    ),
    Mistake(
        "pca_fit",
        "took rows of the eigenvector matrix: eigh returns eigenvectors as"
        " columns, V[:, i]; the components are the chosen columns, transposed",
        _fit__rows,
    ),
    Mistake(
        "pca_fit",
        "the sign was not fixed: flip each component so that its largest-|·|"
        " entry is positive",
        _fit__no_sign,
    ),
    Mistake(
        "pca_fit",
        "ratio divided by the variance of the kept components: divide by the"
        " total variance, the sum of all D eigenvalues (the trace)",
        _fit__ratio_of_kept,
    ),
    Mistake(
        "pca_transform",
        "X was not centred: subtract the mean before projecting, (X − mean) Wᵀ",
        _transform__not_centred,
    ),
    Mistake(
        "pca_transform",
        "centred with the mean of this X: use the mean that is passed in (the"
        " training mean)",
        _transform__own_mean,
    ),
    Mistake(
        "pca_inverse_transform",
        "the mean was not added back: X̂ = Z W + mean",
        _inverse__no_mean,
    ),
    Mistake(
        "pca_inverse_transform",
        "subtracted the mean: add it back, X̂ = Z W + mean",
        _inverse__minus_mean,
    ),
    Mistake(
        "n_components_for_variance",
        "stopped where the cumulative ratio equals the threshold: it must exceed"
        " it strictly (searchsorted side='right', or cumsum > threshold)",
        _n_components__at_least,
    ),
    Mistake(
        "n_components_for_variance",
        "returned the index of the component, one less than the count: add 1",
        _n_components__index,
    ),
    Mistake(
        "n_components_for_variance",
        "compared single ratios with the threshold: compare the cumulative sum"
        " (np.cumsum)",
        _n_components__no_cumsum,
    ),
    Mistake(
        "reconstruction_error",
        "summed the squared errors: take the mean over all N·D entries",
        _error__sum,
    ),
    Mistake(
        "reconstruction_error",
        "averaged the squared norm of each row: take the mean over all N·D"
        " entries (divide by D as well)",
        _error__per_sample,
    ),
    Mistake(
        "reconstruction_error",
        "k = 0 reconstructed zeros: it keeps the mean, X̂ is the mean in every row",
        _error__zeros_at_zero,
    ),
    Mistake(
        "reconstruction_error",
        "took the discarded eigenvalues over D: they divide by N − 1, the error"
        " by N; multiply by (N − 1)/N",
        _error__eigenvalues,
    ),
    Mistake(
        "reconstruction_error",
        "returned the sum of the discarded eigenvalues: the mean squared error is"
        " (N − 1)/(N·D) times that sum",
        _error__discarded_sum,
    ),
]
