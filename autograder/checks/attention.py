"""Checks of lesson 22, attention.

Modules are never compared on random weights: `inputs` draws a state dict of
the reference's shapes (every entry random, biases included) and the check's
code loads it strictly into the student's module. Gradients are observed with
`(out * g).sum().backward()` for a random `g` drawn with the inputs.
"""

from __future__ import annotations

import math

import numpy as np
import torch
import torch.nn.functional as F

from autograder.checks import Check, Mistake
from solutions import attention as ref


def _bool(rng: np.random.Generator, shape: tuple[int, ...], p: float = 0.7):
    """A random bool mask, True with probability p."""
    return torch.from_numpy(rng.random(shape) < p)


def _mask(rng: np.random.Generator, B: int, T: int, full: tuple[int, ...] = ()):
    """(B, T) bool: a random mask with position 0 kept; rows in `full` all False."""
    mask = _bool(rng, (B, T))
    mask[:, 0] = True
    mask[list(full)] = False
    return mask


def _state(module: torch.nn.Module) -> dict:
    """The module's state dict with every entry redrawn, so biases matter too."""
    return {k: 0.5 * torch.randn_like(v) for k, v in module.state_dict().items()}


# ---------------------------------------------------------------- masked_softmax

SOFTMAX_CODE = """
scores = scores.requires_grad_()
weights = masked_softmax(scores, mask, dim)
(weights * g).sum().backward()
result = (weights, scores.grad)
"""
SOFTMAX_NAMES = ("weights", "scores.grad")


def _softmax_inputs(shape, mask_shape, dim=-1, full=False):
    def inputs(rng, _ref):
        mask = _bool(rng, mask_shape)
        mask.select(dim, 0).fill_(True)  # no row fully masked by chance
        if full:
            mask.view(-1, mask_shape[-1])[1] = False  # the second row fully masked
        return {
            "scores": torch.randn(*shape),
            "mask": mask,
            "dim": dim,
            "g": torch.randn(*shape),
        }

    return inputs


def _no_mask_inputs(rng, _ref):
    return {
        "scores": torch.randn(3, 5),
        "mask": None,
        "dim": -1,
        "g": torch.randn(3, 5),
    }


# ------------------------------------------------------------------- the modules

ADDITIVE_CODE = """
m = AdditiveAttention(4, 5, 8)
m.load_state_dict(state)
query, keys, values = (t.requires_grad_() for t in (query, keys, values))
context, weights = m(query, keys, values, mask)
(context * g).sum().backward()
result = (context, weights, query.grad, keys.grad, values.grad)
"""
MODULE_NAMES = ("context", "weights", "query.grad", "keys.grad", "values.grad")


def _additive_inputs(B=3, T=6, full=(), masked=True):
    def inputs(rng, ref):
        return {
            "state": _state(ref.AdditiveAttention(4, 5, 8)),
            "query": torch.randn(B, 4),
            "keys": torch.randn(B, T, 5),
            "values": torch.randn(B, T, 7),
            "mask": _mask(rng, B, T, full) if masked else None,
            "g": torch.randn(B, 7),
        }

    return inputs


DOT_CODE = """
query, keys, values = (t.requires_grad_() for t in (query, keys, values))
context, weights = dot_attention(query, keys, values, mask, scaled=scaled)
(context * g).sum().backward()
result = (context, weights, query.grad, keys.grad, values.grad)
"""


def _dot_inputs(B=3, T=6, D=8, full=(), masked=True, scaled=True):
    def inputs(rng, _ref):
        return {
            "query": torch.randn(B, D),
            "keys": torch.randn(B, T, D),
            "values": torch.randn(B, T, 4),
            "mask": _mask(rng, B, T, full) if masked else None,
            "scaled": scaled,
            "g": torch.randn(B, 4),
        }

    return inputs


CROSS_CODE = """
m = CrossAttention(d_model, kv_dim, n_heads)
m.load_state_dict(state)
x, context = x.requires_grad_(), context.requires_grad_()
out, weights = m(x, context, mask)
(out * g).sum().backward()
result = (out, weights, x.grad, context.grad)
"""
CROSS_NAMES = ("out", "weights", "x.grad", "context.grad")


