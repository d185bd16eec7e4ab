"""HTML for answers and source cards. Passage text is untrusted: it is escaped before any markup is added."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from core.models import Answer, Citation, Passage

MARKER_RE = re.compile(r"\[(\d+)\]")
BLANK_LINES_RE = re.compile(r"\n[ \t\xa0]*(?:\n[ \t\xa0]*)+")
# A line break inside a paragraph (a PDF's own line wrapping) unless the next line starts a list item or an indicator.
WRAP_RE = re.compile(r"(?<=\S)[ \t]*\n(?![ \t\xa0]*(?:<mark>)?(?:\n|[•·▪\-–*]|\d+[.)]\s|[A-Z]{1,2}\d+\b|\([a-z0-9]+\)))")
KIND_NAMES = {
    "minutes": "Minutes",
    "strategy": "Strategy",
    "inspection": "Inspection report",
    "report": "Report",
    "other": "Other paper",
}

STYLE = """
<style>
.ma-answer { font-size: 1.08rem; line-height: 1.65; white-space: pre-line; }
.ma-draft { opacity: .7; }
.ma-answer a.ma-ref { text-decoration: none; font-weight: 600; padding: 0 .1em; }
.ma-card { border: 1px solid rgba(128,128,128,.35); border-radius: .5rem; padding: .75rem 1rem; margin: .5rem 0;
           scroll-margin-top: 4rem; }
.ma-card:target { outline: 3px solid #f0b400; }
.ma-card h4 { margin: 0 0 .25rem 0; font-size: 1.02rem; line-height: 1.35; }
.ma-meta { color: rgba(100,100,100,1); font-size: .92rem; margin-bottom: .4rem; }
.ma-passage { line-height: 1.6; white-space: pre-line; font-size: .98rem; }
.ma-passage mark { background: #fff1a8; color: inherit; padding: 0 .1em; }
.ma-source { max-height: 32rem; overflow-y: auto; white-space: pre-wrap; line-height: 1.55; }
</style>
"""


def anchor(turn_id: int, n: int) -> str:
    """The element id of a source card, unique across the conversation."""
    return f"source-{turn_id}-{n}"


def kind_name(kind: str) -> str:
    """What councillors call a kind of paper."""
    return KIND_NAMES.get(kind, kind.capitalize())


def where(page: int | None) -> str:
    """A page reference as a reader says it."""
    return f"page {page}" if page else "unpaged text"


def highlight(text: str, quotes: Iterable[str]) -> str:
    """``text`` escaped as HTML with every occurrence of each quote wrapped in <mark>."""
    spans: list[tuple[int, int]] = []
    for quote in quotes:
        quote = quote.strip()
        if not quote:
            continue
        for m in re.finditer(re.escape(quote), text):
            spans.append((m.start(), m.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    out, pos = [], 0
    for s, e in merged:
        out.append(html.escape(text[pos:s]))
        out.append(f"<mark>{html.escape(text[s:e])}</mark>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def reflow(text: str) -> str:
    """Paragraphs as a reader expects: the source's line wrapping undone, runs of blank lines made one."""
    return WRAP_RE.sub(" ", BLANK_LINES_RE.sub("\n\n", text))


def answer_html(answer: Answer, turn_id: int) -> str:
    """The answer escaped, each [n] a link to its source card."""
    known = {c.n for c in answer.citations}
    escaped = html.escape(answer.text)

    def link(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if n not in known:
            return m.group(0)
        return f'<a class="ma-ref" href="#{anchor(turn_id, n)}" title="Go to source {n}">[{n}]</a>'

    return f'<div class="ma-answer">{MARKER_RE.sub(link, escaped)}</div>'


def sources(answer: Answer) -> list[tuple[int, Passage, list[str]]]:
    """Each cited passage once, with its number and every sentence quoted from it."""
    grouped: dict[int, tuple[Passage, list[str]]] = {}
    for c in answer.citations:
        grouped.setdefault(c.n, (c.passage, []))[1].append(c.quote)
    return [(n, p, quotes) for n, (p, quotes) in sorted(grouped.items())]


def meta_line(p: Passage, restricted: bool = False) -> str:
    """Kind, committee or body, date and page of a passage, escaped."""
    parts = ["Restricted: members only"] if restricted else []
    parts.append(kind_name(p.kind))
    if p.body:
        parts.append(p.body)
    parts.append(p.date or "undated")
    parts.append(where(p.page))
    if p.superseded:
        parts.append("a later version of this paper exists")
    return html.escape(" · ".join(parts))


def card_html(turn_id: int, n: int, passage: Passage, quotes: list[str], restricted: bool = False) -> str:
    """A source card: the paper, where in it, and the passage with the quoted words highlighted."""
    heading = f" — {html.escape(passage.heading)}" if passage.heading else ""
    return (
        f'<div class="ma-card" id="{anchor(turn_id, n)}">'
        f"<h4>[{n}] {html.escape(passage.title)}</h4>"
        f'<div class="ma-meta">{meta_line(passage, restricted)}{heading}</div>'
        f'<div class="ma-passage">{reflow(highlight(passage.text, quotes))}</div>'
        "</div>"
    )


def citation_line(c: Citation) -> str:
    """One citation as plain text (for captions and logs)."""
    return f"[{c.n}] {c.passage.title}, {c.passage.date or 'undated'}, {where(c.passage.page)}"
