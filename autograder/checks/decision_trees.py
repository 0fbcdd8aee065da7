"""Checks of lesson 06, decision trees."""

import copy

import numpy as np

from autograder.checks import Check, Mistake
from solutions import decision_trees as ref

# the prune checks grow their tree with the DecisionTree beside the graded
# function: the notebook's for a submission, this one for the mutants below
DecisionTree = ref.DecisionTree

TREE_CODE = """
tree = DecisionTree({args})
fitted = tree.fit(X, y)
result = (fitted is tree, tree.predict(X_test), tree.depth(), tree.n_leaves())
"""
TREE_NAMES = ("fit(X, y) is the tree", "predict(X_test)", "depth()", "n_leaves()")

SINGLE_LEAF = """
pure = DecisionTree().fit(X_pure, y_pure)
flat = DecisionTree().fit(X_flat, y_flat)
result = (pure.predict(X_pure), pure.depth(), pure.n_leaves(),
          flat.predict(X_flat), flat.depth(), flat.n_leaves())
"""

PRUNE_PROPERTIES = """
DecisionTree = prune_reduced_error.__globals__["DecisionTree"]
tree = DecisionTree(max_depth=6).fit(X, y)
leaves, y_hat = tree.n_leaves(), tree.predict(X_val)
pruned = prune_reduced_error(tree, X_val, y_val)
result = (
    pruned is not tree,
    tree.n_leaves() == leaves and np.array_equal(tree.predict(X_val), y_hat),
    bool(np.mean(pruned.predict(X_val) == y_val) >= np.mean(y_hat == y_val)),
    pruned.n_leaves() <= leaves,
)
"""
PRUNE_PROPERTY_NAMES = (
    "a new tree",
    "the input tree unchanged",
    "validation accuracy not lower",
    "leaves not more",
)

PRUNE_TO_ROOT = """
DecisionTree = prune_reduced_error.__globals__["DecisionTree"]
tree = DecisionTree().fit(X, y)
pruned = prune_reduced_error(tree, X_val, y_val)
result = (pruned.n_leaves(), pruned.depth(), pruned.predict(X_test))
"""

PRUNE_ON_TRAINING = """
DecisionTree = prune_reduced_error.__globals__["DecisionTree"]
tree = DecisionTree().fit(X, y)
pruned = prune_reduced_error(tree, X, y)
result = (
    pruned.n_leaves() == tree.n_leaves(),
    np.array_equal(pruned.predict(X_test), tree.predict(X_test)),
)
"""

PRUNE_JUDGED = """
DecisionTree = prune_reduced_error.__globals__["DecisionTree"]
tree = DecisionTree().fit(X, y)
pruned = prune_reduced_error(tree, X_val, y_val)
result = (
    float(np.mean(tree.predict(X_val) == y_val)),
    float(np.mean(pruned.predict(X_val) == y_val)),
    tree.n_leaves(),
    pruned.n_leaves(),
)
"""


def _labels_with_absent_class(rng):
    """20 labels in {0, 1, 2}, each present; n_classes will be 4."""
    y = rng.integers(0, 3, size=20)
    y[:3] = [0, 1, 2]
    return {"y": rng.permutation(y)}


def _gain_inputs(rng, criterion=None):
    y = rng.integers(0, 3, size=24)
    y[:3] = [0, 1, 2]
    left_mask = rng.uniform(size=24) < 0.35  # children of unequal sizes
    out = {"y": y, "left_mask": left_mask}
    return out if criterion is None else {**out, "criterion": criterion}


def _classes(rng, N, D, K, noise=0.5, integer=False):
    """X (N, D) and labels (N,) in {0..K-1} from a noisy linear rule."""
    if integer:
        X = rng.integers(0, 10, size=(N, D)).astype(np.float64)
        Z = (X - 4.5) / 3.0
    else:
        X = rng.normal(size=(N, D))
        Z = X
    scores = Z @ rng.normal(size=(D, K)) + noise * rng.normal(size=(N, K))
    return X, np.argmax(scores, axis=1)


