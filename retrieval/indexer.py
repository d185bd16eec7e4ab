"""Ingest: files to papers to chunks to vectors in the store, idempotent and incremental."""

from __future__ import annotations

import os
import re
import threading
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from core.errors import LoadError
from core.models import Chunk, Document, DocumentRecord, FileOutcome, IngestReport
from core.settings import Settings
from ingest.chunking import chunk_document
from ingest.documents import content_hash, doc_id_for, document_from_bytes, read_by_older_version, read_bytes
from ingest.loaders import SUPPORTED_SUFFIXES
from ingest.sentences import TALLY, without_names
from retrieval.embedding import Embedder
from retrieval.records import Extracted, extract_records, write_records
from retrieval.records import prune as prune_records
from retrieval.store import Store

Progress = Callable[[int, int, str], None]
Step = Callable[[int, int], None]
WRITE_BATCH = 128  # chunks embedded and stored together
READ_AHEAD = 2  # papers read, chunked and extracted ahead of the one being embedded
READER_NICE = 10  # the reading thread's nice value (see _yield_to_model)


def embedding_text(chunk: Chunk) -> str:
    """What is embedded for a chunk: the passage alone.

    The title, body, date and heading trail go into the lexical index beside it (``lexical_text``).
    Putting them before the passage as well cost a quarter more tokens for the model, the largest
    part of ingest time, and did not improve retrieval on the development questions (README).
    """
    # a recorded vote: what was voted on and the tally, without the names of those voting
    return without_names(chunk.text, chunk.heading) if TALLY.search(chunk.text) else chunk.text


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


Paper = tuple[Document, list[Chunk], Extracted]  # a loaded paper, its chunks and its extracted records


@dataclass
class Prepared:
    """One file read, identified and (unless already stored) loaded, chunked and extracted, ready to write."""

    doc_id: str = ""
    paper: Paper | None = None
    error: LoadError | None = None


def prepare(file: Path, rel: str, stored: frozenset[str], settings: Settings) -> Prepared:
    """The work on a file that needs no model and no store: run ahead, in another thread, of the writes.

    A paper whose content is already stored is only hashed. The main thread still decides what to
    do with it (restricted or not, update, duplicate), so running ahead changes no outcome.
    """
    try:
        data = read_bytes(file, settings.max_file_mb * 1_000_000)
        doc_id = doc_id_for(content_hash(data))
        if doc_id in stored:
            return Prepared(doc_id)
        document = document_from_bytes(data, rel, max_pages=settings.max_pages)
    except LoadError as exc:
        return Prepared(error=exc)
    return Prepared(doc_id, (document, chunk_document(document.doc_id, document.pages), extract_records(document)))


def is_restricted(rel_path: str, settings: Settings) -> bool:
    """Whether a paper falls under a restricted folder rule."""
    folders = {p.lower() for p in Path(rel_path).parts[:-1]}
    return any(rule.lower() in folders for rule in settings.restricted_dirs)


