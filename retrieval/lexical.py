"""A BM25 index over chunk texts, kept in step with the store and cached on local disk.

The index works the same against an embedded store and a Chroma server: it is rebuilt from
the store's chunks, paper by paper, whenever the store's generation token changes.
"""

from __future__ import annotations

import os
import pickle
import re
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

K1 = 1.2
B = 0.75

STOPWORDS = frozenset(
    """a an and are as at be been being but by can could did do does for from had has have how i if in into is it
    its it's of on or our so than that the their them then there these they this those to was we were what when where
    which who whom why will with would you your about after also any all been being both during each more most other
    over such up very did does per said tell me please""".split()
)
_TOKEN = re.compile(r"[a-z]+\d*[a-z]?|\d+(?:\.\d+)?")


_NORMAL: dict[str, str] = {}  # raw token -> its indexed form ("" for a stopword); bounded by the vocabulary
_NORMAL_MAX = 500_000


# A meeting's words for a vote, one word each: "how many voted against, and how many abstained?" finds "the
# voting was as follows: ... Against (19) ... Abstain (1)"
_FAMILY = {"voted": "vote", "voting": "vote", "abstained": "abstain", "abstaining": "abstain", "abstention": "abstain"}


def _normal(tok: str) -> str:
    if tok in STOPWORDS or (len(tok) == 1 and not tok.isdigit()):
        return ""
    if tok.isalpha() and len(tok) > 3 and tok.endswith("s") and not tok.endswith(("ss", "us", "is")):
        tok = tok[:-1]
    return _FAMILY.get(tok, tok)


