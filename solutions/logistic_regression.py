"""Reference implementation of lesson 03, logistic regression.

Goal: a binary classifier p(y = 1 | x) = σ(w₀ + wᵀx) trained by full-batch
gradient descent on the mean binary cross-entropy, and the metrics that judge it.

Legend: N samples, D features.

Simplified: a fixed learning rate and step count (no line search, no stopping
rule); the threshold is 0.5.
"""

import numpy as np


def sigmoid(z):
    """Logistic function 1 / (1 + e^(-z)), elementwise, without overflow.

    Shapes: z any shape -> same shape.
    """
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    # z ≥ 0: 1 / (1 + e^(-z));  z < 0: e^(z) / (1 + e^(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def bce_loss(y, p, eps=1e-12):
    """Mean binary cross-entropy, p clipped to [eps, 1 - eps].

    Shapes: y (N,) in {0, 1}, p (N,) -> float.
    """
    y = np.asarray(y, dtype=np.float64)
    p = np.clip(np.asarray(p, dtype=np.float64), eps, 1.0 - eps)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))


def bce_gradient(w, Xb, y, l2=0.0):
    """Gradient of mean BCE + (l2/2)·‖w[1:]‖²: Xbᵀ(p − y)/N + l2·[0, w[1:]].

    Shapes: w (D+1,), Xb (N, D+1) with column 0 all ones, y (N,) -> (D+1,).
    """
    w = np.asarray(w, dtype=np.float64)
    Xb = np.asarray(Xb, dtype=np.float64)
    z = Xb @ w  # (N,)
    e = np.exp(-np.abs(z))
    p = np.where(z >= 0, 1.0, e) / (1.0 + e)  # σ(z), (N,)
    penalty = l2 * np.concatenate([[0.0], w[1:]])  # bias unpenalised, (D+1,)
    return Xb.T @ (p - y) / len(y) + penalty  # (D+1,)


def fit_logistic(X, y, lr=0.1, n_iter=2000, l2=0.0):
    """n_iter full-batch gradient steps from w = 0 on raw X; w[0] is the bias.

    Shapes: X (N, D), y (N,) -> w (D+1,).
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    N = len(y)
    Xb = np.hstack([np.ones((N, 1)), X])  # (N, D+1)
    w = np.zeros(Xb.shape[1])  # (D+1,)
    for _ in range(n_iter):
        z = Xb @ w  # (N,)
        e = np.exp(-np.abs(z))
        p = np.where(z >= 0, 1.0, e) / (1.0 + e)  # σ(z), (N,)
        grad = Xb.T @ (p - y) / N + l2 * np.concatenate([[0.0], w[1:]])  # (D+1,)
        w = w - lr * grad
    return w


def confusion_matrix(y_true, y_pred):
    """Counts [[TN, FP], [FN, TP]]: rows the true class, columns the prediction.

    Shapes: y_true (N,), y_pred (N,) in {0, 1} -> (2, 2) int, always 2 × 2.
    """
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    M = np.zeros((2, 2), dtype=np.int64)
    for t in (0, 1):
        for q in (0, 1):
            M[t, q] = np.sum((y_true == t) & (y_pred == q))
    return M


def precision_recall_f1(y_true, y_pred):
    """(precision, recall, F1) of class 1; each is 0.0 where it would divide by 0.

    Shapes: y_true (N,), y_pred (N,) in {0, 1} -> tuple of 3 floats.
    """
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    tp = int(np.sum((y_true == 1) & (y_pred == 1)))
    fp = int(np.sum((y_true == 0) & (y_pred == 1)))
    fn = int(np.sum((y_true == 1) & (y_pred == 0)))
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    s = precision + recall
    f1 = 2 * precision * recall / s if s > 0 else 0.0
    return float(precision), float(recall), float(f1)
