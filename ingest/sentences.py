"""Sentence spans inside a passage, so a quote is always an exact slice of its text."""

from __future__ import annotations

import re

_ABBREVIATIONS = ("mr", "mrs", "ms", "dr", "cllr", "cr", "ald", "st", "no", "nos", "e.g", "i.e", "etc", "vs", "cf", "approx", "para", "paras", "fig", "ref", "inc", "ltd", "co", "rev", "prof", "sr", "jr", "a.m", "p.m", "hon")
# a numbered paragraph's number: "1.02", "4.5", "2.4.5"
_SUB_NUMBER = r"\d{1,2}(?:\.\d{1,2}){1,2}"
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9•·▪●\uf020-\uf0ff])|\n\s*\n|\n(?=\s*(?:[•·▪●\uf020-\uf0ff*-]|[A-Z]{1,4}\d{1,3}\s*[-–—:]|\(?\d{1,3}[.)]\s|(?P<sub>" + _SUB_NUMBER + r"\s+(?:[A-Z][a-z]|\([A-Z]))))")
# list markers, including the private-use symbols of Word's bullet fonts (\uf0b7, \uf06e, ...)
_MARKER = re.compile(r"^[\s•·▪●\uf020-\uf0ff*–-]+")


# a person's title in minutes: "Mr B J Sweetland", "Cr G Barratt" (as Australian and New Zealand minutes write a
# councillor), "Deputy Mayor D Bassett", "Councilmember Ruiz"
TITLES = (r"(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Cr|Sir|Dame|(?:Deputy |Lord )?Mayor|Alderman|Ald|Prof|Professor|Rev"
          r"|Council(?:member|man|woman))")
# a run of three or more names, as minutes record who voted ("Mr Baker, Mrs Bell, Mr Bond and Mr Booth")
NAME_RUN = re.compile(rf"(?:\b{TITLES}\.?\s(?:[A-Z][\w'’.-]*,?\s?){{1,3}}(?:and\s)?){{3,}}")


def without_names(text: str, heading: str = "") -> str:
    """What is embedded for a passage or sentence: without the names of those voting, and for a recorded vote
    after what was voted on when its passage's ``heading`` is given (its end: "Mr Meade proposed ... the motion
    that ...")."""
    if not heading or not TALLY.search(text):
        return NAME_RUN.sub(" ", text)
    return heading.rsplit(" > ", 1)[-1] + "\n" + NAME_RUN.sub(" ", text)


# a line of names, as minutes list those present or voting: "Mr Shonk", "Mr B Lewis, Mr D Ross", "Present: Councillor G.
# Sullivan Chair"
NAMES_LINE = re.compile(rf"^\s*(?:[A-Z][A-Za-z]*(?: [A-Za-z]+){{0,2}}:\s*)?{TITLES}\.? [A-Z][\w'’.-]*(?:,? (?:{TITLES}\.? )?[A-Z][\w'’.-]*)*,?\s*$")


_LABELLED_VALUES = re.compile(r"\s*[A-Z][A-Za-z]{2,15}:\s*[-+£$]?\d")
_SHORT_VALUE = re.compile(r"[A-Za-z][A-Za-z ]{0,20}[:(]?\s*[-+£$]?\d[\d,.]*%?\)?$")
# ... or a RAG status written "Green", with the trend after it: "People 43% 52.6% 50% Green Getting better"
_RAG_ROW_END = re.compile(r"\b(?:RED|AMBER|GREEN|Red|Amber|Green)(?:\s+(?:(?:Getting )?(?:[Bb]etter|[Ww]orse)|No change|Improv(?:ing|ed)|"
                          r"Worsen(?:ing|ed)|Declining|Stable|Same|Up|Down))?\s*$")
# a table row's end in a PDF's text: a run of three or more values ("Fire-related deaths 1 2 0 3 2 0 0",
# "... conducted NA 297 532 599 513 N/A N/A", "2013/14 2014/15 2015/16")
VALUE = r"(?:[-+(]?[£$€]?\d[\d,.]*(?:/\d{2,4})?%?\)?|N/?A|n/a|TBC|-|–)"  # a value in a table's cell
_VALUES_ROW_END = re.compile(rf"(?:[ \t]+{VALUE}){{3}}[ \t]*$|^[ \t]*{VALUE}(?:[ \t]+{VALUE}){{2,}}[ \t]*$", re.M)
_CELL_VALUES_END = re.compile(rf"(?:[ \t]*\|[ \t]*{VALUE}){{2,}}[ \t]*$")
_VALUES_ONLY = re.compile(rf"[ \t]*{VALUE}(?:[ \t]+{VALUE})*[ \t]*$")


def row_of_values(sentence: str) -> bool:
    """Whether a sentence is a table's row ending in a run of values: "Fire-related deaths 1 2 0 3 2 0 0", or a web or
    Word table's "3 | Advertisement charges | 0.20 | 2.50 | 3.00"."""
    return _row_end(sentence.rstrip()) or bool(_CELL_VALUES_END.search(sentence))


def _row_end(piece: str) -> bool:
    """Whether a piece of a table ends a row: a RAG status or a run of values, which may have wrapped ("... 124\nN/A")."""
    lines = piece.rsplit("\n", 2)
    last = " ".join(lines[-2:]) if len(lines) > 1 and _VALUES_ONLY.fullmatch(lines[-1]) else lines[-1]
    return bool(_RAG_ROW_END.search(piece) or _VALUES_ROW_END.search(last))


# a vote's tally: "as follows: For (52)", "Against: 3"; a line of one, as minutes record a vote
_VOTE_WORDS = r"(?:For|Against|Abstain|Abstentions?|Ayes?|Nays?|Yeas?|Noes)"
# a vote recorded by the names on each side: "Against the motion: Conmy, Fleming.", "FOR: Councillor Baker, Councillor
# Clarke and Councillor Walsh (12)"; two names at least, or one with a title
_SIDE = (r"(?:For|FOR|Against|AGAINST|Abstain(?:ed|ing)?|ABSTAIN(?:ED|ING)?|Abstentions?|ABSTENTIONS?|Ayes?|AYES?|Nays?|NAYS?|"
         r"Noes|NOES|Yeas?|YEAS?|In favou?r|IN FAVOU?R)(?:\s+(?:of\s+)?the\s+(?:motion|amendment|resolution|proposal))?\s*:\s*")
_VOTER = rf"(?:(?:{TITLES}|Councillors?|Cllrs?)\.?\s+)?(?:[A-Z]\.?\s+)*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?"
_VOTERS = rf"(?:{_VOTER}(?:\s*,\s*(?:and\s+)?{_VOTER}|\s+and\s+{_VOTER})+|(?:{TITLES}|Councillors?|Cllrs?)\.?\s+{_VOTER})"
NAMED_VOTE = re.compile(rf"(?<!\w)({_SIDE}){_VOTERS}")
TALLY = re.compile(rf"\b{_VOTE_WORDS}\s*(?:[:(]\s*|:\s*\(\s*)\d|{NAMED_VOTE.pattern},?\s*\(\s*\d+\s*\)")  # ... with its count
_TALLY_LINE = re.compile(rf"(?:^|\n|:)\s*{_VOTE_WORDS}\s*[(:]\s*\d+\)?\s*(?=\n|$)")
_SPOKEN_TALLY = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+to\s+(?:zero|nil|none)\b", re.I)
# a tally in brackets: "(2-0)", "(5–1)"
_BRACKET_TALLY = r"\(\d+\s*[-–]\s*\d+\)"
# "carried" of a motion, not of work or things ("carried out", "carried under the docks")
_CARRIED = r"carried(?!\s+(?:out|over|forward|under|through|into|across|away|off|along|back)\b)"
# how a vote went, in words: "carried unanimously", "Chair Kemp declared the motion PASSED", "13 votes in favor",
# "Vote: 5-0"
VOTE_OUTCOME = re.compile(
    rf"\b(?:{_CARRIED}|lost|defeated|fell|unanimous(?:ly)?|nem\.? con)\b|\bmotion\s+(?:was\s+)?(?:passed|failed)\b|(?-i:\bPASSED\b)"
    r"|\b\d+\s+votes?\s+(?:in\s+favou?r|for|against)\b|\bvote:?\s*\(?\d+\s*[-–]\s*\d+\b"
    # "(4-1 vote)", "approved on a 5 to 3 vote"; a spoken tally, "four to zero"
    r"|\b\d+\s*(?:[-–]|to)\s*\d+\s+vote\b|" + _SPOKEN_TALLY.pattern +
    # a tally in brackets after what was decided: "Minutes approved unanimously (2-0)", "Motion adopted (5-1)"
    r"|\b(?:approved|adopted|passed|carried|agreed|accepted|rejected|denied)\b[^.\n]{0,30}" + _BRACKET_TALLY +
    # a table of votes, its outcome a cell of its own: "ARTICLE 1 New High School: | 208 | 10 | 4 | Pass | 29-April-2019"
    r"|(?:^|\|)[ \t]*(?:pass(?:ed)?|fail(?:ed)?|carried|adopted|rejected)[ \t]*(?:\||$)", re.I | re.M)
_VOTED = re.compile(rf"\b(?:vot\w*|{_CARRIED}|passed|failed|lost|defeated|nem\.? con|(?:For|Against)\s*[:(]\s*\d)|" + _BRACKET_TALLY, re.I)


def vote_taken(sentence: str) -> bool:
    """Whether a sentence records a vote taken: a tally or an outcome in words about voting ("An electronic vote was
    taken with 13 votes in favor ...", "Motion carried", "Against the motion: Conmy, Fleming."), not "he hopes for
    unanimous consent"."""
    return bool(TALLY.search(sentence) or _SPOKEN_TALLY.search(sentence) or NAMED_VOTE.search(sentence)
                or (VOTE_OUTCOME.search(sentence) and _VOTED.search(sentence)))


# a numbered item's opening: "1.02  Teaching & Learning: Provide ...", "5.3 Set public hearing ...", "12. (SFCOE) ..."
OPENS_ITEM = re.compile(rf"(?:{_SUB_NUMBER}|\d{{1,2}}\.)\s+[(A-Z]")


# the months as papers write them short: "Oct. 18", "20 Feb 2014", "Sept. 2023"
SHORT_MONTHS = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_MONTH_SHORT = re.compile(rf"\b(?:{SHORT_MONTHS})\.$")


def sentence_spans(text: str, whole: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each sentence or list item in ``text``; whitespace trimmed off both ends.

    An over-long sentence (a table, a run of headings) is cut at line breaks for display, unless
    ``whole`` is set: a decision or an indicator statement must be quoted whole.
    """
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        before = text[start:m.start()].rstrip()
        last_word = re.findall(r"([A-Za-z.]+)\.$", before)
        if last_word and last_word[0].lower().rstrip(".") in _ABBREVIATIONS and "\n" not in m.group(0):
            continue
        if re.search(r"\b[A-Z]\.$", before) and "\n" not in m.group(0):
            continue  # an initial, as in "Mr R W. Gough"
        if _MONTH_SHORT.search(before) and re.match(r"\d{1,2}\b", text[m.end():m.end() + 3]):
            continue  # a month cut short before its day: "due Oct. 18", "Sept.\n12" in a table's cell
        if before.endswith("as follows.") and TALLY.match(text, m.end()):
            continue  # "... the voting was as follows." introduces the tally as a colon would
        if before.endswith("?") and _VALUES_ONLY.fullmatch(text, m.end(), _line_end(text, m.end(), len(text))):
            continue  # a form's question and its answer: "If yes, how many interns do you expect to have this year? 35"
        if m.group("sub") and not re.search(r"\d", re.sub(r"^\s*[\d.]+\s", "", before[before.rfind("\n") + 1:])):
            continue  # a numbered paragraph stays with the heading line above it ("Seashells\n4.5 In relation to ...");
            # it opens a sentence of its own after a line of figures ("Total $10,883,835\n1.02 Teaching & Learning: ...")
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    spans = _join_labelled_values(text, _after_vote_lines(text, spans))
    out = []
    for s, e in spans:
        for s2, e2 in ([(s, e)] if whole else _split_lines(text, s, e)):
            seg = text[s2:e2]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip())
            if trail > lead:
                out.append((s2 + lead, s2 + trail))
    return _join_short_values(text, out)


# a line giving a vote's outcome, which minutes write without a full stop: "Motion Passed (14 to 0)", "> Motion Failed"
_OUTCOME_LINE = re.compile(r"^[ \t>]*(?:Motion|Amendment|Recommendation)s?[ \t]+(?:was[ \t]+)?(?:Passed|Failed|Carried|Lost|Defeated)"
                           r"\b[^\n]{0,30}$", re.M | re.I)


def _after_vote_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans cut after each line giving a vote's outcome, so the next motion ("Moved by S. Stevenson ...") does not
    open with the vote on the one before."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for m in _OUTCOME_LINE.finditer(text, s, e):
            if text[m.end():e].strip():
                out.append((s, m.end()))
                s = m.end()
        out.append((s, e))
    return out


def _join_short_values(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A short line with a number ("For (52)") stays with the line ending in a colon that introduces it
    ("... the voting was as follows:")."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and e - s <= 30 and _SHORT_VALUE.match(text[s:e]) and text[out[-1][0]:out[-1][1]].endswith(":"):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _join_labelled_values(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A line of labelled values ("Latest: 613 Target: 700") stays with the unfinished line it belongs to."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and _LABELLED_VALUES.match(text[s:e]) and not re.search(r"[.!?:;]\s*$", text[out[-1][0]:out[-1][1]]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _split_lines(text: str, start: int, end: int, limit: int = 300) -> list[tuple[int, int]]:
    """An over-long 'sentence' (a table or a run of headings) cut at line breaks into pieces near ``limit``.

    A table row that ends in a RAG status ("... within 12 months GREEN AMBER") is a piece of its own.
    """
    if end - start <= limit or "\n" not in text[start:end] or len(_TALLY_LINE.findall(text[start:end])) >= 2:
        return [(start, end)]  # a recorded vote stays whole: "For (39)" with its names, "Against (19)", "Abstain (1)"
    words = re.findall(r"[A-Za-z]+", text[start:end])
    # a long sentence of prose (a resolution, say) is cut only when very long; a table wherever a row ends
    rows = sum(1 for line in text[start:end].split("\n") if _row_end(line.rstrip()))
    prose = rows < 2 and sum(w[0].islower() for w in words) >= 0.5 * max(1, len(words))
    pieces = []
    piece_start = start
    for m in re.finditer(r"\n(?=\s*[A-Z0-9%])", text[start:end]):
        cut = start + m.start()
        if prose:
            if cut - piece_start < limit * 3:
                continue
        elif not _row_end(text[piece_start:cut]) and cut - piece_start < limit * 0.5:
            continue
        elif _VALUES_ONLY.fullmatch(text, cut + 1, _line_end(text, cut + 1, end)):
            continue  # the values of a row wrapped onto the next line ("... 117 124\nN/A")
        pieces.append((piece_start, cut))
        piece_start = cut + 1
    pieces.append((piece_start, end))
    return pieces


def _line_end(text: str, start: int, end: int) -> int:
    """Where the line starting at ``start`` ends, at the latest ``end``."""
    at = text.find("\n", start, end)
    return end if at < 0 else at


def clean_sentence(text: str) -> str:
    """A sentence for display: list markers removed and whitespace collapsed."""
    return re.sub(r"\s+", " ", _MARKER.sub("", text)).strip()
