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
# # 03 · Logistic regression
#
# Linear regression predicts a number. For a yes/no answer (is this tumour
# benign?) we want a probability instead. Logistic regression keeps the linear
# score $z = w_0 + w_1 x_1 + \dots + w_D x_D$ and squashes it into $(0, 1)$:
#
# $$p(y = 1 \mid x) = \sigma(z) = \frac{1}{1 + e^{-z}}.$$
#
# We will write the model, its loss and gradient, train it by gradient descent,
# and judge it with the confusion matrix, precision, recall and F1.
#
# Shapes: N samples, D features. As in lesson 02, $X_b = [\mathbf 1, X]$ is
# $X$ with a column of ones first, so $z = X_b w$ and $w_0$ is the bias.

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false}
import numpy as np

from mlcourse_check import make_check

check = make_check("03-logistic-regression")

# %% [markdown]
# ## 1 · The sigmoid and the log-odds
#
# The odds of an event are $p / (1 - p)$; the model says that the **log-odds**
# are linear in $x$:
#
# $$\log \frac{p}{1 - p} = z \quad\Longleftrightarrow\quad p = \sigma(z).$$
#
# So $w_j$ is the change of the log-odds when $x_j$ grows by one, and the
# decision boundary $p = 0.5$ is the hyperplane $z = 0$.
#
# Computing $\sigma$ needs care. For $z = -1000$, `np.exp(-z)` is
# $e^{1000}$, which overflows to `inf` with a `RuntimeWarning`. Both forms
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}} = \frac{e^{z}}{1 + e^{z}}$$
#
# are exact; the first is safe for $z \ge 0$, the second for $z < 0$. Both can
# be written with $e = e^{-|z|} \le 1$, which never overflows.


# %% nbgrader={"grade": false, "grade_id": "sigmoid", "locked": false, "schema_version": 3, "solution": true}
def sigmoid(z):
    """Logistic function 1 / (1 + exp(-z)), elementwise.

    Must be finite and raise no RuntimeWarning (overflow) for any float z,
    e.g. z = ±1000.

    Shapes
    ------
    z : any shape, float64
    returns : same shape as z, values in [0, 1]
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("sigmoid: 1 / (1 + exp(-z)) without overflow")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_sigmoid", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("sigmoid", sigmoid)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: $\sigma(0)$, and the two ends.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_sigmoid", "locked": true, "schema_version": 3, "solution": false}
sigmoid(np.array([-1000.0, 0.0, 1000.0]))

# %% [markdown]
# ## 2 · Binary cross-entropy
#
# Each label is a coin flip with probability $p_i = \sigma(z_i)$ of heads, so
# the likelihood of the data is $\prod_i p_i^{y_i} (1 - p_i)^{1 - y_i}$. Its
# negative log, averaged over the samples, is the **binary cross-entropy**:
#
# $$L(w) = -\frac{1}{N} \sum_{i=1}^{N}
#   \big[\, y_i \log p_i + (1 - y_i) \log(1 - p_i) \,\big].$$
#
# Minimising $L$ is maximum likelihood. A confident wrong answer ($p_i = 0$
# with $y_i = 1$) costs $-\log 0 = \infty$, so in code $p$ is first clipped to
# $[\varepsilon, 1 - \varepsilon]$: such a sample then costs
# $-\log \varepsilon \approx 27.6$ for $\varepsilon = 10^{-12}$.


# %% nbgrader={"grade": false, "grade_id": "bce_loss", "locked": false, "schema_version": 3, "solution": true}
def bce_loss(y, p, eps=1e-12):
    """Mean binary cross-entropy of labels y under probabilities p.

    p is clipped to [eps, 1 - eps] first, then
    -mean(y log p + (1 - y) log(1 - p)).

    Shapes
    ------
    y : (N,) labels in {0, 1}
    p : (N,) probabilities in [0, 1] (0 and 1 included)
    returns : float
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("bce_loss: clip p, then the mean negative log-likelihood")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_bce_loss", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("bce_loss", bce_loss)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the output: a coin that always says $p = 0.5$ costs $\log 2$ per
# sample, whatever the labels.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_bce", "locked": true, "schema_version": 3, "solution": false}
bce_loss(np.array([0, 1, 1, 0]), np.full(4, 0.5)), np.log(2)