def _cross_inputs(
    d_model=8, kv_dim=6, n_heads=2, B=2, Tq=3, Tk=5, full=(), masked=True
):
    def inputs(rng, ref):
        return {
            "d_model": d_model,
            "kv_dim": kv_dim,
            "n_heads": n_heads,
            "state": _state(ref.CrossAttention(d_model, kv_dim, n_heads)),
            "x": torch.randn(B, Tq, d_model),
            "context": torch.randn(B, Tk, kv_dim),
            "mask": _mask(rng, B, Tk, full) if masked else None,
            "g": torch.randn(B, Tq, d_model),
        }

    return inputs


STATE_KEYS_CODE = """
m = {call}
result = {{k: tuple(v.shape) for k, v in m.state_dict().items()}}
"""


# ------------------------------------------------------------- attention_entropy


def _entropy_inputs(shape, full=False, one_hot=False, masked=True):
    def inputs(rng, _ref):
        mask = _bool(rng, shape) if masked else torch.ones(shape, dtype=torch.bool)
        mask[..., 0] = True
        if full:
            mask.view(-1, shape[-1])[1] = False
        weights = ref.masked_softmax(2 * torch.randn(*shape), mask)
        if one_hot:  # exact zeros inside the attended positions
            weights = weights.masked_fill(weights < 0.15, 0.0)
            weights = weights / weights.sum(-1, keepdim=True).clamp_min(1e-30)
        return {"weights": weights, "mask": mask if masked else None}

    return inputs


