"""Checks of lesson 07, support vector machines."""

import numpy as np

from autograder.checks import Check, Mistake

LINEAR_NAMES = ("w", "b")
SV_NAMES = ("on_margin", "at_bound")


def _blobs(rng, N, D, sep=4.0, offset=1.5):
    """Two Gaussian classes (N, D), sep apart along a random direction, labels ±1.

    The offset moves both away from the origin, so the bias matters.
    """
    y = np.where(np.arange(N) % 2 == 0, 1.0, -1.0)
    rng.shuffle(y)
    u = rng.normal(size=D)
    u /= np.linalg.norm(u)
    X = rng.normal(size=(N, D)) + (sep / 2 * y)[:, None] * u + offset
    return X, y


def _objective_inputs(rng, N, D, C, int_labels=False):
    X, y = _blobs(rng, N, D, sep=2.0)
    w, b = rng.normal(size=D), float(rng.normal())
    if int_labels:
        y = y.astype(np.int64)
    return {"w": w, "b": b, "X": X, "y": y, "C": C}


def _outside_margin(rng):
    """Every sample has y·f ≥ 2: the hinge is zero everywhere."""
    w, b = rng.normal(size=3), 0.5
    X = rng.normal(size=(12, 3))
    y = np.where(X @ w + b >= 0, 1.0, -1.0)
    X = X + (2.0 * y / (w @ w))[:, None] * w  # moves y·f up by 2
    return {"w": w, "b": b, "X": X, "y": y, "C": 3.0}


def _fit_inputs(rng, N, D, sep=2.0, offset=4.0):
    X, y = _blobs(rng, N, D, sep=sep, offset=offset)
    return {"X": X, "y": y}


def _primal(w, b, X, y, C):
    return 0.5 * w @ w + C * np.maximum(0.0, 1.0 - y * (X @ w + b)).sum()


def _judge_linear(C):
    """The primal objective within 1 % of the reference's, signs agreeing ≥ 97 %.

    Subgradient iterates wander near the optimum: a correct implementation that
    rounds differently may end on the other side of a sample or two.
    """

    def judge(got, expected, inputs):
        X, y = inputs["X"], inputs["y"]
        w, b = np.asarray(got[0], dtype=np.float64), float(got[1])
        w_ref, b_ref = np.asarray(expected[0]), float(expected[1])
        obj, obj_ref = _primal(w, b, X, y, C), _primal(w_ref, b_ref, X, y, C)
        if not obj <= 1.01 * obj_ref:
            return (
                f"svm_objective of (w, b) is {obj:.6g}; the reference reaches"
                f" {obj_ref:.6g} (tolerance +1 %)"
            )
        agree = np.mean(np.sign(X @ w + b) == np.sign(X @ w_ref + b_ref))
        if agree < 0.97:
            return (
                f"sign(X @ w + b) agrees with the reference on {agree:.0%}; need 97 %"
            )
        return None

    return judge


def _kernel_inputs(rng, N, D, gamma, C, sep=4.0):
    X, y = _blobs(rng, N, D, sep=sep)
    diff = X[:, None, :] - X[None, :, :]
    return {"K": np.exp(-gamma * np.sum(diff**2, axis=-1)), "y": y, "C": C}


def _dual(alpha, K, y):
    Q = np.outer(y, y) * (K + 1.0)
    return alpha.sum() - 0.5 * alpha @ Q @ alpha


def _dual_optimum(K, y, C, n_sweeps=3000):
    """The maximum of the dual, by coordinate ascent run to convergence."""
    Q = np.outer(y, y) * (K + 1.0)
    alpha = np.zeros(len(y))
    for _ in range(n_sweeps):
        before = alpha.copy()
        for i in range(len(y)):
            alpha[i] = min(max(alpha[i] + (1.0 - Q[i] @ alpha) / Q[i, i], 0.0), C)
        if np.abs(alpha - before).max() < 1e-13:
            break
    return _dual(alpha, K, y)


