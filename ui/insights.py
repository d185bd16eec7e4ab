"""The Indicators and Commitments page: one indicator over time with every point cited; decisions and promises by meeting."""

from __future__ import annotations

import html
from collections.abc import Iterable

import streamlit as st

from ingest.commitments import Commitment
from ingest.indicators import Indicator
from retrieval.assistant import Assistant
from retrieval.insights import FollowUp, Trend, follow_ups, record_passage, trend
from retrieval.records import Records
from ui.components import where
from ui.sources import show_source


def point_label(record: Indicator) -> str:
    """The x-axis label of a point: the period it speaks of, else the paper's date."""
    period = record.period if record.period and record.period != "Latest" else None
    return f"{record.date or 'undated'}{f' ({period})' if period else ''}"


def citation_markdown(n: int, record: Indicator | Commitment, title: str) -> str:
    """One cited point as a line: number, value or type, paper, date, page and the quoted words."""
    head = record.value if isinstance(record, Indicator) else record.type
    return (f"**[{n}]** {html.escape(str(head))} — {html.escape(title)}, {record.date or 'undated'}, "
            f"{where(record.page)}: “{html.escape(record.quote)}”")


def _titles(records: Records, allow: bool, as_of: str | None) -> dict[str, str]:
    return {doc_id: r.title for doc_id, r in records.papers(allow, as_of).items()}


def render_trend(series: Trend, records: Records, allow: bool, as_of: str | None) -> None:
    """A line chart of the points and, beneath it, each point's citation with its source page."""
    plotted = [p for p in series.points if p.number is not None]
    if not plotted:
        st.info(f"No indicator in the papers matches “{series.name}”.")
        return
    st.line_chart(
        {"point": [f"[{i}] {point_label(p.record)}" for i, p in enumerate(plotted, start=1)],
         series.name: [p.number for p in plotted]},
        x="point", y=series.name,
    )
    papers = records.papers(allow, as_of)
    for i, p in enumerate(plotted, start=1):
        paper = papers.get(p.record.doc_id)
        st.markdown(citation_markdown(i, p.record, paper.title if paper else p.record.doc))
        with st.expander(f"Source of [{i}]"):
            show_source(record_passage(p.record, paper), [p.record.quote], key=f"trend-{i}-{p.record.doc_id}-{p.record.start}")


def _by_meeting(found: Iterable[Commitment]) -> dict[tuple[str, str], list[Commitment]]:
    meetings: dict[tuple[str, str], list[Commitment]] = {}
    for c in found:
        meetings.setdefault((c.date or "", c.doc), []).append(c)
    return dict(sorted(meetings.items(), reverse=True))


@st.cache_data(max_entries=8, show_spinner="Looking for follow-ups in later papers…")
def _follow_ups(_assistant: Assistant, generation: str, allow: bool, as_of: str | None) -> dict[tuple[str, int, int], FollowUp]:
    records = Records(_assistant.store)
    found = records.commitments(allow, as_of)
    done = follow_ups(found, _assistant.store, _assistant.embedder(), records.papers(allow, as_of))
    return {(f.commitment.doc_id, f.commitment.page or 0, f.commitment.start): f for f in done}


def render_commitments(assistant: Assistant, records: Records, allow: bool, as_of: str | None) -> None:
    """Decisions and commitments grouped by meeting, newest first; each commitment marked followed up or not."""
    found = records.commitments(allow, as_of)
    if not found:
        st.info("No decisions or commitments were found in the minutes.")
        return
    titles = _titles(records, allow, as_of)
    followed = _follow_ups(assistant, assistant.store.generation(), allow, as_of)
    only_open = st.toggle("Only commitments not yet followed up", key="insights-open")
    for (date, _), items in _by_meeting(found).items():
        shown = [c for c in items if not only_open or (c.type == "commitment" and followed.get(
            (c.doc_id, c.page or 0, c.start), FollowUp(c, None)).passage is None)]
        if not shown:
            continue
        st.subheader(f"{titles.get(items[0].doc_id, items[0].doc)} ({date or 'undated'})")
        for n, c in enumerate(shown, start=1):
            who = f" — {c.who}" if c.who else ""
            when = f" (by: {c.when})" if c.when else ""
            st.markdown(citation_markdown(n, c, titles.get(c.doc_id, c.doc)) + html.escape(who + when))
            if c.type != "commitment":
                continue
            f = followed.get((c.doc_id, c.page or 0, c.start))
            if f is None or f.passage is None:
                st.caption("Not followed up in a later paper.")
            else:
                later = f.passage
                st.caption(f"Followed up: {later.title}, {later.date}, {where(later.page)}")
                with st.expander("The later passage"):
                    st.write(" ".join(later.text.split()))
                    show_source(later, [], key=f"follow-{later.chunk_id}-{c.start}")


def render(assistant: Assistant) -> None:
    """The Indicators and Commitments page of the chat app."""
    settings = assistant.settings
    allow, as_of = settings.allow_restricted, settings.as_of
    records = Records(assistant.store)
    st.header("Indicators and commitments")
    if as_of:
        st.caption(f"As the papers stood on {as_of}.")
    indicators_tab, commitments_tab = st.tabs(["Indicators", "Decisions and commitments"])
    with indicators_tab:
        name = st.text_input("Indicator", placeholder="e.g. re-referrals, children looked after", key="insights-indicator")
        if name.strip():
            render_trend(trend(records.indicators(allow, as_of), name.strip()), records, allow, as_of)
        else:
            rows = records.indicators(allow, as_of)
            st.caption(f"{len(rows)} indicator statements in the papers. Type an indicator to plot it over time.")
            st.dataframe(
                [{"date": r.date, "indicator": r.indicator, "code": r.code, "period": r.period, "value": r.value,
                  "paper": r.doc, "page": r.page} for r in rows],
                hide_index=True,
            )
    with commitments_tab:
        render_commitments(assistant, records, allow, as_of)
