"""Title, kind, body and date of a paper, read from its text and, failing that, its file name."""

from __future__ import annotations

import calendar
import re
from datetime import date
from pathlib import PurePosixPath

from core.models import KINDS

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"]
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_MONTH_RE = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_RE}\.?,?\s+(\d{{4}})\b", re.I)
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH_RE}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+(\d{{4}})\b", re.I)
MONTH_YEAR = re.compile(rf"\b{_MONTH_RE}\s+(\d{{4}})\b", re.I)
ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.](\d{1,2})[-_.](\d{1,2})(?!\d)")
YEAR_MONTH_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.](0[1-9]|1[0-2])(?![-_.]?\d)")
STRONG_DATE_CUES = re.compile(
    r"(held (?:in|at|on)[^\n]{0,120}?|report published:?\s*|published:?\s*|date of meeting:?\s*|"
    r"meeting date:?\s*|date:?\s*|to:\s*[^\n]{0,60}?[-–]\s*|minutes[^\n]{0,20}?[-–]\s*|panel\s*[-–]\s*|"
    r"committee\s*[-–]\s*|cabinet\s*[-–]\s*|council\s*[-–]\s*)"
    # a meeting's page names its day of the week first: "Council - Monday, 14th October, 2024 7.00 pm"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?$",
    re.I,
)
# "To confirm as a correct record the Minutes of the Annual Meeting ... held on 13th May 2014": an earlier meeting
EARLIER_MEETING = re.compile(r"\b(?:confirm|approv|agree|sign)\w*\b[^.;:]*\bminutes\b[^.;:]*$|\b(?:previous|last)\s+meeting\b[^.;:]*$", re.I)
# "THAT the minutes of the meeting held on 22nd July 2024 be approved and signed as a correct record": the same, said after
EARLIER_AFTER = re.compile(r"^\W{0,3}(?:[\w,]+\s+){0,3}?(?:be|were|was|are|is)\s+(?:approved|confirmed|agreed|signed|received)\b"
                           r"|^[^.;\n]{0,60}\bas an? (?:correct|true|accurate) record\b", re.I)

_TO_BE = re.compile(r"\b(?:to be|will be|would be|is to be|are to be|shall be)\s*$", re.I)
_HELD_WITHIN = 800  # "Minutes of a meeting held on ..." stands at the top

QUARTER_YEAR = re.compile(r"\b(?:Quarter|Q)\s*([1-4])\s*,?\s*(20\d\d)\s*/\s*\d{2}\b", re.I)
COUNCIL_RE = re.compile(
    r"\b((?:City of |Royal Borough of |London Borough of )?(?!(?:Ordinary|Extraordinary|Annual|Special|Full|The|This|And|Of)\b)"
    r"[A-Z][a-z]+(?: (?!County|City|Borough|Ordinary|Extraordinary|Annual|Special|Full|And)[A-Z][a-z]+| and [A-Z][a-z]+)?"
    r" (?:Metropolitan Borough|City and County|County|City|Borough|District|Town|Parish|Community) Council"
    # a special district governs a service elsewhere: "Fair Oaks Water District", "Regional Transportation District"
    r"|(?!(?:The|This|And|Of)\b)[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:Water|Sanitation|Sanitary|Fire|School|Irrigation|Utility|"
    r"Transit|Transportation|Park|Parks|Recreation|Hospital|Library) District)\b"
)
CITY_OF_RE = re.compile(r"\b(City of\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?: Council)?\b")
COMMITTEE_RE = re.compile(
    r"\b((?:[A-Z][A-Za-z,'’]*|and|of|for|the) (?:[A-Z][A-Za-z,'’]* |and |of |for |the |& ){0,8}"
    r"(?:Panel|Committee|Cabinet|Board|Sub-Committee|Forum))\b"
    # not a team named after a committee, nor the end of a hyphenated name: "Vicky Wemyss-Cooke  Committee Services Manager"
    r"(?!\s+(?:Services?|Manager|Officer|Clerk|Administrator|Section|Team|Support|Secretar\w*|Assistant|Co-?ordinator)\b)"
)
INSPECTORATES = ("Ofsted", "Care Quality Commission", "CQC", "Department for Education")


