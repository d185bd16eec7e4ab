"""Beyond one passage: an indicator over time, commitments followed up, papers that disagree.

* ``trend``: the indicator records that match a name, one point per paper and period, each cited.
* ``trend_answer``: "how has X changed" answered from those points.
* ``follow_ups``: commitments matched to a later paper that refers to them.
* ``conflicts``: notes when the passages behind an answer give different figures for the same thing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from core.models import Answer, Citation, DocumentRecord, Passage
from ingest.commitments import Commitment
from ingest.indicators import Indicator, collapse, page_indicators
from retrieval.embedding import Embedder
from retrieval.lexical import tokenize
from retrieval.records import Records
from retrieval.store import Store

_TREND_QUESTION = re.compile(
    r"^\s*(?:how|in what way)\s+(?:has|have|did|is|are)\s+(?:the\s+)?(?P<a>.+?)\s+"
    r"(?:changed|moved|developed|changing|moving|trended|gone|been trending|varied)\b"
    r"|\b(?:trend|change|changes)\s+(?:in|of)\s+(?:the\s+)?(?P<b>.+?)(?:\s+over time)?\s*\??$"
    r"|^\s*(?:show|plot|chart)\s+(?:me\s+)?(?:the\s+)?(?P<c>.+?)\s+over time\b",
    re.IGNORECASE,
)
_FILLER = frozenset(
    "time year this last period quarter since papers paper kent doncaster number percentage rate proportion many much "
    "level figure figures total changed change".split()
)
_MONTH_NUMBERS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}


def first_number(value: str | None) -> float | None:
    """The first figure of a value as a number: thousands commas removed, number words read."""
    if not value:
        return None
    text = value.replace(",", "")
    digits = re.search(r"\d+(?:\.\d+)?", text)
    words = [(m.start(), _NUMBER_WORDS[m.group(0).lower()]) for m in re.finditer(r"[A-Za-z]+", text)
             if m.group(0).lower() in _NUMBER_WORDS]
    if digits and (not words or digits.start() < words[0][0]):
        return float(digits.group(0))
    return float(words[0][1]) if words else None


def is_percentage(value: str | None) -> bool:
    return bool(value) and bool(re.match(r"^[^;]*?\d(?:\.\d+)?\s?%", value or ""))


def record_passage(record: Indicator | Commitment, paper: DocumentRecord | None, score: float = 1.0) -> Passage:
    """A record as a passage a citation can point at: its paper, page and quote."""
    return Passage(
        chunk_id=f"{record.doc_id}:{record.page if record.page is not None else 0}:{record.start}",
        doc_id=record.doc_id,
        doc=record.doc,
        title=paper.title if paper else record.doc,
        kind=paper.kind if paper else "",
        body=paper.body if paper else "",
        date=record.date,
        page=record.page,
        heading="",
        text=record.quote,
        score=score,
        start=record.start,
        end=record.end,
        source=paper.source if paper else "",
    )


# --- an indicator over time ----------------------------------------------------------------------
@dataclass(frozen=True)
class Point:
    """One cited point of a trend: the paper's date, the period it speaks of, the value and the record."""

    date: str | None
    period: str | None
    value: str | None
    number: float | None
    record: Indicator


@dataclass(frozen=True)
class Trend:
    """An indicator over time: the name asked for and its points, oldest first."""

    name: str
    points: tuple[Point, ...]
    percentage: bool

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "percentage": self.percentage,
            "points": [
                {"date": p.date, "period": p.period, "value": p.value, "number": p.number, **_cite(p.record)}
                for p in self.points
            ],
        }


def _cite(r: Indicator) -> dict:
    return {"indicator": r.indicator, "code": r.code, "doc": r.doc, "page": r.page, "quote": r.quote}


def _terms(text: str) -> set[str]:
    return {t for t in tokenize(text) if t not in _FILLER and not t.isdigit()}


def match_score(name: str, record: Indicator) -> float:
    """How much of a name's words a record's indicator name (fully) or its quote (half) contains, 0 to 1."""
    wanted = _terms(name)
    if not wanted:
        return 0.0
    own = _terms(f"{record.indicator} {record.code or ''}")
    said = _terms(record.quote)
    return sum(1.0 if t in own else 0.5 if t in said else 0.0 for t in wanted) / len(wanted)


def _likeness(a: Indicator, b: Indicator) -> float:
    """Jaccard overlap of two records' indicator names: whether they measure the same thing."""
    ta, tb = _terms(a.indicator), _terms(b.indicator)
    return len(ta & tb) / max(1, len(ta | tb))


