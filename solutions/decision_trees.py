"""Reference implementation of lesson 06, decision trees.

Goal: a classification tree grown greedily (CART): impurity, the information
gain of a split, the best axis-aligned split, the tree itself with
scikit-learn's pre-pruning rules, and reduced-error post-pruning.

Legend: N samples, D features, K classes.

Simplified: numeric features only; every feature is searched at every node
(no random feature subsets); a node is a plain dict.
"""

import numpy as np


def gini(y, n_classes):
    """Gini impurity 1 − Σ_k p_k² of the labels y.

    Shapes: y (N,) int in [0, n_classes), N ≥ 1 -> float.
    """
    p = np.bincount(y, minlength=n_classes) / len(y)  # (K,)
    return float(1.0 - np.sum(p**2))


def entropy(y, n_classes):
    """Entropy −Σ_k p_k log2 p_k of the labels y in bits; 0·log 0 counts as 0.

    Shapes: y (N,) int in [0, n_classes), N ≥ 1 -> float.
    """
    p = np.bincount(y, minlength=n_classes) / len(y)  # (K,)
    p = p[p > 0]  # absent classes add nothing
    return float(-np.sum(p * np.log2(p)))


def information_gain(y, left_mask, n_classes, criterion="gini"):
    """Impurity of y minus the size-weighted impurity of its two children.

    Shapes: y (N,), left_mask (N,) bool -> float; 0.0 when a child is empty.
    """
    impurity = gini if criterion == "gini" else entropy
    y_left, y_right = y[left_mask], y[~left_mask]
    N, N_left, N_right = len(y), len(y_left), len(y_right)
    if N_left == 0 or N_right == 0:
        return 0.0
    children = N_left / N * impurity(y_left, n_classes) + N_right / N * impurity(
        y_right, n_classes
    )
    return float(impurity(y, n_classes) - children)


def best_split(X, y, n_classes, criterion="gini", min_samples_leaf=1):
    """The split x[:, feature] ≤ threshold of largest information gain.

    Thresholds are midpoints of consecutive distinct values; both children
    keep ≥ min_samples_leaf samples; ties go to the lowest feature, then the
    lowest threshold; a zero gain is still a split. None when no candidate.

    Shapes: X (N, D), y (N,) -> (feature int, threshold float, gain float) | None.
    """
    N, D = X.shape

    def impurity(counts):  # class counts (M, K) -> (M,)
        p = counts / counts.sum(axis=1, keepdims=True)
        if criterion == "gini":
            return 1.0 - np.sum(p**2, axis=1)
        logs = np.log2(np.where(p > 0, p, 1.0))  # 0·log 0 = 0
        return -np.sum(p * logs, axis=1)

    parent = impurity(np.bincount(y, minlength=n_classes)[None, :])[0]
    N_left = np.arange(1, N)  # (N-1,) the first N_left sorted samples go left
    best = None
    for j in range(D):
        order = np.argsort(X[:, j], kind="stable")
        x = X[order, j]  # (N,) sorted
        onehot = np.eye(n_classes)[y[order]]  # (N, K)
        left = np.cumsum(onehot, axis=0)[:-1]  # (N-1, K)
        right = onehot.sum(axis=0) - left  # (N-1, K)
        gain = parent - (
            N_left / N * impurity(left) + (N - N_left) / N * impurity(right)
        )  # (N-1,)
        ok = (x[1:] > x[:-1]) & (np.minimum(N_left, N - N_left) >= min_samples_leaf)
        if not ok.any():
            continue
        i = int(np.flatnonzero(ok)[np.argmax(gain[ok])])  # first best: lowest t
        if best is None or gain[i] > best[2]:  # strict: lower features win ties
            best = (j, float((x[i] + x[i + 1]) / 2), float(gain[i]))
    return best


class DecisionTree:
    """A classification tree (CART) with scikit-learn's pre-pruning rules.

    A node is a dict: every node has "value" (its training majority, the lowest
    class on ties) and "n_samples"; a split node also has "feature",
    "threshold", "left" (x ≤ threshold) and "right".

    Shapes: fit X (N, D), y (N,) int -> self; predict X (M, D) -> (M,) int64.
    """

    def __init__(
        self,
        max_depth=None,
        min_samples_split=2,
        min_samples_leaf=1,
        min_impurity_decrease=0.0,
        criterion="gini",
    ):
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf
        self.min_impurity_decrease = min_impurity_decrease
        self.criterion = criterion

    def fit(self, X, y):
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y, dtype=np.int64)
        self.n_classes_ = int(y.max()) + 1
        self.root_ = self._grow(X, y, depth=0, N_total=len(y))
        return self

    def _grow(self, X, y, depth, N_total):
        N_t = len(y)
        counts = np.bincount(y, minlength=self.n_classes_)  # (K,)
        node = {"value": int(np.argmax(counts)), "n_samples": N_t}
        if (
            np.count_nonzero(counts) == 1  # pure
            or (self.max_depth is not None and depth >= self.max_depth)
            or N_t < self.min_samples_split
        ):
            return node
        split = best_split(X, y, self.n_classes_, self.criterion, self.min_samples_leaf)
        if split is None:
            return node
        feature, threshold, gain = split
        if N_t / N_total * gain < self.min_impurity_decrease:  # sklearn's rule
            return node
        left = X[:, feature] <= threshold
        node["feature"], node["threshold"] = feature, threshold
        node["left"] = self._grow(X[left], y[left], depth + 1, N_total)
        node["right"] = self._grow(X[~left], y[~left], depth + 1, N_total)
        return node

    def predict(self, X):
        X = np.asarray(X, dtype=np.float64)
        y_hat = np.empty(len(X), dtype=np.int64)  # (M,)
        for i, x in enumerate(X):
            node = self.root_
            while "feature" in node:
                side = "left" if x[node["feature"]] <= node["threshold"] else "right"
                node = node[side]
            y_hat[i] = node["value"]
        return y_hat

    def depth(self):
        def depth_of(node):
            if "feature" not in node:
                return 0
            return 1 + max(depth_of(node["left"]), depth_of(node["right"]))

        return depth_of(self.root_)

    def n_leaves(self):
        def leaves_of(node):
            if "feature" not in node:
                return 1
            return leaves_of(node["left"]) + leaves_of(node["right"])

        return leaves_of(self.root_)


def prune_reduced_error(tree, X_val, y_val):
    """Reduced-error pruning of a copy of `tree`; the input stays unchanged.

    Bottom-up, a split node becomes a leaf predicting its training majority
    when that does not raise the validation errors of the samples reaching it
    (ties prune, so does a node no validation sample reaches).

    Shapes: X_val (M, D), y_val (M,) int -> DecisionTree.
    """
    import copy

    pruned = copy.deepcopy(tree)
    X_val = np.asarray(X_val, dtype=np.float64)
    y_val = np.asarray(y_val)

    def prune(node, idx):  # idx: the validation samples reaching node
        leaf_errors = int(np.sum(y_val[idx] != node["value"]))
        if "feature" not in node:
            return leaf_errors
        go_left = X_val[idx, node["feature"]] <= node["threshold"]
        errors = prune(node["left"], idx[go_left]) + prune(node["right"], idx[~go_left])
        if leaf_errors <= errors:  # collapse: no more errors as a leaf
            for key in ("feature", "threshold", "left", "right"):
                del node[key]
            return leaf_errors
        return errors

    prune(pruned.root_, np.arange(len(y_val)))
    return pruned
