"""Cut a page into passages that follow its structure.

Lines are grouped into blocks (headings, bullets, numbered paragraphs, indicator lines,
plain paragraphs); blocks are packed into chunks that never split a block, keep a lead-in
sentence with the list it introduces, and start afresh at a heading. Every chunk is a
contiguous slice of its page: ``page.text[chunk.start:chunk.end] == chunk.text``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace

from core.models import Chunk, Page
from ingest.sentences import NAMES_LINE

TARGET_CHARS = 700
MAX_CHARS = 1000
MIN_CHARS = 300  # a smaller chunk is joined to the next one on its page when they fit in TARGET_CHARS

BULLET_RE = re.compile(r"^\s*(?:[•·▪●◦‣∙\u2022\uf0b7\uf0a7o*]|-(?=\s)|–(?=\s))\s*")
NUMBERED_RE = re.compile(r"^\s*(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]\s+|\(?\d{1,3}(?:\.\d{1,3})+\s+|\([a-z]{1,4}\)\s+|[a-z]\)\s+)")
INDICATOR_RE = re.compile(
    r"^\s*(?:[•·▪●\u2022\uf0b7]\s*)?[A-Z]{1,4}\d{1,3}[a-z]?(?:\s*/\s*[A-Z]{0,4}\d{1,3})?\s*[-–—:]\s*\S"
)
SPEAKER_RE = re.compile(r"^\s*([A-Z][\w.'’ -]{1,40}):\s+\S")  # a transcript's turn: "Kirsty Williams AM: ..."
# a table's row of periods heading its columns: "2013/14 2014/15 2015/16", "Actuals 2021 2022 2023"
PERIODS_ROW = re.compile(r"^[ \t]*(?:[A-Za-z]+[ \t]+){0,4}(?:(?:19|20)\d\d(?:[ \t]*[/-][ \t]*\d{2,4})?[ \t]+){2,}"
                         r"(?:19|20)\d\d(?:[ \t]*[/-][ \t]*\d{2,4})?[ \t]*$", re.M)
# a line stating the unit of a table's figures: "(Rs. in lakhs)", "£'000", "$ in millions", "Dollars in Thousands"
UNIT_LINE = re.compile(r"^[ \t]*\(?[ \t]*(?:(?:Rs\.?|₹|£|\$|€|INR|USD|GBP|EUR)[ \t]*(?:in[ \t]+)?(?:lakhs?|crores?|thousands?|millions?|"
                       r"billions?|'?000s?|m|bn|k)|(?:Dollars|Pounds|Euros|Rupees)[ \t]+in[ \t]+(?:thousands|millions|billions|lakhs|crores))"
                       r"[ \t]*\)?[ \t]*$", re.M | re.I)
SENTENCE_END = re.compile(r"[.!?:;,)\]”\"]\s*$")
# a table's row giving a value, which heads nothing: "Area Accessory Development Permit | $65.00", "Partition | $0 | $500";
# a row of column names ("PERMIT/APPLICATION TYPE | FEE", "Service | 2023/24 | 2024/25") may head the rows under it
_VALUE_ROW = re.compile(r"[£$€]\s?\d|\|\s*(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?%?\s*(?:\||$)")


@dataclass
class Block:
    """A run of lines that belong together, as a slice of the page text."""

    start: int
    end: int
    kind: str  # heading | bullet | numbered | indicator | speaker | text
    level: int = 1

    def text(self, page: str) -> str:
        return page[self.start:self.end]


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end excluding the newline."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _heading_level(line: str) -> int | None:
    """The level of a heading line, or None when the line does not look like a heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > 90 or len(stripped) < 3:
        return None
    if SENTENCE_END.search(stripped) and not stripped.endswith(":"):
        return None
    if stripped.endswith(":") and len(stripped.split()) > 6:
        return None
    if not (stripped[0].isupper() or stripped[0].isdigit()) or NAMES_LINE.match(stripped) or _VALUE_ROW.search(stripped):
        return None
    words = stripped.split()
    if len(words) > 12 or sum(ch.isdigit() for ch in stripped) > len(stripped) / 3:
        return None
    m = re.match(r"^(\d{1,2})((?:\.\d{1,2})*)\.?\s+[A-Z]", stripped)
    if m:
        return 1 + m.group(2).count(".")
    letters = [ch for ch in stripped if ch.isalpha()]
    if letters and sum(ch.isupper() for ch in letters) / len(letters) > 0.8 and len(letters) > 3:
        return 1
    capitalised = sum(1 for w in words if w[0].isupper() or not w[0].isalpha())
    if capitalised / len(words) >= 0.6 or len(words) <= 4:
        return 2
    return None


