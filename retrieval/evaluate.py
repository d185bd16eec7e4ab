"""Score retrieval and answers against questions with gold passages."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.models import Answer, Passage, Turn

NUM_RE = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Question:
    """One evaluation question with its gold passages (several when it needs several papers)."""

    qid: str
    question: str
    answer: str | None
    golds: tuple[tuple[str, int | None, str], ...]
    kind: str = ""
    history: tuple[Turn, ...] = ()

    @property
    def answerable(self) -> bool:
        return self.answer is not None


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def load_questions(path: Path) -> list[Question]:
    """Questions from a JSONL file in the dev_questions format."""
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        d = json.loads(line)
        golds: tuple[tuple[str, int | None, str], ...] = ()
        if d.get("answer") is not None and d.get("doc"):
            docs, pages, evidence = _as_list(d["doc"]), _as_list(d.get("page")), _as_list(d.get("evidence"))
            pages = pages if len(pages) == len(docs) else pages * len(docs)
            evidence = evidence if len(evidence) == len(docs) else evidence * len(docs)
            golds = tuple(zip(docs, pages, evidence))
        history = tuple(Turn(t["question"], t.get("answer", "")) for t in d.get("history") or [])
        out.append(Question(str(d.get("id", i + 1)), d["question"], d.get("answer"), golds, d.get("type", ""), history))
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))


def passage_matches(passage: Passage, gold: tuple[str, int | None, str], threshold: float = 0.6) -> bool:
    """Right paper, right page, and most of the evidence quote's words in the passage."""
    doc, page, evidence = gold
    gold_doc = doc.split("corpus/", 1)[-1].removeprefix("papers/")
    if not (passage.doc == gold_doc or passage.doc.endswith("/" + gold_doc) or gold_doc.endswith("/" + passage.doc)
            or Path(passage.doc).name == Path(gold_doc).name):
        return False
    if page is not None and passage.page is not None and passage.page != page:
        return False
    want = _words(evidence)
    have = set(_words(passage.text))
    return bool(want) and sum(w in have for w in want) / len(want) >= threshold


def gold_rank(passages: list[Passage], golds: tuple[tuple[str, int | None, str], ...]) -> int | None:
    """The rank (1-based) at which every gold passage has been found, or None."""
    worst = 0
    for gold in golds:
        rank = next((i + 1 for i, p in enumerate(passages) if passage_matches(p, gold)), None)
        if rank is None:
            return None
        worst = max(worst, rank)
    return worst


def _number(text: str) -> str:
    """A number written alike whatever its commas or trailing zeros: "1,016" is "1016", "75.0" is "75"."""
    plain = text.replace(",", "")
    return plain.rstrip("0").rstrip(".") if "." in plain else plain


def figures_exact(answer_text: str, true_answer: str) -> bool | None:
    """Whether every number of the true answer appears in the answer (None when it has no numbers).

    Numbers are compared as values: "75.0%" in a report states the "75%" of the true answer.
    """
    wanted = [_number(n) for n in NUM_RE.findall(true_answer)]
    if not wanted:
        return None
    have = {_number(n) for n in NUM_RE.findall(answer_text)}
    return all(w in have for w in wanted)


@dataclass
class Report:
    """Aggregate figures and the misses of one evaluation run."""

    rows: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        ans = [r for r in self.rows if r["answerable"]]
        una = [r for r in self.rows if not r["answerable"]]
        def hit(k: int) -> float:
            return sum(1 for r in ans if r["rank"] is not None and r["rank"] <= k) / max(1, len(ans))
        figs = [r for r in ans if r["figures_exact"] is not None]
        multi = [r for r in ans if r["papers"] > 1]
        return {
            "questions": len(self.rows),
            "answerable": len(ans),
            "unanswerable": len(una),
            "hit@1": round(hit(1), 4),
            "hit@5": round(hit(5), 4),
            "hit@10": round(hit(10), 4),
            "mrr": round(sum(1 / r["rank"] for r in ans if r["rank"]) / max(1, len(ans)), 4),
            "figure_questions": len(figs),
            "figures_exact": round(sum(1 for r in figs if r["figures_exact"]) / max(1, len(figs)), 4),
            "abstained_when_unanswerable": round(sum(1 for r in una if r["abstained"]) / max(1, len(una)), 4),
            "wrongly_abstained": round(sum(1 for r in ans if r["abstained"]) / max(1, len(ans)), 4),
            "multi_paper_questions": len(multi),
            "multi_paper_all_cited": round(sum(1 for r in multi if r["all_cited"]) / max(1, len(multi)), 4),
            "verification_dropped": sum(r.get("dropped", 0) for r in self.rows),
        }

    def misses(self) -> list[dict[str, Any]]:
        out = []
        for r in self.rows:
            if r["answerable"] and (r["rank"] is None or r["rank"] > 5):
                out.append({**r, "miss": "gold passage not in top 5"})
            elif r["answerable"] and r["abstained"]:
                out.append({**r, "miss": "wrongly abstained"})
            elif r["answerable"] and r["figures_exact"] is False:
                out.append({**r, "miss": "figure not stated exactly"})
            elif not r["answerable"] and not r["abstained"]:
                out.append({**r, "miss": "answered an unanswerable question"})
        return out


def evaluate(questions: list[Question], ask: Callable[[Question], Answer], k: int = 10) -> Report:
    """Ask every question and score the passages and the answer."""
    report = Report()
    for q in questions:
        answer = ask(q)
        passages = list(answer.passages[:k])
        rank = gold_rank(passages, q.golds) if q.golds else None
        cited = [c.passage for c in answer.citations]
        all_cited = bool(q.golds) and all(any(passage_matches(p, g, 0.4) or (Path(p.doc).name == Path(g[0]).name) for p in cited) for g in q.golds)
        report.rows.append({
            "id": q.qid,
            "question": q.question,
            "type": q.kind,
            "answerable": q.answerable,
            "papers": len(q.golds),
            "rank": rank,
            "abstained": answer.abstained,
            "figures_exact": figures_exact(answer.text, q.answer) if q.answer and not answer.abstained else (False if q.answer and figures_exact("", q.answer) is not None else None),
            "all_cited": all_cited,
            "answer": answer.text,
            "expected": q.answer,
            "dropped": len(answer.verification.dropped),
        })
    return report
