"""Command line: ingest, search, ask and eval. It translates arguments and errors, nothing else."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from core.errors import MinutesError
from core.models import Filters, Turn
from core.settings import Settings

EXIT_OK, EXIT_USAGE, EXIT_PARTIAL, EXIT_ERROR = 0, 2, 3, 1


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--index", type=Path, help="index folder (default: $MINUTES_INDEX, then data/index)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--allow-restricted", action="store_true", default=None, help="include restricted papers")


def _scoped(p: argparse.ArgumentParser) -> None:
    p.add_argument("-k", type=int, default=5, help="how many passages to retrieve (default 5)")
    p.add_argument("--kind", action="append", default=[], help="only papers of this kind (repeatable)")
    p.add_argument("--body", action="append", default=[], help="only papers of this council or committee (repeatable)")
    p.add_argument("--doc", action="append", default=[], help="only this paper (path or title; repeatable)")
    p.add_argument("--since", help="only papers dated on or after YYYY-MM-DD")
    p.add_argument("--until", help="only papers dated on or before YYYY-MM-DD")
    p.add_argument("--as-of", help="answer as the papers stood on YYYY-MM-DD")


def _generator(p: argparse.ArgumentParser) -> None:
    p.add_argument("--generator", help="who writes the answer: extractive, llamacpp[:PATH], ollama:MODEL or openai:MODEL "
                   "(default: $MINUTES_GENERATOR, then extractive)")


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="cli.py", description="Minutes Assistant: answers from council papers, with citations.")
    sub = root.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="add papers (files or folders) to the index")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--restricted", action="store_true", help="mark these papers restricted (members only)")
    p.add_argument("--prune", action="store_true", help="remove papers whose files are gone")
    _common(p)
    p = sub.add_parser("search", help="find passages")
    p.add_argument("query")
    _common(p)
    _scoped(p)
    p = sub.add_parser("ask", help="answer a question with cited passages")
    p.add_argument("question", nargs="?")
    p.add_argument("--batch", type=Path, help="JSONL file of {id, question}; one JSON result per line")
    p.add_argument("--history", type=Path, help="JSON file of earlier turns [{question, answer}] for a follow-up")
    _common(p)
    _scoped(p)
    _generator(p)
    p = sub.add_parser("eval", help="score answers against questions with gold passages")
    p.add_argument("questions", type=Path)
    _common(p)
    _scoped(p)
    _generator(p)
    p = sub.add_parser("documents", help="list the indexed papers")
    _common(p)
    p = sub.add_parser("indicators", help="list performance-indicator records, or one indicator over time")
    p.add_argument("name", nargs="?", help="an indicator, e.g. 're-referrals' (default: list every record)")
    p.add_argument("--as-of", help="only papers dated on or before YYYY-MM-DD")
    _common(p)
    p = sub.add_parser("commitments", help="list decisions and commitments by meeting, with later follow-ups")
    p.add_argument("--as-of", help="only papers dated on or before YYYY-MM-DD")
    _common(p)
    return root


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings()
    return settings.with_overrides(
        index_dir=args.index,
        allow_restricted=getattr(args, "allow_restricted", None),
        as_of=getattr(args, "as_of", None),
        generator=getattr(args, "generator", None),
    )


def _filters(args: argparse.Namespace) -> Filters:
    return Filters(kinds=tuple(args.kind), bodies=tuple(args.body), docs=tuple(args.doc), since=args.since, until=args.until)


def _print(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=None))


def cmd_ingest(args: argparse.Namespace) -> int:
    from retrieval.assistant import Assistant

    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    assistant = Assistant(_settings(args))
    progress = None
    if sys.stderr.isatty() and not args.json:
        def progress(done: int, total: int, name: str) -> None:
            width = 30
            filled = int(width * done / max(1, total))
            print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:40}", end="", file=sys.stderr, flush=True)
    report = assistant.ingest(args.paths, restricted=args.restricted, prune=args.prune, progress=progress)
    if progress:
        print(file=sys.stderr)
    if args.json:
        _print(report.to_json())
    else:
        for o in report.outcomes:
            detail = f" ({o.reason})" if o.reason else ""
            # an HTML, Word or text file has no pages: its passages are all there is to count
            pages = f"{o.pages} page{'s' * (o.pages != 1)}, " if o.pages else ""
            extra = f" {pages}{o.chunks} passages" if o.status in ("added", "updated") else ""
            print(f"{o.status:9} {o.path}{extra}{detail}")
        counts = ", ".join(f"{n} {s}" for s, n in sorted(report.counts().items()))
        print(f"done: {counts or 'nothing to do'}")
    return EXIT_OK if report.ok else EXIT_PARTIAL


def cmd_search(args: argparse.Namespace) -> int:
    from retrieval.assistant import Assistant

    passages = Assistant(_settings(args)).search(args.query, k=args.k, filters=_filters(args))
    if args.json:
        _print({"query": args.query, "passages": [p.to_json(i + 1) for i, p in enumerate(passages)]})
    else:
        if not passages:
            print("No passages found.")
        for i, p in enumerate(passages):
            where = f"p. {p.page}" if p.page else "text"
            print(f"[{i + 1}] {p.title} ({p.date or 'undated'}, {where}) score {p.score:.4f}\n    {' '.join(p.text.split())[:300]}")
    return EXIT_OK


def _history(path: Path | None) -> tuple[Turn, ...]:
    if path is None:
        return ()
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(Turn(t["question"], t.get("answer", "")) for t in data)


def _print_answer(answer: Any) -> None:
    print(answer.text)
    for c in answer.citations:
        p = c.passage
        where = f"page {p.page}" if p.page else "text"
        print(f"  [{c.n}] {p.title}, {p.date or 'undated'}, {where}: \"{' '.join(c.quote.split())}\"")
    if answer.verification.checked:
        v = answer.verification
        print(f"  verification: {v.checked} sentences checked, {len(v.dropped)} dropped")
        for sentence, reason in v.dropped:
            print(f"    dropped ({reason}): {sentence}")
    for note in answer.notes:
        print(f"  note: {note}")


def cmd_ask(args: argparse.Namespace) -> int:
    from retrieval.assistant import Assistant

    if bool(args.question) == bool(args.batch):
        print("error: give a QUESTION or --batch FILE, not both", file=sys.stderr)
        return EXIT_USAGE
    assistant = Assistant(_settings(args))
    if args.batch:
        for line in args.batch.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            history = tuple(Turn(t["question"], t.get("answer", "")) for t in item.get("history") or [])
            answer = assistant.ask(item["question"], k=args.k, filters=_filters(args), history=history)
            _print({"id": item.get("id"), **answer.to_json()})
        return EXIT_OK
    answer = assistant.ask(args.question, k=args.k, filters=_filters(args), history=_history(args.history))
    if args.json:
        _print(answer.to_json())
    else:
        _print_answer(answer)
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from retrieval.assistant import Assistant
    from retrieval.evaluate import evaluate, load_questions

    assistant = Assistant(_settings(args))
    questions = load_questions(args.questions)
    k = max(args.k, 10)
    report = evaluate(questions, lambda q: assistant.ask(q.question, k=k, filters=_filters(args), history=q.history))
    summary = report.summary()
    if args.json:
        _print({"summary": summary, "misses": report.misses(), "rows": report.rows})
    else:
        for key, value in summary.items():
            print(f"{key:30} {value}")
        misses = report.misses()
        print(f"\nmisses ({len(misses)}):")
        for m in misses:
            print(f"  {m['id']}: {m['miss']} | {m['question']}\n      expected: {m['expected']}\n      answer:   {m['answer'][:200]}")
    return EXIT_OK


def cmd_documents(args: argparse.Namespace) -> int:
    from ingest.documents import read_by_older_version
    from retrieval.assistant import Assistant

    docs = Assistant(_settings(args)).documents()
    if args.json:
        _print([d.to_dict() for d in docs])
    else:
        older = {d.doc_id for d in docs if read_by_older_version(d.doc_id, d.sha256)}
        for d in docs:
            marks = "".join(m for m, on in ((" (restricted)", d.restricted), (" (superseded)", d.superseded_by),
                                            (" (read by an earlier version)", d.doc_id in older)) if on)
            pages = f"{d.pages:4}p" if d.pages else "    -"  # no pages in an HTML, Word or text file
            print(f"{d.date or 'undated':10} {d.kind:10} {pages} {d.chunks:4} passages  {d.title}  [{d.path}]{marks}")
        if older:
            print("Papers read by an earlier version keep their old passages until their files are ingested again.")
    return EXIT_OK


def cmd_indicators(args: argparse.Namespace) -> int:
    from retrieval.assistant import Assistant
    from retrieval.insights import trend
    from retrieval.records import Records

    settings = _settings(args)
    records = Records(Assistant(settings).store)
    found = records.indicators(settings.allow_restricted, settings.as_of)
    if args.name:
        found = [p.record for p in trend(found, args.name).points]
    if args.json:
        keys = ("indicator", "code", "period", "value", "doc", "page", "date", "quote")
        _print([{k: getattr(r, k) for k in keys} for r in found])
    else:
        if not found:
            print("No indicator records found." if not args.name else f"No indicator matches {args.name!r}.")
        for r in found:
            where = f"p. {r.page}" if r.page else "text"
            print(f"{r.date or 'undated':10} {r.value or '-':>14}  {r.period or '':28.28} {r.indicator[:60]}  [{r.doc}, {where}]")
    return EXIT_OK


def cmd_commitments(args: argparse.Namespace) -> int:
    from retrieval.assistant import Assistant
    from retrieval.insights import follow_ups
    from retrieval.records import Records

    settings = _settings(args)
    assistant = Assistant(settings)
    records = Records(assistant.store)
    found = records.commitments(settings.allow_restricted, settings.as_of)
    papers = records.papers(settings.allow_restricted, settings.as_of)
    followed = {(f.commitment.doc_id, f.commitment.start, f.commitment.page): f
                for f in follow_ups(found, assistant.store, assistant.embedder(), papers)}
    rows = []
    for c in found:
        f = followed.get((c.doc_id, c.start, c.page))
        later = f.passage if f is not None else None
        rows.append({
            "type": c.type, "who": c.who, "what": c.what, "when": c.when, "doc": c.doc, "page": c.page, "date": c.date,
            "quote": c.quote,
            "followed_up": None if c.type != "commitment" else (
                None if later is None else {"doc": later.doc, "title": later.title, "date": later.date, "page": later.page,
                                            "quote": " ".join(later.text.split())[:400]}),
        })
    if args.json:
        _print(rows)
        return EXIT_OK
    if not rows:
        print("No decisions or commitments found.")
    meeting = None
    for row in rows:
        if (row["doc"], row["date"]) != meeting:
            meeting = (row["doc"], row["date"])
            print(f"\n{row['date'] or 'undated'}  {row['doc']}")
        where = f"p. {row['page']}" if row["page"] else "text"
        print(f"  {row['type']:10} {where:6} {row['who'] or '':30.30} {row['quote'][:110]}")
        if row["type"] == "commitment":
            later = row["followed_up"]
            print(f"      followed up: {later['date']} {later['doc']} p. {later['page']}" if later else "      not followed up in a later paper")
    return EXIT_OK


COMMANDS = {"ingest": cmd_ingest, "search": cmd_search, "ask": cmd_ask, "eval": cmd_eval, "documents": cmd_documents,
            "indicators": cmd_indicators, "commitments": cmd_commitments}


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        return COMMANDS[args.command](args)
    except MinutesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
