"""What every answer generator gets and gives: a question with its passages in, text pieces then an Answer out."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Protocol

from core.models import Answer, Passage, Turn
from retrieval.query import Query


@dataclass(frozen=True)
class Context:
    """One question to answer: the prepared query, the retrieved passages, earlier turns and the extractive fallback."""

    query: Query
    passages: list[Passage]
    history: tuple[Turn, ...] = ()
    fallback: Callable[[], Answer] | None = None

    def extractive(self, *notes: str, generator: str = "") -> Answer:
        """The extractive answer, with ``notes`` saying why it is shown instead of a generated one."""
        if self.fallback is None:
            raise ValueError("this context has no extractive fallback")
        answer = self.fallback()
        extra = tuple(notes) + ((f"fell back from {generator} to the extractive answer",) if generator else ())
        return replace(answer, notes=answer.notes + extra)


class Generator(Protocol):
    """An answer generator, chosen by name (see ``retrieval.generators.get_generator``)."""

    name: str

    def stream(self, context: Context) -> Iterator[str | Answer]:
        """Pieces of answer text as they are written, then the final, verified ``Answer`` (always last)."""
        ...
