"""Hybrid search: dense vectors and BM25 fused by normalised score, reranked on the question's words.

Each list's scores are scaled to 0..1 over its candidates (min-max) and added with weights; then a
passage gains for the share of the question's (IDF-weighted) words and word pairs in its own text.
Rank fusion (RRF) was measured too and did worse on the development questions (see README).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from core.models import DocumentRecord, Filters, Passage
from core.settings import Settings
from retrieval.embedding import Embedder
from retrieval.indexer import lexical_text
from retrieval.lexical import LexicalIndex, tokenize
from retrieval.query import Query
from retrieval.store import Store

NARROW_SCOPE = 500  # papers: a scope this small filters the vector search itself
ROW_CACHE = 20_000  # chunks whose text and words are kept in memory between searches (tens of MB)
Row = tuple[str, dict[str, Any], frozenset[str], frozenset[tuple[str, str]]]


@dataclass(frozen=True)
class Weights:
    """Rank-fusion weights and boosts, measured on the development questions (see README)."""

    dense: float = 0.5
    lexical: float = 1.0
    coverage: float = 0.5
    pairs: float = 0.5
    context: float = 1.0
    recent: float = 0.3
    code_boost: float = 0.1
    year_boost: float = 0.1
    superseded_penalty: float = 0.5
    per_page: int = 3
    candidates: int = 60


def resolve_scope(
    records: dict[str, DocumentRecord], filters: Filters, settings: Settings, allow_restricted: bool
) -> set[str] | None:
    """The doc_ids a search may use, or None when every live paper may answer."""
    until = filters.until
    if settings.as_of and (until is None or settings.as_of < until):
        until = settings.as_of
    if filters.empty and until == filters.until and allow_restricted:
        return None
    allowed = set()
    for doc_id, r in records.items():
        if r.restricted and not allow_restricted:
            continue
        if filters.kinds and r.kind not in filters.kinds:
            continue
        if filters.bodies and not any(b.lower() in r.body.lower() for b in filters.bodies):
            continue
        if filters.docs and not any(d in (doc_id, r.path, r.title) or r.path.endswith(d) for d in filters.docs):
            continue
        if (filters.since or until) and not r.date:
            continue
        if filters.since and r.date and r.date < filters.since:
            continue
        if until and r.date and r.date > until:
            continue
        allowed.add(doc_id)
    if filters.empty and until is None and len(allowed) == len(records):
        return None
    return allowed


class Searcher:
    """Finds passages for a prepared query in the live papers of a store."""

    def __init__(self, settings: Settings, store: Store, embedder: Callable[[], Embedder], weights: Weights | None = None) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.weights = weights or Weights()
        self.lexical = LexicalIndex(self._lexical_cache_path())
        self._records: dict[str, DocumentRecord] = {}
        self._generation: str | None = None
        self._lock = threading.Lock()
        self._row_cache: OrderedDict[str, Row] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._scopes: dict[tuple[str, Filters, bool, str | None], set[str] | None] = {}
        self._context_cache: dict[tuple[str, str], frozenset[str]] = {}

    def _lexical_cache_path(self) -> Any:
        if self.settings.chroma_host:
            name = f"lexical-{self.settings.chroma_host}-{self.settings.chroma_port}.pkl"
            return self.settings.data_dir / "cache" / name
        return self.settings.index_path / "lexical.pkl"

    def records(self, generation: str | None = None) -> dict[str, DocumentRecord]:
        """Live papers, refreshed when the store's generation (read now unless given) changes."""
        return self._live(generation)[1]

    def _live(self, generation: str | None = None) -> tuple[str, dict[str, DocumentRecord]]:
        """The generation token and the live papers as of it."""
        with self._lock:
            generation = self.store.generation() if generation is None else generation
            if generation != self._generation:
                records = self.store.records()
                self.lexical.sync(generation, records, lambda d: self._lexical_rows(d, records[d]))
                self._records, self._generation = records, generation
            return generation, self._records

    def _lexical_rows(self, doc_id: str, record: DocumentRecord) -> list[tuple[str, str]]:
        return [(cid, lexical_text(text, meta, record)) for cid, text, meta in self.store.chunks_of(doc_id)]

    def search(
        self, query: Query, k: int = 5, filters: Filters = Filters(), allow_restricted: bool | None = None,
        generation: str | None = None,
    ) -> list[Passage]:
        live, records = self._live(generation)
        allow = self.settings.allow_restricted if allow_restricted is None else allow_restricted
        allowed = self._scope(live, records, filters, allow)
        if allowed is not None and not allowed:
            return []
        w = self.weights
        n = max(w.candidates, k * 4)
        # A narrow scope (a few papers) is a filter of the vector search; a wide one (every public
        # paper) is applied to its results, which is much cheaper (Store.query).
        where: dict[str, Any] | None = None
        if allowed is not None and len(allowed) <= NARROW_SCOPE and len(allowed) < len(records) / 2:
            where = {"doc_id": {"$in": sorted(allowed)}}
        vector = self.embedder().embed([query.dense_text])[0]
        scope: Collection[str] = records.keys() if allowed is None else allowed
        dense = self.store.query(vector, n, where, keep=scope.__contains__, live=records.keys())
        lexical = self.lexical.search(query.lexical_text, n, allowed)
        dense_n, lexical_n = _minmax(dense), _minmax(lexical)
        fused = {c: w.dense * dense_n.get(c, 0.0) + w.lexical * lexical_n.get(c, 0.0) for c in dense_n.keys() | lexical_n.keys()}
        weights = {t: max(self.lexical.idf_of(t), 0.1) for t in tokenize(query.lexical_text)}
        total = sum(weights.values()) or 1.0
        question_tokens = tokenize(query.question)
        question_pairs = set(zip(question_tokens, question_tokens[1:]))
        fused = {c: s for c, s in fused.items() if c.split("-")[0] in scope}
        rows = self._rows(list(fused))
        scored = []
        for cid, base in fused.items():
            if cid not in rows:
                continue
            text, meta, present, text_pairs = rows[cid]
            record = records[meta["doc_id"]]
            context = self._context_tokens(record, str(meta.get("heading", "")))
            # the question's words in the passage count in full; those only in its paper's title, body
            # or heading ("Doncaster" for a passage of a Doncaster report) count with weight ``context``
            coverage = sum(v if t in present else w.context * v for t, v in weights.items()
                           if t in present or t in context) / total
            pairs = len(question_pairs & text_pairs) / max(1, len(question_pairs))
            score = base + w.coverage * coverage + w.pairs * pairs + self._boost(query, text, record)
            if record.superseded_by:
                score *= w.superseded_penalty
            scored.append((score, cid, text, meta, record))
        if query.latest:
            scored = _newer_first(scored, w.recent)
        scored.sort(key=lambda r: -r[0])
        picked = _diverse(scored, k, w.per_page)
        return [_passage(cid, text, meta, record, score) for score, cid, text, meta, record in picked]

    def _scope(self, generation: str, records: dict[str, DocumentRecord], filters: Filters, allow: bool) -> set[str] | None:
        """``resolve_scope``, remembered per generation of the live papers (a few scopes at a time)."""
        key = (generation, filters, allow, self.settings.as_of)
        with self._cache_lock:
            if key in self._scopes:
                return self._scopes[key]
        allowed = resolve_scope(records, filters, self.settings, allow)
        with self._cache_lock:
            if len(self._scopes) >= 16:
                self._scopes.clear()
            self._scopes[key] = allowed
        return allowed

    def _rows(self, chunk_ids: list[str]) -> dict[str, Row]:
        """Text, metadata, word set and word-pair set of each chunk, from a cache or the store.

        A chunk id names its paper's content hash and its position, so a cached row never goes stale.
        """
        with self._cache_lock:
            rows = {c: self._row_cache[c] for c in chunk_ids if c in self._row_cache}
        fetched = {}
        for cid, (text, meta) in self.store.get([c for c in chunk_ids if c not in rows]).items():
            tokens = tokenize(text)
            fetched[cid] = (text, meta, frozenset(tokens), frozenset(zip(tokens, tokens[1:])))
        with self._cache_lock:
            for cid in rows:
                if cid in self._row_cache:
                    self._row_cache.move_to_end(cid)
            self._row_cache.update(fetched)
            while len(self._row_cache) > ROW_CACHE:
                self._row_cache.popitem(last=False)
        return rows | fetched

    def _context_tokens(self, record: DocumentRecord, heading: str) -> frozenset[str]:
        """The words of a paper's title, body, date and a heading, remembered (a few thousand at a time)."""
        key = (record.doc_id, heading)
        found = self._context_cache.get(key)
        if found is None:
            found = frozenset(tokenize(" ".join([record.title, record.body, record.date or "", heading])))
            with self._cache_lock:
                if len(self._context_cache) >= 5000:
                    self._context_cache.clear()
                self._context_cache[key] = found
        return found

    def _boost(self, query: Query, text: str, record: DocumentRecord) -> float:
        bonus = 0.0
        for code in query.codes:
            if re.search(rf"\b{re.escape(code)}\b", text):
                bonus += self.weights.code_boost
        for year in query.years:
            if (record.date or "").startswith(year) or year in record.title:
                bonus += self.weights.year_boost
        return bonus


