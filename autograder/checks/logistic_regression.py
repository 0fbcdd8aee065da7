"""Checks of lesson 03, logistic regression."""

import numpy as np

from autograder.checks import Check, Mistake

# sigmoid at ±1000, with the RuntimeWarnings it raised counted
SIGMOID_EXTREME = """
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    p = sigmoid(z)
result = (p, sum(issubclass(w.category, RuntimeWarning) for w in caught))
"""


def _labels(rng, tn, fp, fn, tp):
    """Shuffled (y_true, y_pred) int arrays with exactly these counts."""
    y_true = np.array([0] * (tn + fp) + [1] * (fn + tp))
    y_pred = np.array([0] * tn + [1] * fp + [0] * fn + [1] * tp)
    order = rng.permutation(len(y_true))
    return {"y_true": y_true[order], "y_pred": y_pred[order]}


def _classification(rng, N, D):
    """Raw X (N, D) and overlapping 0/1 labels (not separable)."""
    X = rng.normal(1.0, 2.0, size=(N, D))
    logits = 0.3 + (X - 1.0) @ rng.normal(size=D) + rng.normal(size=N)
    return X, (logits > 0).astype(np.int64)


def _gradient_inputs(rng, N, D, l2):
    X, y = _classification(rng, N, D)
    Xb = np.hstack([np.ones((N, 1)), X])
    return {"w": rng.normal(size=D + 1), "Xb": Xb, "y": y.astype(np.float64), "l2": l2}


def _fit_inputs(rng, N, D, **kwargs):
    X, y = _classification(rng, N, D)
    return {"X": X, "y": y, **kwargs}


