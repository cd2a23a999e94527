"""Needle-style encoder-decoder transformer with no feed-forward layers.

Encoder block:  x = x + gate(h) * SelfAttn(h),  h = RMSNorm(x)          (grouped-query, RoPE)
Decoder block:  x = x + gate(h) * CausalSelfAttn(h); x = x + gate(h') * CrossAttn(h', memory)
Embeddings are tied between the encoder input, the decoder input and the output projection.

The same modules run in two modes: whole sequences (training) and one decoder step with a
key/value cache (the ONNX export the runtime uses).
"""
import math
from dataclasses import dataclass, asdict

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class NeedleConfig:
    vocab: int = 4096
    d_model: int = 512
    enc_layers: int = 12
    dec_layers: int = 8
    heads: int = 8
    kv_heads: int = 4
    rope_base: float = 10000.0
    tool_encoding: str = "joint"  # "joint": query and tools in one sequence; "separate": each encoded alone
    # the match flag's third value: 2 marks a word related to one on the other side (WordNet, see
    # src/agent/needle/related-words.ts), with a vector of its own; without it the flag is 0/1
    related_flag: bool = False

    @property
    def head_dim(self) -> int:
        return self.d_model // self.heads

    def to_dict(self):
        return asdict(self)


class RMSNorm(nn.Module):
    def __init__(self, d: int, eps: float = 1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rope(x, positions, base: float):
    """Rotary embedding. x: [B, H, T, Dh]; positions: [B, T] (int64)."""
    half = x.shape[-1] // 2
    inv = torch.exp(torch.arange(0, half, dtype=torch.float32, device=x.device) * (-math.log(base) / half))
    ang = positions.to(torch.float32).unsqueeze(-1) * inv  # [B, T, half]
    cos = torch.cos(ang).unsqueeze(1)
    sin = torch.sin(ang).unsqueeze(1)
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * cos - x2 * sin, x1 * sin + x2 * cos], dim=-1)


class Attention(nn.Module):
    """Grouped-query attention. Self-attention uses RoPE; cross-attention does not."""

    def __init__(self, cfg: NeedleConfig, cross: bool):
        super().__init__()
        self.cfg = cfg
        self.cross = cross
        d, h, kvh, hd = cfg.d_model, cfg.heads, cfg.kv_heads, cfg.head_dim
        self.q = nn.Linear(d, h * hd, bias=False)
        self.k = nn.Linear(d, kvh * hd, bias=False)
        self.v = nn.Linear(d, kvh * hd, bias=False)
        self.o = nn.Linear(h * hd, d, bias=False)

    def project_kv(self, x, positions=None):
        B, T, _ = x.shape
        kvh, hd = self.cfg.kv_heads, self.cfg.head_dim
        k = self.k(x).view(B, T, kvh, hd).transpose(1, 2)
        v = self.v(x).view(B, T, kvh, hd).transpose(1, 2)
        if not self.cross:
            k = rope(k, positions, self.cfg.rope_base)
        return k, v

    def attend(self, x, k, v, positions=None, mask=None):
        """x: [B, T, d] queries; k, v: [B, kvh, S, hd]; mask: additive float bias [B, 1|H, T, S] (0 = may attend, -1e9 = may not)."""
        B, T, _ = x.shape
        h, kvh, hd = self.cfg.heads, self.cfg.kv_heads, self.cfg.head_dim
        q = self.q(x).view(B, T, h, hd).transpose(1, 2)
        if not self.cross:
            q = rope(q, positions, self.cfg.rope_base)
        rep = h // kvh
        S = k.shape[2]
        k = k.unsqueeze(2).expand(B, kvh, rep, S, hd).reshape(B, h, S, hd)
        v = v.unsqueeze(2).expand(B, kvh, rep, S, hd).reshape(B, h, S, hd)
        scores = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(hd))
        if mask is not None:
            scores = scores + mask
        att = torch.softmax(scores, dim=-1)
        out = torch.matmul(att, v).transpose(1, 2).reshape(B, T, h * hd)
        return self.o(out)


class GatedResidual(nn.Module):
    """x + sigmoid(W h) * f(h): the only non-linearity besides softmax (there is no feed-forward layer)."""

    def __init__(self, d: int):
        super().__init__()
        self.norm = RMSNorm(d)
        self.gate = nn.Linear(d, d, bias=True)
        nn.init.zeros_(self.gate.weight)
        nn.init.constant_(self.gate.bias, -1.0)


