"""The Chroma store: one collection of chunks with our own vectors, one catalogue of papers.

A paper becomes visible only when its catalogue record says ``live``; chunks of a paper whose
record is ``pending`` (an ingest that never finished) are invisible and removed by the next run.
"""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import fields
from typing import Any, Iterable

import numpy as np

from core.errors import IndexNotReadyError
from core.models import Chunk, DocumentRecord
from core.settings import Settings

CHUNKS = "minutes_chunks"
CATALOGUE = "minutes_papers"
GENERATION_ID = "__generation__"
_UNIT = [1.0]  # the catalogue is never searched by vector; Chroma still wants one per record
_BATCH = 2000


def _client(settings: Settings) -> Any:
    import chromadb

    chroma_settings = chromadb.Settings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        except Exception as exc:
            raise IndexNotReadyError(
                f"cannot reach the Chroma server at {settings.chroma_host}:{settings.chroma_port} ({exc}); "
                "start it with `chroma run` or unset MINUTES_CHROMA_HOST"
            ) from None
    path = settings.index_path / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def _record_meta(record: DocumentRecord, status: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for f in fields(DocumentRecord):
        value = getattr(record, f.name)
        meta[f.name] = "" if value is None else value
    meta["status"] = status
    return meta


def _record_from_meta(meta: dict[str, Any]) -> DocumentRecord:
    values = {}
    for f in fields(DocumentRecord):
        value = meta.get(f.name)
        if f.name in ("date", "superseded_by") and value == "":
            value = None
        if value is None and f.name in ("source",):
            value = ""
        values[f.name] = value
    return DocumentRecord(**values)


def chunk_metadata(chunk: Chunk, record: DocumentRecord) -> dict[str, Any]:
    """What Chroma stores beside a chunk's vector: where it sits and the filter fields of its paper."""
    return {
        "doc_id": chunk.doc_id,
        "seq": chunk.seq,
        "page": -1 if chunk.page is None else chunk.page,
        "start": chunk.start,
        "end": chunk.end,
        "heading": chunk.heading,
        "block": chunk.block,
        "kind": record.kind,
        "date": record.date or "",
        "restricted": record.restricted,
    }


class Store:
    """Chunks with their vectors and the catalogue of papers, in an embedded or server Chroma."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.client = _client(settings)
        self.chunks = self.client.get_or_create_collection(
            CHUNKS, embedding_function=None, configuration={"hnsw": {"space": "cosine", "ef_search": 100}}
        )
        self.catalogue = self.client.get_or_create_collection(CATALOGUE, embedding_function=None)
        self._lock = threading.Lock()

    # --- the catalogue -------------------------------------------------------------
    def records(self, status: str = "live") -> dict[str, DocumentRecord]:
        """Catalogue records with the given status, by doc_id."""
        got = self.catalogue.get(where={"status": status}, include=["metadatas"])
        return {i: _record_from_meta(m) for i, m in zip(got["ids"], got["metadatas"] or []) if i != GENERATION_ID}

    def generation(self) -> str:
        """A token that changes whenever the set of live papers changes."""
        got = self.catalogue.get(ids=[GENERATION_ID], include=["metadatas"])
        if not got["ids"]:
            return ""
        return str((got["metadatas"] or [{}])[0].get("value", ""))

    def _bump_generation(self) -> None:
        self.catalogue.upsert(
            ids=[GENERATION_ID], embeddings=[_UNIT], metadatas=[{"status": "meta", "value": uuid.uuid4().hex}]
        )

    def begin(self, record: DocumentRecord) -> None:
        """Record that a paper's chunks are being written (invisible until commit)."""
        self.catalogue.upsert(ids=[record.doc_id], embeddings=[_UNIT], metadatas=[_record_meta(record, "pending")])

    def add_chunks(self, chunks: list[Chunk], vectors: np.ndarray, record: DocumentRecord, texts: list[str] | None = None) -> None:
        """Write chunks and their vectors, in batches."""
        for i in range(0, len(chunks), _BATCH):
            part = chunks[i:i + _BATCH]
            self.chunks.upsert(
                ids=[c.chunk_id for c in part],
                embeddings=vectors[i:i + _BATCH].tolist(),
                documents=[c.text for c in part],
                metadatas=[chunk_metadata(c, record) for c in part],
            )

    def commit(self, record: DocumentRecord, replaces: Iterable[str] = ()) -> None:
        """Make a paper live; then remove the papers it replaces (new version stored before old removed)."""
        self.catalogue.upsert(ids=[record.doc_id], embeddings=[_UNIT], metadatas=[_record_meta(record, "live")])
        self._bump_generation()
        for old in replaces:
            if old != record.doc_id:
                self.delete(old)

    def update_record(self, record: DocumentRecord) -> None:
        """Change a live paper's catalogue entry (a moved file, a superseded version)."""
        self.catalogue.upsert(ids=[record.doc_id], embeddings=[_UNIT], metadatas=[_record_meta(record, "live")])
        self._bump_generation()

    def delete(self, doc_id: str) -> None:
        """Remove a paper: hide it first, then delete its chunks, then its record."""
        got = self.catalogue.get(ids=[doc_id], include=["metadatas"])
        if got["ids"]:
            meta = dict((got["metadatas"] or [{}])[0])
            meta["status"] = "deleting"
            self.catalogue.upsert(ids=[doc_id], embeddings=[_UNIT], metadatas=[meta])
            self._bump_generation()
        self.chunks.delete(where={"doc_id": doc_id})
        self.catalogue.delete(ids=[doc_id])

    def recover(self) -> list[str]:
        """Remove what an interrupted run left behind; returns the doc_ids cleaned up."""
        cleaned = []
        for status in ("pending", "deleting"):
            for doc_id in self.records(status):
                self.delete(doc_id)
                cleaned.append(doc_id)
        return cleaned

    # --- chunks --------------------------------------------------------------------
    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[tuple[str, float]]:
        """Nearest chunk ids with cosine similarity."""
        total = self.chunks.count()
        if total == 0:
            return []
        got = self.chunks.query(
            query_embeddings=[vector.tolist()], n_results=min(n, total), where=where or None, include=["distances"]
        )
        return [(cid, 1.0 - float(d)) for cid, d in zip(got["ids"][0], (got["distances"] or [[]])[0])]

    def get(self, chunk_ids: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """Text and metadata of the given chunks, by id."""
        if not chunk_ids:
            return {}
        got = self.chunks.get(ids=chunk_ids, include=["documents", "metadatas"])
        return {i: (d, m) for i, d, m in zip(got["ids"], got["documents"] or [], got["metadatas"] or [])}

    def chunks_of(self, doc_id: str) -> list[tuple[str, str, dict[str, Any]]]:
        """All chunks of one paper as (chunk_id, text, metadata), in reading order."""
        got = self.chunks.get(where={"doc_id": doc_id}, include=["documents", "metadatas"])
        rows = list(zip(got["ids"], got["documents"] or [], got["metadatas"] or []))
        return sorted(rows, key=lambda r: r[2]["seq"])

    def neighbours(self, doc_id: str, seqs: list[int]) -> dict[int, tuple[str, str, dict[str, Any]]]:
        """Chunks of a paper at the given positions."""
        if not seqs:
            return {}
        got = self.chunks.get(
            where={"$and": [{"doc_id": doc_id}, {"seq": {"$in": seqs}}]}, include=["documents", "metadatas"]
        )
        return {m["seq"]: (i, d, m) for i, d, m in zip(got["ids"], got["documents"] or [], got["metadatas"] or [])}

    def count(self) -> int:
        return int(self.chunks.count())


def dump_record(record: DocumentRecord) -> str:
    return json.dumps(record.to_dict())
