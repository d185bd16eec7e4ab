"""Updates: changed files, pruned files, copies under other names, and draft minutes replaced by approved ones."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from core.settings import PROJECT_ROOT, Settings
from retrieval.assistant import Assistant
from retrieval.indexer import Indexer
from retrieval.search import Searcher
from retrieval.store import Store
from tests import makepapers as make
from tests.conftest import make_settings

OLD = "Road safety\n\nThe committee agreed 14 new school crossing patrols for the autumn term.\n"
NEW = "Road safety\n\nThe committee agreed 19 new school crossing patrols for the autumn term.\n"


def _texts(hits) -> str:  # type: ignore[no-untyped-def]
    return " | ".join(h.text for h in hits)


class WatchedStore(Store):
    """A real store that looks at the index, as a reader would, just before and just after each commit."""

    def __init__(self, settings: Settings, assistant: Assistant) -> None:
        super().__init__(settings)
        self.reader = Searcher(settings, Store(settings), assistant.embedder)
        self.seen: list[tuple[str, str, int]] = []

    def _look(self, when: str) -> None:
        from retrieval.query import prepare

        hits = self.reader.search(prepare("school crossing patrols agreed"), k=5)
        self.seen.append((when, _texts(hits), self.count()))

    def commit(self, record, replaces=()):  # type: ignore[no-untyped-def]
        self._look("before")
        super().commit(record, replaces)
        self._look("after")


def test_changed_file_replaces_old_chunks_only_after_the_new_are_stored(tmp_path: Path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "roads.txt").write_text(OLD, encoding="utf-8")
    settings = make_settings(tmp_path / "data")
    assistant = Assistant(settings)
    assistant.ingest([folder])
    old_count = assistant.store.count()

    (folder / "roads.txt").write_text(NEW, encoding="utf-8")
    store = WatchedStore(settings, assistant)
    report = Indexer(settings, store, assistant.embedder).ingest([folder])
    assert [(o.path, o.status) for o in report.outcomes] == [("roads.txt", "updated")]
    (_, before, count_before), (_, after, count_after) = store.seen
    # Just before the switch both versions are stored, and readers still see only the old one.
    assert count_before == 2 * old_count
    assert "14 new school crossing patrols" in before and "19 new" not in before
    # Just after it, readers see only the new one, and the old chunks are gone.
    assert "19 new school crossing patrols" in after and "14 new" not in after
    assert count_after == store.count() == old_count
    assert len(Assistant(settings).documents()) == 1


def test_prune_removes_papers_whose_files_are_gone(tmp_path: Path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "keep.txt").write_text(OLD, encoding="utf-8")
    (first / "gone.txt").write_text("Parks\n\nThe splash pad at Victoria Park reopened in June.\n", encoding="utf-8")
    (second / "elsewhere.txt").write_text("Waste\n\nGarden waste collections moved to fortnightly.\n", encoding="utf-8")
    settings = make_settings(tmp_path / "data")
    assert Assistant(settings).ingest([first, second]).ok
    (first / "gone.txt").unlink()
    (second / "elsewhere.txt").unlink()

    # Through the command line: only papers under the folder given are pruned.
    env = {**os.environ, "MINUTES_DATA_DIR": str(settings.data_dir), "MINUTES_INDEX": str(settings.index_path),
           "MINUTES_CHROMA_HOST": ""}
    run = subprocess.run([sys.executable, "cli.py", "ingest", str(first), "--prune"], cwd=PROJECT_ROOT, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "unchanged keep.txt" in run.stdout
    assert "removed   gone.txt (file no longer exists)" in run.stdout
    assistant = Assistant(settings)
    assert {d.path for d in assistant.documents()} == {"keep.txt", "elsewhere.txt"}

    report = assistant.ingest([second], prune=True)
    assert [(o.path, o.status) for o in report.outcomes] == [("elsewhere.txt", "removed")]
    assert [d.path for d in assistant.documents()] == ["keep.txt"]
    audit = assistant.store.audit()
    assert audit["chunks"] == audit["live_chunks"] and audit["orphan_chunks"] == 0


def test_copies_are_stored_once_moves_are_followed_and_a_restricted_copy_restricts(tmp_path: Path):
    folder = tmp_path / "papers"
    folder.mkdir()
    data = make.pdf(["Scrutiny committee\n\nThe committee called in the decision on the family hub at Millmead."])
    (folder / "call_in.pdf").write_bytes(data)
    (folder / "call_in_copy.pdf").write_bytes(data)
    (folder / "other.txt").write_text(OLD, encoding="utf-8")
    assistant = Assistant(make_settings(tmp_path / "data"))
    report = assistant.ingest([folder])
    statuses = {o.path: (o.status, o.reason) for o in report.outcomes}
    assert statuses["call_in.pdf"][0] == "added"
    assert statuses["call_in_copy.pdf"] == ("duplicate", "same content as call_in.pdf; stored once")
    chunks = assistant.store.count()

    (folder / "call_in.pdf").rename(folder / "renamed.pdf")
    (folder / "call_in_copy.pdf").unlink()
    report = assistant.ingest([folder])
    statuses = {o.path: (o.status, o.reason) for o in report.outcomes}
    assert statuses["renamed.pdf"] == ("unchanged", "moved from call_in.pdf")
    assert sorted(d.path for d in assistant.documents()) == ["other.txt", "renamed.pdf"]
    assert assistant.store.count() == chunks

    # A copy filed under an exempt folder makes the paper members-only; nothing is made public by a copy.
    (folder / "exempt").mkdir()
    (folder / "exempt" / "call_in.pdf").write_bytes(data)
    report = assistant.ingest([folder])
    statuses = {o.path: (o.status, o.reason) for o in report.outcomes}
    assert statuses["exempt/call_in.pdf"] == ("duplicate", "same content as renamed.pdf; stored once; now restricted")
    assert [d.path for d in assistant.documents()] == ["other.txt"]
    assert all("Millmead" not in h.text for h in assistant.search("family hub Millmead call in", k=5))
    assert any("Millmead" in h.text for h in assistant.search("family hub Millmead call in", k=5, allow_restricted=True))

    # A file whose new content equals another stored paper: its earlier version goes, the paper stays once.
    (folder / "other.txt").write_bytes(data)
    report = assistant.ingest([folder])
    statuses = {o.path: (o.status, o.reason) for o in report.outcomes}
    assert statuses["other.txt"][0] == "duplicate" and "its earlier version was removed" in statuses["other.txt"][1]
    assert [d.path for d in assistant.documents(allow_restricted=True)] == ["renamed.pdf"]
    audit = assistant.store.audit()
    assert audit["chunks"] == audit["live_chunks"] and audit["orphan_chunks"] == 0


def _by_path(assistant: Assistant):  # type: ignore[no-untyped-def]
    return {d.path: d for d in assistant.documents()}


def test_approved_minutes_supersede_the_draft_and_rank_above_it(tmp_path: Path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "cpp_2025-03-04.pdf").write_bytes(make.minutes_pdf(300, 8, draft=True))
    (folder / "other_meeting.pdf").write_bytes(make.minutes_pdf(280, 5, day="Tuesday, 10 December 2024"))
    assistant = Assistant(make_settings(tmp_path / "data"))
    assert assistant.ingest([folder]).ok
    approved = tmp_path / "approved"
    approved.mkdir()
    (approved / "cpp_minutes_approved.pdf").write_bytes(make.minutes_pdf(312, 9))
    report = assistant.ingest([approved])
    assert "newer version of cpp_2025-03-04.pdf, which is now marked superseded" in report.outcomes[0].reason

    docs = _by_path(assistant)
    draft, final = docs["cpp_2025-03-04.pdf"], docs["cpp_minutes_approved.pdf"]
    assert draft.title == final.title == "Corporate Parenting Panel minutes, 4 March 2025"
    assert draft.superseded_by == final.doc_id and final.superseded_by is None
    assert docs["other_meeting.pdf"].superseded_by is None  # another meeting of the same panel
    hits = assistant.search("how many children were placed with in-house foster carers", k=5)
    ranks: dict[str, int] = {}
    for i, h in enumerate(hits):
        ranks.setdefault(h.doc, i)  # each paper's best rank
    assert ranks["cpp_minutes_approved.pdf"] < ranks.get("cpp_2025-03-04.pdf", 99)
    assert all(h.superseded == (h.doc == "cpp_2025-03-04.pdf") for h in hits)
    assert assistant.ask("How many children were placed with in-house foster carers on 4 March 2025?").citations[0].passage.doc \
        == "cpp_minutes_approved.pdf"

    # The library lists the draft as superseded.
    env = {**os.environ, "MINUTES_DATA_DIR": str(tmp_path / "data"), "MINUTES_CHROMA_HOST": ""}
    env.pop("MINUTES_INDEX", None)
    run = subprocess.run([sys.executable, "cli.py", "documents"], cwd=PROJECT_ROOT, env=env, capture_output=True,
                         text=True, timeout=300)
    lines = {line.split("[")[-1].split("]")[0]: line for line in run.stdout.splitlines()}
    assert lines["cpp_2025-03-04.pdf"].endswith("(superseded)")
    assert not lines["cpp_minutes_approved.pdf"].endswith("(superseded)")

    # Removing the approved version makes the draft the current one again.
    (approved / "cpp_minutes_approved.pdf").unlink()
    assistant.ingest([approved], prune=True)
    assert _by_path(assistant)["cpp_2025-03-04.pdf"].superseded_by is None


def test_a_draft_ingested_after_the_approved_minutes_is_the_superseded_one(tmp_path: Path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "approved.pdf").write_bytes(make.minutes_pdf(312, 9))
    assistant = Assistant(make_settings(tmp_path / "data"))
    assistant.ingest([folder])
    (folder / "late_draft.pdf").write_bytes(make.minutes_pdf(300, 8, draft=True))
    report = assistant.ingest([folder])
    assert {o.path: o.reason for o in report.outcomes}["late_draft.pdf"] == "superseded by approved.pdf"
    docs = _by_path(assistant)
    assert docs["late_draft.pdf"].superseded_by == docs["approved.pdf"].doc_id
    assert docs["approved.pdf"].superseded_by is None

    # With no draft mark on either, the later paper for the same meeting wins; every older one points at it.
    shutil.copy(folder / "approved.pdf", tmp_path / "keep.pdf")
    (folder / "reissued.pdf").write_bytes(make.minutes_pdf(315, 9))
    assistant.ingest([folder])
    docs = _by_path(assistant)
    newest = docs["reissued.pdf"].doc_id
    assert docs["approved.pdf"].superseded_by == newest and docs["late_draft.pdf"].superseded_by == newest
    assert docs["reissued.pdf"].superseded_by is None
    # Removing the newest hands the title back to the approved version, not the draft.
    assistant.remove(newest)
    docs = _by_path(assistant)
    assert docs["approved.pdf"].superseded_by is None
    assert docs["late_draft.pdf"].superseded_by == docs["approved.pdf"].doc_id


def test_papers_read_by_an_earlier_version_are_read_again_whole(tmp_path: Path, monkeypatch):
    import ingest.documents

    first, second = tmp_path / "papers", tmp_path / "elsewhere"
    first.mkdir()
    second.mkdir()
    data = make.pdf(["Scrutiny committee\n\nThe committee called in the decision on the family hub at Millmead."])
    (first / "call_in.pdf").write_bytes(data)
    (first / "roads.txt").write_text(OLD, encoding="utf-8")
    assistant = Assistant(make_settings(tmp_path / "data"))
    assert {o.status for o in assistant.ingest([first]).outcomes} == {"added"}
    assert assistant.store.audit()["read_by_older_version"] == []
    before = {d.path: d.doc_id for d in assistant.documents()}

    # A new version of the reader (its chunking changed): every stored paper is flagged, then read again
    # when its file is ingested, from its own folder or as a copy elsewhere, and stored once.
    monkeypatch.setattr(ingest.documents, "READER_VERSION", ingest.documents.READER_VERSION + 1)
    assert sorted(assistant.store.audit()["read_by_older_version"]) == sorted(before.values())
    (second / "copy_of_call_in.pdf").write_bytes(data)
    report = assistant.ingest([second])
    assert [(o.path, o.status) for o in report.outcomes] == [("copy_of_call_in.pdf", "updated")]
    assert "read again" in report.outcomes[0].reason
    report = assistant.ingest([first])
    statuses = {o.path: (o.status, o.reason) for o in report.outcomes}
    assert statuses["roads.txt"][0] == "updated" and "read again" in statuses["roads.txt"][1]
    assert statuses["call_in.pdf"] == ("duplicate", "same content as copy_of_call_in.pdf; stored once")
    after = {d.path: d.doc_id for d in assistant.documents()}
    assert sorted(after) == ["copy_of_call_in.pdf", "roads.txt"]
    assert not set(after.values()) & set(before.values())
    audit = assistant.store.audit()
    assert audit["read_by_older_version"] == [] and audit["orphan_chunks"] == 0
    assert audit["chunks"] == audit["live_chunks"]
    assert any("Millmead" in h.text for h in assistant.search("family hub Millmead call in", k=3))
    assert {o.status for o in assistant.ingest([first, second]).outcomes} <= {"unchanged", "duplicate"}
