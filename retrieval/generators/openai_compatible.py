"""Any OpenAI-compatible endpoint (``openai:MODEL``): OpenAI, Azure OpenAI, vLLM, llama.cpp's server...

The base URL comes from MINUTES_OPENAI_BASE_URL (or OPENAI_BASE_URL), the key from OPENAI_API_KEY.
A local server usually needs no key; then any placeholder is sent.
"""

from __future__ import annotations

import os

import openai
from langchain_core.language_models import BaseChatModel

from core.errors import ModelNotAvailableError
from retrieval.generators.chat import ChatGenerator


def chat_model(model: str, base_url: str | None) -> BaseChatModel:
    """``ChatOpenAI`` for ``model`` at ``base_url``, greedy decoding, no retries (a missing server fails at once)."""
    from langchain_openai import ChatOpenAI

    key = os.environ.get("OPENAI_API_KEY")
    if not key and not base_url:
        raise ModelNotAvailableError("set OPENAI_API_KEY, or MINUTES_OPENAI_BASE_URL for a local OpenAI-compatible server")
    return ChatOpenAI(model=model, base_url=base_url, api_key=key or "unused", temperature=0.0, max_tokens=400,  # type: ignore[call-arg,arg-type]
                      max_retries=0, timeout=60)


def generator(model: str, base_url: str | None) -> ChatGenerator:
    """The ``openai:MODEL`` generator."""
    hint = "check MINUTES_OPENAI_BASE_URL, OPENAI_API_KEY and the model name"
    return ChatGenerator(f"openai:{model}", lambda: chat_model(model, base_url), errors=(openai.APIError,), hint=hint)
