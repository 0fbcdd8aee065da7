"""Oracle tests of lesson 22: the reference against torch's own attention code.

Oracles run in float64 and agree with the reference to 1e-10 unless stated.
torch's nn layers read masks as True = ignore, so they get the inverted mask;
they give NaN on a fully masked row, which is therefore checked by hand.
"""

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from solutions import attention as ref
from solutions.tests.conftest import assert_budget, run_headline

TOL = {"rtol": 1e-10, "atol": 1e-12}


@pytest.fixture
def gen():
    return torch.Generator().manual_seed(0)


def _mask(B, T, gen, full=()):
    mask = torch.rand(B, T, generator=gen) < 0.6
    mask[:, 0] = True
    mask[list(full)] = False
    return mask


def test_masked_softmax_is_softmax_on_minus_inf_fill(gen):
    scores = torch.randn(4, 3, 7, generator=gen, dtype=torch.float64)
    mask = torch.rand(4, 1, 7, generator=gen) < 0.5
    mask[..., 2] = True
    expected = torch.softmax(scores.masked_fill(~mask, float("-inf")), dim=-1)
    torch.testing.assert_close(ref.masked_softmax(scores, mask), expected, **TOL)
    torch.testing.assert_close(
        ref.masked_softmax(scores, None), torch.softmax(scores, -1), **TOL
    )
    along = ref.masked_softmax(scores.transpose(1, 2), mask.transpose(1, 2), dim=1)
    torch.testing.assert_close(along, expected.transpose(1, 2), **TOL)


def test_masked_softmax_gradient_and_fully_masked_row(gen):
    scores = torch.randn(3, 5, generator=gen, dtype=torch.float64, requires_grad=True)
    mask = _mask(3, 5, gen)
    assert torch.autograd.gradcheck(lambda s: ref.masked_softmax(s, mask), (scores,))
    mask[1] = False
    weights = ref.masked_softmax(scores, mask)
    (weights * torch.randn(3, 5, generator=gen, dtype=torch.float64)).sum().backward()
    assert torch.equal(weights[1], torch.zeros(5, dtype=torch.float64))
    assert torch.isfinite(scores.grad).all() and torch.equal(scores.grad[1], weights[1])


@pytest.mark.parametrize("T", [1, 2, 7])
def test_causal_mask_matches_square_subsequent_mask(T):
    blocked = nn.Transformer.generate_square_subsequent_mask(T)  # -inf where j > i
    assert ref.causal_mask(T).dtype == torch.bool
    assert torch.equal(ref.causal_mask(T), blocked == 0)


def test_padding_mask_by_loops():
    lengths = torch.tensor([0, 3, 6, 1])
    mask = ref.padding_mask(lengths, 6)
    expected = [[t < n for t in range(6)] for n in lengths.tolist()]
    assert mask.dtype == torch.bool and mask.tolist() == expected


def test_additive_attention_matches_the_loop_formula(gen):
    m = ref.AdditiveAttention(4, 5, 8).double()
    assert {k: tuple(v.shape) for k, v in m.state_dict().items()} == {
        "W_q.weight": (8, 4),
        "W_k.weight": (8, 5),
        "v.weight": (1, 8),
    }
    B, T = 3, 6
    q = torch.randn(B, 4, generator=gen, dtype=torch.float64)
    k = torch.randn(B, T, 5, generator=gen, dtype=torch.float64)
    v = torch.randn(B, T, 7, generator=gen, dtype=torch.float64)
    mask = _mask(B, T, gen)
    context, weights = m(q, k, v, mask)
    Wq, Wk, w = m.W_q.weight, m.W_k.weight, m.v.weight[0]
    for b in range(B):
        e = torch.stack([w @ torch.tanh(Wq @ q[b] + Wk @ k[b, t]) for t in range(T)])
        e = torch.where(mask[b], e, torch.tensor(float("-inf"), dtype=e.dtype))
        alpha = torch.exp(e - e.max()) / torch.exp(e - e.max()).sum()
        torch.testing.assert_close(weights[b], alpha, **TOL)
        torch.testing.assert_close(
            context[b], sum(alpha[t] * v[b, t] for t in range(T))
        )


@pytest.mark.parametrize("scaled", [True, False])
def test_dot_attention_matches_sdpa(gen, scaled):
    B, T, D = 3, 6, 8
    q = torch.randn(B, D, generator=gen, dtype=torch.float64, requires_grad=True)
    k = torch.randn(B, T, D, generator=gen, dtype=torch.float64)
    v = torch.randn(B, T, 4, generator=gen, dtype=torch.float64)
    mask = _mask(B, T, gen)
    context, weights = ref.dot_attention(q, k, v, mask, scaled=scaled)
    expected = F.scaled_dot_product_attention(  # bool attn_mask: True = attend
        q[:, None, None],
        k[:, None],
        v[:, None],
        attn_mask=mask[:, None, None, :],
        scale=None if scaled else 1.0,
    )[:, 0, 0]
    torch.testing.assert_close(context, expected, **TOL)
    scores = torch.einsum("bd,btd->bt", q, k) / (D**0.5 if scaled else 1.0)
    alpha = torch.softmax(scores.masked_fill(~mask, float("-inf")), -1)
    torch.testing.assert_close(weights, alpha, **TOL)
    g = torch.randn(B, 4, generator=gen, dtype=torch.float64)
    (grad,) = torch.autograd.grad((context * g).sum(), q)
    (expected_grad,) = torch.autograd.grad((expected * g).sum(), q)
    torch.testing.assert_close(grad, expected_grad, **TOL)


