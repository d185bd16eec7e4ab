"""The store's vector search: live papers only, even when a paper being written sits nearest the question."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from core.models import Chunk, DocumentRecord
from retrieval.store import Store
from tests.conftest import make_settings


def _record(doc_id: str, chunks: int) -> DocumentRecord:
    return DocumentRecord(doc_id, f"{doc_id}.txt", doc_id, "minutes", "Panel", "2024-01-01", 0, chunks, doc_id * 3,
                          "2024-01-02T00:00:00+00:00")


def _write(store: Store, doc_id: str, vectors: np.ndarray, commit: bool) -> None:
    record = _record(doc_id, len(vectors))
    chunks = [Chunk(f"{doc_id}-{i}", doc_id, i, None, 0, 5, f"text {i}", "") for i in range(len(vectors))]
    store.begin(record)
    store.add_chunks(chunks, vectors, record)
    if commit:
        store.commit(record)


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_a_paper_being_written_never_crowds_out_the_live_ones(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    question = _unit(rng.normal(size=(1, 384)))[0]
    store = Store(make_settings(tmp_path))
    # the live paper is far from the question; the pending one (200 passages) sits right on it
    _write(store, "live", _unit(rng.normal(size=(30, 384))), commit=True)
    _write(store, "pending", _unit(question + 0.05 * rng.normal(size=(200, 384))), commit=False)
    hits = store.query(question, 10)
    assert len(hits) == 10
    assert {cid.split("-")[0] for cid, _ in hits} == {"live"}
    # the same when the caller filters the search itself
    narrowed = store.query(question, 10, where={"doc_id": {"$in": ["live", "pending"]}})
    assert narrowed == hits
    # and a caller's own scope drops the live paper it does not accept
    assert store.query(question, 10, keep=lambda doc_id: doc_id != "live") == []
