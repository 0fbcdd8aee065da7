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
# # 22 · Attention
#
# A recurrent encoder squeezes a whole sequence into one vector. Attention lets
# a model look back at every position instead, and decide per query which ones
# matter. It is a soft dictionary lookup: a **query** $q$ is compared with each
# **key** $k_t$, the comparison scores become weights, and the answer is the
# weighted average of the **values** $v_t$:
#
# $$e_t = \operatorname{score}(q, k_t), \qquad
# \alpha = \operatorname{softmax}(e), \qquad
# c = \sum_{t=1}^{T} \alpha_t v_t .$$
#
# $e_t$ is the **alignment score**, $\alpha_t \ge 0$ with $\sum_t \alpha_t = 1$
# the **attention weight**, $c$ the **context**. Everything is differentiable,
# so the model learns what to look at from the loss alone.
#
# We write the masked softmax, padding and causal masks, two score functions
# (additive and scaled dot-product), multi-head cross-attention, and the
# entropy of the weights, then train them on a key–value retrieval task that
# averaging cannot solve.
#
# Shapes: B batch, T key positions, Tq query and Tk context positions,
# H hidden, D query/key dims (Dq, Dk when they differ), Dv value dims,
# d model width, h heads. Masks are bool with **True = attend**.

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false}
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from mlcourse_check import make_check

check = make_check("22-attention")

# %% [markdown]
# ## 1 · Masked softmax
#
# Sequences in a batch have different lengths, so some key positions are
# padding and must get no weight. With a mask $m_t \in \{0, 1\}$:
#
# $$\alpha_t = \frac{m_t\, e^{e_t}}{\sum_s m_s\, e^{e_s}} .$$
#
# The usual way is to set the masked scores to $-\infty$ before the softmax,
# since $e^{-\infty} = 0$ exactly. Two shortcuts go wrong:
#
# - filling with $0$ is not masking: a score of 0 is an ordinary score, and
#   $e^0 = 1$ still takes a share of the weight;
# - filling with a large negative number such as $-10^9$ works while a row
#   keeps one position, but a row with **every** position masked then becomes
#   uniform, attending to padding only.
#
# With $-\infty$ a fully masked row is $0/0$ = NaN. We define its weights as
# zeros (nothing to attend to, so the context is the zero vector) and keep the
# gradients finite: compute the softmax on the filled scores, then set the
# weights of masked positions to zero.
#
# Our masks say **True = attend**. torch's `nn.MultiheadAttention` and
# `nn.Transformer` use the opposite (`key_padding_mask`: True = ignore);
# `F.scaled_dot_product_attention` uses ours. Check which one a function wants.


# %% nbgrader={"grade": false, "grade_id": "masked_softmax", "locked": false, "schema_version": 3, "solution": true}
def masked_softmax(scores, mask, dim=-1):
    """Softmax of `scores` along `dim`, over the positions where `mask` is True.

    Masked positions get weight 0. A row (along `dim`) whose positions are all
    masked gets all-zero weights, and its gradients stay finite (no NaN).

    Shapes
    ------
    scores : any shape, float
    mask : bool, broadcastable to scores; True = attend; None keeps all
    dim : the axis that sums to 1
    returns : scores.shape, same dtype
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("masked_softmax: fill masked scores with -inf")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_masked_softmax", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("masked_softmax", masked_softmax)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# One row of scores with its last two positions masked. Predict the weights
# before you run it: the first three are the softmax of $[1, 2, 3]$.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_masked_softmax", "locked": true, "schema_version": 3, "solution": false}
scores = torch.tensor([[1.0, 2.0, 3.0, 4.0, 5.0]])
print(masked_softmax(scores, torch.tensor([[True, True, True, False, False]])))
print(masked_softmax(scores, torch.zeros(1, 5, dtype=torch.bool)))

# %% [markdown]
# ## 2 · Padding and causal masks
#
# Two masks cover most uses:
#
# - **padding**: sequence $b$ has `lengths[b]` real positions followed by
#   padding, so position $t$ is kept when $t < \text{length}_b$;
# - **causal**: in a model that generates left to right, query position $i$
#   may look at key positions $j \le i$ only (itself and the past). The mask
#   is the lower triangle, diagonal included.
#
# `nn.Transformer.generate_square_subsequent_mask(T)` builds the causal mask
# the other way round, as a float matrix with $-\infty$ where $j > i$.


# %% nbgrader={"grade": false, "grade_id": "padding_mask", "locked": false, "schema_version": 3, "solution": true}
def padding_mask(lengths, max_len):
    """Mask of the real positions of padded sequences: True where t < lengths[b].

    Shapes
    ------
    lengths : (B,) int64 tensor, each in 0..max_len
    returns : (B, max_len) bool
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("padding_mask: compare positions with lengths")
    ### END SOLUTION


