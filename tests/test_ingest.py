"""Ingest on real papers: pages, offsets, metadata, structure-following chunks, idempotence."""

from __future__ import annotations

import shutil
from pathlib import Path

from core.models import Page
from ingest.chunking import blocks_of, chunk_document, speaker_roles
from ingest.documents import document_from_bytes
from ingest.metadata import body_from_name, with_council_named
from ingest.sentences import sentence_spans
from retrieval.assistant import Assistant
from retrieval.indexer import embedding_text
from tests import makepapers
from tests.conftest import CORPUS


def _doc(rel: str):
    return document_from_bytes((CORPUS / rel).read_bytes(), rel)


def test_pdf_pages_are_numbered_from_one_and_offsets_slice_the_page():
    doc = _doc("inspection/ofsted_ilacs_doncaster_2018-01-19.pdf")
    assert [p.number for p in doc.pages] == list(range(1, 19))
    chunks = chunk_document(doc.doc_id, doc.pages)
    pages = {p.number: p.text for p in doc.pages}
    for c in chunks:
        assert pages[c.page][c.start:c.end] == c.text
    # The looked-after figure is on page 5 as pypdf counts pages.
    hits = [c for c in chunks if "550 children were being looked after" in c.text]
    assert hits and {c.page for c in hits} == {5}