def _split_inputs(rng, N, D, K, **kwargs):
    X, y = _classes(rng, N, D, K, **kwargs)
    return {"X": X, "y": y}


def _tree_inputs(rng, N, D, K, M=30, **kwargs):
    X, y = _classes(rng, N, D, K, **kwargs)
    if kwargs.get("integer"):  # half-integers: many sit exactly on thresholds
        X_test = X[:M] + 0.5
    else:
        X_test = rng.normal(size=(M, D))
    return {"X": X, "y": y, "X_test": np.vstack([X_test, X[:10]])}


def _leaf_size_inputs(rng):
    """Integer X (30, 2) with repeats; alone, the 3 largest x0 make a pure child."""
    X = rng.integers(0, 10, size=(30, 2)).astype(np.float64)
    y = (X[:, 1] + rng.normal(0.0, 4.0, size=30) > 9).astype(np.int64)
    X[:3, 0], y[:3] = [10.0, 11.0, 12.0], 1
    return {"X": X, "y": y}


def _ties(rng):
    z = rng.normal(size=12)
    x = np.round(rng.normal(size=12), 3)
    y = (x > 0.2).astype(np.int64)
    y[np.argmax(np.where(x > 0.2, -np.inf, x))] = 1  # not perfectly separable
    return {
        "X_dup": np.column_stack([z, x, x]),
        "y_dup": y,
        "x6": np.arange(6.0)[:, None],
        "y6": np.array([0, 0, 1, 1, 0, 0]),
    }


def _prune_inputs(rng):
    X, y = _classes(rng, 80, 3, 2, noise=1.5)
    X_val, y_val = _classes(rng, 60, 3, 2, noise=1.5)
    return {"X": X, "y": y, "X_val": X_val, "y_val": y_val}


def _prune_to_root_inputs(rng):
    X = rng.normal(size=(40, 2))
    y = (rng.uniform(size=40) < 0.3).astype(np.int64)  # majority 0
    y[:28], y[28:] = 0, 1
    y = rng.permutation(y)
    zeros = np.flatnonzero(y == 0)[:3]
    return {
        "X": X,
        "y": y,
        "X_val": X[zeros],
        "y_val": y[zeros],
        "X_test": rng.normal(size=(15, 2)),
    }


def _judge_prune(got, expected, inputs):
    acc_before, acc_after, leaves_before, leaves_after = got
    if acc_after < acc_before:
        return (
            f"pruning lowered the validation accuracy from {acc_before:.3f} to "
            f"{acc_after:.3f}; collapse a subtree only when that does not add "
            "validation errors"
        )
    if leaves_after > leaves_before:
        return f"the pruned tree has {leaves_after} leaves, the tree {leaves_before}"
    return None