def tokenize(text: str) -> list[str]:
    """Lower-case word and number tokens, stopwords removed, plural -s folded."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text.lower())
    text = text.replace("’", "'")
    out = []
    for tok in _TOKEN.findall(text):
        norm = _NORMAL.get(tok)
        if norm is None:
            norm = _normal(tok)
            if len(_NORMAL) < _NORMAL_MAX:
                _NORMAL[tok] = norm
        if norm:
            out.append(norm)
    return out


@dataclass
class _DocTerms:
    chunk_ids: list[str]
    term_ids: list[np.ndarray]
    counts: list[np.ndarray]


TOKENS_VERSION = "2"  # raised whenever tokenize changes: a cache of older tokens is rebuilt from the store


@dataclass
class _State:
    generation: str = ""
    tokens: str = TOKENS_VERSION
    vocab: dict[str, int] = field(default_factory=dict)
    docs: dict[str, _DocTerms] = field(default_factory=dict)


class LexicalIndex:
    """BM25 over chunks; ``sync`` brings it up to date with the live papers of the store."""

    def __init__(self, cache_path: Path | None) -> None:
        self.cache_path = cache_path
        self.state = self._load()
        self._lock = threading.RLock()
        self._built_for: tuple[str, int] | None = None
        self.chunk_ids: list[str] = []
        self.chunk_docs: np.ndarray = np.zeros(0, dtype=np.int32)
        self.doc_order: list[str] = []
        self.matrix: sparse.csc_matrix | None = None
        self.norm: np.ndarray = np.zeros(0)
        self.idf: np.ndarray = np.zeros(0)
        self.doc_terms: dict[str, set[int]] = {}

    def _load(self) -> _State:
        if self.cache_path and self.cache_path.exists():
            try:
                with open(self.cache_path, "rb") as fh:
                    state = pickle.load(fh)
                if isinstance(state, _State) and getattr(state, "tokens", "") == TOKENS_VERSION:
                    return state
            except Exception:
                pass  # a damaged cache is rebuilt from the store
        return _State()

    def _save(self) -> None:
        if not self.cache_path:
            return
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.cache_path.parent, prefix=".lexical-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(self.state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.cache_path)

    def _terms(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        counts: dict[int, int] = {}
        vocab = self.state.vocab
        for tok in tokenize(text):
            tid = vocab.setdefault(tok, len(vocab))
            counts[tid] = counts.get(tid, 0) + 1
        return np.fromiter(counts.keys(), dtype=np.int32, count=len(counts)), np.fromiter(
            counts.values(), dtype=np.float32, count=len(counts)
        )

    def add_document(self, doc_id: str, rows: Iterable[tuple[str, str]]) -> None:
        """Index one paper's chunks, given as (chunk_id, text to index)."""
        ids, tids, cnts = [], [], []
        for chunk_id, text in rows:
            t, c = self._terms(text)
            ids.append(chunk_id)
            tids.append(t)
            cnts.append(c)
        self.state.docs[doc_id] = _DocTerms(ids, tids, cnts)

    def sync(self, generation: str, live: Iterable[str], fetch: Callable[[str], list[tuple[str, str]]]) -> None:
        """Add papers that are live but not indexed, drop those no longer live, then rebuild the matrix."""
        with self._lock:
            live_set = set(live)
            if generation and generation == self.state.generation and set(self.state.docs) == live_set:
                self._build()
                return
            changed = False
            for doc_id in list(self.state.docs):
                if doc_id not in live_set:
                    del self.state.docs[doc_id]
                    changed = True
            for doc_id in sorted(live_set - set(self.state.docs)):
                self.add_document(doc_id, fetch(doc_id))
                changed = True
            self.state.generation = generation
            if changed:
                self._save()
            self._build()

    def _build(self) -> None:
        key = (self.state.generation, len(self.state.docs))
        if self._built_for == key and self.matrix is not None:
            return
        self.doc_order = sorted(self.state.docs)
        chunk_ids: list[str] = []
        rows, cols, vals, doc_index = [], [], [], []
        n = 0
        for d, doc_id in enumerate(self.doc_order):
            terms = self.state.docs[doc_id]
            for cid, t, c in zip(terms.chunk_ids, terms.term_ids, terms.counts):
                chunk_ids.append(cid)
                rows.append(np.full(len(t), n, dtype=np.int32))
                cols.append(t)
                vals.append(c)
                doc_index.append(d)
                n += 1
        vocab_size = max(1, len(self.state.vocab))
        if n:
            matrix = sparse.csr_matrix(
                (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, vocab_size)
            ).tocsc()
        else:
            matrix = sparse.csc_matrix((0, vocab_size), dtype=np.float32)
        lengths = np.asarray(matrix.sum(axis=1)).ravel()
        avg = float(lengths.mean()) if n else 1.0
        self.norm = K1 * (1 - B + B * lengths / max(avg, 1e-9))
        df = np.diff(matrix.indptr)
        self.idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
        self.matrix = matrix
        self.chunk_ids = chunk_ids
        self.chunk_docs = np.asarray(doc_index, dtype=np.int32)
        self.doc_terms = {
            doc_id: set(np.concatenate(self.state.docs[doc_id].term_ids).tolist()) if self.state.docs[doc_id].term_ids else set()
            for doc_id in self.doc_order
        }
        self._built_for = key

    def doc_mask(self, allowed: set[str] | None) -> np.ndarray | None:
        """A boolean mask over chunks of the allowed papers (None means all)."""
        if allowed is None:
            return None
        allowed_idx = np.array([i for i, d in enumerate(self.doc_order) if d in allowed], dtype=np.int32)
        return np.isin(self.chunk_docs, allowed_idx)

    def search(self, query: str, n: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        """The n best chunks for the query by BM25, optionally only from the allowed papers."""
        with self._lock:
            if self.matrix is None or not self.chunk_ids:
                return []
            scores = np.zeros(len(self.chunk_ids), dtype=np.float32)
            seen = set()
            for tok in tokenize(query):
                tid = self.state.vocab.get(tok)
                if tid is None or tid in seen or tid >= self.matrix.shape[1]:
                    continue
                seen.add(tid)
                lo, hi = self.matrix.indptr[tid], self.matrix.indptr[tid + 1]
                rows = self.matrix.indices[lo:hi]
                tf = self.matrix.data[lo:hi]
                scores[rows] += self.idf[tid] * tf * (K1 + 1) / (tf + self.norm[rows])
            mask = self.doc_mask(allowed)
            if mask is not None:
                scores = np.where(mask, scores, 0.0)
            positive = int((scores > 0).sum())
            if positive == 0:
                return []
            k = min(n, positive)
            top = np.argpartition(-scores, k - 1)[:k]
            top = top[np.argsort(-scores[top])]
            return [(self.chunk_ids[i], float(scores[i])) for i in top]

    def idf_of(self, token: str) -> float:
        """The inverse document frequency of a token (high for rare words; 0 when unknown)."""
        tid = self.state.vocab.get(token)
        if tid is None or tid >= len(self.idf):
            return 0.0
        return float(self.idf[tid])

    def doc_contains(self, doc_id: str, token: str) -> bool:
        """Whether a paper (its text, title, body or date) contains the token."""
        tid = self.state.vocab.get(token)
        return tid is not None and tid in self.doc_terms.get(doc_id, ())

    def known(self, token: str) -> bool:
        tid = self.state.vocab.get(token)
        return tid is not None and tid < len(self.idf) and self.matrix is not None and self.matrix.indptr[tid + 1] > self.matrix.indptr[tid]