CHECKS = [
    # sigmoid
    Check(
        "sigmoid.values",
        "sigmoid(z), z of shape (4, 5) with entries in about [-9, 9]",
        inputs=lambda rng, ref: {"z": rng.normal(0.0, 3.0, size=(4, 5))},
        code="result = sigmoid(z)",
    ),
    Check(
        "sigmoid.extreme",
        "sigmoid(z) at z = [-1000, -50, -1, 0, 1, 50, 1000], "
        "with the RuntimeWarnings it raised counted",
        inputs=lambda rng, ref: {
            "z": np.array([-1e3, -50.0, -1.0, 0.0, 1.0, 50.0, 1e3])
        },
        code=SIGMOID_EXTREME,
        names=("p", "runtime_warnings"),
    ),
    Check(
        "sigmoid.wide_range",
        "sigmoid(z), z = np.linspace(-40, 40, 33).reshape(3, 11)",
        inputs=lambda rng, ref: {"z": np.linspace(-40.0, 40.0, 33).reshape(3, 11)},
        code="result = sigmoid(z)",
        hidden=True,
    ),
    # bce_loss
    Check(
        "bce_loss.values",
        "bce_loss(y, p), 20 labels and probabilities in [0.05, 0.95]",
        inputs=lambda rng, ref: {
            "y": rng.integers(0, 2, size=20).astype(np.float64),
            "p": rng.uniform(0.05, 0.95, size=20),
        },
        code="result = bce_loss(y, p)",
    ),
    Check(
        "bce_loss.exact_probabilities",
        "bce_loss(y, p), y = [0, 1, 0, 1, 1, 0], p = [0, 1, 1, 0, 0.5, 0.3]",
        inputs=lambda rng, ref: {
            "y": np.array([0.0, 1.0, 0.0, 1.0, 1.0, 0.0]),
            "p": np.array([0.0, 1.0, 1.0, 0.0, 0.5, 0.3]),
        },
        code="result = bce_loss(y, p)",
        # log(1 - (1 - eps)) is log(1.0000889e-12) in float64: log(1 - p) and
        # np.log1p(-p) differ by 3e-6 relative
        rtol=1e-5,
    ),
    Check(
        "bce_loss.eps",
        "bce_loss(y, p, eps=0.01), 14 probabilities in [0, 1], 0 and 1 included, "
        "some beyond the clip",
        inputs=lambda rng, ref: {
            "y": rng.integers(0, 2, size=14).astype(np.float64),
            "p": np.concatenate(
                [
                    [0.0, 1.0],
                    rng.uniform(0.0, 0.01, 4),
                    rng.uniform(0.99, 1.0, 4),
                    rng.uniform(size=4),
                ]
            ),
        },
        code="result = bce_loss(y, p, eps=0.01)",
        hidden=True,
    ),
    # bce_gradient
    Check(
        "bce_gradient.values",
        "bce_gradient(w, Xb, y), Xb of shape (30, 4) with column 0 all ones",
        inputs=lambda rng, ref: _gradient_inputs(rng, 30, 3, 0.0),
        code="result = bce_gradient(w, Xb, y)",
    ),
    Check(
        "bce_gradient.l2",
        "bce_gradient(w, Xb, y, l2=0.3), Xb of shape (30, 4)",
        inputs=lambda rng, ref: _gradient_inputs(rng, 30, 3, 0.3),
        code="result = bce_gradient(w, Xb, y, l2=l2)",
    ),
    Check(
        "bce_gradient.one_feature",
        "bce_gradient(w, Xb, y, l2=0.05), Xb of shape (7, 2), int labels",
        inputs=lambda rng, ref: {
            **_gradient_inputs(rng, 7, 1, 0.05),
            "y": np.array([0, 1, 1, 0, 1, 0, 0]),
        },
        code="result = bce_gradient(w, Xb, y, l2=l2)",
        hidden=True,
    ),
    # fit_logistic
    Check(
        "fit_logistic.values",
        "fit_logistic(X, y), X of shape (40, 3), defaults lr=0.1, n_iter=2000",
        inputs=lambda rng, ref: _fit_inputs(rng, 40, 3),
        code="result = fit_logistic(X, y)",
    ),
    Check(
        "fit_logistic.l2",
        "fit_logistic(X, y, lr=0.5, n_iter=300, l2=0.1), X of shape (50, 4)",
        inputs=lambda rng, ref: _fit_inputs(rng, 50, 4),
        code="result = fit_logistic(X, y, lr=0.5, n_iter=300, l2=0.1)",
        hidden=True,
    ),
    Check(
        "fit_logistic.few_steps",
        "fit_logistic(X, y, lr=1.0, n_iter=3), X of shape (25, 1)",
        inputs=lambda rng, ref: _fit_inputs(rng, 25, 1),
        code="result = fit_logistic(X, y, lr=1.0, n_iter=3)",
        hidden=True,
    ),
    # confusion_matrix
    Check(
        "confusion_matrix.values",
        "confusion_matrix(y_true, y_pred), 24 labels: TN 7, FP 3, FN 5, TP 9",
        inputs=lambda rng, ref: _labels(rng, 7, 3, 5, 9),
        code="result = confusion_matrix(y_true, y_pred)",
    ),
    Check(
        "confusion_matrix.random",
        "confusion_matrix(y_true, y_pred), 50 random labels",
        inputs=lambda rng, ref: {
            "y_true": rng.integers(0, 2, size=50),
            "y_pred": rng.integers(0, 2, size=50),
        },
        code="result = confusion_matrix(y_true, y_pred)",
        hidden=True,
    ),
    Check(
        "confusion_matrix.one_class",
        "confusion_matrix(y_true, y_pred), y_true all 1 and y_pred all 0",
        inputs=lambda rng, ref: {
            "y_true": np.ones(6, dtype=np.int64),
            "y_pred": np.zeros(6, dtype=np.int64),
        },
        code="result = confusion_matrix(y_true, y_pred)",
        hidden=True,
    ),
    # precision_recall_f1
    Check(
        "precision_recall_f1.values",
        "precision_recall_f1(y_true, y_pred), 24 labels: TN 7, FP 3, FN 5, TP 9",
        inputs=lambda rng, ref: _labels(rng, 7, 3, 5, 9),
        code="result = precision_recall_f1(y_true, y_pred)",
        names=("precision", "recall", "f1"),
    ),
    Check(
        "precision_recall_f1.no_predicted_positive",
        "precision_recall_f1(y_true, y_pred), y_pred all 0: TN 4, FN 3",
        inputs=lambda rng, ref: _labels(rng, 4, 0, 3, 0),
        code="result = precision_recall_f1(y_true, y_pred)",
        names=("precision", "recall", "f1"),
        hidden=True,
    ),
    Check(
        "precision_recall_f1.no_true_positive",
        "precision_recall_f1(y_true, y_pred), y_true all 0: TN 5, FP 2",
        inputs=lambda rng, ref: _labels(rng, 5, 2, 0, 0),
        code="result = precision_recall_f1(y_true, y_pred)",
        names=("precision", "recall", "f1"),
        hidden=True,
    ),
    Check(
        "precision_recall_f1.perfect",
        "precision_recall_f1(y_true, y_pred), y_pred == y_true: TN 6, TP 4",
        inputs=lambda rng, ref: _labels(rng, 6, 0, 0, 4),
        code="result = precision_recall_f1(y_true, y_pred)",
        names=("precision", "recall", "f1"),
        hidden=True,
    ),
]