# %% [markdown]
# ## 3 · The gradient, with L2 regularisation
#
# The sigmoid has the derivative $\sigma'(z) = \sigma(z)(1 - \sigma(z))$, and
# with it the loss of one sample has a short derivative in its score:
#
# $$\frac{\partial}{\partial z_i}
#   \big[-y_i \log \sigma(z_i) - (1 - y_i) \log(1 - \sigma(z_i))\big]
#   = p_i - y_i .$$
#
# By the chain rule through $z = X_b w$, the gradient of the mean is
#
# $$\nabla L(w) = \frac{1}{N} X_b^\top (p - y).$$
#
# **L2 regularisation** adds $\frac{\lambda}{2}\lVert w_{1:} \rVert^2$, which
# pulls the weights towards 0 and keeps them finite when the classes are
# separable. The bias $w_0$ is left out: it only shifts the boundary, and
# penalising it would bias the predicted base rate. The gradient gains
# $\lambda\,[0, w_1, \dots, w_D]$.


# %% nbgrader={"grade": false, "grade_id": "bce_gradient", "locked": false, "schema_version": 3, "solution": true}
def bce_gradient(w, Xb, y, l2=0.0):
    """Gradient of bce_loss(y, sigmoid(Xb @ w)) + (l2 / 2) * ||w[1:]||^2.

    That is Xb.T @ (p - y) / N + l2 * [0, w[1], ..., w[D]] with
    p = sigmoid(Xb @ w); the bias w[0] is not penalised.

    Shapes
    ------
    w : (D+1,) weights, w[0] the bias
    Xb : (N, D+1) features, column 0 all ones
    y : (N,) labels in {0, 1}
    returns : (D+1,)
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("bce_gradient: Xb.T @ (p - y) / N + l2 * [0, w[1:]]")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_bce_gradient", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("bce_gradient", bce_gradient)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# A gradient can be checked without any calculus: the central difference
# $\big(f(w + h e_j) - f(w - h e_j)\big) / 2h$ approximates
# $\partial f / \partial w_j$ with an error of order $h^2$. Predict the output:
# a difference below $10^{-9}$.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_gradient", "locked": true, "schema_version": 3, "solution": false}
rng = np.random.default_rng(0)
Xb = np.hstack([np.ones((8, 1)), rng.normal(size=(8, 2))])  # (8, 3)
y, w, h, l2 = rng.integers(0, 2, 8), rng.normal(size=3), 1e-5, 0.1


def objective(w):
    return bce_loss(y, sigmoid(Xb @ w)) + l2 / 2 * np.sum(w[1:] ** 2)


numeric = [(objective(w + h * e) - objective(w - h * e)) / (2 * h) for e in np.eye(3)]
np.abs(bce_gradient(w, Xb, y, l2) - numeric).max()

# %% [markdown]
# ## 4 · Gradient descent
#
# Unlike least squares, $\nabla L(w) = 0$ has no closed-form solution. But $L$
# is convex in $w$, so plain gradient descent heads for its minimum (when
# there is one: on separable classes without a penalty the weights grow
# forever). Start at $w = 0$ and repeat
#
# $$w \leftarrow w - \eta \, \nabla L(w)$$
#
# for a fixed number of full-batch steps. The Hessian of $L$ is at most
# $\frac14 X_b^\top X_b / N$ (as $\sigma' \le \frac14$), so every step size
# $\eta < 8 / \lambda_{\max}(X_b^\top X_b / N)$ is stable. For the 30
# standardised features of section 7 that bound is about 0.6, and we use 0.1.


# %% nbgrader={"grade": false, "grade_id": "fit_logistic", "locked": false, "schema_version": 3, "solution": true}
def fit_logistic(X, y, lr=0.1, n_iter=2000, l2=0.0):
    """Logistic regression by full-batch gradient descent.

    Adds the ones column first (Xb = [1, X]), starts at w = 0 and takes exactly
    n_iter steps w <- w - lr * bce_gradient(w, Xb, y, l2).

    Shapes
    ------
    X : (N, D) raw features, no bias column
    y : (N,) labels in {0, 1}
    returns : w (D+1,), w[0] the bias
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("fit_logistic: n_iter gradient steps from w = 0")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_fit_logistic", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("fit_logistic", fit_logistic)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 5 · The confusion matrix
#
# Predicting $\hat y = 1$ when $p \ge 0.5$ turns probabilities into labels.
# Four counts say how the labels compare with the truth:
#
# | | predicted 0 | predicted 1 |
# |---|---|---|
# | **true 0** | TN (true negatives) | FP (false positives) |
# | **true 1** | FN (false negatives) | TP (true positives) |
#
# Rows are the true class and columns the prediction, as in scikit-learn.
# Accuracy is the diagonal over the total, $(TN + TP) / N$.