CHECKS = [
    # masked_softmax
    Check(
        "masked_softmax.values",
        "masked_softmax(scores, mask), scores (4, 6), mask (4, 6); and the "
        "gradient of (weights * g).sum()",
        code=SOFTMAX_CODE,
        inputs=_softmax_inputs((4, 6), (4, 6)),
        names=SOFTMAX_NAMES,
    ),
    Check(
        "masked_softmax.fully_masked",
        "masked_softmax(scores, mask), scores (3, 5), row 1 of mask all False; "
        "and the gradient",
        code=SOFTMAX_CODE,
        inputs=_softmax_inputs((3, 5), (3, 5), full=True),
        names=SOFTMAX_NAMES,
    ),
    Check(
        "masked_softmax.no_mask",
        "masked_softmax(scores, None), scores (3, 5); and the gradient",
        code=SOFTMAX_CODE,
        inputs=_no_mask_inputs,
        names=SOFTMAX_NAMES,
        hidden=True,
    ),
    Check(
        "masked_softmax.broadcast",
        "masked_softmax(scores, mask), scores (2, 3, 4, 5), mask (2, 1, 1, 5); "
        "and the gradient",
        code=SOFTMAX_CODE,
        inputs=_softmax_inputs((2, 3, 4, 5), (2, 1, 1, 5)),
        names=SOFTMAX_NAMES,
        hidden=True,
    ),
    Check(
        "masked_softmax.dim",
        "masked_softmax(scores, mask, dim=1), scores and mask (2, 5, 3); "
        "and the gradient",
        code=SOFTMAX_CODE,
        inputs=_softmax_inputs((2, 5, 3), (2, 5, 3), dim=1),
        names=SOFTMAX_NAMES,
        hidden=True,
    ),
    # masks
    Check(
        "padding_mask.values",
        "padding_mask(lengths, 6), lengths = [3, 1, 6, 4]",
        code="result = padding_mask(lengths, max_len)",
        inputs=lambda rng, ref: {"lengths": torch.tensor([3, 1, 6, 4]), "max_len": 6},
    ),
    Check(
        "padding_mask.edges",
        "padding_mask(lengths, 5), lengths = [0, 5, 2]",
        code="result = padding_mask(lengths, max_len)",
        inputs=lambda rng, ref: {"lengths": torch.tensor([0, 5, 2]), "max_len": 5},
        hidden=True,
    ),
    Check(
        "causal_mask.values",
        "causal_mask(5)",
        code="result = causal_mask(5)",
    ),
    Check(
        "causal_mask.one",
        "causal_mask(1)",
        code="result = causal_mask(1)",
        hidden=True,
    ),
    # AdditiveAttention
    Check(
        "AdditiveAttention.state_dict",
        "AdditiveAttention(4, 5, 8).state_dict(): keys and shapes",
        code=STATE_KEYS_CODE.format(call="AdditiveAttention(4, 5, 8)"),
    ),
    Check(
        "AdditiveAttention.values",
        "AdditiveAttention(4, 5, 8) with a loaded state dict, query (3, 4), "
        "keys (3, 6, 5), values (3, 6, 7), mask (3, 6); and input gradients",
        code=ADDITIVE_CODE,
        inputs=_additive_inputs(),
        names=MODULE_NAMES,
    ),
    Check(
        "AdditiveAttention.no_mask",
        "AdditiveAttention(4, 5, 8), query (2, 4), keys (2, 4, 5), mask None; "
        "and input gradients",
        code=ADDITIVE_CODE,
        inputs=_additive_inputs(B=2, T=4, masked=False),
        names=MODULE_NAMES,
        hidden=True,
    ),
    Check(
        "AdditiveAttention.fully_masked",
        "AdditiveAttention(4, 5, 8), mask (3, 6) with row 1 all False "
        "(zero weights and context, finite gradients)",
        code=ADDITIVE_CODE,
        inputs=_additive_inputs(full=(1,)),
        names=MODULE_NAMES,
        hidden=True,
    ),
    # dot_attention
    Check(
        "dot_attention.values",
        "dot_attention(query, keys, values, mask), query (3, 8), keys (3, 6, 8), "
        "values (3, 6, 4), mask (3, 6); and input gradients",
        code=DOT_CODE,
        inputs=_dot_inputs(),
        names=MODULE_NAMES,
    ),
    Check(
        "dot_attention.unscaled",
        "dot_attention(..., scaled=False), query (3, 8), keys (3, 6, 8); "
        "and input gradients",
        code=DOT_CODE,
        inputs=_dot_inputs(scaled=False),
        names=MODULE_NAMES,
        hidden=True,
    ),
    Check(
        "dot_attention.no_mask",
        "dot_attention(query, keys, values, None), query (2, 16), keys (2, 5, 16); "
        "and input gradients",
        code=DOT_CODE,
        inputs=_dot_inputs(B=2, T=5, D=16, masked=False),
        names=MODULE_NAMES,
        hidden=True,
    ),
    Check(
        "dot_attention.fully_masked",
        "dot_attention(query, keys, values, mask), mask (3, 6) with row 2 all "
        "False (zero weights and context, finite gradients)",
        code=DOT_CODE,
        inputs=_dot_inputs(full=(2,)),
        names=MODULE_NAMES,
        hidden=True,
    ),
    # CrossAttention
    Check(
        "CrossAttention.state_dict",
        "CrossAttention(8, 6, 2).state_dict(): keys and shapes",
        code=STATE_KEYS_CODE.format(call="CrossAttention(8, 6, 2)"),
    ),
    Check(
        "CrossAttention.values",
        "CrossAttention(8, 6, 2) with a loaded state dict, x (2, 3, 8), "
        "context (2, 5, 6), context_mask (2, 5); and input gradients",
        code=CROSS_CODE,
        inputs=_cross_inputs(),
        names=CROSS_NAMES,
    ),
    Check(
        "CrossAttention.no_mask",
        "CrossAttention(12, 5, 3), x (2, 4, 12), context (2, 6, 5), "
        "context_mask None; and input gradients",
        code=CROSS_CODE,
        inputs=_cross_inputs(12, 5, 3, Tq=4, Tk=6, masked=False),
        names=CROSS_NAMES,
        hidden=True,
    ),
    Check(
        "CrossAttention.one_head",
        "CrossAttention(6, 4, 1), x (3, 2, 6), context (3, 4, 4), "
        "context_mask (3, 4); and input gradients",
        code=CROSS_CODE,
        inputs=_cross_inputs(6, 4, 1, B=3, Tq=2, Tk=4),
        names=CROSS_NAMES,
        hidden=True,
    ),
    Check(
        "CrossAttention.fully_masked",
        "CrossAttention(8, 6, 2), context_mask (2, 5) with row 0 all False "
        "(zero weights, out = out_proj.bias, finite gradients)",
        code=CROSS_CODE,
        inputs=_cross_inputs(full=(0,)),
        names=CROSS_NAMES,
        hidden=True,
    ),
    # attention_entropy
    Check(
        "attention_entropy.values",
        "attention_entropy(weights, mask), weights and mask (4, 6)",
        code="result = attention_entropy(weights, mask)",
        inputs=_entropy_inputs((4, 6)),
    ),
    Check(
        "attention_entropy.zeros",
        "attention_entropy(weights, mask), weights (4, 6) with exact zeros "
        "at attended positions (0·log 0 = 0)",
        code="result = attention_entropy(weights, mask)",
        inputs=_entropy_inputs((4, 6), one_hot=True),
        hidden=True,
    ),
    Check(
        "attention_entropy.no_mask",
        "attention_entropy(weights, None), weights (3, 4, 6)",
        code="result = attention_entropy(weights, mask)",
        inputs=_entropy_inputs((3, 4, 6), masked=False),
        hidden=True,
    ),
    Check(
        "attention_entropy.fully_masked",
        "attention_entropy(weights, mask), weights (2, 3, 5), one row of mask "
        "all False (entropy 0)",
        code="result = attention_entropy(weights, mask)",
        inputs=_entropy_inputs((2, 3, 5), full=True),
        hidden=True,
    ),
]


