"""Performance-indicator statements found in a paper's pages: a quantity, a period and a value, with its quote.

Three forms are read, as council papers print them:

* KPI boxes: ``<name> GREEN Latest: 14.9% Target: 15%, Floor: 20% Previous: 15.2% (Amber)``;
* coded KPI lines: ``A1 - Percentage of Re-referrals in last 12 months (Quarter 2 = 27%)``;
* table rows under a header of months (``Status Dec-23 ... Dec-24``): the latest column;
* narrative sentences and bullets: ``At 31 October 2017, 550 children were being looked after
  (a rate of 84.0 per 10,000 children).`` One record per measured figure; figures that only
  compare (previous quarter, target, floor, England average) stay in the quote.

Offsets are Python slices of the page text; ``quote`` is that slice with whitespace collapsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from core.models import Document
from ingest.sentences import sentence_spans


@dataclass(frozen=True)
class Indicator:
    """One indicator statement: what was measured, for when, the value as written, and where it is said."""

    indicator: str
    code: str | None
    period: str | None
    value: str | None
    doc: str
    page: int | None
    date: str | None
    quote: str
    start: int
    end: int
    doc_id: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def collapse(text: str) -> str:
    """Whitespace collapsed to single spaces, as quotes are shown."""
    return re.sub(r"\s+", " ", text).strip()


# --- statements: bullets, numbered items and sentences with their offsets ----------------------
_GLYPH = "\u2022\u25aa\u25cf\u00b7\uf000-\uf8ff"
_ITEM_START = re.compile(rf"^[^\S\n]*(?:[{_GLYPH}]|\(?[a-z0-9]{{1,3}}[.)]\s|\d{{1,2}}\.\d{{1,2}}\s+[A-Z]|[A-Z]{{1,2}}\d{{1,3}}(?:/[A-Z]{{1,2}}\d{{1,3}})?\s*[-–—])")
_LEAD = re.compile(rf"^(?:[\s{_GLYPH}]+|\(?(?:[a-zA-Z]|\d{{1,3}}|[ivx]{{1,4}})[.)](?=\s)|\d{{1,2}}\.\d{{1,2}}(?=\s+[A-Za-z]))+\s*")


@dataclass(frozen=True)
class Statement:
    """A sentence or list item of a page: offsets into the page text and the lead-in it continues."""

    start: int
    end: int
    text: str
    lead: str = ""
    bullet: bool = False


def items(text: str) -> Iterator[tuple[int, int, bool]]:
    """Paragraphs and list items as (start, end, is_bullet): a new one at a blank line or a list marker."""
    start = None
    bullet = False
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if not stripped:
            if start is not None:
                yield start, pos, bullet
                start = None
        elif _ITEM_START.match(line):
            if start is not None:
                yield start, pos, bullet
            start = pos
            bullet = bool(re.match(rf"^[ \t]*[{_GLYPH}]", line))
        elif start is None:
            start, bullet = pos, False
        pos += len(line)
    if start is not None:
        yield start, pos, bullet


def furniture(pages: list[str]) -> list[str]:
    """Pages with running headers, footers and page numbers blanked out (offsets kept).

    A line is furniture when it is only a number, or when the same line, digits aside, recurs on
    at least three pages of the paper.
    """
    def key(line: str) -> str:
        return re.sub(r"\d+", "#", collapse(line))

    counts: dict[str, int] = {}
    for text in pages:
        for k in {key(line) for line in text.splitlines() if line.strip()}:
            counts[k] = counts.get(k, 0) + 1
    out = []
    for text in pages:
        lines = text.splitlines(keepends=True)
        filled = [i for i, line in enumerate(lines) if line.strip()]
        edges = set(filled[:3] + filled[-3:])
        for i in edges:
            body = lines[i].rstrip("\n")
            repeated = counts.get(key(body), 0) >= 3 and len(pages) >= 3 and not re.search(r"[%:]", body) and len(body.split()) >= 2
            if re.fullmatch(r"\s*\d{1,4}\s*", body) or repeated:
                lines[i] = " " * len(body) + lines[i][len(body):]
        out.append("".join(lines))
    return out


def statements(text: str) -> list[Statement]:
    """Sentences of a page, list markers trimmed off the front; a list item keeps the sentence that led into it."""
    out: list[Statement] = []
    lead = ""
    for s, e, bullet in items(text):
        item = text[s:e]
        marker = _LEAD.match(item)
        if marker:
            s += marker.end()
            item = text[s:e]
        for a, b in sentence_spans(item, whole=True):
            piece = item[a:b]
            trim = len(piece) - len(_LEAD.sub("", piece))
            a += trim
            if b <= a:
                continue
            sentence = collapse(item[a:b])
            out.append(Statement(s + a, s + b, sentence, lead if bullet else "", bullet))
        last = collapse(item)
        if last.endswith(":"):
            lead = last
        elif not bullet and not last[:1].islower():
            lead = ""
    return out


# --- numbers -----------------------------------------------------------------------------------
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_HEDGE = r"(?:(?:around|approximately|about|almost|nearly|over|more than|less than|fewer than|under|in excess of|up to|at least|between|some)\s+)?"
_FIGURE = re.compile(
    r"(?<![\w£$€.,/\-–?+)”’\]])(?:" + _HEDGE + r")"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<rng>\s?[-–/]\s?\d+(?:\.\d+)?)?(?P<pct>\s?%)?"
    r"(?![\w/]|\.\d|-\d)",
    re.IGNORECASE,
)
_WORD_FIGURE = re.compile(r"\b(?P<num>" + "|".join(_WORDS) + r")\b", re.IGNORECASE)
# Nouns a counted figure in a service paper is about: number words only count before one of these.
_COUNTED = re.compile(
    r"^\s*(?:(?:[\w’'-]+\s+){0,2}?(?:children|child|young|people|person|homes?|workers?|audits?|adoptions?|placements?|"
    r"notifications?|families|family|households?|carers?|constellations?|volunteers?|beds?|cases?|referrals?|staff|"
    r"days|places|leavers|adopters?)|(?:were|live|lives|are|was|is|have|had))\b",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"^\s?(?:m\b|bn\b|k\b|million|billion|pence|p\b|am\b|pm\b|a\.m\.|p\.m\.|miles?\b|km\b|kilometres?|metres?|"
    r"degrees?|°|mph\b|mw\b|kw\b|books\b)",
    re.IGNORECASE,
)
_DURATION_AFTER = re.compile(
    r"^\s?(?:-\s?)?(?:(?:consecutive|working|calendar|school|full|whole)\s+)?"
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|year-olds?|yrs?|midday|midnight|noon|o'clock)\b",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(r"(?:aged|age of|ages|under|over|than|between|from)\s*$", re.IGNORECASE)
_NOT_A_FIGURE_BEFORE = re.compile(
    r"(?:£|\$|€|\bitems?|\bpages?|\bparagraphs?|\bpara|\bappendix|\bsections?|\bquarter|\bq|"
    r"\bstanding order|\bs\.|\bno\.|\bnos\.|\bphase|\bstage|\bnumber|\bclause|\btier|\bkey stage|\bpriority|\byear|"
    r"\bage|\baged|\bper|\bpost-?|\boutcomes?|\benablers?|\bprinciples?|\brecommendations?|\bgrades?|\bfootnote|\bfigure|"
    r"\btable|\bchart|\bindicator|\bgraph|\bvictoria|\bcovid|\bwave|\blevel|\bband|\bcategory|\bday|\bweek|\bchapter|"
    r"\bannex|\bregulations?|\bschedule|\bact|\barticles?|\bstandards?|\bnote|\bminutes?|\bhours?|\bSIs?|\bversion|"
    r"\boptions?|\bpossible|\bscenario"
    r")[\s.(-]*(?:\d+[\w().]*\s*(?:,|and|to|or|&)\s*)*$|" + _MONTHS + r"[\s.-]*$",
    re.IGNORECASE,
)
_COMPARATOR_BEFORE = re.compile(
    r"(?:compared (?:to|with)|comparison|from|previous(?:ly)?|last (?:quarter|year|month)|target(?: caseload)?(?: of)?|"
    r"floor(?: standard)?(?: of)?|england|national|nationally|statistical neighbours?|neighbours?|average of|than|"
    r"against|benchmark|regional|(?:no )?more than|up from|down from|was previously|last published[\w\s]*?of)"
    r"[\s\w’'(.-]{0,12}?$",
    re.IGNORECASE,
)
_CHANGE_BEFORE = re.compile(r"(?:increase(?:d)? of|decrease(?:d)? of|reduction of|rise of|fall of|by|up|down)\s*$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"^\s?(?:%\s?)?(?:increase|decrease|reduction|rise|fall|fewer|more|higher|lower|less|drop)\b", re.IGNORECASE)
_EXCLUDED_CONTEXT = re.compile(
    r"population|low[- ]income|free[- ]school[- ]meals?|ethnic|overcrowd|\bcould (?:provide|offer|accommodate|deliver|house)\b|\bmight\b|additional language|\bbirths?\b|"
    r"£|\bbudget|overspend|underspend|\bfunding\b|\bgrants?\b|per head|\bambition|\baims? to\b|\bintends? to\b|"
    r"\bplan(?:s|ned)? to\b|\bwill be\b|\bby the end of\b|\bforecast|\bKPI Summary|live in (?:Doncaster|the area)|"
    r"^Contents\b|\bAct \d{4}|\[\d{4}\]|\bSIs? \d|workless|unemployment|national research|it is estimated|@|\btelephone\b|\btextphone\b|©|copyright|www\.|https?:",
    re.IGNORECASE,
)
_RAG = r"(?:GREEN|AMBER|RED)"
_KPI_BOX = re.compile(
    rf"(?P<rag>{_RAG})\s+Latest:\s?(?P<value>[\d.,]+\s?%?)[^\n]*?(?:\n[^\n]*?){{0,2}}?Previous:?\s?[\d.,]+\s?%?\s?\((?:Green|Amber|Red)\)",
)
_CODED = re.compile(
    rf"^[^\S\n]*(?:[{_GLYPH}][^\S\n]*)?(?P<code>[A-Z]{{1,2}}\d{{1,3}}(?:/[A-Z]{{1,2}}\d{{1,3}})?)\s*[-–—]\s*(?P<rest>[^\n]+)", re.MULTILINE
)
_CODED_VALUE = re.compile(r"(?P<period>(?:Quarter|Q)\s?\d[\w ]*?)\s*=\s*(?P<value>[\d.,/]+\s?%?)")
_HEADER = re.compile(rf"^(?P<label>[A-Za-z][\w ]*?)((?:\s+{_MONTHS}-\d{{2}}){{3,}})\s*$", re.MULTILINE)
_ROW_NUM = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?%?"
_PERIOD = re.compile(
    r"(?:(?:at|on|as of|as at|by|in|for|to|from|since)\s+(?:the\s+)?)?"
    r"(?:(?:end of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?" + _MONTHS + r"\s+\d{4}(?:\s+to\s+(?:\d{1,2}\s+)?" + _MONTHS + r"\s+\d{4})?"
    r"|(?:the\s+)?12 months to " + _MONTHS + r" \d{4}|(?:the\s+)?(?:last|past) (?:12|twelve) months(?: \([^)]*\))?|"
    r"the (?:previous )?quarter|quarter \d(?: average)?|within the last year|(?:last|this) (?:month|year)|each month|currently|now)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Figure:
    start: int
    end: int
    text: str
    role: str  # value | comparator | change | attached


def _figures(sentence: str, context: str) -> list[_Figure]:
    """Numbers in a sentence with the role each plays."""
    found: list[_Figure] = []
    for m in _FIGURE.finditer(sentence):
        found.append(_classify(sentence, m.start(), m.end(), m.group(0), m.group("num"), bool(m.group("rng")), bool(m.group("pct"))))
    for m in _WORD_FIGURE.finditer(sentence):
        after = sentence[m.end():]
        at_start = not sentence[:m.start()].strip(" ,;:(") or sentence[:m.start()].rstrip().lower().endswith(("whom", "and", "but", "with"))
        if m.group(0).lower() == "one" and not re.search(r"\b(?:whom|is|was|were|only|just)\s*$", sentence[:m.start()], re.I):
            continue  # "one" is mostly not a count: "one of", "at any one time", "one worker said"
        if _COUNTED.match(after) and (at_start or not re.match(r"^\s*(?:were|live|lives|are|was|is|have|had)\b", after, re.I)):
            if _DURATION_AFTER.match(after) or re.match(r"^\s*(?:of|or|to|and|in)\b", after, re.I):
                continue
            found.append(_classify(sentence, m.start(), m.end(), m.group(0), m.group(0), False, False))
    found = [f for f in found if f.role != "skip"]
    found.sort(key=lambda f: f.start)
    return found


_NOT_COUNTED_AFTER = re.compile(
    r"^\s?(?:[\w-]+\s+)?(?:strengths|areas|recommendations|measures|priorities|points|"
    r"questions|items|themes|objectives|actions|outcomes|indicators|pillars|workstreams|members|councillors|seats|votes|"
    r"electoral|divisions|wards|district|districts|councils|authorities|agencies|organisations|partners|pathways|routes|"
    r"options|types|stages|steps|phases|levels|categories|groups|sections|parts|elements|asks|of the (?:past|last|next))\b",
    re.IGNORECASE,
)
_COMPARATOR_AFTER = re.compile(r"^\s?(?:%\s?)?(?:target|floor|england|national|average)\b", re.IGNORECASE)


def _classify(sentence: str, start: int, end: int, text: str, num: str, is_range: bool, pct: bool) -> _Figure:
    before = sentence[max(0, start - 60):start]
    after = sentence[end:end + 30]
    role = "value"
    bare = num.replace(",", "").split(".")[0]
    slash = bool(re.search(r"\d/[1-9]\d{0,3}%?$", text.strip()))
    if ("/" in text and not slash) or text.strip() == "24/7":
        return _Figure(start, end, text.strip(), "skip")  # a reference number such as 24/00109
    if re.fullmatch(r"(?:19|20)\d\d", num) and not pct:
        role = "skip"  # a year
    elif re.match(rf"^\s?(?:st|nd|rd|th)?\s+{_MONTHS}\b", after) or re.search(rf"{_MONTHS}\s*$", before):
        role = "skip"  # a day of a month
    elif _NOT_A_FIGURE_BEFORE.search(before) or _UNIT_AFTER.match(after) or before.endswith(("£", "£ ")):
        role = "skip"
    elif re.match(r"^\s?(?:st|nd|rd|th)\b", after) or _NOT_COUNTED_AFTER.match(after):
        role = "skip"
    elif re.search(r"\b(?:per|out of)\s*$", before) or re.search(r"\w\($", before) or after.startswith("("):
        role = "skip"  # a denominator, or a reference such as "regulation 32(4)"
    elif (re.match(r"^\s?to\s\d+\b", after) or re.search(r"\b\d{1,2},\s*$", before) or re.match(r"^,\s*\d{1,2},", after)
          or re.match(r"^\s?-?\s?(?:or|and|to)\s\d+-year", after)):
        role = "skip"  # limits ("6 to 8"), bare lists of small numbers ("14, 15, 16, 17"), ages ("16- or 17-year-old")
    elif "." in num and re.search(r"\b(?:in|see|at|under)\s*$", before, re.I) and not pct and not re.match(r"^\s?per\b", after):
        role = "skip"  # a numbered paragraph: "As outlined in 10.1"
    elif re.match(r"^\s+of\s+\d+\b", after) and not pct:
        role = "skip"  # "12 of 18": a page count
    elif re.match(r"^\s?(?:-|–|to)\s?\d+\s+(?:years?|months?|weeks?|days?)\b", after):
        role = "skip"
    elif re.search(r"(?:age of|aged|ages of|ages|(?:aged|ages|age) \d+ (?:and|or|to))\s*$", before, re.I) or re.match(r"^\s?(?:years?[- ]old|-year-old)", after):
        role = "skip"
    elif after.startswith("+") or (re.search(r"\bat\s*$", before, re.I) and not pct and "." not in num and int(bare) <= 25
                                   and not _COUNTED.match(after)):
        role = "skip"  # an age: "18+ services", "at 16, young people gain legal rights"
    elif (not sentence[:start].strip() or re.search(r"\b[A-Z]{3,}\s*$", before)) and re.match(r"^\s+[A-Z][a-z]", after) \
            and not _COUNTED.match(after):
        role = "skip"  # a footnote or section number opening the sentence or following a heading
    elif (re.search(r"[a-z]\s+[A-Z][a-z]+\s*$", before) and not pct and "." not in num and int(bare) < 100
          and not _COUNTED.match(after)):
        role = "skip"  # part of a name or label: "an Ever 6", "Outcome 22"
    elif is_range and re.match(r"^\s*(?:for|years?|year-olds?|age|[,.;)]|$)", after):
        role = "skip"  # an age band: "transitions between 18-25 for those ..."
    elif num.startswith("0") and len(num) > 1 and "." not in num:
        role = "skip"  # a telephone or reference number
    elif re.match(rf"^\s?(?:-|–|to)\s?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\b", after):
        role = "skip"  # "20 to 31 January"
    elif re.match(r"^\s?(?:(?:to|and|-|–)\s?\d+\s+)?(?:years?|months?|weeks?)(?:\s+of age|\s+old)\b", after):
        role = "skip"  # an age: "12 months old", "0 to 2 years of age"
    elif _DURATION_AFTER.match(after) and not re.search(r"\b(?:is|was|were|of)\s*$", before):
        role = "skip"
    elif is_range and not slash and not re.search(r"between\s*$", before, re.I) and "between" not in text.lower():
        role = "skip"  # an age band or a code such as 18-25
    elif _AGE_BEFORE.search(before) and re.match(r"^\s?(?:years?|-year|year-old)", after):
        role = "skip"
    elif re.search(r"\bof the\s*$", before, re.I) and re.match(r"^\s+[a-z]", after):
        role = "skip"  # "Of the 2,016 care leavers": the total already stated
    elif re.search(r"\(\s*(?:or\s*)?$", before):
        # a figure in brackets: an earlier period's figure, or a second measure of the figure before it
        inside = before[:before.rfind("(")]
        if re.search(r"(?:quarter|year|month|week|previous|last|target|floor|england|national)[^.;]{0,40}$", inside, re.I):
            role = "comparator"
        else:
            role = "attached"
    elif re.search(r"(?:a rate of|rate of)\s*$", before, re.I):
        role = "attached"
    elif re.search(r"(?:compared (?:to|with)|than|against(?: a target of)?)\s*$", before, re.I) or _COMPARATOR_AFTER.match(after):
        role = "comparator"
    elif _CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(after):
        role = "change"
    elif _COMPARATOR_BEFORE.search(before) and not re.search(r"\b(?:to|was|were|is|at)\s*$", before, re.I):
        role = "comparator"
    return _Figure(start, end, text.strip(), role)


def _period(sentence: str, lead: str) -> str | None:
    m = _PERIOD.search(sentence)
    if m is None and lead:
        m = _PERIOD.search(lead)
    if m is None:
        return None
    found = m.group(0)
    return re.sub(r"^(?:at|on|as of|as at|by|in|for|to|from|since)\s+(?:the\s+)?", "", found, flags=re.I) or found


def _indicator_name(sentence: str, figure: _Figure) -> str:
    """A short description of the quantity: "the percentage of X" before the figure, else the words after it."""
    head = sentence[:figure.start]
    m = re.search(r"(?:the|The)\s+((?:number|percentage|rate|proportion|average|timeliness|capacity)[^,.;]{0,90}?)\s+"
                  r"(?:was|is|were|has|had|remained|decreased|increased|at)\b", head)
    if m:
        return m.group(1).strip()
    tail = re.sub(r"^[\s%)\]–-]+", "", sentence[figure.end:])
    tail = re.split(r"[,;(.:]|\s[–-]\s", tail)[0]
    words = tail.split()[:14]
    if len(words) >= 2:
        return " ".join(words)
    return collapse(re.split(r"[,;:]", head)[-1])[-80:].strip() or collapse(sentence)[:80]


def _narrative(sentence: str, context: str) -> list[tuple[str, str]]:
    """(value, indicator) pairs for a sentence: one per measured figure, attached figures joined with '; '."""
    if _EXCLUDED_CONTEXT.search(context) or len(re.findall(r"[a-z]\s+\d{1,3}\s+[A-Z]", sentence)) >= 2:
        return []  # excluded subjects, or a table of contents ("Executive summary 2 Recommendations 7 ...")
    figures = _figures(sentence, context)
    if len(figures) >= 4 and len(re.findall(r"[A-Za-z]{2,}", sentence)) < 2 * len(figures):
        return []  # a table flattened into text, which a sentence reading cannot attribute
    records: list[list[_Figure]] = []
    changes: list[_Figure] = []
    comparators: list[_Figure] = []
    previous: _Figure | None = None
    for f in figures:
        if f.role == "value":
            records.append([f])
        elif f.role == "attached":
            if records:
                records[-1].append(f)
            elif previous is not None and previous.role == "comparator":
                comparators.append(f)
            else:
                records.append([f])
        elif f.role == "change":
            changes.append(f)
        elif f.role == "comparator":
            comparators.append(f)
        previous = f
    if not records and changes:
        records = [changes]
    elif not records and comparators and re.match(r"^\s*This is an? (?:increase|reduction|decrease)\s+from\b", sentence, re.I):
        records = [comparators]
    out = []
    for group in records:
        value = "; ".join(_with_unit(sentence, f) for f in group)
        out.append((value, _indicator_name(sentence, group[0])))
    return out


def _with_unit(sentence: str, f: _Figure) -> str:
    after = sentence[f.end:f.end + 40]
    if f.role == "change":
        m = re.match(r"^\s?(increase|decrease|reduction|rise|fall|fewer|more|higher|lower)\b", after, re.I)
        return f"{f.text} {m.group(1)}" if m else f.text
    m = re.match(r"^\s?(per 10,000|per 100,000|per 1,000|weeks|children|families)\b", after)
    return f"{f.text} {m.group(1)}" if m else f.text


# --- the three structured forms ----------------------------------------------------------------
def _kpi_boxes(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, latest value) of each KPI box on a page."""
    last_end = 0
    for m in _KPI_BOX.finditer(text):
        head = text[last_end:m.start()]
        blocks = re.split(r"\n[ \t]*\n", head)
        name_block = blocks[-1] if blocks[-1].strip() else (blocks[-2] if len(blocks) > 1 else "")
        name_start = last_end + head.rfind(name_block) if name_block else m.start()
        name = collapse(name_block)
        name_start += len(name_block) - len(name_block.lstrip())
        yield name_start, m.end(), name, collapse(m.group("value"))
        last_end = m.end()


