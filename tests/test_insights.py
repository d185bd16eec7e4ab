"""Trends with cited points, papers that disagree, and answers as the papers stood at a date."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache

import pytest

import cli
from core.models import Answer, Citation, Document, Passage
from ingest.documents import document_from_bytes
from ingest.indicators import collapse, extract_indicators
from retrieval.assistant import Assistant
from retrieval.insights import conflicts, period_key, trend, trend_subject, with_conflicts
from tests.conftest import CORPUS

SIS_REPORT = "other/kent_cabinet_report_24-00109_strengthening_independence_service_transfer.pdf"
CABINET = "minutes/kent_cabinet_minutes_2025-01-30.pdf"
QPR = "other/kent_quarterly_performance_report_q3_2024-25.pdf"
COUNCIL_QA = "minutes/kent_county_council_questions_and_answers_2025-03-13.pdf"
DONCASTER = "minutes/doncaster_cyp_scrutiny_panel_minutes_dcst_performance_q2_2018-19.txt"


@cache
def paper(rel: str) -> Document:
    return document_from_bytes((CORPUS / rel).read_bytes(), rel)


def page_passage(rel: str, number: int) -> Passage:
    """A real page of a real paper as a retrieved passage."""
    d = paper(rel)
    text = d.pages[number - 1].text
    return Passage(chunk_id=f"{d.doc_id}:{number}", doc_id=d.doc_id, doc=d.path, title=d.title, kind=d.kind, body=d.body,
                   date=d.date, page=number, heading="", text=text, score=1.0, end=len(text))


def sentence_in(passage: Passage, words: str) -> str:
    text = collapse(passage.text)
    start = text.index(words)
    end = text.find(". ", start)
    return text[text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0:end + 1 if end != -1 else len(text)]


# --- trends ----------------------------------------------------------------------------------------
def answer_citing(passage: Passage, cited: str, *others: Passage) -> Answer:
    """An answer quoting ``cited`` from ``passage`` [1], with ``others`` also retrieved."""
    return Answer(question="", text=f"{cited} [1]", abstained=False, citations=(Citation(1, passage, cited),),
                  passages=(passage, *others))


def test_trend_questions_are_recognised() -> None:
    assert trend_subject("How has the re-referral rate changed?") == "re-referral rate"
    assert trend_subject("What is the trend in children looked after over time?") == "children looked after"
    assert trend_subject("Who chairs the panel?") is None
    assert period_key("31 March 2017") < period_key("31 October 2017") < period_key("Dec-24")


def test_trend_across_papers_orders_points_by_date() -> None:
    records = extract_indicators(paper(DONCASTER)) + extract_indicators(paper(QPR))
    series = trend(records, "re-referrals")
    assert [(p.date, p.value) for p in series.points] == [("2018-09-30", "27%"), ("2024-12-31", "22.2%")]
    assert series.percentage and series.points[0].record.code == "A1"
    from retrieval.insights import trend_answer

    answer = trend_answer("How has the re-referral rate changed?", series, {})
    assert answer is not None and [c.n for c in answer.citations] == [1, 2]
    assert answer.text.endswith("(doncaster, kent), so they are not one series.")  # no "it fell" across councils


def test_how_has_it_changed_is_answered_with_every_point_cited(small_assistant: Assistant) -> None:
    answer = small_assistant.ask("How has the number of children looked after changed?")
    assert answer.generator == "trend" and not answer.abstained
    assert [c.quote for c in answer.citations] == [
        "This is an increase from 510 (78 per 10,000 children) at 31 March 2017.",
        "At 31 October 2017, 550 children were being looked after by the local authority (a rate of 84.0 per 10,000 children).",
    ]
    for c in answer.citations:
        assert c.passage.doc == "inspection/ofsted_ilacs_doncaster_2018-01-19.pdf" and c.passage.page == 5
        assert f"[{c.n}]" in answer.text
    # every point's figure is in the answer, just before its citation
    assert "510; 78 per 10,000 (31 March 2017) in" in answer.text.split("[1]")[0]
    assert "550 children; 84.0 per 10,000 (31 October 2017) in" in answer.text.split("[2]")[0].split("[1]")[1]
    assert answer.text.endswith("It rose from 510 to 550 children.")


def test_cli_plots_one_indicator_over_time(small_assistant: Assistant, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["indicators", "children looked after", "--json", "--index", str(small_assistant.settings.index_path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["period"], r["page"]) for r in rows] == [("31 March 2017", 5), ("31 October 2017", 5)]
    assert set(rows[0]) == {"indicator", "code", "period", "value", "doc", "page", "date", "quote"}


# --- papers that disagree -----------------------------------------------------------------------------
def test_two_papers_giving_different_cohort_sizes_are_both_cited() -> None:
    report, minutes = page_passage(SIS_REPORT, 3), page_passage(CABINET, 13)
    cited = sentence_in(report, "were working with 894 young adults")
    answer = answer_citing(report, cited, minutes)
    question = "How many young adults does the 18-25 section of the Strengthening Independence Service work with?"
    [found] = conflicts(question, answer)
    ours, theirs = found.ours, found.theirs
    assert (found.our_value, found.their_value) == ("894", "920")
    assert ours.n == 1 and "894" in ours.quote
    assert theirs.n == 2 and theirs.passage.doc == CABINET and theirs.passage.page == 13 and "920" in theirs.quote
    noted = with_conflicts(question, answer)
    assert noted.text.startswith(answer.text)
    assert "Note: the papers differ" in noted.text and "894 [1]" in noted.text and "920 [2]" in noted.text
    assert [c.n for c in noted.citations] == [1, 2] and noted.citations[1].passage.doc == CABINET


def test_a_newer_figure_leads_and_the_older_is_labelled_earlier() -> None:
    qpr, council = page_passage(QPR, 37), page_passage(COUNCIL_QA, 14)
    cited = sentence_in(qpr, "34% of Education, Health, and Care Plans")
    answer = answer_citing(qpr, cited, council)
    noted = with_conflicts("What percentage of EHCPs were issued within 20 weeks?", answer)
    note = noted.text.split("\n\n")[-1]
    assert note.startswith("Note: the papers differ: the newer Kent County Council minutes, 13 March 2025 (2025-03-13) says 90% [2]")
    assert "the earlier Kent County Council Quarterly Performance Report (2024-12-31) said 34% [1]" in note
    assert note.index("[2]") < note.index("[1]")
    assert "90% of EHCPs within 20 weeks" in noted.citations[1].quote


def test_passages_that_agree_get_no_note() -> None:
    report = page_passage(SIS_REPORT, 3)
    cited = sentence_in(report, "were working with 894 young adults")
    answer = answer_citing(report, cited, page_passage(CABINET, 1))
    question = "How many young adults does the 18-25 section of the Strengthening Independence Service work with?"
    assert conflicts(question, answer) == []
    assert with_conflicts(question, answer) is answer


def test_figures_about_another_council_are_not_a_disagreement() -> None:
    kent, doncaster = page_passage(QPR, 44), page_passage(DONCASTER, 1)
    cited = sentence_in(kent, "The rate of re-referrals within 12 months")
    answer = answer_citing(kent, cited, doncaster)
    question = "What was the children's social care re-referral rate in the 12 months to December?"
    assert "27%" in doncaster.text and "22.2%" in cited
    assert conflicts(question, answer) == []


# --- as known at a date ---------------------------------------------------------------------------------
def test_as_at_date_answers_from_the_papers_known_then(small_assistant: Assistant) -> None:
    question = "What grade did Ofsted give Doncaster children's services?"
    now = small_assistant.ask(question)
    then = Assistant(replace(small_assistant.settings, as_of="2019-03-01")).ask(question)
    assert not now.abstained and not then.abstained
    assert all((p.date or "") <= "2019-03-01" for p in then.passages), then.to_json()
    assert "2018-01-19" in {c.passage.date for c in then.citations}, then.to_json()
    assert "2022-04-08" in {c.passage.date for c in now.citations}, now.to_json()
    assert "requires improvement" in now.text.lower(), now.text
    assert "requires improvement" not in then.text.lower() and "good" in then.text.lower(), then.text


# --- the page in the chat app ---------------------------------------------------------------------------
def _insights_page(index: str) -> None:
    from pathlib import Path

    from core.settings import Settings
    from retrieval.assistant import Assistant
    from ui.insights import render

    render(Assistant(Settings(index_dir=Path(index), chroma_host=None)))


def test_insights_page_plots_an_indicator_with_each_point_cited(small_assistant: Assistant) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_insights_page, args=(str(small_assistant.settings.index_path),), default_timeout=180)
    at.run()
    assert not at.exception, at.exception
    assert len(at.dataframe) == 1  # every record, before an indicator is chosen
    at.text_input(key="insights-indicator").input("children looked after").run()
    assert not at.exception, at.exception
    assert len(at.get("vega_lite_chart")) == 1
    cited = [m.value for m in at.markdown if m.value.startswith("**[")]
    points = [c for c in cited if "Re-inspection" in c or "510" in c or "550" in c]
    assert points[0].startswith("**[1]** 510; 78 per 10,000") and "page 5" in points[0]
    assert points[1].startswith("**[2]** 550 children") and "“At 31 October 2017, 550 children" in points[1]
    captions = " ".join(c.value for c in at.caption)
    assert "Not followed up in a later paper." in captions or "Followed up:" in captions
    assert any("RESOLVED that the Panel note the report" in m.value for m in at.markdown)
