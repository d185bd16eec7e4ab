"""The Chroma store: one collection of chunks with our own vectors, one catalogue of papers.

A paper becomes visible only when its catalogue record says ``live``; chunks of a paper whose
record is ``pending`` (an ingest that never finished) are invisible and removed by the next run.
A paper is made live only when all its chunks are stored, and a new version goes live in the same
write that marks the version it replaces ``deleting``, so a reader sees one version or the other.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Collection, Iterable
from dataclasses import fields, replace
from typing import Any

import numpy as np

from core.errors import IndexNotReadyError
from core.models import Chunk, DocumentRecord
from core.settings import Settings
from ingest.documents import read_by_older_version

CHUNKS = "minutes_chunks"
CATALOGUE = "minutes_papers"
GENERATION_ID = "__generation__"
_UNIT = [1.0]  # the catalogue is never searched by vector; Chroma still wants one per record
_BATCH = 2000
STALE_PENDING_SECONDS = 3600  # a pending paper of a writer we cannot see (another host) is abandoned after this
WRITER = f"{socket.gethostname()}:{os.getpid()}"
_writing: set[str] = set()  # doc_ids this process is writing now (between begin and commit)


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
    values: dict[str, Any] = {}
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
        return {i: _record_from_meta(m) for i, m in zip(got["ids"], got["metadatas"] or [], strict=True) if i != GENERATION_ID}

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

    def _metas(self, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
        if not doc_ids:
            return {}
        got = self.catalogue.get(ids=doc_ids, include=["metadatas"])
        return {i: dict(m) for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)}

    def begin(self, record: DocumentRecord) -> None:
        """Record that a paper's chunks are being written (invisible until commit)."""
        meta = _record_meta(record, "pending")
        meta.update({"writer": WRITER, "started": time.time()})
        _writing.add(record.doc_id)
        self.catalogue.upsert(ids=[record.doc_id], embeddings=[_UNIT], metadatas=[meta])

    def abandon(self, doc_id: str) -> None:
        """Give up writing a paper: it stays pending, invisible, until a recover removes it."""
        _writing.discard(doc_id)

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

    def stored_chunks(self, doc_id: str) -> int:
        """How many chunks of a paper are in the store, whatever its status."""
        return len(self.chunks.get(where={"doc_id": doc_id}, include=[])["ids"])

    def commit(self, record: DocumentRecord, replaces: Iterable[str] = ()) -> None:
        """Make a paper live and hide the papers it replaces in one write, then remove those.

        Records that pointed at a replaced paper as their newer version point at this one instead.
        """
        stored = self.stored_chunks(record.doc_id)
        if stored != record.chunks:
            raise RuntimeError(f"paper {record.doc_id} has {stored} chunks stored, expected {record.chunks}")
        old = [d for d in dict.fromkeys(replaces) if d != record.doc_id]
        ids, metas = [record.doc_id], [_record_meta(record, "live")]
        for doc_id, meta in self._metas(old).items():
            meta["status"] = "deleting"
            ids.append(doc_id)
            metas.append(meta)
        if old:
            pointing = self.catalogue.get(where={"superseded_by": {"$in": old}}, include=["metadatas"])
            for doc_id, meta in zip(pointing["ids"], pointing["metadatas"] or [], strict=True):
                if doc_id not in ids:
                    ids.append(doc_id)
                    metas.append({**meta, "superseded_by": record.doc_id})
        self.catalogue.upsert(ids=ids, embeddings=[_UNIT] * len(ids), metadatas=metas)
        _writing.discard(record.doc_id)
        self._bump_generation()
        for doc_id in old:
            self.delete(doc_id)

    def update_record(self, record: DocumentRecord) -> None:
        """Change a live paper's catalogue entry (a moved file, a superseded version)."""
        self.catalogue.upsert(ids=[record.doc_id], embeddings=[_UNIT], metadatas=[_record_meta(record, "live")])
        self._bump_generation()

    def mark_restricted(self, record: DocumentRecord) -> DocumentRecord:
        """Make a live paper restricted, in its record and beside each of its chunks."""
        restricted = replace(record, restricted=True)
        got = self.chunks.get(where={"doc_id": record.doc_id}, include=["metadatas"])
        if got["ids"]:
            metas = [{**m, "restricted": True} for m in got["metadatas"] or []]
            self.chunks.update(ids=got["ids"], metadatas=metas)
        self.update_record(restricted)
        return restricted

    def delete(self, doc_id: str) -> None:
        """Remove a paper: hide it first, then delete its chunks, then its record.

        Papers it had superseded are no longer superseded, so they rank as before.
        """
        got = self.catalogue.get(ids=[doc_id], include=["metadatas"])
        if got["ids"]:
            meta = dict((got["metadatas"] or [{}])[0])
            meta["status"] = "deleting"
            self.catalogue.upsert(ids=[doc_id], embeddings=[_UNIT], metadatas=[meta])
            self._bump_generation()
        self.chunks.delete(where={"doc_id": doc_id})
        self._release(lambda superseded_by: superseded_by == doc_id)
        self.catalogue.delete(ids=[doc_id])

    def _release(self, gone: Any) -> None:
        """Clear ``superseded_by`` on papers whose newer version is gone."""
        got = self.catalogue.get(where={"status": "live"}, include=["metadatas"])
        ids, metas = [], []
        for doc_id, meta in zip(got["ids"], got["metadatas"] or [], strict=True):
            if meta.get("superseded_by") and gone(meta["superseded_by"]):
                ids.append(doc_id)
                metas.append({**meta, "superseded_by": ""})
        if ids:
            self.catalogue.upsert(ids=ids, embeddings=[_UNIT] * len(ids), metadatas=metas)
            self._bump_generation()

    def _abandoned(self, doc_id: str, meta: dict[str, Any]) -> bool:
        """Whether a pending paper's writer is gone (so its half-written chunks may be removed)."""
        writer = str(meta.get("writer", ""))
        host, _, pid = writer.rpartition(":")
        if host == socket.gethostname() and pid.isdigit():
            if int(pid) == os.getpid():
                return doc_id not in _writing
            try:
                os.kill(int(pid), 0)
            except ProcessLookupError:
                return True
            except PermissionError:
                return False
            return False
        return time.time() - float(meta.get("started") or 0) > STALE_PENDING_SECONDS

    def recover(self) -> list[str]:
        """Remove what an interrupted run left behind; returns the doc_ids cleaned up.

        Pending papers whose writer is still running are left alone; deleting papers, chunks of no
        known paper and pointers to vanished newer versions are cleaned up.
        """
        cleaned = []
        pending = self.catalogue.get(where={"status": "pending"}, include=["metadatas"])
        for doc_id, meta in zip(pending["ids"], pending["metadatas"] or [], strict=True):
            if self._abandoned(doc_id, dict(meta)):
                self.delete(doc_id)
                cleaned.append(doc_id)
        for doc_id in self.records("deleting"):
            self.delete(doc_id)
            cleaned.append(doc_id)
        known = set(self.catalogue.get(include=[])["ids"])
        for doc_id in sorted(self.chunk_doc_ids() - known):
            self.chunks.delete(where={"doc_id": doc_id})
            cleaned.append(doc_id)
        live = set(self.records())
        self._release(lambda superseded_by: superseded_by not in live)
        return cleaned

    def chunk_doc_ids(self) -> set[str]:
        """The doc_ids that have chunks in the store."""
        found: set[str] = set()
        offset = 0
        while True:
            got = self.chunks.get(include=["metadatas"], limit=_BATCH, offset=offset)
            found.update(str(m["doc_id"]) for m in got["metadatas"] or [])
            if len(got["ids"]) < _BATCH:
                return found
            offset += _BATCH

    def audit(self) -> dict[str, Any]:
        """Counts that show whether the index is whole: papers by status, chunks, orphans and short papers."""
        live = self.records()
        by_doc: dict[str, int] = {}
        offset = 0
        while True:
            got = self.chunks.get(include=["metadatas"], limit=_BATCH, offset=offset)
            for m in got["metadatas"] or []:
                by_doc[str(m["doc_id"])] = by_doc.get(str(m["doc_id"]), 0) + 1
            if len(got["ids"]) < _BATCH:
                break
            offset += _BATCH
        return {
            "live": len(live),
            "pending": len(self.records("pending")),
            "deleting": len(self.records("deleting")),
            "chunks": sum(by_doc.values()),
            "live_chunks": sum(r.chunks for r in live.values()),
            "orphan_chunks": sum(n for d, n in by_doc.items() if d not in live),
            "incomplete": sorted(d for d, r in live.items() if by_doc.get(d, 0) != r.chunks),
            "read_by_older_version": sorted(d for d, r in live.items() if read_by_older_version(d, r.sha256)),
        }

    # --- chunks --------------------------------------------------------------------
    def query(
        self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None, keep: Callable[[str], bool] | None = None,
        live: Collection[str] | None = None,
    ) -> list[tuple[str, float]]:
        """Nearest chunk ids with cosine similarity, from live papers only (and, with ``keep``, papers it accepts).

        The index is first asked, with only the caller's ``where``, for a few more than ``n``, and the
        chunks of papers that are not live (still being written, half deleted) or not kept are dropped:
        a metadata filter over every live paper costs more than the search itself on a large archive.
        Only when too few are left is the search repeated with that filter, so a paper being written
        never crowds out the rest. ``live`` is the caller's list of live papers, if it has one.
        """
        live = set(self.catalogue.get(where={"status": "live"}, include=[])["ids"] if live is None else live)
        if not live:
            return []

        def wanted(cid: str) -> bool:
            doc_id = cid.split("-")[0]
            return doc_id in live and (keep is None or keep(doc_id))

        ask = 2 * n + 20
        got = self._nearest(vector, ask, where)
        kept = [(cid, s) for cid, s in got if wanted(cid)]
        if len(kept) >= n or len(got) < ask:
            return kept[:n]
        scope: dict[str, Any] = {"doc_id": {"$in": sorted(live)}}
        got = self._nearest(vector, n, {"$and": [where, scope]} if where else scope)
        return [(cid, s) for cid, s in got if wanted(cid)]

    def _nearest(self, vector: np.ndarray, n: int, where: dict[str, Any] | None) -> list[tuple[str, float]]:
        got = self.chunks.query(query_embeddings=[vector.tolist()], n_results=n, where=where, include=["distances"])
        return [(cid, 1.0 - float(d)) for cid, d in zip(got["ids"][0], (got["distances"] or [[]])[0], strict=True)]

    def get(self, chunk_ids: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """Text and metadata of the given chunks, by id."""
        if not chunk_ids:
            return {}
        got = self.chunks.get(ids=chunk_ids, include=["documents", "metadatas"])
        return {i: (d, m) for i, d, m in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True)}

    def chunks_of(self, doc_id: str) -> list[tuple[str, str, dict[str, Any]]]:
        """All chunks of one paper as (chunk_id, text, metadata), in reading order."""
        got = self.chunks.get(where={"doc_id": doc_id}, include=["documents", "metadatas"])
        rows = list(zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True))
        return sorted(rows, key=lambda r: r[2]["seq"])

    def neighbours(self, doc_id: str, seqs: list[int]) -> dict[int, tuple[str, str, dict[str, Any]]]:
        """Chunks of a paper at the given positions."""
        if not seqs:
            return {}
        got = self.chunks.get(
            where={"$and": [{"doc_id": doc_id}, {"seq": {"$in": seqs}}]}, include=["documents", "metadatas"]
        )
        return {m["seq"]: (i, d, m) for i, d, m in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True)}

    def count(self) -> int:
        return int(self.chunks.count())
