"""Briefing notes from real answers: numbered footnotes with paper, date, page and the quoted words."""

from __future__ import annotations

import io

import pytest
from docx import Document as WordDocument

from core.models import Answer
from retrieval.assistant import Assistant
from retrieval.export import briefing_docx, briefing_markdown, build_briefing

A1 = "What was the A1 re-referral rate in Quarter 2?"
OFSTED = "How many children were subject to a child protection plan at 31 October 2017?"


@pytest.fixture(scope="module")
def answers(small_assistant: Assistant) -> list[Answer]:
    found = [small_assistant.ask(A1), small_assistant.ask(OFSTED)]
    assert not any(a.abstained for a in found), [a.notes for a in found]
    return found


def test_footnotes_are_numbered_across_the_whole_note(answers: list[Answer]) -> None:
    briefing = build_briefing(answers)
    total = sum(len(a.citations) for a in answers)
    assert [f.number for f in briefing.footnotes] == list(range(1, len(briefing.footnotes) + 1))
    assert 2 <= len(briefing.footnotes) <= total
    first, second = ([n for _, notes in s.pieces for n in notes] for s in briefing.sections)
    assert first[0] == 1
    assert min(second) == max(first) + 1


def test_markdown_note_quotes_paper_date_and_page(answers: list[Answer]) -> None:
    md = briefing_markdown(answers, scope="Searching all 4 papers in the library.")
    assert md.startswith("# Briefing note\n")
    assert f"## {A1}" in md and f"## {OFSTED}" in md
    assert "Scope: Searching all 4 papers in the library." in md
    a1 = answers[0].citations[0]
    assert "[^1]" in md.split(f"## {OFSTED}")[0]
    note = next(line for line in md.splitlines() if line.startswith("[^1]: "))
    assert a1.passage.title in note and (a1.passage.date or "undated") in note
    assert "Quarter 2 = 27%" in note
    ofsted_note = next(line for line in md.splitlines() if "Inspection of" in line or "ofsted_ilacs_doncaster_2018" in line)
    assert "page " in ofsted_note and "353" in md


def test_docx_note_has_superscript_numbers_and_the_notes(answers: list[Answer]) -> None:
    data = briefing_docx(answers)
    doc = WordDocument(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Briefing note"
    assert A1 in texts and OFSTED in texts
    supers = [r.text for p in doc.paragraphs for r in p.runs if r.font.superscript]
    assert supers[0] == "1"
    notes = [t for t in texts if t.startswith("1. ")]
    assert notes and "Quarter 2 = 27%" in notes[0]


def test_an_abstained_answer_says_the_papers_do_not_answer(small_assistant: Assistant) -> None:
    answer = small_assistant.ask("What is the budget for the Mars colony in 2090?")
    assert answer.abstained
    md = briefing_markdown([answer])
    assert "The papers in scope do not answer this." in md
    assert "[^" not in md


def test_a_note_citing_a_restricted_paper_says_so(answers: list[Answer]) -> None:
    secret = answers[0].citations[0].passage.doc_id
    md = briefing_markdown(answers, restricted_docs={secret})
    assert "**Cites restricted papers: for members only, not for publication.**" in md
    note = next(line for line in md.splitlines() if line.startswith("[^1]: "))
    assert "[restricted paper]" in note
    assert "restricted" not in briefing_markdown(answers)
    doc = WordDocument(io.BytesIO(briefing_docx(answers, restricted_docs={secret})))
    assert any(p.text.startswith("Cites restricted papers") for p in doc.paragraphs)
