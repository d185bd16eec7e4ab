"""Saving uploaded papers safely under the data directory, then ingesting them."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from core.models import FileOutcome, IngestReport
from retrieval.assistant import Assistant
from retrieval.indexer import Progress

UPLOAD_TYPES = ("pdf", "docx", "html", "htm", "txt", "md")
_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


def safe_filename(name: str) -> str:
    """A plain file name: no folders, no leading dots, no characters a file system might object to."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    name = name.replace("\\", "/").split("/")[-1]
    name = _UNSAFE.sub("_", name).strip(" .")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = stem[:120] or "paper"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def save_upload(folder: Path, name: str, data: bytes, taken: Iterable[str] = ()) -> Path:
    """Write ``data`` into ``folder`` under a safe name, never replacing a different paper.

    The same bytes under the same name reuse the existing file; a different paper with that name,
    on disk or among ``taken`` (paths already in the library), gets a numbered suffix.
    """
    folder.mkdir(parents=True, exist_ok=True)
    base = safe_filename(name)
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    taken = set(taken)
    digest = hashlib.sha256(data).hexdigest()
    for i in range(1, 1000):
        candidate = base if i == 1 else (f"{stem}-{i}.{suffix}" if suffix else f"{stem}-{i}")
        target = folder / candidate
        if target.resolve().parent != folder.resolve():
            raise ValueError(f"refusing to write outside the uploads folder: {name!r}")
        if target.exists():
            if hashlib.sha256(target.read_bytes()).hexdigest() == digest:
                return target
            continue
        if candidate in taken:
            continue
        target.write_bytes(data)
        return target
    raise ValueError(f"too many papers named {base!r}")


def add_uploads(assistant: Assistant, folder: Path, files: list[tuple[str, bytes]], *,
                restricted: bool = False, progress: Progress | None = None) -> IngestReport:
    """Save each uploaded file and ingest the lot; files that cannot be saved are reported as failed."""
    taken = {r.path for r in assistant.documents(allow_restricted=True)}
    saved: list[Path] = []
    report = IngestReport()
    for name, data in files:
        suffix = Path(safe_filename(name)).suffix.lower().lstrip(".")
        if suffix not in UPLOAD_TYPES:
            report.outcomes.append(FileOutcome(name, "failed", f"not a paper type we read (.{suffix or '?'}); "
                                               f"use {', '.join(UPLOAD_TYPES)}"))
            continue
        if not data:
            report.outcomes.append(FileOutcome(name, "failed", "the file is empty"))
            continue
        saved.append(save_upload(folder, name, data, taken))
    if saved:
        report.outcomes.extend(assistant.ingest(saved, restricted=restricted, progress=progress).outcomes)
    return report