def _coded_lines(text: str) -> Iterator[tuple[int, int, str, str | None, str | None, str]]:
    """(start, end, code, period, value, name) of each coded KPI line such as ``A1 - ... (Quarter 2 = 27%)``."""
    for m in _CODED.finditer(text):
        rest = m.group("rest")
        if not re.search(r"(?:percentage|number|rate|timeliness|children|referrals|assessments|plans?|contacts|seen)", rest, re.I):
            continue
        start = m.start("code")
        v = _CODED_VALUE.search(rest)
        if v:
            end = m.start("rest") + v.end()
            close = text.find(")", end)
            if close != -1 and close - end <= 2:
                end = close + 1
            name = collapse(re.split(r"\s[-–—(]\s?\(?(?:Quarter|Q)\s?\d", rest)[0])
            yield start, end, m.group("code"), collapse(v.group("period")), collapse(v.group("value")), name.strip(" –-(")
        else:
            sentence_end = re.search(r"[.!?](?:\s|$)", rest)
            end = m.start("rest") + (sentence_end.end() if sentence_end else len(rest))
            end = _extend_sentence(text, end)
            name = collapse(re.split(r"\s[-–—]\s", rest)[0])
            yield start, end, m.group("code"), None, None, name


def _extend_sentence(text: str, end: int) -> int:
    m = re.compile(r"[.!?](?=\s|$)").search(text, end)
    return m.end() if m else end