# %% nbgrader={"grade": false, "grade_id": "causal_mask", "locked": false, "schema_version": 3, "solution": true}
def causal_mask(T):
    """Mask of the positions a query may see: True where key j <= query i.

    Shapes
    ------
    returns : (T, T) bool, rows are queries i, columns keys j
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("causal_mask: the lower triangle with the diagonal")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_masks", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("padding_mask", padding_mask)
check("causal_mask", causal_mask)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_masks", "locked": true, "schema_version": 3, "solution": false}
print(padding_mask(torch.tensor([2, 4, 0]), 4).int())
print(causal_mask(4).int())

# %% [markdown]
# ## 3 · Additive attention
#
# Bahdanau et al. (2015) score a query against a key with a small network of
# one hidden layer:
#
# $$e_t = v^\top \tanh\!\left(W_q\, q + W_k\, k_t\right), \qquad
# W_q \in \mathbb R^{H \times D_q},\; W_k \in \mathbb R^{H \times D_k},\;
# v \in \mathbb R^{H}.$$
#
# Query and keys may have different sizes, and the score can be any smooth
# function the network learns. The price: a $T \times H$ hidden layer per
# query. $W_q q$ is computed once and broadcast over the $T$ keys.
#
# The three maps are bias-free `nn.Linear` layers named as in the equation, so
# the state dict has exactly the keys `W_q.weight`, `W_k.weight`, `v.weight`.


# %% nbgrader={"grade": false, "grade_id": "AdditiveAttention", "locked": false, "schema_version": 3, "solution": true}
class AdditiveAttention(nn.Module):
    """Additive (Bahdanau) attention of one query over T keys.

    score_t = v · tanh(W_q q + W_k k_t); weights = masked softmax over t;
    context = Σ_t weights_t · values_t.

    __init__ makes three bias-free nn.Linear layers, `self.W_q`, `self.W_k`,
    `self.v`, so the state dict keys are exactly
    `W_q.weight` (H, Dq), `W_k.weight` (H, Dk), `v.weight` (1, H).

    Shapes
    ------
    query : (B, Dq); keys : (B, T, Dk); values : (B, T, Dv)
    mask : (B, T) bool, True = attend; None keeps all
    returns : (context (B, Dv), weights (B, T)); a fully masked row gives
        zero weights and a zero context
    """

    def __init__(self, query_dim, key_dim, hidden):
        super().__init__()
        ### BEGIN SOLUTION
        raise NotImplementedError("AdditiveAttention: make W_q, W_k and v")
        ### END SOLUTION

    def forward(self, query, keys, values, mask=None):
        ### BEGIN SOLUTION
        raise NotImplementedError("AdditiveAttention.forward: score, weigh, sum")
        ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_AdditiveAttention", "locked": true, "points": 2, "schema_version": 3, "solution": false}
check("AdditiveAttention", AdditiveAttention)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 4 · Scaled dot-product attention
#
# If query and keys live in the same space, the plainest score is their dot
# product, and it needs no parameters and one matrix product for all keys:
#
# $$e_t = \frac{q^\top k_t}{\sqrt D}.$$
#
# Why $\sqrt D$? If the $D$ components of $q$ and $k$ are independent with mean
# 0 and variance 1, then $q^\top k$ is a sum of $D$ terms of variance 1, so its
# variance is $D$. For $D = 64$ the scores spread over $\pm 16$, the softmax
# puts almost all weight on one key and its gradient, $\alpha_t(\delta_{ts} -
# \alpha_s)$, is almost zero everywhere: learning stalls. Dividing by $\sqrt D$
# brings the variance back to 1 whatever the width.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_scaling", "locked": true, "schema_version": 3, "solution": false}
for D in (4, 64, 1024):
    q, k = torch.randn(10_000, D), torch.randn(10_000, D)
    dots = (q * k).sum(dim=1)  # (10000,)
    print(
        f"D {D:4d} | std q·k {dots.std():5.1f} | std q·k/√D {dots.std() / math.sqrt(D):.2f}"
    )


# %% nbgrader={"grade": false, "grade_id": "dot_attention", "locked": false, "schema_version": 3, "solution": true}
def dot_attention(query, keys, values, mask=None, scaled=True):
    """Dot-product attention of one query over T keys.

    score_t = query · keys_t / √D (without the 1/√D when scaled=False);
    weights = masked softmax over t; context = Σ_t weights_t · values_t.

    Shapes
    ------
    query : (B, D); keys : (B, T, D); values : (B, T, Dv)
    mask : (B, T) bool, True = attend; None keeps all
    returns : (context (B, Dv), weights (B, T)); a fully masked row gives
        zero weights and a zero context
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("dot_attention: softmax(q·k/√D) over the keys")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_dot_attention", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("dot_attention", dot_attention)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 5 · Multi-head cross-attention
#
# In **cross-attention** the queries come from one sequence $x$ (say, a
# decoder's $T_q$ positions of width $d$) and the keys and values from another,
# the context $c$ ($T_k$ positions of width $d_{kv}$, say an image encoder's).
# Learned projections bring both to width $d$:
#
# $$Q = x W_q^\top + b_q, \qquad K = c W_k^\top + b_k, \qquad
# V = c W_v^\top + b_v .$$
#
# One softmax can only express one way of looking. **Multi-head** attention
# splits the $d$ columns into $h$ heads of $d_h = d / h$ and attends in each
# head separately:
#
# $$\text{head}_i = \operatorname{softmax}\!\left(
# \frac{Q_i K_i^\top}{\sqrt{d_h}}\right) V_i, \qquad
# \text{out} = [\text{head}_1, \dots, \text{head}_h]\, W_o^\top + b_o .$$
#
# The scale uses the width of a head, $d_h$, since that is the length of the
# dot products. In code, a `(B, T, d)` tensor becomes `(B, T, h, dh)` with
# `view`, then `(B, h, T, dh)` with `transpose(1, 2)` so that one batched
# matrix product does every head. Viewing `(B, T, d)` straight as
# `(B, h, T, dh)` runs without an error but mixes positions across heads.
#
# The parameters are named as in `nn.MultiheadAttention(d, h, kdim=d_kv,
# vdim=d_kv)` (for $d_{kv} \ne d$; with equal widths it packs the three
# weights into one `in_proj_weight`), so its state dict loads into ours and
# back: `q_proj_weight` $(d, d)$, `k_proj_weight` and `v_proj_weight`
# $(d, d_{kv})$, `in_proj_bias` $= [b_q, b_k, b_v]$ $(3d,)$ and `out_proj`, an
# `nn.Linear(d, d)`. Return the weights of every head, `(B, h, Tq, Tk)`, not
# their average. A fully
# masked context gives zero weights, zero heads, so out = `out_proj.bias`.


