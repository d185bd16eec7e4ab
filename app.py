"""Streamlit chat page: widgets, session state and rendering. The library does the work."""

from __future__ import annotations

import streamlit as st

from core.settings import Settings
from retrieval.assistant import Assistant
from ui.auth import sign_in_sidebar
from ui.chat import chat_page
from ui.components import STYLE
from ui.insights import render as render_insights
from ui.library import library_page
from ui.scope import papers_in_scope, scope_note, scope_sidebar

st.set_page_config(page_title="Minutes Assistant", page_icon=":material/gavel:", layout="wide")


@st.cache_resource(show_spinner="Opening the library…")
def load_assistant(settings_key: str) -> Assistant:
    """One assistant per process and index; ``settings_key`` keeps different indexes apart."""
    return Assistant(Settings())


def first_start(assistant: Assistant, settings: Settings) -> None:
    """Ingest the bundled papers into an empty index, once, with a progress bar."""
    if st.session_state.get("first_start_done") or assistant.documents(allow_restricted=True):
        return
    st.session_state["first_start_done"] = True
    if not settings.corpus_dir.is_dir():
        st.warning(f"The library is empty and there is no folder of papers at {settings.corpus_dir}. Add papers in the Library.")
        return
    bar = st.progress(0.0, text="Setting up the library for the first time…")

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(min(1.0, done / max(1, total)), text=f"Reading paper {min(done + 1, total)} of {total}: {name}")

    report = assistant.ingest([settings.corpus_dir], progress=progress)
    bar.empty()
    counts = ", ".join(f"{n} {status}" for status, n in sorted(report.counts().items()))
    st.toast(f"Library ready: {counts}.")


settings = Settings()
assistant = load_assistant(repr(settings))
first_start(assistant, settings)
st.html(STYLE)

st.sidebar.title("Minutes Assistant")
member = sign_in_sidebar()
view = st.sidebar.segmented_control("Page", ["Ask the papers", "Indicators", "Library"], default="Ask the papers",
                                    key="view", label_visibility="collapsed") or "Ask the papers"
records = assistant.documents(allow_restricted=member)

if view == "Library":
    library_page(assistant, settings, member)
elif view == "Indicators":
    # That page reads the restricted setting itself, so a public session sees it only when it is off.
    if settings.allow_restricted and not member:
        st.warning("Indicators and commitments include restricted papers here: sign in as a member to see them.")
    else:
        render_insights(assistant)
else:
    filters = scope_sidebar(records)
    in_scope = papers_in_scope(records, filters, settings, member)
    chat_page(assistant, settings, filters, in_scope, scope_note(filters, records, settings.as_of), member)
