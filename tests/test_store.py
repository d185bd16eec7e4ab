"""The store's vector search (live papers only, even when a paper being written sits nearest the question) and its word index."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np

from core.models import Chunk, DocumentRecord
from retrieval.lexical import LexicalIndex, tokenize
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


def test_the_word_index_is_rebuilt_when_words_are_read_differently(tmp_path: Path) -> None:
    # "voted" and "abstained" are read as "vote" and "abstain": a cache of the words as read before is not used
    assert tokenize("Members voted; two abstained, abstentions") == ["member", "vote", "two", "abstain", "abstain"]
    cache = tmp_path / "lexical.pkl"
    index = LexicalIndex(cache)
    index.sync("g1", ["doc"], lambda doc: [("c1", "The voting was as follows")])
    assert LexicalIndex(cache).state.docs  # read back as it was written
    old = LexicalIndex(cache).state
    old.tokens = "1"
    with open(cache, "wb") as fh:
        pickle.dump(old, fh)
    assert not LexicalIndex(cache).state.docs  # words read the old way: rebuilt from the store on the next sync