def period_key(period: str | None) -> str:
    """A sortable form of a period such as "31 March 2017", "Dec-24" or "12 months to December 2024" ('' if none)."""
    if not period:
        return ""
    m = re.search(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]{3})[a-z]*[\s-]+(\d{4}|\d{2})\b(?!.*\b[A-Za-z]{3}[a-z]*\s+\d{4})", period)
    if not m or m.group(2).lower() not in _MONTH_NUMBERS:
        return ""
    year = m.group(3) if len(m.group(3)) == 4 else "20" + m.group(3)
    return f"{year}-{_MONTH_NUMBERS[m.group(2).lower()]:02d}-{int(m.group(1) or 1):02d}"


def trend(records: Iterable[Indicator], name: str, min_score: float = 0.75, min_likeness: float = 0.5) -> Trend:
    """The records that measure ``name``, one point per paper and value, oldest first.

    A record joins when it matches the name and measures the same thing as the best match (its
    indicator name overlaps); percentages and counts are never mixed.
    """
    scored = [(match_score(name, r), r) for r in records if r.value and first_number(r.value) is not None]
    scored = [(s, r) for s, r in scored if s >= min_score]
    if not scored:
        return Trend(name, (), False)
    best = max(sc for sc, _ in scored)

    def group_size(r: Indicator) -> int:
        return sum(1 for _, o in scored if o is r or _likeness(o, r) >= min_likeness)

    # the best-matching record whose series has the most points: the quantity the papers follow over time
    top = max((r for sc, r in scored if sc == best), key=lambda r: (group_size(r), -len(_terms(r.indicator))))
    pct = is_percentage(top.value)
    seen: set[tuple[str, float | None]] = set()
    points = []
    ordered = sorted(scored, key=lambda sr: (sr[1].date or "", period_key(sr[1].period), -sr[0]))
    for _, r in ordered:
        if is_percentage(r.value) != pct or (r is not top and _likeness(r, top) < min_likeness):
            continue
        key = (r.doc_id, first_number(r.value))
        if key in seen:
            continue  # the same figure told twice in one paper (a narrative line and its KPI box)
        seen.add(key)
        points.append(Point(r.date, r.period, r.value, first_number(r.value), r))
    return Trend(name, tuple(points), pct)


def trend_subject(question: str) -> str | None:
    """The indicator a "how has X changed" question asks about, or None for other questions."""
    m = _TREND_QUESTION.search(question)
    if not m:
        return None
    subject = next(g for g in m.groups() if g)
    return re.sub(r"\s+(?:over time|this year|since .*|in the papers)$", "", subject.strip(" ?"), flags=re.I)


def _main(value: str | None) -> str:
    """A value's first figure as written: "550 children" of "550 children; 84.0 per 10,000"."""
    return (value or "").split(";")[0].strip()


def trend_answer(question: str, series: Trend, papers: dict[str, DocumentRecord]) -> Answer | None:
    """An answer that lists every point of a trend with its citation, oldest first; None with fewer than two."""
    if len(series.points) < 2:
        return None
    citations = []
    parts = []
    for n, p in enumerate(series.points, start=1):
        passage = record_passage(p.record, papers.get(p.record.doc_id))
        citations.append(Citation(n, passage, p.record.quote))
        when = p.period if p.period and p.period != "Latest" else None
        where = f"{passage.title}, {p.date or 'undated'}"
        parts.append(f"{p.value}{f' ({when})' if when else ''} in {where} [{n}]")
    first, last = series.points[0], series.points[-1]
    direction = ""
    places = sorted({place(c.passage) for c in citations})
    if len(places) > 1:
        direction = f" The points come from papers about different councils ({', '.join(places)}), so they are not one series."
    elif first.number is not None and last.number is not None:
        before, after = _main(first.value), _main(last.value)
        if last.number > first.number:
            direction = f" It rose from {before} to {after}."
        elif last.number < first.number:
            direction = f" It fell from {before} to {after}."
        else:
            direction = f" It stayed at {after}."
    text = f"{series.name[:1].upper()}{series.name[1:]}, as the papers report it: " + "; ".join(parts) + "." + direction
    passages = tuple(c.passage for c in citations)
    return Answer(question=question, text=text, abstained=False, citations=tuple(citations), passages=passages,
                  generator="trend")


# --- commitments followed up ---------------------------------------------------------------------
@dataclass(frozen=True)
class FollowUp:
    """A commitment and the later passage that refers to it (None when no later paper does)."""

    commitment: Commitment
    passage: Passage | None
    score: float = 0.0