def parse_date(text: str) -> date | None:
    """The first full date written in ``text`` (day month year, month day, year or ISO), or None."""
    for regex, order in ((DAY_MONTH_YEAR, "dmy"), (MONTH_DAY_YEAR, "mdy"), (ISO_DATE, "ymd")):
        m = regex.search(text)
        if not m:
            continue
        try:
            if order == "dmy":
                return date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
            if order == "mdy":
                return date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except (ValueError, KeyError):
            continue
    return None


# "31/03/2024", "30.09.24" (day first, as in UK papers; the other order is tried too), "31-Mar-24", "the end of March 2025"
NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])")
DAY_MON_YY = re.compile(rf"\b(\d{{1,2}})[-\s]{_MONTH_RE}[-\s](\d{{2}})\b", re.I)
END_OF_MONTH = re.compile(rf"\bend of\s+{_MONTH_RE}\s+(\d{{4}})\b", re.I)


def _century(year: str) -> int:
    return int(year) if len(year) == 4 else 2000 + int(year)


def dates_named(text: str) -> set[date]:
    """Every day a text names, in any of the ways papers write one; the end of a month names its last day."""
    found = {d for _, d in _all_dates(text)} | {
        d for m in ISO_DATE.finditer(text) if (d := parse_date(m.group(0))) is not None}
    candidates: list[tuple[int, int, int]] = []
    for m in NUMERIC_DATE.finditer(text):
        a, b, year = int(m.group(1)), int(m.group(3)), _century(m.group(4))
        candidates += [(year, b, a), (year, a, b)]
    for m in DAY_MON_YY.finditer(text):
        candidates.append((_century(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))))
    for m in END_OF_MONTH.finditer(text):
        year, month = int(m.group(2)), MONTHS[m.group(1).lower()]
        candidates.append((year, month, calendar.monthrange(year, month)[1]))
    for year, month, day in candidates:
        try:
            found.add(date(year, month, day))
        except ValueError:
            continue
    return found