class EncoderBlock(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.res = GatedResidual(cfg.d_model)
        self.attn = Attention(cfg, cross=False)

    def forward(self, x, positions, mask):
        h = self.res.norm(x)
        k, v = self.attn.project_kv(h, positions)
        return x + torch.sigmoid(self.res.gate(h)) * self.attn.attend(h, k, v, positions, mask)


class DecoderBlock(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.self_res = GatedResidual(cfg.d_model)
        self.self_attn = Attention(cfg, cross=False)
        self.cross_res = GatedResidual(cfg.d_model)
        self.cross_attn = Attention(cfg, cross=True)

    def forward(self, x, positions, self_mask, cross_k, cross_v, cross_mask, past_k=None, past_v=None):
        h = self.self_res.norm(x)
        k, v = self.self_attn.project_kv(h, positions)
        if past_k is not None:
            k = torch.cat([past_k, k], dim=2)
            v = torch.cat([past_v, v], dim=2)
        x = x + torch.sigmoid(self.self_res.gate(h)) * self.self_attn.attend(h, k, v, positions, self_mask)
        h = self.cross_res.norm(x)
        x = x + torch.sigmoid(self.cross_res.gate(h)) * self.cross_attn.attend(h, cross_k, cross_v, None, cross_mask)
        return x, k, v


class Needle(nn.Module):
    def __init__(self, cfg: NeedleConfig):
        super().__init__()
        self.cfg = cfg
        self.embed = nn.Embedding(cfg.vocab, cfg.d_model)
        nn.init.normal_(self.embed.weight, std=cfg.d_model ** -0.5)
        # maps the embedding of a query token's predecessor into the token's input, so the decoder can
        # copy a value ("7", "2") by looking for the token that follows what it just wrote
        self.prev_proj = nn.Linear(cfg.d_model, cfg.d_model, bias=False)
        # exact-match feature (as in DrQA): a schema token that also occurs in the utterance, or an
        # utterance token that occurs in some schema, gets this vector added
        self.match_vec = nn.Parameter(torch.randn(cfg.d_model) * cfg.d_model ** -0.5)
        if cfg.related_flag:
            self.related_vec = nn.Parameter(self.match_vec.detach().clone())
        self.encoder = nn.ModuleList([EncoderBlock(cfg) for _ in range(cfg.enc_layers)])
        self.enc_norm = RMSNorm(cfg.d_model)
        self.decoder = nn.ModuleList([DecoderBlock(cfg) for _ in range(cfg.dec_layers)])
        self.dec_norm = RMSNorm(cfg.d_model)
        self.scale = math.sqrt(cfg.d_model)
        # training-only auxiliary heads on the encoder output: at a tool's slot token, does the answer
        # call this tool? at an enum value's pointer token (in a called tool), is it the chosen value?
        self.relevance = nn.Linear(cfg.d_model, 2)

    def encode(self, src, positions, mask, tags=None):
        """tags [B, 5, S]: for every source token the id of the tool slot, parameter and enum-value
        pointer token it belongs to (0 = none), for query tokens the previous token, and the 0/1
        exact-match flag (the token occurs on the other side: utterance <-> schemas). The pointer
        embeddings are added to the token's, so each token of a tool carries the pointer the decoder
        must emit to choose it."""
        x = self.embed(src) * self.scale
        if tags is not None:
            ptr = tags[:, :4]
            e = self.embed(ptr) * (ptr > 0).unsqueeze(-1).to(x.dtype)
            flag = tags[:, 4]
            if self.cfg.related_flag:
                match = (flag == 1).to(x.dtype).unsqueeze(-1) * self.match_vec + (flag == 2).to(x.dtype).unsqueeze(-1) * self.related_vec
            else:
                match = flag.to(x.dtype).unsqueeze(-1) * self.match_vec
            x = x + (e[:, 0] + e[:, 1] + e[:, 2] + self.prev_proj(e[:, 3]) + match) * self.scale
        for blk in self.encoder:
            x = blk(x, positions, mask)
        return self.enc_norm(x)

    def cross_kv(self, memory):
        return [blk.cross_attn.project_kv(memory) for blk in self.decoder]

    def logits(self, x):
        # tied output projection, scaled like T5 so start-up logits are small
        return torch.matmul(self.dec_norm(x), self.embed.weight.t()) * (1.0 / self.scale)

    def forward(self, src, src_pos, enc_mask, cross_mask, tgt_in, tags=None, with_relevance=False):
        """Teacher-forced training pass. Returns logits [B, T, V] (and relevance logits [B, S, 2])."""
        memory = self.encode(src, src_pos, enc_mask, tags)
        if with_relevance:
            return self.decode_all(memory, tgt_in, cross_mask), self.relevance(memory)
        return self.decode_all(memory, tgt_in, cross_mask)

    def decode_all(self, memory, tgt_in, cross_mask):
        kvs = self.cross_kv(memory)
        B, T = tgt_in.shape
        pos = torch.arange(T, device=tgt_in.device).unsqueeze(0).expand(B, T)
        causal = torch.triu(torch.full((T, T), -1e9, device=tgt_in.device), diagonal=1).view(1, 1, T, T)
        x = self.embed(tgt_in) * self.scale
        for blk, (ck, cv) in zip(self.decoder, kvs):
            x, _, _ = blk(x, pos, causal, ck, cv, cross_mask)
        return self.logits(x)


class PointerTags:
    """Derives the pointer tags of a source sequence from its structure tokens (<T k>, <P j>, <E k>);
    the TypeScript runtime computes the same in serialize.ts."""

    def __init__(self, specials):
        self.tool = {i for i, s in enumerate(specials) if s.startswith("<T") and s[2:-1].isdigit()}
        self.param = {i for i, s in enumerate(specials) if s.startswith("<P") and s[2:-1].isdigit()}
        self.enum = {i for i, s in enumerate(specials) if s.startswith("<E") and s[2:-1].isdigit()}
        self.query = specials.index("<q>")
        self.first_ordinary = len(specials)

    def __call__(self, src, separate=False):
        # separate tool encoding: a tool is encoded without the utterance (and cached), so its tokens
        # carry no exact-match flag; the utterance's flags still come from all offered schemas
        tool = param = enum = 0
        in_query = False
        prev = 0
        out = [[], [], [], [], []]
        first_tool = next((i for i, t in enumerate(src) if t in self.tool), len(src))
        query_tokens = {t for t in src[:first_tool] if t >= self.first_ordinary}
        schema_tokens = {t for t in src[first_tool:] if t >= self.first_ordinary}
        for t in src:
            if t == self.query or t in self.tool:
                tool, param, enum = (t if t in self.tool else 0), 0, 0
                in_query = t == self.query
            elif t in self.param:
                param, enum = t, 0
            elif t in self.enum:
                enum = t
            out[0].append(tool)
            out[1].append(param)
            out[2].append(enum)
            out[3].append(prev if in_query and t != self.query else 0)
            out[4].append(1 if t >= self.first_ordinary and (t in schema_tokens if in_query else (t in query_tokens and not separate)) else 0)
            prev = t
        return out


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())
