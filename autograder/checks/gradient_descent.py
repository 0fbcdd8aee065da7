"""Checks of lesson 08, gradient descent."""

import numpy as np

from autograder.checks import Check, Mistake

# the result of a descent together with the caller's w0 after the call
KEEPS_W0 = """
batch_gradient_descent(X, y, w0, lr, n_epochs)
result = w0
"""
KEEPS_W0_MINIBATCH = """
minibatch_gradient_descent(X, y, w0, lr, n_epochs, batch_size,
                           rng=np.random.default_rng(seed))
result = w0
"""
MINIBATCH = """
result = minibatch_gradient_descent(X, y, w0, lr, n_epochs, batch_size,
                                    rng=np.random.default_rng(seed))
"""
# each regime as a plain str (np.str_ is a str too)
REGIMES = """
regimes = [lr_regime(X, lr) for lr in lrs]
result = [str(r) if isinstance(r, str) else r for r in regimes]
"""
C_VALUES = [0.3, 0.9, 1.1, 1.5, 1.85, 2.2, 4.0]  # lr·λmax, ≥ 5 % from 1 and 2


def _regression(rng, N, D, bias=False, scales=None):
    """X (N, D) (column 0 all ones when bias) and a noisy linear y (N,)."""
    X = rng.normal(size=(N, D))
    if scales is not None:
        X = X * np.asarray(scales)
    if bias:
        X[:, 0] = 1.0
    y = X @ rng.normal(size=D) + 0.5 * rng.normal(size=N)
    return X, y


def _loss_inputs(rng, N, D, bias=False):
    X, y = _regression(rng, N, D, bias)
    return {"w": rng.normal(size=D), "X": X, "y": y}


def _descent_inputs(rng, N, D, c, n_epochs, bias=False):
    """Inputs of a batch descent with lr = c / λmax."""
    X, y = _regression(rng, N, D, bias)
    lam_max = np.linalg.eigvalsh(2 * X.T @ X / N)[-1]
    return {
        "X": X,
        "y": y,
        "w0": rng.normal(size=D),
        "lr": c / lam_max,
        "n_epochs": n_epochs,
    }


def _minibatch_inputs(rng, N, D, lr, n_epochs, batch_size):
    X, y = _regression(rng, N, D)
    return {
        "X": X,
        "y": y,
        "w0": rng.normal(size=D),
        "lr": lr,
        "n_epochs": n_epochs,
        "batch_size": batch_size,
        "seed": int(rng.integers(1000)),
    }


def _regime_inputs(rng, ref, N, D, scales=None):
    X, _ = _regression(rng, N, D, scales=scales)
    eta_max = ref.max_stable_lr(X)  # 2 / λmax
    return {"X": X, "lrs": [c * eta_max / 2 for c in C_VALUES]}


def _indices(N, batch_size):
    return lambda rng, ref: {
        "N": N,
        "batch_size": batch_size,
        "seed": int(rng.integers(1000)),
    }


