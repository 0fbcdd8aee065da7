"""Reference implementation of lesson 22, attention.

Goal: masked softmax, padding and causal masks, additive (Bahdanau) attention,
scaled dot-product attention for one query, multi-head cross-attention, and the
entropy of attention weights.

Legend: B batch, T key positions, Tq query positions, Tk context positions,
H hidden, D query/key dims, Dq query dims, Dk key dims, Dv value dims,
d model width, h heads, dh = d / h per-head width.

Masks are bool with True = attend (torch's `nn` layers use True = ignore);
`None` keeps every position; a fully masked row gets zero weights, so its
output is zero (for CrossAttention: `out_proj.bias`).

Reference: Bahdanau, Cho and Bengio (2015) for additive attention; Vaswani et
al. (2017) for scaled dot-product and multi-head attention.
Simplified: no dropout on the weights; CrossAttention has no bias_k/bias_v.
"""

import math

import torch
import torch.nn.functional as F
from torch import nn


def masked_softmax(scores, mask, dim=-1):
    """Softmax of `scores` along `dim` over the positions where `mask` is True.

    Shapes
    ------
    scores : (..., T) float
    mask : bool, broadcastable to scores; True = attend; None keeps all
    returns : scores.shape; a fully masked row is all zeros (finite gradients)
    """
    if mask is None:
        return torch.softmax(scores, dim=dim)
    filled = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(filled, dim=dim)  # NaN in fully masked rows
    return weights.masked_fill(~mask, 0.0)


def padding_mask(lengths, max_len):
    """True where position t < lengths[b].

    Shapes
    ------
    lengths : (B,) int64
    returns : (B, max_len) bool
    """
    positions = torch.arange(max_len, device=lengths.device)  # (T,)
    return positions[None, :] < lengths[:, None]  # (B, T)


def causal_mask(T):
    """True where key position j <= query position i.

    Shapes
    ------
    returns : (T, T) bool, lower triangle with the diagonal
    """
    return torch.ones(T, T, dtype=torch.bool).tril()


class AdditiveAttention(nn.Module):
    """Additive (Bahdanau) attention of one query over T keys.

    score_t = v · tanh(W_q q + W_k k_t); weights = masked softmax over t;
    context = Σ_t weights_t values_t.

    State dict keys: `W_q.weight` (H, Dq), `W_k.weight` (H, Dk), `v.weight` (1, H).

    Shapes
    ------
    query : (B, Dq); keys : (B, T, Dk); values : (B, T, Dv)
    mask : (B, T) bool, True = attend, None keeps all
    returns : context (B, Dv), weights (B, T)
    """

    def __init__(self, query_dim, key_dim, hidden):
        super().__init__()
        self.W_q = nn.Linear(query_dim, hidden, bias=False)
        self.W_k = nn.Linear(key_dim, hidden, bias=False)
        self.v = nn.Linear(hidden, 1, bias=False)

    def forward(self, query, keys, values, mask=None):
        hidden = torch.tanh(self.W_q(query)[:, None, :] + self.W_k(keys))  # (B, T, H)
        scores = self.v(hidden).squeeze(-1)  # (B, T)
        weights = masked_softmax(scores, mask, dim=-1)  # (B, T)
        context = (weights[:, :, None] * values).sum(dim=1)  # (B, Dv)
        return context, weights


def dot_attention(query, keys, values, mask=None, scaled=True):
    """Dot-product attention of one query over T keys, scaled by 1/√D.

    Shapes
    ------
    query : (B, D); keys : (B, T, D); values : (B, T, Dv)
    mask : (B, T) bool, True = attend, None keeps all
    returns : context (B, Dv), weights (B, T)
    """
    scores = torch.einsum("bd,btd->bt", query, keys)  # (B, T)
    if scaled:
        scores = scores / math.sqrt(query.shape[-1])
    weights = masked_softmax(scores, mask, dim=-1)  # (B, T)
    context = torch.einsum("bt,btv->bv", weights, values)  # (B, Dv)
    return context, weights


class CrossAttention(nn.Module):
    """Multi-head attention of x (queries) over a context of another width.

    Per head: softmax(Q Kᵀ / √dh) V with Q = x W_qᵀ + b_q, K = c W_kᵀ + b_k,
    V = c W_vᵀ + b_v; heads concatenated, then `out_proj`.

    State dict keys (those of nn.MultiheadAttention with kdim = vdim = kv_dim):
    `q_proj_weight` (d, d), `k_proj_weight` (d, kv_dim), `v_proj_weight`
    (d, kv_dim), `in_proj_bias` (3d,) = [b_q, b_k, b_v], `out_proj.weight` (d, d),
    `out_proj.bias` (d,).

    Shapes
    ------
    x : (B, Tq, d); context : (B, Tk, kv_dim)
    context_mask : (B, Tk) bool, True = attend, None keeps all
    returns : out (B, Tq, d), weights (B, h, Tq, Tk) per head; a fully masked
        context gives zero weights and out = out_proj.bias
    """

    def __init__(self, d_model, kv_dim, n_heads):
        super().__init__()
        if d_model % n_heads != 0:
            raise ValueError(
                f"d_model={d_model} is not divisible by n_heads={n_heads}; "
                "choose n_heads that divides d_model"
            )
        self.n_heads = n_heads
        self.q_proj_weight = nn.Parameter(torch.empty(d_model, d_model))
        self.k_proj_weight = nn.Parameter(torch.empty(d_model, kv_dim))
        self.v_proj_weight = nn.Parameter(torch.empty(d_model, kv_dim))
        self.in_proj_bias = nn.Parameter(torch.zeros(3 * d_model))
        self.out_proj = nn.Linear(d_model, d_model)
        for weight in (self.q_proj_weight, self.k_proj_weight, self.v_proj_weight):
            nn.init.xavier_uniform_(weight)

    def forward(self, x, context, context_mask=None):
        B, Tq, d = x.shape
        Tk, h = context.shape[1], self.n_heads
        b_q, b_k, b_v = self.in_proj_bias.chunk(3)
        # project, then split d into h heads of dh
        q = F.linear(x, self.q_proj_weight, b_q).view(B, Tq, h, d // h)
        k = F.linear(context, self.k_proj_weight, b_k).view(B, Tk, h, d // h)
        v = F.linear(context, self.v_proj_weight, b_v).view(B, Tk, h, d // h)
        q, k, v = q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2)  # (B,h,T,dh)
        scores = q @ k.transpose(-2, -1) / math.sqrt(d // h)  # (B, h, Tq, Tk)
        mask = None if context_mask is None else context_mask[:, None, None, :]
        weights = masked_softmax(scores, mask, dim=-1)  # (B, h, Tq, Tk)
        heads = (weights @ v).transpose(1, 2).reshape(B, Tq, d)  # (B, Tq, d)
        return self.out_proj(heads), weights


def attention_entropy(weights, mask=None):
    """Entropy in nats of each row of attention weights, 0·log 0 = 0.

    Shapes
    ------
    weights : (..., T), rows summing to 1 over the attended positions
    mask : (..., T) bool, True = attend, None keeps all
    returns : (...); a fully masked row has entropy 0
    """
    if mask is not None:
        weights = weights.masked_fill(~mask, 0.0)
    return -torch.xlogy(weights, weights).sum(dim=-1)  # (...)
