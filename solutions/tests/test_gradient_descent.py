"""Oracle tests of lesson 08: central differences, the closed form, lstsq."""

import numpy as np
import pytest

from solutions import gradient_descent as ref
from solutions.tests.conftest import assert_budget, run_headline


def _data(seed, N=40, D=3):
    """Well-conditioned X (N, D) and a noisy linear target y (N,)."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(N, D))
    y = X @ rng.normal(size=D) + 0.5 + 0.3 * rng.normal(size=N)
    return X, y


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_mse_loss_and_grad_matches_central_differences(seed):
    X, y = _data(seed, N=25, D=4)
    w = np.random.default_rng(seed + 10).normal(size=4)
    loss, grad = ref.mse_loss_and_grad(w, X, y)
    assert loss == pytest.approx(np.mean((X @ w - y) ** 2), rel=1e-12)
    h = 1e-6
    numeric = [
        (
            ref.mse_loss_and_grad(w + h * e, X, y)[0]
            - ref.mse_loss_and_grad(w - h * e, X, y)[0]
        )
        / (2 * h)
        for e in np.eye(4)
    ]
    np.testing.assert_allclose(grad, numeric, atol=1e-6)


@pytest.mark.parametrize("c", [0.5, 1.5])
def test_batch_gradient_descent_matches_closed_form(c):
    X, y = _data(3)
    H = 2 * X.T @ X / len(y)
    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    lr, w0 = c / np.linalg.eigvalsh(H)[-1], np.array([1.0, -2.0, 0.5])
    w0_before = w0.copy()
    w, history = ref.batch_gradient_descent(X, y, w0, lr, 12)
    expected = w_star + np.linalg.matrix_power(np.eye(3) - lr * H, 12) @ (w0 - w_star)
    np.testing.assert_allclose(w, expected, rtol=1e-10, atol=1e-12)
    np.testing.assert_array_equal(w0, w0_before)
    assert history.shape == (13,)
    for k in (0, 5, 12):
        w_k = w_star + np.linalg.matrix_power(np.eye(3) - lr * H, k) @ (w0 - w_star)
        assert history[k] == pytest.approx(np.mean((X @ w_k - y) ** 2), rel=1e-10)


def test_batch_gradient_descent_converges_to_lstsq():
    X, y = _data(4, N=60, D=5)
    w, history = ref.batch_gradient_descent(
        X, y, np.zeros(5), 0.9 * ref.max_stable_lr(X) / 2, 500
    )
    np.testing.assert_allclose(w, np.linalg.lstsq(X, y, rcond=None)[0], atol=1e-9)
    assert np.all(np.diff(history) <= 1e-12)  # monotone: the loss never rises


@pytest.mark.parametrize("N, B", [(10, 3), (12, 4), (5, 8), (7, 1)])
def test_minibatch_indices_cut_one_permutation(N, B):
    batches = ref.minibatch_indices(N, B, rng=np.random.default_rng(7))
    perm = np.random.default_rng(7).permutation(N)
    assert len(batches) == -(-N // B)
    np.testing.assert_array_equal(np.concatenate(batches), perm)
    assert all(len(b) == B for b in batches[:-1])
    assert 1 <= len(batches[-1]) <= B


def test_minibatch_indices_draw_one_permutation_per_call():
    rng, twin = np.random.default_rng(3), np.random.default_rng(3)
    for _ in range(3):
        ref.minibatch_indices(9, 4, rng=rng)
        twin.permutation(9)
    assert rng.random() == twin.random()


def test_minibatch_with_batch_n_reproduces_batch_gd():
    X, y = _data(5)
    w0 = np.array([0.3, 0.0, -0.4])
    w_b, h_b = ref.batch_gradient_descent(X, y, w0, 0.2, 15)
    w_m, h_m = ref.minibatch_gradient_descent(
        X, y, w0, 0.2, 15, len(y), rng=np.random.default_rng(0)
    )
    np.testing.assert_allclose(w_m, w_b, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(h_m, h_b, rtol=1e-10)


def test_minibatch_steps_by_hand():
    X, y = _data(6, N=10, D=2)
    w = np.zeros(2)
    rng = np.random.default_rng(1)
    for _ in range(3):
        perm = rng.permutation(10)
        for b in (perm[:4], perm[4:8], perm[8:]):
            r = X[b] @ w - y[b]
            w = w - 0.1 * 2 * X[b].T @ r / len(b)
    w_m, history = ref.minibatch_gradient_descent(
        X, y, np.zeros(2), 0.1, 3, 4, rng=np.random.default_rng(1)
    )
    np.testing.assert_allclose(w_m, w, rtol=1e-12)
    assert history[-1] == pytest.approx(np.mean((X @ w - y) ** 2), rel=1e-12)


def test_sgd_gets_close_to_lstsq():
    X, y = _data(7, N=80, D=3)
    _, history = ref.minibatch_gradient_descent(
        X, y, np.zeros(3), 0.01, 30, 1, rng=np.random.default_rng(0)
    )
    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    assert history[-1] <= 1.05 * np.mean((X @ w_star - y) ** 2)


@pytest.mark.parametrize("seed", [0, 1])
def test_max_stable_lr_is_the_stability_bound(seed):
    X, y = _data(seed, N=30, D=4)
    lam = np.linalg.eigvalsh(2 * X.T @ X / 30)[-1]
    assert ref.max_stable_lr(X) == pytest.approx(2 / lam, rel=1e-12)
    sigma = np.linalg.svd(X, compute_uv=False)[0]
    assert ref.max_stable_lr(X) == pytest.approx(30 / sigma**2, rel=1e-12)
    eta = ref.max_stable_lr(X)
    _, h_in = ref.batch_gradient_descent(X, y, np.ones(4), 0.98 * eta, 300)
    _, h_out = ref.batch_gradient_descent(X, y, np.ones(4), 1.02 * eta, 300)
    assert h_in[-1] < h_in[0] < h_out[-1]


@pytest.mark.parametrize(
    "c, regime",
    [
        (0.3, "monotone"),
        (0.95, "monotone"),
        (1.05, "oscillating"),
        (1.9, "oscillating"),
        (2.1, "divergent"),
        (5.0, "divergent"),
    ],
)
def test_lr_regime_matches_the_error_components(c, regime):
    X, y = _data(8, N=50, D=3)
    H = 2 * X.T @ X / 50
    lam, V = np.linalg.eigh(H)
    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    lr = c / lam[-1]
    assert ref.lr_regime(X, lr) == regime
    w0 = w_star + V @ np.ones(3)  # every error component 1
    w, _ = ref.batch_gradient_descent(X, y, w0, lr, 1)
    factors = V.T @ (w - w_star)  # 1 − η λ_j
    np.testing.assert_allclose(factors, 1 - lr * lam, atol=1e-10)
    if regime == "monotone":
        assert np.all(factors >= 0)
    elif regime == "oscillating":
        assert factors.min() < 0 and np.all(np.abs(factors) < 1)
    else:
        assert np.abs(factors).max() > 1


@pytest.mark.headline
def test_headline():
    headline, seconds = run_headline("08-gradient-descent", ref)
    assert headline["batch"] <= 60
    assert headline["minibatch"] <= 60
    assert headline["sgd"] <= 60
    assert headline["divergent_growth"] > 1
    assert_budget(seconds, 5)