def _judge_dual(got, expected, inputs):
    """Box 0 ≤ α ≤ C, dual within 2 % of its optimum, signs agreeing ≥ 97 %."""
    K, y, C = inputs["K"], inputs["y"], inputs["C"]
    alpha = np.asarray(got, dtype=np.float64)
    if alpha.min() < -1e-12 or alpha.max() > C * (1 + 1e-12):
        return (
            f"alpha leaves the box [0, C] = [0, {C:g}]: min {alpha.min():.4g},"
            f" max {alpha.max():.4g}; clip every update to [0, C]"
        )
    value, best = _dual(alpha, K, y), _dual_optimum(K, y, C)
    if value < 0.98 * best:
        return (
            f"the dual objective Σα − ½αᵀQα is {value:.6g}; its maximum is"
            f" {best:.6g} (tolerance −2 %)"
        )
    f, f_ref = (K + 1.0) @ (alpha * y), (K + 1.0) @ (np.asarray(expected) * y)
    agree = np.mean(np.sign(f) == np.sign(f_ref))
    if agree < 0.97:
        return f"sign(decision_function) agrees with the reference on {agree:.0%}; need 97 %"
    return None


def _decision_inputs(rng, M, N, C=1.0):
    return {
        "K_test": rng.uniform(0.0, 1.0, size=(M, N)),
        "alpha": rng.uniform(0.0, C, size=N),
        "y": np.where(rng.uniform(size=N) < 0.5, -1.0, 1.0),
    }


