"""Checks of lesson 02, linear regression.

Inputs are well conditioned (Gaussian features, N well above D), so every
correct route to a least-squares solution (solve, inv, lstsq, pinv, QR, SVD)
agrees with the reference far inside the default rtol 1e-7.
"""

import numpy as np

from autograder.checks import Check, Figure, Mistake


def _ones(n):
    return np.ones((n, 1))


# --- inputs -------------------------------------------------------------------


def _regression(rng, n=40, d=3):
    """Gaussian X (N, D) and y = 1.5 + X w + noise, no weight near zero."""
    X = rng.normal(size=(n, d))
    w = rng.choice([-1.0, 1.0], size=d) * rng.uniform(0.5, 2.0, size=d)
    y = 1.5 + X @ w + 0.3 * rng.normal(size=n)
    return {"X": X, "y": y}


def _duplicate_column(rng):
    """Column 3 repeats column 0: XᵀX is singular, the null space has w0 = 0."""
    X = rng.normal(size=(30, 3))
    X = np.hstack([X, X[:, :1]])  # (30, 4)
    y = 0.5 + X @ np.array([1.0, -2.0, 0.7, 1.0]) + 0.2 * rng.normal(size=30)
    return {"X": X, "y": y}


def _one_hot_trap(rng):
    """All three one-hot columns of a category plus one numeric feature.

    The one-hot columns sum to the bias column, so the null space moves the
    intercept: only a minimum norm over all D+1 weights picks the reference.
    """
    n = 40
    cat = np.concatenate([[0, 1, 2], rng.integers(0, 3, size=n - 3)])
    x = rng.normal(size=n)
    X = np.column_stack([np.eye(3)[cat], x])  # (40, 4)
    y = 3.0 + np.array([-1.0, 0.5, 2.0])[cat] + 1.2 * x + 0.2 * rng.normal(size=n)
    return {"X": X, "y": y}


def _wide(rng):
    """More weights than samples: infinitely many exact fits."""
    return {"X": rng.normal(size=(5, 7)), "y": rng.normal(size=5)}


def _scaled(rng, n=50):
    """Features on very different scales; standardizing puts them on one."""
    scale = np.array([1.0, 100.0, 0.01, 5.0])
    X = rng.normal(size=(n, 4)) * scale + np.array([0.0, 30.0, -2.0, 1.0])
    w = np.array([2.0, 0.03, -150.0, 0.1])
    y = 4.0 + X @ w + 0.5 * rng.normal(size=n)
    return {"X": X, "y": y}


def _predictions(rng, n=20):
    y = rng.normal(3.0, 2.0, size=n)
    return {"y": y, "y_hat": y + rng.normal(0.5, 1.0, size=n)}


def _worse_than_mean(rng, n=15):
    y = rng.normal(size=n)
    return {"y": y, "y_hat": -2.0 * y + 1.0}


def _coefs(rng, d=6):
    """Distinct magnitudes (no ties), mixed signs."""
    mags = rng.permutation(np.linspace(0.2, 3.0, d))
    return {"coefs": mags * rng.choice([-1.0, 1.0], size=d)}


# --- mutants ------------------------------------------------------------------


def _add_bias__last(X):
    return np.hstack([X, _ones(len(X))])


def _fit__no_bias(X, y, method="lstsq"):
    return np.linalg.lstsq(X, y, rcond=None)[0]


def _fit__bias_last(X, y, method="lstsq"):
    return np.linalg.lstsq(np.hstack([X, _ones(len(X))]), y, rcond=None)[0]


def _fit__centred(X, y, method="lstsq"):
    # scikit-learn's route: centre, minimum norm over w[1:] only, then intercept
    x_mean, y_mean = X.mean(axis=0), y.mean()
    coef = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)[0]
    return np.concatenate([[y_mean - x_mean @ coef], coef])


def _predict__no_intercept(X, w):
    return X @ w[1:]


def _predict__bias_last(X, w):
    return X @ w[:-1] + w[-1]


def _mse__sum(y, y_hat):
    return float(np.sum((y - y_hat) ** 2))


def _mse__root(y, y_hat):
    return float(np.sqrt(np.mean((y - y_hat) ** 2)))


def _mse__absolute(y, y_hat):
    return float(np.mean(np.abs(y - y_hat)))


def _r2__clipped(y, y_hat):
    return max(0.0, float(1 - np.sum((y - y_hat) ** 2) / np.sum((y - y.mean()) ** 2)))


def _r2__mean_of_y_hat(y, y_hat):
    return float(1 - np.sum((y - y_hat) ** 2) / np.sum((y - y_hat.mean()) ** 2))