def blocks_of(text: str) -> list[Block]:
    """Group a page's lines into structural blocks."""
    blocks: list[Block] = []
    current: Block | None = None
    prev_line = ""
    prev_blank = True
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            if current is not None:
                blocks.append(current)
                current = None
            prev_blank = True
            continue
        # Trim the span to the visible characters of the line.
        lstrip = len(line) - len(line.lstrip())
        rstrip = len(line.rstrip())
        s, e = start + lstrip, start + rstrip
        kind = None
        if INDICATOR_RE.match(line):
            kind = "indicator"
        elif BULLET_RE.match(line) and len(line.strip()) > 1:
            kind = "bullet"
        elif NUMBERED_RE.match(line):
            kind = "numbered"
        elif SPEAKER_RE.match(line) and prev_blank is False and SENTENCE_END.search(prev_line or "."):
            kind = "speaker"
        level = None
        continuation = current is not None and not SENTENCE_END.search(prev_line) and line.lstrip()[:1].islower()
        # a line after one ending in a comma goes on with it ("For (12)\nMr Baldock, ..., Ms Grehan,\nMr Hood, ...")
        ended = SENTENCE_END.search(prev_line) and not prev_line.rstrip().endswith(",")
        if kind is None and not continuation and (prev_blank or ended or current is None or current.kind == "heading"):
            level = _heading_level(line)
            if level is not None:
                kind = "heading"
        if kind == "numbered" and _heading_level(line) is not None and len(line.strip()) < 70:
            kind, level = "heading", _heading_level(line) or 1
        starts_new = kind is not None or current is None or (current.kind == "heading")
        if current is not None and current.kind == "heading" and kind == "heading":
            # A heading wrapped over two lines stays one heading.
            if not SENTENCE_END.search(prev_line) and len(text[current.start:e]) < 120 and level == current.level:
                current.end = e
                prev_line, prev_blank = line, False
                continue
        if starts_new:
            if current is not None:
                blocks.append(current)
            current = Block(s, e, kind or "text", level or 1)
        else:
            assert current is not None
            current.end = e
        prev_line, prev_blank = line, False
    if current is not None:
        blocks.append(current)
    return blocks


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long block at sentence ends (or spaces) into slices of at most MAX_CHARS."""
    pieces = []
    s = start
    while end - s > MAX_CHARS:
        window = text[s:s + MAX_CHARS]
        cut = max((m.end() for m in re.finditer(r"[.!?;](?=\s)", window[: MAX_CHARS])), default=-1)
        if cut < MAX_CHARS // 3:
            cut = window.rfind("\n")  # a table's block is cut between rows, not inside one
        if cut < MAX_CHARS // 3:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = MAX_CHARS
        piece_end = s + cut
        kept = piece_end
        while kept > s and text[kept - 1].isspace():  # a line cut at its end keeps no trailing spaces
            kept -= 1
        pieces.append((s, kept))
        s = piece_end
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        pieces.append((s, end))
    return pieces


def chunk_id_for(doc_id: str, page: int | None, start: int, end: int, text: str) -> str:
    """A deterministic chunk id: the paper's id plus a hash of where the chunk sits and what it says."""
    digest = hashlib.sha256(f"{page}:{start}:{end}:{text}".encode()).hexdigest()[:12]
    return f"{doc_id}-{digest}"


