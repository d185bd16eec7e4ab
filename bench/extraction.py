"""Precision and recall of the indicator and commitment extractors on the hand-labelled gold sets.

    python -m bench.extraction            # both extractors, a summary table
    python -m bench.extraction --misses   # also list missed gold records and false positives
    python -m bench.extraction --json

The matching rule is the one written down in tests/data/EXTRACTION_GOLD.md: same doc and page,
most of the gold quote's words in the extracted quote, the gold value's first number among the
extracted value's numbers (indicators) or the same type (commitments); one-to-one, greedily.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ingest.commitments import extract_commitments  # noqa: E402
from ingest.documents import document_from_bytes  # noqa: E402
from ingest.indicators import extract_indicators  # noqa: E402

GOLD = ROOT / "tests" / "data"
PAPERS = ROOT / "corpus" / "papers"
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100,
}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def numbers(value: str | None) -> list[float]:
    """The numbers in a value, thousands commas removed and number words mapped to digits."""
    if not value:
        return []
    out = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", value.replace(",", ""))]
    out += [float(_NUMBER_WORDS[w]) for w in words(value) if w in _NUMBER_WORDS]
    return out


def first_number(value: str | None) -> float | None:
    if not value:
        return None
    text = value.replace(",", "")
    digits = re.search(r"\d+(?:\.\d+)?", text)
    word = next(((m.start(), _NUMBER_WORDS[m.group(0).lower()]) for m in re.finditer(r"[A-Za-z]+", text)
                 if m.group(0).lower() in _NUMBER_WORDS), None)
    if digits and (word is None or digits.start() < word[0]):
        return float(digits.group(0))
    return float(word[1]) if word else None


def overlap(gold_quote: str, quote: str) -> float:
    gold = set(words(gold_quote))
    if not gold or len(quote) > 600:
        return 0.0
    return len(gold & set(words(quote))) / len(gold)


@dataclass
class Score:
    """Matched counts for one extractor."""

    gold: int = 0
    matched_gold: int = 0
    extracted_on_complete: int = 0
    matched_on_complete: int = 0
    gold_on_complete: int = 0
    matched_gold_on_complete: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.matched_on_complete / self.extracted_on_complete if self.extracted_on_complete else 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "matched": self.matched_gold,
            "recall": round(self.recall, 3),
            "recall_complete_pages": round(self.matched_gold_on_complete / max(1, self.gold_on_complete), 3),
            "extracted_on_complete_pages": self.extracted_on_complete,
            "correct_on_complete_pages": self.matched_on_complete,
            "precision": round(self.precision, 3),
        }


def match(gold: list[dict[str, Any]], extracted: list[dict[str, Any]], agree: Callable[[dict, dict], bool]) -> dict[int, int]:
    """One-to-one matches gold index -> extracted index, greedily by highest quote overlap."""
    pairs = []
    for gi, g in enumerate(gold):
        for ei, e in enumerate(extracted):
            if g["doc"] != e["doc"] or g["page"] != e["page"]:
                continue
            o = overlap(g["quote"], e["quote"])
            if o >= 0.6 and agree(g, e):
                pairs.append((o, gi, ei))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_g: dict[int, int] = {}
    used_e: set[int] = set()
    for _, gi, ei in pairs:
        if gi not in used_g and ei not in used_e:
            used_g[gi] = ei
            used_e.add(ei)
    return used_g


def value_agrees(g: dict[str, Any], e: dict[str, Any]) -> bool:
    target = first_number(g.get("value"))
    return target is None if g.get("value") is None else target in numbers(e.get("value"))


def indicator_agrees(g: dict[str, Any], e: dict[str, Any]) -> bool:
    return g.get("value") is None or value_agrees(g, e)


def type_agrees(g: dict[str, Any], e: dict[str, Any]) -> bool:
    return g["type"] == e["type"]


def score(gold: list[dict[str, Any]], extracted: list[dict[str, Any]], complete: Iterable[tuple[str, int | None]],
          agree: Callable[[dict, dict], bool]) -> Score:
    complete_set = {(d, p) for d, p in complete}
    matches = match(gold, extracted, agree)
    result = Score(gold=len(gold), matched_gold=len(matches))
    matched_e = set(matches.values())
    for gi, g in enumerate(gold):
        on = (g["doc"], g["page"]) in complete_set
        result.gold_on_complete += on
        result.matched_gold_on_complete += on and gi in matches
        if gi not in matches:
            result.misses.append(g)
    for ei, e in enumerate(extracted):
        if (e["doc"], e["page"]) in complete_set:
            result.extracted_on_complete += 1
            if ei in matched_e:
                result.matched_on_complete += 1
            else:
                result.false_positives.append(e)
    return result


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(papers: Path = PAPERS, gold_dir: Path = GOLD) -> dict[str, Score]:
    """Extract from every paper the gold sets mention and score both extractors."""
    indicators_gold = load_jsonl(gold_dir / "indicators_gold.jsonl")
    commitments_gold = load_jsonl(gold_dir / "commitments_gold.jsonl")
    complete = json.loads((gold_dir / "extraction_gold_pages.json").read_text(encoding="utf-8"))
    docs = sorted({r["doc"] for r in indicators_gold + commitments_gold} | {d for d, _ in complete["indicators"] + complete["commitments"]})
    found_i: list[dict[str, Any]] = []
    found_c: list[dict[str, Any]] = []
    for rel in docs:
        document = document_from_bytes((papers / rel).read_bytes(), rel)
        found_i += [r.to_json() for r in extract_indicators(document)]
        found_c += [r.to_json() for r in extract_commitments(document)]
    any_type = score(commitments_gold, found_c, [tuple(p) for p in complete["commitments"]], lambda g, e: True)
    return {
        "indicators": score(indicators_gold, found_i, [tuple(p) for p in complete["indicators"]], indicator_agrees),
        "commitments": score(commitments_gold, found_c, [tuple(p) for p in complete["commitments"]], type_agrees),
        "commitments_any_type": any_type,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list missed gold records and false positives")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    scores = run()
    if args.json:
        print(json.dumps({k: s.summary() for k, s in scores.items()}, indent=1))
        return 0
    for name, s in scores.items():
        sm = s.summary()
        print(f"{name:22} recall {sm['recall']:.1%} ({sm['matched']}/{sm['gold']})  "
              f"precision {sm['precision']:.1%} ({sm['correct_on_complete_pages']}/{sm['extracted_on_complete_pages']} on complete pages)")
        if args.misses and not name.endswith("any_type"):
            for g in s.misses:
                print(f"   MISS {g['doc'].split('/')[-1][:30]} p{g['page']} [{g.get('value', g.get('type'))}] {g['quote'][:150]}")
            for e in s.false_positives:
                print(f"   FP   {e['doc'].split('/')[-1][:30]} p{e['page']} [{e.get('value', e.get('type'))}] {e['quote'][:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