CHECKS = [
    # impurity
    Check(
        "gini.values",
        "gini(y, 4), 20 labels in {0, 1, 2} (class 3 absent)",
        inputs=lambda rng, ref: _labels_with_absent_class(rng),
        code="result = gini(y, 4)",
    ),
    Check(
        "entropy.values",
        "entropy(y, 4), 20 labels in {0, 1, 2} (class 3 absent)",
        inputs=lambda rng, ref: _labels_with_absent_class(rng),
        code="result = entropy(y, 4)",
    ),
    Check(
        "gini.pure_and_uniform",
        "(gini(y_pure, 3), gini(y_even, 4)): 7 labels all 2; [0, 1, 2, 3] twice",
        inputs=lambda rng, ref: {
            "y_pure": np.full(7, 2),
            "y_even": np.array([0, 1, 2, 3, 3, 2, 1, 0]),
        },
        code="result = (gini(y_pure, 3), gini(y_even, 4))",
        hidden=True,
    ),
    Check(
        "entropy.pure_and_uniform",
        "(entropy(y_pure, 3), entropy(y_even, 4)): 7 labels all 2; [0, 1, 2, 3] twice",
        inputs=lambda rng, ref: {
            "y_pure": np.full(7, 2),
            "y_even": np.array([0, 1, 2, 3, 3, 2, 1, 0]),
        },
        code="result = (entropy(y_pure, 3), entropy(y_even, 4))",
        hidden=True,
    ),
    # information_gain
    Check(
        "information_gain.gini",
        "information_gain(y, left_mask, 3), 24 labels, children of unequal sizes",
        inputs=lambda rng, ref: _gain_inputs(rng),
        code="result = information_gain(y, left_mask, 3)",
    ),
    Check(
        "information_gain.entropy",
        'information_gain(y, left_mask, 3, criterion="entropy"), 24 labels',
        inputs=lambda rng, ref: _gain_inputs(rng, "entropy"),
        code="result = information_gain(y, left_mask, 3, criterion=criterion)",
    ),
    Check(
        "information_gain.empty_child",
        "(information_gain(y, all False, 3), "
        'information_gain(y, all True, 3, criterion="entropy")), 10 labels',
        inputs=lambda rng, ref: {"y": np.array([0, 1, 2, 2, 1, 0, 0, 1, 2, 2])},
        code=(
            "result = (information_gain(y, np.zeros(10, bool), 3),\n"
            "          information_gain(y, np.ones(10, bool), 3, criterion='entropy'))"
        ),
        hidden=True,
    ),
    Check(
        "information_gain.perfect_split",
        'information_gain(y, y == 0, 2, criterion="entropy"), 9 labels: 4 of class 0',
        inputs=lambda rng, ref: {"y": np.array([1, 0, 1, 1, 0, 0, 1, 0, 1])},
        code="result = information_gain(y, y == 0, 2, criterion='entropy')",
        hidden=True,
    ),
    # best_split
    Check(
        "best_split.gini",
        "best_split(X, y, 2), X of shape (30, 3), two classes",
        inputs=lambda rng, ref: _split_inputs(rng, 30, 3, 2),
        code="result = best_split(X, y, 2)",
        names=("feature", "threshold", "gain"),
    ),
    Check(
        "best_split.entropy",
        'best_split(X, y, 3, criterion="entropy"), X of shape (40, 4), three classes',
        inputs=lambda rng, ref: _split_inputs(rng, 40, 4, 3),
        code="result = best_split(X, y, 3, criterion='entropy')",
        names=("feature", "threshold", "gain"),
    ),
    Check(
        "best_split.ties",
        "(best_split(X_dup, y_dup, 2), best_split(x6, y6, 2)): columns 1 and 2 of "
        "X_dup are equal; x6 = 0..5 with y6 = [0, 0, 1, 1, 0, 0] (t = 1.5 and 3.5 tie)",
        inputs=lambda rng, ref: _ties(rng),
        code="result = (best_split(X_dup, y_dup, 2), best_split(x6, y6, 2))",
        hidden=True,
    ),
    Check(
        "best_split.min_samples_leaf",
        "best_split(X, y, 2, min_samples_leaf=6), X of shape (30, 2), integer "
        "values with repeats",
        inputs=lambda rng, ref: _leaf_size_inputs(rng),
        code="result = best_split(X, y, 2, min_samples_leaf=6)",
        names=("feature", "threshold", "gain"),
        hidden=True,
    ),
    Check(
        "best_split.no_candidate",
        "(best_split(X_flat, y, 2), best_split(X, y, 2, min_samples_leaf=4)): "
        "X_flat of shape (6, 2) constant; X of shape (6, 2)",
        inputs=lambda rng, ref: {
            "X_flat": np.full((6, 2), 3.0),
            "X": rng.normal(size=(6, 2)),
            "y": np.array([0, 1, 1, 0, 1, 0]),
        },
        code=(
            "result = (best_split(X_flat, y, 2), "
            "best_split(X, y, 2, min_samples_leaf=4))"
        ),
        hidden=True,
    ),
    Check(
        "best_split.zero_gain",
        "best_split(X, y, 3), X of shape (8, 2), y all 1 (every split has gain 0)",
        inputs=lambda rng, ref: {
            "X": rng.normal(size=(8, 2)),
            "y": np.ones(8, dtype=np.int64),
        },
        code="result = best_split(X, y, 3)",
        names=("feature", "threshold", "gain"),
        hidden=True,
    ),
    # DecisionTree
    Check(
        "DecisionTree.depth_limited",
        "DecisionTree(max_depth=3).fit(X, y), X of shape (80, 3) with integer "
        "values; X_test of shape (40, 3), some rows exactly on thresholds",
        inputs=lambda rng, ref: _tree_inputs(rng, 80, 3, 2, integer=True),
        code=TREE_CODE.format(args="max_depth=3"),
        names=TREE_NAMES,
    ),
    Check(
        "DecisionTree.fully_grown",
        "DecisionTree().fit(X, y), X of shape (50, 2), three classes; "
        "X_test of shape (40, 2)",
        inputs=lambda rng, ref: _tree_inputs(rng, 50, 2, 3),
        code=TREE_CODE.format(args=""),
        names=TREE_NAMES,
    ),
    Check(
        "DecisionTree.entropy",
        'DecisionTree(max_depth=4, criterion="entropy").fit(X, y), X of shape '
        "(70, 4), three classes",
        inputs=lambda rng, ref: _tree_inputs(rng, 70, 4, 3),
        code=TREE_CODE.format(args="max_depth=4, criterion='entropy'"),
        names=TREE_NAMES,
        hidden=True,
    ),
    Check(
        "DecisionTree.min_samples",
        "DecisionTree(min_samples_split=12, min_samples_leaf=4).fit(X, y), "
        "X of shape (90, 3)",
        inputs=lambda rng, ref: _tree_inputs(rng, 90, 3, 2, noise=1.0),
        code=TREE_CODE.format(args="min_samples_split=12, min_samples_leaf=4"),
        names=TREE_NAMES,
        hidden=True,
    ),
    Check(
        "DecisionTree.min_impurity_decrease",
        "DecisionTree(min_impurity_decrease=0.01).fit(X, y), X of shape (90, 3)",
        inputs=lambda rng, ref: _tree_inputs(rng, 90, 3, 2, noise=1.0),
        code=TREE_CODE.format(args="min_impurity_decrease=0.01"),
        names=TREE_NAMES,
        hidden=True,
    ),
    Check(
        "DecisionTree.single_leaf",
        "DecisionTree().fit on y_pure all 2, and on constant X_flat with "
        "y_flat = [2, 1, 1, 2, 0] (classes 1 and 2 tie)",
        inputs=lambda rng, ref: {
            "X_pure": rng.normal(size=(6, 2)),
            "y_pure": np.full(6, 2),
            "X_flat": np.ones((5, 2)),
            "y_flat": np.array([2, 1, 1, 2, 0]),
        },
        code=SINGLE_LEAF,
        names=(
            "pure predict",
            "pure depth()",
            "pure n_leaves()",
            "flat predict",
            "flat depth()",
            "flat n_leaves()",
        ),
        hidden=True,
    ),
    # prune_reduced_error
    Check(
        "prune_reduced_error.properties",
        "prune_reduced_error(tree, X_val, y_val), tree = DecisionTree(max_depth=6)"
        ".fit(X, y) on 80 noisy samples, 60 validation samples",
        inputs=lambda rng, ref: _prune_inputs(rng),
        code=PRUNE_PROPERTIES,
        names=PRUNE_PROPERTY_NAMES,
    ),
    Check(
        "prune_reduced_error.collapses_to_root",
        "prune_reduced_error(tree, X_val, y_val), tree = DecisionTree().fit(X, y) "
        "with 28 of 40 labels 0; X_val: 3 training samples of class 0 "
        "(n_leaves, depth, predict(X_test))",
        inputs=lambda rng, ref: _prune_to_root_inputs(rng),
        code=PRUNE_TO_ROOT,
        names=("n_leaves()", "depth()", "predict(X_test)"),
    ),
    Check(
        "prune_reduced_error.training_set_as_validation",
        "prune_reduced_error(tree, X, y) with the training set, tree = "
        "DecisionTree().fit(X, y): pure leaves, so nothing is pruned",
        inputs=lambda rng, ref: {
            **_split_inputs(rng, 60, 3, 3, noise=1.0),
            "X_test": rng.normal(size=(20, 3)),
        },
        code=PRUNE_ON_TRAINING,
        names=("same n_leaves()", "same predictions"),
        hidden=True,
    ),
    Check(
        "prune_reduced_error.accuracy_and_leaves",
        "prune_reduced_error(tree, X_val, y_val), tree = DecisionTree().fit(X, y) "
        "on 80 noisy samples: (accuracy before, after, leaves before, after)",
        inputs=lambda rng, ref: _prune_inputs(rng),
        code=PRUNE_JUDGED,
        names=("accuracy before", "accuracy after", "leaves before", "leaves after"),
        judge=_judge_prune,
        hidden=True,
    ),
]


