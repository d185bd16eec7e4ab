"""The textbook LangChain pipeline: pypdf pages, 1,000-character recursive splits, MiniLM on PyTorch, Chroma top-k.

langchain-huggingface cannot be installed beside this project's huggingface-hub, so the embeddings
class below is the few lines of ``HuggingFaceEmbeddings`` it would have been (encode with
sentence-transformers' defaults: batch 32, no prefix); PDFs are read page by page with pypdf
``extract_text()``, which is what LangChain's ``PyPDFLoader`` does.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from bench.stats import percentiles

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200


class MiniLMEmbeddings:
    """LangChain embeddings over sentence-transformers, with HuggingFaceEmbeddings' defaults."""

    def __init__(self) -> None:
        from sentence_transformers import SentenceTransformer

        from retrieval.embedding import shipped_model_path

        self.model = SentenceTransformer(shipped_model_path(), device="cpu")

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.model.encode(texts, show_progress_bar=False).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def load_pages(folder: Path) -> list[Any]:
    """LangChain documents, one per PDF page or text file."""
    from langchain_core.documents import Document
    from pypdf import PdfReader

    docs = []
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        if file.suffix.lower() == ".pdf":
            for i, page in enumerate(PdfReader(file).pages):
                docs.append(Document(page.extract_text() or "", metadata={"source": str(file), "page": i}))
        elif file.suffix.lower() in (".txt", ".md"):
            docs.append(Document(file.read_text(encoding="utf-8"), metadata={"source": str(file)}))
    return docs


def run(folder: Path, work: Path, questions: list[str]) -> dict[str, Any]:
    """Ingest ``folder`` the textbook way and time a dense top-k query."""
    from langchain_chroma import Chroma
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    start, cpu = time.perf_counter(), time.process_time()
    embeddings = MiniLMEmbeddings()
    pages = load_pages(folder)
    loaded = time.perf_counter()
    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
    chunks = splitter.split_documents(pages)
    store = Chroma.from_documents(chunks, embeddings, persist_directory=str(work / "textbook-chroma"))
    ingest, ingest_cpu = time.perf_counter() - start, time.process_time() - cpu
    store.similarity_search(questions[0], k=4)
    latencies = []
    for q in questions:
        t = time.perf_counter()
        store.similarity_search(q, k=4)
        latencies.append(time.perf_counter() - t)
    return {
        "pipeline": "textbook",
        "pages": len(pages),
        "chunks": len(chunks),
        "ingest_s": ingest,
        "ingest_cpu_s": ingest_cpu,
        "load_s": loaded - start,
        "search_ms": percentiles(latencies),
    }