CHECKS = [
    # svm_objective
    Check(
        "svm_objective.values",
        "svm_objective(w, b, X, y, C=0.5), X of shape (20, 3), y in {-1, +1}",
        inputs=lambda rng, ref: _objective_inputs(rng, 20, 3, 0.5),
        code="result = svm_objective(w, b, X, y, C)",
    ),
    Check(
        "svm_objective.int_labels",
        "svm_objective(w, b, X, y, C=2.0), X of shape (15, 2), int labels in {-1, +1}",
        inputs=lambda rng, ref: _objective_inputs(rng, 15, 2, 2.0, int_labels=True),
        code="result = svm_objective(w, b, X, y, C)",
        hidden=True,
    ),
    Check(
        "svm_objective.outside_margin",
        "svm_objective(w, b, X, y, C=3.0), X of shape (12, 3), every y·f ≥ 2",
        inputs=lambda rng, ref: _outside_margin(rng),
        code="result = svm_objective(w, b, X, y, C)",
        hidden=True,
    ),
    # fit_linear_svm
    Check(
        "fit_linear_svm.few_steps",
        "fit_linear_svm(X, y, C=1.0, n_iter=5), X of shape (40, 2)",
        inputs=lambda rng, ref: _fit_inputs(rng, 40, 2),
        code="result = fit_linear_svm(X, y, C=1.0, n_iter=5)",
        names=LINEAR_NAMES,
    ),
    Check(
        "fit_linear_svm.objective",
        "fit_linear_svm(X, y) with the defaults C=1.0, n_iter=3000, X of shape"
        " (100, 2); judged by svm_objective (within 1 % of the reference's) and"
        " by agreement of sign(X @ w + b) (≥ 97 %)",
        inputs=lambda rng, ref: _fit_inputs(rng, 100, 2),
        code="result = fit_linear_svm(X, y)",
        names=LINEAR_NAMES,
        judge=_judge_linear(1.0),
        hidden=True,
    ),
    Check(
        "fit_linear_svm.small_C",
        "fit_linear_svm(X, y, C=0.1, n_iter=2000), X of shape (80, 3); judged by"
        " svm_objective (within 1 %) and sign agreement (≥ 97 %)",
        inputs=lambda rng, ref: _fit_inputs(rng, 80, 3, sep=3.0),
        code="result = fit_linear_svm(X, y, C=0.1, n_iter=2000)",
        names=LINEAR_NAMES,
        judge=_judge_linear(0.1),
        hidden=True,
    ),
    Check(
        "fit_linear_svm.one_feature",
        "fit_linear_svm(X, y, C=2.0, n_iter=3), X of shape (25, 1), int labels",
        inputs=lambda rng, ref: {
            "X": _blobs(rng, 25, 1)[0],
            "y": np.where(np.arange(25) % 3 == 0, -1, 1),
        },
        code="result = fit_linear_svm(X, y, C=2.0, n_iter=3)",
        names=LINEAR_NAMES,
        hidden=True,
    ),
    # rbf_kernel
    Check(
        "rbf_kernel.values",
        "rbf_kernel(A, B, gamma=0.5), A of shape (5, 3), B of shape (4, 3)",
        inputs=lambda rng, ref: {
            "A": rng.normal(size=(5, 3)),
            "B": rng.normal(size=(4, 3)),
        },
        code="result = rbf_kernel(A, B, 0.5)",
    ),
    Check(
        "rbf_kernel.same_points",
        "rbf_kernel(A, A, gamma=2.0), A of shape (6, 2)",
        inputs=lambda rng, ref: {"A": rng.normal(size=(6, 2))},
        code="result = rbf_kernel(A, A, 2.0)",
        hidden=True,
    ),
    Check(
        "rbf_kernel.one_feature",
        "rbf_kernel(A, B, gamma=0.1), A of shape (3, 1), B of shape (7, 1)",
        inputs=lambda rng, ref: {
            "A": rng.normal(0.0, 3.0, size=(3, 1)),
            "B": rng.normal(0.0, 3.0, size=(7, 1)),
        },
        code="result = rbf_kernel(A, B, 0.1)",
        hidden=True,
    ),
    # polynomial_kernel
    Check(
        "polynomial_kernel.values",
        "polynomial_kernel(A, B) with the defaults degree=3, gamma=1.0, coef0=1.0,"
        " A of shape (5, 3), B of shape (4, 3)",
        inputs=lambda rng, ref: {
            "A": rng.normal(size=(5, 3)),
            "B": rng.normal(size=(4, 3)),
        },
        code="result = polynomial_kernel(A, B)",
    ),
    Check(
        "polynomial_kernel.arguments",
        "polynomial_kernel(A, B, degree=2, gamma=0.5, coef0=0.0),"
        " A of shape (4, 2), B of shape (6, 2)",
        inputs=lambda rng, ref: {
            "A": rng.normal(size=(4, 2)),
            "B": rng.normal(size=(6, 2)),
        },
        code="result = polynomial_kernel(A, B, degree=2, gamma=0.5, coef0=0.0)",
        hidden=True,
    ),
    Check(
        "polynomial_kernel.coef0",
        "polynomial_kernel(A, B, degree=4, gamma=0.2, coef0=2.0),"
        " A of shape (3, 5), B of shape (3, 5)",
        inputs=lambda rng, ref: {
            "A": rng.normal(size=(3, 5)),
            "B": rng.normal(size=(3, 5)),
        },
        code="result = polynomial_kernel(A, B, degree=4, gamma=0.2, coef0=2.0)",
        hidden=True,
    ),
    # fit_kernel_svm
    Check(
        "fit_kernel_svm.few_sweeps",
        "fit_kernel_svm(K, y, C=0.5, n_sweeps=5), K = rbf_kernel(X, X, 0.5) of"
        " shape (30, 30)",
        inputs=lambda rng, ref: _kernel_inputs(rng, 30, 2, 0.5, 0.5),
        code="result = fit_kernel_svm(K, y, C=C, n_sweeps=5)",
    ),
    Check(
        "fit_kernel_svm.dual",
        "fit_kernel_svm(K, y) with the defaults C=1.0, n_sweeps=30, K of shape"
        " (40, 40); judged by the box 0 ≤ α ≤ C, the dual objective (within 2 %"
        " of its maximum) and sign agreement (≥ 97 %)",
        inputs=lambda rng, ref: _kernel_inputs(rng, 40, 2, 0.5, 1.0),
        code="result = fit_kernel_svm(K, y)",
        judge=_judge_dual,
        hidden=True,
    ),
    Check(
        "fit_kernel_svm.small_C",
        "fit_kernel_svm(K, y, C=0.05), K of shape (36, 36); judged by the box,"
        " the dual objective (within 2 %) and sign agreement (≥ 97 %)",
        inputs=lambda rng, ref: _kernel_inputs(rng, 36, 3, 0.3, 0.05, sep=3.0),
        code="result = fit_kernel_svm(K, y, C=C)",
        judge=_judge_dual,
        hidden=True,
    ),
    # decision_function
    Check(
        "decision_function.values",
        "decision_function(K_test, alpha, y), K_test of shape (6, 10)",
        inputs=lambda rng, ref: _decision_inputs(rng, 6, 10),
        code="result = decision_function(K_test, alpha, y)",
    ),
    Check(
        "decision_function.one_test_point",
        "decision_function(K_test, alpha, y), K_test of shape (1, 8), int labels",
        inputs=lambda rng, ref: {
            **_decision_inputs(rng, 1, 8, C=3.0),
            "y": np.array([1, -1, -1, 1, 1, -1, 1, -1]),
        },
        code="result = decision_function(K_test, alpha, y)",
        hidden=True,
    ),
    # support_vectors
    Check(
        "support_vectors.values",
        "support_vectors(alpha, C=1.0), alpha = [0, 0.3, 1, 5e-7, 0.9999995, 0.7,"
        " 0, 1, 2e-6, 0.5]",
        inputs=lambda rng, ref: {
            "alpha": np.array([0, 0.3, 1, 5e-7, 0.9999995, 0.7, 0, 1, 2e-6, 0.5])
        },
        code="result = support_vectors(alpha, 1.0)",
        names=SV_NAMES,
    ),
    Check(
        "support_vectors.empty",
        "support_vectors(alpha, C=2.0), alpha all zero: both index arrays empty",
        inputs=lambda rng, ref: {"alpha": np.zeros(5)},
        code="result = support_vectors(alpha, 2.0)",
        names=SV_NAMES,
    ),
    Check(
        "support_vectors.boundaries",
        "support_vectors(alpha, C=2.0, tol=0.25), alpha = [0.25, 1.75, 0.5, 2, 0,"
        " 1.5, 0.125, 1.875] (exactly tol and C − tol included)",
        inputs=lambda rng, ref: {
            "alpha": np.array([0.25, 1.75, 0.5, 2.0, 0.0, 1.5, 0.125, 1.875])
        },
        code="result = support_vectors(alpha, 2.0, tol=0.25)",
        names=SV_NAMES,
        hidden=True,
    ),
    # margin_width
    Check(
        "margin_width.values",
        "margin_width(w), w of shape (3,)",
        inputs=lambda rng, ref: {"w": rng.normal(size=3)},
        code="result = margin_width(w)",
    ),
    Check(
        "margin_width.one_feature",
        "margin_width(w), w = [-0.4]",
        inputs=lambda rng, ref: {"w": np.array([-0.4])},
        code="result = margin_width(w)",
        hidden=True,
    ),
]