# Mutants: the reference with one known mistake each.
def _gini_counts(y, n_classes):
    counts = np.bincount(y, minlength=n_classes)
    return float(1.0 - np.sum(counts**2))


def _gini_no_one_minus(y, n_classes):
    p = np.bincount(y, minlength=n_classes) / len(y)
    return float(np.sum(p**2))


def _entropy_nats(y, n_classes):
    p = np.bincount(y, minlength=n_classes) / len(y)
    p = p[p > 0]
    return float(-np.sum(p * np.log(p)))


def _entropy_absent_nan(y, n_classes):
    p = np.bincount(y, minlength=n_classes) / len(y)
    return float(-np.sum(p * np.log2(p)))


def _entropy_no_minus(y, n_classes):
    p = np.bincount(y, minlength=n_classes) / len(y)
    p = p[p > 0]
    return float(np.sum(p * np.log2(p)))


def _impurity(y, n_classes, criterion, nats=False):
    p = np.bincount(y, minlength=n_classes) / len(y)
    if criterion == "gini":
        return float(1.0 - np.sum(p**2))
    p = p[p > 0]
    return float(-np.sum(p * (np.log(p) if nats else np.log2(p))))


def _gain(mode="ok"):
    def information_gain(y, left_mask, n_classes, criterion="gini"):
        criterion = "gini" if mode == "always_gini" else criterion
        nats = mode == "nats"
        y_l, y_r = y[left_mask], y[~left_mask]
        N, N_l, N_r = len(y), len(y_l), len(y_r)
        if (N_l == 0 or N_r == 0) and mode != "no_empty_guard":
            return 0.0
        with np.errstate(all="ignore"):
            i_l = _impurity(y_l, n_classes, criterion, nats) if N_l else np.nan
            i_r = _impurity(y_r, n_classes, criterion, nats) if N_r else np.nan
        if mode == "unweighted":
            children = (i_l + i_r) / 2
        elif mode == "swapped_weights":
            children = N_r / N * i_l + N_l / N * i_r
        else:
            children = N_l / N * i_l + N_r / N * i_r
        return float(_impurity(y, n_classes, criterion, nats) - children)

    return information_gain