CHECKS = [
    # mse_loss_and_grad
    Check(
        "mse_loss_and_grad.values",
        "mse_loss_and_grad(w, X, y), X of shape (20, 3)",
        inputs=lambda rng, ref: _loss_inputs(rng, 20, 3),
        code="result = mse_loss_and_grad(w, X, y)",
        names=("loss", "grad"),
        weight=2,
    ),
    Check(
        "mse_loss_and_grad.one_feature",
        "mse_loss_and_grad(w, X, y), X of shape (7, 1)",
        inputs=lambda rng, ref: _loss_inputs(rng, 7, 1),
        code="result = mse_loss_and_grad(w, X, y)",
        names=("loss", "grad"),
        hidden=True,
    ),
    Check(
        "mse_loss_and_grad.bias_column",
        "mse_loss_and_grad(w, X, y), X of shape (200, 6) with column 0 all ones",
        inputs=lambda rng, ref: _loss_inputs(rng, 200, 6, bias=True),
        code="result = mse_loss_and_grad(w, X, y)",
        names=("loss", "grad"),
        hidden=True,
    ),
    # batch_gradient_descent
    Check(
        "batch_gradient_descent.values",
        "batch_gradient_descent(X, y, w0, lr, n_epochs=20), X of shape (30, 3), "
        "lr = 0.5 / λmax",
        inputs=lambda rng, ref: _descent_inputs(rng, 30, 3, 0.5, 20),
        code="result = batch_gradient_descent(X, y, w0, lr, n_epochs)",
        names=("w", "history"),
    ),
    Check(
        "batch_gradient_descent.keeps_w0",
        "w0 after batch_gradient_descent(X, y, w0, lr, n_epochs=5), which must not "
        "change it",
        inputs=lambda rng, ref: _descent_inputs(rng, 30, 3, 0.5, 5),
        code=KEEPS_W0,
    ),
    Check(
        "batch_gradient_descent.zero_epochs",
        "batch_gradient_descent(X, y, w0, lr, n_epochs=0), X of shape (10, 2)",
        inputs=lambda rng, ref: _descent_inputs(rng, 10, 2, 0.5, 0),
        code="result = batch_gradient_descent(X, y, w0, lr, n_epochs)",
        names=("w", "history"),
        hidden=True,
    ),
    Check(
        "batch_gradient_descent.oscillating",
        "batch_gradient_descent(X, y, w0, lr, n_epochs=15), X of shape (50, 4) with "
        "a bias column, lr = 1.5 / λmax",
        inputs=lambda rng, ref: _descent_inputs(rng, 50, 4, 1.5, 15, bias=True),
        code="result = batch_gradient_descent(X, y, w0, lr, n_epochs)",
        names=("w", "history"),
        hidden=True,
    ),
    # minibatch_indices
    Check(
        "minibatch_indices.values",
        "minibatch_indices(10, 3, rng=np.random.default_rng(seed))",
        inputs=_indices(10, 3),
        code="result = minibatch_indices(N, batch_size, rng=np.random.default_rng(seed))",
    ),
    Check(
        "minibatch_indices.divides",
        "minibatch_indices(12, 4, rng=np.random.default_rng(seed))",
        inputs=_indices(12, 4),
        code="result = minibatch_indices(N, batch_size, rng=np.random.default_rng(seed))",
        hidden=True,
    ),
    Check(
        "minibatch_indices.two_calls",
        "two calls minibatch_indices(9, 4, rng=rng) on one generator (two epochs)",
        inputs=_indices(9, 4),
        code=(
            "rng = np.random.default_rng(seed)\n"
            "result = [minibatch_indices(N, batch_size, rng=rng) for _ in range(2)]"
        ),
        hidden=True,
    ),
    Check(
        "minibatch_indices.batch_larger_than_n",
        "minibatch_indices(5, 8, rng=np.random.default_rng(seed)): one short batch",
        inputs=_indices(5, 8),
        code="result = minibatch_indices(N, batch_size, rng=np.random.default_rng(seed))",
        hidden=True,
    ),
    # minibatch_gradient_descent
    Check(
        "minibatch_gradient_descent.values",
        "minibatch_gradient_descent(X, y, w0, lr=0.05, n_epochs=5, batch_size=8, "
        "rng=np.random.default_rng(seed)), X of shape (30, 3)",
        inputs=lambda rng, ref: _minibatch_inputs(rng, 30, 3, 0.05, 5, 8),
        code=MINIBATCH,
        names=("w", "history"),
    ),
    Check(
        "minibatch_gradient_descent.keeps_w0",
        "w0 after minibatch_gradient_descent(X, y, w0, lr=0.05, n_epochs=2, "
        "batch_size=8, rng=...), which must not change it",
        inputs=lambda rng, ref: _minibatch_inputs(rng, 30, 3, 0.05, 2, 8),
        code=KEEPS_W0_MINIBATCH,
    ),
    Check(
        "minibatch_gradient_descent.sgd",
        "minibatch_gradient_descent(X, y, w0, lr=0.02, n_epochs=3, batch_size=1, "
        "rng=...), X of shape (12, 2)",
        inputs=lambda rng, ref: _minibatch_inputs(rng, 12, 2, 0.02, 3, 1),
        code=MINIBATCH,
        names=("w", "history"),
        hidden=True,
    ),
    Check(
        "minibatch_gradient_descent.full_batch",
        "minibatch_gradient_descent(X, y, w0, lr=0.1, n_epochs=4, batch_size=N, "
        "rng=...), X of shape (20, 3)",
        inputs=lambda rng, ref: _minibatch_inputs(rng, 20, 3, 0.1, 4, 20),
        code=MINIBATCH,
        names=("w", "history"),
        hidden=True,
    ),
    # max_stable_lr
    Check(
        "max_stable_lr.values",
        "max_stable_lr(X), X of shape (40, 3)",
        inputs=lambda rng, ref: {"X": _regression(rng, 40, 3)[0]},
        code="result = max_stable_lr(X)",
    ),
    Check(
        "max_stable_lr.scaled_features",
        "max_stable_lr(X), X of shape (60, 4) with columns of scales 1, 10, 0.1, 3",
        inputs=lambda rng, ref: {
            "X": _regression(rng, 60, 4, scales=[1, 10, 0.1, 3])[0]
        },
        code="result = max_stable_lr(X)",
        hidden=True,
    ),
    Check(
        "max_stable_lr.more_features_than_samples",
        "max_stable_lr(X), X of shape (5, 8) with a bias column",
        inputs=lambda rng, ref: {"X": _regression(rng, 5, 8, bias=True)[0]},
        code="result = max_stable_lr(X)",
        hidden=True,
    ),
    # lr_regime
    Check(
        "lr_regime.values",
        "[lr_regime(X, lr) for lr in lrs], X of shape (40, 3), "
        "lr·λmax = 0.3, 0.9, 1.1, 1.5, 1.85, 2.2, 4",
        inputs=lambda rng, ref: _regime_inputs(rng, ref, 40, 3),
        code=REGIMES,
    ),
    Check(
        "lr_regime.scaled_features",
        "[lr_regime(X, lr) for lr in lrs], X of shape (60, 4) with columns of "
        "scales 1, 10, 0.1, 3, lr·λmax = 0.3, 0.9, 1.1, 1.5, 1.85, 2.2, 4",
        inputs=lambda rng, ref: _regime_inputs(rng, ref, 60, 4, scales=[1, 10, 0.1, 3]),
        code=REGIMES,
        hidden=True,
    ),
    Check(
        "lr_regime.one_feature",
        "[lr_regime(X, lr) for lr in lrs], X of shape (15, 1), "
        "lr·λmax = 0.3, 0.9, 1.1, 1.5, 1.85, 2.2, 4",
        inputs=lambda rng, ref: _regime_inputs(rng, ref, 15, 1),
        code=REGIMES,
        hidden=True,
    ),
]


