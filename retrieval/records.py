"""Indicator and commitment records beside the papers: a third Chroma collection, written at ingest.

Records are never searched by vector (each carries a dummy one-dimensional embedding, like the
catalogue), so the collection works the same in an embedded store and on a Chroma server. A paper's
records are replaced whenever it is written; records of papers that are no longer live are never
returned, and are removed at the end of each ingest run.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from core.models import Document, DocumentRecord
from ingest.commitments import Commitment, extract_commitments
from ingest.indicators import Indicator, extract_indicators
from retrieval.store import Store

RECORDS = "minutes_records"
_UNIT = [1.0]
_BATCH = 2000


def _collection(store: Store) -> Any:
    return store.client.get_or_create_collection(RECORDS, embedding_function=None)


def _meta(record: Indicator | Commitment, kind: str) -> dict[str, Any]:
    meta: dict[str, Any] = {"record": kind}
    for f in fields(record):
        value = getattr(record, f.name)
        meta[f.name] = -1 if value is None and f.name == "page" else ("" if value is None else value)
    return meta


def _from_meta(meta: dict[str, Any], cls: type) -> Any:
    values = {}
    for f in fields(cls):
        value = meta.get(f.name)
        if f.name == "page" and value == -1:
            value = None
        elif value == "" and f.name not in ("quote", "indicator", "what", "doc", "doc_id"):
            value = None
        values[f.name] = value
    return cls(**values)


Extracted = tuple[list[Indicator], list[Commitment]]


def extract_records(document: Document) -> Extracted:
    """A paper's indicator and commitment records (no store involved, so it can run ahead of the writes)."""
    return extract_indicators(document), extract_commitments(document)


def write_records(store: Store, document: Document, extracted: Extracted) -> tuple[int, int]:
    """Store a paper's indicator and commitment records (from ``extract_records``); returns how many of each."""
    collection = _collection(store)
    collection.delete(where={"doc_id": document.doc_id})
    indicators, commitments = extracted
    rows: list[tuple[str, Indicator | Commitment, str]]
    rows = [(f"{document.doc_id}:i:{n}", r, "indicator") for n, r in enumerate(indicators)]
    rows += [(f"{document.doc_id}:c:{n}", r, "commitment") for n, r in enumerate(commitments)]
    for i in range(0, len(rows), _BATCH):
        part = rows[i:i + _BATCH]
        collection.upsert(
            ids=[p[0] for p in part],
            embeddings=[_UNIT] * len(part),
            documents=[p[1].quote for p in part],
            metadatas=[_meta(p[1], p[2]) for p in part],
        )
    return len(indicators), len(commitments)


def prune(store: Store) -> int:
    """Remove the records of papers that are no longer in the catalogue; returns how many papers."""
    collection = _collection(store)
    known = set(store.catalogue.get(include=[])["ids"])
    got = collection.get(include=["metadatas"])
    gone = {str(m["doc_id"]) for m in got["metadatas"] or []} - known
    for doc_id in gone:
        collection.delete(where={"doc_id": doc_id})
    return len(gone)


class Records:
    """Reads the stored records of the live papers a session may see."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def papers(self, allow_restricted: bool = False, as_of: str | None = None) -> dict[str, DocumentRecord]:
        """Live papers whose records may be shown, by doc_id."""
        out = {}
        for doc_id, r in self.store.records().items():
            if r.restricted and not allow_restricted:
                continue
            if as_of and (r.date is None or r.date > as_of):
                continue
            out[doc_id] = r
        return out

    def _get(self, kind: str, papers: dict[str, DocumentRecord]) -> list[dict[str, Any]]:
        if not papers:
            return []
        got = _collection(self.store).get(
            where={"$and": [{"record": kind}, {"doc_id": {"$in": sorted(papers)}}]}, include=["metadatas"]
        )
        return [dict(m) for m in got["metadatas"] or []]

    def indicators(self, allow_restricted: bool = False, as_of: str | None = None) -> list[Indicator]:
        """Every indicator record of the visible papers, oldest paper first."""
        papers = self.papers(allow_restricted, as_of)
        found = [_from_meta(m, Indicator) for m in self._get("indicator", papers)]
        return sorted(found, key=lambda r: (r.date or "", r.doc, r.page or 0, r.start))

    def commitments(self, allow_restricted: bool = False, as_of: str | None = None) -> list[Commitment]:
        """Every resolution and commitment of the visible papers, oldest meeting first."""
        papers = self.papers(allow_restricted, as_of)
        found = [_from_meta(m, Commitment) for m in self._get("commitment", papers)]
        return sorted(found, key=lambda r: (r.date or "", r.doc, r.page or 0, r.start))
