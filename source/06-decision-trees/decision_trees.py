# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 06 · Decision trees
#
# A decision tree classifies by asking a short chain of yes/no questions about
# single features: "is $x_3 \le 0.14$?", then "is $x_{21} \le 25.7$?", until
# it reaches a **leaf**, which answers with a class. It is grown greedily from
# the top (CART): at each node, pick the question that makes the two groups of
# training samples as pure as possible, and recurse.
#
# We will measure purity (Gini and entropy), score a split by its information
# gain, search for the best split, grow and use the tree, and finally prune it
# back on held-out data.
#
# Shapes: N samples, D features, K classes. Labels are integers $0, \dots, K-1$.

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false}
import numpy as np

from mlcourse_check import make_check

check = make_check("06-decision-trees")

# %% [markdown]
# ## 1 · Impurity
#
# Let $p_k$ be the share of class $k$ among the labels at a node. A node is
# **pure** when one $p_k$ is 1. Two standard measures of how far it is from
# pure:
#
# $$G = 1 - \sum_{k} p_k^2, \qquad H = -\sum_{k} p_k \log_2 p_k .$$
#
# The **Gini impurity** $G$ is the chance that two labels drawn at random (with
# replacement) differ. The **entropy** $H$ is the average number of bits needed
# to tell the class; a class that does not occur adds nothing, since
# $p \log p \to 0$ as $p \to 0$. Both are 0 on a pure node and largest when the
# classes are equally common: $G = 1 - 1/K$, $H = \log_2 K$.


# %% nbgrader={"grade": false, "grade_id": "gini", "locked": false, "schema_version": 3, "solution": true}
def gini(y, n_classes):
    """Gini impurity 1 - sum_k p_k^2 of the labels y.

    p_k is the share of label k in y; classes absent from y have p_k = 0.

    Shapes
    ------
    y : (N,) int labels in [0, n_classes), N >= 1
    returns : float
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("gini: 1 - sum of squared class shares")
    ### END SOLUTION


# %% nbgrader={"grade": false, "grade_id": "entropy", "locked": false, "schema_version": 3, "solution": true}
def entropy(y, n_classes):
    """Entropy -sum_k p_k log2 p_k of the labels y, in bits.

    An absent class (p_k = 0) adds 0 (0 log 0 counts as 0, never nan).

    Shapes
    ------
    y : (N,) int labels in [0, n_classes), N >= 1
    returns : float
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("entropy: -sum p log2 p over the present classes")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_impurity", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("gini", gini)
check("entropy", entropy)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: a 50/50 node has $G = 0.5$ and $H = 1$ bit; a pure node
# has 0 of both.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_impurity", "locked": true, "schema_version": 3, "solution": false}
half, pure = np.array([0, 1, 0, 1]), np.array([1, 1, 1, 1])
gini(half, 2), entropy(half, 2), gini(pure, 2), entropy(pure, 2)

# %% [markdown]
# ## 2 · Information gain
#
# A split sends the $N$ samples of a node into a left child of $N_L$ samples
# and a right child of $N_R = N - N_L$. Its **information gain** is the
# impurity removed, with each child weighted by its share of the samples:
#
# $$\Delta I = I(y) - \Big(\frac{N_L}{N}\, I(y_L) + \frac{N_R}{N}\, I(y_R)\Big),$$
#
# where $I$ is $G$ or $H$. The weights matter: without them a split that cuts
# off one lucky sample into a pure child would look as good as one that
# separates two large groups. A "split" that leaves a child empty changes
# nothing, so its gain is 0.