def _r2__swapped(y, y_hat):
    return float(1 - np.sum((y - y_hat) ** 2) / np.sum((y_hat - y_hat.mean()) ** 2))


def _r2__correlation(y, y_hat):
    return float(np.corrcoef(y, y_hat)[0, 1] ** 2)


def _r2__ratio(y, y_hat):
    return float(np.sum((y - y_hat) ** 2) / np.sum((y - y.mean()) ** 2))


def _std_coefs(X, y, ddof=0, y_std=False):
    sigma = X.std(axis=0, ddof=ddof)
    Z = (X - X.mean(axis=0)) / sigma
    coef = np.linalg.lstsq(np.hstack([_ones(len(Z)), Z]), y, rcond=None)[0][1:]
    return coef / y.std() if y_std else coef


def _std_coefs__ddof1(X, y):
    return _std_coefs(X, y, ddof=1)


def _std_coefs__raw(X, y):
    return np.linalg.lstsq(np.hstack([_ones(len(X)), X]), y, rcond=None)[0][1:]


def _std_coefs__y_standardized(X, y):
    return _std_coefs(X, y, y_std=True)


def _std_coefs__divided(X, y):
    raw = np.linalg.lstsq(np.hstack([_ones(len(X)), X]), y, rcond=None)[0][1:]
    return raw / X.std(axis=0)


def _rank__ascending(coefs):
    return np.argsort(np.abs(coefs))


def _rank__signed(coefs):
    return np.argsort(-coefs)


def _rank__ranks(coefs):
    return np.argsort(np.argsort(-np.abs(coefs)))


# --- checks -------------------------------------------------------------------

_FIT = "result = fit_least_squares(X, y)"
_FIT_NORMAL = 'result = fit_least_squares(X, y, method="normal")'