def _content(text: str) -> set[str]:
    return {t for t in tokenize(text) if not t.isdigit() and len(t) > 2}


def follow_ups(commitments: list[Commitment], store: Store, embedder: Embedder, papers: dict[str, DocumentRecord],
               min_cosine: float = 0.5, min_overlap: float = 0.3, candidates: int = 8) -> list[FollowUp]:
    """Each commitment with the best passage of a later-dated paper that refers to it.

    A later passage refers to a commitment when it is close in meaning (cosine of their
    embeddings, found with the store's own vector search) and shares enough of its words (the
    share of the commitment's content words it contains). Both must pass, so a passage on the
    same topic that does not pick up the promise is not counted.
    """
    promises = [c for c in commitments if c.type == "commitment"]
    if not promises:
        return []
    vectors = embedder.embed([c.quote for c in promises])
    out = []
    for c, vec in zip(promises, vectors, strict=True):
        later = sorted(d for d, r in papers.items() if r.date and c.date and r.date > c.date and d != c.doc_id)
        if not later:
            out.append(FollowUp(c, None))
            continue
        hits = store.query(vec, candidates, where={"doc_id": {"$in": later}})
        found = store.get([cid for cid, _ in hits])
        words = _content(c.what or c.quote)
        best = None
        for chunk_id, sim in hits:
            if chunk_id not in found or sim < min_cosine:
                continue
            text, meta = found[chunk_id]
            if len(words & _content(text)) / max(1, len(words)) >= min_overlap:
                best = (chunk_id, sim, text, meta)
                break
        if best is None:
            out.append(FollowUp(c, None))
            continue
        chunk_id, sim, text, meta = best
        paper = papers[str(meta["doc_id"])]
        page = meta.get("page")
        passage = Passage(
            chunk_id=chunk_id, doc_id=paper.doc_id, doc=paper.path, title=paper.title, kind=paper.kind, body=paper.body,
            date=paper.date, page=None if page in (None, -1) else int(page), heading=str(meta.get("heading", "")),
            text=text, score=sim, seq=int(meta.get("seq", 0)), start=int(meta.get("start", 0)),
            end=int(meta.get("end", 0)), source=paper.source,
        )
        out.append(FollowUp(c, passage, sim))
    return out


# --- papers that disagree ------------------------------------------------------------------------
@dataclass(frozen=True)
class _Figure:
    passage: Passage
    sentence: str
    value: str
    number: float
    percentage: bool


def _figures(passage: Passage, text: str | None = None) -> list[_Figure]:
    body = passage.text if text is None else text
    out = []
    for start, end, _, _, _, value in page_indicators(body):
        number = first_number(value)
        if value and number is not None:
            out.append(_Figure(passage, collapse(body[start:end]), value, number, is_percentage(value)))
    return out


def _coverage(terms: set[str], text: str) -> float:
    return len(terms & set(tokenize(text))) / max(1, len(terms))


def _context(p: Passage) -> str:
    return f"{p.title} {p.heading} {p.text}"


def _anchor(terms: set[str], answer: Answer, next_n: int) -> tuple[Citation, list[_Figure]] | None:
    """The figure the answer rests on: in a cited sentence if any has one, else the passage sentence that best fits the question."""
    for cited in answer.citations:
        figures = _figures(cited.passage, cited.quote)
        if figures:
            return cited, figures
    best: tuple[float, _Figure] | None = None
    for p in answer.passages:
        for f in _figures(p):
            fit = _coverage(terms, f.sentence)
            if fit >= 0.6 and (best is None or fit > best[0]):
                best = (fit, f)
    if best is None:
        return None
    f = best[1]
    return Citation(next_n, f.passage, f.sentence), [f]


@dataclass(frozen=True)
class Disagreement:
    """Two papers' figures for the same thing: the answer's (ours) and another paper's (theirs), each cited."""

    ours: Citation
    theirs: Citation
    our_value: str
    their_value: str