# Mutants: the reference with one known mistake each.
def _obj(*, mean=False, penalise_b=False, labels01=False, half=0.5, hinge="max"):
    def svm_objective(w, b, X, y, C):
        y = 2 * y - 1 if labels01 else y
        slack = 1.0 - y * (X @ w + b)
        if hinge == "max":
            loss = np.maximum(0.0, slack)
        elif hinge == "squared":
            loss = np.maximum(0.0, slack) ** 2
        else:
            loss = slack
        total = loss.mean() if mean else loss.sum()
        return float(half * (w @ w + (b * b if penalise_b else 0.0)) + C * total)

    return svm_objective


def _fitter(*, penalise_b=False, labels01=False, step="5/(N√t)", no_w=False, extra=0):
    def fit_linear_svm(X, y, C=1.0, n_iter=3000):
        y = 2 * y - 1 if labels01 else y
        N, D = X.shape
        w, b = np.zeros(D), 0.0
        for t in range(1, n_iter + 1 + extra):
            active = y * (X @ w + b) < 1.0
            grad_w = (0.0 if no_w else w) - C * (y[active] @ X[active])
            grad_b = (b if penalise_b else 0.0) - C * y[active].sum()
            eta = {
                "5/(N√t)": 5.0 / (N * np.sqrt(t)),
                "5/√t": 5.0 / np.sqrt(t),
                "5/N": 5.0 / N,
                "t+1": 5.0 / (N * np.sqrt(t + 1)),
            }[step]
            w, b = w - eta * grad_w, b - eta * grad_b
        return w, float(b)

    return fit_linear_svm


def _rbf_unsquared(A, B, gamma):
    d = np.sqrt(np.sum((A[:, None, :] - B[None, :, :]) ** 2, axis=-1))
    return np.exp(-gamma * d)


def _rbf_divided(A, B, gamma):
    return np.exp(-np.sum((A[:, None, :] - B[None, :, :]) ** 2, axis=-1) / gamma)


def _rbf_no_minus(A, B, gamma):
    return np.exp(gamma * np.sum((A[:, None, :] - B[None, :, :]) ** 2, axis=-1))