# --------------------------------------------------------------------- mutants


def _softmax_inverted(scores, mask, dim=-1):
    return ref.masked_softmax(scores, None if mask is None else ~mask, dim)


def _softmax_fill_zero(scores, mask, dim=-1):
    if mask is None:
        return torch.softmax(scores, dim=dim)
    return torch.softmax(scores.masked_fill(~mask, 0.0), dim=dim)


def _softmax_fill_large(scores, mask, dim=-1):
    if mask is None:
        return torch.softmax(scores, dim=dim)
    return torch.softmax(scores.masked_fill(~mask, -1e9), dim=dim)


def _softmax_nan(scores, mask, dim=-1):
    if mask is None:
        return torch.softmax(scores, dim=dim)
    return torch.softmax(scores.masked_fill(~mask, float("-inf")), dim=dim)


def _softmax_last_dim(scores, mask, dim=-1):
    return ref.masked_softmax(scores, mask, dim=-1)


def _padding_le(lengths, max_len):
    return torch.arange(max_len)[None, :] <= lengths[:, None]


def _padding_inverted(lengths, max_len):
    return torch.arange(max_len)[None, :] >= lengths[:, None]


def _causal_upper(T):
    return torch.ones(T, T, dtype=torch.bool).triu()


def _causal_no_diagonal(T):
    return torch.ones(T, T, dtype=torch.bool).tril(-1)


def _causal_inverted(T):
    return torch.ones(T, T, dtype=torch.bool).triu(1)


class _AdditiveInverted(ref.AdditiveAttention):
    def forward(self, query, keys, values, mask=None):
        return super().forward(query, keys, values, None if mask is None else ~mask)


class _AdditiveNoTanh(ref.AdditiveAttention):
    def forward(self, query, keys, values, mask=None):
        scores = self.v(self.W_q(query)[:, None, :] + self.W_k(keys)).squeeze(-1)
        weights = ref.masked_softmax(scores, mask)
        return (weights[:, :, None] * values).sum(dim=1), weights


class _AdditiveBatchSoftmax(ref.AdditiveAttention):
    def forward(self, query, keys, values, mask=None):
        hidden = torch.tanh(self.W_q(query)[:, None, :] + self.W_k(keys))
        weights = ref.masked_softmax(self.v(hidden).squeeze(-1), mask, dim=0)
        return (weights[:, :, None] * values).sum(dim=1), weights


class _AdditiveFillZero(ref.AdditiveAttention):
    def forward(self, query, keys, values, mask=None):
        hidden = torch.tanh(self.W_q(query)[:, None, :] + self.W_k(keys))
        weights = _softmax_fill_zero(self.v(hidden).squeeze(-1), mask)
        return (weights[:, :, None] * values).sum(dim=1), weights


