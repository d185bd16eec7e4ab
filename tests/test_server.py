"""The same assistant against a real Chroma server, and readers answering while an ingest runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.settings import PROJECT_ROOT, Settings
from retrieval.assistant import Assistant
from tests.conftest import make_settings
from tests.servers import free_port, wait_until_up

CHROMA = Path(sys.executable).parent / "chroma"
QUESTIONS = (
    "In Ofsted's November 2017 re-inspection of Doncaster, how many children were on a child protection plan?",
    "Who was elected Vice-Chair of Kent's Corporate Parenting Panel in October 2024?",
    "What was the re-referral rate (indicator A1) reported for Doncaster Children's Services Trust in Quarter 2 2018/19?",
)


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A real `chroma run` server on 127.0.0.1 and a free port, stopped after the module."""
    folder = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    log = open(folder / "server.log", "wb")
    process = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(folder / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/api/v2/heartbeat", process, "chroma run", timeout=90)
        yield "127.0.0.1", port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def server_assistant_at(root: Path, server: tuple[str, int]) -> Assistant:
    host, port = server
    return Assistant(make_settings(root, chroma_host=host, chroma_port=port))


@pytest.fixture(scope="module")
def on_server(chroma_server: tuple[str, int], small_papers: Path, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The four small papers ingested into the server."""
    assistant = server_assistant_at(tmp_path_factory.mktemp("server-client"), chroma_server)
    report = assistant.ingest([small_papers])
    assert report.ok, report.failed
    assert report.counts() == {"added": 4}
    return assistant


def test_server_holds_the_same_papers_as_the_embedded_store(on_server: Assistant, small_assistant: Assistant) -> None:
    assert on_server.store.count() == small_assistant.store.count() > 100
    assert [d.title for d in on_server.documents()] == [d.title for d in small_assistant.documents()]


@pytest.mark.parametrize("question", QUESTIONS)
def test_server_answers_as_the_embedded_store_does(on_server: Assistant, small_assistant: Assistant, question: str) -> None:
    remote, local = on_server.ask(question), small_assistant.ask(question)
    assert not remote.abstained and remote.citations
    assert remote.text == local.text
    assert [c.passage.chunk_id for c in remote.citations] == [c.passage.chunk_id for c in local.citations]


def test_lexical_index_of_a_new_client_syncs_from_the_server(
    on_server: Assistant, chroma_server: tuple[str, int], tmp_path: Path
) -> None:
    fresh = server_assistant_at(tmp_path / "replica", chroma_server)
    assert len(fresh.documents()) == 4  # syncs the BM25 index from the server's chunks
    hits = fresh.searcher.lexical.search("Cookham Wood", 5)
    assert hits, "BM25 found nothing for words that are in the Kent minutes"
    kent = next(d for d in fresh.documents() if "Corporate Parenting Panel" in d.title)
    assert all(cid.startswith(kent.doc_id) for cid, _ in hits)
    host, port = chroma_server
    assert (tmp_path / "replica" / "cache" / f"lexical-{host}-{port}.pkl").exists()


def test_reingest_on_the_server_does_no_work(on_server: Assistant, small_papers: Path) -> None:
    before = on_server.store.count()
    report = on_server.ingest([small_papers])
    assert report.counts() == {"unchanged": 4}
    assert on_server.store.count() == before


def versioned_minutes(edition: int) -> str:
    """A short paper whose every passage names its edition, so a half-written version would show."""
    items = "\n\n".join(
        f"{n}. Item {n}: the panel noted edition {edition} of the Riverside fostering report; "
        f"{100 * edition + n} foster carers were approved in Riverside in edition {edition}, "
        f"and the panel asked officers to report back on recruitment for the Riverside area."
        for n in range(1, 9)
    )
    return f"Riverside Fostering Panel\nMinutes of the meeting held on 3 March 2025\n\n{items}\n"


def assert_whole(reader: Assistant) -> None:
    """Every paper the reader sees as live has all its passages."""
    for doc_id, record in reader.store.records().items():
        stored = len(reader.store.chunks_of(doc_id))
        if stored != record.chunks:
            assert doc_id not in reader.store.records(), f"{record.path}: {stored} of {record.chunks} passages live"


def editions_seen(reader: Assistant) -> set[int]:
    """The editions of the Riverside paper among the passages of an answer."""
    answer = reader.ask("How many foster carers were approved in Riverside?")
    return {int(e) for p in answer.passages for e in re.findall(r"edition (\d+)", p.text)}


def test_reader_keeps_answering_while_another_assistant_ingests(settings: Settings, tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    paper = papers / "riverside_fostering_panel_minutes_2025-03-03.txt"
    paper.write_text(versioned_minutes(1), encoding="utf-8")
    writer, reader = Assistant(settings), Assistant(settings)
    assert writer.ingest([papers]).counts() == {"added": 1}
    errors: list[BaseException] = []

    def ingest_new_editions() -> None:
        try:
            for edition in range(2, 5):
                paper.write_text(versioned_minutes(edition), encoding="utf-8")
                assert writer.ingest([papers]).counts() == {"updated": 1}
                time.sleep(0.2)  # a feed brings papers seconds apart, not back to back
        except BaseException as exc:  # surfaced in the main thread
            errors.append(exc)

    thread = threading.Thread(target=ingest_new_editions)
    thread.start()
    answers = 0
    while thread.is_alive() or answers == 0:
        assert editions_seen(reader), "the reader lost the paper during an update"
        assert_whole(reader)
        answers += 1
    thread.join()
    assert not errors, errors
    assert editions_seen(reader) == {4}
    assert [d.path for d in reader.documents()] == [paper.name]


def test_reader_keeps_answering_while_a_cli_process_ingests_into_the_server(
    chroma_server: tuple[str, int], tmp_path: Path
) -> None:
    host, port = chroma_server
    papers = tmp_path / "papers"
    papers.mkdir()
    paper = papers / "riverside_fostering_panel_minutes_2025-03-03.txt"
    paper.write_text(versioned_minutes(1), encoding="utf-8")
    reader = server_assistant_at(tmp_path / "reader", chroma_server)
    assert reader.ingest([paper]).counts() == {"added": 1}
    paper.write_text(versioned_minutes(2), encoding="utf-8")
    env = dict(os.environ, MINUTES_CHROMA_HOST=host, MINUTES_CHROMA_PORT=str(port), MINUTES_DATA_DIR=str(tmp_path / "writer"))
    process = subprocess.Popen(
        [sys.executable, "cli.py", "ingest", str(paper)], cwd=PROJECT_ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    answers = 0
    while process.poll() is None or answers == 0:
        assert editions_seen(reader) in ({1}, {2}, {1, 2})
        assert_whole(reader)
        answers += 1
    out, err = process.communicate()
    assert process.returncode == 0, err
    assert "updated" in out
    assert editions_seen(reader) == {2}  # the new version is found by the vectors too, not only by BM25
    assert len([d for d in reader.documents() if "riverside" in d.path]) == 1