# Mutants: the reference with one known mistake each.
def _loss_grad(*, mean=True, two=True, sign=1.0, loss_sum=False):
    def f(w, X, y):
        r = X @ w - y
        N = len(y)
        loss = float(r @ r) if loss_sum else float(r @ r / N)
        grad = sign * (2.0 if two else 1.0) * X.T @ r / (N if mean else 1)
        return loss, grad

    return f


def _grad(w, X, y):
    r = X @ w - y
    return 2.0 * X.T @ r / len(y)


def _loss(w, X, y):
    r = X @ w - y
    return float(r @ r / len(y))


def _batch(*, mean=True, no_initial=False, extra=0, in_place=False):
    def bgd(X, y, w0, lr, n_epochs):
        w = w0 if in_place else np.array(w0, dtype=np.float64)
        history = [] if no_initial else [_loss(w, X, y)]
        for _ in range(n_epochs + extra):
            w -= lr * _grad(w, X, y) * (1 if mean else len(y))
            history.append(_loss(w, X, y))
        return w, np.array(history)

    return bgd


def _batch_record_before(X, y, w0, lr, n_epochs):
    w = np.array(w0, dtype=np.float64)
    history = []
    for _ in range(n_epochs + 1):
        history.append(_loss(w, X, y))
        w = w - lr * _grad(w, X, y)
    return w, np.array(history)


