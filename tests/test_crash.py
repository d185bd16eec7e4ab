"""Crash safety: an ingest killed part-way leaves nothing a reader can see half of, and a re-run completes it."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.settings import PROJECT_ROOT, Settings
from retrieval.assistant import Assistant
from retrieval.indexer import Indexer
from retrieval.store import Store
from tests.conftest import make_settings

SMALL = {
    "a_fostering.txt": "Fostering\n\nThe panel heard that 41 foster carers were recruited in the year.\n",
    "b_libraries.txt": "Libraries\n\nThe committee agreed to keep all 99 libraries open on Saturdays.\n",
    "z_transport.txt": "Transport\n\nHome to school transport costs rose by 12 per cent.\n",
}
BIG_WORD = "quokkaberry"


def big_paper(paragraphs: int = 400) -> str:
    """A long paper, one passage per paragraph, every paragraph naming the same rare word."""
    return "\n\n".join(
        f"Item {i}. The {BIG_WORD} working group reported on ward {i}: {i * 3} families were visited, "
        f"{i % 17} referrals were made and the budget line {1000 + i} was reviewed in detail. "
        "Members asked how the service would be sustained, and officers described the plan for staffing, "
        "training, supervision and the audit of case files over the coming quarter in each locality."
        for i in range(paragraphs)
    )


def _env(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "MINUTES_DATA_DIR": str(data_dir), "MINUTES_CHROMA_HOST": ""}
    env.pop("MINUTES_INDEX", None)
    return env


def _kill_at(folder: Path, data_dir: Path, mark: str) -> str:
    """Run `cli.py ingest` and SIGKILL it as soon as its progress shows ``mark``; returns what it printed."""
    master, slave = pty.openpty()  # the CLI shows per-file progress on a terminal
    proc = subprocess.Popen([sys.executable, "cli.py", "ingest", str(folder)], cwd=PROJECT_ROOT, env=_env(data_dir),
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 600
    # poll, not select: select cannot watch a descriptor numbered 1024 or more, which a long test session reaches
    watch = select.poll()
    watch.register(master, select.POLLIN)
    try:
        while mark.encode() not in seen:
            assert proc.poll() is None, f"ingest ended before {mark!r}: {seen.decode(errors='replace')}"
            assert time.monotonic() < deadline, f"ingest never showed {mark!r}"
            if watch.poll(500):
                try:
                    seen += os.read(master, 4096)
                except OSError:
                    break
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=60)
        os.close(master)
    assert proc.returncode == -signal.SIGKILL
    return seen.decode(errors="replace")


def _assert_whole(assistant: Assistant, papers: int) -> None:
    """No pending or half-deleted papers, no orphan chunks, every live paper complete."""
    audit = assistant.store.audit()
    assert audit["pending"] == 0 and audit["deleting"] == 0, audit
    assert audit["orphan_chunks"] == 0 and audit["incomplete"] == [], audit
    assert audit["chunks"] == audit["live_chunks"], audit
    assert audit["live"] == papers, audit
    paths = [d.path for d in assistant.documents(allow_restricted=True)]
    assert len(paths) == len(set(paths)), paths


def test_kill_9_mid_ingest_then_rerun(tmp_path: Path):
    folder = tmp_path / "papers"
    folder.mkdir()
    for name, text in SMALL.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "m_big.txt").write_text(big_paper(), encoding="utf-8")
    data_dir = tmp_path / "data"
    # Killed right after the first batch of the big paper is stored: half a paper is in the store.
    _kill_at(folder, data_dir, "m_big.txt: 128/")

    # A reader opening the index now sees the finished papers only, never part of the big one.
    settings = make_settings(data_dir)
    reader = Assistant(settings)
    audit = reader.store.audit()
    assert audit["pending"] == 1 and audit["orphan_chunks"] == 128, audit
    assert {d.path for d in reader.documents()} == {"a_fostering.txt", "b_libraries.txt"}
    hits = reader.search(f"{BIG_WORD} working group families visited", k=10)
    assert hits and all(BIG_WORD not in h.text for h in hits)
    assert all(h.doc in ("a_fostering.txt", "b_libraries.txt") for h in hits)

    # The re-run removes what was left half-written, then completes without duplicates or orphans.
    report = Assistant(settings).ingest([folder])
    assert report.ok, report.failed
    statuses = {o.path: o.status for o in report.outcomes}
    assert statuses == {"a_fostering.txt": "unchanged", "b_libraries.txt": "unchanged",
                        "m_big.txt": "added", "z_transport.txt": "added"}
    after = Assistant(settings)
    _assert_whole(after, papers=4)
    big = next(d for d in after.documents() if d.path == "m_big.txt")
    assert big.chunks > 128
    hits = after.search(f"{BIG_WORD} working group ward 12 families visited", k=5)
    assert hits[0].doc == "m_big.txt"


class Crash(Exception):
    """Stands in for the process dying at a chosen point of a write."""


class CrashingStore(Store):
    """A real store that stops dead at one step of writing a paper, as a killed process would."""

    def __init__(self, settings: Settings, at: str) -> None:
        super().__init__(settings)
        self.at = at
        self.batches = 0

    def add_chunks(self, chunks, vectors, record, texts=None):  # type: ignore[no-untyped-def]
        super().add_chunks(chunks, vectors, record, texts)
        self.batches += 1
        if self.at == "between batches" and self.batches == 1:
            raise Crash(self.at)

    def commit(self, record, replaces=()):  # type: ignore[no-untyped-def]
        if self.at == "before commit":
            raise Crash(self.at)
        super().commit(record, replaces)

    def delete(self, doc_id):  # type: ignore[no-untyped-def]
        if self.at == "removing the old version":
            # Hidden (deleting) and its chunks half gone, record still there.
            self.chunks.delete(ids=[c for c, _, _ in self.chunks_of(doc_id)][:5])
            raise Crash(self.at)
        super().delete(doc_id)


@pytest.mark.parametrize("at, visible", [
    ("between batches", "old"),
    ("before commit", "old"),
    ("removing the old version", "new"),
])
def test_a_crash_at_each_step_of_an_update_shows_one_whole_version(tmp_path: Path, at: str, visible: str):
    folder = tmp_path / "papers"
    folder.mkdir()
    paper = folder / "report.txt"
    old_text = big_paper(24).replace(BIG_WORD, "oldversionword")
    new_text = big_paper(24).replace(BIG_WORD, "newversionword")
    paper.write_text(old_text, encoding="utf-8")
    settings = make_settings(tmp_path / "data")
    assert Assistant(settings).ingest([folder]).ok

    paper.write_text(new_text, encoding="utf-8")
    store = CrashingStore(settings, at)
    indexer = Indexer(settings, store, Assistant(settings).embedder)
    indexer.write_batch = 4
    with pytest.raises(Crash):
        indexer.ingest([folder])

    reader = Assistant(settings)
    docs = reader.documents()
    assert len(docs) == 1
    word = f"{visible}versionword"
    other = "newversionword" if visible == "old" else "oldversionword"
    assert len(reader.store.chunks_of(docs[0].doc_id)) == docs[0].chunks  # the visible version is whole
    for query in (f"{word} working group ward 7", f"{other} working group ward 7"):
        hits = reader.search(query, k=10)
        assert hits and all(word in h.text and other not in h.text for h in hits), query

    report = Assistant(settings).ingest([folder])
    assert report.ok
    fresh = Assistant(settings)
    _assert_whole(fresh, papers=1)
    hits = fresh.search("newversionword working group ward 7", k=5)
    assert all("newversionword" in h.text for h in hits)
