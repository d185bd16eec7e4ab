"""The one library the chat page, the command line and the tests all use."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from core.models import Answer, DocumentRecord, Filters, IngestReport, Passage, Turn
from core.settings import Settings
from retrieval.answer import AnswerConfig, extractive_answer
from retrieval.boundaries import complete
from retrieval.embedding import Embedder, get_embedder
from retrieval.indexer import Indexer, Progress
from retrieval.insights import annotate
from retrieval.query import Query, prepare
from retrieval.search import Searcher, Weights
from retrieval.store import Store


def cited_first(answer: Answer) -> tuple[Passage, ...]:
    """The passages an answer read, those it cites first (in the order it cites them), then the rest as ranked."""
    cited: dict[str, Passage] = {}
    for c in answer.citations:
        cited.setdefault(c.passage.chunk_id, c.passage)
    return tuple(cited.values()) + tuple(p for p in answer.passages if p.chunk_id not in cited)


class Assistant:
    """Ingest papers, search them and answer questions with citations."""

    def __init__(self, settings: Settings | None = None, weights: Weights | None = None,
                 answer_config: AnswerConfig | None = None) -> None:
        self.settings = settings or Settings()
        self.store = Store(self.settings)
        self.searcher = Searcher(self.settings, self.store, self.embedder, weights)
        self.indexer = Indexer(self.settings, self.store, self.embedder)
        self.answer_config = answer_config or AnswerConfig()
        self._lock = threading.Lock()

    def embedder(self) -> Embedder:
        """The embedding model, loaded on first use."""
        return get_embedder(self.settings.embedder)

    # --- papers --------------------------------------------------------------------
    def ingest(self, paths: list[Path], *, restricted: bool = False, prune: bool = False,
               progress: Progress | None = None) -> IngestReport:
        """Add, update or skip the papers at ``paths`` (files or folders)."""
        with self._lock:
            return self.indexer.ingest(paths, restricted=restricted, prune=prune, progress=progress)

    def documents(self, allow_restricted: bool | None = None) -> list[DocumentRecord]:
        """The live papers this session may see, newest first."""
        allow = self.settings.allow_restricted if allow_restricted is None else allow_restricted
        records = [r for r in self.searcher.records().values() if allow or not r.restricted]
        return sorted(records, key=lambda r: (r.date or "", r.title), reverse=True)

    def remove(self, doc_id: str) -> None:
        """Remove a paper and its passages from the index."""
        with self._lock:
            self.indexer.remove(doc_id)

    # --- questions -----------------------------------------------------------------
    def _settled(self, search: Callable[[str], list[Passage]]) -> list[Passage]:
        """Run a search again (at most twice more) when an ingest changed the live papers while it ran.

        A search that began before a new version went live can find the old version's passages already
        removed; run again, it sees the new version whole.
        """
        for _ in range(3):
            before = self.store.generation()
            passages = search(before)
            if self.store.generation() == before:
                break
        return passages

    def _answer_passages(self, query: Query, k: int, filters: Filters, allow_restricted: bool | None) -> list[Passage]:
        """The passages an answer is written from: at least as many as the answerer considers."""
        wanted = max(k, self.answer_config.passages_considered)
        passages = self._settled(lambda g: self.searcher.search(query, wanted, filters, allow_restricted, g))
        considered = self.answer_config.passages_considered
        # a sentence cut by a page break is completed from the next (or previous) passage of its paper
        # and one the question asks the vote on gets the vote that follows it
        completed = complete(passages[:considered], self.store, query.wants_vote, query.wants_figure)
        rest = passages[considered:]
        held = {p.chunk_id for p in rest}
        # passages followed to a vote come last, so they are read only from those before them
        followed = [p for p in completed[len(passages[:considered]):] if p.chunk_id not in held]
        return completed[:considered] + rest + followed

    def search(self, query: str, k: int = 5, filters: Filters = Filters(),
               history: tuple[Turn, ...] = (), allow_restricted: bool | None = None) -> list[Passage]:
        """The k passages that best match ``query``."""
        return self._settled(lambda g: self.searcher.search(prepare(query, history), k, filters, allow_restricted, g))

    def ask(self, question: str, k: int = 5, filters: Filters = Filters(),
            history: tuple[Turn, ...] = (), allow_restricted: bool | None = None,
            generator: str | None = None) -> Answer:
        """An answer with citations, or an abstention when the papers do not say.

        ``generator`` names who writes it (default: the setting, normally "extractive"); see ``ask_stream``.
        """
        if (generator or self.settings.generator).strip() != "extractive":
            final = None
            for piece in self.ask_stream(question, k, filters, history, allow_restricted, generator):
                final = piece
            assert isinstance(final, Answer)
            return final
        query = prepare(question, history)
        passages = self._answer_passages(query, k, filters, allow_restricted)
        answer = extractive_answer(query, passages, self.embedder(), self.searcher.lexical, self.answer_config)
        # "how has X changed" from the indicator records; notes where the papers disagree
        allow = self.settings.allow_restricted if allow_restricted is None else allow_restricted
        answer = annotate(question, answer, self.store, allow, self.settings.as_of)
        return replace(answer, passages=cited_first(answer)[:k])

    def ask_stream(self, question: str, k: int = 5, filters: Filters = Filters(),
                   history: tuple[Turn, ...] = (), allow_restricted: bool | None = None,
                   generator: str | None = None) -> Iterator[str | Answer]:
        """Pieces of answer text as the generator writes them, then the final verified ``Answer`` (always last).

        The pieces are the model's raw words; only the final Answer has been verified, and it replaces them.
        An unreachable model ends with the extractive answer and a note saying why.
        """
        from retrieval.generators import Context, get_generator

        chosen = get_generator(generator or self.settings.generator, self.settings)
        query = prepare(question, history)
        passages = self._answer_passages(query, k, filters, allow_restricted)

        def fallback() -> Answer:
            return extractive_answer(query, passages, self.embedder(), self.searcher.lexical, self.answer_config)

        for piece in chosen.stream(Context(query, passages, history, fallback)):
            yield piece if isinstance(piece, str) else replace(piece, passages=cited_first(piece)[:k])
