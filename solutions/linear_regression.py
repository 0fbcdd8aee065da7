"""Reference implementation of lesson 02, linear regression.

Goal: fit y ≈ w0 + X w by least squares, through the normal equations and through
an SVD-based solver that also handles rank-deficient X, then judge the fit (MSE,
R²) and compare features by their standardized coefficients.

Legend: N samples, D features; w has D+1 entries, w[0] the intercept.

Reference: scikit-learn's LinearRegression, mean_squared_error, r2_score.
Simplified: no sample weights, one target column; on rank-deficient X the
minimum-norm solution is taken over all D+1 weights, intercept included
(LinearRegression excludes the intercept from the norm).
"""

import numpy as np


def add_bias(X):
    """Prepend a column of ones to X.

    Shapes
    ------
    X : (N, D) float64
    returns : (N, D+1), column 0 all ones
    """
    X = np.asarray(X, dtype=np.float64)
    return np.hstack([np.ones((X.shape[0], 1)), X])  # (N, D+1)


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
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    Xb = np.hstack([np.ones((X.shape[0], 1)), X])  # (N, D+1)
    if method == "normal":
        return np.linalg.solve(Xb.T @ Xb, Xb.T @ y)  # (D+1,)
    if method == "lstsq":
        w, *_ = np.linalg.lstsq(Xb, y, rcond=None)  # (D+1,)
        return w
    raise ValueError(f"method must be 'lstsq' or 'normal'; got {method!r}")


def predict(X, w):
    """Predictions w[0] + X @ w[1:] on raw X.

    Shapes
    ------
    X : (N, D) float64, without a bias column
    w : (D+1,), w[0] the intercept
    returns : (N,) float64
    """
    X = np.asarray(X, dtype=np.float64)
    return w[0] + X @ w[1:]  # (N,)


def mse(y, y_hat):
    """Mean squared error (1/N) Σ (y − ŷ)².

    Shapes
    ------
    y : (N,) true targets
    y_hat : (N,) predictions
    returns : float
    """
    y, y_hat = np.asarray(y, dtype=np.float64), np.asarray(y_hat, dtype=np.float64)
    return float(np.mean((y - y_hat) ** 2))


def r2_score(y, y_hat):
    """Coefficient of determination 1 − Σ(y − ŷ)² / Σ(y − ȳ)².

    ȳ is the mean of the true targets y. Not called with a constant y.

    Shapes
    ------
    y : (N,) true targets, not all equal
    y_hat : (N,) predictions
    returns : float, at most 1 (negative when worse than predicting ȳ)
    """
    y, y_hat = np.asarray(y, dtype=np.float64), np.asarray(y_hat, dtype=np.float64)
    ss_res = np.sum((y - y_hat) ** 2)
    ss_tot = np.sum((y - y.mean()) ** 2)
    return float(1.0 - ss_res / ss_tot)


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
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    Z = (X - X.mean(axis=0)) / X.std(axis=0)  # (N, D)
    Zb = np.hstack([np.ones((Z.shape[0], 1)), Z])  # (N, D+1)
    w, *_ = np.linalg.lstsq(Zb, y, rcond=None)  # (D+1,)
    return w[1:]  # (D,)


def rank_features(coefs):
    """Feature indices by descending |coef|, the largest effect first.

    Coefficients have distinct magnitudes (ties are not used).

    Shapes
    ------
    coefs : (D,)
    returns : (D,) integer ndarray, a permutation of 0..D-1
    """
    coefs = np.asarray(coefs, dtype=np.float64)
    return np.argsort(-np.abs(coefs), kind="stable")  # (D,)
