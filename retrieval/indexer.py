"""Ingest: files to papers to chunks to vectors in the store, idempotent and incremental."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from core.errors import LoadError
from core.models import Chunk, Document, DocumentRecord, FileOutcome, IngestReport
from core.settings import Settings
from ingest.chunking import chunk_document
from ingest.documents import content_hash, doc_id_for, document_from_bytes, read_bytes
from ingest.loaders import SUPPORTED_SUFFIXES
from retrieval.embedding import Embedder
from retrieval.store import Store

Progress = Callable[[int, int, str], None]


def embedding_text(chunk: Chunk, title: str) -> str:
    """What is embedded for a chunk: its paper's title and heading trail give the passage its context."""
    context = title if not chunk.heading else f"{title} — {chunk.heading}"
    return f"{context}\n{chunk.text}"


def lexical_text(text: str, meta: dict, record: DocumentRecord) -> str:
    """What the BM25 index sees for a chunk: title, body, date and heading beside the text."""
    return " ".join([record.title, record.body, record.date or "", str(meta.get("heading", "")), text])


def discover(paths: list[Path]) -> Iterator[tuple[Path, str, bool]]:
    """Files to ingest as (file, path relative to the folder given, explicitly named)."""
    for root in paths:
        if root.is_dir():
            for file in sorted(p for p in root.rglob("*") if p.is_file()):
                rel = file.relative_to(root)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                yield file, rel.as_posix(), False
        else:
            yield root, root.name, True


def is_restricted(rel_path: str, settings: Settings) -> bool:
    """Whether a paper falls under a restricted folder rule."""
    folders = {p.lower() for p in Path(rel_path).parts[:-1]}
    return any(rule.lower() in folders for rule in settings.restricted_dirs)


class Indexer:
    """Writes papers into the store; a changed file replaces its old version only after the new one is stored."""

    def __init__(self, settings: Settings, store: Store, embedder: Callable[[], Embedder]) -> None:
        self.settings = settings
        self.store = store
        self._embedder = embedder

    def ingest(
        self,
        paths: list[Path],
        *,
        restricted: bool = False,
        prune: bool = False,
        progress: Progress | None = None,
    ) -> IngestReport:
        report = IngestReport()
        self.store.recover()
        live = self.store.records()
        by_path = {r.path: r for r in live.values()}
        files = list(discover(paths))
        seen_paths: set[str] = set()
        for i, (file, rel, explicit) in enumerate(files):
            if progress:
                progress(i, len(files), rel)
            if not explicit and file.suffix.lower() not in SUPPORTED_SUFFIXES:
                report.outcomes.append(FileOutcome(rel, "skipped", f"not a paper type we read ({file.suffix or 'no extension'})"))
                continue
            seen_paths.add(rel)
            outcome = self._ingest_file(file, rel, restricted or is_restricted(rel, self.settings), live, by_path)
            report.outcomes.append(outcome)
        if progress:
            progress(len(files), len(files), "")
        if prune:
            roots = [p for p in paths if p.is_dir()]
            for record in list(self.store.records().values()):
                source = Path(record.source) if record.source else None
                gone = source is not None and not source.exists()
                under_root = source is not None and any(_is_under(source, r) for r in roots)
                if gone and (under_root or not roots):
                    self.store.delete(record.doc_id)
                    report.outcomes.append(FileOutcome(record.path, "removed", "file no longer exists", record.doc_id, record.title))
        return report

    def _ingest_file(
        self, file: Path, rel: str, restricted: bool, live: dict[str, DocumentRecord], by_path: dict[str, DocumentRecord]
    ) -> FileOutcome:
        try:
            data = read_bytes(file, self.settings.max_file_mb * 1_000_000)
        except LoadError as exc:
            return FileOutcome(rel, "failed", str(exc))
        doc_id = doc_id_for(content_hash(data))
        existing = live.get(doc_id)
        if existing is not None:
            if existing.path == rel:
                return FileOutcome(rel, "unchanged", "", doc_id, existing.title, existing.pages, existing.chunks)
            source_gone = bool(existing.source) and not Path(existing.source).exists()
            if source_gone:
                moved = replace(existing, path=rel, source=str(file.resolve()))
                self.store.update_record(moved)
                live[doc_id] = moved
                return FileOutcome(rel, "unchanged", f"moved from {existing.path}", doc_id, existing.title)
            return FileOutcome(rel, "duplicate", f"same content as {existing.path}; stored once", doc_id, existing.title)
        try:
            document = document_from_bytes(data, rel, restricted=restricted, max_pages=self.settings.max_pages)
        except LoadError as exc:
            return FileOutcome(rel, "failed", str(exc))
        previous = by_path.get(rel)
        record = self.write(document, source=str(file.resolve()), replaces=[previous.doc_id] if previous else [])
        live[record.doc_id] = record
        by_path[rel] = record
        status = "updated" if previous else "added"
        return FileOutcome(rel, status, "", record.doc_id, record.title, record.pages, record.chunks)

    def write(self, document: Document, *, source: str = "", replaces: list[str] | None = None) -> DocumentRecord:
        """Chunk, embed and store one paper, making it live and removing what it replaces."""
        chunks = chunk_document(document.doc_id, document.pages)
        record = DocumentRecord(
            doc_id=document.doc_id,
            path=document.path,
            title=document.title,
            kind=document.kind,
            body=document.body,
            date=document.date,
            pages=len(document.pages) if document.paged else 0,
            chunks=len(chunks),
            sha256=document.sha256,
            ingested_at=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            restricted=document.restricted,
            source=source,
        )
        self.store.begin(record)
        if chunks:
            vectors = self._embedder().embed([embedding_text(c, document.title) for c in chunks])
            self.store.add_chunks(chunks, vectors, record)
        self.store.commit(record, replaces=replaces or [])
        return record


def _is_under(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False
