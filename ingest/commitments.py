"""Decisions and commitments found in minutes and transcripts: who undertook or decided what, and when.

A *resolution* is a decision of the meeting (``RESOLVED that ...``, "the Panel noted the report",
"It was agreed that ...", "consent agenda is approved"). A *commitment* is a specific future action
someone at the meeting undertook themselves ("offered to circulate", "would be brought back to
Cabinet", "I can let you know"). Ongoing work, aims, forecasts and other bodies' plans are not.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from core.models import Document
from ingest.indicators import Statement, collapse, furniture, statements


@dataclass(frozen=True)
class Commitment:
    """A resolution or commitment from a meeting, with the words that record it and where they are."""

    type: str  # resolution | commitment
    who: str | None
    what: str
    when: str | None
    doc: str
    page: int | None
    date: str | None
    quote: str
    start: int
    end: int
    doc_id: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


_BODY = r"(?:the\s+)?(?:Panel|Committee|Council|County Council|Cabinet|Board|Sub-Committee|Members|committee|panel)"
_BUSINESS = (
    r"(?:the |this |that |these |those |all )?(?:\w+ ){0,4}?(?:report|update|minutes|work programme|items?|paper|"
    r"recommendations?|progress|decision|comments?|strategy|plan|statement|card|protocol)"
)
_RESOLUTION = re.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:\(?[a-z]\)\s*)?RESOLVED\b"
    r"|\bRESOLVED\s+(?:that|to)\b"
    rf"|^{_BODY}\s+(?:note[sd]?\s+{_BUSINESS}|agreed|approved|endorsed|resolved)\b"
    r"|\bIt was (?:agreed|resolved|RESOLVED)\b"
    rf"|\bThis was agreed by {_BODY}"
    r"|\bMembers (?:agreed|resolved|voted) to\b"
    r"|^(?:Agreed|Carried) unanimously\b"
    r"|\b(?i:agenda|minutes|motion|item|report|recommendations?|amendment|substitution|ordinance|resolution|it|so)\s+"
    r"(?:(?:is|are|was|were|has been|have been)\s+)?(?:approved|adopted|accepted)\b(?!\s+(?:by|in|at|on)\b)"
    r"|\b\d+\s+(?:is|was|has been)\s+(?:approved|adopted|accepted)\b"
    r"|\b(?:so referred|referred back to)\b"
    r"|\bmoves on to a second reading\b"
    r"|\bresolves? to (?:meet in private|exclude)"
    r"|\bAre Members (?:happy|content) to note\b",
)
# A motion is a decision only once the minutes record it was agreed ("Agreed unanimously").
_MOTION = re.compile(r"\bproposed,? and [A-Z][\w .]+ seconded\b")
_AGREED = re.compile(r"^(?:Agreed|Carried|The motion was (?:agreed|carried))\b", re.IGNORECASE)
_RECIPIENT = (
    r"(?=.{0,80}\b(?:members|member|panel|committee|councillors|cabinet|chair|details|information|update|briefing|"
    r"report|data|figures|response|copy|links?|letter|message|strategy|document)\b)"
)
_COMMITMENT = re.compile(
    r"\boffered to\b|\bAn offer was (?:provided|made)\b|\bundertook to\b|\bpromised to\b"
    r"|\b(?:agreed|offered|undertook) to (?:write|circulate|provide|send|share|follow|report|come|raise|look|arrange|check|find|bring|consider|investigate)"
    rf"|\bwould (?:send|write to|write|circulate|provide|share)\b{_RECIPIENT}"
    r"|\bwould (?:report back|report to|arrange|follow up|raise|come back|look into)\b"
    r"|\bwould bring\b.{0,60}\b(?:back|to (?:the|a) (?:next |future )?(?:panel|committee|cabinet|council|meeting|board))\b"
    r"|\bwould be (?:brought back|reported back|considered by|presented|published|produced|circulated|shared|provided|"
    r"incorporated|looked at|enhanced|taken at|brought to|reported to|submitted|reconsidered by)\b"
    r"|\bwould (?:first |then )?be reconsidered by\b|\bwould focus on\b"
    r"|\bwould be (?:making representations|giving evidence)\b"
    r"|\bintention to (?:report|bring|provide|share)\b"
    r"|\b(?:I|we) (?:can|will|'ll) (?:let you (?:know|have)|send|write|provide|share|come back (?:to|with|on)|follow)"
    r"|\bsee if we can send\b"
    r"|\bhappy to (?:share|provide|send|write|come back|follow)\b"
    r"|\bwe will be in a position to\b"
    r"|\bbe shared with the minutes\b"
    r"|\bwas committed to delivering\b"
    r"|\bto bring a [\w ]*plan\b",
    re.IGNORECASE,
)
_NOT_COMMITMENT = re.compile(
    r"\bcontinue(?:d|s)? to\b|\bwould continue\b|\bcarry on\b|\bongoing\b(?!.*\bwould be brought back)|\baim(?:ed|s)? to\b|\bpriority\b"
    r"|\bwould be important\b|\bneeded to be\b|\bwould reduce\b|\bshould the\b|\binvited Members\b|\basked (?:Members|members)\b"
    r"|\bwas required\b|\bother (?:local )?authorities\b|\bpublished nationally\b|\bmanifesto\b|\bThe Government\b",
    re.IGNORECASE,
)
_WHO = re.compile(
    r"^(?:[a-z0-9]{1,3}[.)]\s*)?(?:In response,?\s*)?(?P<who>(?:The |the )?(?:Chair(?:man)?|Leader|Director of [A-Z][\w ]+?|Cabinet Member[\w ,]*?|"
    r"(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.? [A-Z][\w'-]+|[A-Z][a-z]+ [A-Z][\w'-]+(?: AM| MS)?))\b"
    r"(?=\s+(?:offered|agreed|shared|stated|advised|said|confirmed|added|requested|mentioned|was pleased|would))"
)
_WHEN = re.compile(
    r"\b(?:in due course|at a later date|(?:at|to) a future meeting(?: of the \w+)?|in the future|later this year|this year|next week|"
    r"in (?:January|February|March|April|May|June|July|August|September|October|November|December)\b|"
    r"in the (?:spring|summer|autumn|winter)|(?:on )?(?:the )?\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)(?: \d{4})?|by the end of [\w ]+?(?=[,.]|$)|outside of the meeting|when the results become available|"
    r"following the \d{4} elections|with the minutes|in \d{4}|from \d{1,2} \w+ \d{4})",
    re.IGNORECASE,
)


def _is_minutes(document: Document) -> bool:
    return document.kind == "minutes" or bool(re.search(r"minutes|transcript", document.path, re.I))


def classify(st: Statement) -> str | None:
    """'resolution', 'commitment' or None for one sentence of minutes."""
    text = st.text
    if _RESOLUTION.search(text):
        return "resolution"
    if _MOTION.search(text):
        return "motion"
    if _COMMITMENT.search(text) and not _NOT_COMMITMENT.search(text):
        return "commitment"
    return None


def _who(text: str, kind: str, document: Document) -> str | None:
    m = _WHO.search(text)
    if m:
        return m.group("who").strip()
    m = re.search(r"\bfrom (?:the )?(Director of [A-Z][\w ]+?) to\b", text)
    if m:
        return m.group(1)
    m = re.search(r"^(?:\w+\s*:\s*)?([A-Z][\w-]+(?: [A-Z][\w-]+)*(?: AM| MS)?):", text)
    if m:
        return m.group(1)
    if kind == "resolution":
        m = re.search(r"\b(Cabinet|County Council|Council|Panel|Committee|committee|Board)\b", text)
        if m:
            return "the " + m.group(1) if m.group(1) in ("Panel", "Committee", "committee", "Board") else m.group(1)
        return document.body or None
    return None


def _what(text: str) -> str:
    m = re.search(r"\b(?:RESOLVED\s*(?:that|to|–|-|:)?\s*|offered to |agreed to |would (?:be )?|offer was provided from [^,]+? to |intention to )(.+)$", text)
    what = m.group(1) if m else text
    return what.strip(" .:–-")[:240]


_PART = re.compile(r"(?:^|\n)[ \t]*(?:\(?(?:[a-zA-Z]|\d{1,2}|[ivx]{1,4})[.)]|[\u2022\uf000-\uf8ff])[ \t]*$")
_OPENS_LIST = re.compile(r"(?::|\bagree to|\bthat)\s*$")
_LIMIT = 590


def _continues(text: str, end: int, nxt: Statement) -> bool:
    """Whether the next statement is a further part of a decision: a lettered or numbered part, or the same paragraph."""
    if re.match(r"^(?:RESOLVED|[A-Z][\w ,’'-]+\(Item)", nxt.text):
        return False
    gap = text[end:nxt.start]
    return bool(_PART.search(gap)) or text[:end].rstrip().endswith(":") or not re.search(r"\n[ \t]*\n", gap)


def _resolution_end(text: str, st: Statement, following: list[Statement]) -> tuple[int, bool]:
    """Where a decision ends: through its lettered or numbered parts; and whether it runs on past the page."""
    end = st.end
    if not _OPENS_LIST.search(st.text):
        return end, False
    for nxt in following:
        if not _continues(text, end, nxt) or nxt.end - st.start > _LIMIT:
            return end, False
        end = nxt.end
    return end, True


def _fit(text: str, start: int, end: int) -> int:
    """An end that keeps a quote under the length of a statement, cut at a clause boundary."""
    if end - start <= _LIMIT:
        return end
    window = text[start:start + _LIMIT]
    cut = max(window.rfind("; "), window.rfind(". "), window.rfind(", "))
    return start + (cut + 1 if cut > _LIMIT // 2 else _LIMIT)


def _paragraph_break(text: str, a: int, b: int) -> bool:
    return bool(re.search(r"\n[ \t]*\n", text[a:b]))


def extract_commitments(document: Document) -> list[Commitment]:
    """Every resolution and commitment in a set of minutes, page by page, in reading order."""
    if not _is_minutes(document):
        return []
    out: list[Commitment] = []
    carried = False  # a decision's parts running on from the previous page
    for page, text in zip(document.pages, furniture([p.text for p in document.pages]), strict=True):
        sts = statements(text)
        covered_to = -1
        spans: list[tuple[str, int, int]] = []
        for i, st in enumerate(sts):
            if st.start < covered_to:
                continue
            if carried and i == 0 and _PART.search(text[:st.start]):
                end, carried = _resolution_end(text, Statement(st.start, st.start, ":"), sts)
                spans.append(("resolution", st.start, end))
                covered_to = end
                continue
            carried = False
            kind = classify(st)
            if kind is None:
                continue
            start, end = st.start, st.end
            if kind == "motion":
                agreed = next((n for n in sts[i + 1:i + 4] if _AGREED.match(n.text)), None)
                if agreed is None:
                    continue
                kind, end = "resolution", agreed.end
                covered_to = end
            elif kind == "resolution":
                end, carried = _resolution_end(text, st, sts[i + 1:])
                covered_to = end
            if len(collapse(text[start:end])) < 60:
                # a bare "Agreed unanimously." belongs to the motion just recorded; other short
                # statements ("so approved.") take the sentence before them for context
                if spans and not _paragraph_break(text, spans[-1][2], start) and i > 0 and sts[i - 1].end <= spans[-1][2]:
                    spans[-1] = (spans[-1][0], spans[-1][1], end)
                    continue
                j = i - 1
                while j >= 0 and len(collapse(text[start:end])) < 60 and not _paragraph_break(text, sts[j].end, start):
                    if spans and sts[j].start < spans[-1][2]:
                        break
                    start = sts[j].start
                    j -= 1
            spans.append((kind, start, end))
        for kind, start, end in spans:
            end = _fit(text, start, end)
            if end <= start:
                continue
            quote = collapse(text[start:end])
            when = _WHEN.search(quote)
            out.append(Commitment(
                type=kind, who=_who(quote, kind, document), what=_what(quote), when=when.group(0) if when else None,
                doc=document.path, page=page.number, date=document.date, quote=quote, start=start, end=end,
                doc_id=document.doc_id,
            ))
    return out