def test_dot_attention_fully_masked_row(gen):
    q = torch.randn(2, 4, generator=gen, requires_grad=True)
    k, v = torch.randn(2, 3, 4, generator=gen), torch.randn(2, 3, 5, generator=gen)
    mask = torch.tensor([[True, False, True], [False, False, False]])
    context, weights = ref.dot_attention(q, k, v, mask)
    context.sum().backward()
    assert torch.equal(weights[1], torch.zeros(3)) and torch.equal(
        context[1], torch.zeros(5)
    )
    assert torch.isfinite(q.grad).all()


@pytest.mark.parametrize("d_model,kv_dim,n_heads", [(8, 6, 2), (12, 5, 3), (6, 4, 1)])
def test_cross_attention_matches_multihead_attention(gen, d_model, kv_dim, n_heads):
    torch.manual_seed(0)
    m = ref.CrossAttention(d_model, kv_dim, n_heads).double()
    with torch.no_grad():
        for p in m.parameters():
            p.normal_(0.0, 0.5, generator=gen)
    oracle = nn.MultiheadAttention(
        d_model, n_heads, kdim=kv_dim, vdim=kv_dim, batch_first=True
    ).double()
    oracle.load_state_dict(m.state_dict())  # strict: the same keys and shapes
    m.load_state_dict(oracle.state_dict())
    B, Tq, Tk = 2, 3, 5
    x = torch.randn(B, Tq, d_model, generator=gen, dtype=torch.float64)
    c = torch.randn(B, Tk, kv_dim, generator=gen, dtype=torch.float64)
    x.requires_grad_(), c.requires_grad_()
    mask = _mask(B, Tk, gen)
    out, weights = m(x, c, mask)
    expected, expected_weights = oracle(
        x, c, c, key_padding_mask=~mask, need_weights=True, average_attn_weights=False
    )
    torch.testing.assert_close(out, expected, **TOL)
    torch.testing.assert_close(weights, expected_weights, **TOL)
    g = torch.randn(B, Tq, d_model, generator=gen, dtype=torch.float64)
    grads = torch.autograd.grad((out * g).sum(), (x, c))
    expected_grads = torch.autograd.grad((expected * g).sum(), (x, c))
    for got, want in zip(grads, expected_grads, strict=True):
        torch.testing.assert_close(got, want, **TOL)


def test_cross_attention_fully_masked_context(gen):
    m = ref.CrossAttention(8, 6, 2)
    with torch.no_grad():
        m.out_proj.bias.normal_(generator=gen)
    x = torch.randn(2, 3, 8, generator=gen, requires_grad=True)
    c = torch.randn(2, 5, 6, generator=gen, requires_grad=True)
    mask = _mask(2, 5, gen, full=(0,))
    out, weights = m(x, c, mask)
    out.sum().backward()
    assert torch.equal(weights[0], torch.zeros(2, 3, 5))
    assert torch.equal(out[0], m.out_proj.bias.detach().expand(3, 8))
    assert torch.isfinite(x.grad).all() and torch.isfinite(c.grad).all()


def test_cross_attention_needs_divisible_heads():
    with pytest.raises(ValueError, match="n_heads=3"):
        ref.CrossAttention(8, 6, 3)


def test_attention_entropy_matches_categorical(gen):
    scores = torch.randn(2, 4, 6, generator=gen, dtype=torch.float64)
    mask = torch.rand(2, 4, 6, generator=gen) < 0.6
    mask[..., 0] = True
    weights = ref.masked_softmax(scores, mask)
    expected = torch.distributions.Categorical(probs=weights).entropy()
    torch.testing.assert_close(ref.attention_entropy(weights, mask), expected, **TOL)
    torch.testing.assert_close(ref.attention_entropy(weights, None), expected, **TOL)


def test_attention_entropy_edges():
    one_hot = torch.tensor([[0.0, 1.0, 0.0], [0.5, 0.5, 0.0], [0.0, 0.0, 0.0]])
    mask = torch.tensor([[True, True, True], [True, True, False], [False] * 3])
    H = ref.attention_entropy(one_hot, mask)
    torch.testing.assert_close(
        H, torch.tensor([0.0, torch.log(torch.tensor(2.0)), 0.0])
    )


@pytest.mark.headline
def test_headline():
    headline, seconds = run_headline("22-attention", ref)
    assert headline["additive_accuracy"] >= 0.98
    assert headline["dot_accuracy"] >= 0.98
    assert headline["mean_accuracy"] <= 0.40
    assert_budget(seconds, 25)