def _dot_unscaled(query, keys, values, mask=None, scaled=True):
    return ref.dot_attention(query, keys, values, mask, scaled=False)


def _dot_by_D(query, keys, values, mask=None, scaled=True):
    return ref.dot_attention(query / math.sqrt(query.shape[-1]), keys, values, mask)


def _dot_inverted(query, keys, values, mask=None, scaled=True):
    return ref.dot_attention(
        query, keys, values, None if mask is None else ~mask, scaled
    )


def _dot_batch_softmax(query, keys, values, mask=None, scaled=True):
    scores = torch.einsum("bd,btd->bt", query, keys)
    if scaled:
        scores = scores / math.sqrt(query.shape[-1])
    weights = ref.masked_softmax(scores, mask, dim=0)
    return torch.einsum("bt,btv->bv", weights, values), weights


def _dot_fill_zero(query, keys, values, mask=None, scaled=True):
    scores = torch.einsum("bd,btd->bt", query, keys)
    if scaled:
        scores = scores / math.sqrt(query.shape[-1])
    weights = _softmax_fill_zero(scores, mask)
    return torch.einsum("bt,btv->bv", weights, values), weights


def _cross_forward(
    m,
    x,
    context,
    context_mask,
    *,
    split_transposed=True,
    scale_width=None,
    softmax_dim=-1,
    invert=False,
    fill_zero=False,
):
    """The reference forward with one step changed, for the mutants below."""
    B, Tq, d = x.shape
    h = m.n_heads
    b_q, b_k, b_v = m.in_proj_bias.chunk(3)
    q = F.linear(x, m.q_proj_weight, b_q)
    k = F.linear(context, m.k_proj_weight, b_k)
    v = F.linear(context, m.v_proj_weight, b_v)
    if split_transposed:
        q, k, v = (t.view(B, -1, h, d // h).transpose(1, 2) for t in (q, k, v))
    else:
        q, k, v = (t.reshape(B, h, -1, d // h) for t in (q, k, v))
    scores = q @ k.transpose(-2, -1) / math.sqrt(scale_width or d // h)
    mask = None if context_mask is None else context_mask[:, None, None, :]
    if invert and mask is not None:
        mask = ~mask
    softmax = _softmax_fill_zero if fill_zero else ref.masked_softmax
    weights = softmax(scores, mask, dim=softmax_dim)
    heads = weights @ v
    heads = heads.transpose(1, 2) if split_transposed else heads
    return m.out_proj(heads.reshape(B, Tq, d)), weights


class _CrossInverted(ref.CrossAttention):
    def forward(self, x, context, context_mask=None):
        return _cross_forward(self, x, context, context_mask, invert=True)


class _CrossNoTranspose(ref.CrossAttention):
    def forward(self, x, context, context_mask=None):
        return _cross_forward(self, x, context, context_mask, split_transposed=False)


class _CrossScaleModel(ref.CrossAttention):
    def forward(self, x, context, context_mask=None):
        d = x.shape[-1]
        return _cross_forward(self, x, context, context_mask, scale_width=d)


class _CrossQuerySoftmax(ref.CrossAttention):
    def forward(self, x, context, context_mask=None):
        return _cross_forward(self, x, context, context_mask, softmax_dim=-2)


class _CrossFillZero(ref.CrossAttention):
    def forward(self, x, context, context_mask=None):
        return _cross_forward(self, x, context, context_mask, fill_zero=True)


def _entropy_bits(weights, mask=None):
    return ref.attention_entropy(weights, mask) / math.log(2)


def _entropy_naive(weights, mask=None):
    return -(weights * torch.log(weights)).sum(dim=-1)


def _entropy_sign(weights, mask=None):
    return -ref.attention_entropy(weights, mask)


INVERTED = (
    "the mask was read as True = ignore (torch's nn convention); here True = "
    "attend: keep the scores where mask is True"
)
FILL_ZERO = (
    "masked scores were set to 0, which still gets weight exp(0); fill them "
    "with float('-inf') before the softmax"
)

MISTAKES = [
    Mistake("masked_softmax", INVERTED, _softmax_inverted),
    Mistake("masked_softmax", FILL_ZERO, _softmax_fill_zero),
    Mistake(
        "masked_softmax",
        "masked scores were filled with a large negative number, so a fully "
        "masked row becomes uniform; fill with -inf and set the weights of "
        "masked positions to 0",
        _softmax_fill_large,
    ),
    Mistake(
        "masked_softmax",
        "a fully masked row is a softmax of all -inf, which is NaN (0/0); "
        "set the weights of masked positions to 0 after the softmax",
        _softmax_nan,
    ),
    Mistake(
        "masked_softmax",
        "the softmax ran over the last axis, not over `dim`: pass dim=dim",
        _softmax_last_dim,
    ),
    Mistake(
        "padding_mask",
        "position t == length was kept; a sequence of length L has positions "
        "0..L-1: use t < length",
        _padding_le,
    ),
    Mistake("padding_mask", INVERTED, _padding_inverted),
    Mistake(
        "causal_mask",
        "the mask is transposed: query i (row) may see keys j <= i, the lower "
        "triangle (torch.tril)",
        _causal_upper,
    ),
    Mistake(
        "causal_mask",
        "the diagonal is missing: a position may attend to itself (j <= i, "
        "tril with diagonal 0)",
        _causal_no_diagonal,
    ),
    Mistake(
        "causal_mask",
        "this is torch's convention (True = the future, to ignore); here "
        "True = attend: the lower triangle with the diagonal",
        _causal_inverted,
    ),
    Mistake("AdditiveAttention", INVERTED, _AdditiveInverted),
    Mistake(
        "AdditiveAttention",
        "the tanh is missing: score = v · tanh(W_q q + W_k k)",
        _AdditiveNoTanh,
    ),
    Mistake(
        "AdditiveAttention",
        "the softmax ran over the batch axis; the weights of one query sum to "
        "1 over its T keys: dim=-1",
        _AdditiveBatchSoftmax,
    ),
    Mistake("AdditiveAttention", FILL_ZERO, _AdditiveFillZero),
    Mistake(
        "dot_attention",
        "the scores were not divided by √D (or scaled=True was ignored): "
        "score = q·k / math.sqrt(D)",
        _dot_unscaled,
    ),
    Mistake(
        "dot_attention",
        "the scores were divided by D (or scaled=False was ignored); scale by "
        "1/√D, and only when scaled=True",
        _dot_by_D,
    ),
    Mistake("dot_attention", INVERTED, _dot_inverted),
    Mistake(
        "dot_attention",
        "the softmax ran over the batch axis; the weights of one query sum to "
        "1 over its T keys: dim=-1",
        _dot_batch_softmax,
    ),
    Mistake("dot_attention", FILL_ZERO, _dot_fill_zero),
    Mistake("CrossAttention", INVERTED, _CrossInverted),
    Mistake(
        "CrossAttention",
        "the heads were split without a transpose: view (B, T, d) as "
        "(B, T, h, dh), then transpose(1, 2) to (B, h, T, dh); merge back the "
        "same way",
        _CrossNoTranspose,
    ),
    Mistake(
        "CrossAttention",
        "the scores were divided by √d_model; each head's dot product has "
        "dh = d_model / n_heads terms: divide by √dh",
        _CrossScaleModel,
    ),
    Mistake(
        "CrossAttention",
        "the softmax ran over the queries (dim=-2); each query's weights sum "
        "to 1 over the context positions: dim=-1",
        _CrossQuerySoftmax,
    ),
    Mistake("CrossAttention", FILL_ZERO, _CrossFillZero),
    Mistake(
        "attention_entropy",
        "the entropy is in bits (log2); use the natural log (nats)",
        _entropy_bits,
    ),
    Mistake(
        "attention_entropy",
        "p·log p is NaN at p = 0; by convention 0·log 0 = 0: use torch.xlogy(p, p) "
        "or leave zeros out",
        _entropy_naive,
    ),
    Mistake(
        "attention_entropy",
        "the sign is wrong: H = -Σ p log p is never negative",
        _entropy_sign,
    ),
]