def _indices_drop_last(N, batch_size, *, rng):
    perm = rng.permutation(N)
    return [perm[i : i + batch_size] for i in range(0, N - batch_size + 1, batch_size)]


def _indices_unshuffled(N, batch_size, *, rng):
    idx = np.arange(N)
    return [idx[i : i + batch_size] for i in range(0, N, batch_size)]


def _indices_choice(N, batch_size, *, rng):
    perm = rng.choice(N, size=N, replace=False)
    return [perm[i : i + batch_size] for i in range(0, N, batch_size)]


def _indices_array_split(N, batch_size, *, rng):
    perm = rng.permutation(N)
    return np.array_split(perm, int(np.ceil(N / batch_size)))


def _minibatch(
    *,
    reuse=False,
    drop_last=False,
    divide_by_b=False,
    batch_history=False,
    in_place=False,
):
    def mgd(X, y, w0, lr, n_epochs, batch_size, *, rng):
        N = len(y)
        w = w0 if in_place else np.array(w0, dtype=np.float64)
        history = [_loss(w, X, y)]
        fixed = rng.permutation(N) if reuse else None
        for _ in range(n_epochs):
            perm = fixed if reuse else rng.permutation(N)
            stop = N - batch_size + 1 if drop_last else N
            for i in range(0, stop, batch_size):
                b = perm[i : i + batch_size]
                r = X[b] @ w - y[b]
                w -= lr * 2.0 * X[b].T @ r / (batch_size if divide_by_b else len(b))
                last = float(r @ r / len(b))
            history.append(last if batch_history else _loss(w, X, y))
        return w, np.array(history)

    return mgd


def _max_lr(*, two=True, numerator=2.0, mean=True, smallest=False):
    def f(X):
        H = (2.0 if two else 1.0) * X.T @ X / (len(X) if mean else 1)
        lam = np.linalg.eigvalsh(H)
        return float(numerator / (lam[0] if smallest else lam[-1]))

    return f


def _regime(*, two=True, smallest=False):
    def f(X, lr):
        lam = np.linalg.eigvalsh((2.0 if two else 1.0) * X.T @ X / len(X))
        c = lr * (lam[0] if smallest else lam[-1])
        if c <= 1.0:
            return "monotone"
        if c < 2.0:
            return "oscillating"
        return "divergent"

    return f