def _splitter(*, at="midpoint", tie="first", leaf="ge", gain=None, zero=True):
    """best_split with one mistake: threshold, tie rule, leaf size or gain."""
    gain = gain or _gain()

    def best_split(X, y, n_classes, criterion="gini", min_samples_leaf=1):
        best = None
        for j in range(X.shape[1]):
            values = np.unique(X[:, j])
            if at == "every_value":
                candidates = [(v, v) for v in values]
            else:
                candidates = list(zip(values[:-1], values[1:], strict=True))
            for lo, hi in candidates:
                t = {"midpoint": (lo + hi) / 2, "lower": lo, "upper": hi}.get(at, lo)
                left = X[:, j] < t if at == "upper" else X[:, j] <= t
                n_l = int(left.sum())
                small = min(n_l, len(y) - n_l)
                if (leaf == "ge" and small < min_samples_leaf) or (
                    leaf == "gt" and small <= min_samples_leaf
                ):
                    continue
                g = gain(y, left, n_classes, criterion)
                if not zero and g <= 0:
                    continue
                if best is None or g > best[2] or (tie == "last" and g == best[2]):
                    best = (j, float(t), g)
        return best

    return best_split


class _Tree(ref.DecisionTree):
    """The reference tree with switches for one mistake each."""

    split = staticmethod(ref.best_split)
    strict_left = False
    tie_high = False
    raw_decrease = False
    split_gt = False
    depth_counts_nodes = False
    return_self = True

    def fit(self, X, y):
        self.n_classes_ = int(np.max(y)) + 1
        self.root_ = self._grow(X, y, 0, len(y))
        return self if self.return_self else None

    def _grow(self, X, y, depth, N_total):
        counts = np.bincount(y, minlength=self.n_classes_)
        value = len(counts) - 1 - np.argmax(counts[::-1]) if self.tie_high else None
        node = {"value": int(np.argmax(counts) if value is None else value)}
        node["n_samples"] = N_t = len(y)
        small = N_t <= self.min_samples_split if self.split_gt else None
        if small is None:
            small = N_t < self.min_samples_split
        deep = self.max_depth is not None and depth >= self.max_depth
        if np.count_nonzero(counts) == 1 or deep or small:
            return node
        split = self.split(X, y, self.n_classes_, self.criterion, self.min_samples_leaf)
        if split is None:
            return node
        f, t, gain = split
        weight = 1.0 if self.raw_decrease else N_t / N_total
        if weight * gain < self.min_impurity_decrease:
            return node
        left = X[:, f] <= t
        node.update(feature=f, threshold=t)
        node["left"] = self._grow(X[left], y[left], depth + 1, N_total)
        node["right"] = self._grow(X[~left], y[~left], depth + 1, N_total)
        return node

    def predict(self, X):
        out = np.empty(len(X), dtype=np.int64)
        for i, x in enumerate(X):
            node = self.root_
            while "feature" in node:
                v, t = x[node["feature"]], node["threshold"]
                node = node[
                    "left" if (v < t if self.strict_left else v <= t) else "right"
                ]
            out[i] = node["value"]
        return out

    def depth(self):
        return super().depth() + (1 if self.depth_counts_nodes else 0)