class Indexer:
    """Writes papers into the store; a changed file replaces its old version only after the new one is stored."""

    write_batch = WRITE_BATCH

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
        files = list(discover(paths))
        wanted = [(i, file, rel) for i, (file, rel, explicit) in enumerate(files)
                  if explicit or file.suffix.lower() in SUPPORTED_SUFFIXES]
        stored = frozenset(live)
        # Reading PDFs is pure Python and embedding is ONNX Runtime (which releases the GIL): one
        # thread reads the next papers while this one embeds and writes the current one.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-read", initializer=_yield_to_model) as reader:
            ahead: deque[tuple[int, Future[Prepared]]] = deque()
            queue = iter(wanted)
            for i, (file, rel, _) in enumerate(files):
                while len(ahead) < READ_AHEAD and (nxt := next(queue, None)) is not None:
                    ahead.append((nxt[0], reader.submit(prepare, nxt[1], nxt[2], stored, self.settings)))
                if progress:
                    progress(i, len(files), rel)
                if not ahead or ahead[0][0] != i:
                    report.outcomes.append(FileOutcome(rel, "skipped", f"not a paper type we read ({file.suffix or 'no extension'})"))
                    continue
                prepared = ahead.popleft()[1].result()
                step = _step(progress, i, len(files), rel)
                restrict = restricted or is_restricted(rel, self.settings)
                report.outcomes.append(self._ingest_file(file, rel, restrict, live, prepared, step))
        if progress:
            progress(len(files), len(files), "")
        if prune:
            report.outcomes.extend(self.prune(paths))
        prune_records(self.store)
        return report

    def prune(self, paths: list[Path]) -> list[FileOutcome]:
        """Remove papers whose files are gone: those under the folders given, or anywhere when none is."""
        roots = [p for p in paths if p.is_dir()]
        removed = []
        for record in list(self.store.records().values()):
            source = Path(record.source) if record.source else None
            if source is None or source.exists():
                continue
            if roots and not any(_is_under(source, r) for r in roots):
                continue
            self.remove(record.doc_id)
            removed.append(FileOutcome(record.path, "removed", "file no longer exists", record.doc_id, record.title))
        return removed

    def _ingest_file(
        self, file: Path, rel: str, restricted: bool, live: dict[str, DocumentRecord], prepared: Prepared,
        step: Step | None = None,
    ) -> FileOutcome:
        source = str(file.resolve())
        previous = _previous_version(live, source, rel)
        restricted = restricted or (previous is not None and previous.restricted)  # a new version stays restricted
        if prepared.error is not None:
            return _failed(rel, prepared.error, previous)
        existing = live.get(prepared.doc_id)
        if existing is not None:
            return self._known(existing, file, rel, restricted, previous, live)
        if prepared.paper is None:  # stored when the run began, removed since: read it now
            prepared = prepare(file, rel, frozenset(), self.settings)
            if prepared.error is not None or prepared.paper is None:
                return _failed(rel, prepared.error or LoadError("file changed while it was read"), previous)
        document, chunks, records = prepared.paper
        # the same content read by an earlier version of the reader, from this file or another, is replaced too
        older = [r for r in live.values() if r.sha256 == document.sha256 and read_by_older_version(r.doc_id, r.sha256)]
        document = replace(document, restricted=restricted or any(r.restricted for r in older))
        replaces = list(dict.fromkeys([*([previous.doc_id] if previous else []), *(r.doc_id for r in older)]))
        record = self.write(document, chunks, records, source=source, replaces=replaces, progress=step)
        for doc_id in replaces:
            live.pop(doc_id, None)
        live[record.doc_id] = record
        reread = "read again: it was stored by an earlier version of the reader" if older else ""
        notes = [n for n in (reread, _blank_pages(document), self.supersede(record, live)) if n]
        status = "updated" if replaces else "added"
        return FileOutcome(rel, status, "; ".join(notes), record.doc_id, record.title, record.pages, record.chunks)

    def _known(
        self, existing: DocumentRecord, file: Path, rel: str, restricted: bool,
        previous: DocumentRecord | None, live: dict[str, DocumentRecord],
    ) -> FileOutcome:
        """A file whose content is already stored: unchanged, moved, or a second copy."""
        source = str(file.resolve())
        notes = []
        if restricted and not existing.restricted:
            # Any copy in a restricted place makes the paper restricted; nothing is made public by a copy.
            existing = self.store.mark_restricted(existing)
            live[existing.doc_id] = existing
            notes.append("now restricted")
        same_file = existing.source == source if existing.source else existing.path == rel
        if same_file:
            return FileOutcome(rel, "unchanged", "; ".join(notes), existing.doc_id, existing.title, existing.pages, existing.chunks)
        if existing.source and not Path(existing.source).exists():
            moved = replace(existing, path=rel, source=source)
            self.store.update_record(moved)
            live[existing.doc_id] = moved
            return FileOutcome(rel, "unchanged", "; ".join([f"moved from {existing.path}", *notes]), existing.doc_id, existing.title)
        if previous is not None and previous.doc_id != existing.doc_id:
            # This file used to hold another version; its content now matches a stored paper.
            self.store.delete(previous.doc_id)
            live.pop(previous.doc_id, None)
            notes.append("its earlier version was removed")
        reason = "; ".join([f"same content as {existing.path}; stored once", *notes])
        return FileOutcome(rel, "duplicate", reason, existing.doc_id, existing.title)

    def supersede(self, record: DocumentRecord, live: dict[str, DocumentRecord]) -> str:
        """Mark older versions of the same paper (same title, kind, body and date) as superseded by the newest.

        A final version beats a draft whatever the order of ingest; otherwise the later ingest wins.
        """
        key = version_key(record)
        group = [r for r in live.values() if key is not None and version_key(r) == key]
        if len(group) < 2:
            return ""
        newest = self._settle_versions(group, live, prefer=record.doc_id)
        if newest.doc_id == record.doc_id:
            older = ", ".join(r.path for r in group if r.doc_id != record.doc_id)
            return f"newer version of {older}, which is now marked superseded"
        return f"superseded by {newest.path}"

    def remove(self, doc_id: str) -> DocumentRecord | None:
        """Remove a paper; if it was the newest version of another, that one becomes the newest again."""
        live = self.store.records()
        gone = live.pop(doc_id, None)
        self.store.delete(doc_id)
        prune_records(self.store)
        key = version_key(gone) if gone else None
        if key is not None:
            group = [r for r in self.store.records().values() if version_key(r) == key]
            if group:
                self._settle_versions(group, {r.doc_id: r for r in group})
        return gone

    def _settle_versions(self, group: list[DocumentRecord], live: dict[str, DocumentRecord], prefer: str = "") -> DocumentRecord:
        """Point every version in the group at the newest one; returns the newest."""
        drafts = {r.doc_id: self._is_draft(r) for r in group}
        newest = max(group, key=lambda r: (not drafts[r.doc_id], r.doc_id == prefer, r.ingested_at))
        for r in group:
            wanted = None if r.doc_id == newest.doc_id else newest.doc_id
            if r.superseded_by != wanted:
                changed = replace(r, superseded_by=wanted)
                self.store.update_record(changed)
                live[r.doc_id] = changed
        return newest

    def _is_draft(self, record: DocumentRecord) -> bool:
        opening = " ".join(text for _, text, _ in self.store.neighbours(record.doc_id, [0, 1]).values())
        return is_draft(record.title, record.path, opening)

    def write(
        self, document: Document, chunks: list[Chunk], records: Extracted, *, source: str = "",
        replaces: list[str] | None = None, progress: Step | None = None,
    ) -> DocumentRecord:
        """Embed and store one paper's chunks and records (made by ``prepare``), making it live and
        removing what it replaces. ``progress(stored, total)`` is called after each batch of passages is stored.
        """
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
            ingested_at=datetime.now(UTC).replace(microsecond=0).isoformat(),
            restricted=document.restricted,
            source=source,
        )
        self.store.begin(record)
        # Embedded and stored a batch at a time: memory stays flat, and an interrupted write leaves
        # a pending paper that readers never see and the next run removes.
        try:
            for i in range(0, len(chunks), self.write_batch):
                part = chunks[i:i + self.write_batch]
                vectors = self._embedder().embed([embedding_text(c) for c in part])
                self.store.add_chunks(part, vectors, record)
                if progress:
                    progress(i + len(part), len(chunks))
            write_records(self.store, document, records)  # its indicators, decisions and commitments, while still pending
            self.store.commit(record, replaces=replaces or [])
        finally:
            self.store.abandon(record.doc_id)
        return record