def _poly_gamma_outside(A, B, degree=3, gamma=1.0, coef0=1.0):
    return gamma * (A @ B.T + coef0) ** degree


def _poly_no_coef0(A, B, degree=3, gamma=1.0, coef0=1.0):
    return (gamma * (A @ B.T)) ** degree


def _poly_elementwise_gamma_coef0(A, B, degree=3, gamma=1.0, coef0=1.0):
    return (gamma * (A @ B.T + coef0)) ** degree


def _ascent(*, plus_one=True, labels=True, upper=True, labels01=False, jacobi=False):
    def fit_kernel_svm(K, y, C=1.0, n_sweeps=30):
        y = 2 * y - 1 if labels01 else y
        G = K + 1.0 if plus_one else K
        Q = np.outer(y, y) * G if labels else G
        alpha = np.zeros(len(y))
        high = C if upper else np.inf
        for _ in range(n_sweeps):
            if jacobi:
                alpha = np.clip(alpha + (1.0 - Q @ alpha) / np.diag(Q), 0.0, high)
                continue
            for i in range(len(y)):
                alpha[i] = np.clip(alpha[i] + (1.0 - Q[i] @ alpha) / Q[i, i], 0.0, high)
        return alpha

    return fit_kernel_svm


def _decision_no_plus_one(K_test, alpha, y):
    return K_test @ (alpha * y)


def _decision_no_labels(K_test, alpha, y):
    return (K_test + 1.0) @ alpha


def _decision_plus_sum(K_test, alpha, y):
    return K_test @ (alpha * y) + 1.0


def _sv(*, margin_includes_bound=False, strict_bound=False, masks=False):
    def support_vectors(alpha, C, tol=1e-6):
        high = alpha > C - tol if strict_bound else alpha >= C - tol
        low = alpha > tol
        margin = low if margin_includes_bound else low & (alpha < C - tol)
        if masks:
            return margin, high
        return np.flatnonzero(margin), np.flatnonzero(high)

    return support_vectors


def _margin_one(w):
    return float(1.0 / np.linalg.norm(w))


def _margin_squared(w):
    return float(2.0 / (w @ w))


def _margin_sum(w):
    return float(2.0 / np.abs(w).sum())