# %% nbgrader={"grade": false, "grade_id": "information_gain", "locked": false, "schema_version": 3, "solution": true}
def information_gain(y, left_mask, n_classes, criterion="gini"):
    """Impurity of y minus the size-weighted impurity of the two children.

    I(y) - (N_L / N * I(y[left_mask]) + N_R / N * I(y[~left_mask])), with I
    the gini (criterion="gini") or the entropy in bits (criterion="entropy").
    Returns 0.0 when a child is empty (left_mask all False or all True).

    Shapes
    ------
    y : (N,) int labels in [0, n_classes)
    left_mask : (N,) bool, True = the sample goes left
    returns : float
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("information_gain: parent minus weighted children")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_information_gain", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("information_gain", information_gain)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 3 · The best split
#
# A split of a numeric feature $j$ is a threshold $t$: left when
# $x_j \le t$, right otherwise. Only the order of the values matters, so it is
# enough to try one threshold between each pair of consecutive **distinct**
# values $v_1 < v_2 < \dots < v_m$ of the feature; we take the midpoints
# $t = (v_i + v_{i+1}) / 2$, as scikit-learn does. A threshold at a data value
# would work on the training data but sits right at the edge of a group.
#
# The best split is the $(j, t)$ of largest gain over all features and
# thresholds. To make the answer unique: ties go to the lowest feature, then
# the lowest threshold. A split is a candidate only if each child keeps at
# least `min_samples_leaf` samples. A split of zero gain is still a split (it
# may pay off further down); `None` means there is no candidate at all.
#
# Sorting each feature once makes this fast: walking along the sorted values,
# the class counts of the left child are a cumulative sum.


# %% nbgrader={"grade": false, "grade_id": "best_split", "locked": false, "schema_version": 3, "solution": true}
def best_split(X, y, n_classes, criterion="gini", min_samples_leaf=1):
    """The split X[:, feature] <= threshold of largest information gain.

    Candidates: for every feature, the midpoints (v[i] + v[i+1]) / 2 of its
    consecutive distinct sorted values, kept only if both children have at
    least min_samples_leaf samples. The largest gain wins (as computed by
    information_gain with this criterion); ties go to the lowest feature,
    then the lowest threshold. A best gain of 0.0 is still returned.

    Shapes
    ------
    X : (N, D) float64
    y : (N,) int labels in [0, n_classes)
    returns : (feature int, threshold float, gain float), or None when there
        is no candidate (every feature constant, or min_samples_leaf leaves none)
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("best_split: try every midpoint of every feature")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_best_split", "locked": true, "points": 3, "schema_version": 3, "solution": false}
check("best_split", best_split)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: on $x = 0, 1, \dots, 5$ with labels $0, 0, 1, 1, 0, 0$
# the thresholds 1.5 and 3.5 cut off a pure pair with the same gain $1/9$;
# the lower one wins.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_best_split", "locked": true, "schema_version": 3, "solution": false}
best_split(np.arange(6.0)[:, None], np.array([0, 0, 1, 1, 0, 0]), 2)

# %% [markdown]
# ## 4 · Growing the tree
#
# Growing is recursion: at a node, find the best split, send the samples left
# and right, and grow each child. A node becomes a **leaf** when
#
# - it is pure,
# - it is at depth `max_depth` (the root is at depth 0; `None`: no limit),
# - it has fewer than `min_samples_split` samples,
# - `best_split` finds no candidate (with `min_samples_leaf`), or
# - the split is not worth it: scikit-learn's rule splits node $t$ only if
#   $\frac{N_t}{N}\,\Delta I \ge$ `min_impurity_decrease`, the gain weighted
#   by the share of all $N$ training samples that reach the node.
#
# A leaf predicts the majority class of its training samples, the lowest class
# on ties. These limits are **pre-pruning**: they stop the tree before it
# memorises the noise in the data.
#
# One way to store a node is a dict: `{"value": majority, "n_samples": N_t}`
# for a leaf, plus `"feature"`, `"threshold"`, `"left"` and `"right"` for a
# split node. Keep the training majority on split nodes too: pruning (section 5)
# turns split nodes back into leaves.


