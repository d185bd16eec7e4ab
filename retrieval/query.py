"""Council language in questions: acronyms, indicator codes, years and follow-ups."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.models import Turn
from ingest.metadata import DAY_MONTH_YEAR, parse_date
from ingest.sentences import SHORT_MONTHS

ACRONYMS = {
    "cin": "children in need",
    "cla": "children looked after",
    "lac": "looked after children",
    "cic": "children in care",
    "cp": "child protection",
    "cpp": "child protection plan",
    "ehcp": "education health and care plan",
    "ehcps": "education health and care plans",
    "send": "special educational needs and disabilities",
    "sen": "special educational needs",
    "rag": "red amber green rating",
    "kpi": "key performance indicator",
    "kpis": "key performance indicators",
    "qpr": "quarterly performance report",
    "dcst": "Doncaster Children's Services Trust",
    "csc": "children's social care",
    "cyp": "children and young people",
    "cype": "children young people and education",
    "uasc": "unaccompanied asylum seeking children",
    "neet": "not in education employment or training",
    "sgo": "special guardianship order",
    "iro": "independent reviewing officer",
    "yjs": "youth justice service",
    "yot": "youth offending team",
    "raa": "regional adoption agency",
    "ilacs": "inspection of local authority children's services",
    "sif": "single inspection framework",
    "jtai": "joint targeted area inspection",
    "mash": "multi-agency safeguarding hub",
    "ehm": "early help module",
    "eha": "early help assessment",
    "osc": "overview and scrutiny committee",
    "cpd": "continuing professional development",
    "ofsted": "Ofsted inspection",
    "kcc": "Kent County Council",
    "pdg": "pupil development grant",
    "aln": "additional learning needs",
    "camhs": "child and adolescent mental health services",
    "sis": "strengthening independence service",
    "asch": "adult social care and health",
    "jsna": "joint strategic needs assessment",
    "hq": "headquarters",
}
FIGURE_CUES = re.compile(
    r"\b(how many|how much|what (?:was|were|is|are) the (?:number|rate|percentage|proportion|figure|total|cost|value|level(?! of assurance)|average)|"
    r"what (?:\w+ ){0,2}?(?:number|rate|percentage|proportion|share|figure|amount|level(?! of assurance)|overspend|underspend|budget|cost|deficit|surplus|"
    r"increase|limit|price|"
    r"total|turnout|fee|salary|saving|savings|population|output|GVA|income|revenue|investment|turnover|precept|balances?|reserves?)|"
    r"percentages?|proportions?|rate of|per cent|%|how long|"
    r"how (?:large|big|high|low)|"
    # (not what someone said of one: "What was Karen Croghan's fairness objection to the special rate variation?")
    r"what (?:was|were|is|are|will) (?!(?:[\w’'-]+\s+){0,4}?(?:objections?|concerns?|views?|arguments?|reasons?|points?|complaints?|"
    r"responses?|position|criticisms?|comments?|questions?|requests?|suggestions?)\b)"
    r".*(?:rate|figure|number|score|total|budget|cost|spend|overspend|underspend|turnout|"
    r"caseload|amount|value|price|fee|tax|taxes|size|coverage|take-up|uptake|worth))\b|\d\s*%",
    re.I,
)
# "When was ...?" asks for a date; "When the motion was put to the vote, how many ...?" asks what follows the clause
_DATE_CUES = re.compile(r"^\s*(?:and\s+)?when\b(?![^?]*,\s*(?:how|what|who|which|why|where|did|was|were|had)\b)|\b(?:what|which) (?:year|date|month|day)\b(?!-)|\b(?:since|by|until|till) when\b"
                        r"|\bwhat (?:was|is|were) the date\b", re.I)
# a date question asks for no figure, though it names one's subject ("What was the date of the letter about its budget
# request?"), unless it asks how many or how much as well
_COUNT_OR_SUM = re.compile(r"\bhow (?:many|much)\b", re.I)
# a question about how a vote went: its tally or its outcome answers it
VOTE_CUES = re.compile(
    r"\bhow many\b.*\b(?:vot(?:e|ed|es|ing)|abstained|abstentions?|opposed|supported)\b|\bhow did\b.*\bvote\b|\b(?:what|how) was the (?:[\w’'-]+ ){0,3}?vote\b|\bvote (?:count|tally|totals?)\b"
    r"|\bresult of the (?:\w+ )?vote\b|\bvoted (?:for|against)\b|\btally\b|\bby what (?:vote|margin|majority)\b"
    # "What was the result of Councillor Stevenson's motion ...?", "Did the amendment pass?"
    r"|\bresult of (?:the |an? |[\w’'.]+(?:\s+[A-Z][\w’'.]*)?[’']s )(?:[\w-]+ ){0,4}?(?:motion|amendment)\b"
    r"|\b(?:did|was) the (?:\w+ ){0,3}?(?:motion|amendment) (?:pass|passed|carry|carried|fail|failed|lost|defeated)\b"
    # "Was Councillor Bree's 2005 motion seeking extra funding from the Minister passed?"
    r"|^\s*(?:and\s+)?(?:was|were|did)\b[^?]{0,80}?\b(?:motion|amendment)\b[^?]{0,160}?\b(?:pass|passed|carry|carried|fail|failed|lost|defeated)\s*\?", re.I
)
_DECISION_CUES = re.compile(
    r"\bdecisions?\b|\bwhat (?:did|was|were|has|have) .*\b(?:decid|resolv|agree|approv|endors|recommend|vot)\w*"
    r"|\bwhat happened (?:to|with)\b|" + VOTE_CUES.pattern, re.I
)
# a grade given, not a pay grade ("the minimum rate for grade KSA", "pay grades")
_JUDGEMENT_CUES = re.compile(r"\b(?:(?<!pay )grade[ds]?(?!\s+(?-i:[A-Z]{1,4}\d*|\d+)\b)|grading|judge?ments?|judge[ds]?|rated|rating(?!\s+(?:polic(?:y|ies)|values?|units?|valuations?|system|base|review|information))|RAG"
                             r"|level of assurance|assurance (?:level|rating|opinion))\b", re.I)
# a person's view, not a grade given: "How did Councillor Lo judge the effect of the breakdowns?"
_OPINION_CUES = re.compile(r"\b(?i:how did (?:the )?)(?:[A-Z][\w’'-]*[’']s\s+)?(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|Mayor|Senator|"
                           r"Commissioner|(?i:chair(?:man|woman|person)?)|Director|Minister|Cabinet Member|(?i:leader|chief executive))\b\.?"
                           r"(?:\s+[A-Z][\w’'-]*)*\s+(?:judge|rate|assess|grade)\b"
                           # ... or any body but an inspectorate: "How does the Suter judge the recovery of its events?"
                           r"|\b(?i:how (?:does|do|did)\s+(?!(?:the\s+)?(?:ofsted|hmi\w*|inspect\w*|cqc|estyn|auditors?|audit scotland|"
                           r"care inspectorate|care quality commission)\b)(?:[\w’'-]+\s+){1,6}?(?:judge|assess)\b)")
# "the latest inspection", "last quarter", "the most recent report": the newest paper is meant
_LATEST_CUES = re.compile(
    r"\b(?:latest|most recent|last|current|newest)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:quarter|report|inspection|meeting|year|month|visit|figures?|data|update|minutes)\b|\blast quarter\b",
    re.I,
)
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
MONTH_YEAR_RE = re.compile(rf"\b({'|'.join(MONTH_NAMES)}),?\s+(19\d\d|20[0-4]\d)\b", re.I)  # "March, 2022" too
# a span of years: "2022-2027", "2018/19", "2023 to 2024" (a financial year when the two are consecutive)
YEAR_RANGE_RE = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|/|to)\s*((?:19|20)?\d\d)\b")
_FOLLOW_UP = re.compile(
    r"^(and|what about|how about|and what|what of|also|same for|in the|for the|at the|by the|did (?:they|it|he|she)|"
    r"was (?:it|that|this)|were they|is (?:it|that)|why|how so|which one)\b|\b(it|they|them|that|this|those|these|he|she|"
    r"his|her|its|their)\b",
    re.I,
)
YEAR_RE = re.compile(r"\b(19\d\d|20[0-4]\d)\b")
QUARTER_RE = re.compile(r"\b(?:Q(?:tr\.?)?\s?([1-4])|quarter\s*([1-4])|(first|second|third|fourth)[\s-]+quarter)\b", re.I)
_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4"}
CODE_RE = re.compile(r"\b([A-Z]{1,4}\d{1,3}[a-z]?)(?:\s*/\s*([A-Z]{0,4}\d{1,3}))?\b")


@dataclass(frozen=True)
class Query:
    """A question prepared for search: the text to embed, the text for BM25 and what was noticed."""

    question: str
    dense_text: str
    lexical_text: str
    wants_figure: bool
    years: tuple[str, ...]
    codes: tuple[str, ...]
    follow_up: bool
    quarters: tuple[str, ...] = ()
    wants_date: bool = False
    wants_decision: bool = False
    wants_judgement: bool = False
    wants_vote: bool = False  # how a vote went: its tally or its outcome answers it
    latest: bool = False  # the question asks for the newest paper's word ("at its latest inspection")
    months: tuple[tuple[str, str], ...] = ()  # (month, year) pairs the question names, e.g. ("march", "2024")
    financial_years: tuple[str, ...] = ()  # "2023/24"
    as_at: tuple[str, ...] = ()  # the days a figure is asked at, ISO: "at 31 March 2025" is "2025-03-31"


def quarters_in(text: str) -> set[str]:
    """The quarter numbers a text names ("Q2", "Quarter 2", "second quarter" are all "2")."""
    return {m.group(1) or m.group(2) or _ORDINALS[m.group(3).lower()] for m in QUARTER_RE.finditer(text)}


def year_span(m: re.Match[str]) -> tuple[int, int]:
    """The first and last year of a YEAR_RANGE_RE match: "2018/19" is (2018, 2019)."""
    first, last = m.group(1), m.group(2)
    return int(first), int(last) if len(last) == 4 else int(first[:2] + last)


# a fiscal year named by the year it ends in: "FY19", "FY 2019" (July 2018 to June 2019)
_FY_ENDING = re.compile(r"\bFY\s?(20)?(\d\d)(?!\s*[-–/]\s*\d)\b")


def financial_years_in(text: str) -> set[str]:
    """The financial years (2000/01 to 2048/49) a text names, written alike: "2023-24", "2023/2024" and "FY24" are
    all "2023/24"."""
    out = set()
    for m in YEAR_RANGE_RE.finditer(text):
        if re.match(r"[-/]\d", text[m.end():]):
            continue  # a day's date: "2009-10-21" (a paper's file name) is no financial year 2009/10
        first, last = year_span(m)
        if 2000 <= first < 2049 and last == first + 1:
            out.add(f"{first}/{str(last)[2:]}")
    for m in _FY_ENDING.finditer(text):
        last = int(m.group(2))
        if 1 <= last <= 49:
            out.add(f"{2000 + last - 1}/{m.group(2)}")
    return out


def months_in(text: str) -> set[tuple[str, str]]:
    """The (month, year) pairs a text names: "31 March 2024" is ("march", "2024")."""
    return {(m.group(1).lower(), m.group(2)) for m in MONTH_YEAR_RE.finditer(text)}


# a month that names a source rather than a period: "Ofsted's November 2017 re-inspection", "the May 2022 report"
_SOURCE_AFTER = re.compile(
    r"\s+(?:(?:annual|general|special|extraordinary|ordinary|monthly|regular|board|budget|public)\s+)?(?:re-?inspection|inspection|report|meeting|visit|minutes|panel|committee|cabinet|council|answer|update|"
    r"review|decision|agenda|full council)\b",
    re.I,
)


def asked_months(question: str) -> tuple[tuple[str, str], ...]:
    """The (month, year) pairs a question asks about, leaving out those that only name its source."""
    return tuple(sorted({(m.group(1).lower(), m.group(2)) for m in MONTH_YEAR_RE.finditer(question)
                         if not _SOURCE_AFTER.match(question, m.end())}))


# a figure asked at a day: "at 31 March 2025", "as at 30 September 2024" (not "at the 13 February 2025 meeting")
_AS_AT = re.compile(r"\b(?:as at|as of|at)\s+(?:the\s+)?(?:end of\s+)?(?=\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}\b)")


def asked_days(question: str) -> tuple[str, ...]:
    """The days a question asks a figure at, leaving out those that only name its source."""
    days = []
    for m in _AS_AT.finditer(question):
        found = DAY_MONTH_YEAR.match(question, m.end())
        if found and not _SOURCE_AFTER.match(question, found.end()) and (d := parse_date(found.group(0))):
            days.append(d.isoformat())
    return tuple(dict.fromkeys(days))


def expand_acronyms(text: str) -> str:
    """Add the spelled-out form after each acronym we know, keeping the acronym itself."""
    text = re.sub(r"\bQ([1-4])\b", r"Q\1 (Quarter \1)", text)

    def sub(m: re.Match[str]) -> str:
        word = m.group(0)
        full = ACRONYMS.get(word.lower())
        if full and (word.isupper() or word.lower() in ("ehcps", "kpis")):
            return f"{word} ({full})"
        return word

    return re.sub(r"\b[A-Za-z]{2,6}\b", sub, text)


def is_follow_up(question: str, history: tuple[Turn, ...]) -> bool:
    """Whether a question leans on the conversation so far (short, or starting like a continuation)."""
    if not history:
        return False
    words = question.split()
    return len(words) <= 6 or bool(_FOLLOW_UP.search(question))


_SHORT_MONTHS = {m[:3]: m for m in MONTH_NAMES} | {"sept": "september"}
_SHORT = rf"({SHORT_MONTHS})\.?"
# a month written short beside a day or a year: after a day ("20 Feb 2014", "3rd Dec 2019") or before a day and year or
# a year ("Mar 31, 2024", "Sept. 2023")
_SHORT_MONTH = re.compile(rf"(?:(?<=\d\s)|(?<=\d(?:st|nd|rd|th)\s)){_SHORT}(?=,?\s+\d)|"
                          rf"\b{_SHORT}(?=\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\s+\d{{4}}\b)")


def spell_months(question: str) -> str:
    """A question with its months written out, as the papers' dates are read: "20 Feb 2014" is "20 February 2014"."""
    return _SHORT_MONTH.sub(lambda m: _SHORT_MONTHS[(m.group(1) or m.group(2)).lower()].capitalize(), question)