# %% nbgrader={"grade": false, "grade_id": "confusion_matrix", "locked": false, "schema_version": 3, "solution": true}
def confusion_matrix(y_true, y_pred):
    """Counts [[TN, FP], [FN, TP]]: row = true class, column = predicted class.

    Always 2 x 2, even when a class is absent from y_true or y_pred.

    Shapes
    ------
    y_true : (N,) int labels in {0, 1}
    y_pred : (N,) int labels in {0, 1}
    returns : (2, 2) int array
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("confusion_matrix: count [[TN, FP], [FN, TP]]")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_confusion_matrix", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("confusion_matrix", confusion_matrix)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 6 · Precision, recall and F1
#
# Accuracy hides which errors a classifier makes. With class 1 as the
# positive class:
#
# $$\text{precision} = \frac{TP}{TP + FP}, \qquad
#   \text{recall} = \frac{TP}{TP + FN}, \qquad
#   F_1 = \frac{2 \cdot \text{precision} \cdot \text{recall}}
#              {\text{precision} + \text{recall}}.$$
#
# Precision: of the samples called positive, the share that are. Recall: of
# the positives, the share that were found. $F_1$, their harmonic mean, is
# high only when both are. A classifier that never says 1 has no precision to
# speak of ($0/0$); by convention (scikit-learn's `zero_division=0`) such a
# ratio counts as 0.


# %% nbgrader={"grade": false, "grade_id": "precision_recall_f1", "locked": false, "schema_version": 3, "solution": true}
def precision_recall_f1(y_true, y_pred):
    """Precision, recall and F1 of the positive class 1.

    precision = TP / (TP + FP), recall = TP / (TP + FN),
    f1 = 2 * precision * recall / (precision + recall); each one is 0.0 when
    its denominator is 0.

    Shapes
    ------
    y_true : (N,) int labels in {0, 1}
    y_pred : (N,) int labels in {0, 1}
    returns : tuple (precision, recall, f1) of floats
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("precision_recall_f1: from TP, FP and FN")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_precision_recall_f1", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("precision_recall_f1", precision_recall_f1)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 7 · Breast cancer: benign or malignant?
#
# The Wisconsin breast cancer data has 569 tumours with 30 features each;
# label 1 is benign. We hold out 25 % for testing, standardise with the
# training mean and standard deviation, train for 2000 steps and threshold
# at $p \ge 0.5$. Target: test accuracy ≥ 0.94 and F1 ≥ 0.95.

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train", "locked": true, "schema_version": 3, "solution": false}
from dataclasses import dataclass

from sklearn.datasets import load_breast_cancer


@dataclass(frozen=True)
class Config:
    lr: float = 0.1  # gradient descent step size
    n_iter: int = 2000  # full-batch steps
    l2: float = 0.0  # L2 strength on w[1:]
    test_size: float = 0.25  # share of samples held out
    seed: int = 0  # seed of the split


cfg = Config()
X, y = load_breast_cancer(return_X_y=True)  # (569, 30), (569,)
perm = np.random.default_rng(cfg.seed).permutation(len(y))
n_test = int(np.ceil(cfg.test_size * len(y)))
test, train = perm[:n_test], perm[n_test:]
mean, std = X[train].mean(axis=0), X[train].std(axis=0)  # (30,), (30,)
Z_train, Z_test = (X[train] - mean) / std, (X[test] - mean) / std

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train_2", "locked": true, "schema_version": 3, "solution": false}
w = fit_logistic(Z_train, y[train], lr=cfg.lr, n_iter=cfg.n_iter, l2=cfg.l2)  # (31,)
p_test = sigmoid(w[0] + Z_test @ w[1:])  # (143,)
y_pred = (p_test >= 0.5).astype(int)
accuracy = float(np.mean(y_pred == y[test]))
precision, recall, f1 = precision_recall_f1(y[test], y_pred)
print(f"test accuracy {accuracy:.3f} (target ≥ 0.94)")
print(f"test F1 {f1:.3f} (target ≥ 0.95)")
headline = {"accuracy": accuracy, "f1": float(f1)}

