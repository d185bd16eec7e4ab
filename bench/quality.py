"""Retrieval quality of this project beside the textbook LangChain pipeline, on the same questions, in one run.

    python -m bench.quality tests/data/dev_set.jsonl [more.jsonl ...] [--json]

"this project" ranks passages as an answer returns them (those it cites first); "search order" is the same
retrieval as search ranks it, before any answer. The textbook pipeline is bench.textbook's: pypdf pages,
1,000-character recursive splits with 200 overlap, all-MiniLM-L6-v2 on PyTorch, Chroma top-k. Both are scored by retrieval.evaluate's rules.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from core.models import Passage
from core.settings import PROJECT_ROOT, Settings
from retrieval.evaluate import Question, evaluate, gold_rank, load_questions


def textbook_ranks(questions: list[Question], corpus: Path, work: Path, k: int = 10) -> list[int | None]:
    """Gold ranks of the textbook pipeline for each answerable question."""
    from langchain_chroma import Chroma
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from bench.textbook import CHUNK_OVERLAP, CHUNK_SIZE, MiniLMEmbeddings, load_pages

    pages = load_pages(corpus)
    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
    chunks = splitter.split_documents(pages)
    store = Chroma.from_documents(chunks, MiniLMEmbeddings(), persist_directory=str(work / "textbook"))
    ranks = []
    for q in questions:
        if not q.golds:
            continue
        docs = store.similarity_search(q.question, k=k)
        passages = [
            Passage(
                chunk_id=str(i), doc_id="", doc=Path(d.metadata["source"]).relative_to(corpus).as_posix(), title="",
                kind="", body="", date=None,
                page=(d.metadata["page"] + 1) if "page" in d.metadata else None,
                heading="", text=d.page_content, score=0.0,
            )
            for i, d in enumerate(docs)
        ]
        ranks.append(gold_rank(passages, q.golds))
    return ranks


def summarise(ranks: list[int | None]) -> dict[str, float]:
    n = max(1, len(ranks))
    return {
        "hit@1": round(sum(1 for r in ranks if r == 1) / n, 4),
        "hit@5": round(sum(1 for r in ranks if r and r <= 5) / n, 4),
        "hit@10": round(sum(1 for r in ranks if r) / n, 4),
        "mrr": round(sum(1 / r for r in ranks if r) / n, 4),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.quality")
    parser.add_argument("questions", nargs="+", type=Path)
    parser.add_argument("--corpus", type=Path, default=PROJECT_ROOT / "corpus" / "papers")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from retrieval.assistant import Assistant

    questions = [q for path in args.questions for q in load_questions(path)]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        t = time.perf_counter()
        assistant = Assistant(Settings(data_dir=work / "ours", index_dir=work / "ours" / "index"))
        assistant.ingest([args.corpus])
        ours_ingest = time.perf_counter() - t
        report = evaluate(questions, lambda q: assistant.ask(q.question, k=10, history=q.history))
        # the same retrieval before the answer is written: passages as search ranks them, cited or not
        search_only = summarise([gold_rank(assistant.search(q.question, k=10, history=q.history), q.golds)
                                 for q in questions if q.golds])
        t = time.perf_counter()
        textbook = summarise(textbook_ranks(questions, args.corpus, work))
        textbook_s = time.perf_counter() - t
    result = {"questions": len(questions), "ours": report.summary(), "ours_search_order": search_only, "textbook": textbook,
              "ours_ingest_s": round(ours_ingest, 1), "textbook_ingest_and_search_s": round(textbook_s, 1)}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{'metric':28} {'this project':>14} {'search order':>14} {'textbook':>10}")
        for key in ("hit@1", "hit@5", "hit@10", "mrr"):
            print(f"{key:28} {result['ours'][key]:>14} {search_only[key]:>14} {textbook[key]:>10}")
        for key, value in result["ours"].items():
            if key not in textbook:
                print(f"{key:28} {value:>14}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
