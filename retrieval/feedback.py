"""Thumbs up or down on an answer, kept locally as JSON lines so a poor answer can become an evaluation case."""

from __future__ import annotations

import json
import threading
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.models import Answer, Filters, Turn

RATINGS = ("up", "down")
FILE_NAME = "feedback.jsonl"
_lock = threading.Lock()


def feedback_path(data_dir: Path) -> Path:
    """Where feedback is kept: one file under the data directory."""
    return data_dir / FILE_NAME


def record_feedback(data_dir: Path, answer: Answer, rating: str, *, comment: str = "",
                    filters: Filters = Filters(), history: tuple[Turn, ...] = ()) -> dict[str, Any]:
    """Append one rating with the question, the answer and its citations; returns what was stored."""
    if rating not in RATINGS:
        raise ValueError(f"rating must be one of {', '.join(RATINGS)}, not {rating!r}")
    entry = {
        "at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "rating": rating,
        "comment": comment,
        "question": answer.question,
        "history": [asdict(t) for t in history],
        "answer": answer.text,
        "abstained": answer.abstained,
        "citations": [c.to_json(i + 1) for i, c in enumerate(answer.citations)],
        "filters": asdict(filters),
    }
    path = feedback_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(entry, ensure_ascii=False) + "\n"
    with _lock, path.open("a", encoding="utf-8") as fh:
        fh.write(line)
    return entry


def read_feedback(data_dir: Path) -> list[dict[str, Any]]:
    """Every stored rating, oldest first; a damaged line is skipped rather than losing the rest."""
    path = feedback_path(data_dir)
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out


def eval_case(entry: dict[str, Any], case_id: str) -> dict[str, Any]:
    """A stored rating as a question in the evaluation format, its expected answer left for a person to fill in."""
    first = entry["citations"][0] if entry.get("citations") else {}
    return {
        "id": case_id,
        "question": entry["question"],
        "history": entry.get("history", []),
        "answer": entry["answer"] if entry["rating"] == "up" and not entry.get("abstained") else None,
        "doc": first.get("doc"),
        "page": first.get("page"),
        "evidence": first.get("quote"),
        "type": "feedback",
    }