# %% nbgrader={"grade": false, "grade_id": "DecisionTree", "locked": false, "schema_version": 3, "solution": true}
class DecisionTree:
    """A classification tree grown greedily with best_split.

    fit(X, y): n_classes = max(y) + 1; a node is a leaf when it is pure, at
    depth max_depth (root depth 0; None: no limit), has fewer than
    min_samples_split samples, best_split(X_t, y_t, n_classes, criterion,
    min_samples_leaf) returns None, or N_t / N * gain < min_impurity_decrease
    (N_t samples at the node, N in the whole training set). Otherwise it
    splits: x[feature] <= threshold goes left. A leaf predicts the majority of
    its training labels, the lowest class on ties. fit returns self.

    predict(X) follows the splits from the root (x <= threshold: left).
    depth(): the number of splits on the longest root-to-leaf path (a single
    leaf: 0). n_leaves(): the number of leaves.

    Shapes
    ------
    fit : X (N, D) float64, y (N,) int -> self
    predict : X (M, D) float64 -> (M,) int labels
    depth, n_leaves : -> int
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
        ### BEGIN SOLUTION
        raise NotImplementedError("DecisionTree.fit: grow the nodes recursively")
        ### END SOLUTION

    def predict(self, X):
        ### BEGIN SOLUTION
        raise NotImplementedError("DecisionTree.predict: walk each sample to a leaf")
        ### END SOLUTION

    def depth(self):
        ### BEGIN SOLUTION
        raise NotImplementedError("DecisionTree.depth: longest root-to-leaf path")
        ### END SOLUTION

    def n_leaves(self):
        ### BEGIN SOLUTION
        raise NotImplementedError("DecisionTree.n_leaves: count the leaves")
        ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_DecisionTree", "locked": true, "points": 3, "schema_version": 3, "solution": false}
check("DecisionTree", DecisionTree)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: on two well-separated groups one split is enough, so the
# depth is 1 and there are 2 leaves.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_tree", "locked": true, "schema_version": 3, "solution": false}
X_demo = np.array([[0.0], [1.0], [2.0], [10.0], [11.0], [12.0]])  # (6, 1)
demo = DecisionTree().fit(X_demo, np.array([0, 0, 0, 1, 1, 1]))
demo.depth(), demo.n_leaves(), demo.predict(np.array([[5.0], [7.0]]))

# %% [markdown]
# ## 5 · Reduced-error pruning
#
# **Post-pruning** grows the tree first and cuts it back afterwards, using
# data the tree has not seen. Reduced-error pruning works bottom-up: for each
# split node, after its children have been pruned, count the validation errors
# of the samples that reach it, once with the subtree and once with the node
# turned into a leaf that predicts its training majority. If the leaf makes no
# more errors, keep the leaf: it is simpler and no worse. A node that no
# validation sample reaches has 0 errors either way, so it becomes a leaf.
#
# Because each step never adds validation errors, the pruned tree is never
# less accurate on the validation set, and it never has more leaves.


# %% nbgrader={"grade": false, "grade_id": "prune_reduced_error", "locked": false, "schema_version": 3, "solution": true}
def prune_reduced_error(tree, X_val, y_val):
    """A pruned copy of a fitted DecisionTree; the input tree is unchanged.

    Bottom-up (children before their parent), a split node becomes a leaf
    predicting its training majority when that does not raise the number of
    validation errors among the validation samples reaching it (equal errors:
    prune; no sample reaching it: prune). The copy's predict, depth and
    n_leaves reflect the pruning.

    Shapes
    ------
    tree : a fitted DecisionTree
    X_val : (M, D) float64
    y_val : (M,) int labels
    returns : DecisionTree, a new object
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("prune_reduced_error: copy, then collapse bottom-up")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_prune_reduced_error", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("prune_reduced_error", prune_reduced_error)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 6 · Breast cancer with a depth-4 tree
#
# The Wisconsin breast cancer data: 569 tumours, 30 features, label 1 benign.
# We hold out 25 % for testing and grow a tree of depth at most 4 on the rest.
# Target: test accuracy ≥ 0.88.

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train", "locked": true, "schema_version": 3, "solution": false}
from dataclasses import dataclass

from sklearn.datasets import load_breast_cancer


@dataclass(frozen=True)
class Config:
    max_depth: int = 4  # pre-pruning: the longest question chain
    criterion: str = "gini"  # impurity used by the gain
    test_size: float = 0.25  # share of samples held out
    seed: int = 0  # seed of the split


cfg = Config()
X, y = load_breast_cancer(return_X_y=True)  # (569, 30), (569,)
perm = np.random.default_rng(cfg.seed).permutation(len(y))
n_test = int(np.ceil(cfg.test_size * len(y)))
test, train = perm[:n_test], perm[n_test:]

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train_2", "locked": true, "schema_version": 3, "solution": false}
tree = DecisionTree(max_depth=cfg.max_depth, criterion=cfg.criterion)
tree.fit(X[train], y[train])
accuracy = float(np.mean(tree.predict(X[test]) == y[test]))
print(f"depth {tree.depth()} | leaves {tree.n_leaves()}")
print(f"test accuracy {accuracy:.3f} (target ≥ 0.88)")
headline = {"accuracy": accuracy}

