"""One measurement per process: ``python -m bench.phases NAME '{json arguments}'`` prints one JSON line."""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.stats import peak_rss_mb, percentiles
from core.models import Chunk
from core.settings import PROJECT_ROOT, Settings

DEV_SET = PROJECT_ROOT / "tests" / "data" / "dev_set.jsonl"


def bench_settings(index: Path, embedder: str) -> Settings:
    """Settings for an index in the benchmark's work folder (always the embedded store)."""
    return Settings(data_dir=index.parent, index_dir=index, chroma_host=None, embedder=embedder)


def questions(limit: int) -> list[str]:
    rows = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["question"] for r in rows[:limit]]


def stored_texts(assistant: Any) -> list[str]:
    """The texts an ingest embeds, rebuilt from the store."""
    from retrieval.indexer import embedding_text

    texts = []
    for record in assistant.store.records().values():
        for cid, text, meta in assistant.store.chunks_of(record.doc_id):
            page = None if meta["page"] < 0 else meta["page"]
            chunk = Chunk(cid, record.doc_id, meta["seq"], page, meta["start"], meta["end"], text, meta["heading"])
            texts.append(embedding_text(chunk))
    return texts


def load_and_chunk(folder: Path) -> float:
    """Seconds to read, identify and chunk every paper in ``folder`` (no model, no store)."""
    from ingest.chunking import chunk_document
    from ingest.documents import document_from_bytes
    from retrieval.indexer import discover

    start = time.perf_counter()
    for file, rel, _ in discover([folder]):
        document = document_from_bytes(file.read_bytes(), rel)
        chunk_document(document.doc_id, document.pages)
    return time.perf_counter() - start


def ingest(corpus: str, index: str, embedder: str) -> dict[str, Any]:
    """First ingest, re-ingest of the unchanged folder, and the bare model on the same texts."""
    from retrieval.assistant import Assistant
    from retrieval.embedding import get_embedder

    folder, where = Path(corpus), Path(index)
    shutil.rmtree(where, ignore_errors=True)
    start, cpu = time.perf_counter(), time.process_time()
    assistant = Assistant(bench_settings(where, embedder))
    report = assistant.ingest([folder])
    first, first_cpu = time.perf_counter() - start, time.process_time() - cpu
    assert report.ok, report.failed
    records = assistant.store.records().values()
    start = time.perf_counter()
    again = Assistant(bench_settings(where, embedder)).ingest([folder])
    reingest = time.perf_counter() - start
    assert set(again.counts()) == {"unchanged"}, again.counts()
    texts = stored_texts(assistant)
    model = get_embedder(embedder)
    start, cpu = time.perf_counter(), time.process_time()
    model.embed(texts)
    bare, bare_cpu = time.perf_counter() - start, time.process_time() - cpu
    cpu = time.process_time()
    load_chunk = load_and_chunk(folder)
    load_chunk_cpu = time.process_time() - cpu
    return {
        "embedder": embedder,
        "pages": sum(max(r.pages, 1) for r in records),
        "chunks": len(texts),
        "ingest_s": first,
        "reingest_s": reingest,
        "bare_embed_s": bare,
        "load_chunk_s": load_chunk,
        "ingest_cpu_s": first_cpu,
        "bare_embed_cpu_s": bare_cpu,
        "load_chunk_cpu_s": load_chunk_cpu,
        "peak_rss_mb": peak_rss_mb(),
    }


def serve(index: str, embedder: str, launched: float, n_questions: int) -> dict[str, Any]:
    """Cold start to a first answer, then warm search and answer latency, and the memory it took."""
    from retrieval.assistant import Assistant

    asked = questions(n_questions)
    assistant = Assistant(bench_settings(Path(index), embedder))
    first = assistant.ask(asked[0])
    cold = time.time() - launched
    searches, answers, search_cpu, ask_cpu = [], [], [], []
    for q in asked:
        t, c = time.perf_counter(), time.process_time()
        assistant.search(q)
        searches.append(time.perf_counter() - t)
        search_cpu.append(time.process_time() - c)
        t, c = time.perf_counter(), time.process_time()
        assistant.ask(q)
        answers.append(time.perf_counter() - t)
        ask_cpu.append(time.process_time() - c)
    return {
        "chunks": assistant.store.count(),
        "cold_start_s": cold,
        "first_answer_abstained": first.abstained,
        "search_ms": percentiles(searches),
        "ask_ms": percentiles(answers),
        "search_cpu_ms": percentiles(search_cpu),
        "ask_cpu_ms": percentiles(ask_cpu),
        "peak_rss_mb": peak_rss_mb(),
    }


def grow(index: str, target: str, embedder: str, chunks: int) -> dict[str, Any]:
    """Copy an index and grow it to ``chunks`` passages with synthetic papers, then build its BM25 cache."""
    from bench.synthetic import grow as grow_store
    from retrieval.assistant import Assistant

    source, where = Path(index), Path(target)
    shutil.rmtree(where, ignore_errors=True)
    shutil.copytree(source, where)
    assistant = Assistant(bench_settings(where, embedder))
    start = time.perf_counter()
    added = grow_store(assistant.store, chunks)
    written = time.perf_counter() - start
    start = time.perf_counter()
    assistant.documents()
    return {"papers_added": added, "chunks": assistant.store.count(), "write_s": written,
            "lexical_build_s": time.perf_counter() - start, "peak_rss_mb": peak_rss_mb()}


def textbook(corpus: str, work: str, n_questions: int) -> dict[str, Any]:
    from bench.textbook import run

    where = Path(work)
    shutil.rmtree(where / "textbook-chroma", ignore_errors=True)
    result = run(Path(corpus), where, questions(n_questions))
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def warm(embedder: str) -> dict[str, Any]:
    """Load (and on first use export) the model, so no timed phase pays for a one-off export."""
    from retrieval.embedding import get_embedder

    start = time.perf_counter()
    get_embedder(embedder).embed(["warm up"])
    return {"embedder": embedder, "load_s": time.perf_counter() - start}


PHASES: dict[str, Callable[..., dict[str, Any]]] = {
    "ingest": ingest, "serve": serve, "grow": grow, "textbook": textbook, "warm": warm,
}

if __name__ == "__main__":
    print(json.dumps(PHASES[sys.argv[1]](**json.loads(sys.argv[2]))))
