"""A synthetic archive grown from the real papers: dates, committees and figures varied, vectors perturbed.

Embedding 200,000 passages on two cores would take hours, so the copies are written straight
into the store with the real passages' vectors plus a little Gaussian noise (cosine about 0.95 to
the original), through the same ``Store.begin / add_chunks / commit`` path as a real ingest.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import replace
from typing import Any

import numpy as np

from core.models import Chunk, DocumentRecord
from retrieval.store import Store

COMMITTEES = (
    "Adult Social Care Scrutiny Committee", "Health and Wellbeing Board", "Cabinet", "Full Council",
    "Planning Committee", "Audit and Governance Committee", "Schools Forum", "Housing Overview Panel",
    "Corporate Parenting Panel", "Children and Young People Scrutiny Panel", "Environment Committee",
    "Licensing Committee", "Transport Board", "Finance and Performance Committee",
)
NOISE = 0.017  # per-dimension standard deviation: cosine to the real vector about 0.95 at 384 dimensions
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\w])")


def vary_figures(text: str, rng: random.Random) -> str:
    """The same text with its figures moved by up to a fifth (years between 1990 and 2035 kept)."""
    def swap(m: re.Match[str]) -> str:
        raw = m.group(0)
        value = float(raw.replace(",", ""))
        if raw.isdigit() and 1990 <= value <= 2035:
            return raw
        moved = value * rng.uniform(0.8, 1.2)
        if "." in raw:
            return f"{moved:.{len(raw.split('.')[1])}f}"
        return f"{round(moved):,}" if "," in raw else str(round(moved))
    return _NUMBER.sub(swap, text)


def shift_date(date: str | None, years: int, months: int) -> str | None:
    """An ISO date moved back by whole years and months."""
    if not date:
        return date
    y, m, d = (int(x) for x in date.split("-"))
    total = y * 12 + (m - 1) - years * 12 - months
    return f"{total // 12:04d}-{total % 12 + 1:02d}-{min(d, 28):02d}"


def load_real(store: Store) -> list[tuple[DocumentRecord, list[tuple[str, dict[str, Any]]], np.ndarray]]:
    """Every live paper with its passages (text, metadata) and their vectors, from the store."""
    out = []
    for doc_id, record in sorted(store.records().items()):
        got = store.chunks.get(where={"doc_id": doc_id}, include=["documents", "metadatas", "embeddings"])
        rows = sorted(zip(got["documents"], got["metadatas"], got["embeddings"]), key=lambda r: r[1]["seq"])
        out.append((record, [(t, m) for t, m, _ in rows], np.asarray([e for _, _, e in rows], dtype=np.float32)))
    return out


def synthetic_copy(record: DocumentRecord, rows: list[tuple[str, dict[str, Any]]], vectors: np.ndarray,
                   copy: int, rng: random.Random) -> tuple[DocumentRecord, list[Chunk], np.ndarray]:
    """One synthetic paper: a real one with another committee, an earlier date, other figures, nearby vectors."""
    doc_id = hashlib.sha256(f"{record.doc_id}:{copy}".encode()).hexdigest()[:20]
    committee = COMMITTEES[copy % len(COMMITTEES)]
    date = shift_date(record.date, 1 + copy % 20, copy % 12)
    title = f"{committee}: {record.title} ({date or 'undated'}, copy {copy})"
    chunks = []
    for seq, (text, meta) in enumerate(rows):
        new_text = vary_figures(text, rng)
        digest = hashlib.sha256(f"{copy}:{seq}:{new_text}".encode()).hexdigest()[:12]
        page = meta.get("page", -1)
        chunks.append(Chunk(f"{doc_id}-{digest}", doc_id, seq, None if page < 0 else page, 0, len(new_text),
                            new_text, str(meta.get("heading", "")), str(meta.get("block", "text"))))
    noisy = vectors + np.random.default_rng(rng.randrange(2**32)).normal(0, NOISE, vectors.shape).astype(np.float32)
    noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
    new = replace(record, doc_id=doc_id, path=f"synthetic/{copy:04d}/{record.path}", title=title, body=committee,
                  date=date, chunks=len(chunks), sha256=hashlib.sha256(doc_id.encode()).hexdigest(), source="")
    return new, chunks, noisy


def grow(store: Store, target_chunks: int, seed: int = 7) -> int:
    """Add synthetic papers until the store holds at least ``target_chunks`` passages; returns papers added."""
    rng = random.Random(seed)
    real = load_real(store)
    total, added, copy = store.count(), 0, 0
    while total < target_chunks:
        copy += 1
        for record, rows, vectors in real:
            if total >= target_chunks:
                break
            new, chunks, noisy = synthetic_copy(record, rows, vectors, copy, rng)
            store.begin(new)
            if chunks:
                store.add_chunks(chunks, noisy, new)
            store.commit(new)
            total += len(chunks)
            added += 1
    return added
