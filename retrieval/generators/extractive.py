"""The default generator: no language model, the extractive answerer's quoted sentences."""

from __future__ import annotations

from collections.abc import Iterator

from core.models import Answer
from retrieval.generators.base import Context


class ExtractiveGenerator:
    """Answers with the passages' own sentences (``retrieval.answer.extractive_answer``)."""

    name = "extractive"

    def stream(self, context: Context) -> Iterator[str | Answer]:
        answer = context.extractive()
        yield answer.text
        yield answer