CHECKS = [
    Check(
        "add_bias.values",
        "add_bias(X), X of shape (5, 3)",
        inputs=lambda rng, ref: {"X": rng.normal(size=(5, 3))},
        code="result = add_bias(X)",
    ),
    Check(
        "add_bias.one_feature",
        "add_bias(X), X of shape (4, 1)",
        inputs=lambda rng, ref: {"X": rng.normal(size=(4, 1))},
        code="result = add_bias(X)",
        hidden=True,
    ),
    Check(
        "fit_least_squares.lstsq",
        "fit_least_squares(X, y), X of shape (40, 3), full rank",
        inputs=lambda rng, ref: _regression(rng),
        code=_FIT,
    ),
    Check(
        "fit_least_squares.normal",
        'fit_least_squares(X, y, method="normal"), X of shape (40, 3), full rank',
        inputs=lambda rng, ref: _regression(rng),
        code=_FIT_NORMAL,
    ),
    Check(
        "fit_least_squares.normal_one_feature",
        'fit_least_squares(X, y, method="normal"), X of shape (25, 1)',
        inputs=lambda rng, ref: _regression(rng, n=25, d=1),
        code=_FIT_NORMAL,
        hidden=True,
    ),
    Check(
        "fit_least_squares.lstsq_many_features",
        "fit_least_squares(X, y), X of shape (60, 8), full rank",
        inputs=lambda rng, ref: _regression(rng, n=60, d=8),
        code=_FIT,
        hidden=True,
    ),
    Check(
        "fit_least_squares.normal_many_features",
        'fit_least_squares(X, y, method="normal"), X of shape (60, 8), full rank',
        inputs=lambda rng, ref: _regression(rng, n=60, d=8),
        code=_FIT_NORMAL,
        hidden=True,
    ),
    Check(
        "fit_least_squares.duplicate_column",
        "fit_least_squares(X, y), X of shape (30, 4) whose column 3 repeats column 0"
        " (minimum-norm solution)",
        inputs=lambda rng, ref: _duplicate_column(rng),
        code=_FIT,
        hidden=True,
    ),
    Check(
        "fit_least_squares.one_hot_trap",
        "fit_least_squares(X, y), X of shape (40, 4): three one-hot columns that sum"
        " to the bias column, then a numeric one (minimum norm over all D+1 weights)",
        inputs=lambda rng, ref: _one_hot_trap(rng),
        code=_FIT,
        hidden=True,
    ),
    Check(
        "fit_least_squares.more_features_than_samples",
        "fit_least_squares(X, y), X of shape (5, 7) (minimum-norm exact fit)",
        inputs=lambda rng, ref: _wide(rng),
        code=_FIT,
        hidden=True,
    ),
    Check(
        "predict.values",
        "predict(X, w), X of shape (6, 3), w of shape (4,)",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(6, 3)),
            "w": rng.normal(size=4) + 2.0,
        },
        code="result = predict(X, w)",
        weight=2,
    ),
    Check(
        "predict.one_feature",
        "predict(X, w), X of shape (5, 1), w of shape (2,)",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(5, 1)),
            "w": np.array([-3.0, 2.5]),
        },
        code="result = predict(X, w)",
        hidden=True,
    ),
    Check(
        "predict.one_sample",
        "predict(X, w), X of shape (1, 4), w of shape (5,)",
        inputs=lambda rng, ref: {"X": rng.normal(size=(1, 4)), "w": rng.normal(size=5)},
        code="result = predict(X, w)",
        hidden=True,
    ),
    Check(
        "mse.values",
        "mse(y, y_hat), N = 20",
        inputs=lambda rng, ref: _predictions(rng),
        code="result = mse(y, y_hat)",
        weight=2,
    ),
    Check(
        "mse.perfect",
        "mse(y, y), N = 10 (a perfect prediction)",
        inputs=lambda rng, ref: {"y": rng.normal(size=10)},
        code="result = mse(y, y.copy())",
        hidden=True,
    ),
    Check(
        "mse.one_sample",
        "mse(y, y_hat), N = 1",
        inputs=lambda rng, ref: {"y": np.array([2.0]), "y_hat": np.array([-1.0])},
        code="result = mse(y, y_hat)",
        hidden=True,
    ),
    Check(
        "r2_score.values",
        "r2_score(y, y_hat), N = 20",
        inputs=lambda rng, ref: _predictions(rng),
        code="result = r2_score(y, y_hat)",
    ),
    Check(
        "r2_score.perfect",
        "r2_score(y, y), N = 10 (a perfect prediction: 1.0)",
        inputs=lambda rng, ref: {"y": rng.normal(size=10)},
        code="result = r2_score(y, y.copy())",
        hidden=True,
    ),
    Check(
        "r2_score.predicts_mean",
        "r2_score(y, y_hat), y_hat everywhere the mean of y (0.0)",
        inputs=lambda rng, ref: {"y": rng.normal(1.0, 2.0, size=12)},
        code="result = r2_score(y, np.full_like(y, y.mean()))",
        hidden=True,
    ),
    Check(
        "r2_score.worse_than_mean",
        "r2_score(y, y_hat), y_hat = 1 − 2y (worse than the mean: negative)",
        inputs=lambda rng, ref: _worse_than_mean(rng),
        code="result = r2_score(y, y_hat)",
        hidden=True,
    ),
    Check(
        "standardized_coefficients.values",
        "standardized_coefficients(X, y), X of shape (50, 4), features on scales"
        " 0.01 to 100",
        inputs=lambda rng, ref: _scaled(rng),
        code="result = standardized_coefficients(X, y)",
        weight=2,
    ),
    Check(
        "standardized_coefficients.one_feature",
        "standardized_coefficients(X, y), X of shape (30, 1)",
        inputs=lambda rng, ref: {
            "X": rng.normal(2.0, 3.0, size=(30, 1)),
            "y": rng.normal(size=30),
        },
        code="result = standardized_coefficients(X, y)",
        hidden=True,
    ),
    Check(
        "standardized_coefficients.standard_features",
        "standardized_coefficients(X, y), X of shape (40, 3)",
        inputs=lambda rng, ref: _regression(rng),
        code="result = standardized_coefficients(X, y)",
        hidden=True,
    ),
    Check(
        "rank_features.values",
        "rank_features(coefs), 6 coefficients of mixed signs, no ties",
        inputs=lambda rng, ref: _coefs(rng),
        code="result = rank_features(coefs)",
    ),
    Check(
        "rank_features.largest_negative",
        "rank_features(coefs), coefs = [0.5, -3.0, 2.0, -0.1, 1.0]",
        inputs=lambda rng, ref: {"coefs": np.array([0.5, -3.0, 2.0, -0.1, 1.0])},
        code="result = rank_features(coefs)",
        hidden=True,
    ),
    Check(
        "rank_features.many",
        "rank_features(coefs), 12 coefficients, no ties",
        inputs=lambda rng, ref: _coefs(rng, d=12),
        code="result = rank_features(coefs)",
        hidden=True,
    ),
    Check(
        "rank_features.one_feature",
        "rank_features(coefs), a single coefficient",
        inputs=lambda rng, ref: {"coefs": np.array([-0.7])},
        code="result = rank_features(coefs)",
        hidden=True,
    ),
]

