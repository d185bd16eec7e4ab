"""Checking and saving papers uploaded through the chat page.

An upload is judged by its content, not its name: it must be within the size limit and load as a
paper (PDF, Word, HTML or UTF-8 text), or it is refused with the same one-line reason an ingest
would give. It is saved under a plain file name inside the uploads folder, never outside it and
never over a different paper.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from core.errors import LoadError
from core.settings import Settings
from ingest.loaders import load_bytes

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SUFFIX_FOR = {"application/pdf": ".pdf", WORD: ".docx", "text/html": ".html", "text/plain": ".txt"}
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
MAX_STEM = 100
MAX_COPIES = 1000


def uploads_dir(settings: Settings) -> Path:
    """Where uploaded papers are kept: the ``uploads`` folder of the data directory."""
    return settings.data_dir / "uploads"


def check_upload(data: bytes, name: str, settings: Settings) -> str:
    """The file suffix the upload's content calls for, or LoadError with the reason it is refused."""
    limit = settings.max_file_mb * 1_000_000
    if len(data) > limit:
        raise LoadError(f"file is {len(data) / 1e6:.1f} MB, over the limit of {limit / 1e6:.0f} MB (MINUTES_MAX_FILE_MB)")
    loaded = load_bytes(data, _last_part(name), max_pages=settings.max_pages)
    suffix = SUFFIX_FOR[loaded.media_type]
    given = Path(_last_part(name)).suffix.lower()
    if suffix == ".txt" and given in TEXT_SUFFIXES:
        return given  # Markdown keeps its suffix
    return suffix


def safe_name(name: str, suffix: str) -> str:
    """A plain file name from what the uploader called it: no folders, no leading dots, ASCII only."""
    base = unicodedata.normalize("NFKD", _last_part(name)).encode("ascii", "ignore").decode("ascii")
    stem = Path(_UNSAFE.sub("_", base)).stem if "." in base else _UNSAFE.sub("_", base)
    stem = re.sub(r"_+", "_", stem).strip("._-")[:MAX_STEM].strip("._-")
    if not stem or stem.lower().split(".")[0] in _RESERVED:
        stem = f"paper_{stem}" if stem else "paper"
    return stem + suffix


def save_upload(data: bytes, name: str, folder: Path, settings: Settings, *, taken: Iterable[str] = ()) -> Path:
    """Check an upload and write it into ``folder``; returns the path written, or raises LoadError.

    The same bytes already saved under the name are reused; a different paper with that name, on
    disk or among ``taken`` (paths already in the library), makes this one ``name-2``, ``name-3``...
    """
    suffix = check_upload(data, name, settings)
    filename = safe_name(name, suffix)
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    stem = filename[: -len(suffix)]
    taken_names = {Path(t).name for t in taken}
    digest = hashlib.sha256(data).hexdigest()
    tmp = _write_temp(root, data)
    try:
        for i in range(1, MAX_COPIES + 1):
            candidate = root / (filename if i == 1 else f"{stem}-{i}{suffix}")
            if candidate.parent != root:
                raise LoadError(f"unsafe file name {name!r}")
            if candidate.is_symlink():
                continue  # never write through, or reuse, a link planted in the folder
            if candidate.exists():
                if candidate.is_file() and _sha256(candidate) == digest:
                    return candidate
                continue
            if candidate.name in taken_names:
                continue
            try:
                os.link(tmp, candidate)  # fails if the name was taken meanwhile: nothing is overwritten
            except FileExistsError:
                continue
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV):
                    raise
                if not _create_exclusive(candidate, data):
                    continue
            return candidate
        raise LoadError(f"too many uploads named {filename!r}; rename the file")
    finally:
        tmp.unlink(missing_ok=True)


def _last_part(name: str) -> str:
    """The last component of a name given with either kind of slash."""
    return name.replace("\\", "/").rstrip("/").split("/")[-1]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_temp(folder: Path, data: bytes) -> Path:
    """The bytes written in full to a hidden file in ``folder`` (hidden files are never ingested)."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return Path(tmp)


def _create_exclusive(path: Path, data: bytes) -> bool:
    """Write a new file only if none exists at ``path`` (for file systems without hard links)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return True
