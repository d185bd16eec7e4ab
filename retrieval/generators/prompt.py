"""The chat messages sent to a language model: rules, bounded history, then numbered passages as quoted data."""

from __future__ import annotations

import re
from dataclasses import dataclass

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from core.models import Passage, Turn
from prompts import render
from retrieval.answer import NOT_FOUND
from retrieval.verify import CITE_RE, strip_instructions

OPEN_TAG, CLOSE_TAG = "<<<PASSAGE", "PASSAGE END>>>"
REMOVED = "[text addressed to the assistant removed]"


@dataclass(frozen=True)
class PromptConfig:
    """How much goes to the model: passages, their length, earlier turns, and how long the answer may be."""

    max_passages: int = 5
    passage_chars: int = 1200
    history_turns: int = 3
    history_chars: int = 1500
    max_sentences: int = 4


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def passage_block(n: int, passage: Passage, config: PromptConfig) -> str:
    """One passage, numbered, with its source line, fenced so that its text reads as data."""
    text = strip_instructions(passage.text, REMOVED)
    # A paper must not be able to close its own fence and write outside it.
    text = text.replace(OPEN_TAG, " ").replace(CLOSE_TAG, " ").replace("<<<", " ").replace(">>>", " ")
    where = f"page {passage.page}" if passage.page else "unpaged"
    return render("passage", open_tag=OPEN_TAG, close_tag=CLOSE_TAG, n=n, title=passage.title,
                  date=passage.date or "undated", where=where, text=_clip(text, config.passage_chars)).strip()


def history_messages(history: tuple[Turn, ...], config: PromptConfig) -> list[BaseMessage]:
    """The latest turns within the budget, each clipped, answers without their old [n] markers."""
    out: list[BaseMessage] = []
    budget = config.history_chars
    for turn in reversed(history[-config.history_turns:] if config.history_turns > 0 else ()):
        question = _clip(turn.question, config.history_chars // 4)
        answer = _clip(CITE_RE.sub("", turn.answer), config.history_chars // 2) or "(no answer)"
        budget -= len(question) + len(answer)
        if budget < 0:
            break
        out[:0] = [HumanMessage(question), AIMessage(answer)]
    return out


def messages(question: str, passages: list[Passage], history: tuple[Turn, ...] = (),
             config: PromptConfig = PromptConfig()) -> list[BaseMessage]:
    """System rules, earlier turns, then the numbered passages and the question."""
    system = render("answer_system", not_found=NOT_FOUND, max_sentences=config.max_sentences,
                    open_tag=OPEN_TAG, close_tag=CLOSE_TAG)
    blocks = "\n\n".join(passage_block(i + 1, p, config) for i, p in enumerate(passages[: config.max_passages]))
    user = render("answer_user", passages=blocks, question=question.strip(), max_sentences=config.max_sentences)
    return [SystemMessage(system.strip()), *history_messages(history, config), HumanMessage(user.strip())]


def says_not_found(text: str) -> bool:
    """Whether a model's reply is that the passages do not answer the question."""
    return re.search(r"could not find|do(?:es)? not (?:answer|say|mention|contain)|no information", text, re.I) is not None
