"""Reference implementation of lesson 08, gradient descent.

Goal: minimise the mean squared error of a linear model by full-batch,
mini-batch and stochastic gradient descent, and predict from the spectrum of
the Hessian which step sizes converge, oscillate or diverge.

Legend: N samples, D features. The model is y ≈ X w; a bias is a column of
ones in X, added by the caller.

Reference: the closed form wₖ − w* = (I − ηH)ᵏ(w₀ − w*) with H = 2XᵀX/N, and
np.linalg.lstsq for w*.
Simplified: a constant step size (no schedule, no momentum); the regime of a
step size is read from λmax alone.
"""

import numpy as np


def mse_loss_and_grad(w, X, y):
    """Mean squared error of X @ w against y, and its gradient in w.

    loss = mean((X @ w - y)²), grad = 2 Xᵀ(X @ w - y) / N.

    Shapes
    ------
    w : (D,)
    X : (N, D)
    y : (N,)
    returns : (loss float, grad (D,))
    """
    X = np.asarray(X, dtype=np.float64)
    r = X @ w - y  # residuals, (N,)
    N = len(r)
    loss = float(r @ r / N)
    grad = 2.0 * X.T @ r / N  # (D,)
    return loss, grad


def batch_gradient_descent(X, y, w0, lr, n_epochs):
    """n_epochs full-batch steps w ← w − lr·∇L(w) from w0 (w0 is not modified).

    history[0] is the loss at w0, history[k] the loss after k steps.

    Shapes
    ------
    X : (N, D), y : (N,), w0 : (D,)
    returns : (w (D,), history (n_epochs+1,))
    """
    X = np.asarray(X, dtype=np.float64)
    N = len(y)
    w = np.array(w0, dtype=np.float64)  # a copy: w0 stays as it was
    history = np.empty(n_epochs + 1)
    for k in range(n_epochs + 1):
        r = X @ w - y  # residuals, (N,)
        history[k] = r @ r / N
        if k < n_epochs:
            w = w - lr * 2.0 * X.T @ r / N  # (D,)
    return w, history


def minibatch_indices(N, batch_size, *, rng):
    """One shuffled pass over range(N), cut into consecutive batches.

    Draws exactly one rng.permutation(N); batch j is perm[j*B:(j+1)*B], and the
    last batch is shorter when B does not divide N (it is kept).

    Shapes
    ------
    returns : list of ceil(N / B) int arrays, all of size B but the last
    """
    perm = rng.permutation(N)  # (N,)
    return [perm[i : i + batch_size] for i in range(0, N, batch_size)]


def minibatch_gradient_descent(X, y, w0, lr, n_epochs, batch_size, *, rng):
    """Mini-batch gradient descent: one step per batch, fresh batches per epoch.

    Each epoch draws its batches as minibatch_indices(N, batch_size, rng=rng)
    does (one rng.permutation(N), cut in order) and steps w ← w − lr·∇L_b(w)
    for each batch b in order, ∇L_b the batch's mean
    gradient. history[0] is the full-data loss at w0, history[e] after epoch e.
    batch_size = 1 is SGD; batch_size = N is batch gradient descent.

    Shapes
    ------
    X : (N, D), y : (N,), w0 : (D,)
    returns : (w (D,), history (n_epochs+1,))
    """
    X = np.asarray(X, dtype=np.float64)
    N = len(y)
    w = np.array(w0, dtype=np.float64)  # a copy: w0 stays as it was
    r = X @ w - y  # (N,)
    history = np.empty(n_epochs + 1)
    history[0] = r @ r / N
    for epoch in range(1, n_epochs + 1):
        perm = rng.permutation(N)  # one shuffle per epoch, (N,)
        for i in range(0, N, batch_size):
            b = perm[i : i + batch_size]  # the last batch may be shorter
            r_b = X[b] @ w - y[b]  # (|b|,)
            w = w - lr * 2.0 * X[b].T @ r_b / len(b)  # the batch's mean gradient
        r = X @ w - y
        history[epoch] = r @ r / N  # full-data loss after the epoch
    return w, history


def max_stable_lr(X):
    """Largest stable step size 2 / λmax of the Hessian H = 2XᵀX/N of the MSE.

    Shapes
    ------
    X : (N, D)
    returns : float
    """
    X = np.asarray(X, dtype=np.float64)
    H = 2.0 * X.T @ X / len(X)  # (D, D), symmetric
    lam_max = np.linalg.eigvalsh(H)[-1]  # eigenvalues in ascending order
    return float(2.0 / lam_max)


def lr_regime(X, lr):
    """How gradient descent on the MSE behaves with step size lr.

    With λmax the largest eigenvalue of H = 2XᵀX/N: lr·λmax ≤ 1 is
    "monotone", lr·λmax < 2 "oscillating", otherwise "divergent".

    Shapes
    ------
    X : (N, D)
    returns : str
    """
    X = np.asarray(X, dtype=np.float64)
    lam_max = np.linalg.eigvalsh(2.0 * X.T @ X / len(X))[-1]
    c = lr * lam_max
    if c <= 1.0:
        return "monotone"
    if c < 2.0:
        return "oscillating"
    return "divergent"