def _newer_first(scored: list[tuple], boost: float) -> list[tuple]:
    """Scores raised for newer papers: ``boost`` for the newest paper among the candidates, half that for the
    next date, a third for the one after, and so on (undated papers gain nothing)."""
    dates = sorted({row[4].date for row in scored if row[4].date}, reverse=True)
    rank = {d: i for i, d in enumerate(dates)}
    return [(row[0] + (boost / (1 + rank[row[4].date]) if row[4].date else 0.0),) + row[1:] for row in scored]


def _minmax(ranked: list[tuple[str, float]]) -> dict[str, float]:
    """Scores scaled to 0..1 over one list of candidates."""
    if not ranked:
        return {}
    values = [s for _, s in ranked]
    low, high = min(values), max(values)
    return {c: (s - low) / ((high - low) or 1.0) for c, s in ranked}


def _diverse(scored: list[tuple], k: int, per_page: int) -> list[tuple]:
    """The best k, with at most ``per_page`` passages from any one page before the rest are admitted."""
    picked, held = [], []
    counts: dict[tuple[str, Any], int] = {}
    for row in scored:
        page = row[3]["page"]
        # Unpaged papers (text, HTML, Word) count runs of five passages as a "page".
        key = (row[3]["doc_id"], page if page is not None and page >= 0 else f"s{int(row[3]['seq']) // 5}")
        if counts.get(key, 0) < per_page:
            counts[key] = counts.get(key, 0) + 1
            picked.append(row)
        else:
            held.append(row)
        if len(picked) >= k:
            break
    if len(picked) < k:
        picked.extend(held[: k - len(picked)])
    return picked[:k]


def _passage(cid: str, text: str, meta: dict[str, Any], record: DocumentRecord, score: float) -> Passage:
    page = meta.get("page", -1)
    return Passage(
        chunk_id=cid,
        doc_id=record.doc_id,
        doc=record.path,
        title=record.title,
        kind=record.kind,
        body=record.body,
        date=record.date,
        page=None if page is None or page < 0 else int(page),
        heading=str(meta.get("heading", "")),
        text=text,
        score=score,
        seq=int(meta.get("seq", 0)),
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
        superseded=bool(record.superseded_by),
        source=record.source,
    )
