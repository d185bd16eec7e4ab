"""Members' sign-in: restricted papers are shown only to a session that gave the members' password."""

from __future__ import annotations

import hmac
import os

import streamlit as st

PASSWORD_VAR = "MINUTES_MEMBER_PASSWORD"
STATE_KEY = "member"


def member_password() -> str | None:
    """The members' password, or None when sign-in is not offered."""
    return os.environ.get(PASSWORD_VAR) or None


def password_matches(given: str, expected: str) -> bool:
    """Compare in constant time so the password cannot be guessed from timings."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def is_member() -> bool:
    """Whether this session may see restricted papers."""
    return bool(st.session_state.get(STATE_KEY)) and member_password() is not None


def sign_in_sidebar() -> bool:
    """The sidebar sign-in box when a password is configured; returns whether the session is signed in."""
    expected = member_password()
    if expected is None:
        st.session_state[STATE_KEY] = False
        return False
    box = st.sidebar.container(border=True)
    if st.session_state.get(STATE_KEY):
        box.success("Signed in as a member: restricted papers are included.")
        if box.button("Sign out", key="sign_out"):
            st.session_state[STATE_KEY] = False
            _forget_conversation()
            st.rerun()
        return True
    box.caption("Members can sign in to include restricted papers.")
    given = box.text_input("Members' password", type="password", key="member_password")
    if given:
        if password_matches(given, expected):
            st.session_state[STATE_KEY] = True
            st.session_state.pop("member_password", None)
            _forget_conversation()
            st.rerun()
        box.error("That password is not right.")
    return False


def _forget_conversation() -> None:
    # Answers given under one access level must not be shown, exported or rated under another.
    for key in ("turns", "viewing"):
        st.session_state.pop(key, None)