MISTAKES = [
    Mistake(
        "svm_objective",
        "the hinge terms are summed, not averaged: C·Σᵢ max(0, 1 − yᵢfᵢ)",
        _obj(mean=True),
    ),
    Mistake(
        "svm_objective",
        "bias regularised: the penalty is ½‖w‖² only; b is not penalised",
        _obj(penalise_b=True),
    ),
    Mistake(
        "svm_objective",
        "labels converted as if in {0, 1}: y is already in {-1, +1}, so use it as"
        " given (2y − 1 turns −1 into −3)",
        _obj(labels01=True),
    ),
    Mistake("svm_objective", "the penalty is ½‖w‖², not ‖w‖²", _obj(half=1.0)),
    Mistake(
        "svm_objective",
        "the hinge is max(0, 1 − yᵢfᵢ): a sample beyond the margin costs 0, not a"
        " negative amount; use np.maximum(0, ...)",
        _obj(hinge="none"),
    ),
    Mistake(
        "svm_objective",
        "squared hinge: the SVM loss is max(0, 1 − yᵢfᵢ), not its square",
        _obj(hinge="squared"),
    ),
    Mistake(
        "fit_linear_svm",
        "bias regularised: the bias subgradient is −C·Σ_active yᵢ, without a b term",
        _fitter(penalise_b=True),
    ),
    Mistake(
        "fit_linear_svm",
        "labels converted as if in {0, 1}: y is already in {-1, +1}; use it as given",
        _fitter(labels01=True),
    ),
    Mistake(
        "fit_linear_svm",
        "step size without N: the step at t is 5/(N·√t)",
        _fitter(step="5/√t"),
    ),
    Mistake(
        "fit_linear_svm",
        "constant step: the step at t is 5/(N·√t), shrinking with √t",
        _fitter(step="5/N"),
    ),
    Mistake(
        "fit_linear_svm",
        "t counts from 1: the first step is 5/(N·√1), for t in range(1, n_iter + 1)",
        _fitter(step="t+1"),
    ),
    Mistake(
        "fit_linear_svm",
        "one step too few: take exactly n_iter steps, t = 1..n_iter, i.e."
        " for t in range(1, n_iter + 1)",
        _fitter(extra=-1),
    ),
    Mistake(
        "fit_linear_svm",
        "the subgradient of ½‖w‖² is w: grad_w = w − C·Σ_active yᵢxᵢ",
        _fitter(no_w=True),
    ),
    Mistake(
        "rbf_kernel",
        "unsquared distance: the RBF kernel is exp(−γ‖a − b‖²), with the squared"
        " distance",
        _rbf_unsquared,
    ),
    Mistake(
        "rbf_kernel",
        "γ multiplies the squared distance: exp(−γ‖a − b‖²), not exp(−‖a − b‖²/γ)",
        _rbf_divided,
    ),
    Mistake(
        "rbf_kernel",
        "the sign: exp(−γ‖a − b‖²) is at most 1 and falls with distance",
        _rbf_no_minus,
    ),
    Mistake(
        "polynomial_kernel",
        "γ scales the dot product inside the power: (γ·a·b + coef0)^degree",
        _poly_gamma_outside,
    ),
    Mistake(
        "polynomial_kernel",
        "coef0 ignored: the kernel is (γ·a·b + coef0)^degree",
        _poly_no_coef0,
    ),
    Mistake(
        "polynomial_kernel",
        "γ multiplies only the dot product: (γ·a·b + coef0)^degree, not"
        " (γ·(a·b + coef0))^degree",
        _poly_elementwise_gamma_coef0,
    ),
    Mistake(
        "fit_kernel_svm",
        "no bias: the dual runs on K + 1 (Q = yyᵀ ⊙ (K + 1)); the +1 carries the bias",
        _ascent(plus_one=False),
    ),
    Mistake(
        "fit_kernel_svm",
        "labels missing from Q: Q = yyᵀ ⊙ (K + 1), i.e. Q[i, j] = yᵢyⱼ(Kᵢⱼ + 1)",
        _ascent(labels=False),
    ),
    Mistake(
        "fit_kernel_svm",
        "no upper bound: clip each αᵢ to the box [0, C], np.clip(..., 0, C)",
        _ascent(upper=False),
    ),
    Mistake(
        "fit_kernel_svm",
        "labels converted as if in {0, 1}: y is already in {-1, +1}; use it as given",
        _ascent(labels01=True),
    ),
    Mistake(
        "fit_kernel_svm",
        "all coordinates updated at once from the old α: coordinate ascent updates"
        " αᵢ one at a time, i = 0..N−1, each using the α just updated",
        _ascent(jacobi=True),
    ),
    Mistake(
        "decision_function",
        "no bias: f = (K_test + 1) @ (α ⊙ y); the +1 carries the bias",
        _decision_no_plus_one,
    ),
    Mistake(
        "decision_function",
        "labels missing: f = (K_test + 1) @ (α ⊙ y), each αⱼ times its label yⱼ",
        _decision_no_labels,
    ),
    Mistake(
        "decision_function",
        "the +1 goes inside the sum, on every kernel entry: (K_test + 1) @ (α ⊙ y),"
        " not K_test @ (α ⊙ y) + 1",
        _decision_plus_sum,
    ),
    Mistake(
        "support_vectors",
        "on_margin excludes the bound: tol < α < C − tol; α ≥ C − tol is at_bound",
        _sv(margin_includes_bound=True),
    ),
    Mistake(
        "support_vectors",
        "at_bound includes C − tol itself: α ≥ C − tol, not α > C − tol",
        _sv(strict_bound=True),
    ),
    Mistake(
        "support_vectors",
        "boolean masks returned: return sorted index arrays, e.g. np.flatnonzero(mask)",
        _sv(masks=True),
    ),
    Mistake(
        "margin_width",
        "the margin is the distance between w·x + b = −1 and +1: 2/‖w‖, not 1/‖w‖",
        _margin_one,
    ),
    Mistake(
        "margin_width",
        "the norm is not squared: 2/‖w‖ with ‖w‖ = √(w·w)",
        _margin_squared,
    ),
    Mistake(
        "margin_width",
        "‖w‖ is the Euclidean norm √(Σ wⱼ²), not Σ|wⱼ|: use np.linalg.norm(w)",
        _margin_sum,
    ),
]