def _tree(name, **switches):
    return type(name, (_Tree,), switches)


def _pruner(*, in_place=False, strict=False, no_op=False):
    def prune_reduced_error(tree, X_val, y_val):
        pruned = tree if in_place else copy.deepcopy(tree)
        if no_op:
            return pruned

        def prune(node, idx):
            leaf_errors = int(np.sum(y_val[idx] != node["value"]))
            if "feature" not in node:
                return leaf_errors
            go_left = X_val[idx, node["feature"]] <= node["threshold"]
            errors = prune(node["left"], idx[go_left])
            errors += prune(node["right"], idx[~go_left])
            if leaf_errors < errors or (not strict and leaf_errors == errors):
                for key in ("feature", "threshold", "left", "right"):
                    del node[key]
                return leaf_errors
            return errors

        prune(pruned.root_, np.arange(len(y_val)))
        return pruned

    return prune_reduced_error


MISTAKES = [
    Mistake(
        "gini",
        "counts instead of proportions: divide the class counts by N first, "
        "p = np.bincount(y, minlength=n_classes) / len(y)",
        _gini_counts,
    ),
    Mistake(
        "gini",
        "Σ p² is the chance that two draws agree; the Gini impurity is 1 − Σ p²",
        _gini_no_one_minus,
    ),
    Mistake(
        "entropy",
        "nats: np.log is the natural log; entropy here is in bits, use np.log2",
        _entropy_nats,
    ),
    Mistake(
        "entropy",
        "an absent class gives 0·log 0 = nan; drop the zero proportions first "
        "(0·log 0 counts as 0)",
        _entropy_absent_nan,
    ),
    Mistake(
        "entropy",
        "the sign: log2 p ≤ 0, so the entropy is −Σ p log2 p",
        _entropy_no_minus,
    ),
    Mistake(
        "information_gain",
        "unweighted children: weight each child's impurity by its share of the "
        "samples, N_left/N and N_right/N, not 1/2 each",
        _gain("unweighted"),
    ),
    Mistake(
        "information_gain",
        "weights swapped: the left child's impurity is weighted by N_left/N",
        _gain("swapped_weights"),
    ),
    Mistake(
        "information_gain",
        "criterion ignored: use entropy when criterion='entropy'",
        _gain("always_gini"),
    ),
    Mistake(
        "information_gain",
        "nats: the entropy criterion is in bits, use np.log2",
        _gain("nats"),
    ),
    Mistake(
        "information_gain",
        "an empty child has no impurity to average: return 0.0 when left_mask "
        "is all False or all True",
        _gain("no_empty_guard"),
    ),
    Mistake(
        "best_split",
        "threshold at a data value: the threshold is the midpoint between "
        "consecutive distinct values, (v[i] + v[i+1]) / 2",
        _splitter(at="lower"),
    ),
    Mistake(
        "best_split",
        "threshold at the upper data value with `<` for left: left is "
        "x ≤ threshold, and the threshold is the midpoint (v[i] + v[i+1]) / 2",
        _splitter(at="upper"),
    ),
    Mistake(
        "best_split",
        "every data value as a threshold puts all samples on one side at the "
        "largest value; use midpoints of consecutive distinct values only",
        _splitter(at="every_value"),
    ),
    Mistake(
        "best_split",
        "ties go to the lowest feature, then the lowest threshold: replace the "
        "best only when the gain is strictly larger",
        _splitter(tie="last"),
    ),
    Mistake(
        "best_split",
        "min_samples_leaf is a minimum: a child of exactly min_samples_leaf "
        "samples is allowed (skip only when a child has fewer)",
        _splitter(leaf="gt"),
    ),
    Mistake(
        "best_split",
        "min_samples_leaf ignored: skip candidates that leave a child with "
        "fewer than min_samples_leaf samples",
        _splitter(leaf="none"),
    ),
    Mistake(
        "best_split",
        "a split of zero gain is still a split: return it; None only when "
        "there is no candidate at all",
        _splitter(zero=False),
    ),
    Mistake(
        "best_split",
        "unweighted children: weight each child's impurity by N_child/N",
        _splitter(gain=_gain("unweighted")),
    ),
    Mistake(
        "DecisionTree",
        "`<` for left: a sample goes left when x[feature] ≤ threshold",
        _tree("StrictLeft", strict_left=True),
    ),
    Mistake(
        "DecisionTree",
        "majority ties go to the lowest class: np.argmax(np.bincount(y, "
        "minlength=n_classes)) returns the first maximum",
        _tree("TieHigh", tie_high=True),
    ),
    Mistake(
        "DecisionTree",
        "min_impurity_decrease compares the weighted decrease "
        "N_t/N · gain (scikit-learn's rule), not the node's raw gain",
        _tree("RawDecrease", raw_decrease=True),
    ),
    Mistake(
        "DecisionTree",
        "a node of exactly min_samples_split samples may split: stop only when "
        "N_t < min_samples_split",
        _tree("SplitGt", split_gt=True),
    ),
    Mistake(
        "DecisionTree",
        "depth counts edges: a single leaf has depth 0",
        _tree("DepthNodes", depth_counts_nodes=True),
    ),
    Mistake(
        "DecisionTree",
        "fit must end with `return self`",
        _tree("NoReturn", return_self=False),
    ),
    Mistake(
        "DecisionTree",
        "unweighted children: the gain weights each child's impurity by N_child/N",
        _tree("Unweighted", split=staticmethod(_splitter(gain=_gain("unweighted")))),
    ),
    Mistake(
        "prune_reduced_error",
        "pruned in place: work on copy.deepcopy(tree) and return the copy",
        _pruner(in_place=True),
    ),
    Mistake(
        "prune_reduced_error",
        "ties prune: collapse a subtree when the leaf makes no more validation "
        "errors (≤), not only when it makes fewer",
        _pruner(strict=True),
    ),
    Mistake(
        "prune_reduced_error",
        "nothing was pruned: bottom-up, replace a split node by a leaf when that "
        "does not raise the validation errors of the samples reaching it",
        _pruner(no_op=True),
    ),
]
