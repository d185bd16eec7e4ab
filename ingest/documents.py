"""Turn a file into a Document: read its pages, identify it, describe it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from core.errors import LoadError
from core.models import Document
from ingest.loaders import load_bytes
from ingest.metadata import (
    body_from_name,
    find_body,
    find_date,
    find_kind,
    find_title,
    minutes_title,
    parse_date,
    with_council_named,
)


def content_hash(data: bytes) -> str:
    """SHA-256 of a file's bytes: the same paper under two names has one hash."""
    return hashlib.sha256(data).hexdigest()


# Raise when a change to how papers are read, chunked or embedded changes their passages or vectors. A paper's id
# names the version that read it, so the next ingest reads a stored paper again, replacing it whole.
READER_VERSION = 14


def doc_id_for(sha256: str) -> str:
    """A paper's id, derived from its content hash and the version of the reader."""
    return hashlib.sha256(f"{sha256}:{READER_VERSION}".encode()).hexdigest()[:20]


def read_by_older_version(doc_id: str, sha256: str) -> bool:
    """Whether a stored paper was read by an earlier version: its passages may not be what ingest makes now."""
    return doc_id != doc_id_for(sha256)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing files over the size limit before reading them."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError(f"cannot read file ({exc.strerror})") from None
    if size > max_bytes:
        raise LoadError(f"file is {size / 1e6:.1f} MB, over the limit of {max_bytes / 1e6:.0f} MB (MINUTES_MAX_FILE_MB)")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(f"cannot read file ({exc.strerror})") from None


def document_from_bytes(data: bytes, rel_path: str, *, restricted: bool = False, max_pages: int = 5000) -> Document:
    """Load and describe a paper; raises LoadError with a one-line reason."""
    sha = content_hash(data)
    loaded = load_bytes(data, rel_path, max_pages=max_pages)
    first = loaded.pages[0].text
    opening = "\n".join(p.text for p in loaded.pages[:2])
    kind = find_kind(opening, rel_path)
    body = find_body(f"{loaded.declared_title}\n{opening}", kind)  # a declared title may name the council
    named = body_from_name(rel_path)  # a paper naming no body, or a committee but not its council, may have it in its file's name
    body = with_council_named(body, named)
    named = "" if body else named
    when = find_date(first if loaded.pages[0].number is not None else first[:4000], rel_path)
    title = find_title(first, loaded.declared_title, rel_path)
    if kind == "minutes" and not (named and parse_date(title)):  # then a minutes title giving its date stays as it is
        title = minutes_title(title, body or named, when)
    body = body or named
    return Document(
        doc_id=doc_id_for(sha),
        path=rel_path,
        title=title,
        kind=kind,
        body=body,
        date=when,
        pages=loaded.pages,
        sha256=sha,
        restricted=restricted,
        media_type=loaded.media_type,
    )
