"""Sentence-level verification of a generated answer against the numbered passages it was given.

Every sentence must cite ``[n]`` a passage that was retrieved; every number, date and named judgement
in the sentence must appear in a passage it cites; most of its words must too. A sentence that fails
is dropped with the reason. Text in a passage that reads like an instruction to the assistant is
not evidence for anything (see ``evidence_text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.models import Citation, Passage, Verification
from ingest.sentences import SHORT_MONTHS, clean_sentence, sentence_spans
from retrieval.lexical import tokenize

CITE_RE = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
NUMBER_RE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
MONTH_RE = re.compile(r"\b(" + "|".join(m.capitalize() for m in MONTHS) + "|" + SHORT_MONTHS + r")\b")
ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split()) if i >= 2}
NUMBER_WORD_RE = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.I)
# Named judgements: Ofsted grades and committee decisions. Each pattern matches the word family,
# so "approval" in an answer is supported by "approved" in a passage.
JUDGEMENTS = {
    "outstanding": r"outstanding",
    "good": r"good",
    "requires improvement": r"requires? improvement",
    "inadequate": r"inadequate",
    "approved": r"approv(?:e|ed|es|al|ing)",
    "deferred": r"defer(?:s|red|ral|ring)?",
    "rejected": r"reject(?:s|ed|ion|ing)?",
    "agreed": r"agree(?:s|d|ment)?",
    "refused": r"refus(?:e|ed|es|al)",
    "declined": r"declin(?:e|ed|es)",
    "withdrawn": r"withdr[ae]wn?",
    "endorsed": r"endors(?:e|ed|es|ement)",
    "adopted": r"adopt(?:ed|s|ion)?",
    "ratified": r"ratif(?:y|ied|ies)",
    "granted": r"grant(?:ed|s)?",
    "accepted": r"accept(?:ed|s)?",
    "noted": r"noted",
}
_JUDGEMENT_RES = {name: re.compile(rf"\b{pattern}\b", re.I) for name, pattern in JUDGEMENTS.items()}
# Text inside a paper that addresses the assistant rather than the reader: shown to nobody as evidence.
INSTRUCTION_RE = re.compile(
    r"\b(ignore|disregard|forget)\b[^.!?\n]{0,40}\b(instructions?|prompts?|rules|above)\b|\b(reply|respond|answer)\s+only\s+with\b"
    r"|\byou are now\b|\bsystem prompt\b|\bnew instructions\b",
    re.I,
)
# Words an answer uses to talk about its sources rather than about the subject: not claims.
_FRAME_WORDS = frozenset("paper passage document report minute state stated say says according mention mentioned note notes show shows".split())
MIN_SUPPORT = 0.5
MIN_WORDS = 3


@dataclass(frozen=True)
class Checked:
    """One sentence of a generated answer that passed: its text without markers and the passages it cites."""

    text: str
    cites: tuple[int, ...]


@dataclass(frozen=True)
class Verdict:
    """The outcome of verifying a generated answer."""

    kept: tuple[Checked, ...]
    dropped: tuple[tuple[str, str], ...]

    @property
    def verification(self) -> Verification:
        return Verification(checked=len(self.kept) + len(self.dropped), dropped=self.dropped)


def instruction_like(text: str) -> bool:
    """Whether ``text`` reads like an instruction to the assistant ("ignore previous instructions...")."""
    return INSTRUCTION_RE.search(text) is not None


def strip_instructions(text: str, replacement: str = "") -> str:
    """``text`` with every sentence that reads like an instruction to the assistant replaced."""
    parts, last = [], 0
    for s, e in sentence_spans(text):
        if instruction_like(text[s:e]):
            parts.append(text[last:s] + replacement)
            last = e
    return "".join(parts) + text[last:]


def long_date(iso: str | None) -> str:
    """``2017-10-31`` as ``31 October 2017`` (as papers write it); other text unchanged."""
    m = ISO_DATE_RE.fullmatch(iso or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        return iso or ""
    return f"{int(m.group(3))} {MONTHS[int(m.group(2)) - 1].capitalize()} {m.group(1)}"


def evidence_text(passage: Passage) -> str:
    """What a passage can vouch for: its source line and its text, less any instruction-like sentences."""
    where = f"page {passage.page}" if passage.page else ""
    return " ".join([passage.title, passage.date or "", long_date(passage.date), where, passage.heading,
                     strip_instructions(passage.text)])


def _numbers(text: str) -> set[str]:
    found = {n.replace(",", "") for n in NUMBER_RE.findall(text)}
    found |= {NUMBER_WORDS[w.lower()] for w in NUMBER_WORD_RE.findall(text)}
    return {n[:-2] if n.endswith(".0") else n for n in found}


def _months(text: str) -> set[str]:
    return {m.lower()[:3] for m in MONTH_RE.findall(text)}


def claims(sentence: str) -> dict[str, set[str]]:
    """The numbers, months and judgements a sentence states (citation markers removed)."""
    text = ISO_DATE_RE.sub(lambda m: long_date(m.group(0)), CITE_RE.sub(" ", sentence))
    return {
        "number": _numbers(text),
        "date": _months(text),
        "judgement": {name for name, rx in _JUDGEMENT_RES.items() if rx.search(text)},
    }


def unsupported(sentence: str, evidence: str) -> str | None:
    """Why ``evidence`` does not support ``sentence``, or None when it does."""
    stated = claims(sentence)
    have_numbers, have_months = _numbers(evidence), _months(evidence)
    missing = sorted(stated["number"] - have_numbers, key=len)
    if missing:
        return f"number {missing[0]} is not in the cited passage"
    months = sorted(stated["date"] - have_months)
    if months:
        return f"date ({months[0]}) is not in the cited passage"
    for name in sorted(stated["judgement"]):
        if not _JUDGEMENT_RES[name].search(evidence):
            return f"judgement '{name}' is not in the cited passage"
    if len(tokenize(CITE_RE.sub(" ", sentence))) < MIN_WORDS:
        return "too short to state anything checkable"
    words = [t for t in tokenize(CITE_RE.sub(" ", sentence)) if not t[0].isdigit() and t not in _FRAME_WORDS]
    if words:
        have = set(tokenize(evidence))
        share = sum(w in have for w in words) / len(words)
        if share < MIN_SUPPORT:
            return f"only {share:.0%} of its words are in the cited passage"
    return None


def answer_sentences(text: str) -> list[str]:
    """The sentences of a generated answer, each keeping the ``[n]`` markers that follow it."""
    text = re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", text, flags=re.M)  # list markers
    text = re.sub(r"\*\*|__", "", text)
    # "... 13.8%. [1] Next" -> "... 13.8% [1]. Next": a marker after the full stop belongs to the sentence before it.
    text = re.sub(r"([.!?])((?:\s*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+)", r"\2\1", text)
    return [clean_sentence(text[s:e]) for s, e in sentence_spans(text) if re.search(r"[A-Za-z0-9]", text[s:e])]


def cited_numbers(sentence: str) -> tuple[int, ...]:
    """The passage numbers a sentence cites, in order, without repeats."""
    found = [int(n) for group in CITE_RE.findall(sentence) for n in re.split(r"\s*[,;]\s*", group)]
    return tuple(dict.fromkeys(found))


def check_sentence(sentence: str, passages: list[Passage]) -> str | None:
    """Why ``sentence`` fails verification against the numbered ``passages`` (1-based), or None."""
    cites = cited_numbers(sentence)
    if not cites:
        return "cites no passage"
    stray = [n for n in cites if not 1 <= n <= len(passages)]
    if stray:
        return f"cites [{stray[0]}], which is not a retrieved passage"
    evidence = " ".join(evidence_text(passages[n - 1]) for n in cites)
    if instruction_like(CITE_RE.sub(" ", sentence)):
        return "repeats an instruction found inside a paper"
    return unsupported(sentence, evidence)


def verify(text: str, passages: list[Passage]) -> Verdict:
    """Check every sentence of a generated answer; keep those that pass, drop the rest with the reason."""
    kept, dropped = [], []
    for sentence in answer_sentences(text):
        reason = check_sentence(sentence, passages)
        if reason:
            dropped.append((sentence, reason))
        else:
            body = CITE_RE.sub(" ", sentence)
            body = re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"\s+", " ", body)).strip()
            kept.append(Checked(body, cited_numbers(sentence)))
    return Verdict(tuple(kept), tuple(dropped))


def best_quote(sentence: str, passage: Passage) -> str:
    """The sentence of ``passage`` (an exact slice of its text) that best matches ``sentence``."""
    want = set(tokenize(sentence))
    numbers = _numbers(CITE_RE.sub(" ", sentence))
    best, best_score = passage.text.strip(), -1.0
    for s, e in sentence_spans(passage.text):
        quote = passage.text[s:e]
        if instruction_like(quote):
            continue
        score = len(want & set(tokenize(quote))) + 2 * len(numbers & _numbers(quote))
        if score > best_score:
            best, best_score = quote, score
    return best


def cite(kept: tuple[Checked, ...], passages: list[Passage]) -> tuple[str, tuple[Citation, ...]]:
    """The verified sentences as answer text, renumbered ``[1]``, ``[2]``... in order of use, with their citations."""
    numbers: dict[int, int] = {}
    citations: list[Citation] = []
    parts = []
    for sentence in kept:
        marks = []
        for n in sentence.cites:
            new = numbers.setdefault(n, len(numbers) + 1)
            marks.append(f"[{new}]")
            quote = best_quote(sentence.text, passages[n - 1])
            if not any(c.n == new and c.quote == quote for c in citations):
                citations.append(Citation(new, passages[n - 1], quote))
        text = sentence.text if sentence.text.endswith((".", "?", "!", ":")) else sentence.text + "."
        parts.append(f"{text} {''.join(marks)}")
    return " ".join(parts), tuple(citations)
