"""The chat page driven through Streamlit's AppTest on a small real index built by the app's first start."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from fpdf import FPDF
from streamlit.testing.v1 import AppTest

from core.settings import PROJECT_ROOT
from ingest.documents import content_hash, doc_id_for
from retrieval.feedback import read_feedback
from ui.components import highlight

CORPUS = PROJECT_ROOT / "corpus" / "papers"
DONCASTER = "minutes/doncaster_cyp_scrutiny_panel_minutes_dcst_performance_q2_2018-19.txt"
KENT = "minutes/kent_corporate_parenting_panel_minutes_2024-12-10.pdf"
A1_QUESTION = "What was the A1 re-referral rate in Quarter 2?"
PASSWORD = "members-only-test"
RESTRICTED_TEXT = """Exempt report to the Property Committee, 3 March 2025

Agenda item 4: Disposal of Hilltop Farm

The committee agreed to sell Hilltop Farm to the highest bidder for 1,250,000 pounds.
The sale of Hilltop Farm will complete by 31 May 2025, subject to contract.
"""
APP_TIMEOUT = 240


@pytest.fixture(scope="module")
def app_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for the app: two real papers and one restricted paper, ingested on the app's first start."""
    root = tmp_path_factory.mktemp("app")
    corpus = root / "papers"
    for rel in (DONCASTER, KENT):
        shutil.copy(CORPUS / rel, _mkdir(corpus) / Path(rel).name)
    (_mkdir(corpus / "restricted") / "property_committee_exempt_2025-03-03.txt").write_text(RESTRICTED_TEXT, encoding="utf-8")
    return {
        "MINUTES_DATA_DIR": str(root / "data"),
        "MINUTES_INDEX": str(root / "data" / "index"),
        "MINUTES_CORPUS": str(corpus),
        "MINUTES_CHROMA_HOST": "",
        "MINUTES_ALLOW_RESTRICTED": "false",
    }


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def app(app_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> AppTest:
    for name, value in app_env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("MINUTES_MEMBER_PASSWORD", raising=False)
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=APP_TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    return at


def _html(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def _ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


def _library(at: AppTest) -> AppTest:
    at.segmented_control(key="view").set_value("Library").run()
    assert not at.exception, at.exception
    return at


def test_first_start_ingests_the_papers_and_notes_the_scope(app: AppTest) -> None:
    assert "Searching all 2 papers in the library." in [i.value for i in app.info]
    assert app.title[0].value == "Ask the papers"


def test_chat_answers_with_linked_citations_and_highlighted_quote(app: AppTest) -> None:
    _ask(app, A1_QUESTION)
    page = _html(app)
    assert "27%" in page
    assert 'href="#source-1-1"' in page
    assert 'id="source-1-1"' in page
    card = next(h.value for h in app.html if 'id="source-1-1"' in h.value)
    assert "Performance Challenge of Doncaster" in card
    assert "unpaged text" in card
    assert "<mark>" in card and "Quarter 2 = 27%" in card.split("<mark>", 1)[1]
    assert any(b.label.startswith("Open the original") for b in app.button)


def test_follow_up_question_and_new_conversation(app: AppTest) -> None:
    _ask(app, A1_QUESTION)
    _ask(app, "What did the panel say about foster carers?")
    page = _html(app)
    assert 'id="source-2-1"' in page and "page 3" in page
    assert "Corporate Parenting Panel minutes, 10 December 2024" in page
    assert any("whole conversation" in b.label for b in app.download_button)
    app.button(key="new_conversation").click().run()
    assert 'id="source-' not in _html(app)


def test_open_the_original_pdf_at_the_cited_page(app: AppTest) -> None:
    _ask(app, "What did the panel say about foster carers?")
    label = next(b for b in app.button if b.label.startswith("Open the original at page 3"))
    label.click().run()
    assert not app.exception, app.exception
    assert len(app.image) == 1
    assert app.image[0].captions == ["Kent Corporate Parenting Panel minutes, 10 December 2024, page 3"]
    assert any(b.label == "Download kent_corporate_parenting_panel_minutes_2024-12-10.pdf" for b in app.download_button)
    assert any(b.label.startswith("Hide the original") for b in app.button)


def test_scope_to_one_committee_keeps_other_papers_out(app: AppTest) -> None:
    app.multiselect(key="scope_bodies").set_value(["Kent Corporate Parenting Panel"]).run()
    assert any("committees and bodies: Kent Corporate Parenting Panel" in i.value for i in app.info)
    _ask(app, A1_QUESTION)
    page = _html(app)
    assert "Doncaster" not in page
    assert "27%" not in page


def test_scope_by_dates_keeps_older_papers_out(app: AppTest) -> None:
    app.checkbox(key="scope_use_dates").check().run()
    app.date_input(key="scope_dates").set_value((date(2024, 1, 1), date(2024, 12, 31))).run()
    assert any("dated 2024-01-01 to 2024-12-31" in i.value for i in app.info)
    _ask(app, "What did the panel say about foster carers?")
    assert "Corporate Parenting Panel minutes, 10 December 2024" in _html(app)
    app.date_input(key="scope_dates").set_value((date(2018, 1, 1), date(2018, 12, 31))).run()
    _ask(app, A1_QUESTION)
    assert 'id="source-2-1"' in _html(app) and "Quarter 2 = 27%" in _html(app)
    second = [h.value for h in app.html if 'id="source-2-' in h.value]
    assert second and not any("Corporate Parenting" in card for card in second)


def test_scope_matching_no_paper_says_so_and_does_not_search(app: AppTest) -> None:
    app.multiselect(key="scope_bodies").set_value(["Doncaster"]).run()
    app.multiselect(key="scope_kinds").set_value(["minutes"]).run()
    kent = doc_id_for(content_hash((CORPUS / KENT).read_bytes()))
    app.multiselect(key="scope_docs").set_value([kent]).run()
    assert any("No paper matches this scope" in w.value for w in app.warning)
    _ask(app, A1_QUESTION)
    assert any("nothing was searched" in w.value for w in app.warning)
    assert "27%" not in _html(app)


def test_export_and_feedback_on_an_answer(app: AppTest, app_env: dict[str, str]) -> None:
    _ask(app, A1_QUESTION)
    labels = [b.label for b in app.download_button]
    assert "Briefing on this answer (Markdown)" in labels
    assert "Briefing on this answer (Word)" in labels
    before = len(read_feedback(Path(app_env["MINUTES_DATA_DIR"])))
    app.feedback(key="rating-1").set_value(0).run()
    entries = read_feedback(Path(app_env["MINUTES_DATA_DIR"]))
    assert len(entries) == before + 1
    assert entries[-1]["rating"] == "down"
    assert entries[-1]["question"] == A1_QUESTION
    assert "Quarter 2 = 27%" in entries[-1]["citations"][0]["quote"]


def test_library_lists_public_papers_only(app: AppTest) -> None:
    _library(app)
    table = app.dataframe[0].value
    assert set(table["Title"]) == {
        "Performance Challenge of Doncaster Children’s Services Trust: Quarter 2, 2018/19",
        "Kent Corporate Parenting Panel minutes, 10 December 2024",
    }
    kent = table[table["Title"].str.startswith("Kent Corporate Parenting")].iloc[0]
    assert (kent["Kind"], kent["Date"], kent["Pages"]) == ("Minutes", "2024-12-10", "6")
    assert "Members only" not in table.columns


def test_members_see_restricted_papers_after_signing_in(app: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    _ask(app, "When will the sale of Hilltop Farm complete?")
    assert "31 May 2025" not in _html(app)
    assert 'id="source-' not in _html(app)
    monkeypatch.setenv("MINUTES_MEMBER_PASSWORD", PASSWORD)
    app.run()
    app.text_input(key="member_password").input("wrong").run()
    assert any("not right" in e.value for e in app.error)
    app.text_input(key="member_password").input(PASSWORD).run()
    assert not app.exception, app.exception
    assert "Searching all 3 papers in the library." in [i.value for i in app.info]
    assert 'id="source-' not in _html(app), "signing in starts a new conversation"
    _ask(app, "When will the sale of Hilltop Farm complete?")
    assert "31 May 2025" in _html(app)
    assert "Exempt report to the Property Committee" in _html(app)
    assert "Restricted: members only" in _html(app)
    _library(app)
    assert "Members only" in app.dataframe[0].value.columns
    app.button(key="sign_out").click().run()
    assert "Hilltop" not in "".join(app.dataframe[0].value["Title"])


def _pdf(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def test_upload_reports_each_file_and_remove_takes_a_paper_out(app: AppTest, app_env: dict[str, str]) -> None:
    _library(app)
    before = len(app.dataframe[0].value)
    good_pdf = _pdf("Highways Committee minutes, 12 February 2025\n\n1. Potholes\nThe committee noted 4,120 potholes were repaired in January.")
    good_txt = b"Licensing Committee minutes, 5 March 2025\n\n1. Taxi licences\nThe committee approved 12 new hackney carriage licences."
    app.file_uploader[0].set_value([
        ("../../highways minutes.pdf", good_pdf, "application/pdf"),
        ("licensing.txt", good_txt, "text/plain"),
        ("broken.pdf", b"%PDF-1.4 this is not really a PDF", "application/pdf"),
    ]).run()
    app.button(key="add_papers").click().run()
    assert not app.exception, app.exception
    assert any("1 of 3 files could not be added" in e.value for e in app.error)
    outcomes = app.dataframe[1].value
    results = dict(zip(outcomes["File"], outcomes["Result"], strict=True))
    assert results == {"highways_minutes.pdf": "Added", "licensing.txt": "Added", "broken.pdf": "Could not be added"}
    assert outcomes[outcomes["File"] == "broken.pdf"]["Detail"].iloc[0]
    uploads = Path(app_env["MINUTES_DATA_DIR"]) / "uploads"
    assert sorted(p.name for p in uploads.iterdir()) == ["highways_minutes.pdf", "licensing.txt"], "a refused file is not kept"
    assert len(app.dataframe[0].value) == before + 2

    choice = app.selectbox(key="remove_choice")
    assert any("licensing.txt" in o for o in choice.options)
    choice.set_value(doc_id_for(content_hash(good_txt))).run()
    app.checkbox(key="remove_confirm").check().run()
    app.button(key="remove_paper").click().run()
    assert not app.exception, app.exception
    assert len(app.dataframe[0].value) == before + 1
    assert any(s.value.startswith("Removed:") for s in app.success)


def test_passage_text_is_escaped_before_the_quote_is_marked() -> None:
    text = 'Item 3 <script>alert("x")</script> & <b>bold</b>: Quarter 2 = 27% <img src=x onerror=alert(1)>'
    out = highlight(text, ["Quarter 2 = 27%", "<b>bold</b>"])
    assert "<script>" not in out and "<img" not in out and "<b>" not in out
    assert "<mark>Quarter 2 = 27%</mark>" in out
    assert "<mark>&lt;b&gt;bold&lt;/b&gt;</mark>" in out
    assert "&amp;" in out


def test_the_quote_is_found_on_the_rendered_pdf_page() -> None:
    import pypdfium2 as pdfium

    from ui.sources import quote_boxes

    pdf = pdfium.PdfDocument(str(CORPUS / KENT))
    try:
        page = pdf[2]
        quote = "The song aimed to promote foster care and assist in recruiting more foster carers."
        boxes = quote_boxes(page, (quote,))
        assert len(boxes) == 2, "the quote runs over two lines"
        width, height = page.get_size()
        assert all(0 <= left < right <= width and 0 <= bottom < top <= height for left, bottom, right, top in boxes)
        assert quote_boxes(page, ("The committee approved 12 new hackney carriage licences.",)) == []
    finally:
        pdf.close()


def test_an_empty_library_without_papers_to_start_from_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTES_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MINUTES_INDEX", str(tmp_path / "data" / "index"))
    monkeypatch.setenv("MINUTES_CORPUS", str(tmp_path / "no-such-folder"))
    monkeypatch.delenv("MINUTES_MEMBER_PASSWORD", raising=False)
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=APP_TIMEOUT).run()
    assert not at.exception, at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "no folder of papers" in warnings
    assert "There are no papers in the library yet" in warnings


def test_library_rows_name_a_later_version_without_revealing_a_hidden_one() -> None:
    from core.models import DocumentRecord
    from ui.library import paper_rows

    def record(doc_id: str, title: str, superseded_by: str | None = None) -> DocumentRecord:
        return DocumentRecord(doc_id, f"{doc_id}.pdf", title, "minutes", "Cabinet", "2025-01-30", 4, 12, doc_id,
                              "2025-02-01T09:30:00+00:00", superseded_by=superseded_by)

    draft, approved, hidden = record("d", "Cabinet draft minutes", "a"), record("a", "Cabinet minutes"), record("x", "Old", "secret")
    rows = paper_rows([draft, approved, hidden], member=False)
    assert [r["Later version"] for r in rows] == ["Cabinet minutes", "", "a later version"]
    assert rows[0]["Added"] == "2025-02-01 09:30" and rows[0]["Kind"] == "Minutes"
    assert "Later version" not in paper_rows([approved], member=False)[0]


def test_the_indicators_page_opens_from_the_sidebar(app: AppTest) -> None:
    app.segmented_control(key="view").set_value("Indicators").run()
    assert not app.exception, app.exception
    assert [h.value for h in app.header] == ["Indicators and commitments"]
    app.text_input(key="insights-indicator").input("re-referrals").run()
    assert not app.exception, app.exception


def test_a_language_model_answer_streams_then_shows_checked_and_cited(app_env: dict[str, str],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # A paid model API cannot run here: the OpenAI-compatible fake of the generator tests stands in for it.
    from tests.test_generators import FakeOpenAI, passage_number

    def reply(body: dict) -> str:
        return f"The A1 re-referral rate in Quarter 2 was 27% [{passage_number(body, 'Quarter 2 = 27%')}]."

    with FakeOpenAI(reply) as fake:
        for name, value in app_env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("MINUTES_MEMBER_PASSWORD", raising=False)
        monkeypatch.setenv("MINUTES_GENERATOR", "openai:fake-model")
        monkeypatch.setenv("MINUTES_OPENAI_BASE_URL", fake.url)
        at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=APP_TIMEOUT).run()
        _ask(at, A1_QUESTION)
    assert fake.requests and fake.requests[-1].get("stream") is True
    answer = next(h.value for h in at.html if 'class="ma-answer"' in h.value)
    assert "The A1 re-referral rate in Quarter 2 was 27%" in answer and 'href="#source-1-1"' in answer
    assert "Quarter 2 = 27%" in next(h.value for h in at.html if 'id="source-1-1"' in h.value)
    assert any("Written by openai:fake-model" in c.value for c in at.caption)