# %% nbgrader={"grade": false, "grade_id": "CrossAttention", "locked": false, "schema_version": 3, "solution": true}
class CrossAttention(nn.Module):
    """Multi-head attention of x (queries) over a context of width kv_dim.

    Per head i: softmax(Q_i K_iᵀ / √dh) V_i with dh = d_model / n_heads and
    Q = x W_qᵀ + b_q, K = context W_kᵀ + b_k, V = context W_vᵀ + b_v;
    the heads are concatenated in order and passed through `out_proj`.

    __init__ sets `self.q_proj_weight` (d, d), `self.k_proj_weight` (d, kv_dim),
    `self.v_proj_weight` (d, kv_dim), `self.in_proj_bias` (3d,) = [b_q, b_k, b_v]
    as nn.Parameters and `self.out_proj` = nn.Linear(d, d), so the state dict
    keys are exactly those of nn.MultiheadAttention(d, n_heads, kdim=kv_dim,
    vdim=kv_dim): q_proj_weight, k_proj_weight, v_proj_weight, in_proj_bias,
    out_proj.weight, out_proj.bias. Initialise the weights with
    nn.init.xavier_uniform_ and the bias with zeros.

    Shapes
    ------
    x : (B, Tq, d); context : (B, Tk, kv_dim)
    context_mask : (B, Tk) bool, True = attend; None keeps all
    returns : (out (B, Tq, d), weights (B, h, Tq, Tk)), the weights of every
        head; a fully masked context gives zero weights and out = out_proj.bias
    """

    def __init__(self, d_model, kv_dim, n_heads):
        super().__init__()
        ### BEGIN SOLUTION
        raise NotImplementedError("CrossAttention: make the projection parameters")
        ### END SOLUTION

    def forward(self, x, context, context_mask=None):
        ### BEGIN SOLUTION
        raise NotImplementedError("CrossAttention.forward: project, split, attend")
        ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_CrossAttention", "locked": true, "points": 3, "schema_version": 3, "solution": false}