def conflicts(question: str, answer: Answer, max_ratio: float = 2.0) -> list[Disagreement]:
    """Pairs of (the answer's figure, a differing figure in another paper) for the same measure.

    The other paper's passage must cover the question's words at least as well as most of the
    answer's own passage, and its figure be of the same kind (a percentage or a count) and differ;
    within that passage the figure whose sentence fits the question best is taken. Counts that
    differ by more than ``max_ratio`` are taken to measure different things (a total and a part).
    """
    if answer.abstained or not answer.passages or re.search(r"\baccording to\b", question, re.I):
        return []  # a question about what one named paper says is not a question of which paper is right
    terms = {t for t in tokenize(question) if not t.isdigit()} - _FILLER
    next_n = max((c.n for c in answer.citations), default=0) + 1
    found = _anchor(terms, answer, next_n)
    if found is None:
        return []
    cited, anchors = found
    next_n = max(next_n, cited.n + 1)
    anchor_cover = _coverage(terms, _context(cited.passage))
    pairs: list[Disagreement] = []
    seen_docs = {cited.passage.doc_id}
    for other in answer.passages:
        if other.doc_id in seen_docs or place(other) != place(cited.passage):
            continue  # figures about another council do not contradict this one's
        if _coverage(terms, _context(other)) < max(0.5, 0.8 * anchor_cover):
            continue
        best: tuple[float, _Figure, _Figure] | None = None
        for a in anchors:
            for b in _figures(other):
                if b.percentage != a.percentage or b.number == a.number or a.number <= 0 or b.number <= 0:
                    continue
                ratio = abs(math.log(b.number / a.number))
                if not a.percentage and ratio > math.log(max_ratio):
                    continue
                fit = _coverage(terms, b.sentence) - 0.1 * ratio
                if best is None or fit > best[0]:
                    best = (fit, a, b)
        if best is None:
            continue
        _, a, b = best
        seen_docs.add(other.doc_id)
        existing = next((c for c in answer.citations if _same_place(c.passage, other) and b.sentence in collapse(c.quote)), None)
        if existing is None:
            existing = Citation(next_n, other, b.sentence)
            next_n += 1
        pairs.append(Disagreement(Citation(cited.n, cited.passage, a.sentence), replace(existing, quote=b.sentence),
                                  a.value, b.value))
    return pairs


_GENERIC_PLACE = frozenset("county city borough metropolitan council district".split())


def place(p: Passage) -> str:
    """The council a paper is about: named before "Council" in its body, else the first word of its file name."""
    for m in re.finditer(r"([A-Z][\w-]+)(?: Metropolitan)?(?: Borough| County| City| District)? Council", p.body or ""):
        if m.group(1).lower() not in _GENERIC_PLACE:
            return m.group(1).lower()
    name = p.doc.rsplit("/", 1)[-1]
    return re.split(r"[_\W]", name, maxsplit=1)[0].lower()


def _same_place(a: Passage, b: Passage) -> bool:
    return a.doc_id == b.doc_id and a.page == b.page


def conflict_note(d: Disagreement) -> str:
    """One sentence naming both papers, the newer first and the older labelled earlier."""
    (newer, nv), (older, ov) = sorted([(d.ours, d.our_value), (d.theirs, d.their_value)],
                                      key=lambda cv: cv[0].passage.date or "", reverse=True)
    nv, ov = _main(nv), _main(ov)
    if (newer.passage.date or "") == (older.passage.date or ""):
        return f"Note: the papers differ: {newer.passage.title} says {nv} [{newer.n}]; {older.passage.title} says {ov} [{older.n}]."
    return (f"Note: the papers differ: the newer {newer.passage.title} ({newer.passage.date}) says {nv} [{newer.n}]; "
            f"the earlier {older.passage.title} ({older.passage.date or 'undated'}) said {ov} [{older.n}].")


def with_conflicts(question: str, answer: Answer) -> Answer:
    """The answer with a note, and the extra citations it needs, for each other paper that disagrees."""
    found = conflicts(question, answer)
    if not found:
        return answer
    known = {c.n for c in answer.citations}
    extra = []
    for d in found:
        for c in (d.ours, d.theirs):
            if c.n not in known:
                extra.append(c)
                known.add(c.n)
    text = answer.text + "\n\n" + " ".join(conflict_note(d) for d in found)
    return replace(answer, text=text, citations=answer.citations + tuple(extra))


# --- the facade's post-step ----------------------------------------------------------------------
def annotate(question: str, answer: Answer, store: Store, allow_restricted: bool = False,
             as_of: str | None = None) -> Answer:
    """What ``Assistant.ask`` returns: a trend answer for "how has X changed", else the answer with conflict notes."""
    subject = trend_subject(question)
    if subject:
        records = Records(store)
        papers = records.papers(allow_restricted, as_of)
        series = trend(records.indicators(allow_restricted, as_of), subject)
        built = trend_answer(question, series, papers)
        if built is not None:
            return built
    return with_conflicts(question, answer)