def _furniture_key(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "", line)).strip().lower()


def page_furniture(pages: tuple[Page, ...]) -> frozenset[str]:
    """Running headers and footers: lines (numbers ignored) that open or close many pages of a paper, and are seldom
    found inside a page. A line minutes repeat wherever a vote falls ("Motion Passed (12 to 2)", "Yeas: Nays:") opens
    or closes many pages too, but is found inside more of them: it is the body's."""
    if len(pages) < 3:
        return frozenset()
    counts: dict[str, int] = {}
    inside: dict[str, int] = {}
    for page in pages:
        lines = [ln for ln in page.text.split("\n") if ln.strip()]
        if len(lines) < 6:
            continue  # a short page is all body: its lines are not headers or footers
        for key in {_furniture_key(ln) for ln in lines[:3] + lines[-3:]}:
            counts[key] = counts.get(key, 0) + 1
        for key in {_furniture_key(ln) for ln in lines[3:-3]}:
            inside[key] = inside.get(key, 0) + 1
    threshold = max(3, len(pages) // 3)
    return frozenset(k for k, n in counts.items() if n >= threshold and len(k) > 2 and inside.get(k, 0) * 2 < n)


def _without_furniture(block: Block, text: str, furniture: frozenset[str]) -> Block | None:
    """The block with running-header and footer lines cut from its ends; None when nothing else is left.

    A header often runs straight into the first line of the body ("Inspection of ... 8" then the rest of
    a sentence begun on the page before), so it is cut off the block rather than the block dropped.
    """
    if not furniture:
        return block
    lines = [(block.start + s, block.start + e) for s, e in _lines(block.text(text))]
    keep = [(s, e) for s, e in lines if text[s:e].strip()]
    while keep and _furniture_key(text[keep[0][0]:keep[0][1]]) in furniture:
        keep.pop(0)
    while keep and _furniture_key(text[keep[-1][0]:keep[-1][1]]) in furniture:
        keep.pop()
    if not keep:
        return None
    start, end = keep[0][0], keep[-1][1]
    start += len(text[start:end]) - len(text[start:end].lstrip())
    end = start + len(text[start:end].rstrip())
    return Block(start, end, block.kind, block.level)


_TURN = re.compile(SPEAKER_RE.pattern, re.MULTILINE)  # every turn of a transcript
_ROLE_TITLE = re.compile(r"(?:Her|His) Majesty|(?:[A-Z][a-z]+ ){0,2}(?:Secretary|Minister|Inspector|Officer|Director|Prosecutor|Commissioner)\b")


def speaker_roles(text: str) -> dict[str, str]:
    """The roles a transcript gives its speakers where it introduces them: "I'm very pleased to welcome Dr Frank
    Atherton, the Chief Medical Officer for Wales, and ..." gives {"Dr Frank Atherton": "the Chief Medical Officer for Wales"}.

    A role starts in lower case ("the ...", "who is ...", "deputy director") or is a title ("Her Majesty's Chief
    Inspector", "Cabinet Secretary for ..."); a speaker labelled "Kirsty Williams AM" may be introduced without "AM".
    """
    roles = {}
    for name in {n.strip() for n in _TURN.findall(text)}:
        for called in dict.fromkeys((name, re.sub(r"\s+(?:AM|MS|MP)$", "", name))):
            m = re.search(rf"{re.escape(called)},\s+([^;:.]{{4,100}}?)(?=;|\.(?:\s|$)|,\s+and\s|\s+and\s+[A-Z]|\?)", text)
            if m and (m.group(1)[:1].islower() or _ROLE_TITLE.match(m.group(1))):
                roles[name] = m.group(1).removeprefix("who is ").strip()
                break
    return roles


def chunk_page(
    doc_id: str, page: Page, trail: list[tuple[int, str]], seq_start: int, furniture: frozenset[str] = frozenset(),
    roles: dict[str, str] | None = None,
) -> list[Chunk]:
    """Chunks of one page; ``trail`` is the heading trail carried in from earlier pages and updated here.

    Running headers and footers (``furniture``) are left out of every chunk.
    """
    text = page.text
    # the lines giving the unit of the page's figures, found once: each piece carries the last one before it
    unit_lines = [(m.end(), m.group(0)) for m in UNIT_LINE.finditer(text)]
    chunks: list[Chunk] = []
    group: list[Block] = []

    def flush() -> None:
        if not group:
            return
        start, end = group[0].start, group[-1].end
        heading = " > ".join(h for _, h in trail)
        kinds = {b.kind for b in group}
        block = "indicator" if "indicator" in kinds else "list" if "bullet" in kinds else "text"
        # Speakers in a transcript: a piece gains the role the transcript gives each speaker whose turn opens in it
        # ("the Chief Medical Officer for Wales"), and a piece inside a long turn gains its speaker's name as well
        # ("Kirsty Williams AM, Cabinet Secretary for Education")
        turns = [(b.start, m.group(1).strip()) for b in group if (m := SPEAKER_RE.match(text[b.start:b.end]))]
        known = roles or {}
        for s, e in _split_long(text, start, end):
            piece = text[s:e]
            if not piece.strip():
                continue
            # a table cut into pieces: each later piece carries the row of periods heading its columns
            # ("2013/14 2014/15 2015/16 2016/17 2017/18 2019/20"), so a row of figures says which years it gives
            columns = [m.group(0) for m in PERIODS_ROW.finditer(text, start, s)]
            # and a piece after the line giving the unit of the page's figures ("(Rs. in lakhs)") carries that line, so
            # its rows are read in that unit
            line_start = text.rfind("\n", 0, s) + 1  # a piece may start inside a line: its start reads only up to it
            opening = UNIT_LINE.search(text, line_start, s) if line_start < s else None
            units = [u for end, u in unit_lines if end < line_start] + ([opening.group(0)] if opening else [])
            carried = (units[-1] if units else "", columns[-1] if columns else "")
            piece_heading = " > ".join(h for h in (heading, *(re.sub(r"\s+", " ", x).strip()[:100] for x in carried)) if h)
            seq = seq_start + len(chunks)
            said = [known.get(name, "") for at, name in turns if s <= at < e]
            within = [name for at, name in turns if at < s]
            if within and not SPEAKER_RE.match(piece):
                said.insert(0, ", ".join(x for x in (within[-1], known.get(within[-1], "")) if x))
            said_by = "; ".join(dict.fromkeys(x for x in said if x))
            chunks.append(Chunk(chunk_id_for(doc_id, page.number, s, e, piece), doc_id, seq, page.number, s, e, piece,
                                " > ".join(h for h in (piece_heading, said_by) if h), block))
        group.clear()

    for whole in blocks_of(text):
        block = _without_furniture(whole, text, furniture)
        if block is None:
            flush()
            continue
        btext = block.text(text)
        size = (group[-1].end - group[0].start) if group else 0
        if block.kind == "heading":
            only_headings = all(b.kind == "heading" for b in group)
            if not only_headings:
                flush()
            del trail[block.level - 1:]
            trail.append((block.level, re.sub(r"\s+", " ", btext).strip()[:100]))
            trail[:] = trail[-3:]
            group.append(block)
            continue
        lead_in = bool(group) and group[-1].text(text).rstrip().endswith(":")
        in_list = bool(group) and block.kind in ("bullet", "numbered") and any(
            b.text(text).rstrip().endswith(":") for b in group
        )
        new_size = block.end - group[0].start if group else len(btext)
        if group and new_size > TARGET_CHARS and not (lead_in or (in_list and new_size <= MAX_CHARS)):
            if not all(b.kind == "heading" for b in group):
                flush()
        group.append(block)
        del size
    flush()
    return _merge_small(doc_id, text, chunks, seq_start)


def _visible(text: str) -> int:
    """Length without runs of white space (a front page is mostly blank lines)."""
    return len(" ".join(text.split()))


def _merge_small(doc_id: str, text: str, chunks: list[Chunk], seq_start: int) -> list[Chunk]:
    """Chunks too small to stand alone (a front page's "Authors" line, a table's column heads) joined to the next.

    Two chunks are joined only when nothing but white space lies between them on the page, so a running
    header or footer that was left out stays out.
    """
    out: list[Chunk] = []
    for c in chunks:
        prev = out[-1] if out else None
        if (prev is not None and _visible(prev.text) < MIN_CHARS and _visible(text[prev.start:c.end]) <= TARGET_CHARS
                and not text[prev.end:c.start].strip()):
            block = next((b for b in ("indicator", "list") if b in (prev.block, c.block)), "text")
            piece = text[prev.start:c.end]
            out[-1] = Chunk(chunk_id_for(doc_id, c.page, prev.start, c.end, piece), doc_id, prev.seq, c.page,
                            prev.start, c.end, piece, prev.heading, block)
        else:
            out.append(c)
    return [Chunk(c.chunk_id, c.doc_id, seq_start + i, c.page, c.start, c.end, c.text, c.heading, c.block)
            for i, c in enumerate(out)]


# a recorded vote on a paragraph before it: "the Chairman put to the vote the amendment set out in paragraph 7 above"
_VOTE_ON = re.compile(r"\bput\s+(?:to\s+the\s+vote\s+)?the\s+(?:substantive\s+)?(?:motion|amendment)\s+(?:as\s+)?set\s+out\s+in\s+"
                      r"paragraph\s+(\d{1,3})\b")


def _voted_on(chunk: Chunk, earlier: list[str], page: str) -> str:
    """The paragraph a vote in ``chunk`` is on (its first 300 characters), from the paper's text before the vote
    (the ``earlier`` pages' and this ``page``'s), so the vote's passage says what was voted on: "(7) Mr Brady
    proposed ... the following amendment: “To amend the budget ... in line with the Labour Group’s Alternative
    Budget ..."". Only a chunk holding a vote reads that text."""
    m = _VOTE_ON.search(chunk.text)
    if m is None:
        return ""
    # the paper's text before the vote: earlier pages, this page up to the chunk, the chunk up to the vote
    before = "\n".join(["", *earlier, page[:chunk.start]]) + chunk.text[:m.start()]
    opened = [p.end() for p in re.finditer(rf"(?:^|\n)\s*\(?{m.group(1)}\)\s", before)]
    if not opened:
        return ""
    paragraph = before[opened[-1]:]
    ends = re.search(r"\n\s*\(?\d{1,3}\)\s", paragraph)  # up to the next numbered paragraph (the vote's own)
    return " ".join(paragraph[:ends.start() if ends else len(paragraph)][:600].split())[:300].rstrip()


def chunk_document(doc_id: str, pages: tuple[Page, ...]) -> list[Chunk]:
    """All chunks of a paper in reading order, numbered by ``seq``.

    A recorded vote's passage carries the motion or amendment it is on in its heading.
    """
    chunks: list[Chunk] = []
    trail: list[tuple[int, str]] = []
    furniture = page_furniture(pages)
    roles = speaker_roles("\n".join(page.text for page in pages))
    earlier: list[str] = []
    for page in pages:
        for c in chunk_page(doc_id, page, trail, len(chunks), furniture, roles):
            voted_on = _voted_on(c, earlier, page.text)
            chunks.append(replace(c, heading=" > ".join(h for h in (c.heading, voted_on) if h)) if voted_on else c)
        earlier.append(page.text)
    return chunks
