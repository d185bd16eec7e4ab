"""Adding uploaded papers: each is checked and saved by ``ingest.uploads``, then the saved ones are ingested."""

from __future__ import annotations

from pathlib import Path

from core.errors import LoadError
from core.models import FileOutcome, IngestReport
from core.settings import Settings
from ingest.uploads import save_upload
from retrieval.assistant import Assistant
from retrieval.indexer import Progress

UPLOAD_TYPES = ("pdf", "docx", "html", "htm", "txt", "md")


def add_uploads(assistant: Assistant, folder: Path, files: list[tuple[str, bytes]], settings: Settings, *,
                restricted: bool = False, progress: Progress | None = None) -> IngestReport:
    """Save each uploaded file and ingest those saved; a file refused on saving is reported as failed, with why."""
    taken = {r.path for r in assistant.documents(allow_restricted=True)}
    saved: list[Path] = []
    report = IngestReport()
    for name, data in files:
        try:
            saved.append(save_upload(data, name, folder, settings, taken=taken))
        except LoadError as exc:
            report.outcomes.append(FileOutcome(name, "failed", str(exc)))
    if saved:
        report.outcomes.extend(assistant.ingest(saved, restricted=restricted, progress=progress).outcomes)
    return report
