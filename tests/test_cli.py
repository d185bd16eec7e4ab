"""The command line's contract: JSON shapes, exit codes, --index, batch answers."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cli
from core.settings import PROJECT_ROOT
from tests.conftest import CORPUS

PASSAGE_KEYS = {"rank", "doc", "title", "kind", "body", "date", "page", "heading", "text", "score"}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    return code, capsys.readouterr().out


def _index_of(assistant) -> str:
    return str(assistant.settings.index_path)


def test_search_json_matches_the_contract(small_assistant, capsys):
    code, out = _run(capsys, "search", "re-referrals quarter 2", "--index", _index_of(small_assistant), "-k", "3", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["query"] == "re-referrals quarter 2"
    assert len(data["passages"]) == 3
    for i, p in enumerate(data["passages"]):
        assert set(p) == PASSAGE_KEYS
        assert p["rank"] == i + 1
    assert data["passages"][0]["doc"].startswith("minutes/")


def test_ask_json_answers_the_indicator_line_with_its_figure(small_assistant, capsys):
    code, out = _run(capsys, "ask", "What was the A1 re-referral rate in Quarter 2?", "--index", _index_of(small_assistant), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["abstained"] is False
    assert "27%" in data["answer"]
    assert {"question", "answer", "abstained", "citations", "passages"} <= set(data)
    cited = data["citations"][0]
    assert set(cited) >= PASSAGE_KEYS | {"n", "quote"}
    assert "A1 - Percentage of Re" in cited["quote"] and "27%" in cited["quote"]
    assert cited["quote"] in cited["text"]
    assert f"[{cited['n']}]" in data["answer"]
    assert cited["doc"] == "minutes/doncaster_cyp_scrutiny_panel_minutes_dcst_performance_q2_2018-19.txt"


def test_ask_abstains_on_a_question_the_papers_do_not_answer(small_assistant, capsys):
    code, out = _run(capsys, "ask", "What was Sheffield's budget for school transport in 2023?", "--index", _index_of(small_assistant), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["abstained"] is True
    assert data["citations"] == []
    assert "could not find" in data["answer"].lower()


def test_ask_batch_writes_one_result_per_line_with_its_id(small_assistant, capsys, tmp_path: Path):
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "question": "How many children were looked after by Doncaster at 31 October 2017?"}) + "\n"
        + json.dumps({"id": "b", "question": "What was the A1 re-referral rate in Quarter 2?"}) + "\n",
        encoding="utf-8",
    )
    code, out = _run(capsys, "ask", "--batch", str(batch), "--index", _index_of(small_assistant), "--json")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in lines] == ["a", "b"]
    assert "550" in lines[0]["answer"]
    assert lines[0]["citations"][0]["page"] == 5


def test_kind_filter_restricts_passages(small_assistant, capsys):
    code, out = _run(capsys, "search", "children in need", "--index", _index_of(small_assistant), "--kind", "inspection", "--json")
    assert code == 0
    passages = json.loads(out)["passages"]
    assert passages and all(p["kind"] == "inspection" for p in passages)
    code, out = _run(capsys, "search", "children in need", "--index", _index_of(small_assistant), "--since", "2030-01-01", "--json")
    assert json.loads(out)["passages"] == []


def test_bad_usage_exits_2(capsys):
    assert cli.main(["ask"]) == 2
    assert cli.main(["nonsense"]) == 2


def test_ingest_exit_codes_from_a_real_process(tmp_path: Path):
    folder = tmp_path / "papers"
    folder.mkdir()
    shutil.copy(CORPUS / "minutes/doncaster_cyp_scrutiny_panel_minutes_dcst_performance_q2_2018-19.txt", folder / "panel.txt")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    index = tmp_path / "index"
    run = subprocess.run(
        [sys.executable, "cli.py", "ingest", str(folder), "--index", str(index), "--json"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 3, run.stderr
    report = json.loads(run.stdout)
    status = {f["path"]: f for f in report["files"]}
    assert status["panel.txt"]["status"] == "added"
    assert status["broken.pdf"]["status"] == "failed" and "PDF" in status["broken.pdf"]["reason"]
    (folder / "broken.pdf").unlink()
    again = subprocess.run(
        [sys.executable, "cli.py", "ingest", str(folder), "--index", str(index), "--json"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600,
    )
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["counts"] == {"unchanged": 1}


def test_ingest_counts_pages_only_for_papers_that_have_them(capsys, tmp_path: Path):
    from tests import makepapers

    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("Parish Council minutes\n\nThe clerk reported a balance of £377.34 in the bank.\n")
    (folder / "report.pdf").write_bytes(makepapers.pdf(["Budget report\n\nThe budget for 2025-26 is £12.5m."]))
    code, out = _run(capsys, "ingest", str(folder), "--index", str(tmp_path / "index"))
    assert code == 0, out
    lines = {line.split()[1]: line for line in out.splitlines() if line.startswith("added")}
    assert "pages" not in lines["notes.txt"] and "passages" in lines["notes.txt"], out
    assert " 1 page, " in lines["report.pdf"], out
    code, out = _run(capsys, "documents", "--index", str(tmp_path / "index"))
    assert " 0p " not in out and " 1p " in out, out
