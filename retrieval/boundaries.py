"""Sentences cut by a page or passage boundary, completed from the neighbouring passage of the same paper.

A passage is a slice of one page, so a sentence that runs over a page break ("... This is a reduction
from 427" | "(65.2 per 10,000) at 31 March 2017.") is split between two passages, and neither half
alone states the whole figure. Before an answer is written, a passage that ends mid-sentence gets the
rest of that sentence from the next passage, and one that starts mid-sentence gets its beginning from
the one before; one that ends by introducing a table ("The following table sets out ...") gets the start of
the table. The added words are the paper's own, so a quote from the joined text is still verbatim.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Protocol

from core.models import Passage
from ingest.sentences import OPENS_ITEM, TALLY, row_of_values, sentence_spans, vote_taken

MAX_ADDED = 400  # characters borrowed from a neighbour, at most
MAX_VOTE = 3000  # or a recorded vote's, with the names of those voting
MAX_VOTE_PASSAGES = 3  # passages followed from a motion through its debate to its vote, at most
_CLOSED_END = re.compile(r"[.!?:;)\]”\"’]\s*$")
# "awarded the", "from 427", "and,", or a sentence's first word alone ("... exceeds 90%. The")
_OPEN_END = re.compile(r"(?:\b[a-z][a-z'’-]*|\d|[,£$%&–-]|\b(?:The|A|An|In|Of|For|To|This|These|At|On|By|With|As|It))\s*$")
_OPEN_START = re.compile(r"^\s*[a-z]")  # "with Janus Youth Programs ..."
# a last sentence that introduces what follows: "... as follows:", "The following table sets out ..."
_LEAD_IN = re.compile(r":\s*$|\b(?:following|below)\s+(?:table|figures|chart|list|breakdown)\b|\btable\s+below\b", re.I)


class Neighbours(Protocol):
    def neighbours(self, doc_id: str, seqs: list[int]) -> dict[int, tuple[str, str, dict[str, Any]]]: ...


def leads_in(text: str) -> bool:
    """Whether a passage ends by introducing a table or list that follows it."""
    spans = sentence_spans(text, whole=True)
    return bool(spans) and bool(_LEAD_IN.search(text[spans[-1][0]:]))


def ends_open(text: str) -> bool:
    """Whether a passage stops in the middle of a sentence (of prose: a table's last row is not one)."""
    lines = text.rstrip().rsplit("\n", 2)
    last_line = lines[-1] if len(lines[-1].split()) >= 3 else " ".join(lines[-2:])  # "... exceeds 90%. The"
    prose = len(re.findall(r"\b[a-z]{2,}\b", last_line)) >= 3
    return prose and not _CLOSED_END.search(text) and bool(_OPEN_END.search(text))


# a percentage or a grouped number: "71.26%", "1,348"
_PERCENT_OR_GROUPED = r"\d\s?%|\d,\d{3}"
# an indicator's code opening a table's row: "1.2.1.KR", "1.1.3.PI"
_ROW_CODE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){1,3}\.?[A-Z]{1,4}\b")


def row_unfinished(text: str) -> bool:
    """Whether a passage ends inside a table's row, before its values: "1.2.1.KR Percentage of care leavers ... (NEET)",
    whose "People 53.8% 59.5% 34% Red Worse" opens the next passage."""
    lines = text.rstrip().split("\n")
    start = max((i for i, line in enumerate(lines) if _ROW_CODE.match(line)), default=-1)
    rest = "\n".join(lines[start:]) if start >= 0 else ""
    return bool(rest) and not row_of_values(rest) and not re.search(_PERCENT_OR_GROUPED, rest)


def starts_open(text: str) -> bool:
    """Whether a passage begins in the middle of a sentence."""
    return bool(_OPEN_START.match(text))


def _head(text: str) -> str:
    """The first sentence of a passage (the end of one begun before it), at most MAX_ADDED characters."""
    spans = sentence_spans(text, whole=True)
    end = spans[0][1] if spans else len(text)
    return text[:min(end, MAX_ADDED)].rstrip()