def prepare(question: str, history: tuple[Turn, ...] = ()) -> Query:
    """Expand a question for retrieval, folding in the previous question when it is a follow-up."""
    question = spell_months(question)
    follow_up = is_follow_up(question, history)
    context = history[-1].question if follow_up else ""
    expanded = expand_acronyms(question)
    dense = f"{expanded} (context: {context})" if context else expanded
    lexical = f"{expanded} {expand_acronyms(context)}" if context else expanded
    joined = f"{question} {context}"
    codes = tuple(dict.fromkeys(
        c for m in CODE_RE.finditer(joined) for c in m.groups()
        if c and any(ch.isdigit() for ch in c) and not re.fullmatch(r"Q[1-4]", c)
    ))
    return Query(
        question=question,
        dense_text=dense,
        lexical_text=lexical,
        wants_figure=bool(FIGURE_CUES.search(question)) and not (_DATE_CUES.search(question) and not _COUNT_OR_SUM.search(question)),
        years=tuple(dict.fromkeys(YEAR_RE.findall(question))),
        codes=codes,
        follow_up=follow_up,
        quarters=tuple(sorted(quarters_in(question))),
        wants_date=bool(_DATE_CUES.search(question)),
        wants_decision=bool(_DECISION_CUES.search(question)),
        wants_judgement=bool(_JUDGEMENT_CUES.search(question)) and not _OPINION_CUES.search(question),
        wants_vote=bool(VOTE_CUES.search(question)),
        latest=bool(_LATEST_CUES.search(question)),
        months=asked_months(question),
        financial_years=tuple(sorted(financial_years_in(question))),
        as_at=asked_days(question),
    )