def _all_dates(text: str) -> list[tuple[int, date]]:
    found: list[tuple[int, date]] = []
    for regex in (DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        for m in regex.finditer(text):
            d = parse_date(m.group(0))
            if d is not None and 1990 <= d.year <= 2100:
                found.append((m.start(), d))
    return sorted(found)


def _date_end(text: str, pos: int) -> int:
    """Where the date written at ``pos`` ends."""
    m = DAY_MONTH_YEAR.match(text, pos) or MONTH_DAY_YEAR.match(text, pos)
    return m.end() if m else pos


def _earlier_meetings(head: str, dates: list[tuple[int, date]]) -> set[date]:
    """The days ``head`` gives as an earlier meeting's: "That the minutes of the Audit Committee Meeting held on 6 November
    2008 be received and accepted as a true record"."""
    earlier = set()
    for pos, d in dates:
        end = _date_end(head, pos)
        if EARLIER_MEETING.search(head[max(0, pos - 400):pos]) or EARLIER_AFTER.search(head[end:end + 120]):
            earlier.add(d)
    return earlier


def find_date(first_page: str, file_name: str) -> str | None:
    """The meeting or publication date: a date with a cue in the text, else the file name, else any date."""
    head = first_page[:3000]
    dates = _all_dates(head)
    earlier = _earlier_meetings(head, dates)
    for pos, d in dates:
        if d in earlier:
            continue  # "Audit Committee Minutes – 6 November 2008", an item heading the minutes of that day confirmed
        before = re.sub(r"\s+", " ", head[max(0, pos - 140):pos])
        cue = STRONG_DATE_CUES.search(before)
        if cue and cue.group(0).lower().startswith("held") and (pos > _HELD_WITHIN or _TO_BE.search(before[:-len(cue.group(0))])):
            # an event of the body ("the conference was held on 4 June 2024"), or a meeting to come ("BE INTRODUCED at
            # the Municipal Council meeting to be held on April 1, 2025"), not the paper's meeting
            continue
        if cue:
            return d.isoformat()
    m = ISO_DATE.search(file_name)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            pass
    for m in YEAR_MONTH_NAME.finditer(file_name):
        # "report_2016-07.html" is of July 2016, "plan_2010-11.pdf" of a financial year; the month is surer than a
        # date in the body, which may be a deadline ("by 31 March 2017")
        year, month = int(m.group(1)), int(m.group(2))
        if month != (year + 1) % 100:
            return date(year, month, 1).isoformat()
    if dates:
        return dates[0][1].isoformat()
    quarter = QUARTER_YEAR.search(head)
    if quarter:
        q, year = int(quarter.group(1)), int(quarter.group(2))
        month_end = {1: (year, 6, 30), 2: (year, 9, 30), 3: (year, 12, 31), 4: (year + 1, 3, 31)}.get(q)
        if month_end:
            return date(*month_end).isoformat()
    m2 = MONTH_YEAR.search(head)
    if m2:
        return date(int(m2.group(2)), MONTHS[m2.group(1).lower()], 1).isoformat()
    return None


TITLE_CUE = re.compile(r"^((?:Re-)?inspection of |Area SEND inspection of |Joint targeted area inspection)", re.I)


def minutes_title(title: str, body: str, when: str | None) -> str:
    """A minutes title people recognise: 'Corporate Parenting Panel minutes, 29 October 2024'."""
    shouting = sum(ch.isupper() for ch in title) > 0.6 * max(1, sum(ch.isalpha() for ch in title))
    # a sentence is no title: "8 July 2020 Manordeilo and Salem Community Council held their meeting remotely ..."
    sentence = title.endswith(".") or bool(re.search(r"\b(?:held|met)\b", title))
    if not (shouting or sentence or "minutes" in title.lower() or title.lower().startswith("question")):
        return title
    committee = body.split(": ")[-1] if body else ""
    if not committee:
        return title
    label = f"{committee} minutes"
    if when:
        d = date.fromisoformat(when)
        label += f", {d.day} {d:%B %Y}"
    return label


def _clean(line: str) -> str:
    return re.sub(r"\s+", " ", line).strip(" -–|")


# what an editor writes as a file's title when its author gave none: "Microsoft Word - ...", "Untitled document",
# "Writing created in the Hemingway Editor"
_EDITOR_TITLE = re.compile(r"(?:microsoft|untitled|new document|document\s*\d*$|writing created (?:in|with)|created (?:in|with|by)\b)", re.I)


# a letterhead's address or telephone line: "1600 Blake Street", "Denver, CO 80202-1399", "303-299-2303"
_ADDRESS = re.compile(r"^\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Way|Drive|Boulevard|Blvd|Place|Square)\b"
                      r"|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?$|^(?:Tel\w*:?\s*)?\+?[\d() .-]{9,}$")


def find_title(first_page: str, declared: str, file_name: str) -> str:
    """A human title: a report's Subject line, a declared title that reads well, else the first lines."""
    subject = re.search(r"Subject:\s*(.+?)(?:\n\s*\n|\n\s*(?:Decision|Summary|Key decision|Classification))", first_page, re.S | re.I)
    if subject:
        return _clean(subject.group(1))[:160]
    bad_declared = (not declared or len(declared) < 8 or _EDITOR_TITLE.match(declared) is not None
                    or declared.lower() in {"minutes", "executive decision", "report"} or "consultation version" in declared.lower())
    if not bad_declared:
        return _clean(declared)[:160]
    lines = [_clean(line) for line in first_page.splitlines()]
    for i, line in enumerate(lines):
        if TITLE_CUE.match(line):
            picked_cue = [line]
            for nxt in lines[i + 1:i + 4]:
                if not nxt or re.match(r"(inspection dates|report published|dates of previous)", nxt, re.I):
                    break
                picked_cue.append(nxt)
            return " ".join(picked_cue)[:160]
    picked: list[str] = []
    for line in lines:
        if (not line or re.fullmatch(r"[\d\W]*", line) or line.lower().startswith(("agenda item", "minutes:"))
                or _ADDRESS.search(line)):
            if picked and not line:
                if len(" ".join(picked)) >= 25:
                    break
            continue
        if re.match(r"(inspection dates|report published|lead inspector|present|produced by|from|by|to)\b|(?:vice\s+)?chair\s*[–:-]",
                    line, re.I):
            break
        picked.append(line)
        if len(" ".join(picked)) >= 60 or len(picked) >= 3:
            break
    title = " ".join(picked)
    if len(title) < 6 or (len(picked) == 1 and len(title) > 160 and title.count(". ") >= 2):
        # nothing, or a paragraph of the body (a web page's text starts with its first paragraph): the file's name
        title = PurePosixPath(file_name).stem.replace("_", " ").replace("-", " ").strip().capitalize()
    return title[:160]


_KIND_WORDS = {
    "minutes": ("minutes", "transcript", "agenda item", "record of proceedings"),
    "inspection": ("ofsted", "inspection of", "inspection dates", "re-inspection", "inspection report"),
    "strategy": ("strategy", "needs assessment", "decision no", "key decision", "action plan", "plan 20"),
    "report": ("report", "subject:", "performance", "scorecard", "guidance", "framework", "budget"),
}


def find_kind(text: str, rel_path: str) -> str:
    """One of KINDS: a folder named after a kind wins, then cues in the file name and opening text."""
    parts = [p.lower() for p in PurePosixPath(rel_path).parts[:-1]]
    for part in reversed(parts):
        if part in KINDS and part != "other":
            return part
    name = PurePosixPath(rel_path).name.lower()
    head = text[:2500].lower()
    for kind in ("minutes", "inspection", "strategy", "report"):
        if any(w.replace(" ", "_") in name or w in name for w in _KIND_WORDS[kind]):
            return kind
    for kind in ("minutes", "inspection", "strategy", "report"):
        if any(w in head for w in _KIND_WORDS[kind]):
            return kind
    return "other"


# Minutes name their committee at the top; further down, "Board" or "Committee" is an item's subject ("Open Space
# Committee" reporting to a parish council).
_COMMITTEE_WITHIN = 600

# what opens a minutes heading in capitals before the body's name
_CAPS_OPENING = re.compile(r"^(?:MINUTES\s+OF\s+(?:THE\s+)?(?:PROCEEDINGS\s+AT\s+)?(?:(?:AN?|THE)\s+)?(?:[A-Z]+\s+)?MEETING\s+OF\s+(?:THE\s+)?|"
                           r"MINUTES\s+OF\s+(?:THE\s+)?)")

# what a paper is, before its committee's name: "Draft Minutes of", "Regular Meeting of the"
_PAPER_OPENING = re.compile(r"^(?:(?:Draft|Unconfirmed|Confirmed|Approved|Signed)\s+)?(?:Minutes\s+of\s+(?:the\s+)?)?"
                            r"(?:(?:an?\s+)?(?:Regular|Special|Ordinary|Extraordinary|Annual|Adjourned|Monthly)\s+)?(?:Meeting\s+of\s+(?:the\s+)?)?")

PLACE_RE = re.compile(r"\b([A-Z][a-z]{3,}) Children[’']s Services Trust")


# what a file's name may call its body, and what follows the body's name in it
_BODY_WORDS = frozenset({"council", "board", "committee", "panel", "authority", "district", "commission", "assembly",
                         "cabinet", "township", "parish", "corporation", "forum", "partnership", "executive", "senedd",
                         # "Board of Supervisors", "Board of Trustees"
                         "supervisors", "trustees", "commissioners", "directors", "aldermen", "selectmen", "governors"})
_AFTER_BODY = frozenset({"minutes", "meeting", "agenda", "report", "transcript", "monthly", "regular", "special", "annual",
                         "ordinary", "extraordinary", "general", "full", "public", "verbatim", "draft", "approved"})


def body_from_name(rel_path: str) -> str:
    """The body a file's name gives, for a paper whose text names none: "north_star_township_board_monthly_meeting_minutes_
    2020-04-20.pdf" is the North Star Township Board's; empty when the name holds no body's name before what the paper is."""
    words = re.split(r"[\W_]+", PurePosixPath(rel_path).stem.lower())
    named: list[str] = []
    for word in words:
        if not word or word.isdigit() or word in _AFTER_BODY:
            break
        named.append(word)
    while named and named[-1] not in _BODY_WORDS:
        named.pop()
    if not named or len(named) > 10:
        return ""
    return " ".join(w if w in {"of", "and", "the", "for"} else w.capitalize() for w in named)


def with_council_named(body: str, named: str) -> str:
    """A committee the text names without its council, given whole by the file's name: "Staff and Pensions Committee"
    in "warwickshire_staff_and_pensions_committee_minutes_2021-09-13.txt" is Warwickshire's."""
    def words(text: str) -> list[str]:
        return [w for w in re.findall(r"[a-z]+", text.lower()) if w != "and"]
    if not body or not named or ":" in body or COUNCIL_RE.search(body):
        return body
    have, fuller = words(body), words(named)
    # ... or a board the text cuts short of what it is of: "Albemarle County Board" of "albemarle_county_board_of_
    # supervisors_minutes_2003-03-19.pdf"
    longer = fuller[-len(have):] == have or (fuller[:len(have)] == have and fuller[len(have)] == "of")
    return named if len(fuller) > len(have) and longer else body


def find_body(text: str, kind: str) -> str:
    """The council and, where named, its committee, e.g. 'Kent County Council: Corporate Parenting Panel'."""
    raw_head = text[:4000]
    head = re.sub(r"[ \t\xa0]*\n[ \t\xa0]*(?=[A-Za-z])", " ", raw_head)
    head = re.sub(r"[ \t\xa0]+", " ", head)
    council = ""
    titled = re.sub(r"\b[A-Z]{3,}\b", lambda x: x.group(0).title(), head).replace("City Of ", "City of ").replace(" And ", " and ")
    # the first council named, whether in capitals or not ("GOVAN COMMUNITY COUNCIL MINUTES" before "Glasgow City Council")
    m = min((x for x in (COUNCIL_RE.search(head), COUNCIL_RE.search(titled)) if x), key=lambda x: x.start(), default=None)
    m2 = CITY_OF_RE.search(titled)
    if m:
        council = m.group(1)
    elif m2:
        council = m2.group(1)
    else:
        places = [p for p in PLACE_RE.findall(head) if p not in ("County", "City", "Borough", "The", "This")]
        if places:
            council = max(set(places), key=places.count)
    committee = ""
    if kind == "minutes":
        # a heading in capitals, its lines joined ("MUNICIPAL DISTRICT OF NEWCASTLE WEST JOINT\nPOLICING SUB COMMITTEE"),
        # without what opens it ("MINUTES OF PROCEEDINGS AT MEETING OF THE") or the place it was held in
        caps_head = re.sub(r"(?<=[A-Z,])[ \t]*\n[ \t]*(?=[A-Z]{2})", " ", raw_head)
        uppers = [
            re.sub(r"(?<=\s)(And|Of|The|For)\b", lambda w: w.group(1).lower(),
                   _CAPS_OPENING.sub("", u.group(1).split(" HELD ")[0]).strip().title().replace("'S", "'s"))
            for u in re.finditer(r"^\s*((?:[A-Z][A-Z ,'’&-]{0,120})?(?:PANEL|COMMITTEE|CABINET|COUNCIL|BOARD))\b", caps_head, re.M)
        ]
        uppers = [u[len(council):].strip() if council and u.lower().startswith(council.lower()) else u for u in uppers]
        uppers = [u for u in uppers if u and u.lower() != council.lower() and len(u.split()) <= 12
                  and not re.search(r"\b(?:minutes|meeting|held)\b|,|\s{2}", u, re.I)]
        if uppers:
            committee = uppers[0]
        else:
            m3 = COMMITTEE_RE.search(head[:_COMMITTEE_WITHIN])
            if m3 and not m3.group(1).startswith(("the ", "and ", "of ", "for ")):
                # without what the paper is: "Draft Minutes of Audit Committee", "Regular Meeting of the Board"
                committee = _PAPER_OPENING.sub("", m3.group(1).strip())
                if council and committee.lower().startswith(council.lower()):
                    # (the council named before it: "Parramatta City Council, Audit Committee")
                    committee = committee[len(council):].lstrip(" ,:–-")
        if committee and council and committee.lower() == council.lower():
            committee = ""
    if kind == "inspection":
        inspectorate = next((i for i in INSPECTORATES if i in head), "Ofsted")
        return f"{inspectorate}: {council}" if council else inspectorate
    if not council and kind != "minutes":
        council = next((i for i in INSPECTORATES if i in head), "")
    return ": ".join(part for part in (council, committee) if part)