def _tail(text: str) -> str:
    """The last sentence of a passage (the start of one finished after it), at most MAX_ADDED characters."""
    spans = sentence_spans(text, whole=True)
    start = spans[-1][0] if spans else 0
    return text[max(start, len(text) - MAX_ADDED):].lstrip()


def _vote_after(text: str) -> str:
    """A recorded vote that opens a passage ("(18) Following the debate, the Chairman put to the vote the amendment
    ... as follows: For (8) ... Amendment lost."), whole; empty when the passage does not open with one."""
    spans = sentence_spans(text, whole=True)
    return text[:spans[0][1]] if spans and spans[0][1] <= MAX_VOTE and vote_taken(text[:spans[0][1]]) else ""


def _lead_in_end(text: str) -> str:
    """What a passage ending "as follows:" introduces, from the next passage: a recorded vote whole ("For (39)"
    with the names, "Against (19)", "Abstain (1)", up to "Motion carried."), else its first MAX_ADDED characters."""
    return (_vote_after(text) if TALLY.match(text) else "") or text[:MAX_ADDED]


def _holds_vote(text: str) -> bool:
    """Whether a passage holds a sentence recording a vote taken."""
    return any(vote_taken(text[s:e]) for s, e in sentence_spans(text))


# a motion put: "Moved by S. Stevenson", "Councillor Hill moved that ...", "On a motion by ..."
_MOTION_PUT = re.compile(r"\b(?:moved|proposed|seconded|motion (?:by|to|that))\b", re.I)


def _vote_pending(text: str) -> bool:
    """Whether a passage ends before the vote on its last motion: it records no vote, or puts a motion after the last
    vote it records ("Motion Passed (14 to 0) ... Moved by S. Stevenson ... That the Civic Administration ...")."""
    quotes = [text[s:e] for s, e in sentence_spans(text)]
    last = max((i for i, q in enumerate(quotes) if vote_taken(q)), default=-1)
    return last < 0 or any(_MOTION_PUT.search(q) for q in quotes[last + 1:])


# a figure in money, a percentage or a grouped number: "$288,325,616", "71.26%", "1,348"
_FIGURE = re.compile(rf"[£$€]\s?\d|{_PERCENT_OR_GROUPED}")


def item_unfinished(text: str, opened_before: bool = False) -> bool:
    """Whether a passage ends inside a numbered item, with no figure yet: "1.02 Teaching & Learning: Provide
    instructional materials ..." whose budget ("Total $288,325,616") the next passage gives. The item is opened in the
    passage, or, with ``opened_before``, in the one before it when this one opens none."""
    quotes = [text[s:e].strip() for s, e in sentence_spans(text)]
    last = max((i for i, q in enumerate(quotes) if OPENS_ITEM.match(q)), default=-1 if opened_before else None)
    return last is not None and not any(_FIGURE.search(q) for q in quotes[max(last, 0):])


def _unfinished_items(passages: list[Passage]) -> set[tuple[str, int]]:
    """The passages, by paper and place, ending inside a numbered item with no figure yet, the item opened in them or
    in the passages found just before them."""
    out: set[tuple[str, int]] = set()
    for p in sorted(passages, key=lambda p: (p.doc_id, p.seq)):
        if item_unfinished(p.text, (p.doc_id, p.seq - 1) in out):
            out.add((p.doc_id, p.seq))
    return out


