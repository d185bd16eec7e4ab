"""The scope sidebar: which papers may answer, and a plain note of the scope in force."""

from __future__ import annotations

from datetime import date

import streamlit as st

from core.models import DocumentRecord, Filters
from core.settings import Settings
from retrieval.search import resolve_scope
from ui.components import kind_name


def papers_in_scope(records: list[DocumentRecord], filters: Filters, settings: Settings,
                    allow_restricted: bool) -> list[DocumentRecord]:
    """The papers a question under ``filters`` may draw on, with the same rules the search uses."""
    by_id = {r.doc_id: r for r in records}
    allowed = resolve_scope(by_id, filters, settings, allow_restricted)
    if allowed is None:
        return list(records)
    return [r for r in records if r.doc_id in allowed]


def scope_note(filters: Filters, records: list[DocumentRecord], as_of: str | None = None) -> str:
    """The scope in force, in a sentence."""
    note = _scope(filters, records)
    return f"{note} Answering as the papers stood on {as_of}." if as_of else note


def _scope(filters: Filters, records: list[DocumentRecord]) -> str:
    if filters.empty:
        return f"Searching all {len(records)} papers in the library."
    parts = []
    if filters.kinds:
        parts.append("kinds: " + ", ".join(kind_name(k) for k in filters.kinds))
    if filters.bodies:
        parts.append("committees and bodies: " + ", ".join(filters.bodies))
    if filters.since or filters.until:
        parts.append(f"dated {filters.since or 'any time'} to {filters.until or 'today'}")
    if filters.docs:
        titles = {r.doc_id: r.title for r in records}
        parts.append("papers: " + "; ".join(titles.get(d, d) for d in filters.docs))
    return "Scope — " + " · ".join(parts) + "."


def _dates(records: list[DocumentRecord]) -> tuple[date, date]:
    known = sorted(date.fromisoformat(r.date[:10]) for r in records if r.date and len(r.date) >= 10)
    if not known:
        today = date.today()
        return today, today
    return known[0], known[-1]


def scope_sidebar(records: list[DocumentRecord]) -> Filters:
    """Widgets for kinds, committees, dates and chosen papers; returns the filters they describe."""
    st.sidebar.subheader("Which papers to search")
    kinds = sorted({r.kind for r in records})
    bodies = sorted({r.body for r in records if r.body})
    chosen_kinds = st.sidebar.multiselect("Kinds of paper", kinds, format_func=kind_name, key="scope_kinds")
    chosen_bodies = st.sidebar.multiselect("Committees and bodies", bodies, key="scope_bodies")
    since = until = None
    if st.sidebar.checkbox("Only papers dated between…", key="scope_use_dates"):
        first, last = _dates(records)
        picked = st.sidebar.date_input("Dates", value=(first, last), key="scope_dates", format="YYYY-MM-DD")
        if isinstance(picked, tuple) and len(picked) == 2:
            since, until = picked[0].isoformat(), picked[1].isoformat()
        elif isinstance(picked, tuple) and len(picked) == 1:
            since = picked[0].isoformat()
    titles = {r.doc_id: f"{r.title} ({r.date or 'undated'})" for r in records}
    chosen_docs = st.sidebar.multiselect("Particular papers", list(titles), format_func=lambda d: titles.get(d, d),
                                         key="scope_docs")
    return Filters(kinds=tuple(chosen_kinds), bodies=tuple(chosen_bodies), docs=tuple(chosen_docs),
                   since=since, until=until)
