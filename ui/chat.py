"""The chat: questions, answers with linked citations, source cards, the original page, feedback and briefings."""

from __future__ import annotations

import html
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st

from core.errors import MinutesError
from core.models import Answer, DocumentRecord, Filters, Turn
from core.settings import Settings
from retrieval.assistant import Assistant
from retrieval.export import briefing_docx, briefing_markdown
from retrieval.feedback import record_feedback
from ui.components import answer_html, card_html, sources

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NO_SCOPE = "No paper in the library matches the scope you chose, so nothing was searched. Widen the scope in the sidebar."


@dataclass(frozen=True)
class ChatTurn:
    """One question and its answer as the session remembers them."""

    turn_id: int
    answer: Answer
    filters: Filters
    scope: str
    seconds: float
    searched: bool = True


def turns() -> list[ChatTurn]:
    """The conversation so far, oldest first."""
    return st.session_state.setdefault("turns", [])


def new_conversation() -> None:
    st.session_state["turns"] = []
    st.session_state["viewing"] = set()


def history() -> tuple[Turn, ...]:
    """Earlier exchanges that found an answer, for follow-up questions."""
    return tuple(Turn(t.answer.question, t.answer.text) for t in turns() if t.searched)


def ask(assistant: Assistant, question: str, filters: Filters, in_scope: list[DocumentRecord],
        scope: str, member: bool) -> None:
    """Answer ``question`` within the scope and add it to the conversation."""
    turn_id = st.session_state.get("next_turn", 1)
    st.session_state["next_turn"] = turn_id + 1
    if not in_scope:
        answer = Answer(question, NO_SCOPE, True, (), (), notes=("no paper in scope",))
        turns().append(ChatTurn(turn_id, answer, filters, scope, 0.0, searched=False))
        return
    with st.chat_message("user"):
        st.html(f"<p>{html.escape(question)}</p>")
    with st.chat_message("assistant"):
        status = st.status(f"Searching {len(in_scope)} papers…")
        started = time.perf_counter()
        try:
            answer = _answer(assistant, question, filters, member, status)
        except MinutesError as exc:
            status.update(label="The question could not be answered", state="error")
            st.error(str(exc))
            st.stop()
        seconds = time.perf_counter() - started
        status.update(label=f"Read {len(answer.passages)} passages in {seconds:.1f} s", state="complete")
    turns().append(ChatTurn(turn_id, answer, filters, scope, seconds))


def _answer(assistant: Assistant, question: str, filters: Filters, member: bool, status: Any) -> Answer:
    """The answer; a language model's words are shown as they come, then replaced by the checked answer."""
    if assistant.settings.generator.strip() == "extractive":
        return assistant.ask(question, filters=filters, history=history(), allow_restricted=member)
    draft = st.empty()
    written, final = "", None
    for piece in assistant.ask_stream(question, filters=filters, history=history(), allow_restricted=member):
        if isinstance(piece, Answer):
            final = piece
            continue
        if not written:
            status.update(label="Writing the answer; it is checked against the papers when done…")
        written += piece
        draft.html(f'<div class="ma-answer ma-draft">{html.escape(written)}</div>')
    draft.empty()
    assert final is not None, "a generator always ends with the checked answer"
    return final


def _toggle_source(key: str) -> None:
    viewing: set[str] = st.session_state.setdefault("viewing", set())
    viewing.symmetric_difference_update({key})


def _rate(turn: ChatTurn, settings: Settings) -> None:
    value = st.session_state.get(f"rating-{turn.turn_id}")
    if value is None:
        return
    earlier = tuple(Turn(t.answer.question, t.answer.text) for t in turns() if t.turn_id < turn.turn_id and t.searched)
    record_feedback(settings.data_dir, turn.answer, "up" if value == 1 else "down", filters=turn.filters, history=earlier)
    st.toast("Thank you: your rating is saved." if value == 1 else "Thank you: this answer is saved for review.")