def complete(passages: list[Passage], store: Neighbours, votes: bool = False, figures: bool = False) -> list[Passage]:
    """The passages with sentences cut at their edges completed from the same paper's neighbouring passages.

    With ``votes`` (a question about how a vote went), a passage without a vote gains the one that opens the
    next passage: minutes record the vote on a motion or amendment straight after its text. When the vote comes
    later in the next passage, after the debate ("Director Deadwyler stated ... she will vote no. [...] An electronic
    vote was taken with 13 votes in favor ..."), the passages up to the vote come whole, with their own pages, after
    all the others: the answer can follow the debate to its vote, and the passages found keep their places.
    With ``figures`` (a question asking for a figure), a passage ending inside a numbered item with no figure yet
    gains the next passage in the same way: an action's budget follows its description.
    """
    out: list[Passage] = []
    later: list[Passage] = []  # passages followed to a vote, after all the others
    found = {(p.doc_id, p.seq) for p in passages}
    unfinished = _unfinished_items(passages) if figures else set()
    for p in passages:
        lead_in = leads_in(p.text)
        cut = ends_open(p.text) or row_unfinished(p.text)
        vote_next = votes and _vote_pending(p.text)
        wanted = ([p.seq + 1] if lead_in or cut or vote_next else []) + (
            [p.seq - 1] if p.seq > 0 and starts_open(p.text) else [])
        text = p.text
        added_before = added_after = 0
        voted_later: list[Passage] = []
        if wanted:
            near = store.neighbours(p.doc_id, wanted)
            after = near.get(p.seq + 1) if p.seq + 1 in wanted else None
            before = near.get(p.seq - 1) if p.seq - 1 in wanted else None
            if after is not None and after[1].strip():
                if lead_in or cut:
                    follows = _lead_in_end(after[1].strip()) if lead_in else _head(after[1].lstrip())
                else:
                    follows = _vote_after(after[1].strip())
                if vote_next and (p.doc_id, p.seq + 1) not in found and _vote_pending(p.text + "\n" + follows):
                    voted_later = _debate_to_vote(p, after, store, found)
                if follows:
                    text = text.rstrip() + "\n" + follows
                    added_after = len(follows) + 1
            if before is not None and before[1].strip() and not _CLOSED_END.search(before[1]):
                head = _tail(before[1].rstrip()) + "\n"
                text = head + text.lstrip()
                added_before = len(head)
        out.append(p if text == p.text else replace(p, text=text, borrowed_before=added_before, borrowed_after=added_after))
        taken = voted_later or _item_rest(p, store, found, unfinished)
        later.extend(taken)
        found.update((q.doc_id, q.seq) for q in taken)
    return out + later


def _item_rest(p: Passage, store: Neighbours, found: set[tuple[str, int]], unfinished: set[tuple[str, int]]) -> list[Passage]:
    """The passage after ``p`` when ``p`` is among the ``unfinished`` and the next passage was not found already;
    else none."""
    if (p.doc_id, p.seq) not in unfinished or (p.doc_id, p.seq + 1) in found:
        return []
    more = store.neighbours(p.doc_id, [p.seq + 1]).get(p.seq + 1)
    return [_following(p, *more)] if more is not None else []


def _debate_to_vote(p: Passage, after: tuple[str, str, dict[str, Any]], store: Neighbours,
                    found: set[tuple[str, int]]) -> list[Passage]:
    """The passages after ``p`` up to the one holding a vote, when one of the next MAX_VOTE_PASSAGES does and none of
    them was found already; else none."""
    taken = [_following(p, *after)]
    while not _holds_vote(taken[-1].text):
        seq = taken[-1].seq + 1
        if len(taken) >= MAX_VOTE_PASSAGES or (p.doc_id, seq) in found:
            return []
        more = store.neighbours(p.doc_id, [seq]).get(seq)
        if more is None:
            return []
        taken.append(_following(taken[-1], *more))
    return taken


def _following(p: Passage, chunk_id: str, text: str, meta: dict[str, Any]) -> Passage:
    """The passage after ``p`` in its paper, from its stored chunk."""
    page = int(meta.get("page", -1))
    return replace(p, chunk_id=chunk_id, text=text, page=None if page < 0 else page, heading=str(meta.get("heading", "")),
                   seq=int(meta.get("seq", p.seq + 1)), start=int(meta.get("start", 0)), end=int(meta.get("end", 0)))
