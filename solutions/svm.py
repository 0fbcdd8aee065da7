"""Reference implementation of lesson 07, support vector machines.

Goal: a maximum-margin classifier, trained in the primal (a linear SVM by
subgradient descent on the hinge loss) and in the dual (a kernel SVM by
coordinate ascent), with the kernels, support vectors and margin that explain it.

Legend: N training samples, M test samples, D features. Labels are in {-1, +1}.

Simplified: the kernel SVM folds the bias into the kernel (K + 1), so the bias is
regularised and there is no equality constraint Σ αᵢyᵢ = 0 (scikit-learn's SVC
keeps it); fixed step sizes and sweep counts, no stopping rule.
"""

import numpy as np


def svm_objective(w, b, X, y, C):
    """Primal objective ½‖w‖² + C·Σᵢ max(0, 1 − yᵢ(xᵢ·w + b)).

    Shapes: w (D,), b float, X (N, D), y (N,) in {-1, +1} -> float.
    """
    w = np.asarray(w, dtype=np.float64)
    margins = y * (X @ w + b)  # (N,)
    hinge = np.maximum(0.0, 1.0 - margins)  # (N,)
    return float(0.5 * w @ w + C * hinge.sum())


def fit_linear_svm(X, y, C=1.0, n_iter=3000):
    """Full-batch subgradient descent on svm_objective from w = 0, b = 0.

    Step t = 1..n_iter: active = y·f < 1, then
    w ← w − η(w − C·Σ_active yᵢxᵢ), b ← b + η·C·Σ_active yᵢ, η = 5/(N√t).

    Shapes: X (N, D), y (N,) in {-1, +1} -> (w (D,), b float).
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    N, D = X.shape
    w, b = np.zeros(D), 0.0
    for t in range(1, n_iter + 1):
        active = y * (X @ w + b) < 1.0  # (N,) hinge > 0
        grad_w = w - C * (y[active] @ X[active])  # (D,)
        grad_b = -C * y[active].sum()  # the bias is not penalised
        eta = 5.0 / (N * np.sqrt(t))
        w = w - eta * grad_w
        b = b - eta * grad_b
    return w, float(b)


def rbf_kernel(A, B, gamma):
    """Gaussian kernel exp(−γ‖aᵢ − bⱼ‖²).

    Shapes: A (N, D), B (M, D) -> (N, M).
    """
    diff = A[:, None, :] - B[None, :, :]  # (N, M, D)
    return np.exp(-gamma * np.sum(diff**2, axis=-1))  # (N, M)


def polynomial_kernel(A, B, degree=3, gamma=1.0, coef0=1.0):
    """Polynomial kernel (γ·aᵢ·bⱼ + coef0)^degree.

    Shapes: A (N, D), B (M, D) -> (N, M).
    """
    return (gamma * (A @ B.T) + coef0) ** degree  # (N, M)


def fit_kernel_svm(K, y, C=1.0, n_sweeps=30):
    """Dual coordinate ascent on max Σα − ½ αᵀQα, 0 ≤ α ≤ C, Q = yyᵀ ⊙ (K + 1).

    From α = 0, each sweep visits i = 0..N−1 in order and sets αᵢ to the exact
    maximiser along its coordinate, clipped to the box:
    αᵢ ← clip(αᵢ + (1 − (Qα)ᵢ)/Qᵢᵢ, 0, C).

    Shapes: K (N, N) train kernel, y (N,) in {-1, +1} -> alpha (N,).
    """
    y = np.asarray(y, dtype=np.float64)
    Q = np.outer(y, y) * (K + 1.0)  # (N, N); the +1 carries the bias
    alpha = np.zeros(len(y))
    for _ in range(n_sweeps):
        for i in range(len(y)):
            gradient = 1.0 - Q[i] @ alpha  # ∂D/∂αᵢ
            alpha[i] = np.clip(alpha[i] + gradient / Q[i, i], 0.0, C)
    return alpha


def decision_function(K_test, alpha, y):
    """f(x) = Σⱼ αⱼyⱼ(k(x, xⱼ) + 1); its sign is the predicted label.

    Shapes: K_test (M, N) test-by-train kernel, alpha (N,), y (N,) -> (M,).
    """
    return (K_test + 1.0) @ (alpha * y)  # (M,)


def support_vectors(alpha, C, tol=1e-6):
    """Sorted indices of support vectors on the margin and at the bound.

    on_margin: tol < αᵢ < C − tol; at_bound: αᵢ ≥ C − tol.

    Shapes: alpha (N,) -> (on_margin (n1,), at_bound (n2,)) int arrays.
    """
    alpha = np.asarray(alpha, dtype=np.float64)
    on_margin = np.flatnonzero((alpha > tol) & (alpha < C - tol))
    at_bound = np.flatnonzero(alpha >= C - tol)
    return on_margin, at_bound


def margin_width(w):
    """Width 2/‖w‖ of the band between the hyperplanes w·x + b = ±1.

    Shapes: w (D,) -> float.
    """
    return float(2.0 / np.linalg.norm(w))
