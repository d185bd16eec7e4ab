"""A model served by Ollama (``ollama:MODEL``), at MINUTES_OLLAMA_URL or Ollama's default address."""

from __future__ import annotations

import httpx
from langchain_core.language_models import BaseChatModel

from retrieval.generators.chat import ChatGenerator


def chat_model(model: str, base_url: str | None) -> BaseChatModel:
    """``ChatOllama`` for ``model``, greedy decoding, answers of bounded length."""
    from langchain_ollama import ChatOllama

    return ChatOllama(model=model, base_url=base_url, temperature=0.0, num_predict=400)


def generator(model: str, base_url: str | None) -> ChatGenerator:
    """The ``ollama:MODEL`` generator."""
    import ollama

    hint = f"start Ollama ('ollama serve') and pull the model ('ollama pull {model}'), or set MINUTES_OLLAMA_URL"
    return ChatGenerator(f"ollama:{model}", lambda: chat_model(model, base_url),
                         errors=(ConnectionError, httpx.HTTPError, ollama.ResponseError), hint=hint)