# Mutants: the reference with one known mistake each.
def _sigmoid_naive(z):
    return 1.0 / (1.0 + np.exp(-z))


def _sigmoid_where_both(z):
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))


def _sigmoid_ratio(z):
    return np.exp(z) / (1.0 + np.exp(z))


def _bce_unclipped(y, p, eps=1e-12):
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))


def _bce_fixed_eps(y, p, eps=1e-12):
    p = np.clip(p, 1e-12, 1.0 - 1e-12)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))


def _bce_sum(y, p, eps=1e-12):
    p = np.clip(p, eps, 1.0 - eps)
    return float(-np.sum(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))


def _bce_no_minus(y, p, eps=1e-12):
    p = np.clip(p, eps, 1.0 - eps)
    return float(np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))


def _penalty(w, l2):
    return l2 * np.concatenate([[0.0], w[1:]])


def _grad_not_mean(w, Xb, y, l2=0.0):
    p = 1.0 / (1.0 + np.exp(-(Xb @ w)))
    return Xb.T @ (p - y) + _penalty(w, l2)


def _grad_bias_penalised(w, Xb, y, l2=0.0):
    p = 1.0 / (1.0 + np.exp(-(Xb @ w)))
    return Xb.T @ (p - y) / len(y) + l2 * w


def _grad_sign(w, Xb, y, l2=0.0):
    p = 1.0 / (1.0 + np.exp(-(Xb @ w)))
    return Xb.T @ (y - p) / len(y) + _penalty(w, l2)


def _grad_double_penalty(w, Xb, y, l2=0.0):
    p = 1.0 / (1.0 + np.exp(-(Xb @ w)))
    return Xb.T @ (p - y) / len(y) + 2.0 * _penalty(w, l2)


def _fitter(*, bias_first=True, mean=True, penalise_bias=False, sign=1.0, extra=0):
    def fit(X, y, lr=0.1, n_iter=2000, l2=0.0):
        ones = np.ones((len(y), 1))
        Xb = np.hstack([ones, X] if bias_first else [X, ones])
        w = np.zeros(Xb.shape[1])
        for _ in range(n_iter + extra):
            p = 1.0 / (1.0 + np.exp(-(Xb @ w)))
            grad = Xb.T @ (p - y) / (len(y) if mean else 1.0)
            grad = grad + (l2 * w if penalise_bias else _penalty(w, l2))
            w = w - sign * lr * grad
        return w

    return fit


def _fit_no_bias(X, y, lr=0.1, n_iter=2000, l2=0.0):
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        p = 1.0 / (1.0 + np.exp(-(X @ w)))
        w = w - lr * (X.T @ (p - y) / len(y) + l2 * w)
    return w


def _counts(y_true, y_pred):
    tn = np.sum((y_true == 0) & (y_pred == 0))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    tp = np.sum((y_true == 1) & (y_pred == 1))
    return int(tn), int(fp), int(fn), int(tp)


def _cm_transposed(y_true, y_pred):
    tn, fp, fn, tp = _counts(y_true, y_pred)
    return np.array([[tn, fn], [fp, tp]])


def _cm_positive_first(y_true, y_pred):
    tn, fp, fn, tp = _counts(y_true, y_pred)
    return np.array([[tp, fn], [fp, tn]])


def _cm_float(y_true, y_pred):
    tn, fp, fn, tp = _counts(y_true, y_pred)
    return np.array([[tn, fp], [fn, tp]], dtype=np.float64)


def _prf(y_true, y_pred, *, swap=False, f1_mean=False, nan=False):
    _, fp, fn, tp = _counts(y_true, y_pred)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.float64(tp) / (tp + fp)
        r = np.float64(tp) / (tp + fn)
        f1 = (p + r) / 2 if f1_mean else 2 * p * r / (p + r)
    if not nan:
        p, r, f1 = (0.0 if np.isnan(v) else float(v) for v in (p, r, f1))
    return (r, p, f1) if swap else (float(p), float(r), float(f1))


def _prf_swapped(y_true, y_pred):
    return _prf(y_true, y_pred, swap=True)


def _prf_f1_mean(y_true, y_pred):
    return _prf(y_true, y_pred, f1_mean=True)


def _prf_nan(y_true, y_pred):
    return _prf(y_true, y_pred, nan=True)


