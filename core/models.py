"""The domain types that cross every boundary: papers, pages, chunks, passages and answers.

Offsets use Python slice semantics throughout: a chunk's text is
``page.text[chunk.start:chunk.end]`` of the page it came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = ("minutes", "strategy", "inspection", "report", "other")


@dataclass(frozen=True)
class Page:
    """One page of a paper: its 1-based number as a viewer shows it (None for unpaged text) and its text."""

    number: int | None
    text: str


@dataclass(frozen=True)
class Document:
    """A paper as loaded from a file: identity, metadata and the text of each page."""

    doc_id: str
    path: str
    title: str
    kind: str
    body: str
    date: str | None
    pages: tuple[Page, ...]
    sha256: str
    restricted: bool = False
    media_type: str = "text/plain"

    @property
    def paged(self) -> bool:
        """Whether page numbers mean something (PDFs), as opposed to a single unpaged text."""
        return any(p.number is not None for p in self.pages)


@dataclass(frozen=True)
class Chunk:
    """A passage cut from one page, following the paper's structure."""

    chunk_id: str
    doc_id: str
    seq: int
    page: int | None
    start: int
    end: int
    text: str
    heading: str
    block: str = "text"


@dataclass(frozen=True)
class DocumentRecord:
    """What the index knows about a stored paper (the library's row)."""

    doc_id: str
    path: str
    title: str
    kind: str
    body: str
    date: str | None
    pages: int
    chunks: int
    sha256: str
    ingested_at: str
    restricted: bool = False
    superseded_by: str | None = None
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its paper's metadata and its score."""

    chunk_id: str
    doc_id: str
    doc: str
    title: str
    kind: str
    body: str
    date: str | None
    page: int | None
    heading: str
    text: str
    score: float
    seq: int = 0
    start: int = 0
    end: int = 0
    superseded: bool = False
    source: str = ""
    # characters of ``text`` taken from the passages before and after it to complete a sentence cut at its edges
    borrowed_before: int = 0
    borrowed_after: int = 0

    def to_json(self, rank: int) -> dict[str, Any]:
        return {
            "rank": rank,
            "doc": self.doc,
            "title": self.title,
            "kind": self.kind,
            "body": self.body,
            "date": self.date,
            "page": self.page,
            "heading": self.heading,
            "text": self.text,
            "score": round(float(self.score), 6),
        }


@dataclass(frozen=True)
class Citation:
    """A numbered reference ``[n]`` in an answer: the passage and the verbatim sentence used."""

    n: int
    passage: Passage
    quote: str

    def to_json(self, rank: int) -> dict[str, Any]:
        data = self.passage.to_json(rank)
        data.update({"n": self.n, "quote": self.quote})
        return data


@dataclass(frozen=True)
class Verification:
    """What the verifier checked in a generated answer and what it dropped, with reasons."""

    checked: int = 0
    dropped: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "dropped": [{"sentence": s, "reason": r} for s, r in self.dropped],
        }


@dataclass(frozen=True)
class Answer:
    """An answer: its text with ``[n]`` markers, the citations they resolve to and the passages seen."""

    question: str
    text: str
    abstained: bool
    citations: tuple[Citation, ...]
    passages: tuple[Passage, ...]
    generator: str = "extractive"
    verification: Verification = field(default_factory=Verification)
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "citations": [c.to_json(i + 1) for i, c in enumerate(self.citations)],
            "passages": [p.to_json(i + 1) for i, p in enumerate(self.passages)],
            "generator": self.generator,
            "verification": self.verification.to_json(),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a conversation, for follow-up questions."""

    question: str
    answer: str = ""


@dataclass(frozen=True)
class Filters:
    """Restrictions on which papers may answer: kinds, bodies, documents and a date range (ISO dates)."""

    kinds: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.kinds or self.bodies or self.docs or self.since or self.until)


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file in an ingest run."""

    path: str
    status: str  # added | updated | unchanged | duplicate | failed | removed
    reason: str = ""
    doc_id: str = ""
    title: str = ""
    pages: int = 0
    chunks: int = 0


@dataclass
class IngestReport:
    """The outcome of an ingest run, file by file."""

    outcomes: list[FileOutcome] = field(default_factory=list)

    def by_status(self, status: str) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def failed(self) -> list[FileOutcome]:
        return self.by_status("failed")

    @property
    def ok(self) -> bool:
        return not self.failed

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for o in self.outcomes:
            out[o.status] = out.get(o.status, 0) + 1
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "counts": self.counts(),
            "files": [asdict(o) for o in self.outcomes],
        }