def test_every_corpus_paper_chunks_with_valid_offsets():
    for path in sorted(CORPUS.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(CORPUS).as_posix()
        doc = document_from_bytes(path.read_bytes(), rel)
        chunks = chunk_document(doc.doc_id, doc.pages)
        assert chunks, rel
        texts = {p.number: p.text for p in doc.pages}
        for c in chunks:
            assert texts[c.page][c.start:c.end] == c.text, (rel, c.seq)
            assert c.text.strip() == c.text


def test_metadata_from_the_text():
    doc = _doc("minutes/kent_corporate_parenting_panel_minutes_2024-10-29.pdf")
    assert doc.kind == "minutes"
    assert doc.date == "2024-10-29"
    assert "Corporate Parenting Panel" in doc.body
    inspection = _doc("inspection/ofsted_ilacs_kent_2022-07-05.pdf")
    assert inspection.kind == "inspection"
    assert "Kent County Council" in inspection.body
    assert inspection.title.startswith("Inspection of Kent County Council")


def test_indicator_lines_are_kept_whole():
    doc = _doc("minutes/doncaster_cyp_scrutiny_panel_minutes_dcst_performance_q2_2018-19.txt")
    chunks = chunk_document(doc.doc_id, doc.pages)
    line = "A1 - Percentage of Re–referrals in last 12 months (Quarter 2 = 27%)"
    holders = [c for c in chunks if line in c.text]
    assert len(holders) == 1
    assert holders[0].block == "indicator"
    # E34/E35 with its value stays in one chunk too.
    assert any("E34/E35 - Number and rate (per 10,000) of Children in Need – (Quarter 2 average = 1677/396)" in c.text for c in chunks)


def test_bullet_list_stays_with_its_lead_in():
    doc = _doc("minutes/doncaster_cyp_scrutiny_panel_minutes_dcst_performance_q2_2018-19.txt")
    chunks = chunk_document(doc.doc_id, doc.pages)
    lead = [c for c in chunks if "It was outlined that areas of good performance included" in c.text]
    assert lead and "A2 - Timeliness of Single Assessments" in lead[0].text


def test_reingest_is_a_no_op_and_a_changed_file_replaces_its_chunks(settings, tmp_path: Path):
    folder = tmp_path / "papers"
    folder.mkdir()
    shutil.copy(CORPUS / "minutes/doncaster_cyp_scrutiny_panel_minutes_dcst_performance_q2_2018-19.txt", folder / "panel.txt")
    assistant = Assistant(settings)
    first = assistant.ingest([folder])
    assert first.counts() == {"added": 1}
    count = assistant.store.count()
    again = assistant.ingest([folder])
    assert again.counts() == {"unchanged": 1}
    assert assistant.store.count() == count
    old_ids = {d.doc_id for d in assistant.documents()}
    text = (folder / "panel.txt").read_text(encoding="utf-8")
    (folder / "panel.txt").write_text(text.replace("Quarter 2 = 27%", "Quarter 2 = 31%"), encoding="utf-8")
    changed = assistant.ingest([folder])
    assert changed.counts() == {"updated": 1}
    docs = assistant.documents()
    assert len(docs) == 1 and docs[0].doc_id not in old_ids
    texts = [t for _, t, _ in assistant.store.chunks_of(docs[0].doc_id)]
    assert any("Quarter 2 = 31%" in t for t in texts)
    assert assistant.store.count() == len(texts)  # the old version's chunks are gone
    hits = assistant.search("A1 re-referrals quarter 2")
    assert hits and "31%" in hits[0].text


def test_same_paper_under_two_names_is_stored_once(settings, tmp_path: Path):
    folder = tmp_path / "papers"
    folder.mkdir()
    src = CORPUS / "inspection/ofsted_ilacs_doncaster_2022-04-08.pdf"
    shutil.copy(src, folder / "a.pdf")
    shutil.copy(src, folder / "b.pdf")
    report = Assistant(settings).ingest([folder])
    assert report.counts() == {"added": 1, "duplicate": 1}


def test_a_running_header_is_cut_from_the_body_it_runs_into():
    doc = _doc("inspection/ofsted_ilacs_kent_2022-07-05.pdf")
    # every page opens "Inspection of Kent County Council children's services / 9 to 20 May 2022 <n>",
    # in the same block as the first body line
    assert sum(p.text.lstrip().startswith("Inspection of Kent County Council") for p in doc.pages) >= 10
    chunks = chunk_document(doc.doc_id, doc.pages)
    assert not [c.text[:60] for c in chunks if "9 to 20 May 2022" in c.text and c.page > 1]
    assert any(c.text.startswith("National Nurturing Schools programme award") for c in chunks)


def test_small_pieces_of_a_page_are_joined_to_the_next():
    doc = _doc("strategy/kent_family_hubs_seashells_millmead_decision_report_24-00093.pdf")
    chunks = chunk_document(doc.doc_id, doc.pages)
    pages = {p.number: p.text for p in doc.pages}
    for c in chunks:
        assert pages[c.page][c.start:c.end] == c.text
    assert [c.seq for c in chunks] == list(range(len(chunks)))
    # the front page's "From:", "To:", "Subject:" and "Decision no:" lines are one passage, not four
    front = next(c for c in chunks if "Sarah Hammond" in c.text)
    assert "Sue Chandler" in front.text and "24/00093" in front.text


def test_a_short_value_stays_with_the_line_that_introduces_it():
    text = ("2) Following the debate, the Chairman put the motion to the vote and the voting was as follows:\n\n"
            "For (52)\n\nMr Baker, Mr Brady, Mrs Bell\n\nAgainst (0)\n\nThe options were as follows:\n\n"
            "A line of prose that is no value at all.")
    pieces = [text[s:e] for s, e in sentence_spans(text)]
    assert pieces[0].endswith("as follows:\n\nFor (52)")
    assert "The options were as follows:" in pieces and "A line of prose that is no value at all." in pieces


def test_a_recorded_vote_stays_one_sentence_with_its_names():
    text = ("25) The Chairman put the substantive motion to the vote and the voting was as follows:\nFor (39)\n"
            "Mr Baker, Mr Bartlett, Mrs Bell, Mrs Binks, Mr Bond, Mr Booth, Mr Brazier, Mr Carter, Mrs Chandler, Mr\n"
            "Chard, Mr Cole, Mrs Cole, Mr Crow-Brown, Mr Dance, Mr Dendor, Mr Gough, Ms Hamilton, Mr Hill, Mr Hills\n"
            "Against (19)\nMr Baldock, Mr Barrington-King, Mr Brady, Mrs Bruneau, Mr Chittenden, Mrs Dean, Ms Hawkins\n"
            "Abstain (1)\nMs Constantine\nSubstantive Motion carried.\n26) RESOLVED that the County Council endorses the work.")
    pieces = [text[s:e] for s, e in sentence_spans(text)]
    assert pieces[0].startswith("25) The Chairman") and pieces[0].endswith("Substantive Motion carried.")
    assert "Against (19)" in pieces[0] and "Abstain (1)" in pieces[0]
    assert pieces[1].startswith("26) RESOLVED")


def test_the_later_passages_of_a_long_speaker_turn_name_the_speaker():
    turn = "Kirsty Williams AM: " + " ".join(f"Point {i} is that our institutions have worked closely with the sector." for i in range(40))
    text = "Lynne Neagle AM: Good morning, and welcome to the committee.\n\n" + turn + "\n\nLynne Neagle AM: Thank you."
    chunks = chunk_document("transcript", (Page(None, text),))
    inside = [c for c in chunks if c.text.startswith("Point")]
    assert inside and all(c.heading.endswith("Kirsty Williams AM") for c in inside)
    assert not any("Kirsty" in c.heading for c in chunks if c.text.startswith(("Lynne", "Kirsty")))


def test_a_transcript_gives_its_speakers_the_roles_it_introduces_them_with():
    text = ("Lynne Neagle AM: Good morning. I'm very pleased to welcome Dr Frank Atherton, the Chief Medical Officer for "
            "Wales, and Nathan Cook, who is the head of the healthy and active branch at Welsh Government.\n\n"
            "Dr Frank Atherton: Thank you. Investment of about 8 million pounds a year will come from existing programmes.\n\n"
            "Nathan Cook: The branch is consulting on the draft strategy.\n\n"
            "Kirsty Williams AM: I agree.")
    roles = speaker_roles(text)
    assert roles == {"Dr Frank Atherton": "the Chief Medical Officer for Wales",
                     "Nathan Cook": "the head of the healthy and active branch at Welsh Government"}
    chunks = chunk_document("transcript", (Page(None, text),))
    atherton = next(c for c in chunks if "8 million" in c.text)
    assert "Chief Medical Officer" in atherton.heading


def test_a_recorded_vote_s_passage_says_what_was_voted_on_and_its_names_are_not_embedded():
    chunks = chunk_document("d", (Page(1, makepapers.budget_minutes()),))
    first = next(c for c in chunks if "For (16)" in c.text)
    second = next(c for c in chunks if "For (9)" in c.text)
    # a line of names after a line ending in a comma, or after "Abstain (1)", goes on with it: it is no heading
    assert "Abstain (1)\nMr Shonk\nAmendment lost." in first.text and "Abstain (2)\nMr Ross, Mr Whiting" in second.text
    assert not any(c.heading.endswith(("Mr Shonk", "Ms Meade", "Mr Whiting")) for c in chunks)
    # the paragraph voted on, up to the vote's own paragraph
    assert first.heading.endswith("Mr Hood proposed, and Mr Lewis seconded the following amendment: Proposed Purpose: "
                                  "“Allocate up to £75k from the money earmarked for general reserves to fund a feasibility "
                                  "study into home to school transport.” Proposed Funding Source: “Reduce Contribution to "
                                  "General Reserves”")
    assert "Give £1m to the districts for cameras" in second.heading
    embedded = embedding_text(second)
    assert "cameras" in embedded and "For (9)" in embedded and "Mr Stepto" not in embedded


def test_a_vote_introduced_by_as_follows_with_a_full_stop_stays_with_its_tally():
    text = ("7) Following the debate, the Chairman put the motion set out in paragraph 5 to the vote and the voting was as "
            "follows.\nFor (35)\nMr Baker, Mrs Bell, Mrs Binks, Mr Booth\nAgainst (0)\nAbstain (9)\nMr Brady, Mr Campkin, "
            "Ms Dawkins\nMotion carried.\n8) RESOLVED that the motion be agreed. The Leader thanked members.")
    pieces = [text[s:e] for s, e in sentence_spans(text)]
    assert pieces[0].startswith("7) Following") and "For (35)" in pieces[0] and pieces[0].endswith("Motion carried.")
    assert pieces[1] == "8) RESOLVED that the motion be agreed."


MARKDOWN_MINUTES = """---
title: "Little Marsh Parish Council July meeting minutes"
date: "2014-09-08"
categories:
  - "parish-councils"
---

**Those Attending:** Cllr Mrs A Reed (Chairman), Cllr B Stone, Mrs C Hale (Clerk)

**2\\.  To Approve the Minutes:** To confirm as a correct record the Minutes of the Annual Meeting held on 13th May 2014.

**3\\.  Village Hall Heating:** The replacement of the gas heaters in the Village Hall was discussed. The bill is **£3,900** and the hall committee has a _£2,000 grant_ from [Love Norfolk](http://example.org/grants).

**4 Votes for** \\- **Carried.**
"""


def test_a_markdown_page_is_read_without_its_markup_and_named_by_its_front_matter():
    doc = document_from_bytes(MARKDOWN_MINUTES.encode(), "minutes/little_marsh_minutes_2014-07-08.txt")
    text = doc.pages[0].text
    assert not any(mark in text for mark in ("**", "\\", "title:", "categories", "http"))
    assert "The bill is £3,900 and the hall committee has a £2,000 grant from Love Norfolk." in text
    assert "4 Votes for - Carried." in text
    assert doc.body == "Little Marsh Parish Council"  # named only by the front matter's title
    assert doc.date == "2014-07-08"  # the file name's: not the earlier meeting's, nor the web page's
    assert doc.title == "Little Marsh Parish Council minutes, 8 July 2014"
    chunks = chunk_document(doc.doc_id, doc.pages)
    assert all(text[c.start:c.end] == c.text for c in chunks)


def test_a_parish_council_is_the_body_and_an_earlier_meeting_s_date_is_not_the_paper_s():
    page = ("WEREFORD PARISH COUNCIL\n\nMinutes of the Ordinary Parish Council Meeting\n\n8th July 2014 at 7.30pm\n\n"
            "2.1 To confirm as a correct record the Minutes of the Annual Meeting of Wereford Parish Council held on "
            "13th May 2014 and the Extraordinary Parish Council Meeting held on 10th June 2014.\n")
    doc = document_from_bytes(page.encode(), "minutes/wereford_minutes.txt")
    assert doc.body == "Wereford Parish Council"
    assert doc.date == "2014-07-08"


def test_an_event_held_in_the_body_of_a_report_does_not_date_the_report():
    opening = "County Council, 13 March 2025\n\nArmed Forces Covenant annual report\n\n" + "The Board met quarterly. " * 40
    doc = document_from_bytes(f"{opening}\n\nThe 10th Conference was held on 4 June 2024 at Brompton Barracks.\n".encode(),
                              "reports/armed_forces_covenant_report.txt")
    assert doc.date == "2025-03-13"


def test_an_irish_council_and_a_committee_named_in_capitals_over_several_lines():
    special = ("MINUTES OF PROCEEDINGS AT SPECIAL MEETING OF LIMERICK\nCITY AND COUNTY COUNCIL HELD IN THE COUNCIL CHAMBER,\n"
               "DOORADOYLE, LIMERICK, ON MONDAY, 6TH NOVEMBER, 2017, AT\n2PM.\nPRESENT IN THE CHAIR: Councillor S. Keary, Mayor.\n")
    doc = document_from_bytes(makepapers.pdf([special]), "minutes/special_meeting_minutes.pdf")
    assert doc.body == "Limerick City and County Council"
    assert doc.title == "Limerick City and County Council minutes, 6 November 2017"
    policing = ("1\nMINUTES\nOF\nPROCEEDINGS\nAT\nMEETING\nOF\nTHE\nMUNICIPAL DISTRICT OF NEWCASTLE WEST JOINT\nPOLICING SUB "
                "COMMITTEE HELD IN ÁRAS WILLIAM SMITH\nOBRIEN,\nNEWCASTLE\nWEST,\nON\nWEDNESDAY, 12TH OCTOBER, 2022, AT 12.00 NOON.\n"
                "PRESENT IN THE CHAIR:\nCouncillor M. Collins, Cathaoirleach.\n")
    doc = document_from_bytes(makepapers.pdf([policing]), "minutes/policing_minutes.pdf")
    assert doc.body == "Municipal District of Newcastle West Joint Policing Sub Committee"
    assert doc.date == "2022-10-12"


def test_a_community_council_s_web_minutes_are_titled_by_body_and_date_not_their_first_sentence():
    page = ('<html><body><div class="minutes"><time datetime="2020-07-08">8 July 2020</time><p>Manordeilo and Salem '
            "Community Council held their meeting remotely via Zoom at 8.20pm on the 8th July 2020.</p><h4>PRESENT</h4>"
            "<p>Councillors Alun Davies and Owen Williams, and County Councillor Joseph Davies of Carmarthenshire County "
            "Council.</p></div></body></html>")
    doc = document_from_bytes(page.encode(), "minutes/community_council_minutes_2020-07-08.html")
    assert doc.body == "Manordeilo and Salem Community Council"
    assert doc.title == "Manordeilo and Salem Community Council minutes, 8 July 2020"


def test_an_editor_s_title_and_a_deadline_do_not_name_or_date_a_web_page():
    page = ("<html><head><title>Writing created in the Hemingway Editor</title></head><body><p>NHDC awards grants every "
            "year of around half a million pounds. The existing policy largely dates back to 2002. The revised policy is "
            "expected to be approved by 31 March 2017. Southern Rural will suffer a drop in the funds available.</p></body></html>")
    doc = document_from_bytes(page.encode(), "reports/district_councillor_report_2016-07.html")
    assert "Hemingway" not in doc.title and doc.title.startswith("District councillor report")
    assert doc.date == "2016-07-01"  # the month its file is named by, not the deadline in its body
    assert document_from_bytes(page.encode(), "reports/budget_book_2010-11.html").date == "2017-03-31"  # a financial year is no month


def test_a_web_table_s_rows_keep_their_cells_apart_and_its_window_title_says_more_than_its_heading():
    page = ("<html><head><title>HUDA Budget 2010-2011 - CAPITAL EXPENDITURE | Harbourside Urban Development Authority</title>"
            "</head><body><h1>Budget 2010-2011</h1><p>(Rs. in lakhs)</p><table><thead><tr><th>SL.NO.</th><th>HEAD OF ACCOUNTS</th>"
            "<th>Budget Allocation for 2009-2010</th><th>Expenditure up to<br>28-02-10</th><th>Budget Allocation for 2010-2011</th>"
            "</tr></thead><tbody><tr><td>2</td><td>Legal charges</td><td>1.00</td><td>&nbsp;</td><td>3.00</td></tr>"
            "<tr><td>6</td><td>Paradise Point (Land Pooling)</td><td>6000.00</td><td>3.10</td><td>1000.00</td></tr>"
            "</tbody></table></body></html>")
    doc = document_from_bytes(page.encode(), "reports/huda_budget_capital_expenditure_2010-11_2010-04-01.html")
    text = doc.pages[0].text
    assert "6 | Paradise Point (Land Pooling) | 6000.00 | 3.10 | 1000.00" in text  # not "6000.003.101000.00"
    assert "2 | Legal charges | 1.00 | 3.00" in text
    assert "Expenditure up to 28-02-10 | Budget Allocation for 2010-2011" in text
    # the window title names the paper when it says the heading and more; the site's name after a bar is left out
    assert doc.title == "HUDA Budget 2010-2011 - CAPITAL EXPENDITURE"


def test_a_special_district_is_the_body_and_a_letterhead_s_address_is_no_title():
    page = ("1600 Blake Street\nDenver, CO 80202-1399\n303-299-2303\n\nRegional Transportation District\nBoard of Directors\n"
            "Chair – Lee Kemp, District I\nSecretary – Angie Malpiede, District C\n\nBOARD OF DIRECTORS MEETING\n"
            "December 18, 2012 at 5:30 PM\n\nI. CALL TO ORDER\nChair Kemp called the meeting to order at 5:35 p.m. The City "
            "of Broomfield was represented.\n")
    doc = document_from_bytes(page.encode(), "minutes/board_of_directors_meeting_minutes_2012-12-18.txt")
    assert doc.body.startswith("Regional Transportation District")
    assert doc.title == "Regional Transportation District Board of Directors"
    workshop = "Fair Oaks Water District - Public Workshop for 2025 Proposed Budget\n\nFOWD Board Direction\n- Include a 4% COLA.\n"
    doc = document_from_bytes(workshop.encode(), "workshop_2024-10-21.txt")
    assert doc.body == "Fair Oaks Water District" and doc.kind == "report"


def test_the_first_council_named_is_the_body_whether_in_capitals_or_not():
    page = ("GOVAN COMMUNITY COUNCIL MINUTES\nGENERAL MEETING\nMONDAY 3rd OF NOVEMBER 2025 AT PEARCE INSTITUTE\n\n"
            "1. Attendance\nClaire Dickson (Chair). Apologies from a Glasgow City Council officer.\n")
    doc = document_from_bytes(page.encode(), "minutes/general_meeting_minutes_2025-11-03.txt")
    assert doc.body == "Govan Community Council"


def test_a_paper_naming_no_body_takes_the_one_its_file_name_gives():
    assert body_from_name("minutes/north_star_township_board_monthly_meeting_minutes_2020-04-20.pdf") == "North Star Township Board"
    assert body_from_name("reports/colorado_joint_budget_committee_appropriations_report_fy2025-26.pdf") == "Colorado Joint Budget Committee"
    assert body_from_name("reports/county_budget_implementation_review_2025-08.pdf") == ""  # no body's name in it
    # a board the text names short of what it is of takes its whole name from the file's; one named in full keeps it
    assert with_council_named("Albemarle County Board", "Albemarle County Board of Supervisors") == "Albemarle County Board of Supervisors"
    assert with_council_named("North Star Township Board", "North Star Township Board") == "North Star Township Board"
    page = "Minutes\n\nPresent: Cllrs Jones (Chair), Price and Morgan.\n\n1. Apologies were received from Cllr Hughes.\n"
    doc = document_from_bytes(page.encode(), "minutes/wye_valley_community_council_minutes_2024-01-08.txt")
    assert doc.body == "Wye Valley Community Council"
    assert doc.title == "Wye Valley Community Council minutes, 8 January 2024"
    # a minutes title giving its date stays; a body named in the paper wins over the file's name
    page = "Minutes of Draft Budgetary Plan Meeting, Municipal District of Kilmore, 19 October 2017\n\nPresent: Cllr Ryan.\n"
    doc = document_from_bytes(page.encode(), "minutes/kilmore_municipal_district_budgetary_plan_minutes_2017-10-19.txt")
    assert doc.title.startswith("Minutes of Draft Budgetary Plan Meeting")
    doc = document_from_bytes(b"Stoke Ferry Parish Council\n\nMinutes of the meeting of 9 July 2014\n",
                              "minutes/wereham_board_minutes_2014-07-09.txt")
    assert doc.body == "Stoke Ferry Parish Council"


def test_a_committee_named_without_its_council_takes_the_council_from_the_file_name():
    page = ("Q3 Integrated Performance Report\nMeeting: 22/02/2023 - Resources and Fire & Rescue Overview and Scrutiny Committee "
            "(Item 6)\n\nThe Chief Fire Officer introduced the report.\n")
    doc = document_from_bytes(page.encode(), "minutes/warwick_resources_and_fire_rescue_overview_scrutiny_committee_minutes_2023-02-22.html")
    assert doc.body == "Warwick Resources and Fire Rescue Overview Scrutiny Committee"
    page = "Issue - meetings\n\nMeeting: 13/09/2021 - Staff and Pensions Committee (Item 2)\n\nThe report was noted.\n"
    doc = document_from_bytes(page.encode(), "minutes/warwick_staff_and_pensions_committee_minutes_2021-09-13.txt")
    assert doc.body == "Warwick Staff and Pensions Committee"
    # a file name naming another committee adds nothing
    doc = document_from_bytes(page.encode(), "minutes/warwick_cabinet_minutes_2021-09-13.txt")
    assert doc.body == "Staff and Pensions Committee"


def test_a_pdf_table_of_figures_is_cut_between_rows_and_later_pieces_carry_its_periods():
    rows = [f"Measure number {n} of the fire service performance table {n} {n + 1} {n + 2} {n * 3} {n * 4} {n * 5} {n * 7}"
            for n in range(1, 31)]
    page = ("Our targets and measures\nPriority Measures Actuals Aim Year to date\n"
            "2013/14 2014/15 2015/16 2016/17 2017/18 2019/20 2019/20\n" + "\n".join(rows)
            + "\nRoad Traffic Collision (RTC) incidents involving one or more extrication 117 162 142 113 117 124\nN/A\n"
            "Fire-related deaths 1 2 0 3 2 0 0\n")
    doc = document_from_bytes(makepapers.pdf([page]), "reports/fire_service_performance_2019-04-01.pdf")
    text = doc.pages[0].text
    chunks = chunk_document(doc.doc_id, doc.pages)
    assert len(chunks) >= 2
    for chunk in chunks:  # no passage starts inside a row
        assert chunk.start == 0 or text[chunk.start - 1] == "\n", text[chunk.start - 20:chunk.start + 20]
    # a later piece of the table says which periods its columns are
    assert chunks[-1].heading.endswith("2013/14 2014/15 2015/16 2016/17 2017/18 2019/20 2019/20")
    quotes = [" ".join(c.text[s:e].split()) for c in chunks for s, e in sentence_spans(c.text)]
    assert "Fire-related deaths 1 2 0 3 2 0 0" in quotes
    assert "Measure number 7 of the fire service performance table 7 8 9 21 28 35 49" in quotes
    # a row's values wrapped onto the next line stay with it
    assert "Road Traffic Collision (RTC) incidents involving one or more extrication 117 162 142 113 117 124 N/A" in quotes


def test_a_table_row_giving_a_value_heads_nothing_and_a_later_piece_carries_the_table_s_unit():
    fees = ("FEE SCHEDULE\n\nPERMIT/APPLICATION TYPE | FEE\n\nTree Cutting Permit Emergency Removal | No Fee\n\n"
            "Area Accessory Development Permit | $65.00\n\nSystem Development Charge | $500.00 per residential unit for parks\n")
    chunks = chunk_document("fees", (Page(None, fees),))
    # a row of column names may head the rows under it; a row giving a value heads nothing
    assert all("$" not in c.heading for c in chunks), [c.heading for c in chunks]
    assert any(c.heading.startswith("PERMIT/APPLICATION TYPE | FEE") for c in chunks)
    rows = "\n".join(f"{n} | Land acquisition scheme number {n} at the northern layout | {n * 10}.00 | {n * 3}.50 | {n * 12}.00"
                     for n in range(1, 60))
    budget = f"Budget 2010-2011\n\nCAPITAL EXPENDITURE\n\n(Rs. in lakhs)\n\nI | LAND ACQUISITION\n\n{rows}\n"
    chunks = chunk_document("budget", (Page(None, budget),))
    assert len(chunks) >= 3
    # the unit stated once above the table is carried by every later piece, so each row is read in lakhs
    assert all(c.heading.endswith("(Rs. in lakhs)") for c in chunks if c.start > budget.index("I | LAND")), [c.heading for c in chunks]


def test_a_line_minutes_repeat_at_each_vote_is_body_not_a_running_header():
    from ingest.chunking import page_furniture

    def page(n: int) -> Page:
        motion = ("Moved by S. Lewis\nSeconded by C. Rahman\nThat the report on the budget update BE RECEIVED.\nVote:\n"
                  "Yeas: Nays:\nJ. Morgan A. Hopkins\nS. Hillier\nMotion Passed (14 to 1)\n")
        return Page(n, f"Budget Committee Report\n{motion}{motion}{motion}Motion Passed (12 to 2)\n{n}")
    pages = tuple(page(n) for n in range(1, 10))
    furniture = page_furniture(pages)
    assert "budget committee report" in furniture  # opens every page and is found nowhere inside one
    assert "motion passed ( to )" not in furniture  # closes every page, but is found inside them too
    chunks = chunk_document("minutes", pages)
    assert sum("Motion Passed (12 to 2)" in c.text for c in chunks) == 9


def test_a_vote_s_outcome_line_ends_its_sentence():
    text = ("Yeas: Absent:\nC. Rahman\nMotion Passed (14 to 0)\nADDITIONAL VOTES:\nMoved by S. Stevenson\n"
            "Seconded by P. Van Meerbergen\nThat the Civic Administration BE DIRECTED to report back on cycling lane projects.")
    pieces = [text[s:e] for s, e in sentence_spans(text)]
    assert pieces[0].endswith("Motion Passed (14 to 0)") and pieces[1].startswith("ADDITIONAL VOTES:"), pieces


def test_a_meeting_to_be_held_does_not_date_the_minutes_that_call_it():
    text = ("Budget Committee\nMinutes of the 1st Meeting of the Budget Committee, March 19, 2025\n\n2.2 Surplus/Deficit "
            "Policy Update\nThat the revised by-law BE INTRODUCED at the Municipal Council meeting to be held on April 1, 2025.\n")
    doc = document_from_bytes(text.encode(), "london_budget_committee_minutes_2025-03-19.txt")
    assert doc.date == "2025-03-19"


def test_a_meeting_page_is_dated_by_its_heading_and_a_committee_team_is_no_committee():
    text = ("Agenda and minutes\n\nCouncil - Monday, 14th October, 2024 7.00 pm\n\nVenue: Council Chamber, Town Hall, Judd "
            "Street, London WC1H 9JE.\n\nContact: Vicky Wemyss-Cooke  Committee Services Manager\n\nItems\n\n1.\n\nMinutes\n\n"
            "RESOLVED –\n\nTHAT the minutes of the meeting held on 22nd July 2024 be approved and signed as a correct record.\n")
    doc = document_from_bytes(text.encode(), "camden_council_minutes_2024-10-14.txt")
    # the day after "Council -" and its weekday is the meeting's; the one whose minutes were approved is not
    assert doc.date == "2024-10-14"
    # a team named after committees is none, nor the end of a hyphenated surname before it
    assert "Cooke" not in doc.body and doc.body == "Camden Council", doc.body
    undated = text.replace("Council - Monday, 14th October, 2024 7.00 pm", "Council meeting")
    assert document_from_bytes(undated.encode(), "camden_council_minutes_2024-10-14.txt").date == "2024-10-14"


def test_an_item_confirming_earlier_minutes_does_not_date_the_paper_and_what_the_paper_is_is_no_body():
    draft = ("Item 14.6 - Attachment 1\n\nDraft Minutes of Audit Committee 5 February 2009\n\n"
             "Councillor A Wilson and P Fynan – Community representative.\n\n"
             "1/09         Audit Committee Minutes – 6 November 2008\n\nRESOLVED  (Wilson/McDermott)\n\n"
             "That the minutes of the Audit Committee Meeting held on 6 November 2008 be received and accepted as a true "
             "record of the meeting.\n")
    doc = document_from_bytes(draft.encode(), "minutes/kelso_audit_committee_draft_minutes_2009-02-05.txt")
    assert doc.date == "2009-02-05"  # the file's, not the earlier meeting's whose minutes were confirmed
    assert doc.body == "Kelso Audit Committee"  # not "Draft Minutes of Audit Committee"; its council from the file name
    board = ("Regular Meeting of the Board of Education held in the High School on Thursday evening.\n\n"
             "Members present: Mr. Sweet, Mr. Hart, Mr. Jones.\n")
    # "Regular Meeting of the Board" is a meeting of the board its file names
    assert document_from_bytes(board.encode(), "minutes/eastfield_board_of_education_minutes_2019-11-06.txt").body == "Eastfield Board"


def test_a_line_of_a_titled_name_heads_nothing_even_after_its_label():
    page = ("Minutes of an ordinary meeting of the Westhaven City Council held on Tuesday 12 February 2019\n"
            "PRESENT:\nDeputy Mayor D Bassett (Chair)\nCr G Barratt\nCr C Barry\nMayor Wallace\n\n"
            "Present: Councillor G. Sullivan Chair\nMayor D. Noade Reardon\nAbsent: Councillor G. Norton\n")
    lines = page.splitlines()
    headings = {page[b.start:b.end].strip() for b in blocks_of(page) if b.kind == "heading"}
    for line in ("Cr G Barratt", "Mayor Wallace", "Present: Councillor G. Sullivan Chair", "Absent: Councillor G. Norton"):
        assert line in lines and not any(line in heading for heading in headings), headings


def test_a_window_title_saying_more_in_other_words_names_the_page_and_its_council_is_named_once():
    page = ("<html><head><title>Isle of Westmere County Council - Corporate Scrutiny Committee - minutes 16 November 2021"
            "</title></head><body><h1>Agenda, decisions and minutes</h1><p>Venue: Virtual Meeting</p>"
            "<p>Monitoring Performance: Corporate Scorecard Qtr 2 2021/22</p><p>The majority (70%) of the Corporate Health "
            "Performance indicators monitored are performing well against targets.</p></body></html>")
    doc = document_from_bytes(page.encode(), "minutes/corporate_scrutiny_committee_minutes_2021-11-16.html")
    assert doc.body == "Westmere County Council: Corporate Scrutiny Committee", (doc.title, doc.body)
    minutes = "Eastvale City Council, Audit Committee\nMinutes of the meeting of 25 August 2011\n\nThe meeting opened at 4pm.\n"
    doc = document_from_bytes(minutes.encode(), "minutes/audit_committee_minutes_2011-08-25.txt")
    assert doc.body == "Eastvale City Council: Audit Committee", doc.body