MISTAKES = [
    Mistake(
        "mse_loss_and_grad",
        "no 1/N: the loss is a mean, so the gradient is 2 Xᵀ(Xw − y) / N",
        _loss_grad(mean=False),
    ),
    Mistake(
        "mse_loss_and_grad",
        "the factor 2 is missing: d/dw (Xw − y)² brings down a 2, "
        "grad = 2 Xᵀ(Xw − y) / N",
        _loss_grad(two=False),
    ),
    Mistake(
        "mse_loss_and_grad",
        "the sign: the gradient is 2 Xᵀ(Xw − y) / N, residuals Xw − y, not y − Xw",
        _loss_grad(sign=-1.0),
    ),
    Mistake(
        "mse_loss_and_grad",
        "the loss is summed: it is the mean, np.mean((X @ w - y) ** 2)",
        _loss_grad(loss_sum=True),
    ),
    Mistake(
        "batch_gradient_descent",
        "w0 was changed in place: w = w0 is not a copy, so w -= ... writes into "
        "the caller's w0; start from w = w0.copy() or write w = w - lr * grad",
        _batch(in_place=True),
    ),
    Mistake(
        "batch_gradient_descent",
        "history misses the loss at w0: record it before the first step, so "
        "history has n_epochs + 1 entries",
        _batch(no_initial=True),
    ),
    Mistake(
        "batch_gradient_descent",
        "one step too many: take exactly n_epochs steps and record the loss after "
        "each (history[k] is the loss after k steps)",
        _batch_record_before,
    ),
    Mistake(
        "batch_gradient_descent",
        "no 1/N in the gradient: use the mean gradient 2 Xᵀ(Xw − y) / N",
        _batch(mean=False),
    ),
    Mistake(
        "minibatch_indices",
        "short last batch dropped: keep perm[k*B:] when B does not divide N",
        _indices_drop_last,
    ),
    Mistake(
        "minibatch_indices",
        "not shuffled: draw perm = rng.permutation(N) and cut perm, not np.arange(N)",
        _indices_unshuffled,
    ),
    Mistake(
        "minibatch_indices",
        "rng.choice(N, N, replace=False) draws another order than the one fixed: "
        "use rng.permutation(N)",
        _indices_choice,
    ),
    Mistake(
        "minibatch_indices",
        "np.array_split balances the sizes; batches are perm[j*B:(j+1)*B], all of "
        "size B but the last",
        _indices_array_split,
    ),
    Mistake(
        "minibatch_gradient_descent",
        "permutation reused: call minibatch_indices inside the epoch loop, once "
        "per epoch, so each epoch has a fresh shuffle",
        _minibatch(reuse=True),
    ),
    Mistake(
        "minibatch_gradient_descent",
        "short last batch dropped: step on every batch minibatch_indices returns",
        _minibatch(drop_last=True),
    ),
    Mistake(
        "minibatch_gradient_descent",
        "divided by batch_size: the last batch can be shorter, so take its mean "
        "gradient, mse_loss_and_grad(w, X[b], y[b])",
        _minibatch(divide_by_b=True),
    ),
    Mistake(
        "minibatch_gradient_descent",
        "history holds the last batch's loss: record the loss on all of X, y "
        "after each epoch",
        _minibatch(batch_history=True),
    ),
    Mistake(
        "minibatch_gradient_descent",
        "w0 was changed in place: w = w0 is not a copy; start from w = w0.copy() "
        "or write w = w - lr * grad",
        _minibatch(in_place=True),
    ),
    Mistake(
        "max_stable_lr",
        "the Hessian of the MSE is H = 2XᵀX/N, with the factor 2; you used XᵀX/N",
        _max_lr(two=False),
    ),
    Mistake(
        "max_stable_lr",
        "the bound is 2 / λmax (the factor 1 − η·λmax reaches −1 there), not 1 / λmax",
        _max_lr(numerator=1.0),
    ),
    Mistake(
        "max_stable_lr",
        "no 1/N: H = 2XᵀX/N is the Hessian of the mean loss",
        _max_lr(mean=False),
    ),
    Mistake(
        "max_stable_lr",
        "smallest eigenvalue taken: np.linalg.eigvalsh sorts ascending, λmax is the "
        "last, eigvalsh(H)[-1]",
        _max_lr(smallest=True),
    ),
    Mistake(
        "lr_regime",
        "the Hessian of the MSE is H = 2XᵀX/N, with the factor 2 (you used XᵀX/N, "
        "or compared lr with max_stable_lr(X) instead of max_stable_lr(X)/2): "
        "lr·λmax ≤ 1 is monotone, < 2 oscillating",
        _regime(two=False),
    ),
    Mistake(
        "lr_regime",
        "smallest eigenvalue taken: the largest one decides, and np.linalg.eigvalsh "
        "sorts ascending, so λmax = eigvalsh(H)[-1]",
        _regime(smallest=True),
    ),
]