def export_buttons(answers: list[Answer], scope: str, key: str, label: str, restricted: frozenset[str]) -> None:
    """Markdown and Word downloads of a briefing note, generated when clicked."""
    name = f"briefing-{date.today().isoformat()}"
    left, right = st.columns(2)
    left.download_button(f"{label} (Markdown)", data=lambda: briefing_markdown(answers, scope=scope, restricted_docs=restricted),
                         file_name=f"{name}.md", mime="text/markdown", key=f"md-{key}", icon=":material/description:")
    right.download_button(f"{label} (Word)", data=lambda: briefing_docx(answers, scope=scope, restricted_docs=restricted),
                          file_name=f"{name}.docx", mime=DOCX_MIME, key=f"docx-{key}", icon=":material/article:")


def render_turn(turn: ChatTurn, settings: Settings, restricted: frozenset[str]) -> None:
    """A question, its answer with linked [n] markers, and a card for each source."""
    answer = turn.answer
    with st.chat_message("user"):
        st.html(f"<p>{html.escape(answer.question)}</p>")
    with st.chat_message("assistant"):
        if not turn.searched:
            st.warning(answer.text, icon=":material/filter_alt_off:")
            st.caption(turn.scope)
            return
        st.html(answer_html(answer, turn.turn_id))
        detail = f"{turn.scope} Read {len(answer.passages)} passages in {turn.seconds:.1f} s."
        if answer.generator != "extractive":
            dropped = len(answer.verification.dropped)
            detail += (f" Written by {answer.generator}; each sentence checked against the passage it cites"
                       f"{f', {dropped} dropped as unsupported' if dropped else ''}.")
            for note in answer.notes:
                st.caption(f"Note: {note}")
        st.caption(detail)
        for n, passage, quotes in sources(answer):
            st.html(card_html(turn.turn_id, n, passage, quotes, passage.doc_id in restricted))
            key = f"{turn.turn_id}-{n}"
            open_now = key in st.session_state.get("viewing", set())
            at = f"at page {passage.page}" if passage.page else "paper"
            label = f"Hide the original of [{n}]" if open_now else f"Open the original {at} [{n}]"
            st.button(label, key=f"open-{key}", on_click=_toggle_source, args=(key,), icon=":material/menu_book:")
            if open_now:
                from ui.sources import show_source

                with st.container(border=True):
                    show_source(passage, quotes, key)
        if answer.abstained:
            return
        rate, export = st.columns([1, 3])
        with rate:
            st.caption("Was this answer useful?")
            st.feedback("thumbs", key=f"rating-{turn.turn_id}", on_change=_rate, args=(turn, settings))
        with export:
            export_buttons([answer], turn.scope, f"turn-{turn.turn_id}", "Briefing on this answer", restricted)


def chat_page(assistant: Assistant, settings: Settings, filters: Filters, in_scope: list[DocumentRecord],
              scope: str, member: bool) -> None:
    """The chat page."""
    title, reset = st.columns([4, 1], vertical_alignment="bottom")
    title.title("Ask the papers")
    reset.button("New conversation", on_click=new_conversation, icon=":material/add_comment:", key="new_conversation")
    visible = assistant.documents(allow_restricted=member)
    if not visible:
        st.warning("There are no papers in the library yet: add some on the Library page.", icon=":material/library_add:")
    elif in_scope:
        st.info(scope, icon=":material/filter_alt:")
    else:
        st.warning(f"{scope} No paper matches this scope: questions will not be searched until you widen it.",
                   icon=":material/filter_alt_off:")
    restricted = frozenset(r.doc_id for r in visible if r.restricted)
    for turn in turns():
        render_turn(turn, settings, restricted)
    answered = [t.answer for t in turns() if t.searched and not t.answer.abstained]
    if len(answered) > 1:
        st.divider()
        scopes = " ".join(dict.fromkeys(t.scope for t in turns() if t.searched))
        export_buttons(answered, scopes, "conversation", "Briefing on the whole conversation", restricted)
    question = st.chat_input("Ask a question about the papers")
    if question and question.strip():
        ask(assistant, question.strip(), filters, in_scope, scope, member)
        st.rerun()