MISTAKES = [
    Mistake(
        "add_bias",
        "the ones go first: column 0 is the bias (np.hstack([ones, X]))",
        _add_bias__last,
    ),
    Mistake(
        "fit_least_squares",
        "no bias column: fit on [1, X] (add_bias) so that w[0] is the intercept",
        _fit__no_bias,
    ),
    Mistake(
        "fit_least_squares",
        "the intercept came out last: the ones go first, w[0] is the intercept",
        _fit__bias_last,
    ),
    Mistake(
        "fit_least_squares",
        "centred X and y and took the intercept from the means (scikit-learn's"
        " route): its minimum norm leaves the intercept out; use np.linalg.lstsq"
        " on [1, X], which minimises the norm of all D+1 weights",
        _fit__centred,
    ),
    Mistake(
        "predict",
        "the intercept is missing: ŷ = w[0] + X @ w[1:]",
        _predict__no_intercept,
    ),
    Mistake(
        "predict",
        "used w[-1] as the intercept: w[0] is the intercept, ŷ = w[0] + X @ w[1:]",
        _predict__bias_last,
    ),
    Mistake("mse", "summed the squared errors: take the mean (np.mean)", _mse__sum),
    Mistake(
        "mse",
        "took the square root (that is the RMSE): MSE is the mean squared error",
        _mse__root,
    ),
    Mistake(
        "mse",
        "took |y − ŷ| (that is the MAE): square the residuals",
        _mse__absolute,
    ),
    Mistake(
        "r2_score",
        "clipped R² at 0: it is negative when the predictions are worse than the"
        " mean of y",
        _r2__clipped,
    ),
    Mistake(
        "r2_score",
        "centred with the mean of y_hat: the total sum of squares is Σ(y − mean(y))²",
        _r2__mean_of_y_hat,
    ),
    Mistake(
        "r2_score",
        "arguments swapped: the signature is r2_score(y, y_hat), and the total sum"
        " of squares uses the true y",
        _r2__swapped,
    ),
    Mistake(
        "r2_score",
        "squared the correlation of y and y_hat: that equals R² only for a least-"
        "squares fit on its own training data; use 1 − SS_res / SS_tot",
        _r2__correlation,
    ),
    Mistake(
        "r2_score",
        "returned SS_res / SS_tot: R² is 1 − SS_res / SS_tot",
        _r2__ratio,
    ),
    Mistake(
        "standardized_coefficients",
        "divided by the sample std (ddof=1): standardize with the population std,"
        " X.std(axis=0) (ddof=0)",
        _std_coefs__ddof1,
    ),
    Mistake(
        "standardized_coefficients",
        "returned the raw coefficients: standardize the features first (or"
        " multiply each coefficient by its feature's std)",
        _std_coefs__raw,
    ),
    Mistake(
        "standardized_coefficients",
        "standardized y as well: only the features are standardized, the"
        " coefficients stay in units of y",
        _std_coefs__y_standardized,
    ),
    Mistake(
        "standardized_coefficients",
        "divided the raw coefficients by the std: multiply, w_j · σ_j",
        _std_coefs__divided,
    ),
    Mistake(
        "rank_features",
        "ascending order: the largest |coef| comes first (argsort of -|coefs|)",
        _rank__ascending,
    ),
    Mistake(
        "rank_features",
        "sorted by the signed coefficient: rank by magnitude, |coef|",
        _rank__signed,
    ),
    Mistake(
        "rank_features",
        "returned each feature's rank: return the feature indices, most important"
        " first (one argsort, not two)",
        _rank__ranks,
    ),
]


def _diabetes(rng, ref):
    from sklearn.datasets import load_diabetes

    X, y = load_diabetes(return_X_y=True)
    order = np.random.default_rng(0).permutation(len(y))  # the lesson's headline split
    n_test = int(np.ceil(0.2 * len(y)))
    test, train = order[:n_test], order[n_test:]
    return {
        "X_train": X[train],
        "y_train": y[train],
        "X_test": X[test],
        "y_test": y[test],
    }


def _draw_predictions(ax, y_hat, inputs):
    y = inputs["y_test"]
    ax.scatter(y, y_hat, s=10)
    lo, hi = float(y.min()), float(y.max())
    ax.plot([lo, hi], [lo, hi], color="black", linewidth=1)
    r2 = 1 - ((y - y_hat) ** 2).sum() / ((y - y.mean()) ** 2).sum()
    ax.set_xlabel(f"true disease progression (test R² {r2:.3f})")
    ax.set_ylabel("your prediction")


FIGURES = [
    Figure(
        "Your least-squares fit on the diabetes test set",
        names=("fit_least_squares", "predict"),
        code="result = predict(X_test, fit_least_squares(X_train, y_train))",
        draw=_draw_predictions,
        inputs=_diabetes,
    )
]