check("CrossAttention", CrossAttention)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# Predict the shapes: 2 sequences of 3 queries of width 8 attend, with 2
# heads, over 5 context positions of width 6.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "demo_cross_attention", "locked": true, "schema_version": 3, "solution": false}
cross = CrossAttention(d_model=8, kv_dim=6, n_heads=2)
out, weights = cross(torch.randn(2, 3, 8), torch.randn(2, 5, 6))
print(tuple(out.shape), tuple(weights.shape), list(cross.state_dict()))

# %% [markdown]
# ## 6 · The entropy of attention
#
# How focused is a row of weights? Its entropy (in nats) says:
#
# $$H(\alpha) = -\sum_t \alpha_t \log \alpha_t, \qquad 0 \cdot \log 0 = 0 .$$
#
# $H = 0$ when all weight is on one position; $H = \log n$ when it is spread
# evenly over the $n$ attended positions, the most it can be. Tracking it
# shows whether a model has learned to look somewhere in particular, and
# $e^{H}$ reads as "the number of positions it effectively looks at". Masked
# positions do not count, and a fully masked row has entropy 0.
# `torch.xlogy(p, p)` computes $p \log p$ with the convention $0 \log 0 = 0$.


# %% nbgrader={"grade": false, "grade_id": "attention_entropy", "locked": false, "schema_version": 3, "solution": true}
def attention_entropy(weights, mask=None):
    """Entropy in nats of each row of attention weights, with 0·log 0 = 0.

    Positions where mask is False are left out; a fully masked row gives 0.

    Shapes
    ------
    weights : (..., T) float, each row sums to 1 over its attended positions
    mask : (..., T) bool, True = attend; None keeps all
    returns : (...), same dtype as weights
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("attention_entropy: -sum of p log p per row")
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "check_attention_entropy", "locked": true, "points": 1, "schema_version": 3, "solution": false}
check("attention_entropy", attention_entropy)
### BEGIN HIDDEN TESTS
check.score()
### END HIDDEN TESTS

# %% [markdown]
# ## 7 · Key–value retrieval
#
# Each example is a small dictionary: 4 to 10 pairs (key, value), with distinct
# keys out of 16 symbols and values out of 10, padded to 10 pairs. The model
# gets the pairs and one query key that is present, and must output its value.
#
# The model embeds keys and values in 32 dimensions, lets the query attend over
# the pairs (the query and the keys share an embedding) and maps the context
# to 10 logits with one linear layer. Its only way to the answer is to put its
# weight on the matching pair. As a baseline, **mean pooling** replaces
# attention by the plain average of the values: it knows which values are
# present but not which one belongs to the query.
#
# Targets on 2000 fresh examples: accuracy ≥ 0.98 with additive and with dot
# attention; mean pooling ≤ 0.40.

# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train", "locked": true, "schema_version": 3, "solution": false}
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    n_keys: int = 16  # key symbols
    n_values: int = 10  # value symbols (the classes)
    pairs: tuple = (4, 10)  # fewest and most pairs; padded to the most
    embed: int = 32  # embedding width, also the additive hidden size
    lr: float = 3e-3  # Adam learning rate
    steps: int = 1500  # training batches
    batch: int = 128  # examples per batch
    n_test: int = 2000  # fresh examples for the accuracy
    seed: int = 0


def make_batch(n, cfg, generator):
    """n examples: keys, values (n, P), lengths (n,), query, target (n,)."""
    P = cfg.pairs[1]
    keys = torch.rand(n, cfg.n_keys, generator=generator).argsort(dim=1)[:, :P]
    values = torch.randint(cfg.n_values, (n, P), generator=generator)
    lengths = torch.randint(cfg.pairs[0], P + 1, (n,), generator=generator)
    pick = (torch.rand(n, generator=generator) * lengths).long()  # a real pair
    rows = torch.arange(n)
    return keys, values, lengths, keys[rows, pick], values[rows, pick]


# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train_2", "locked": true, "schema_version": 3, "solution": false}
class Retriever(nn.Module):
    """Embeddings, one query attending over the pairs, a linear read-out."""

    def __init__(self, cfg, kind):
        super().__init__()
        self.kind = kind  # "additive", "dot" or "mean"
        self.key_embed = nn.Embedding(cfg.n_keys, cfg.embed)
        self.value_embed = nn.Embedding(cfg.n_values, cfg.embed)
        self.additive = AdditiveAttention(cfg.embed, cfg.embed, cfg.embed)
        self.out = nn.Linear(cfg.embed, cfg.n_values)

    def forward(self, keys, values, lengths, query):
        k, v = self.key_embed(keys), self.value_embed(values)  # (B, P, E)
        q = self.key_embed(query)  # (B, E)
        mask = padding_mask(lengths, keys.shape[1])  # (B, P)
        if self.kind == "additive":
            context, weights = self.additive(q, k, v, mask)
        elif self.kind == "dot":
            context, weights = dot_attention(q, k, v, mask)
        else:
            weights = mask / lengths[:, None]  # uniform over the real pairs
            context = (weights[:, :, None] * v).sum(dim=1)  # (B, E)
        return self.out(context), weights  # (B, n_values), (B, P)


# %% tags=["train"] nbgrader={"grade": false, "grade_id": "train_3", "locked": true, "schema_version": 3, "solution": false}
def train_retriever(cfg, kind):
    torch.manual_seed(cfg.seed)
    generator = torch.Generator().manual_seed(cfg.seed)
    model = Retriever(cfg, kind)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    for step in range(1, cfg.steps + 1):
        *pairs, target = make_batch(cfg.batch, cfg, generator)
        loss = F.cross_entropy(model(*pairs)[0], target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % 500 == 0:
            print(f"{kind:8s} step {step}/{cfg.steps} | loss {loss.item():.3f}")
    return model


cfg = Config()
test_generator = torch.Generator().manual_seed(10_000 + cfg.seed)
*test_pairs, test_target = make_batch(cfg.n_test, cfg, test_generator)
start = time.perf_counter()
models, accuracy = {}, {}
for kind in ("additive", "dot", "mean"):
    models[kind] = train_retriever(cfg, kind)
    with torch.no_grad():
        logits, _ = models[kind](*test_pairs)
    accuracy[kind] = (logits.argmax(dim=1) == test_target).float().mean().item()
print(f"{time.perf_counter() - start:.1f} s for three runs")
print(f"additive accuracy {accuracy['additive']:.3f} (target ≥ 0.98)")
print(f"dot      accuracy {accuracy['dot']:.3f} (target ≥ 0.98)")
print(f"mean pooling     {accuracy['mean']:.3f} (target ≤ 0.40)")
headline = {f"{kind}_accuracy": float(acc) for kind, acc in accuracy.items()}

# %% [markdown]
# Where do the trained models look? Each row is one test example, each column
# a pair; the frame marks the pair whose key is the query, and grey columns
# are padding. The entropy says how many pairs a model effectively reads:
# compare it with $\log n$, the entropy of mean pooling over $n$ pairs.

# %% tags=["plot"] nbgrader={"grade": false, "grade_id": "plot_weights", "locked": true, "schema_version": 3, "solution": false}
import matplotlib.pyplot as plt

keys, query = test_pairs[0][:8], test_pairs[3][:8]  # 8 test examples
answer = (keys == query[:, None]).float().argmax(dim=1)  # the matching pair
mask = padding_mask(test_pairs[2], cfg.pairs[1])  # (N, P)
cmap = plt.get_cmap("viridis").with_extremes(bad="lightgrey")
fig, axes = plt.subplots(1, 3, figsize=(11, 3.6), sharey=True)
for ax, kind in zip(axes, models, strict=True):
    with torch.no_grad():
        _, weights = models[kind](*test_pairs)  # (N, P)
    H = attention_entropy(weights, mask).mean().item()
    shown = weights[:8].masked_fill(~mask[:8], float("nan"))  # NaN: padding
    ax.imshow(shown, vmin=0, vmax=1, cmap=cmap)
    ax.scatter(answer, np.arange(8), s=180, facecolors="none", edgecolors="r")
    ax.set(title=f"{kind}: mean entropy {H:.2f} nats", xlabel="pair")
axes[0].set_ylabel("test example")
plt.show()
log_n = torch.log(test_pairs[2].float()).mean().item()
print(f"mean log n over the test examples {log_n:.2f} nats")

# %% [markdown]
# ## Summary
#
# - Attention is a differentiable lookup: scores $e_t$ between a query and the
#   keys, weights $\alpha = \operatorname{softmax}(e)$, context $\sum_t \alpha_t
#   v_t$.
# - Masking is done on the scores with $-\infty$ (not 0, not $-10^9$); a fully
#   masked row is defined as zero weights. Our masks are True = attend;
#   torch's `nn` layers use True = ignore.
# - Padding masks hide the tail of short sequences; causal masks hide the
#   future, $j > i$.
# - Additive attention scores with a small tanh network and works across
#   widths; dot-product attention needs equal widths and no parameters, and
#   the $1/\sqrt D$ keeps the softmax out of saturation.
# - Multi-head cross-attention projects queries and a context of another width
#   to $d$, splits into $h$ heads of $d/h$ with `view` then `transpose`, and
#   attends in each head separately.
# - The entropy of the weights, between 0 and $\log n$, measures how focused
#   attention is; in the retrieval task the trained models look at about one
#   pair, which mean pooling cannot.
#
# Exercises: train the dot model with `scaled=False` and a wider embedding
# (say 256) and compare the loss curves; make the keys share their symbols
# with the values and see whether additive attention still separates them.
