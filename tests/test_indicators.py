"""Indicator statements: the forms council papers print them in, their quotes, the gold-set scores and the stored records."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from bench.extraction import run
from core.models import Document
from ingest.documents import document_from_bytes
from ingest.indicators import collapse, extract_indicators
from retrieval.assistant import Assistant
from retrieval.records import Records, prune
from tests.conftest import CORPUS, make_settings

DONCASTER = "minutes/doncaster_cyp_scrutiny_panel_minutes_dcst_performance_q2_2018-19.txt"
QPR = "other/kent_quarterly_performance_report_q3_2024-25.pdf"
OFSTED_2018 = "inspection/ofsted_ilacs_doncaster_2018-01-19.pdf"


@cache
def paper(rel: str) -> Document:
    return document_from_bytes((CORPUS / rel).read_bytes(), rel)


def by_quote(rel: str, text: str) -> list:
    return [r for r in extract_indicators(paper(rel)) if text in r.quote]


def test_coded_kpi_lines_keep_code_period_and_value() -> None:
    [a1] = by_quote(DONCASTER, "Re–referrals in last 12 months")
    assert (a1.code, a1.period, a1.value) == ("A1", "Quarter 2", "27%")
    assert a1.indicator == "Percentage of Re–referrals in last 12 months"
    [e34] = by_quote(DONCASTER, "E34/E35")
    assert (e34.code, e34.value, e34.period) == ("E34/E35", "1677/396", "Quarter 2 average")
    [a4] = by_quote(DONCASTER, "A4 – Children Seen")
    assert a4.value is None and a4.code == "A4"
    assert a1.date == "2018-09-30" and a1.page is None


def test_kpi_box_gives_the_latest_figure_not_target_floor_or_previous() -> None:
    boxes = [r for r in by_quote(QPR, "Latest: 22.2%")]
    assert len(boxes) == 1
    box = boxes[0]
    assert (box.value, box.period, box.page) == ("22.2%", "Latest", 47)
    assert box.indicator.startswith("Percentage of children’s social care referrals that were repeat referrals")
    assert box.quote.endswith("Previous: 23.4% (Green)")


def test_table_rows_give_the_latest_column() -> None:
    [male] = by_quote(QPR, "Male 1,329")
    assert (male.value, male.period, male.indicator, male.page) == ("1,222", "Dec-24", "Male", 45)


def test_narrative_figures_keep_attached_rates_and_drop_comparators() -> None:
    [looked_after] = by_quote(OFSTED_2018, "550 children were being looked after")
    assert looked_after.value == "550 children; 84.0 per 10,000"
    assert looked_after.period == "31 October 2017"
    [earlier] = by_quote(OFSTED_2018, "This is an increase from 510")
    assert earlier.value.startswith("510") and earlier.period == "31 March 2017"
    assert earlier.indicator == looked_after.indicator  # an earlier figure of the same quantity
    rereferrals = by_quote(QPR, "The rate of re-referrals within 12 months")
    assert [r.value for r in rereferrals] == ["22.2%"]  # not the previous quarter's 23.4% nor the 25.0% target
    population = [r for r in extract_indicators(paper(OFSTED_2018)) if "65,461" in r.quote or "free school meals" in r.quote]
    assert population == []  # general-population context is not a service indicator


def test_every_quote_is_the_collapsed_slice_of_its_page() -> None:
    for rel in (DONCASTER, OFSTED_2018):
        document = paper(rel)
        pages = {p.number: p.text for p in document.pages}
        records = extract_indicators(document)
        assert records
        for r in records:
            assert collapse(pages[r.page][r.start:r.end]) == r.quote


@pytest.fixture(scope="module")
def gold_scores() -> dict:
    return run()


def test_extractors_reach_ninety_percent_on_the_gold_sets(gold_scores: dict) -> None:
    for name in ("indicators", "commitments"):
        score = gold_scores[name]
        assert score.gold >= 87
        assert score.recall >= 0.9, (name, score.summary(), score.misses[:3])
        assert score.precision >= 0.9, (name, score.summary(), score.false_positives[:3])


def test_records_are_stored_at_ingest_and_follow_the_paper(small_assistant: Assistant) -> None:
    records = Records(small_assistant.store)
    a1 = [r for r in records.indicators() if r.code == "A1"]
    assert len(a1) == 1 and a1[0].value == "27%" and a1[0].doc == DONCASTER
    assert any(c.type == "resolution" for c in records.commitments())
    assert [r for r in records.indicators(as_of="2018-06-30") if r.doc == DONCASTER] == []  # dated 30 September 2018


def test_removing_a_paper_removes_its_records(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "panel_minutes_2024-05-01.txt").write_text(
        "Children's Scrutiny Panel minutes, 1 May 2024\n\n"
        "At 31 March 2024, 412 children were subject to a child protection plan.\n\n"
        "RESOLVED that the Panel note the report.\n",
        encoding="utf-8",
    )
    assistant = Assistant(make_settings(tmp_path / "data"))
    assert assistant.ingest([folder]).ok
    records = Records(assistant.store)
    [plan] = records.indicators()
    assert plan.value == "412 children" and plan.period == "31 March 2024"
    assert [c.type for c in records.commitments()] == ["resolution"]
    assistant.remove(plan.doc_id)
    assert records.indicators() == [] and records.commitments() == []
    assert prune(assistant.store) == 0  # removing the paper already removed its stored rows
