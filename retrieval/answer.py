"""The extractive answerer: the most relevant sentences of the retrieved passages, each cited.

No language model is involved, so every sentence, and so every number, is quoted verbatim from
the passage it cites. When the best evidence is too weak, or a name, year, period or code the
question depends on appears in none of the passages, the answer says so instead (abstains).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from core.models import Answer, Citation, Passage
from ingest.chunking import PERIODS_ROW
from ingest.metadata import DAY_MONTH_YEAR, MONTH_DAY_YEAR, dates_named, parse_date
from ingest.sentences import (
    NAMED_VOTE,
    OPENS_ITEM,
    SHORT_MONTHS,
    TALLY,
    TITLES,
    VALUE,
    VOTE_OUTCOME,
    clean_sentence,
    row_of_values,
    sentence_spans,
    vote_taken,
    without_names,
)
from retrieval.embedding import Embedder
from retrieval.lexical import STOPWORDS, LexicalIndex, tokenize
from retrieval.query import (
    ACRONYMS,
    FIGURE_CUES,
    MONTH_NAMES,
    MONTH_YEAR_RE,
    QUARTER_RE,
    VOTE_CUES,
    YEAR_RANGE_RE,
    YEAR_RE,
    Query,
    financial_years_in,
    months_in,
    quarters_in,
    year_span,
)

NOT_FOUND = "I could not find this in the papers."
NUMBER_RE = re.compile(r"\d")
# "May" only as a month: capitalised ("in May", "MAY 2025"), never the verb ("the letters may have come")
_MONTHS = "|".join(m for m in MONTH_NAMES if m != "may") + "|(?-i:May|MAY)"
_NOT_FIGURES = re.compile(
    r"^\s*\(?[0-9ivx]+(?:\.\d+)*(?:[.)]\s+|\s+(?=(?-i:[A-Z])))"  # paragraph numbering: "1.5 The", "(3) ", "ii) "
    r"|\n\s*\(?\d{1,3}[.)]?\s*$"  # the next paragraph's number, alone on the last line
    r"|(?<![£$€])\b(?:19|20)\d\d(?:\s*[/-]\s*(?:19|20)?\d\d)?\b(?!\s*(?:%|per ?cent))"  # years and financial years: 2018, 2018/19, 2023-24 (not £2000)
    r"|\b(?:Q\s?[1-4]|quarter\s*[1-4])\b"  # quarters
    r"|\bFY\s?\d{2}(?:\d{2})?(?:\s*[/-]\s*\d{2}(?:\d{2})?)?\b"  # fiscal years: FY18, FY 2024-25
    r"|\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d\b"  # dates written in figures: 22/02/2023
    r"|\b\d+(?:\.\d+)?\s?[KM]B\b"  # a linked file's size: "pdf icon PDF 135 KB"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:to|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:{_MONTHS})\b"  # dates: 31 March, 20 to 31 January
    rf"|\b(?:{_MONTHS}|(?-i:{SHORT_MONTHS}))\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![\d.,]*\s*%)"  # October 5, Oct. 18
    r"|\bpages?\s+\d+\b|\bitem\s+\d+\b|\bparagraph\s+\d+(?:\.\d+)*|\b\d{1,4}[/-]\d{4,}\b"  # references: decision 24/00109, 24-00093
    r"|\b(?:No|Nos|Number|Resolution|Ordinance|Bylaw|By-law)\.?\s+\d+(?:[/-]\d+)?\b"  # Resolution No. 18-02
    r"|\b(?-i:[A-Z]{1,4})\d{3,}(?:[/-]\d+)*\b"  # a reference written as letters and digits: Motion No. SC080305-3
    r"|\b(?:Table|Figure|Fig|Chart|Graph|Appendix|Annex|Section|Chapter)\.?\s+\d+(?:\.\d+)*\b"  # captions: Table 3.352, Figure 110
    r"|\b(?:(?:Regulations?|Rule|Clause|Article|Schedule|Sec)\.?|s\.)\s*\d+[A-Z]?(?:\(\d+\))*(?![\d,.]*\s*%)"  # the law: regulation 45, s.151(2)
    r"|\b(?:[A-Z]\.){2,}[A-Z]?\.?\s*\d+[A-Z]?:\d+(?:[-.]\d+)*"  # statutes cited: N.J.S.A. 40A:5-14
    r"|\b(?:aged?|ages|post|pre|under|over)[\s-]+\d{1,2}(?:\s*(?:-|–|to)\s*\d{1,2})?\b"  # ages: aged 16, post-16
    r"|\b\d{1,2}(?:\s*(?:-|–|to)\s*\d{1,2})?[\s-]*years?[\s-]*olds?\b|\b\d{1,2}\s+or\s+(?:over|older|under)\b"
    r"|\b\d{1,2}\s*(?:-|–)\s*25\b"  # 18-25, the care-leaver age band
    r"|\bper\s+[£$€]?\d[\d,]*(?![\d.,]*\s*%)",  # a rate's denominator: "per 10,000", "Tax per $100,000 of Assessment"
    re.I,
)
_NUMBER_WORDS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|"
    r"thousand|million|half|third|quarter of|dozen|none|no children|all children)\b", re.I,
)
_DATE_RE = re.compile(rf"\b(?:19|20)\d\d\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b(?:{_MONTHS})\b", re.I)
# A grade or RAG rating: the grade words, or "good" and the RAG colours where they read as a grade ("Good",
# "GREEN", "judged to be good", "rated red", "good overall"), not "good progress" or "a green space".
RATING_RE = re.compile(
    r"(?i:\b(?:outstanding|requires? improvement|inadequate|satisfactory)\b)|\b(?:Good|GOOD|Red|RED|Amber|AMBER|Green|GREEN)\b"
    r"|(?i:\b(?:judged|rated|graded|remains?|was|were|is|are)\s+(?:to be\s+|as\s+)?(?:good|red|amber|green)\b)"
    r"|(?i:\b(?:good|red|amber|green)\s+overall\b)"
    # an audit's opinion: "PSIRF Internal Audit Report (limited assurance)", "Significant Assurance had been provided"
    r"|(?i:\b(?:no|limited|reasonable|moderate|substantial|significant|full|partial|adequate)\s+assurance\b)"
)
_DECISION_RE = re.compile(
    r"\b(?:RESOLVED|resolved|agreed|decided|approved|endorsed|noted|recommended|determined|carried|adopted|refused|rejected)\b|"
    + TALLY.pattern
)
# A question asking what was decided (not one naming "decision 24/00093"), and a sentence recording a resolution
DECIDED_CUES = re.compile(r"\b(?:decided?|resolved?|agreed?|approved?|endorsed?|happened (?:to|with))\b", re.I)
_RESOLUTION_RE = re.compile(r"\bRESOLVED\b|\bresolved\b|\b(?:agreed|decided|agrees|decides) (?:that|to)\b")
# (not those "present", who attended: "present the report" presents)
_PRESENTED = (r"\bintroduc(?:e|ed|es|ing)\b|\bpresent(?:ed|s|ing)\b|\bpresent\s+(?:the|a|an|his|her|their|its|this)\b|\binformed (?:the )?(?:Committee|Board|Panel|Commission|Council|members)\b"
              # an officer speaking to their report: "Planner Rachael Willox said the purpose of this report was ..."
              r"|\b(?:said|explained|advised|noted)\s+(?:that\s+)?(?:the\s+purpose\s+of\s+)?(?:this|the|her|his|their)\s+report\b"
              r"|\b(?:outlined|summari[sz]ed|reviewed) the\b|\btook (?:the )?(?:Committee|Board|Panel|members) through\b"
              r"|\b(?:heard|received)\s+(?:a|the)\s+(?:verbal\s+)?(?:deputation|delegation|presentation|petition)\s+from\b")
_MOVERS = r"\b(?:RESOLVED|MOTION|AMENDMENT|Resolved|Motion|Amendment)\b:?\s*\(\s*[A-Z][\w'’-]+\s*/\s*[A-Z][\w'’-]+\s*\)"
_MOVED_BY = re.compile(_MOVERS)
# A role a "who" question asks about, and the words a sentence naming its holder uses
_ROLES = {
    "chair": r"\bchair(?:s|ed|ing|man|woman|person)?\b",
    "lead": r"\bl(?:ea)?d\b|\blead inspector\b|\bleads\b",
    # "On a motion by Commissioner Lyle", "A motion to adopt Resolutions ... was made by Director Irwin"
    # ... or the mover and seconder in brackets after the resolution's number: "87/14 RESOLVED: (Smyth/Flack)"
    "propose": r"\bpropos(?:e|es|ing|er)\b|(?<!\bthe )(?<!\ba )(?<!\ban )\bproposed\b|\bmoved\b|\bmotion (?:was )?(?:made )?by\b|\bmotion\b.{0,200}?\bwas\s+made\s+by\b|"
               + _MOVERS,
    "second": r"\bseconded\b|\bseconder\b|" + _MOVERS,
    # who brought an item to a meeting; minutes often say how they spoke to it: "Barnaby Briggs (Assistant Chief Fire
    # Officer) informed the Committee that the report covered ...", "outlined the report", "took members through"
    "introduce": _PRESENTED,
    "present": _PRESENTED,
    # who addressed a meeting: "the delegation request from C. Butler BE APPROVED to be heard", "heard a deputation from"
    "address": r"\baddress(?:ed|es|ing)\b|\b(?:deputation|delegation)s?\b(?: request)?\s+(?:from|by|of)\b|\bspoke\b",
    # a report's cover names who brings it and who wrote it: "From: Dylan Jeffrey, Cabinet Member for ...", "Author:"
    "bring": r"\b(?:From|Report (?:of|author))\s*:|\b(?:Report (?:by|from)|Authors?|(?:presented|introduced|written|prepared) by)\b"
             r"|\bReport\s+No\.?\s*\d[\d/]*\s+of\b",  # "Report No. 309/2017 of the Chief Executive (O. Keegan)"
    "open": r"\bopen(?:ed|s)\b",  # "The conference was opened by Brigadier James Webster"
    "elect": r"\belect(?:ed|ion)?\b",
    "appoint": r"\bappoint(?:ed|ment)?\b",
    # who filled a seat: a sentence saying someone was co-opted or nominated, not "the Council will co-opt"
    "co-opt": r"\bco-?opt(?:ed|ion)\b",
    "nominat": r"\bnominat(?:ed|ion)\b",
    # who won a vote or a seat: a sentence saying someone won or was elected, not "the meeting will report the results"
    "won": r"\b(?:won|wins|winner|(?:re-?)?elected|returned)\b",
    # the company chosen for a job: a sentence saying one was chosen, not "a quotation was received from ..."
    "chosen": r"\b(?:award(?:ed|s)?|appoint(?:ed|s)?|cho(?:se|sen)|select(?:ed|s)?|accept(?:ed|s)?|engag(?:ed|es)|commission(?:ed|s)|"
              r"won|successful|preferred|contracted|agreed to (?:use|go with)|went with)\b|\bcontract\b[^.]{0,200}?\bwith\b",
    # who was away: "Absent was Peter Buenz, Secretary.", "Apologies were received from ..."
    "absent": r"\babsen(?:t|ce)\b|\bapolog(?:y|ies|ised|ized)\b|\bnot (?:present|in attendance)\b|\b(?:did not|unable to|could not) attend\b"
              r"|\bexcused\b",
}
_CHOSEN = re.compile(_ROLES["chosen"], re.I)  # a sentence saying which company or person was chosen
# who is asked about: "who", "which board member", "which councillors"
_WHO_OR_WHICH = (r"(?:who|which\s+(?:\w+\s+){0,2}?(?:members?|councillors?|directors?|trustees?|governors?|commissioners?|"
                 r"supervisors?|officers?))")
# "Which board member missed the meeting?", "Who was absent?", "Who sent apologies?"
_ABSENT_ASKED = re.compile(rf"^\s*(?:and\s+)?{_WHO_OR_WHICH}\s+(?:was\s+|were\s+)?(?:absent|missed|sent apologies|gave apologies|"
                           r"gave their apologies|did not attend|did not come|could not attend|was not (?:present|at))\b", re.I)
_ROLE_ASKED = re.compile(rf"^\s*(?:[^:?]{{0,80}}:\s*)?(?:and\s+)?{_WHO_OR_WHICH}\s+(?:was\s+|were\s+|is\s+|has\s+been\s+)?(chair|lead|led|propos|second|introduc|present|elect|appoint|"
                         r"bring|brought|wrote|author|open|co-?opt|nominat|won|win|moved\b|address)\w*", re.I)
# work won, not a seat: "Who won RTD's contract for the new phone system?"
_WORK_WON = re.compile(r"\b(?:contracts?|tenders?|bids?|work|job|franchise|concession)\b", re.I)
# "Which company was awarded the contract ...?", "Which supplier did the council choose ...?"
_CHOSEN_ASKED = re.compile(r"^\s*(?:and\s+)?(?:which|what)\s+(?:company|firm|contractor|supplier|consultan\w*|provider|bidder|"
                           r"organi[sz]ation|business)\b", re.I)


# Who chairs a body: a sentence saying so with the verb ("She chairs the ...", "This is chaired by the lead member"),
# or the title beside a name ("Mr B J Sweetland (Chairman)", "Chair: Cllr Smith", "elected Vice Chair"); "The
# Chairman explained ..." or "The Chair of OSMC invited ..." says nobody. The body is the question's last word
# before its context ("Who chaired Kent's Scrutiny Committee when it heard ..." -> committee).
_CHAIR_HOLDER = re.compile(
    # ... with what they stand for between ("Councillor Douglas Reid, Council (Chair)")
    rf"\bchair(?:s|ed|ing)\b|\b{TITLES}\.? [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*,? (?:[A-Z][\w'’&-]*(?: [A-Z&][\w'’&-]*){{0,4}} )?\((?:Vice[- ])?Chair"
    rf"|\b(?:Vice[- ])?Chair(?:man|woman|person)?\s*[,:–-]\s*(?:{TITLES}|[A-Z][a-z]+ [A-Z])"
    r"|\b(?:elected\s+(?:as\s+|to\s+)?(?:Vice[- ])?|to\s+)Chair\b"  # (a PDF's words may stand two spaces apart)
    # the chair opening the meeting: "called to order by Finance Committee Chairman Larry Vincent", "Chair Kate Jones convened"
    r"|\bto\s+order\s+by\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'’-]*\s+){0,4}?Chair(?:man|woman|person)?\s+(?-i:[A-Z])"
    r"|\bChair(?:man|woman|person)?\s+(?:(?-i:[A-Z])[\w'’-]*\s+){1,2}(?:called|convened|opened)\b"
    # "Councillor Sullivan called the Finance Committee open session meeting to order."
    r"|(?-i:\b(?!(?:The|Chair\w*|Mayor|President|Clerk|Secretary|Convener|Speaker)\b)[A-Z][\w'’-]+)\s+called\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?(?:meeting|session)\s+to\s+order\b"
    # a report addressed to the chair: "Chairman Councillor Merrithew and Members of Finance Committee"
    rf"|\bChair(?:man|woman|person)?\s+(?:{TITLES}\.?\s+)?(?-i:[A-Z])[\w'’-]+\s+and\s+Members\b"
    # a full name after the title, or before it: "Regional Council Chairman Mark Farnsworth says", "Senator Jeff
    # Bridges, Chair" (not a vice-chair)
    r"|(?<!Vice )(?<!Vice-)(?<!Deputy )(?-i:\bChair(?:man|woman|person)?\s+(?!(?:Of|The|And|For)\b)[A-Z][a-z]+\s+[A-Z][\w'’-]+)"
    r"|(?-i:\b[A-Z][a-z]+\s+(?!(?:Committee|Council|Board|Panel|Authority|Commission|Group)\b)[A-Z][\w'’-]+,\s*Chair(?:man|woman|person)?\b)",
    re.I)
_CHAIRED_BODY = re.compile(r"^\s*(?:and\s+)?who\s+(?:was\s+|is\s+|has\s+been\s+)?chair\w*\s+(.+?)"
                           r"(?:\s+(?:when|while|at|in|on|during|according|for|before|after)\b|[?,]|$)", re.I)


# the people a question may ask for by their office: "Which councillor chaired ...?", "Which member moved ...?"
_OFFICE_HOLDERS = (r"councillors?|councilors?|councilm[ae]n|councilwom[ae]n|alderm[ae]n|members?|commissioners?|directors?|trustees?|"
                   r"selectm[ae]n|senators?|ministers?")
# a vote asked for by voter: "How did each trustee vote on ...?", "how the individual councillors voted"
_EACH_VOTER = re.compile(rf"\b(?:each|every|individual)\s+(?:{_OFFICE_HOLDERS})\b", re.I)
_VOTED_BY = re.compile(r"\bvot(?:ed|ing)\b", re.I)
# a question asking for a person: "Who put ...?", "On whose advice ...?", "Which councillors called in ...?"
_WHO_ASKED = re.compile(rf"^\s*(?:and\s+)?(?:who\b|(?:on|at|by) whose\b|which (?:[\w-]+ )?(?:{_OFFICE_HOLDERS}|officers?|person|people)\b)", re.I)
# a question asking which office holder
_NAMED_PERSON_ASKED = re.compile(rf"^\s*(?:and\s+)?which (?:{_OFFICE_HOLDERS})\b", re.I)
# a sentence naming a person: a title and a name ("Commissioner Lyle", "Mr Holden"), an initial and a surname ("D. Hill"),
# a name saying or doing something ("Chad Stearns recused"), a name after "at the request of" or "by"
_PERSON = re.compile(
    rf"\b(?:{TITLES}|Commissioner|(?:Vice[- ])?Chair(?:man|woman)?|Mayor|Senator|Director|Selectman|Professor|Supervisor|Trustee|"
    r"Alderman|Representative|Garda|Sergeant|Inspector|Superintendent|Constable|Sheriff|Judge|Reverend|Rev)\.?\s+(?:[A-Z]\.?\s+){0,3}[A-Z][\w'’-]+|\b[A-Z]\.\s?[A-Z][a-z]{2,}\b|\b(?!(?:The|This|That|Town|City|County)\b)[A-Z][a-z]+\s+"
    r"(?!(?:Board|Council|Committee|Commission|Meeting|Panel|Cabinet|Authority|Department|Trust|Group|Team|Services?|Office|"
    r"Members?|Staff)\b)[A-Z][a-z]+\s+(?:[a-z]+ed|said|asked|told|wrote|spoke|wishe[sd])\b|\b(?:request of|on behalf of|by|from)\s+[A-Z][a-z]+\s+[A-Z][a-z]+\b(?!\s+[A-Z])"
    r"|:\s*[A-Z][a-z]+\s+[A-Z][a-z]+\s+[A-Z][a-z]+\s+[A-Z][a-z]+")  # a list of names: "declared as: Esme Clark Betty Ross"


def chaired_body(question: str) -> str:
    """The word for the body a "who chaired" question asks about ("board", "committee"), or ""."""
    m = _CHAIRED_BODY.search(question)
    # (not the day of "the Finance Committee meeting of August 29, 2002")
    words = [w for w in tokenize(m.group(1)) if not w[0].isdigit() and w not in MONTH_NAMES] if m else []
    return words[-1] if words else ""


def asked_role(question: str) -> re.Pattern[str] | None:
    """For "Who chaired / led / proposed / was appointed / won ...?" or "Which company was chosen ...?", the words a
    sentence naming the holder (or the company) would use."""
    if _ABSENT_ASKED.search(question):
        return re.compile(_ROLES["absent"], re.I)
    m = _ROLE_ASKED.search(question)
    if m is None or (m.group(1).lower() in {"won", "win"} and _WORK_WON.search(question)):
        # work won is a company chosen
        return _CHOSEN if m is not None or _CHOSEN_ASKED.search(question) else None
    verb = m.group(1).lower()
    key = {"led": "lead", "propos": "propose", "introduc": "introduce", "brought": "bring", "wrote": "bring",
           "author": "bring", "coopt": "co-opt", "win": "won", "moved": "propose"}.get(verb, verb)
    return re.compile(_ROLES[key], re.I)


# What a money or count figure measures. A figure question naming one is answered only from a passage that
# names it too: "£712 per week" for support packages is not the cost of a children's home placement.
_MEASURES = {
    "budget": ("budget", "budgeted"), "overspend": ("overspend", "over-spend", "overspent"),
    "underspend": ("underspend", "under-spend", "underspent"), "turnout": ("turnout",),
    "salary": ("salary", "salaries", "pay"), "fee": ("fee", "fees", "charge"), "deficit": ("deficit",),
    "surplus": ("surplus", "excess"), "reserve": ("reserve", "reserves"), "income": ("income",), "interest": ("interest",), "fine": ("fine", "penalty", "penalties"),
    "hourly": ("hourly", "per hour", "an hour"), "weekly": ("weekly", "per week", "a week"),
    "average": ("average", "averaged", "averaging", "avg", "mean"),
}
# a question naming two sources: "both", "according to A and B", "... and then at ...", "and what does B say"
TWO_SOURCES_RE = re.compile(r"\bboth\b|\baccording to\b.+\band\b|\band (?:then |what )?(?:at|in|does|did|the)\b.+\bsay\b|\band then\b", re.I)


# (not a street number, "1201 East Abingdon Drive", nor a name's, "COVID-19")
_AMOUNT = re.compile(r"(?<![\w.,])(?<![A-Za-z]-)(\d[\d,]*(?:\.\d+)?)\s*(k|m|bn|thousand|million|billion)?(?![\w])(?!\s+(?-i:[A-Z][a-z]))", re.I)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}


def amounts(text: str) -> set[float]:
    """The values of the figures a text states, scaled ("£356k" and "£356.0k" are both 356000), leaving out years,
    dates, paragraph numbers, street numbers and single digits."""
    out = set()
    for m in _AMOUNT.finditer(_NOT_FIGURES.sub(" ", text)):
        digits = m.group(1).replace(",", "")
        if len(digits.replace(".", "").lstrip("0")) >= 2:
            out.add(round(float(digits) * _SCALE.get((m.group(2) or "").lower(), 1), 2))
    return out


def has_figure(sentence: str) -> bool:
    """Whether a sentence states a figure: a number that is not a year, date, quarter or paragraph number."""
    rest = _NOT_FIGURES.sub(" ", sentence)
    return bool(NUMBER_RE.search(rest) or _NUMBER_WORDS.search(rest))


@dataclass(frozen=True)
class AnswerConfig:
    """Thresholds of the extractive answerer, calibrated on the development questions (see README)."""

    min_score: float = 0.42
    support_ratio: float = 0.7
    max_sentences: int = 3
    passages_considered: int = 6
    weight_dense: float = 0.55
    weight_lexical: float = 0.45
    figure_bonus: float = 0.08
    date_bonus: float = 0.05
    decision_bonus: float = 0.05
    complement_share: float = 0.15
    named_figure_bonus: float = 0.1
    superseded_penalty: float = 0.1


@dataclass(frozen=True)
class Candidate:
    passage_index: int
    quote: str
    score: float
    cosine: float
    coverage: float


def _question_terms(text: str, lexical: LexicalIndex) -> dict[str, float]:
    terms = {}
    for tok in tokenize(text):
        terms[tok] = max(lexical.idf_of(tok), 0.5)
    return terms


_NOT_NAMES = frozenset(
    """what which when where who whom whose how why did does do was were is are the and according under before after
    during since until at in on of for to by from with about between within january february march april may june july
    august september october november december monday tuesday wednesday thursday friday saturday sunday council county
    city borough metropolitan district children child childrens young people family families service services trust panel
    committee cabinet board member members officer officers report reports paper papers minutes meeting quarter
    ofsted inspection inspector inspectors local authority government department office director head chair chairman leader
    annual plan strategy policy overall effectiveness good outstanding inadequate requires improvement care leaver leavers
    education health social corporate parenting scrutiny overview question questions answer answers if there this that
    these those it its their they mr mrs ms dr cllr councillor councillors councilor councilors am i""".split()
)


_GENERIC = frozenset(tokenize(
    """average weekly monthly annual yearly cost costs number numbers many much rate rates percentage proportion share total
    figure figures amount level value size how what which year years quarter month week day time last latest current
    new council councils get gets got getting give gives gave given giving back expect expects expected expecting receive receives
    received actually
    dollars pounds euros rupees"""))


_CONTEXT = re.compile(r"\b(?:at the time of|according to|as reported|reported to|"
                      r"in (?:its|the|[\w-]+[’']s) (?:[\w-]+ ){0,4}?(?:report|inspection|minutes|overview|memo|presentation|update)|"
                      r"in (?:its|the) (?:\w+ ){0,3}?(?:budget|plan|strategy)(?=\s*(?:[?,.;]|$)|\s+(?:in|at)\s)|"
                      # what was "added to the FY 2003 budget" has a cost of its own, not a budget
                      r"(?:to|into) (?:its|the) (?:\w+ ){0,3}?budget(?=\s*(?:[?,.;]|$)|\s+(?:in|at)\s)|"
                      r"at (?:its|the) (?:\w+ ){0,4}?(?:inspection|meeting|panel))\b", re.I)


# where the question proper begins, after the words of where to look: "..., what was ...?"
_QUESTION_BEGINS = r"(?=(?:what|how|who|which|when|where|why|did|does|do|was|were|is|are|has|have)\b)"
# a question opening with the paper it asks about: "In Oro-Medonte's 2008 budget overview, what was ...?"
_OPENING_PAPER = re.compile(r"^\s*(?:in|according to)\s+[^,?:;]{0,100}?\b(?:paper|report|overview|memo|memorandum|minutes|"
                            rf"agenda|budget|plan|statement|letter|update|presentation|document)s?\s*,\s*{_QUESTION_BEGINS}", re.I)


def _asked_part(question: str) -> str:
    """A question without its context: "... at the time of the 2024 SEND inspection", "according to the budget
    monitoring report" say where to look, not what is asked about. Each part of a two-part question is asked:
    "What were the balances at the July meeting, and how much was paid out in cheques?" (unless the first opens
    with its context, "In the Estyn annual report session, who told ...", and so asks nothing we can tell). A
    paper named before the question ("In the Town of Hopkinton's initial FY25 budget paper, what do total sources of
    funds come to?") is where to look as well: what is asked follows it."""
    question = _OPENING_PAPER.sub("", question, count=1)
    first, *rest = _SECOND_PART.split(question, maxsplit=1)
    asked = _CONTEXT.split(first, maxsplit=1)[0]
    return " ".join([asked, *(_CONTEXT.split(part, maxsplit=1)[0] for part in rest)]) if asked.strip() else asked


def subject_words(query: Query) -> set[str]:
    """The question's own words for what a figure is of, leaving out names, periods and words for measures."""
    names = set(required_terms(query))
    asked = _asked_part(query.question)
    return {t for t in tokenize(asked) if t not in names and t not in _GENERIC and not t[0].isdigit()}


_SUFFIX = re.compile(r"(?:ations?|ating|ated|ate|ings?|ed|es|e|ly)$")


def _stem(token: str) -> str:
    """A word without its ending, so "closing" meets "closed" and "redecoration" meets "redecorating"."""
    stem = _SUFFIX.sub("", token)
    return stem if len(stem) >= 4 else token


def _stems(text: str) -> set[str]:
    """The stems (see ``_stem``) of a text's words."""
    return {_stem(t) for t in tokenize(text)}


def _subject_stems(query: Query) -> set[str]:
    """The stems of the question's words for what it asks about (see ``subject_words``)."""
    return {_stem(t) for t in subject_words(query)}


_MONEY_ASKED = re.compile(r"\b(?:cost|costs|value|price|budget|spend|spent|spending|funding|fee|fees|salary|overspend|underspend|"
                          r"savings?|investment|invested|GVA|income|revenue|(?<!staff )(?<!staffing )(?<!employee )(?<!workforce )turnover|precept|balances?|reserves?|worth|how much (?:money|funding|did|does|do|was|is|will|has|have)|"
                          r"in (?:dollars|pounds|euros|rupees))\b", re.I)
_CHANGE_ASKED = re.compile(r"\b(?:percentage|per ?cent|%|rise|rose|ris(?:en|ing)|increas|decreas|fall|fell|grow|grew|change|compare|reduc|cut|"
                           r"(?:go|goes|went|gone|going) (?:up|down))", re.I)
# "What TRIFR did Nelmac actually achieve?": what happened is asked, not what was aimed at or foreseen (unless compared)
_ACTUAL_ASKED = re.compile(r"\b(?:actual(?:ly)?|achieved)\b", re.I)
_PLAN_ASKED = re.compile(r"\b(?:targets?|budget\w*|assum\w*|forecast\w*|project\w*|estimat\w*|expect\w*|plann?\w*|versus|vs\.?|against|"
                         r"compar\w*)\b", re.I)
_PLANNED_ONLY = re.compile(r"\b(?:targets?|estimat\w*|forecast\w*|projected|anticipated)\b", re.I)
_HAPPENED = re.compile(r"\b(?:actual\w*|achiev\w*|outturn|reached|recorded|delivered)\b", re.I)
_MONEY = re.compile(r"[£$€₹]\s?\d|\bRs\.?\s?\d|\d\s?(?:million|billion|bn|m|k|lakhs?|crores?)\b|\d\s?[£$€](?!\w)|"
                    r"\b(?:pounds?|pence|dollars?|rupees?|euros?)\b", re.I)
# a table's unit, stated once for all its rows: "(Rs. in lakhs)", "(£000)", "$ in millions", "£'000"
_MONEY_UNIT = re.compile(r"\(\s*(?:in\s+)?(?:Rs\.?|₹|£|\$|€|INR|USD|GBP|EUR)\s*(?:in\s+)?(?:lakhs?|crores?|thousands?|millions?|"
                         r"billions?|m|bn|k|'?000s?)?\s*\)|[£$€]\s?'?000s?\b|[£$€]\s+in\s+(?:thousands|millions|billions)\b|"
                         r"\bin\s+(?:lakhs|crores)\b", re.I)
_PER_N = re.compile(r"\bper\s+(\d[\d,]*)")


# a question asking for a percentage or share, and a sentence giving one ("34%", "12 per cent", "one in five", "half")
_SHARE_ASKED = re.compile(r"\bwhat (?:percentage|proportion|share|per ?cent)\b"
                          # a rate that is a percentage: "what interest rate", "the vacancy rate" (not "the rate per 10,000")
                          r"|\b(?:interest|inflation|vacancy|occupancy|collection|absorption|growth|unemployment|completion|"
                          r"attendance)\s+rates?\b|\brates? of (?:interest|inflation|return)\b"
                          r"|\b(?:staff|staffing|employee|workforce)\s+turnover\b", re.I)  # staff turnover is a rate, not money
_SHARE = re.compile(r"%|\bper ?cent\b|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:in|out of) (?:\d|every|ten|\w+ (?:children|pupils|people))"
                    r"|\b(?:half|third|quarter|fifth|tenth|majority|minority)\b", re.I)


def unit_missing(question: str, sentence: str, unit: str = "") -> str:
    """What a figure sentence lacks of the unit a question asks for: money for a cost, value or budget
    (unless a change or a share of it, or a vote on it, is asked for), "per 1,000" for a rate per 1,000, a percentage
    or share for "what percentage"; empty when nothing is missing. ``unit`` is where a table states its unit for all
    its rows (its passage's title, heading and text): a row "2 Housing Schemes 6027.00 3001.41" of a table "(Rs. in
    lakhs)" is in money."""
    if (_MONEY_ASKED.search(question) and not _CHANGE_ASKED.search(question) and not _SHARE_ASKED.search(question)
            and not VOTE_CUES.search(question) and not counts_only(question)  # "how many ... received help with costs"
            and not _MONEY.search(sentence) and not (has_figure(sentence) and _MONEY_UNIT.search(unit))):
        return "a sum of money for what was asked"
    asked = {n.replace(",", "") for n in _PER_N.findall(question)}
    if asked and not asked & {n.replace(",", "") for n in _PER_N.findall(sentence)}:
        return f"a rate per {', '.join(sorted(asked))}"
    if _SHARE_ASKED.search(question) and not _SHARE.search(sentence):
        return "a percentage or share for what was asked"
    return ""


def _unit_of(passage: Passage) -> str:
    """Where a passage's table may state its unit: its paper's title, its heading and its text."""
    return f"{passage.title} {passage.heading} {passage.text}"


# what a question's second sentence may open with, telling how to answer rather than naming anything
_INSTRUCTIONS = frozenset(
    "give list explain show state tell provide include name quote compare summarise summarize please describe specify "
    "cite answer mention note detail".split()
)


def required_terms(query: Query) -> list[str]:
    """Tokens a supporting paper must contain: years, indicator codes and distinctive names in the question."""
    needed = list(query.years) + [c.lower() for c in query.codes]
    for m in re.finditer(r"\b([A-Z][a-z]{2,}|[A-Z]{2,}[a-z]?)(?:[’']s)?\b", query.question):
        word = m.group(1)
        if m.start() == 0 or word.lower() in _NOT_NAMES or word.lower() in ACRONYMS:
            continue
        if word.lower() in _INSTRUCTIONS and re.search(r"[.?!:]\s+$", query.question[:m.start()]):
            continue  # an instruction opening a second sentence: "Did X beat its target? Give the figures."
        toks = tokenize(word)
        if toks:
            needed.append(toks[0])
    return list(dict.fromkeys(needed))


def _words_key(text: str) -> str:
    """A text's words, lower-cased and joined by single spaces (punctuation and numbers left out)."""
    return " ".join(re.findall(r"[A-Za-z][A-Za-z'’-]*", text)).lower()


def _names(passage: Passage) -> set[str]:
    """The word keys of a passage's paper title, body and last heading."""
    return {_words_key(n) for n in (passage.title, passage.body, passage.heading.rsplit(" > ", 1)[-1]) if n}


def _bare(quote: str, names: set[str]) -> bool:
    """A "sentence" that says nothing: fewer than three words, or only the paper's title, body or heading. A table's
    row of figures says something with a short name: "Incidents 2,613 2,659 3,306 3,076 3,463 3,494 1409"."""
    key = _words_key(quote)
    if key and len(re.findall(r"(?<![\w.,/])\d[\d,.]*%?(?![\w/])", quote)) >= 3 and key not in names:
        return False
    return len(key.split()) < 3 or key in names


def score_sentences(
    query: Query, passages: list[Passage], embedder: Embedder, lexical: LexicalIndex, config: AnswerConfig
) -> list[Candidate]:
    """Every sentence of the leading passages, scored against the question."""
    spans = []
    for i, p in enumerate(passages[: config.passages_considered]):
        names = _names(p)
        for s, e in sentence_spans(p.text):
            quote = p.text[s:e]
            if len(quote) >= 15 and re.search(r"[A-Za-z]{3}", quote) and not _bare(quote, names):
                spans.append((i, quote))
    if not spans:
        return []
    question_text = query.question if not query.follow_up else f"{query.question} {query.lexical_text}"
    terms = _question_terms(question_text, lexical)
    named = amounts(query.question)  # a figure the question names ("the extra £356k") is stated where it is spoken of
    total = sum(terms.values()) or 1.0
    # a vote's sentence is embedded after what was voted on only for a question about a vote: for any other
    # question about the motion, its tally would match as well as the motion's own words
    vectors = embedder.embed([query.dense_text] + [without_names(clean_sentence(q), passages[i].heading if query.wants_vote else "")
                                                   for i, q in spans])
    cosines = vectors[1:] @ vectors[0]
    out = []
    for (i, quote), cos in zip(spans, cosines):
        tokens = set(tokenize(quote + " " + passages[i].title + " " + passages[i].heading))
        coverage = sum(w for t, w in terms.items() if t in tokens) / total
        score = config.weight_dense * float(cos) + config.weight_lexical * coverage
        if query.wants_figure:
            score += config.figure_bonus if has_figure(quote) else -config.figure_bonus
        if query.wants_date:
            score += config.date_bonus if _DATE_RE.search(quote) else -config.date_bonus
        if query.wants_decision and _DECISION_RE.search(quote):
            score += config.decision_bonus
        if named and named & amounts(quote):
            score += config.named_figure_bonus
        if passages[i].superseded:
            score -= config.superseded_penalty  # the draft a later version replaced yields to that version
        score += 0.02 / (1 + i)
        out.append(Candidate(i, quote, score, float(cos), coverage))
    out.sort(key=lambda c: -c.score)
    return out


def compose(question: str, passages: list[Passage], chosen: list[Candidate]) -> tuple[str, tuple[Citation, ...]]:
    """Answer text with [n] markers and the citations they resolve to, numbered in order of use."""
    numbers: dict[int, int] = {}
    citations: list[Citation] = []
    parts = []
    for c in chosen:
        if c.passage_index not in numbers:
            numbers[c.passage_index] = len(numbers) + 1
        n = numbers[c.passage_index]
        citations.append(Citation(n, passages[c.passage_index], c.quote))
        sentence = clean_sentence(c.quote)
        if not sentence.endswith((".", "?", "!", ":")):
            sentence += "."
        parts.append(f"{sentence} [{n}]")
    return " ".join(parts), tuple(citations)


def extractive_answer(
    query: Query,
    passages: list[Passage],
    embedder: Embedder,
    lexical: LexicalIndex,
    config: AnswerConfig = AnswerConfig(),
) -> Answer:
    """Answer from the passages' own sentences, or abstain."""
    if not passages:
        return Answer(query.question, NOT_FOUND, True, (), tuple(passages), notes=("no passages found",))
    needed = required_terms(query)
    # an acronym the papers never use, written out in a passage found, is no missing name
    needed = [t for t in needed if lexical.known(t) or not _spelled_out(t, query.question, passages)]
    # a name the papers never write out, whose initials they use, is asked for by those initials
    short = _initials_used(query.question, lexical)
    needed = list(dict.fromkeys(short.get(t, t) for t in needed))
    unknown = [t for t in needed if not any(lexical.known(f) for f in _forms(t))]
    if unknown:
        note = f"the papers never mention {', '.join(unknown)}"
        return Answer(query.question, NOT_FOUND, True, (), tuple(passages), notes=(note,))
    candidates = score_sentences(query, passages, embedder, lexical, config)
    chosen, missing = select(query, passages, candidates, needed, lexical, config)
    if not chosen:
        reason = f"no paper found mentions {', '.join(missing)}" if missing else "best evidence too weak"
        return Answer(query.question, NOT_FOUND, True, (), tuple(passages), notes=(reason,))
    text, citations = compose(query.question, passages, [_own_passage(c, passages) for c in chosen])
    return Answer(query.question, text, False, citations, tuple(passages))


def _own_passage(c: Candidate, passages: list[Passage]) -> Candidate:
    """A sentence completed across a page or passage break is cited from the neighbouring passage found that holds
    most of it: "... ahead of the full move in 2025, which includes approximately 1500 people" stands on page 4,
    though its first words close page 3."""
    def own_share(p: Passage) -> float:
        at = p.text.find(c.quote)
        if at < 0:
            return -1.0
        own = max(0, min(at + len(c.quote), len(p.text) - p.borrowed_after) - max(at, p.borrowed_before))
        return own / max(1, len(c.quote))
    here = passages[c.passage_index]
    share = own_share(here)
    if share > 0.5:
        return c
    found = [i for i in (_neighbour(passages, here, -1), _neighbour(passages, here, 1)) if i >= 0]
    best = max(((own_share(passages[i]), i) for i in found), default=(share, c.passage_index))
    return replace(c, passage_index=best[1]) if best[0] > share else c


def _spelled_out(token: str, question: str, passages: list[Passage]) -> bool:
    """Whether a question's acronym the papers never use is written out in full in a passage found: "ADCS" for
    "the Association of Directors of Children's Services"."""
    letters = _question_acronyms(question).get(token, "")
    if not letters:
        return False
    pattern = _written_out(letters)
    return any(pattern.search(p.text) for p in passages)


def _question_acronyms(question: str) -> dict[str, str]:
    """A question's acronyms, each by its index token and written without a plural s: {"lch": "LCH", "ehcp": "EHCP"}
    for "How many EHCPs did the LCH board ...?"; the first of two spellings of one token counts."""
    found: dict[str, str] = {}
    for word in re.findall(r"\b[A-Z]{2,6}s?\b", question):
        tokens = tokenize(word)
        if len(tokens) == 1:
            found.setdefault(tokens[0], word.rstrip("s"))
    return found


_OPENERS = frozenset("what which when where who whom whose how why did does do is are was were has have had in at on for "
                     "according under the and".split())


# a run of capitalised words, small joining words between ("Visakhapatnam Urban Development Authority"), and one
# that a comma may join ("Communities, Housing and Environment Committee")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][\w’'-]*)+")
_NAME_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:,?\s+(?:(?:of|and|for|the|&)\s+)*[A-Z][\w’'-]*)+")


def _name_runs(pattern: re.Pattern[str], question: str) -> Iterator[list[str]]:
    """The capitalised words of each run of them in a question, without the question's opening word: "What Urban
    ...", "In Visakhapatnam ..."."""
    for m in pattern.finditer(question):
        words = [w for w in re.findall(r"[\w’'-]+", m.group(0)) if w[0].isupper()]
        while words and words[0].lower() in _OPENERS:
            words.pop(0)
        yield words


def _initials_used(question: str, lexical: LexicalIndex) -> dict[str, str]:
    """The words of each name in a question that the papers never write out but abbreviate, mapped to its initials:
    "Visakhapatnam Urban Development Authority" is "VUDA" in its own budget."""
    found: dict[str, str] = {}
    for words in _name_runs(_CAPITALISED_RUN, question):
        tokens = [t for w in words for t in tokenize(w)]
        initials = "".join(w[0] for w in words).lower()
        if len(words) >= 2 and any(not lexical.known(t) for t in tokens) and lexical.known(initials):
            found.update((t, initials) for t in tokens)
    return found


def _written_out(letters: str) -> re.Pattern[str]:
    """An acronym's letters as the words they stand for: "EHCP" finds "Education, Health and Care Plan"."""
    words = r"\W+(?:(?:of|and|for|the|in|on|&)\W+)*".join(rf"{ch}[\w’']*" for ch in letters)
    return re.compile(rf"\b{words}\b")


def _acronyms(question: str) -> set[str]:
    """The acronyms a question counts or measures ("how many EHCPs", "the percentage of FOI requests"), upper-cased
    and without a plural s; not those naming a source or a kind of figure ("Ofsted's SCCIF", "the RAG rating")."""
    found = re.findall(r"\b(?:many|number of|percentage of|proportion of|rate of|share of)\s+(?:the\s+)?([A-Z]{2,6}s?)\b", question)
    return {w.rstrip("s") for w in found if len(w.rstrip("s")) >= 2}


def _names_any(text: str, acronyms: set[str]) -> bool:
    """Whether a text names one of the acronyms, itself or written out ("EHCP", "Education, Health and Care Plan")."""
    for acronym in acronyms:
        if re.search(rf"\b{acronym}s?\b", text, re.I):
            return True
        spelled = ACRONYMS.get(acronym.lower())
        if spelled and spelled in text.lower():
            return True
        if _written_out(acronym).search(text):
            return True
    return False


# a people's name for the place a paper names: "Kenyan" counties are Kenya's, a "Welsh" board is in Wales
_DEMONYMS = {"welsh": "wale", "scottish": "scotland", "irish": "ireland", "english": "england", "british": "britain"}


def _forms(token: str) -> tuple[str, ...]:
    """A required token and the place it may name: "kenyan", "kenya"; "australian", "australia"."""
    place = _DEMONYMS.get(token) or (token[:-1] if len(token) > 5 and token.endswith("an") else "")
    return (token, place) if place else (token,)


def _written_out_in(question: str, needed: list[str], passages: list[Passage]) -> dict[str, set[str]]:
    """For each acronym of the question that is a needed term, the papers found that write it out instead: minutes
    headed "Leeds Community Healthcare NHS Trust" are the "LCH" board's though they never write "LCH"."""
    found: dict[str, set[str]] = {}
    for token, letters in _question_acronyms(question).items():
        if token in needed:
            pattern = _written_out(letters)
            found[token] = {p.doc_id for p in passages if pattern.search(f"{p.title}\n{p.body}\n{p.text}")}
    return found




def _initials_in(question: str, needed: list[str], passages: list[Passage], lexical: LexicalIndex) -> dict[str, set[str]]:
    """For each needed word of a name the question writes out, the papers found that use the initials of three or
    more of its words instead: a "CHE quarter 2 performance report" is the "Communities, Housing and Environment
    Committee"'s though it never writes that out."""
    found: dict[str, set[str]] = {}
    for words in _name_runs(_NAME_RUN, question):
        for i in range(len(words)):
            for j in range(i + 3, min(len(words), i + 6) + 1):
                initials = "".join(w[0] for w in words[i:j]).lower()
                docs = {p.doc_id for p in passages if lexical.doc_contains(p.doc_id, initials)}
                for t in {t for w in words[i:j] for t in tokenize(w)} & set(needed):
                    found.setdefault(t, set()).update(docs)
    return found


def _covers(c: Candidate, passages: list[Passage], needed: list[str], lexical: LexicalIndex,
            written: dict[str, set[str]] | None = None) -> set[str]:
    doc_id = passages[c.passage_index].doc_id
    return {t for t in needed if any(lexical.doc_contains(doc_id, f) for f in _forms(t)) or doc_id in (written or {}).get(t, ())}


def _year_match(c: Candidate, passages: list[Passage], year: str) -> bool:
    p = passages[c.passage_index]
    return (p.date or "").startswith(year) or year in c.quote


def _file_words(passage: Passage) -> str:
    """A passage's file name read as words: "report_q3_2024-25.pdf" names its quarter and financial year."""
    return re.sub(r"[_.]+", " ", Path(passage.doc).name)


def _financial_years_of(c: Candidate, passages: list[Passage]) -> set[str]:
    """The financial years a sentence, its paper's title or its file name name (a day's date in it names none)."""
    p = passages[c.passage_index]
    return financial_years_in(f"{_file_words(p)} {p.title} {c.quote}")


def _month_of(date: str | None) -> str:
    """"December 2024" for "2024-12-31"; empty when there is no full date."""
    m = re.match(r"(\d{4})-(\d\d)", date or "")
    return f"{MONTH_NAMES[int(m.group(2)) - 1]} {m.group(1)}" if m and 1 <= int(m.group(2)) <= 12 else ""


def loose_years(query: Query) -> set[str]:
    """The years a question names apart from its financial years: "2022" in "for 2019/20, and ... in the 2022
    revaluation"."""
    within = {str(int(fy[:4]) + step) for fy in query.financial_years for step in (0, 1)}
    return {y for y in query.years if y not in within}


def period_matches(query: Query, passage: Passage) -> bool:
    """Whether a passage can speak for the period the question names.

    A year must appear in the passage (its text, heading, paper title or file name) or be the year of its paper
    (or the year after, for reports published after the period they cover); a question about two years
    needs one of them here, the other from another sentence. A quarter must be named in the passage, its title or its file name.
    A passage that names only another financial year, or only other months of the year asked about (its paper's
    date counts as one it names), speaks of another period.
    """
    name = _file_words(passage)
    where = f"{name} {passage.title} {passage.heading} {passage.text}"
    if query.years:
        dated = (passage.date or "")[:4]
        ok = [y for y in query.years if y in where or dated in (y, str(int(y) + 1))]
        if not ok:
            return False
    if query.financial_years:
        named = financial_years_in(where)
        if named and not named & set(query.financial_years) and (passage.date or "")[:4] not in loose_years(query):
            # it speaks of another financial year ("Q3 2024/25" for a question about 2023-24), unless its paper is of
            # a year the question names apart ("the rates rise for 2019/20 and the 2022 revaluation")
            return False
    if query.months and not (query.financial_years and financial_years_in(where) & set(query.financial_years)):
        # (a question naming a month and a financial year, "in January 2024 ... and in 2024-25", has two periods)
        years = {y for _, y in query.months}
        named_months = {m for m in months_in(f"{where} {_month_of(passage.date)}") if m[1] in years}
        if named_months and not named_months & set(query.months):
            return False  # another month of that year ("31 December 2024" for "the end of March 2024")
    if not query.quarters:
        return True
    own = quarters_in(f"{name} {passage.title}")
    if own and not own & set(query.quarters):
        # a paper for another quarter speaks of the one asked only where it names it, with the financial year asked
        # if one is: "the highest since Quarter 4, 2022/23" in the Quarter 3 2024/25 report is not Quarter 4 2024/25
        text = f"{passage.heading} {passage.text}"
        return any(
            quarters_in(m.group(0)) & set(query.quarters)
            and (not query.financial_years or financial_years_in(text[m.end(): m.end() + 20]) & set(query.financial_years))
            for m in QUARTER_RE.finditer(text)
        )
    return bool(set(query.quarters) & quarters_in(where))


_COMPARED_FY = re.compile(r"\b(?:same (?:period|quarter|time) (?:in|of|last year)?|compared (?:with|to)|than|from|since|on|against|in)\s+"
                          r"(?:the\s+)?(?:(?:same|previous|last)\s+)?(?:\w+\s+){0,2}?(?:20\d\d\s*[-/–]\s*\d{2,4})", re.I)


_STATUTE_YEAR = re.compile(r"\b(?:Act|Order|Regulations|Rules|Measure)\s+(?:of\s+)?(?:19|20)\d\d\b")


# a figure said with its financial year: "£579.6m for 2025/26", "$4.2 million in FY 2024-25"
_FIGURE_FOR_FY = re.compile(r"[£$€]\s?\d[\d,.]*\s?(?:m|bn|k|million|billion)?\s+(?:for|in)\s+((?:the\s+)?(?:FY\s?)?(?:19|20)\d\d\s*[-/–]\s*\d{2,4})",
                            re.I)


def other_years(query: Query, quote: str, paper_date: str | None = None) -> bool:
    """Whether a sentence names only years other than those asked about (or the year before one).

    "Inspection dates: 9 to 20 May 2022 ... Outstanding" does not answer a question about the 2017 inspection,
    even in a report that mentions 2017 elsewhere. A year that is the sentence's paper's own names the source,
    not the period ("according to the 2022 report, when did the council begin to challenge the Trust?").
    """
    if query.financial_years:
        # "the 2024-25 Public Health grant has increased" is no answer about 2025-26; "a 4% increase on the same
        # period in 2023/24" compares a 2024/25 figure with the year before
        named_fy = financial_years_in(quote)
        compared = {fy for m in _COMPARED_FY.finditer(quote) for fy in financial_years_in(m.group(0))}
        # ... in a paper of the year asked: "a reduction to the management fee from 2022/23, resulting in a fee of
        # £3.835m for 2023/24" in a February 2023 paper gives no fee for 2024/25
        asked = {str(int(fy[:4]) + step) for fy in query.financial_years for step in (0, 1)}
        if paper_date and paper_date[:4] not in asked:
            compared = set()
        if named_fy and not named_fy & (set(query.financial_years) | compared):
            return True
        # every figure said with its year is of another: "the net Revenue Budget estimate of £579.6m for 2025/26 ...; ix)
        # Note progress with the Council Plan and Budget 2024/25" gives no budget for 2024/25
        tied = {fy for m in _FIGURE_FOR_FY.finditer(quote) for fy in financial_years_in(m.group(1))}
        if tied and not tied & set(query.financial_years):
            return True
    if not query.years or (paper_date or "")[:4] in query.years:
        return False
    quote = _STATUTE_YEAR.sub(" ", quote)  # "the Regulatory Reform (Fire Safety) Order 2005" names a law, not a period
    named = set(YEAR_RE.findall(quote))
    for m in YEAR_RANGE_RE.finditer(quote):  # "Sufficiency Strategy 2022-2027" speaks of 2024 too
        first, last = year_span(m)
        named |= {str(y) for y in range(first, min(last, first + 30) + 1)}
    if not named and paper_date:
        # "this year" and "last year" are of the paper's year: "a 10% turnover in the first quarter of this year", in
        # minutes of February 2016, is no figure for 2015
        own = int(paper_date[:4])
        named = ({str(own)} if _THIS_YEAR.search(quote) else set()) | ({str(own - 1)} if _LAST_YEAR.search(quote) else set())
    allowed = set(query.years) | {str(int(y) - 1) for y in query.years}
    return bool(named) and not named & allowed


_THIS_YEAR = re.compile(r"\bthis (?:calendar )?year\b", re.I)
_LAST_YEAR = re.compile(r"\b(?:last|previous) (?:calendar )?year\b", re.I)


def other_quarters(query: Query, quote: str) -> bool:
    """Whether a sentence names only quarters other than those asked about: "In Quarter 3, the service
    delivered 17,051 reviews" does not answer a question about Quarter 4."""
    named = quarters_in(quote)
    return bool(query.quarters and named) and not named & set(query.quarters)


# a sentence saying only that a subject came up: "9.3 The replacement of the gas heaters in the Village Hall was discussed."
_ANNOUNCES = re.compile(r"^.{0,160}\b(?:was|were)\s+(?:discussed|considered|debated|raised|reviewed|mentioned)\s*\.?$", re.I | re.S)
# an agenda item's title: "Discussion and possible action on a contract with Tesco Controls to replace two VFD's ...",
# "To receive the Clerk's report", "Consideration of the draft budget"
_AGENDA_ITEM = re.compile(r"^(?:[\w.()]{1,6}\s+)?(?:Discussion (?:and (?:possible )?action )?(?:on|of|regarding)|Consideration of|"
                          r"Update on|Presentation (?:on|of)|To (?:consider|receive|note|approve|agree|discuss)\b)[^.]{0,240}\.?$")
# an item's heading standing as a sentence: "• Llandeilo Covid19 Support Appeal.", "7. Planning Applications"
_HEADING_WORDS = re.compile(r"[(#]?[A-Z0-9][\w’'&().,/#-]*|of|and|the|to|for|from|by|with|in|on|at|a|an|&|[-–•]")


# a question put at a meeting as minuted ("• Was the Council in discussion with NAMA and could it obtain a list.");
# a speaker's question in a transcript often holds the fact it asks about, and is left as it is
_ASKS = re.compile(r"^(?:[•*-]\s*)?(?:Would|Was|Were|Could|Can|Is|Are|Did|Does|Do|Has|Have|Will|Should)\s+"
                   r"(?:the|there|it|this|that|they|you|we|he|she|people|members|any|anyone|[A-Z][a-z]+)\b")


def _heading_only(quote: str, most: int = 8) -> bool:
    """Whether a sentence is only a heading: a few words (``most`` at most), each capitalised but for small joining words."""
    words = clean_sentence(quote).strip(" .:").split()
    return 0 < len(words) <= most and all(_HEADING_WORDS.fullmatch(w) for w in words) and any(w[0].isupper() for w in words)


def _tabular(quote: str) -> bool:
    """Whether a sentence reads as a table's rows: at least ten words, a quarter of them figures (not years, dates
    or paragraph numbers) or half of them words in capitals."""
    words = re.findall(r"[£$€]?\d[\d,./]*|[A-Za-z][A-Za-z’']+", _NOT_FIGURES.sub(" ", quote))
    if len(words) < 10:
        return False
    numbers = sum(w[0].isdigit() or w[0] in "£$€" for w in words)
    capitals = sum(w.isupper() and len(w) > 3 for w in words)
    return numbers >= len(words) / 4 or capitals >= len(words) / 2


# a paragraph's number or a page number standing alone: "1.", "(b)", "8"
_MARKER_ONLY = re.compile(r"\(?(?:\d{1,3}|[a-z]{1,3})[.)]?")


def _next_sentence(c: Candidate, passages: list[Passage], step: int = 1, shortest: int = 15) -> Candidate | None:
    """The sentence that follows ``c`` (or, with ``step`` -1, the one before it): in its passage, or, past its
    passage's last (first) sentence, the first (last) of the next (previous) passage of its paper when that passage
    is among those found; None when it is shorter than ``shortest`` characters."""
    here = passages[c.passage_index]
    quotes = [here.text[s:e] for s, e in sentence_spans(here.text)]
    if c.quote not in quotes:
        return None
    at = quotes.index(c.quote) + step
    while 0 <= at < len(quotes) and _MARKER_ONLY.fullmatch(quotes[at]):
        at += step  # a paragraph's number split off it ("1." before "Christy Holden ... introduced ...") is passed over
    index, quote = c.passage_index, quotes[at] if 0 <= at < len(quotes) else ""
    if not quote:
        index = _neighbour(passages, here, step)
        spans = sentence_spans(passages[index].text) if index >= 0 else []
        edge = spans[0 if step > 0 else -1] if spans else None
        quote = passages[index].text[edge[0]:edge[1]] if edge else ""
    return Candidate(index, quote, c.score, c.cosine, c.coverage) if len(quote) >= shortest else None


# a sentence whose subject is in the one before it: "This represents around 45% of total costs.", "He is the
# Executive Member with responsibility for parking policy." ("It was agreed that ..." stands on its own)
_REFERS_BACK = re.compile(r"^(?:(?:This|That|These|Those)\s+(?:is|was|are|were|has|have|had|will|would|can|could|"
                          r"means?|represents?|includes?|shows?|\w+s)\b|(?:He|She|They)\b|It\s+(?!(?:was|is|has|had|will|"
                          r"would|may|might|can|could|should|must)\b)[a-z]+s\b)")


def _following(c: Candidate, passages: list[Passage], reach: int = 12) -> Iterator[Candidate]:
    """The sentence after ``c``; and when ``c`` opens a numbered item, the rest of the item's sentences, up to the next
    item's opening."""
    opens = OPENS_ITEM.match(clean_sentence(c.quote))
    here: Candidate | None = c
    for _ in range(reach if opens else 1):
        here = _next_sentence(here, passages) if here is not None else None
        if here is None or (opens and OPENS_ITEM.match(clean_sentence(here.quote))):
            return
        yield here


_BULLET = re.compile(r"^\s*[•·▪●\uf020-\uf0ff*–-]")


def _list_lead_in(c: Candidate, passages: list[Passage], reach: int = 12) -> str:
    """For a bulleted item, the line introducing its list ("Jennifer Schuster provided updates on QTEA ... financials,
    highlighting the structure of revenue and expenditures:"), which says what the item is about; else "".
    The lines between must all be items of the list."""
    if not _BULLET.match(c.quote):
        return ""
    text = passages[c.passage_index].text
    at = text.find(c.quote)
    if at < 0:
        return ""
    for line in reversed([line for line in text[:at].split("\n") if line.strip()][-reach:]):
        if line.rstrip().endswith(":"):
            return line
        if not _BULLET.match(line):
            return ""
    return ""


def _refers_back(quote: str) -> bool:
    return bool(_REFERS_BACK.match(clean_sentence(quote)))


def _before_if_referred(c: Candidate, passages: list[Passage]) -> Candidate | None:
    """The sentence before ``c`` when ``c`` refers back to it, else None."""
    return _next_sentence(c, passages, -1) if _refers_back(c.quote) else None


def _neighbour(passages: list[Passage], here: Passage, offset: int) -> int:
    """The index among ``passages`` of the passage ``offset`` places after ``here`` in its paper, or -1."""
    return next((i for i, p in enumerate(passages) if p.doc_id == here.doc_id and p.seq == here.seq + offset), -1)


_PERIOD = re.compile(r"\b(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?\b")


def _heads_columns(quote: str) -> bool:
    """Whether a sentence heads a table's columns with their periods: "2013/14 2014/15 2015/16 2016/17", "HEAD OF
    ACCOUNTS Budget Allocation for 2011-12 Revised Budget 2011-12 Budget Allocation for 2012-13"."""
    if PERIODS_ROW.search(quote):
        return True
    return len(_PERIOD.findall(quote)) >= 2 and not row_of_values(quote) and len(quote.split()) <= 40


def _columns_of(row: Candidate, passages: list[Passage]) -> Candidate | None:
    """The sentence heading a table row's columns with their periods, from the row's passage before it or the
    passage found before that one; None when neither holds one."""
    here = passages[row.passage_index]
    at = here.text.find(row.quote)
    for index, end in ((row.passage_index, max(at, 0)), (_neighbour(passages, here, -1), None)):
        if index < 0:
            continue
        text = passages[index].text
        heads = [(s, e) for s, e in sentence_spans(text) if (end is None or e <= end) and _heads_columns(text[s:e])]
        if heads:
            s, e = heads[-1]
            return replace(row, passage_index=index, quote=text[s:e])
    return None


def _fills(pattern: re.Pattern[str], best: Candidate, after: Candidate) -> bool:
    """Whether the sentence after the best gives what the best lacks (a grade, who held a role)."""
    return not pattern.search(best.quote) and bool(pattern.search(after.quote))


def _tally_before(c: Candidate, passages: list[Passage]) -> Candidate | None:
    """The vote that carried a resolution: the last vote with its tally ("... the voting was as follows: For (32)") before
    it in its passage, or in one of the paper's two passages before it that are among those found."""
    here = passages[c.passage_index]
    start = here.text.find(c.quote)
    prior = [(c.passage_index, here.text[:max(start, 0)])]
    for back in (1, 2):  # a long list of names can push the vote two passages back
        index = _neighbour(passages, here, -back)
        if index >= 0:
            prior.append((index, passages[index].text))
    for index, text in prior:
        tallies = [text[s:e] for s, e in sentence_spans(text) if TALLY.search(text[s:e]) and re.search(r"\bvot", text[s:e])]
        if tallies:
            return Candidate(index, tallies[-1], c.score, c.cosine, c.coverage)
    return None


def _added_terms(query: Query, lead: Candidate, after: Candidate, lexical: LexicalIndex) -> float:
    """The share of the question's (IDF-weighted) words that ``after`` has and ``lead`` lacks."""
    terms = _question_terms(query.question, lexical)
    have = set(tokenize(lead.quote))
    new = set(tokenize(after.quote)) - have
    return sum(w for t, w in terms.items() if t in new) / (sum(terms.values()) or 1.0)


# the kind of paper, meeting or body a measure's word may name ("the Saint John budget report", "the budget meeting",
# "the Budget Committee")
_PAPER_NAMED = (r"(?:report|paper|book|document|memo|overview|presentation|update|meeting|session|hearing|workshop|committee|"
                r"sub-committee|panel|board|group|forum|officer|manager|team|calculation|setting|process|pack|cycle|round)s?\b")


def _measures_missing(query: Query, passage: Passage, sentence: str | None = None) -> list[str]:
    """The measures a figure question names (budget, overspend, weekly, ...) that a passage does not, or, given
    one of its sentences, that the sentence and the passage's heading do not."""
    if query.wants_vote:
        return []  # "the vote on the budget motion" asks how a vote went, not for a budget
    asked = _asked_part(query.question).lower()
    where = (f"{passage.heading} {sentence}" if sentence is not None else f"{passage.title} {passage.heading} {passage.text}").lower()
    return [m for m, forms in _MEASURES.items()
            if re.search(rf"\b{m}s?\b(?!\s+{_PAPER_NAMED})", asked)  # "the budget report" names a paper, no budget
            and not any(re.search(rf"\b{re.escape(f)}s?\b", where) for f in forms)]


_HOW_MANY = re.compile(r"\bhow many\s+(?:of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+)?(?:[\d,]+\s+|(?:two|three|four|five|six|"
                       r"seven|eight|nine|ten|eleven|twelve|twenty)\s+)?(?=[\w’'-]+\s))?"  # "how many of the 31 key business measures"
                       r"((?:[\w’'-]+\s+){0,4}?[\w’'-]+?)(?=\s+(?:were|was|are|is|did|do|does|had|has|have|will|would|can|could|"
                       # (not "and": "How many Police and Crime Panel members ...?", "the eleven housing and communities KPIs")
                       r"in|at|on|of|for|from|with|by|or|that|who|which|came|voted|after|before|per|within|across|over|"
                       r"under|since|to|into|make|made|get|got|take|took|see|saw|use|used|live|need|remain|go|went|come|became|left|opposed|supported|"
                       r"attend|attended|spoke|joined|applied|responded|received|registered|submitted|signed)\b"
                       r"|[?,]|$)", re.I)
_KPI_ROW = re.compile(r"\bLatest:\s*[-£$]?\d.*\b(?:Target|Floor):\s*[-£$]?\d", re.S)
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z][A-Za-z’']*|[:=?]")
_TIME = re.compile(r"\b\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)\b", re.I)
_STATED_AS = frozenset({":", "=", "was", "were", "is", "are", "totalled", "total", "reached", "stood"})


def _count_key(word: str) -> str:
    """A word with its plural folded, for matching what is counted: "families" and "family" both give "family"."""
    word = re.sub(r"['’]s?$", "", word.lower())
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def counted_words(question: str) -> set[str]:
    """The words naming what a "how many" question counts, up to its verb: {"questionnaire"} for "How many
    questionnaires came back", {"new", "children", "home"} for "How many new children's homes had ...", {"year",
    "old"} for "two-year-olds". Any of them will do, as papers vary the words ("4,798 pupils ... educated outside
    school" for "children being educated outside school")."""
    m = _HOW_MANY.search(question)
    # "how many so far" counts what the question names before it ("accidental dwelling fires: ... how many so far")
    words = _TOKEN.findall(re.sub(r"\b(?:so far|to date|in total|altogether)\b", " ", m.group(1), flags=re.I)) if m else []
    # a place or body named before what is counted ("how many Kent children", "how many Kent County Council
    # employees") is not counted
    named: set[str] = set()
    run: list[str] = []
    for w in words:
        if re.fullmatch(r"[A-Z][a-z]+(?:[’']s)?", w):
            run.append(w)
            continue
        if run and w[0].islower():
            named.update(run)
        run = []
    counted = {_count_key(w) for w in words if w.lower() not in STOPWORDS and w[0].isalpha() and not _NUMBER_WORDS.fullmatch(w)
               and w not in named}
    # papers count jobs as posts or positions ("84 positions will be eliminated" for "how many jobs"), and people by
    # what they came as ("The conference attracted 160+ delegates" for "how many people attended")
    if "job" in counted:
        counted |= {"post", "position"}
    if counted & {"people", "person"}:
        counted |= {"delegate", "attendee", "participant", "visitor", "guest", "individual", "resident"}
    return counted


def counts_only(question: str) -> bool:
    """Whether the only figure a question asks for is a count ("How many ...?", not "what rate ... and how many")."""
    return bool(_HOW_MANY.search(question)) and not FIGURE_CUES.search(re.sub(r"\bhow many\b", "", question, flags=re.I))


# what a vote's tally counts: "how many members / councillors / votes / abstentions", "how many voted"
_VOTERS = frozenset({"member", "councillor", "vote", "voted", "voter", "abstention", "abstained", "people", "person"})


# an agenda item's number opening its heading's line ("1 Apologies for Absence"), no count of what it heads
_ITEM_HEADING = re.compile(r"^[ \t]*\d{1,2}(?:\.\d{1,2})*\.?[ \t]+(?=(.+)$)", re.M)


def _item_numbers_dropped(sentence: str) -> str:
    """A sentence with the numbers of the agenda items it heads left out."""
    return _ITEM_HEADING.sub(lambda m: "" if _heading_only(m.group(1)) else m.group(0), sentence)


def states_count(sentence: str, counted: Collection[str]) -> bool:
    """Whether a sentence gives a number of what is counted: the number just before it ("1,016 formal
    questionnaires"), or soon after it where the sentence states it as a value ("The number of care leavers
    ... was 2,016", "Children in Need (Quarter 2 average = 1677)"), or a vote's tally when what is counted is
    those voting ("how many councillors supported ...", not "how many prosecutions ...")."""
    if TALLY.search(sentence) and set(counted) & _VOTERS:
        return True
    if _counts_none(sentence, counted):
        return True  # "There were no deputations." counts none
    words = _count_words(sentence)
    if _counted_beside(words, counted):
        return True
    cells = [cell.strip() for cell in sentence.split(" | ")]
    if len(cells) > 1 and {_count_key(w) for w in _TOKEN.findall(cells[0])} & set(counted) and any(
            re.match(r"[\d,.]+%?$", cell) for cell in cells[1:]):
        return True  # a table's row, its name then its value: "Number of households living in ... | 193"
    numbers = [i for i, w in enumerate(words) if w[0].isdigit() or _NUMBER_WORDS.fullmatch(w)]
    named = [i for i, w in enumerate(words) if _count_key(w) in counted]
    stated = "number" in sentence.lower()
    for n in numbers:
        for c in named:
            if 0 < c - n <= 6 and ":" not in words[n:c]:  # not "4.2 Appointment of Special Constables : OC Transpo"
                return True
            if 0 < n - c <= 8 and (stated or _STATED_AS & {w.lower() for w in words[c:n]}):
                return True
            if 0 < n - c <= 15 and words[n - 1] == "?":
                return True  # a form's question and its answer: "If yes, how many interns do you expect to have this year? 35"
            if 0 < n - c <= 3 and all(i in numbers for i in range(n, n + 3)):
                return True  # a table's row, its values after its name: "Firefighter injuries 48 49 43 34 32 0 14"
    return False


def _count_words(sentence: str) -> list[str]:
    """A sentence's words and numbers as a count is read from them: without dates, times, references and the numbers
    of the agenda items it heads."""
    return _TOKEN.findall(_TIME.sub(" ", _NOT_FIGURES.sub(" ", _item_numbers_dropped(sentence))))


def _counted_beside(words: list[str], counted: Collection[str]) -> bool:
    """Whether a sentence's words (see ``_count_words``) put a number right by a word for what is counted: "the 65,000
    Filipinos", "1,016 formal questionnaires", "Permanent Positions at 646"."""
    for i, w in enumerate(words):
        if _count_key(w) not in counted:
            continue
        if i > 0 and (words[i - 1][0].isdigit() or _NUMBER_WORDS.fullmatch(words[i - 1])):
            return True
        if i > 1 and words[i - 2][0].isdigit() and words[i - 1][0].isalpha():
            return True
        after = words[i + 1:i + 3]
        if len(after) == 2 and after[0].lower() == "at" and after[1][0].isdigit():
            return True
    return False


# a count said of its number: "The number of Police Enquiry Offices had reached 28", "the number of complaints was 14"
_NUMBER_OF = re.compile(r"\bnumber of ((?:[\w’'-]+\s+){1,5}?)(?:had\s+|has\s+|have\s+)?(?:reached|stood at|was|is|were|are|"
                        r"totall?ed|totals|(?:rose|risen|grew|grown|increased|fell|fallen|decreased|dropped) to)\s+"
                        r"(?:about\s+|around\s+|nearly\s+|over\s+)?\d", re.I)


def _counts_directly(sentence: str, counted: Collection[str]) -> bool:
    """Whether a sentence puts a number right by a word for what is counted (see ``_counted_beside``), or says the
    number of it is one ("The number of Police Enquiry Offices had reached 28")."""
    return _counted_beside(_count_words(sentence), counted) or any(
        {_count_key(w) for w in _TOKEN.findall(m.group(1))} & set(counted) for m in _NUMBER_OF.finditer(sentence))


def _counts_none(sentence: str, counted: Collection[str]) -> bool:
    """Whether a sentence says there were none of what is counted: "There were no deputations."."""
    words = _TOKEN.findall(sentence)
    return any(w.lower() in ("no", "zero") and i + 1 < len(words) and _count_key(words[i + 1]) in counted
               for i, w in enumerate(words))


def _figure_first(
    candidates: list[Candidate], counted: Collection[str] = (), ratio: float = 0.0, strict: bool = False
) -> list[Candidate]:
    """The candidates with the best one stating a figure first; empty when none states one.

    For a "how many" question, a close contender (within ``ratio`` of the best) that counts what was asked
    about ("1,016 formal questionnaires") leads instead of one that states some other figure. When the count
    is all the question asks for (``strict``), any candidate counting it leads, and without one there is none.
    """
    lead = next((c for c in candidates if has_figure(c.quote) or (counted and _counts_none(c.quote, counted))), None)
    if lead is None or not counted or states_count(lead.quote, counted):
        return [] if lead is None else [lead] + [c for c in candidates if c is not lead]
    counting = next((c for c in candidates if states_count(c.quote, counted)
                     and (strict or c.score >= candidates[0].score * ratio)), None)
    if counting is not None:
        lead = counting
    elif strict:
        return []
    return [lead] + [c for c in candidates if c is not lead]


# people a "how many" question may count by their names, and a sentence naming two or more of them: "Apologies were
# received from Cllr A Amos, Cllr D Chambers and Cllr J Monk", "intimated from Councillors Kelly, McCuish, Moffat"
_PEOPLE = frozenset({"councillor", "member", "people", "person", "resident", "officer", "attendee", "trustee", "governor",
                     "director", "supervisor", "representative", "commissioner", "alderman"})
_PEOPLE_COUNTED = _PEOPLE | {"apology", "speaker", "delegation", "deputation", "candidate", "absence"}
# words any list of people shares with the question: the people themselves, and how a count of them is put
_ANY_LIST = _PEOPLE | {"sent", "gave", "were", "recorded", "listed", "named"}
_NAMED_ONE = re.compile(rf"\b{TITLES}\.?\s+(?:[A-Z]\.?\s+){{0,3}}[A-Z][\w'’-]+")
_NAMED_MANY = re.compile(r"\b(?:Councillors|Cllrs|Members|Messrs|Trustees|Directors)\.?\s+(?:[A-Z]\.?\s+)?[A-Z][\w'’-]+"
                         r"(?:\s*(?:,|\band\b)\s*(?:[A-Z]\.?\s+)?[A-Z][\w'’-]+)+")


# a labelled list of three or more full names without titles: "PRESENT: Marie Bell, Verna Brown, Bill Dwyer, ..."
_NAMES_LISTED = re.compile(r"\b(?i:present|absent|apologies|excused|attendees|in attendance)\s*[:–-]\s*"
                           r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+(?:\s*,\s*(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+){2,}")


def names_people(sentence: str) -> bool:
    """Whether a sentence names two or more people, a list a count of them may be read from."""
    return len(_NAMED_ONE.findall(sentence)) >= 2 or bool(_NAMED_MANY.search(sentence) or _NAMES_LISTED.search(sentence))


_ATTENDED = frozenset({"attend", "attendanc", "present"})  # (as stemmed)


def listing_words(query: Query) -> frozenset[str]:
    """For a "how many" question counting people ("How many councillors sent apologies?"), the question's own words
    (stemmed) a sentence listing them by name must share: beyond the people counted and the names of bodies and
    places, as a list of the members present does not say who sent apologies. Empty for any other question."""
    counted = counted_words(query.question)
    if not counts_only(query.question) or not counted & _PEOPLE_COUNTED:
        return frozenset()
    names = set(required_terms(query))
    own = {_stem(t) for t in tokenize(query.question) if t not in _NOT_NAMES and t not in _GENERIC and t not in names
           and _count_key(t) not in _ANY_LIST and not t[0].isdigit()}
    if own & _ATTENDED:
        own |= _ATTENDED  # those who attended are listed as "Present:", those present as "In attendance:"
    return frozenset(own)


# a report "presented" or a "presentation" given says nothing of who was present
_PRESENTING = frozenset({"presented", "presenting", "presentation", "presentations", "presenter", "presenters"})


# minutes listing those present from the one who chaired: "Neil Adams in the Chair, Mike Barry, Councillor Julia Finn"
_IN_THE_CHAIR = re.compile(r"\bin the chair\b", re.I)


def lists_counted(sentence: str, own: frozenset[str]) -> bool:
    """Whether a sentence lists by name the people a "how many" question counts, sharing its ``own`` words (see
    ``listing_words``): "Apologies were received from Cllr A Amos, Cllr D Chambers ..."."""
    if not own or not names_people(sentence):
        return False
    return bool(own & {_stem(t) for t in tokenize(sentence) if t not in _PRESENTING}) or bool(
        own & _ATTENDED and _IN_THE_CHAIR.search(sentence))


def _rated_first(candidates: list[Candidate], passages: list[Passage], ratio: float, years: tuple[str, ...] = ()) -> list[Candidate]:
    """The candidates with the best one giving a grade or rating first; empty when none gives one.

    A rated sentence naming the year asked about leads. Otherwise the best sentence leads with the one after
    it, when that gives the grade and the best names the year asked about or no close contender (within
    ``ratio`` of the best) is rated: "The previous inspection ... was in September 2015." is followed by "The
    local authority was judged to be inadequate ...", and "At this inspection ... judged to be good" speaks
    of another inspection.
    """
    if not candidates:
        return []
    rated = [c for c in candidates if RATING_RE.search(c.quote)]
    dated = next((c for c in rated if any(y in c.quote for y in years)), None)
    if dated is not None:
        return [dated] + [c for c in candidates if c is not dated]
    best = candidates[0]
    after = _next_sentence(best, passages)
    if after is not None and _fills(RATING_RE, best, after) and (
        not rated or rated[0].score < best.score * ratio or any(y in best.quote for y in years)
    ):
        return [best, after] + candidates[1:]
    return [] if not rated else [rated[0]] + [c for c in candidates if c is not rated[0]]


def _newest_first(strong: list[Candidate], passages: list[Passage], config: AnswerConfig) -> list[Candidate]:
    """For a question about the latest paper: the close contenders (within the support ratio of the best)
    ordered newest paper first, the rest after them."""
    close = [c for c in strong if c.score >= strong[0].score * config.support_ratio]
    close.sort(key=lambda c: passages[c.passage_index].date or "", reverse=True)  # stable: best first per date
    return close + [c for c in strong if c not in close]


# a figure given as a change: "increased by $106 over last year's amount", "fell by 3.2%", "up 12 on the year"
_CHANGE_BY = re.compile(r"\b(?:increas|decreas|ris|rose|fell|fall|grew|grow|reduc|dropp|declin|went (?:up|down)|(?:up|down)\b)\w*\s+"
                        r"(?:by\s+)?(?:about\s+|around\s+|approximately\s+|nearly\s+|almost\s+|some\s+)?[-£$€]?\s?\d[\d,.]*"
                        r"(?:\s*(?:%|per ?cent|million|billion|m|bn|k)\b)?", re.I)


def _change_only(quote: str) -> bool:
    """Whether every figure a sentence states is a change, not a level."""
    return has_figure(quote) and bool(_CHANGE_BY.search(quote)) and not has_figure(_CHANGE_BY.sub(" ", quote))


_TOTAL_ASKED = re.compile(r"\btotal((?:\s+[\w’'-]+){1,4})", re.I)


def _names_total(question: str, candidates: list[Candidate]) -> Candidate | None:
    """For a question asking for a total ("what do total sources of funds come to?"), the candidate stating a figure that
    names it in the question's words ("Total Sources of Funds $113,199,507 $118,486,056"), the most of them first."""
    m = _TOTAL_ASKED.search(question)
    if not m:
        return None
    words = ["total"] + m.group(1).lower().split()
    best, most = None, 1
    for c in candidates:
        if not has_figure(c.quote):
            continue
        said = " ".join(re.findall(r"[\w’'-]+", c.quote.lower()))
        n = max((k for k in range(2, len(words) + 1) if " ".join(words[:k]) in said), default=0)
        if n > most:
            best, most = c, n
    return best


def _figure_lead(
    query: Query, candidates: list[Candidate], passages: list[Passage], config: AnswerConfig
) -> tuple[list[Candidate], str]:
    """The candidates led by the best sentence stating the figure asked for; empty, with what was missing, when none does.

    The figure must be in the unit asked for (a cost in money, a rate "per 1,000" per 1,000), count what a
    "how many" question counts, and be of what was asked: "£712 per week" for support packages is no
    children's home placement's cost.
    """
    fitting = [c for c in candidates if not unit_missing(query.question, c.quote, _unit_of(passages[c.passage_index]))]
    if not _CHANGE_ASKED.search(query.question):
        # "The FY18 residential exemption amount increased by $106" gives a change, not the amount asked for
        fitting = [c for c in fitting if not _change_only(c.quote)]
    if _ACTUAL_ASKED.search(query.question) and not _PLAN_ASKED.search(query.question):
        # "We set the 2023 target of reducing TRIFR from 12 to under 10" does not say what was achieved
        fitting = [c for c in fitting if not _PLANNED_ONLY.search(c.quote) or _HAPPENED.search(c.quote)]
    if not fitting:
        return [], unit_missing(query.question, candidates[0].quote, _unit_of(passages[candidates[0].passage_index])) if candidates else ""
    acronyms = _acronyms(query.question)
    if acronyms:
        # "What percentage of EHCPs ...?" takes its figure from a sentence on EHCPs (in it or its heading), not
        # "Library issues have risen by 1%" in the same report
        named = [c for c in fitting if _names_any(f"{c.quote} {passages[c.passage_index].heading} {_list_lead_in(c, passages)}", acronyms)]
        if not named:
            return [], f"a figure for {' or '.join(sorted(acronyms))}"
        fitting = named
    only = counts_only(query.question)
    totalled = _names_total(query.question, fitting)
    if totalled is not None:
        fitting = [totalled] + [c for c in fitting if c is not totalled]
    lead = _figure_first(fitting, counted_words(query.question), config.support_ratio, only)
    if not lead and only:
        # no sentence states the count: a close contender listing those counted by name answers with their names
        own = listing_words(query)
        # (those who voted are listed by a vote's record: "both of whom are in support" lists no votes)
        listing = [c for c in candidates if lists_counted(c.quote, own) and (not query.wants_vote or _records_vote(c.quote))]
        days = {d.isoformat() for d in _days_named(query.question)}
        listed = next((c for c in listing if passages[c.passage_index].date in days), listing[0] if listing else None)
        if listed is not None:
            return [listed] + [c for c in candidates if c is not listed], ""
    if not lead:
        return [], "a figure for what was asked"
    subject = subject_words(query)
    before = _before_if_referred(lead[0], passages)  # "This represents around 45% of total costs" takes its subject from there
    # a sentence cut short at its line's end ("... $175K was transferred to the General Fund Capital Reserve to purchase")
    # goes on in the next ("one paratransit bus to replace a unit ...")
    rest = _next_sentence(lead[0], passages) if not re.search(r"[.!?;:]\W*$", lead[0].quote) else None
    said = (f"{lead[0].quote} {rest.quote if rest and rest.quote[:1].islower() else ''} {passages[lead[0].passage_index].heading} "
            f"{before.quote if before else ''} {_list_lead_in(lead[0], passages)}")
    if only and _counts_directly(lead[0].quote, counted_words(query.question)):
        subject = set()  # the count of what is asked ("the 65,000 Filipinos in Manitoba") is of it, whatever else is asked
    if subject and not {_stem(t) for t in subject} & _stems(said):
        return [], f"a figure for {' or '.join(sorted(subject))}"
    return lead[:1] + [c for c in candidates if c is not lead[0]], ""


# a contents line: an item and the pages it runs to ("3.2 2021 Draft Budget 17 - 42")
_PAGES_LINE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+\S.*\S\s+\d{1,3}\s*[-–]\s*\d{1,3}$")


def _contents_only(quote: str) -> bool:
    """Whether a sentence is only an agenda's list of numbered items with their pages, and short headings ("Business
    Items") between them."""
    lines = [line.strip() for line in quote.splitlines() if line.strip()]
    paged = [line for line in lines if _PAGES_LINE.search(line)]
    return bool(paged) and all(line in paged or (len(line.split()) <= 4 and not re.search(r"[.!?;]\s*$", line)) for line in lines)


def _records_vote(quote: str) -> bool:
    """Whether a sentence says how a vote went: its tally ("For (35)", "13 votes in favor", "Vote: 5-0"), its outcome, or
    the names on a side ("Against the motion: Conmy, Fleming.")."""
    return bool(TALLY.search(quote) or VOTE_OUTCOME.search(quote) or NAMED_VOTE.search(quote))


# names given in brackets beside a vote: "1 against (Deadwyler)", "(Cllrs Hill and Ross)"
_NAMES_IN_BRACKETS = re.compile(r"\((?:[A-Z][\w'’.-]+(?:,?\s+(?:and\s+)?|\)))+")
_TALLY_WORDS = frozenset("""motion amendment recommendation vote votes voted voting passed failed carried lost defeated
    unanimously unanimous for against abstain abstained abstentions ayes aye nays nay yeas yea noes absent to the was were
    and result as follows put""".split())
# voters named by initial and surname ("J. Morgan", "P. Van Meerbergen") or by title ("Cllr Hill", "Mr B J Sweetland")
_VOTERS_NAMED = re.compile(rf"\b(?:[A-Z]\.\s?|{TITLES}\.?\s+(?:[A-Z]\s)*)(?:[A-Z][\w'’-]+\s?)+")


# a question asking for a vote's count or margin, and a vote's record giving one: "CARRIED 7/0", "For (35)", "passed
# 4-1", "13 votes in favor", "carried unanimously", "four to zero"
_VOTE_COUNT_ASKED = re.compile(r"\bvote (?:count|tally|totals?)\b|\bby what (?:vote|margin|majority)\b|\bhow did the vote split\b"
                               r"|\bhow many\b[^?]{0,80}?\b(?:for and against|in favou?r and against)\b", re.I)
# how many of the members voted one way: "How many councillors voted for adopting the budget?"
_VOTERS_COUNT_ASKED = re.compile(rf"\bhow many\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_OFFICE_HOLDERS})\b[^?]{{0,60}}?\bvot(?:ed|ing)\b", re.I)
_VOTE_COUNTED = re.compile(rf"{TALLY.pattern}|\b\d+\s*(?:[-–/]|to)\s*\d+\b|\b\d+\s+votes?\b|\b\d+\s+(?:for|against|in favou?r)\b"
                           r"|\bunanimous(?:ly)?\b|\bnem\.? con\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+to\s+"
                           r"(?:zero|nil|none|one|two|three|four|five|six)\b", re.I)


# the month a vote was taken in, said with it: "vote in November", "voted last March", "the June vote"
_VOTE_MONTH = re.compile(rf"\b(?:vote|voted|votes)\s+(?:\w+\s+){{0,2}}?(?:in|on|at|last)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({_MONTHS})\b"
                         rf"|\b({_MONTHS})(?:[’']s)?\s+vote\b", re.I)
# a vote only hoped for or urged ("I do hope that today Council will give unanimous approval", "this motion should pass
# unanimously"); not "will" alone, which a resolution recorded with its vote may say ("RESOLVED unanimously that the
# Council will adopt ...")
_HOPED = re.compile(r"\b(?:hope[sd]?|hoping|urge[sd]?|urging)\b"
                    r"|\b(?:should|would|will|must)\s+(?:\w+\s+)?(?:pass|be (?:passed|carried|approved|supported)|give)\b", re.I)


def _not_the_vote(quote: str, days: Collection[date]) -> bool:
    """Whether a sentence's vote is not the one asked about: one of another month than the day asked ("the astounding
    Council 9-7 vote in November", in the minutes of 29 January), or one only hoped for ("I do hope that today Council
    will give unanimous approval")."""
    named = {"".join(m)[:3].lower() for m in _VOTE_MONTH.findall(quote)}
    if days and named and not named & {day.strftime("%b").lower() for day in days}:
        return True
    return not vote_taken(quote) and bool(_HOPED.search(quote))


def _bare_tally(quote: str) -> bool:
    """Whether a vote's record says nothing of what was voted on: "Motion Passed (15 to 0)", "For (35) Against (0)",
    "Vote: Yeas: J. Morgan S. Lewis ... Motion Passed (14 to 0)" (the names of those voting say nothing of it)."""
    said = _VOTERS_NAMED.sub(" ", quote)
    return len([w for w in re.findall(r"[A-Za-z]+", said) if w.lower() not in _TALLY_WORDS]) < 3


# the side of a vote a question asks about: "Which councillors voted against ...?", "How many voted for ...?"
_AGAINST_ASKED = re.compile(r"\b(?:against|opposed?|opposing)\b", re.I)
_FOR_ASKED = re.compile(r"\b(?:voted for|vote for|voting for|supported|in favou?r)\b", re.I)


def _side(label: str) -> str:
    word = label.split()[0].rstrip(":").lower()
    return "against" if word in ("against", "nay", "nays", "noes") else "for" if word in ("for", "in", "aye", "ayes", "yea", "yeas") else "other"


def side_asked(question: str) -> str:
    """"against" or "for" when a question asks about one side of a vote; empty otherwise."""
    against, in_favour = bool(_AGAINST_ASKED.search(question)), bool(_FOR_ASKED.search(question))
    return "against" if against and not in_favour else "for" if in_favour and not against else ""


def _vote_following(c: Candidate, passages: list[Passage], reach: int = 30, side: str = "") -> Candidate | None:
    """The vote on the motion or item ``c`` speaks of: the first sentence after it (within ``reach`` sentences, in
    the passages found) recording how a vote went, unless the next agenda item begins first. Minutes record the
    vote after the motion and its debate: "Director Hoy seconded the motion. [...] An electronic vote was taken with
    13 votes in favor ... and 1 against (Deadwyler)." Where the vote is recorded by the names on each side, the
    ``side`` asked about ("against") is the one answered: "Against the motion: Conmy, Fleming.", not the line before;
    with no side asked, the outcome recorded after the names is: "As the result was 17 for the motion and 2 against
    the motion the Cathaoirleach declared the motion carried."
    """
    chain = [c.passage_index]
    while (following := _neighbour(passages, passages[chain[-1]], 1)) >= 0:
        chain.append(following)
    quotes = [(index, passages[index].text[s:e]) for index in chain for s, e in sentence_spans(passages[index].text)]
    if (c.passage_index, c.quote) not in quotes:
        return None
    start = quotes.index((c.passage_index, c.quote)) + 1
    first = None
    for index, quote in quotes[start:start + reach]:
        if _AGENDA_ITEM.search(quote):
            break
        if vote_taken(quote):
            vote = Candidate(index, quote, c.score, c.cosine, c.coverage)
            named = NAMED_VOTE.match(quote)
            if named is None or (side and _side(named.group(1)) == side) or (not side and TALLY.search(quote)):
                return vote
            first = first or vote  # (a side's names: the outcome or the side asked may be recorded next)
        elif first is not None:
            break  # the names on each side are recorded together
    return first


# a vote question's own words, which any motion shares: "What was the vote when the board adopted its budget?"
_VOTE_WORDS_ASKED = frozenset("vote votes voted voting board committee council meeting approve approved approval adopt "
                              "adopted adoption motion pass passed carried members councillors".split())


_MOTION_LIKE = re.compile(r"\b(?:mov(?:e|ed|es|ing)|motions?|second(?:ed|er)?|consider\w*|approv\w*|adopt\w*|resol\w*|"
                          r"recommend\w*|amend\w*|propos\w*|items?|vot\w*|decision|agree\w*|accept\w*|confirm\w*|"
                          r"authori[sz]\w*|award\w*|rezoning|application|request|put)\b", re.I)


def _before(c: Candidate, other: Candidate, passages: list[Passage]) -> bool:
    """Whether sentence ``c`` comes before ``other`` in the same paper."""
    here, there = passages[c.passage_index], passages[other.passage_index]
    if here.doc_id != there.doc_id:
        return False
    if here.seq != there.seq:
        return here.seq < there.seq
    return here.text.find(c.quote) < there.text.find(other.quote)


_VALUE_CELL = re.compile(VALUE)


def _row_asked(best: Candidate, passages: list[Passage], query: Query) -> Candidate | None:
    """Under a table's row of column names ("2007 Tax per $100,000 of Assessment | 2008 Tax per $100,000 of Assessment |
    Increase"), the row the question names by its first cell ("Education | $264.00 | $264.00 | $0.00 | 0.00%")."""
    cells = [cell.strip() for cell in best.quote.split(" | ")]
    if len(cells) < 3 or any(_VALUE_CELL.fullmatch(cell) for cell in cells):
        return None
    subject = _subject_stems(query)
    row = best
    for _ in range(12):
        after = _next_sentence(row, passages, shortest=3)
        if after is None or " | " not in after.quote:
            return None
        if subject & _stems(after.quote.split(" | ", 1)[0]):
            return after
        row = after
    return None


def _lead_for_kind(
    query: Query, strong: list[Candidate], passages: list[Passage], config: AnswerConfig
) -> tuple[list[Candidate], str]:
    """The strong sentences with the one that fits what the question asks for first.

    A figure question leads with a sentence stating a figure, from a passage naming what the question
    measures; a grade or rating question with a sentence giving one; both are declined (an empty list, and
    what was missing) when there is none. A "when" question leads with a dated sentence when there is one.
    """
    row = _row_asked(strong[0], passages, query)
    if row is not None:
        # the row the question names, under the table's row of column names that led
        strong = [row] + [c for c in strong if c.quote != row.quote]
    if query.wants_vote:
        # How a vote went is answered by its tally or its outcome ("For (39) ... Against (19)", "carried unanimously"),
        # before any figure the question names ("the vote on the amendment to cut the contribution to 17%"): a close
        # contender's, said with what was voted on, or the one recorded after the motion a close contender puts. A bare
        # tally ("Motion Passed (15 to 0)") could be any motion's: it answers only when no close contender's vote is found.
        # A vote does not answer "Which councillor voted against ...?" unless it names someone ("(4-1 vote)" does not),
        # nor a question about a vote on a day after its paper's ("the Municipal Council meeting to be held on April 1,
        # 2025", in minutes of 19 March).
        who = bool(_WHO_ASKED.search(query.question))
        each = bool(_EACH_VOTER.search(query.question))
        days = {d.isoformat() for d in _days_named(query.question)}
        count_asked = bool(_VOTE_COUNT_ASKED.search(query.question))
        voters_counted = bool(_VOTERS_COUNT_ASKED.search(query.question))

        def unfit(c: Candidate) -> bool:
            paper = passages[c.passage_index].date
            if days and paper and all(day > paper for day in days):
                return True
            if _not_the_vote(c.quote, _days_named(query.question)):
                return True
            if count_asked and not _VOTE_COUNTED.search(c.quote):
                return True  # "What was the vote count ...?" is not answered by "Carried."
            if voters_counted and not _VOTE_COUNTED.search(c.quote) and not NAMED_VOTE.search(c.quote):
                return True  # nor "How many councillors voted for ...?", which the names of those for may answer
            if each and not NAMED_VOTE.search(c.quote) and not (_PERSON.search(c.quote) and _VOTED_BY.search(c.quote)):
                return True  # how each voted is said by name ("Ayes: Smith, Jones"), not by "duly seconded and carried"
            return who and not _PERSON.search(c.quote) and not _NAMES_IN_BRACKETS.search(c.quote) and not NAMED_VOTE.search(c.quote)
        close = [c for c in strong if c.score >= strong[0].score * config.support_ratio]
        # a close contender's own vote, or one recorded straight after it ("Approval of minutes from August 2023
        # Meeting" / "* Minutes approved unanimously (2-0)"), before a vote followed further from another
        for c in close:
            if _records_vote(c.quote):
                if _bare_tally(c.quote) or unfit(c):
                    continue
                return [c] + [x for x in strong if x is not c], ""
            after = _next_sentence(c, passages)
            if after is not None and vote_taken(after.quote) and not NAMED_VOTE.match(after.quote) and not unfit(after):
                return [after, c] + [x for x in strong if x is not c], ""
        # a vote followed from a motion on something else ("moved approval of the minutes", for a question on the
        # budget) is no answer: the motion must share a word of what the question is about
        # (nor is the body's own name: "The Board of Directors of the Lakeside Water Authority met ...")
        about = {_stem(t) for t in subject_words(query) if t not in _VOTE_WORDS_ASKED}
        side = side_asked(query.question)
        for c in close:
            own = about - _stems(passages[c.passage_index].body)
            if (own and not own & _stems(c.quote)) or not _MOTION_LIKE.search(c.quote):
                continue  # (and a vote follows a motion or an item, not "The Board ... met in regular session")
            vote = _vote_following(c, passages, side=side)
            if vote is not None and not unfit(vote):
                return [vote, c] + [x for x in strong if x is not c], ""
        # a bare tally before the best sentence, in its paper, is an earlier item's vote: "The motion carried." above
        # "Consider adopting the 2005-2006 fiscal year budget." says nothing of the budget's
        voted = next((c for c in strong if _records_vote(c.quote) and not unfit(c)
                      and not (_bare_tally(c.quote) and _before(c, strong[0], passages))), None)
        if voted is not None:
            return [voted] + [c for c in strong if c is not voted], ""
        if not (query.wants_figure and counts_only(query.question)) or count_asked or voters_counted:
            return [], "who voted as asked" if who else "a recorded vote"
        # no vote recorded: "How many young people voted in the elections?" asks for a count
        strong = [c for c in strong if not (_records_vote(c.quote) and _not_the_vote(c.quote, _days_named(query.question)))]
        if not strong:
            return [], "a recorded vote"
    if query.wants_figure and _CHOSEN_ASKED.search(query.question) and not any(_CHOSEN.search(c.quote) for c in strong):
        # "Which supplier did they finally choose, and at what price?" is not answered by the quotations received: the
        # choice half asks for a sentence saying who was chosen
        return [], "who was chosen"
    if query.wants_figure:
        measured = [c for c in strong if not _measures_missing(query, passages[c.passage_index])]
        if not measured:
            return [], f"the {' and '.join(_measures_missing(query, passages[strong[0].passage_index]))} asked about"
        # the figure itself is of the measure: a sentence naming it (or under a heading that does) gives it
        stated = [c for c in measured if not _measures_missing(query, passages[c.passage_index], c.quote)]
        if not stated:
            return [], f"the {' and '.join(_measures_missing(query, passages[measured[0].passage_index], measured[0].quote))} asked about"
        lead, missing = _figure_lead(query, stated, passages, config)
        # the rest may still give the other half of a two-part question ("how many had an EHCP, and what overspend ...")
        return (lead + [c for c in strong if c not in stated] if lead else []), missing
    if query.wants_judgement:
        return _rated_first(strong, passages, config.support_ratio, query.years), "a grade or rating for what was asked"
    if query.wants_decision and DECIDED_CUES.search(query.question):
        # what was resolved leads over the motion or recommendation put ("Council is asked to endorse"), when it
        # matches the question nearly as well; a resolution that matches it less is likely another item's
        best = strong[0]
        decided = next((c for c in strong if _RESOLUTION_RE.search(c.quote) and c.score >= best.score * config.support_ratio
                        and c.coverage >= best.coverage * 0.8), None)
        if decided is not None:
            return [decided] + [c for c in strong if c is not decided], ""
        # an agenda's list of items ("3.1 SJ Energy - Burchill Wind Project 3 - 16") names what was to be decided, not
        # what was
        if _contents_only(best.quote):
            said = next((c for c in strong if c.score >= best.score * config.support_ratio and not _contents_only(c.quote)), None)
            if said is None:
                return [], "what was decided"
            return [said] + [c for c in strong if c is not said], ""
    role = asked_role(query.question)
    if role is not None:
        # "Who chaired ...?" is answered by a sentence saying who chaired, not one naming the meeting's members:
        # the one after the best ("... the corporate parenting board has been strengthened. This is chaired by
        # the lead member"), else the best saying it
        best = strong[0]
        after = _next_sentence(best, passages)
        body = chaired_body(query.question)
        if body:
            # who chairs a body: a sentence naming the holder, of the body asked about (in it, its paper's title, its
            # heading or the sentence before it), not "She chairs the corporate safeguarding group" for the parenting board
            def names_chair(c: Candidate, before: Candidate | None) -> bool:
                here = passages[c.passage_index]  # (the minutes of a body name its chair: "Present: ... (Chair)")
                context = f"{c.quote} {here.title} {here.heading} {before.quote if before else ''}"
                return bool(_CHAIR_HOLDER.search(c.quote)) and body in tokenize(context)
            if after is not None and not _CHAIR_HOLDER.search(best.quote) and names_chair(after, best):
                return [best, after] + strong[1:], ""
            acting = next((c for c in strong if names_chair(c, None)), None)
        elif (before := _next_sentence(best, passages, -1)) is not None and _fills(_MOVED_BY, best, before):
            # the mover and seconder in brackets head the motion: "87/14 RESOLVED: (Smyth/Flack)" above "That the
            # minutes of the Ordinary Council Meeting of 13 February 2014 be confirmed."
            return [before, best] + strong[1:], ""
        elif after is not None and _fills(role, best, after):
            # "Absent was Peter Buenz, Secretary." says who was away by itself; "This is chaired by the lead member" needs
            # the sentence before it
            return ([after, best] if role.pattern == _ROLES["absent"] else [best, after]) + strong[1:], ""
        else:
            acting = next((c for c in strong if role.search(c.quote)), None)
        return ([acting] + [c for c in strong if c is not acting] if acting else []), "who held the role asked about"
    if _WHO_ASKED.search(query.question) and not _PERSON.search(strong[0].quote):
        # "Who put the article on the warrant?" is answered by a sentence naming someone: a close contender naming a
        # person ("Inserted at the request of Stephen Revilak") leads over the best naming nobody
        named = next((c for c in strong if c.score >= strong[0].score * config.support_ratio and _PERSON.search(c.quote)), None)
        if named is not None:
            return [named] + [c for c in strong if c is not named], ""
    if query.wants_date:
        # a "when" question is answered by a date, or declined
        dated = next((c for c in strong if gives_date(query, c.quote, passages[c.passage_index].date)), None)
        if dated is not None and _years_only(dated.quote, query) and not _YEAR_OR_MONTH_ASKED.search(query.question):
            # a close contender naming the day leads over one naming only the year the question names: "Voting will take
            # place on Tuesday, April 20, 2010" over "... Budget Statement ... for the School Year 2010-2011"
            dated = next((c for c in strong if c.score >= dated.score * config.support_ratio and _names_day(c.quote)
                          and gives_date(query, c.quote, passages[c.passage_index].date)), dated)
        if dated is not None and _NEXT_EVENT.search(query.question):
            # a coming event's date after its paper's own leads over a sentence naming only a month ("welcomed everyone
            # to the October Meeting") or the meeting's own date when it is close: "the next Meeting ... on Wednesday,
            # 1st March, 2023"
            dated = next((c for c in strong if c.score >= dated.score * config.support_ratio
                          and _after_paper(c.quote, passages[c.passage_index].date)), dated)
        if dated is None and (after := _next_sentence(strong[0], passages)) is not None and gives_date(
                query, after.quote, passages[after.passage_index].date):
            # the best names what is asked about and the sentence after it says when: "Mr Gregg distributed an updated
            # copy of the Civic Place Risk Register." / "Mr Gregg noted that the Register had been updated in April ..."
            if _subject_stems(query) & _stems(strong[0].quote) & _stems(after.quote):
                return [after, strong[0]] + strong[1:], ""
        return ([dated] + [c for c in strong if c is not dated] if dated else []), "a date for what was asked"
    return strong, ""


_SOURCE_YEAR = re.compile(r"\b(?:19|20)\d\d(?:\s*[-/–]\s*\d{2,4})?\s+(?:[\w’']+\s+){0,2}?"
                          r"(?:report|inspection|re-inspection|review|survey|strategy|plan|assessment|accounts|statement)s?\b", re.I)


# a question about when something happened, not when it was due: "On what date did the government confirm ...?"
_PAST_EVENT = re.compile(r"^(?!.*\b(?:due|expected|planned|scheduled|set to|going to|intended|will|would|to be)\b).*\b(?:did|was|were|had)\b", re.I)


# a question about when something is to happen: "When is the next conference planned?"
_NEXT_EVENT = re.compile(r"\b(?:next|planned|scheduled|upcoming|forthcoming|will)\b", re.I)


def _months_named(quote: str) -> list[tuple[int, int]]:
    """The (year, month) of each date a sentence names, month 0 for a year alone ("May 2025" is (2025, 5))."""
    months = [(int(m.group(2)), MONTH_NAMES.index(m.group(1).lower()) + 1) for m in MONTH_YEAR_RE.finditer(quote)]
    return months + [(int(y), 0) for y in YEAR_RE.findall(MONTH_YEAR_RE.sub(" ", quote))]


def _after_paper(quote: str, paper_date: str | None) -> bool:
    """Whether a sentence names a month or year after its paper's date."""
    named = _months_named(quote)
    return bool(named) and paper_date is not None and max(named) > (int(paper_date[:4]), int(paper_date[5:7] or 0))


@lru_cache(maxsize=64)
def _days_named(question: str) -> frozenset[date]:
    """The days a question names, read once for all the sentences weighed against it."""
    return frozenset(dates_named(question))


# "In what year ...?", "which month": a year or month alone is the answer asked for
_YEAR_OR_MONTH_ASKED = re.compile(r"\b(?:what|which)\s+(?:year|month)\b(?!-)", re.I)


# a day named: "20 April 2010", "April 20, 2010", "1 May", "7/1/22"
_DAY_NAMED = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
                        r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.I)
_MONTH_NAMED = re.compile(rf"\b(?:{_MONTHS})\b", re.I)


def _names_day(quote: str) -> bool:
    """Whether a sentence names a day: "20 April 2010", "April 20, 2010", "1 May", "7/1/22"."""
    return bool(_DAY_NAMED.search(quote))


def _years_only(quote: str, query: Query) -> bool:
    """Whether the only dates a sentence names are years the question names itself ("for the School Year 2010-2011" for
    "When was the vote on the 2010-11 budget?"): it repeats the question, and says nothing of when."""
    if _names_day(quote) or _MONTH_NAMED.search(quote):
        return False
    return set(YEAR_RE.findall(quote)) <= set(query.years) | {str(int(y[:4]) + 1) for y in query.financial_years}


def gives_date(query: Query, quote: str, paper_date: str | None) -> bool:
    """Whether a sentence gives a date that can answer a "when" question.

    A paper cannot date a past event after its own date: "acceptance ... will commit Kent and Medway to elections
    in May 2026", in a January 2025 report, does not say when the acceptance was confirmed.
    """
    asked = _days_named(query.question)
    if asked:
        # a day the question itself names is no answer to when: "as at 31 July 2016" in "When is the finance report as
        # at 31 July 2016 going to the Audit and Performance Committee?"
        quote = re.sub(f"{DAY_MONTH_YEAR.pattern}|{MONTH_DAY_YEAR.pattern}",
                       lambda m: " " if parse_date(m.group(0)) in asked else m.group(0), quote, flags=re.I)
    if not _DATE_RE.search(quote):
        return False
    if not paper_date:
        return True
    named = _months_named(quote)
    own = (int(paper_date[:4]), int(paper_date[5:7] or 0))
    if _PAST_EVENT.search(query.question):
        # within a quarter of it: a paper dated by the end of the quarter it reports on is written after it
        # ("the Joint Strategic Improvement Group held in October, 2018" in the Quarter 2 2018/19 minutes)
        grace = own if not own[1] else (own[0] + (own[1] + 2) // 12, (own[1] + 2) % 12 + 1)
        return not named or min(named) <= grace
    if _NEXT_EVENT.search(query.question):
        # nor can it give the date of a coming event before its own: "The 10th conference was held on 4 June 2024",
        # in a March 2025 report, is not when the next one is planned
        return not named or max(named) >= (own[0], 0 if any(m == 0 for _, m in named) else own[1])
    return True


def _years_name_sources(question: str) -> bool:
    """Whether every year in a question names its source ("at the scrutiny of Estyn's 2018-19 annual report")."""
    years = list(YEAR_RE.finditer(question))
    spans = [m.span() for m in _SOURCE_YEAR.finditer(question)]
    return bool(years) and all(any(a <= y.start() < b for a, b in spans) for y in years)


def names_day_asked(query: Query, passage: Passage) -> bool:
    """Whether a passage can give a figure at the day the question asks about ("at 31 March 2025").

    It must name that day, in any of the ways papers write one, or be from a paper of that day: a table of
    balances "31/03/2024 ... 30/09/2024" gives none at 31 March 2025, even in a report dated March 2025.
    """
    if not query.as_at:
        return True
    named = {d.isoformat() for d in dates_named(f"{passage.heading} {passage.text}")}
    return any(day in named or day == passage.date for day in query.as_at)


def period_words(query: Query) -> str:
    """The question's period in words, for the note of an abstention."""
    quarters = [f"quarter {q}" for q in query.quarters]
    return ", ".join(quarters + list(query.years))


def _repeats(quote: str, other: str) -> bool:
    """Whether one sentence holds the other: overlapping passages cut a table's run of text at different places."""
    a, b = " ".join(quote.split()), " ".join(other.split())
    return a in b or b in a


# a numbered item of business: "Article 23", "motion 2023-02-04", "Resolution No. 18-02", "decision 24/00093"
_ITEM_ASKED = re.compile(r"\b(article|item|motion|resolution|ordinance|by-?law|decision|application|appeal|petition|amendment|bill|action)s?"
                         r"\s+\(?(?:no\.?\s*|number\s+|#\s*)?(\d+(?:[-/.]\d+)*)(?![\d/.-]*\d)", re.I)


# a case's reference: a planning application, a rezoning or a permit ("SP-2002-46", "ZMA-2002-001", "ZMA- 2002-001")
_REFERENCE = re.compile(r"\b([A-Z]{1,6})-\s?((?:19|20)\d\d)-(\d{1,5})\b")


def references(text: str) -> set[str]:
    """The case references a text names, written alike: {"SP-2002-46"}."""
    return {f"{a}-{b}-{c}" for a, b, c in _REFERENCE.findall(text)}


def _names_item(passage: Passage, kind: str, number: str) -> bool:
    """Whether a passage names a numbered item: its word and number ("ARTICLE 23", "article23"), or a number
    telling enough alone ("24/00093", "2023-02-04"). A paper whose title names the item ("Resolution No. 300-2024")
    names it in every passage."""
    text = f"{passage.title} {passage.heading} {passage.text}"
    if re.search(rf"\b{kind}s?\W{{0,3}}(?:no\.?\s*|number\s+|#\s*)?{re.escape(number)}(?![\d])", text, re.I):
        return True
    return bool((re.search(r"[-/.]", number) or len(number) >= 4) and re.search(rf"(?<![\d/.-]){re.escape(number)}(?![\d])", text))


def select(
    query: Query, passages: list[Passage], candidates: list[Candidate], needed: list[str],
    lexical: LexicalIndex, config: AnswerConfig,
) -> tuple[list[Candidate], list[str]]:
    """The sentences to answer with, best first; empty (with the uncovered terms) when the papers do not answer.

    The cited papers together must contain every year, code and name the question depends on. A question
    about two years (or two papers) gets the best sentence for each.
    """
    strong = [c for c in candidates if c.score >= config.min_score]
    if not strong:
        return [], []
    # When no strong sentence gives the kind of answer asked for, a contender below the threshold may: a close one
    # (a speaker's long turn, "... with delivery continuing until June 2022, ...", scores low on its own), or one
    # of the best sentence's paper at half the best score that shares less of the question's wording. The kinds:
    # a "when" question's date; a figure in the unit asked ("A figure of £8 million to £10 million a year has been
    # banded around", for "what annual investment figure"); how a vote went, its tally (whose names are left out
    # of what is embedded: "For (35) ... Against (0)").
    best_doc = passages[strong[0].passage_index].doc_id
    listing = listing_words(query)
    # (asked, gives, how many to take): a list of the people counted ("Apologies were received from Cllr S Bowen, ...")
    # scores low, and each meeting's minutes have one; a few are taken, from any paper found, for the period asked to
    # choose from
    kinds: list[tuple[bool, Callable[[Candidate], bool], int]] = [
        (query.wants_date, lambda c: gives_date(query, c.quote, passages[c.passage_index].date), 1),
        (query.wants_figure, lambda c: has_figure(c.quote) and not unit_missing(query.question, c.quote, _unit_of(passages[c.passage_index])), 1),
        (query.wants_vote, lambda c: _records_vote(c.quote), 1),
        (query.wants_figure and bool(listing), lambda c: lists_counted(c.quote, listing), 3),
    ]
    followed: list[tuple[Candidate, Candidate]] = []  # (a sentence, the best it follows)
    for asked, gives, taken in kinds:
        if asked and not any(gives(c) for c in strong):
            after = next((c for c in _following(strong[0], passages) if gives(c)), None)
            if after is not None:
                followed.append((after, strong[0]))
                # the best sentence's next gives it: "5.3 Set public hearing to consider granting ... easement" is
                # followed by "SET public hearing for May 7, 2003."; or a later sentence of the item it opens, the
                # action's budget after its description ("1.02 Teaching & Learning: Provide ..." ... "Total $288,325,616")
                strong.append(after)
                if taken == 1:
                    continue
            # (a list of those counted in the best sentence's own paper, however low it scores: "Apologies were received
            # from Councillor Casserly, ..." under the heading of the minutes asked about)
            strong += [c for c in candidates if c.score < config.min_score and gives(c) and c is not after and (
                c.score >= strong[0].score * config.support_ratio
                or (taken > 1 and passages[c.passage_index].doc_id == best_doc)
                or ((passages[c.passage_index].doc_id == best_doc or taken > 1) and c.score >= strong[0].score * 0.5))][:taken]
    # the year of a report named as the source ("Estyn's 2018-19 annual report") holds for the rest of an undated
    # paper (a transcript) that names it; a dated paper's own year already counts
    sources = ({p.doc_id for p in passages if not p.date and period_matches(query, p)}
               if _years_name_sources(query.question) else set())
    # a paper whose passages found name financial years, none of them the one asked, gives a figure of another one where
    # a passage of it names none: "the proposed increase by £14.00 per annum" in the minutes on the 2025/26 precept
    # gives no 2024/25 increase
    other_year: set[int] = set()  # the passages, by index, of such a paper naming no financial year
    if query.wants_figure and query.financial_years:
        years = [financial_years_in(f"{_file_words(p)} {p.title} {p.heading} {p.text}") for p in passages]
        paper_years: dict[str, set[str]] = {}
        for p, named in zip(passages, years):
            paper_years.setdefault(p.doc_id, set()).update(named)
        loose = loose_years(query)
        other_year = {i for i, p in enumerate(passages) if not years[i] and paper_years[p.doc_id]
                      and not paper_years[p.doc_id] & set(query.financial_years) and (p.date or "")[:4] not in loose}
    def in_period(c: Candidate) -> bool:
        here = passages[c.passage_index]
        return ((period_matches(query, here) or here.doc_id in sources) and c.passage_index not in other_year
                and not other_years(query, c.quote, here.date) and not other_quarters(query, c.quote))
    top = strong[0].score
    strong = [c for c in strong if in_period(c)]
    if not strong:
        # the best sentences speak of another period; a close one just under the threshold may speak of the one asked
        # ("... the progress report she submitted at their December meeting showing their new hires", in the January
        # minutes, under a sentence of the April minutes)
        strong = [c for c in candidates if top * config.support_ratio <= c.score < config.min_score and in_period(c)][:1]
    if not strong:
        return [], [f"the period asked about ({period_words(query)})"]
    items = _ITEM_ASKED.findall(query.question)
    if items:
        # a numbered item asked about ("Article 23", "motion 2023-02-04") is answered from a passage naming it
        # (or from the item's sentences after one naming it: "1.02 Teaching & Learning: ..." ... "Total $288,325,616")
        def names_item(c: Candidate) -> bool:
            return any(_names_item(passages[c.passage_index], kind, number) for kind, number in items)
        strong = [c for c in strong if names_item(c) or any(c is after and names_item(best) for after, best in followed)]
        if not strong:
            return [], [" or ".join(f"{kind} {number}" for kind, number in items)]
        if query.wants_figure:
            # the figure of the item asked is its own ("1.05 ... Ensure that all students ..." ... "Total $14,051,705"),
            # not the one before its opening, of the item before
            openings = [c for c in strong if OPENS_ITEM.match(clean_sentence(c.quote))
                        and any(clean_sentence(c.quote).startswith(f"{number} ") for _, number in items)]
            own = next((c for opening in openings for c in [opening, *_following(opening, passages)]
                        if has_figure(c.quote) and not unit_missing(query.question, c.quote, _unit_of(passages[c.passage_index]))), None)
            if own is not None:
                strong = [own] + [c for c in strong if c.quote != own.quote]
    asked_refs = references(query.question)
    if asked_refs:
        # a case's reference asked about ("SP-2002-46") is answered by a sentence naming it, never by one naming only
        # another case's ("APPROVED SP-2002-65, ... subject to the seven conditions")
        cited_refs = [(c, references(c.quote)) for c in strong]
        strong = [c for c, refs in cited_refs if refs & asked_refs] + [c for c, refs in cited_refs if not refs]
        if not strong:
            return [], [" or ".join(sorted(asked_refs))]
    if query.as_at:
        dated = {i for i in {c.passage_index for c in strong} if names_day_asked(query, passages[i])}
        strong = [c for c in strong if c.passage_index in dated]
    if not strong:
        days = (date.fromisoformat(d) for d in query.as_at)
        return [], [f"a figure at the day asked about ({', '.join(f'{d.day} {d:%B %Y}' for d in days)})"]
    if query.latest:
        strong = _newest_first(strong, passages, config)
    if not query.wants_figure and _tabular(strong[0].quote):
        # a table's row ("CHEQUES: £20.00 INTERNAL AUDITOR £20.00 ...") does not lead an answer in words when a
        # close contender is prose ("Mr Cross carried out an Internal Audit ... and found everything to be in order")
        prose = next((c for c in strong if not _tabular(c.quote) and c.score >= strong[0].score * config.support_ratio), None)
        if prose is not None:
            strong = [prose] + [c for c in strong if c is not prose]
    if _heading_only(strong[0].quote, 14) and not _heading_only(strong[0].quote):
        # a paper's title line ("Town of North Star Monthly Meeting February 16, 2021.") does not lead when a close
        # contender says something; a short heading still leads, with the sentences after it
        said = next((c for c in strong[1:] if not _heading_only(c.quote, 14) and c.score >= strong[0].score * config.support_ratio), None)
        if said is not None:
            strong = [said] + [c for c in strong if c is not said]
    if _ASKS.search(clean_sentence(strong[0].quote)) and not re.search(r"\b(?:ask|asked|questions?|raised|quer\w+)\b", query.question, re.I):
        # a question put at the meeting ("Was the Council in discussion with NAMA and could it obtain a list of
        # NAMA-owned sites.") yields to a close reply ("The Council did not have a list of NAMA-owned sites ...")
        reply = next((c for c in strong[1:] if not _ASKS.search(clean_sentence(c.quote))
                      and c.score >= strong[0].score * config.support_ratio and c.coverage >= strong[0].coverage * 0.7), None)
        if reply is not None:
            strong = [reply] + [c for c in strong if c is not reply]
    strong, missing = _lead_for_kind(query, strong, passages, config)
    if not strong:
        return [], [missing]
    written = _written_out_in(query.question, needed, passages)
    for token, docs in _initials_in(query.question, needed, passages, lexical).items():
        written.setdefault(token, set()).update(docs)
    full = [c for c in strong if _covers(c, passages, needed, lexical, written) == set(needed)]
    if query.wants_figure and full and not (query.wants_vote and _records_vote(strong[0].quote)):  # a tally is the figure
        full, missing = _figure_lead(query, full, passages, config)
        if not full:
            return [], [f"{missing or 'a figure for what was asked'} in the papers it names"]
    elif query.wants_judgement and full:
        full = _rated_first(full, passages, config.support_ratio, query.years)
        if not full:
            return [], ["a grade or rating for what was asked in the papers it names"]
    chosen: list[Candidate] = []
    if full:
        chosen.append(full[0])
    else:
        # No single paper holds everything the question names: try two papers that do between them.
        best_pair: tuple[float, Candidate, Candidate] | None = None
        for a in strong[:10]:
            cov_a = _covers(a, passages, needed, lexical, written)
            if not cov_a:
                continue
            for b in strong[:15]:
                if passages[b.passage_index].doc_id == passages[a.passage_index].doc_id:
                    continue
                if cov_a | _covers(b, passages, needed, lexical, written) == set(needed):
                    pair_score = a.score + b.score
                    if best_pair is None or pair_score > best_pair[0]:
                        best_pair = (pair_score, a, b)
        if best_pair is None:
            covered = set().union(*(_covers(c, passages, needed, lexical, written) for c in strong[:10]))
            return [], [t for t in needed if t not in covered]
        chosen.extend(sorted(best_pair[1:], key=lambda c: -c.score))
    pool = full or strong
    if len(query.years) >= 2:
        for year in query.years:
            if any(_year_match(c, passages, year) for c in chosen):
                continue
            match = next((c for c in pool if _year_match(c, passages, year)), None)
            if match is not None and match.score >= chosen[0].score * config.support_ratio * 0.9:
                chosen.append(match)
    best = chosen[0]
    announces = bool(_ANNOUNCES.search(best.quote) or _AGENDA_ITEM.search(best.quote)) or _heading_only(best.quote)
    # The next sentence often finishes the answer: a figure's comparison (the previous quarter, the target,
    # England), or the second half of a two-part question ("... and when did Full Council debate it?").
    after = _next_sentence(best, passages)
    if after is not None and not any(after.quote == x.quote for x in chosen) and (
        (query.wants_figure and has_figure(after.quote))
        or (query.wants_judgement and _fills(RATING_RE, best, after))
        or _added_terms(query, best, after, lexical) >= config.complement_share
        or announces
    ):
        chosen.insert(1, after)
        # "The replacement of the gas heaters was discussed." only opens a minute, as does an item's heading: the two
        # sentences after it say what was said
        then = _next_sentence(after, passages) if announces else None
        if then is not None and not any(then.quote == x.quote for x in chosen):
            chosen.insert(2, then)
    if (query.wants_figure or query.wants_judgement) and not _KPI_ROW.search(" ".join(c.quote for c in chosen)):
        # a performance report's row for the same measure gives its target, floor and previous value
        row = next((c for c in pool if _KPI_ROW.search(c.quote) and c.coverage >= best.coverage * 0.7), None)
        if row is not None:
            chosen.insert(1, row)
    if query.wants_decision and _RESOLUTION_RE.search(best.quote):
        tally = _tally_before(best, passages)
        if tally is not None and not any(tally.quote == x.quote for x in chosen):
            chosen.insert(1, tally)
    if query.wants_decision and _MOTION_LIKE.search(best.quote) and not any(_records_vote(x.quote) for x in chosen):
        # the vote recorded straight after a motion is how it went: "... That the minutes ... be confirmed." / "CARRIED 7/0"
        after = _next_sentence(best, passages, shortest=6)  # ("Carried." is a sentence of its own)
        if after is not None and _records_vote(after.quote) and _bare_tally(after.quote):
            chosen.insert(1, after)
    for c in pool:
        if len(chosen) >= config.max_sentences:
            break
        if c.score < max(config.min_score, best.score * config.support_ratio):
            break
        if any(_repeats(c.quote, x.quote) for x in chosen):
            continue  # the same sentence, or part of it, from an overlapping passage
        if TALLY.search(c.quote) and not (query.wants_vote or query.wants_decision):
            continue  # a vote's tally supports no answer but one about the vote or what was decided
        chosen.append(c)
    second = _other_part(query, chosen, pool if full else strong, passages, lexical, config)
    if second is not None:
        chosen.insert(1, second)
    before = _before_if_referred(best, passages)
    if before is not None and not _refers_back(before.quote):
        # what "This" or "He" stands for comes first: "Cllr Julian Cunningham will attend ... He is the Executive Member"
        chosen = [before] + [c for c in chosen if c.quote != before.quote]
    if row_of_values(best.quote):
        # a table's row of figures is read with the periods heading its columns
        columns = _columns_of(best, passages)
        if columns is not None and not any(_repeats(columns.quote, x.quote) for x in chosen):
            chosen.insert(chosen.index(best) + 1, columns)
    if TWO_SOURCES_RE.search(query.question):
        chosen = _second_paper(chosen, strong, passages, config)
    if len(query.financial_years) >= 2:
        # a question about two financial years gets a sentence of each, next to the best so that it is kept: a
        # quarter's indicator in the 2024-25 report and in the 2025-26 one
        for fy in query.financial_years:
            if any(fy in _financial_years_of(c, passages) for c in chosen[: config.max_sentences]):
                continue
            # (from a paper that need not name everything the question does: the other year's paper may not name this one)
            match = next((c for c in strong if fy in _financial_years_of(c, passages)), None)
            if match is not None and match.score >= chosen[0].score * config.support_ratio * 0.9:
                chosen = [chosen[0], match] + [c for c in chosen[1:] if c is not match]
    chosen = chosen[: max(config.max_sentences, len(query.years))]
    if _NAMED_PERSON_ASKED.search(query.question) and not any(_PERSON.search(c.quote) for c in chosen):
        # "Which councillor chaired ...?" is not answered by the meeting's title line, naming nobody
        return [], ["the person asked about"]
    return chosen, []


# where a two-part question's second question begins: "how many had an EHCP, and what overspend is forecast ...?"
_SECOND_PART = re.compile(r",?\s+and\s+(?=(?:what|how|when|who|which|where|why|did|does|do|was|were|is|are|has|have|had)\b)", re.I)


# where to look, opening a question: "For Maidstone's Q1 2018/19 KPI update, how many ...", "At its June meeting, what ..."
_OPENING_CONTEXT = re.compile(rf"^\s*(?:for|in|at|on|under|according to)\s+[^,?]{{0,120}},\s*{_QUESTION_BEGINS}", re.I)


def _other_part(
    query: Query, chosen: list[Candidate], pool: list[Candidate], passages: list[Passage], lexical: LexicalIndex,
    config: AnswerConfig,
) -> Candidate | None:
    """For a two-part question one of whose parts the chosen sentences leave unanswered, the strong sentence from
    another paper that best answers that part: the one with most of the part's own words (IDF-weighted), at least
    half of them, with a figure if the part asks for one. (Within the same paper the next sentence serves.)"""
    parts = _SECOND_PART.split(query.question, maxsplit=1)
    if len(parts) < 2:
        return None
    words = {id(c): set(tokenize(c.quote + " " + passages[c.passage_index].heading)) for c in chosen[: config.max_sentences] + pool}
    for part, other in ((parts[0], parts[1]), (parts[1], parts[0])):
        own = set(tokenize(other))
        # (the words of where to look, opening the question, are not the part's own: "For Maidstone's Q1 2018/19 KPI
        # update, how many targetable indicators beat their targets")
        asked = _OPENING_CONTEXT.sub("", part, count=1)
        terms = {t: w for t, w in _question_terms(asked, lexical).items() if t not in own and t not in _GENERIC}
        total = sum(terms.values())
        if not total:
            continue
        shares = {key: sum(w for t, w in terms.items() if t in have) / total for key, have in words.items()}
        if any(shares[id(c)] >= 0.5 for c in chosen[: config.max_sentences]):
            continue
        papers = {passages[x.passage_index].doc_id for x in chosen}
        fits = [c for c in pool if shares[id(c)] >= 0.5 and c.score >= config.min_score
                and passages[c.passage_index].doc_id not in papers
                and (not FIGURE_CUES.search(part) or has_figure(c.quote))]
        return max(fits, key=lambda c: (shares[id(c)], c.score), default=None)
    return None


def _second_paper(chosen: list[Candidate], strong: list[Candidate], passages: list[Passage], config: AnswerConfig) -> list[Candidate]:
    """For a question naming two sources: make sure a second paper is cited, with its best strong sentence."""
    papers = {passages[c.passage_index].doc_id for c in chosen}
    if len(papers) >= 2:
        return chosen
    other = next((c for c in strong if passages[c.passage_index].doc_id not in papers), None)
    if other is None:
        return chosen
    keep = chosen[: config.max_sentences - 1]
    return keep + [other]
