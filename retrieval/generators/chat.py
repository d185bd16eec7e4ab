"""A language model behind LangChain's chat-model interface; what it writes is verified before it is returned."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace

from langchain_core.language_models import BaseChatModel

from core.errors import ModelNotAvailableError
from core.models import Answer
from retrieval.generators.base import Context
from retrieval.generators.prompt import PromptConfig, messages, says_not_found
from retrieval.verify import cite, verify


class ChatGenerator:
    """Streams an answer from a chat model, verifies it sentence by sentence, falls back when it cannot.

    ``build`` makes the model on first use. ``errors`` are the exceptions that mean the model cannot be
    reached (no server, wrong key, unknown model); they become one note and the extractive answer,
    with ``hint`` saying what to do. Anything else is a bug and surfaces as a traceback.
    """

    def __init__(self, name: str, build: Callable[[], BaseChatModel], errors: tuple[type[BaseException], ...] = (),
                 hint: str = "", config: PromptConfig = PromptConfig(), serial: bool = False) -> None:
        self.name = name
        self.config = config
        self._build = build
        self._errors = errors
        self._hint = hint
        self._model: BaseChatModel | None = None
        self._lock = threading.Lock()
        self._serial = serial  # a local model object answers one question at a time

    def model(self) -> BaseChatModel:
        """The chat model, built once."""
        with self._lock:
            if self._model is None:
                self._model = self._build()
            return self._model

    def stream(self, context: Context) -> Iterator[str | Answer]:
        if not context.passages:
            answer = context.extractive()
            yield answer.text
            yield answer
            return
        pieces: list[str] = []
        try:
            for piece in self._pieces(context):
                pieces.append(piece)
                yield piece
        except ModelNotAvailableError as exc:
            yield context.extractive(f"{self.name}: {exc}", generator=self.name)
            return
        except self._errors as exc:
            reason = " ".join(str(exc).split())[:200] or type(exc).__name__
            yield context.extractive(f"{self.name} is not available ({reason}); {self._hint}", generator=self.name)
            return
        yield self.finish(context, "".join(pieces))

    def _pieces(self, context: Context) -> Iterator[str]:
        model = self.model()
        prompt = messages(context.query.question, context.passages, context.history, self.config)
        lock = self._lock if self._serial else None
        if lock:
            lock.acquire()
        try:
            for chunk in model.stream(prompt):
                if isinstance(chunk.content, str) and chunk.content:
                    yield chunk.content
        finally:
            if lock:
                lock.release()

    def finish(self, context: Context, text: str) -> Answer:
        """The verified answer for what the model wrote, or the extractive one when no sentence survives."""
        shown = context.passages[: self.config.max_passages]
        verdict = verify(text, shown)
        if not verdict.kept:
            if says_not_found(text) or not text.strip():
                reason = "the model found no answer in the passages"
            else:
                reason = f"no sentence of the model's answer passed verification ({len(verdict.dropped)} dropped)"
            return replace(context.extractive(reason, generator=self.name), verification=verdict.verification)
        answer_text, citations = cite(verdict.kept, shown)
        dropped = len(verdict.dropped)
        notes = (f"verification removed {dropped} of {dropped + len(verdict.kept)} sentences",) if dropped else ()
        return Answer(context.query.question, answer_text, False, citations, tuple(context.passages),
                      generator=self.name, verification=verdict.verification, notes=notes)