# %% [markdown]
# ## 8 · Looking at the result
#
# The loss along the way, on the training and the test set: replay the steps
# of `fit_logistic` with `bce_gradient` and record `bce_loss` after each.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_loss", "locked": true, "schema_version": 3, "solution": false}
import matplotlib.pyplot as plt

Xb_train = np.hstack([np.ones((len(train), 1)), Z_train])  # (N, 31)
Xb_test = np.hstack([np.ones((len(test), 1)), Z_test])
w_t, train_loss, test_loss = np.zeros(Xb_train.shape[1]), [], []
for _ in range(cfg.n_iter):
    w_t = w_t - cfg.lr * bce_gradient(w_t, Xb_train, y[train], cfg.l2)
    train_loss.append(bce_loss(y[train], sigmoid(Xb_train @ w_t)))
    test_loss.append(bce_loss(y[test], sigmoid(Xb_test @ w_t)))
plt.plot(train_loss, label="train")
plt.plot(test_loss, label="test")
plt.xscale("log")
plt.xlabel("step")
plt.ylabel("binary cross-entropy")
plt.legend()
plt.show()

# %% [markdown]
# The test confusion matrix: which mistakes are left?

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_confusion", "locked": true, "schema_version": 3, "solution": false}
M = confusion_matrix(y[test], y_pred)  # (2, 2)
fig, ax = plt.subplots(figsize=(3.5, 3.5))
ax.imshow(M, cmap="Blues")
for (i, j), count in np.ndenumerate(M):
    ax.text(j, i, str(count), ha="center", va="center")
ax.set_xticks([0, 1], ["malignant", "benign"])
ax.set_yticks([0, 1], ["malignant", "benign"])
ax.set_xlabel("predicted")
ax.set_ylabel("true")
plt.show()
print(f"precision {precision:.3f} | recall {recall:.3f} | f1 {f1:.3f}")

# %% [markdown]
# The same model from scikit-learn, for comparison. Its `C` is the inverse of
# the total penalty: `C = 1 / (N · l2)` matches our mean loss with L2 strength
# `l2`. Its default `C = 1` is a mild penalty, `l2 = 1/N`; our 2000 steps from
# $w = 0$ without a penalty end before the weights grow large, which acts in a
# similar way.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_sklearn", "locked": true, "schema_version": 3, "solution": false}
from sklearn.linear_model import LogisticRegression

clf = LogisticRegression(C=1.0, max_iter=10_000).fit(Z_train, y[train])
sk_accuracy = clf.score(Z_test, y[test])
print(f"test accuracy: scikit-learn {sk_accuracy:.3f} | ours {accuracy:.3f}")

# %% [markdown]
# ## Summary
#
# - Logistic regression models the log-odds as linear: $p = \sigma(X_b w)$.
# - Evaluate $\sigma$ through $e^{-|z|}$, which cannot overflow.
# - The binary cross-entropy is the mean negative log-likelihood; clip $p$
#   before the logarithm.
# - Its gradient is $X_b^\top (p - y) / N$, plus $\lambda [0, w_{1:}]$ for an
#   L2 penalty that leaves the bias alone.
# - The loss is convex: gradient descent from $w = 0$ with a small enough
#   step only goes downhill.
# - The confusion matrix $[[TN, FP], [FN, TP]]$ shows which errors remain;
#   precision, recall and their harmonic mean $F_1$ summarise them.
#
# **Exercises.** (1) Retrain with `l2 = 0.1` and compare $\lVert w \rVert$ and
# the test accuracy. (2) Move the threshold from 0.5 to 0.3 and 0.7: which of
# precision and recall rises? (3) Without standardising, which step size still
# converges?