# %% [markdown]
# ## 7 · Depth and overfitting
#
# Deeper trees fit the training data better and better, up to 100 %. The test
# accuracy rises at first, then stalls or falls: the extra questions answer
# the noise of the training set.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_depth", "locked": true, "schema_version": 3, "solution": false}
import matplotlib.pyplot as plt

depths = range(1, 11)
train_acc, test_acc = [], []
for d in depths:
    t = DecisionTree(max_depth=d).fit(X[train], y[train])
    train_acc.append(np.mean(t.predict(X[train]) == y[train]))
    test_acc.append(np.mean(t.predict(X[test]) == y[test]))
plt.plot(depths, train_acc, "o-", label="train")
plt.plot(depths, test_acc, "o-", label="test")
plt.xlabel("max_depth")
plt.ylabel("accuracy")
plt.legend()
plt.show()

# %% [markdown]
# Post-pruning instead of a depth limit: grow the full tree on 2/3 of the
# training samples, prune it on the other third, and compare.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_prune", "locked": true, "schema_version": 3, "solution": false}
n_fit = 2 * len(train) // 3
fit_idx, val_idx = train[:n_fit], train[n_fit:]
full = DecisionTree().fit(X[fit_idx], y[fit_idx])
pruned = prune_reduced_error(full, X[val_idx], y[val_idx])
for name, t in [("full", full), ("pruned", pruned)]:
    acc = np.mean(t.predict(X[test]) == y[test])
    print(f"{name:6s} | leaves {t.n_leaves():2d} | depth {t.depth()} | test {acc:.3f}")

# %% [markdown]
# What a tree's regions look like: axis-aligned boxes. Two features of the data
# and the predictions of a depth-4 tree on a grid.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_regions", "locked": true, "schema_version": 3, "solution": false}
cols = [0, 27]  # mean radius, worst concave points
X2 = X[train][:, cols]  # (N, 2)
t2 = DecisionTree(max_depth=4).fit(X2, y[train])
g0, g1 = np.meshgrid(
    np.linspace(X2[:, 0].min(), X2[:, 0].max(), 200),
    np.linspace(X2[:, 1].min(), X2[:, 1].max(), 200),
)
regions = t2.predict(np.column_stack([g0.ravel(), g1.ravel()])).reshape(g0.shape)
plt.contourf(g0, g1, regions, alpha=0.3, cmap="coolwarm")
plt.scatter(X2[:, 0], X2[:, 1], c=y[train], s=8, cmap="coolwarm")
plt.xlabel("mean radius")
plt.ylabel("worst concave points")
plt.show()

# %% [markdown]
# The same tree from scikit-learn, for comparison (its ties between equally
# good features are broken at random, so the trees can differ slightly).

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_sklearn", "locked": true, "schema_version": 3, "solution": false}
from sklearn.tree import DecisionTreeClassifier

clf = DecisionTreeClassifier(max_depth=cfg.max_depth, random_state=0)
clf.fit(X[train], y[train])
print(
    f"test accuracy: scikit-learn {clf.score(X[test], y[test]):.3f} | ours {accuracy:.3f}"
)

# %% [markdown]
# ## Summary
#
# - Gini $1 - \sum_k p_k^2$ and entropy $-\sum_k p_k \log_2 p_k$ measure how
#   mixed a node is; both are 0 when it is pure.
# - A split's information gain is the parent's impurity minus the children's,
#   each weighted by its share $N_{\text{child}}/N$.
# - The best split tries the midpoints between consecutive distinct values of
#   every feature; left is $x_j \le t$.
# - A tree grows by recursion; `max_depth`, `min_samples_split`,
#   `min_samples_leaf` and `min_impurity_decrease` stop it early
#   (pre-pruning).
# - Deep trees overfit. Reduced-error pruning cuts a grown tree back wherever
#   a leaf does no worse on validation data (post-pruning).
#
# **Exercises.** (1) Retrain with `criterion="entropy"`: do the root split and
# the test accuracy change? (2) Sweep `min_samples_leaf` over 1, 5, 20 and
# compare with the depth sweep. (3) Why does a tree not need standardised
# features, unlike logistic regression?
