"""Restricted (exempt) papers: never in a public session's passages, citations, library or search."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.errors import ConfigError
from core.models import Filters
from core.settings import PROJECT_ROOT, Settings
from retrieval.assistant import Assistant
from tests.conftest import make_settings

PUBLIC = "Libraries\n\nThe cabinet agreed to keep the library at Zanzibar Quay open on Saturdays from April.\n"
EXEMPT = ("Exempt report: land sale\n\nThe cabinet agreed to sell the depot at Zanzibar Quay to Harbourside Homes "
          "for 2.4 million pounds, subject to a covenant for affordable housing.\n")
FLAGGED = "Staffing\n\nThe tribunal settlement with the former director of Marbleworth services was 85,000 pounds.\n"
QUESTIONS = ("How much was the Zanzibar Quay depot sold for?", "What was the Marbleworth tribunal settlement?")
SECRET_WORDS = ("Harbourside", "depot", "Marbleworth", "tribunal")


@pytest.fixture(scope="module")
def restricted_index(tmp_path_factory: pytest.TempPathFactory):
    papers = tmp_path_factory.mktemp("restricted-papers")
    (papers / "exempt").mkdir()
    (papers / "libraries.txt").write_text(PUBLIC, encoding="utf-8")
    (papers / "exempt" / "land_sale.txt").write_text(EXEMPT, encoding="utf-8")
    flagged = tmp_path_factory.mktemp("flagged")
    (flagged / "settlement.txt").write_text(FLAGGED, encoding="utf-8")
    settings = make_settings(tmp_path_factory.mktemp("restricted-index"))
    assistant = Assistant(settings)
    assert assistant.ingest([papers]).ok
    assert assistant.ingest([flagged], restricted=True).ok
    return assistant, settings


def _leaks(texts: list[str]) -> list[str]:
    return [w for w in SECRET_WORDS for t in texts if w in t]


def test_library_leaves_restricted_papers_out(restricted_index):
    assistant, _ = restricted_index
    assert [d.path for d in assistant.documents()] == ["libraries.txt"]
    everything = {d.path: d.restricted for d in assistant.documents(allow_restricted=True)}
    assert everything == {"libraries.txt": False, "exempt/land_sale.txt": True, "settlement.txt": True}


def test_public_search_and_answers_never_show_a_restricted_passage(restricted_index):
    assistant, _ = restricted_index
    for question in QUESTIONS + ("Zanzibar Quay Harbourside depot covenant", "Marbleworth"):
        passages = assistant.search(question, k=10, allow_restricted=False)
        assert not _leaks([p.text for p in passages]), question
        assert {p.doc for p in passages} <= {"libraries.txt"}
        answer = assistant.ask(question, allow_restricted=False)
        texts = [answer.text] + [c.quote for c in answer.citations] + [c.passage.text for c in answer.citations]
        texts += [p.text for p in answer.passages]
        assert not _leaks(texts), (question, answer.text)
        assert {c.passage.doc for c in answer.citations} <= {"libraries.txt"}
    # Naming the paper outright does not open it either.
    for doc in ("exempt/land_sale.txt", "settlement.txt"):
        assert assistant.search("depot sale", filters=Filters(docs=(doc,)), allow_restricted=False) == []


def test_members_see_restricted_papers(restricted_index):
    assistant, _ = restricted_index
    hits = assistant.search("Zanzibar Quay depot sale Harbourside", k=3, allow_restricted=True)
    assert hits[0].doc == "exempt/land_sale.txt"
    answer = assistant.ask(QUESTIONS[1], allow_restricted=True)
    assert not answer.abstained
    assert answer.citations[0].passage.doc == "settlement.txt" and "85,000" in answer.citations[0].quote


def test_the_setting_decides_for_a_session(restricted_index, monkeypatch: pytest.MonkeyPatch):
    _, settings = restricted_index
    monkeypatch.setenv("MINUTES_ALLOW_RESTRICTED", "true")
    assert Settings().allow_restricted is True
    monkeypatch.setenv("MINUTES_ALLOW_RESTRICTED", "0")
    assert Settings().allow_restricted is False
    monkeypatch.setenv("MINUTES_ALLOW_RESTRICTED", "perhaps")
    with pytest.raises(ConfigError, match="MINUTES_ALLOW_RESTRICTED must be true or false"):
        Settings()
    members = Assistant(settings.with_overrides(allow_restricted=True))
    assert {d.path for d in members.documents()} >= {"settlement.txt"}
    assert any("Harbourside" in p.text for p in members.search("depot sold to Harbourside Homes", k=5))


def _documents(settings: Settings, *flags: str, allow_env: str | None = None) -> str:
    env = {**os.environ, "MINUTES_DATA_DIR": str(settings.data_dir), "MINUTES_INDEX": str(settings.index_path),
           "MINUTES_CHROMA_HOST": ""}
    env.pop("MINUTES_ALLOW_RESTRICTED", None)
    if allow_env is not None:
        env["MINUTES_ALLOW_RESTRICTED"] = allow_env
    run = subprocess.run([sys.executable, "cli.py", "documents", *flags], cwd=PROJECT_ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_cli_flag_and_environment_variable(restricted_index):
    _, settings = restricted_index
    public = _documents(settings)
    assert "libraries.txt" in public and "land_sale" not in public and "settlement" not in public
    members = _documents(settings, "--allow-restricted")
    assert "[exempt/land_sale.txt] (restricted)" in members and "[settlement.txt] (restricted)" in members
    assert "[settlement.txt] (restricted)" in _documents(settings, allow_env="1")


def test_restricted_folder_rule_reads_folder_names_only(tmp_path: Path):
    from retrieval.indexer import is_restricted

    settings = make_settings(tmp_path, restricted_dirs=("restricted", "exempt"))
    assert is_restricted("exempt/land.pdf", settings)
    assert is_restricted("cabinet/Restricted/land.pdf", settings)
    assert not is_restricted("exempt_report_summary.pdf", settings)  # a file name is not a folder
    assert not is_restricted("exemptions/policy.pdf", settings)


def test_a_new_version_of_a_restricted_paper_stays_restricted(tmp_path: Path):
    folder = tmp_path / "papers"
    folder.mkdir()
    paper = folder / "settlement.txt"
    paper.write_text(FLAGGED, encoding="utf-8")
    assistant = Assistant(make_settings(tmp_path / "data"))
    assistant.ingest([folder], restricted=True)
    paper.write_text(FLAGGED.replace("85,000", "95,000"), encoding="utf-8")
    report = assistant.ingest([folder])  # no --restricted this time
    assert [o.status for o in report.outcomes] == ["updated"]
    assert assistant.documents() == []
    assert [d.restricted for d in assistant.documents(allow_restricted=True)] == [True]
    assert not _leaks([p.text for p in assistant.search("Marbleworth tribunal settlement", k=5)])
