"""The library: the papers in the index, adding new ones and removing old ones."""

from __future__ import annotations

import streamlit as st

from core.models import DocumentRecord, IngestReport
from core.settings import Settings
from ingest.uploads import uploads_dir
from retrieval.assistant import Assistant
from ui.components import kind_name
from ui.uploads import UPLOAD_TYPES, add_uploads

# Widths in pixels chosen so that every column fits beside the sidebar on a laptop or a landscape tablet.
COLUMNS = {
    "Title": st.column_config.TextColumn(width=300),
    "Kind": st.column_config.TextColumn(width=80),
    "Committee or body": st.column_config.TextColumn(width=150),
    "Date": st.column_config.TextColumn(width=88),
    "Pages": st.column_config.TextColumn(width=65),
    "Passages": st.column_config.NumberColumn(width=70),
    "Added": st.column_config.TextColumn(width=125),
}

STATUS_NAMES = {
    "added": "Added",
    "updated": "Updated (replaces the earlier version)",
    "unchanged": "Already in the library",
    "duplicate": "Already in the library under another name",
    "skipped": "Skipped",
    "failed": "Could not be added",
    "removed": "Removed",
}


def paper_rows(records: list[DocumentRecord], member: bool) -> list[dict[str, object]]:
    """The library table: one row per paper, in councillors' words."""
    rows = []
    titles = {r.doc_id: r.title for r in records}
    for r in records:
        row: dict[str, object] = {
            "Title": r.title,
            "Kind": kind_name(r.kind),
            "Committee or body": r.body,
            "Date": r.date or "undated",
            "Pages": str(r.pages) if r.pages else "unpaged",
            "Passages": r.chunks,
            "Added": r.ingested_at.replace("T", " ")[:16],
        }
        if member:
            row["Members only"] = r.restricted
        if any(x.superseded_by for x in records):
            row["Later version"] = titles.get(r.superseded_by, "a later version") if r.superseded_by else ""
        rows.append(row)
    return rows


def outcome_rows(report: IngestReport) -> list[dict[str, str]]:
    """What happened to each uploaded file, and why when it failed."""
    rows = []
    for o in report.outcomes:
        detail = o.reason
        if o.status in ("added", "updated"):
            size = f"{o.pages} pages" if o.pages else "unpaged text"
            detail = f"{o.title}: {size}, {o.chunks} passages"
        rows.append({"File": o.path, "Result": STATUS_NAMES.get(o.status, o.status), "Detail": detail})
    return rows


def show_report(report: IngestReport) -> None:
    counts = report.counts()
    added = counts.get("added", 0) + counts.get("updated", 0)
    if report.failed:
        st.error(f"{len(report.failed)} of {len(report.outcomes)} files could not be added; the reasons are below.")
    if added:
        st.success(f"{added} paper{'s' if added != 1 else ''} added to the library.")
    st.dataframe(outcome_rows(report), hide_index=True, width="stretch")


def upload_section(assistant: Assistant, settings: Settings, member: bool) -> None:
    st.subheader("Add papers")
    generation = st.session_state.get("upload_round", 0)
    files = st.file_uploader("Papers to add (PDF, Word, web page or text)", type=list(UPLOAD_TYPES),
                             accept_multiple_files=True, key=f"uploader-{generation}")
    restricted = member and st.checkbox("Members only (restricted papers)", key="upload_restricted")
    if st.button("Add to the library", disabled=not files, type="primary", key="add_papers"):
        bar = st.progress(0.0, text="Saving the papers…")

        def progress(done: int, total: int, name: str) -> None:
            text = f"Reading {name} ({done + 1} of {total})" if name else "Finishing…"
            bar.progress(min(1.0, done / max(1, total)), text=text)

        report = add_uploads(assistant, uploads_dir(settings), [(f.name, f.getvalue()) for f in files or []],
                             settings, restricted=restricted, progress=progress)
        bar.progress(1.0, text="Done.")
        st.session_state["last_upload"] = report
        st.session_state["upload_round"] = generation + 1
        st.rerun()
    last: IngestReport | None = st.session_state.get("last_upload")
    if last is not None:
        show_report(last)


def removal_section(assistant: Assistant, records: list[DocumentRecord]) -> None:
    st.subheader("Remove a paper")
    if not records:
        st.caption("There are no papers to remove.")
        return
    titles = {r.doc_id: f"{r.title} ({r.date or 'undated'}) — {r.path}" for r in records}
    doc_id = st.selectbox("Paper", list(titles), format_func=lambda d: titles[d], index=None,
                          placeholder="Choose a paper", key="remove_choice")
    sure = st.checkbox("Yes, remove this paper", key="remove_confirm")
    if st.button("Remove", disabled=not (doc_id and sure), key="remove_paper"):
        assert doc_id is not None
        assistant.remove(doc_id)
        st.session_state["removed"] = titles[doc_id]
        for key in ("remove_choice", "remove_confirm"):
            st.session_state.pop(key, None)
        st.rerun()
    if st.session_state.get("removed"):
        st.success(f"Removed: {st.session_state.pop('removed')}")


def library_page(assistant: Assistant, settings: Settings, member: bool) -> None:
    """The library page."""
    st.title("Library")
    records = assistant.documents(allow_restricted=member)
    st.caption(f"{len(records)} papers. Questions are answered from these papers only.")
    st.dataframe(paper_rows(records, member), hide_index=True, width="stretch", column_config=COLUMNS)
    left, right = st.columns([3, 2], gap="large")
    with left:
        upload_section(assistant, settings, member)
    with right:
        removal_section(assistant, records)
