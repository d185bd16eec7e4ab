"""Decisions and commitments: extraction from real minutes, follow-up by a later paper, and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fpdf import FPDF

import cli
from ingest.commitments import extract_commitments
from ingest.documents import document_from_bytes
from retrieval.assistant import Assistant
from retrieval.insights import follow_ups
from retrieval.records import Records
from tests.conftest import CORPUS, make_settings

KENT_CPP = "minutes/kent_corporate_parenting_panel_minutes_2024-10-29.pdf"


def extracted(rel: str) -> list:
    return extract_commitments(document_from_bytes((CORPUS / rel).read_bytes(), rel))


def test_commitments_and_resolutions_from_real_minutes() -> None:
    found = extracted(KENT_CPP)
    [follow] = [c for c in found if "offered to follow up with Members" in c.quote]
    assert (follow.type, follow.page, follow.who) == ("commitment", 2, "Joanne Carpenter")
    assert follow.when == "when the results become available"
    [vice] = [c for c in found if "duly elected Vice Chair" in c.quote]
    assert vice.type == "resolution" and vice.page == 1 and vice.date == "2024-10-29"
    # continuing work is not a commitment, and people agreeing with a point do not make a decision
    assert not [c for c in found if "would continue to do so" in c.quote]
    assert not [c for c in found if "Natalia Merritt agreed" in c.quote]


def test_a_decision_keeps_its_lettered_parts_and_runs_over_the_page() -> None:
    found = extracted("minutes/kent_cabinet_minutes_2025-01-30.pdf")
    [ics] = [c for c in found if c.quote.startswith("RESOLVED that Cabinet agree to: (a) Adopt the Integrated Care Strategy")]
    assert ics.page == 15 and "(b) Delegate authority" in ics.quote
    [rest] = [c for c in found if c.page == 16 and "Delegate authority to the Director of Public Health, in consultation with the relevant" in c.quote]
    assert rest.type == "resolution"


def _minutes_pdf(path: Path, heading: str, paragraphs: list[str]) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, heading)
    for text in paragraphs:
        pdf.ln(4)
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))


@pytest.fixture(scope="module")
def two_meetings(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """Two real PDF minutes of one panel, January and March 2024: the second picks up one promise of the first."""
    folder = tmp_path_factory.mktemp("meetings") / "minutes"
    folder.mkdir()
    _minutes_pdf(folder / "children_scrutiny_panel_minutes_2024-01-15.pdf",
                 "Children and Young People Scrutiny Panel - Minutes of the meeting held on 15 January 2024", [
                     "1. Home to school transport. Members discussed the rising cost of home to school transport for "
                     "pupils with special educational needs.",
                     "The Director of Education offered to circulate the review of home to school transport costs to "
                     "Members of the Panel.",
                     "2. Fostering. The Head of Fostering offered to provide Members with a breakdown of foster carer "
                     "recruitment by district.",
                     "RESOLVED that the Panel note the report.",
                 ])
    _minutes_pdf(folder / "children_scrutiny_panel_minutes_2024-03-11.pdf",
                 "Children and Young People Scrutiny Panel - Minutes of the meeting held on 11 March 2024", [
                     "1. Matters arising. The review of home to school transport costs, circulated to Members of the "
                     "Panel after the January meeting, was discussed; Members asked why transport costs had risen.",
                     "2. Libraries. The Panel received an update on library opening hours.",
                     "RESOLVED that the minutes of the meeting held on 15 January 2024 be approved as a correct record.",
                 ])
    assistant = Assistant(make_settings(tmp_path_factory.mktemp("meetings-index")))
    assert assistant.ingest([folder.parent]).ok
    return assistant


def test_a_commitment_is_followed_up_by_a_later_paper(two_meetings: Assistant) -> None:
    records = Records(two_meetings.store)
    found = records.commitments()
    assert [c.date for c in found if c.type == "commitment"] == ["2024-01-15", "2024-01-15"]
    result = {f.commitment.quote: f for f in follow_ups(found, two_meetings.store, two_meetings.embedder(), records.papers())}
    [transport] = [f for q, f in result.items() if "home to school transport" in q]
    assert transport.passage is not None
    assert transport.passage.date == "2024-03-11" and transport.passage.page == 1
    assert "circulated to Members" in " ".join(transport.passage.text.split())
    [fostering] = [f for q, f in result.items() if "foster carer" in q]
    assert fostering.passage is None  # the March minutes never come back to it


def test_cli_lists_commitments_with_their_follow_up(two_meetings: Assistant, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["commitments", "--json", "--index", str(two_meetings.settings.index_path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    transport = next(r for r in rows if "transport" in r["quote"] and r["type"] == "commitment")
    assert transport["who"] == "The Director of Education"
    assert transport["followed_up"]["date"] == "2024-03-11"
    assert transport["followed_up"]["doc"].endswith("2024-03-11.pdf")
    assert {r["type"] for r in rows} == {"commitment", "resolution"}
    # as the panel knew it in February, nothing had yet been followed up
    assert cli.main(["commitments", "--json", "--as-of", "2024-02-01", "--index", str(two_meetings.settings.index_path)]) == 0
    early = json.loads(capsys.readouterr().out)
    assert {r["date"] for r in early} == {"2024-01-15"}
    assert all(r["followed_up"] is None for r in early if r["type"] == "commitment")