MISTAKES = [
    Mistake(
        "sigmoid",
        "1 / (1 + np.exp(-z)) overflows in np.exp for z ≪ 0; use e = np.exp(-|z|), "
        "which is at most 1, for both signs: σ = 1/(1 + e) for z ≥ 0, e/(1 + e) below",
        _sigmoid_naive,
    ),
    Mistake(
        "sigmoid",
        "np.where evaluates both branches, so np.exp overflows in the branch it "
        "discards; compute the exponential of -|z| once and build both branches from it",
        _sigmoid_where_both,
    ),
    Mistake(
        "sigmoid",
        "np.exp(z) / (1 + np.exp(z)) is inf/inf = nan for large z; use "
        "e = np.exp(-|z|): σ = 1/(1 + e) for z ≥ 0, e/(1 + e) below",
        _sigmoid_ratio,
    ),
    Mistake(
        "bce_loss",
        "log(0): clip p to [eps, 1 - eps] with np.clip before taking logs",
        _bce_unclipped,
    ),
    Mistake(
        "bce_loss",
        "eps ignored: clip with the eps argument, np.clip(p, eps, 1 - eps)",
        _bce_fixed_eps,
    ),
    Mistake("bce_loss", "summed the losses; the loss is the mean over N", _bce_sum),
    Mistake(
        "bce_loss",
        "the sign: log p ≤ 0, so the loss is -mean(y log p + (1 - y) log(1 - p))",
        _bce_no_minus,
    ),
    Mistake(
        "bce_gradient",
        "gradient not ÷ N: the loss is a mean, so its gradient is Xbᵀ(p - y) / N",
        _grad_not_mean,
    ),
    Mistake(
        "bce_gradient",
        "bias penalised: the L2 term is l2·[0, w[1:]], w[0] is not penalised",
        _grad_bias_penalised,
    ),
    Mistake(
        "bce_gradient",
        "the sign: the gradient of the loss is Xbᵀ(p - y) / N, not (y - p)",
        _grad_sign,
    ),
    Mistake(
        "bce_gradient",
        "the penalty is (l2/2)·‖w[1:]‖², so its gradient is l2·w[1:], not 2·l2·w[1:]",
        _grad_double_penalty,
    ),
    Mistake(
        "fit_logistic",
        "gradient not ÷ N: each step uses Xbᵀ(p - y) / N",
        _fitter(mean=False),
    ),
    Mistake(
        "fit_logistic",
        "bias penalised: the L2 term is l2·[0, w[1:]], w[0] is not penalised",
        _fitter(penalise_bias=True),
    ),
    Mistake(
        "fit_logistic",
        "the ones column goes first, so w[0] is the bias: np.hstack([ones, X])",
        _fitter(bias_first=False),
    ),
    Mistake(
        "fit_logistic",
        "gradient ascent: a descent step subtracts, w ← w - lr·∇",
        _fitter(sign=-1.0),
    ),
    Mistake(
        "fit_logistic",
        "one step too many: run exactly n_iter steps, for _ in range(n_iter)",
        _fitter(extra=1),
    ),
    Mistake(
        "fit_logistic",
        "one step too few: run exactly n_iter steps, for _ in range(n_iter)",
        _fitter(extra=-1),
    ),
    Mistake(
        "fit_logistic",
        "no bias column: add the ones inside, Xb = np.hstack([ones, X]); "
        "w has D+1 entries",
        _fit_no_bias,
    ),
    Mistake(
        "confusion_matrix",
        "matrix transposed: rows are the true class and columns the prediction, "
        "[[TN, FP], [FN, TP]]",
        _cm_transposed,
    ),
    Mistake(
        "confusion_matrix",
        "class 0 comes first: [[TN, FP], [FN, TP]], with TP at [1, 1]",
        _cm_positive_first,
    ),
    Mistake(
        "confusion_matrix",
        "the counts are float; return integers, e.g. np.zeros((2, 2), dtype=int)",
        _cm_float,
    ),
    Mistake(
        "precision_recall_f1",
        "precision and recall swapped: precision = TP/(TP + FP) (of the predicted "
        "positives), recall = TP/(TP + FN) (of the true positives)",
        _prf_swapped,
    ),
    Mistake(
        "precision_recall_f1",
        "F1 is the harmonic mean 2·p·r/(p + r), not the arithmetic mean",
        _prf_f1_mean,
    ),
    Mistake(
        "precision_recall_f1",
        "0/0 gave nan: return 0.0 where a denominator is zero",
        _prf_nan,
    ),
]
