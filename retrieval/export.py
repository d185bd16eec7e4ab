"""Briefing notes: a conversation, or one answer, as Markdown or Word with numbered footnotes.

Each ``[n]`` marker in an answer becomes a footnote numbered across the whole note, giving the
paper, its date, the page and the quoted words. python-docx cannot write native Word footnotes,
so the Word note carries superscript numbers in the text and the numbered notes at the end.
"""

from __future__ import annotations

import io
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from docx import Document as WordDocument
from docx.shared import Pt

from core.models import Answer, Citation

MARKER_RE = re.compile(r"\s*\[(\d+)\]")
NOT_IN_PAPERS = "The papers in scope do not answer this."
RESTRICTED_WARNING = "Cites restricted papers: for members only, not for publication."


@dataclass(frozen=True)
class Footnote:
    """One numbered note: where a statement in the briefing comes from."""

    number: int
    title: str
    date: str | None
    page: int | None
    quote: str
    doc: str
    restricted: bool = False

    def text(self) -> str:
        """The note as one line: paper, date, page and the quoted words."""
        where = f"page {self.page}" if self.page else "unpaged text"
        quote = " ".join(self.quote.split())
        mark = " [restricted paper]" if self.restricted else ""
        return f"{self.title}{mark}, {self.date or 'undated'}, {where} ({self.doc}): “{quote}”"


@dataclass(frozen=True)
class Section:
    """One question of the briefing: the answer as pieces of text, each followed by its note numbers."""

    question: str
    pieces: tuple[tuple[str, tuple[int, ...]], ...]
    abstained: bool


@dataclass(frozen=True)
class Briefing:
    """A briefing note ready to be written out in any format."""

    title: str
    prepared: str
    scope: str
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...]

    @property
    def restricted(self) -> bool:
        """Whether any note cites a restricted paper."""
        return any(f.restricted for f in self.footnotes)


def _citation_for(answer: Answer, k: int, n: int) -> Citation | None:
    """The citation behind the k-th marker ``[n]``: markers and citations run in the same order."""
    if k < len(answer.citations) and answer.citations[k].n == n:
        return answer.citations[k]
    return next((c for c in answer.citations if c.n == n), None)


def build_briefing(answers: Sequence[Answer], title: str = "Briefing note", scope: str = "",
                   prepared: str | None = None, restricted_docs: Collection[str] = ()) -> Briefing:
    """Number every cited quote across the answers, in the order they are read."""
    footnotes: list[Footnote] = []
    numbered: dict[tuple[str, str], int] = {}
    sections = []
    for answer in answers:
        pieces: list[tuple[str, tuple[int, ...]]] = []
        if answer.abstained:
            sections.append(Section(answer.question, ((NOT_IN_PAPERS, ()),), True))
            continue
        pos = 0
        for k, match in enumerate(MARKER_RE.finditer(answer.text)):
            citation = _citation_for(answer, k, int(match.group(1)))
            text = answer.text[pos:match.start()]
            pos = match.end()
            if citation is None:
                pieces.append((text, ()))
                continue
            key = (citation.passage.chunk_id, citation.quote)
            if key not in numbered:
                p = citation.passage
                numbered[key] = len(footnotes) + 1
                footnotes.append(Footnote(numbered[key], p.title, p.date, p.page, citation.quote, p.doc,
                                          p.doc_id in restricted_docs))
            pieces.append((text, (numbered[key],)))
        if answer.text[pos:].strip():
            pieces.append((answer.text[pos:], ()))
        sections.append(Section(answer.question, tuple(pieces), False))
    return Briefing(title, prepared or date.today().isoformat(), scope, tuple(sections), tuple(footnotes))


def to_markdown(briefing: Briefing) -> str:
    """The briefing as Markdown with ``[^n]`` footnotes."""
    lines = [f"# {briefing.title}", "", f"Prepared {briefing.prepared}."]
    if briefing.restricted:
        lines.append(f"**{RESTRICTED_WARNING}**")
    if briefing.scope:
        lines.append(f"Scope: {briefing.scope}")
    for section in briefing.sections:
        lines += ["", f"## {section.question}", ""]
        body = "".join(text + "".join(f"[^{n}]" for n in notes) for text, notes in section.pieces)
        lines.append(body.strip())
    if briefing.footnotes:
        lines += ["", "---", ""]
        lines += [f"[^{f.number}]: {f.text()}" for f in briefing.footnotes]
    return "\n".join(lines) + "\n"


def to_docx(briefing: Briefing) -> bytes:
    """The briefing as a Word document: superscript note numbers, the notes listed at the end."""
    doc = WordDocument()
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(briefing.title, level=0)
    doc.add_paragraph(f"Prepared {briefing.prepared}.")
    if briefing.restricted:
        doc.add_paragraph().add_run(RESTRICTED_WARNING).bold = True
    if briefing.scope:
        doc.add_paragraph(f"Scope: {briefing.scope}")
    for section in briefing.sections:
        doc.add_heading(section.question, level=2)
        para = doc.add_paragraph()
        for i, (text, notes) in enumerate(section.pieces):
            para.add_run(text.lstrip() if i == 0 else text)
            if notes:
                para.add_run(",".join(str(n) for n in notes)).font.superscript = True
    if briefing.footnotes:
        doc.add_heading("Notes", level=2)
        for f in briefing.footnotes:
            doc.add_paragraph(f"{f.number}. {f.text()}")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def briefing_markdown(answers: Sequence[Answer], title: str = "Briefing note", scope: str = "",
                      restricted_docs: Collection[str] = ()) -> str:
    """A briefing note in Markdown from one or more answers."""
    return to_markdown(build_briefing(answers, title, scope, restricted_docs=restricted_docs))


def briefing_docx(answers: Sequence[Answer], title: str = "Briefing note", scope: str = "",
                  restricted_docs: Collection[str] = ()) -> bytes:
    """A briefing note as the bytes of a Word .docx file from one or more answers."""
    return to_docx(build_briefing(answers, title, scope, restricted_docs=restricted_docs))