DRAFT_RE = re.compile(r"\b(draft|unconfirmed|unapproved)\b", re.I)
OPENING_DRAFT_RE = re.compile(r"\b(DRAFT|UNCONFIRMED)\b|\b(draft|unconfirmed) minutes\b|\bsubject to (approval|confirmation)\b", re.I)
VERSION_WORDS_RE = re.compile(r"\b(draft|unconfirmed|unapproved|approved|confirmed|final|signed|revised|updated|v\d+|version \d+)\b", re.I)


def is_draft(title: str, path: str, opening: str = "") -> bool:
    """Whether a paper calls itself a draft in its title, its file name or the top of its first page."""
    head = opening[:400]
    return bool(DRAFT_RE.search(title) or DRAFT_RE.search(Path(path).stem.replace("_", " "))
                or re.search(r"\b(DRAFT|UNCONFIRMED)\b", head) or OPENING_DRAFT_RE.search(head.lower()))


def version_key(record: DocumentRecord) -> tuple[str, str, str, str] | None:
    """What makes two papers versions of one another: kind, body, date and title without version words."""
    title = " ".join(re.sub(r"[^\w\s]", " ", VERSION_WORDS_RE.sub(" ", record.title.lower())).split())
    if not record.date or not title:
        return None
    return record.kind, record.body.lower(), record.date, title


def _yield_to_model() -> None:
    """Lower the reading thread's priority, so it takes the CPU when the model's threads leave it idle.

    Both cores run the model; a reader at the same priority makes every model batch wait for the
    thread it displaced. Linux sets a priority per thread; elsewhere this does nothing.
    """
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), READER_NICE)
    except (AttributeError, OSError):
        pass


def _step(progress: Progress | None, i: int, total: int, rel: str) -> Step | None:
    """Per-batch progress within one file, reported as the file's name with passages stored so far."""
    if progress is None:
        return None
    return lambda stored, chunks: progress(i, total, f"{rel}: {stored}/{chunks} passages")


def _previous_version(live: dict[str, DocumentRecord], source: str, rel: str) -> DocumentRecord | None:
    """The stored paper that came from the same file (by absolute source, else by library path)."""
    for record in live.values():
        if record.source == source or (not record.source and record.path == rel):
            return record
    return None


def _failed(rel: str, exc: LoadError, previous: DocumentRecord | None) -> FileOutcome:
    reason = " ".join(str(exc).split())
    if previous is not None:
        reason += "; the earlier version stays in the library"
    return FileOutcome(rel, "failed", reason)


def _blank_pages(document: Document) -> str:
    """A note naming pages with no text (scanned appendices) in a paper that otherwise has text."""
    blank = [p.number for p in document.pages if p.number is not None and not p.text.strip()]
    if not blank:
        return ""
    shown = ", ".join(str(n) for n in blank[:10]) + (" ..." if len(blank) > 10 else "")
    return f"{len(blank)} of {len(document.pages)} pages have no text layer (pages {shown}): they need OCR to be searched"


def _is_under(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False