def _table_rows(text: str) -> Iterator[tuple[int, int, str, str, str]]:
    """(start, end, label, latest column, value) for rows under a header of month columns."""
    for h in _HEADER.finditer(text):
        columns = re.findall(_MONTHS + r"-\d{2}", h.group(2))
        pos = h.end() + 1
        for line in text[pos:].splitlines(keepends=True):
            row = re.match(rf"^(?P<label>[A-Za-z][A-Za-z\- ]*?|\d+ to \d+)\s+((?:(?:{_ROW_NUM})\s+){{{len(columns) - 1}}}(?:{_ROW_NUM}))\s*$", line)
            if row:
                values = row.group(2).split()
                yield pos, pos + len(line.rstrip()), collapse(row.group("label")), columns[-1], values[-1]
            elif line.strip() and not re.match(r"^[A-Za-z ]+\s*$", line):
                break
            pos += len(line)


_EARLIER = re.compile(r"^\s*(?:This|That|It|Which) (?:is|was|represents) an? (?:increase|reduction|decrease|rise|fall) (?:from|on)\b", re.I)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def page_indicators(text: str) -> Iterator[tuple[int, int, str, str | None, str | None, str | None]]:
    """(start, end, indicator, code, period, value) for every statement on one page."""
    taken: list[tuple[int, int]] = []
    for s, e, name, latest in _kpi_boxes(text):
        taken.append((s, e))
        yield s, e, name, None, "Latest", latest
    for s, e, code, period, value, name in _coded_lines(text):
        if not _inside(taken, s, e):
            taken.append((s, e))
            yield s, e, name, code, period, value
    for s, e, label, column, value in _table_rows(text):
        if not _inside(taken, s, e):
            taken.append((s, e))
            yield s, e, label, None, column, value
    last_name = ""
    for st in statements(text):
        if _inside(taken, st.start, st.end) or len(st.text) > 600 or len(re.findall(r"[A-Za-z]{2,}", st.text)) < 3:
            continue
        for value, name in _narrative(st.text, f"{st.lead} {st.text}"):
            if last_name and _EARLIER.match(st.text):
                name = last_name  # "This is an increase from 510 at 31 March 2017": the quantity just named
            last_name = name
            yield st.start, st.end, name, None, _period(st.text, st.lead), value


def extract_indicators(document: Document) -> list[Indicator]:
    """Every indicator statement in a paper, page by page, in reading order."""
    out: list[Indicator] = []
    texts = furniture([p.text for p in document.pages])
    for page, text in zip(document.pages, texts, strict=True):
        for start, end, name, code, period, value in page_indicators(text):
            out.append(Indicator(
                indicator=name, code=code, period=period, value=value, doc=document.path, page=page.number,
                date=document.date, quote=collapse(text[start:end]), start=start, end=end, doc_id=document.doc_id,
            ))
    return out
