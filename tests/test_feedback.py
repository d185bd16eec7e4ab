"""Thumbs up and down kept as JSON lines under the data directory, ready to become evaluation cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.models import Filters, Turn
from retrieval.assistant import Assistant
from retrieval.feedback import eval_case, feedback_path, read_feedback, record_feedback


def test_ratings_are_appended_with_question_answer_and_citations(small_assistant: Assistant, tmp_path: Path) -> None:
    answer = small_assistant.ask("What was the A1 re-referral rate in Quarter 2?")
    record_feedback(tmp_path, answer, "up", filters=Filters(kinds=("minutes",)))
    record_feedback(tmp_path, answer, "down", comment="wrong quarter", history=(Turn("Earlier?", "Yes."),))
    entries = read_feedback(tmp_path)
    assert [e["rating"] for e in entries] == ["up", "down"]
    assert feedback_path(tmp_path).parent == tmp_path
    first = entries[0]
    assert first["question"] == answer.question and first["answer"] == answer.text
    assert first["filters"]["kinds"] == ["minutes"]
    assert "Quarter 2 = 27%" in first["citations"][0]["quote"]
    assert entries[1]["history"] == [{"question": "Earlier?", "answer": "Yes."}]
    case = eval_case(entries[0], "fb-1")
    assert case["doc"] == first["citations"][0]["doc"] and case["answer"] == answer.text
    assert eval_case(entries[1], "fb-2")["answer"] is None


def test_a_damaged_line_does_not_lose_the_others(small_assistant: Assistant, tmp_path: Path) -> None:
    answer = small_assistant.ask("What was the A1 re-referral rate in Quarter 2?")
    record_feedback(tmp_path, answer, "up")
    with feedback_path(tmp_path).open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    record_feedback(tmp_path, answer, "down")
    assert [e["rating"] for e in read_feedback(tmp_path)] == ["up", "down"]


def test_only_up_or_down_is_accepted(small_assistant: Assistant, tmp_path: Path) -> None:
    answer = small_assistant.ask("What was the A1 re-referral rate in Quarter 2?")
    with pytest.raises(ValueError, match="up, down"):
        record_feedback(tmp_path, answer, "meh")
    assert read_feedback(tmp_path) == []
