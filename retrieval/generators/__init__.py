"""Answer generators chosen by name: ``extractive`` (default), ``llamacpp[:PATH]``, ``ollama:MODEL``, ``openai:MODEL``."""

from __future__ import annotations

import threading

from core.errors import ConfigError
from core.settings import Settings
from retrieval.generators.base import Context, Generator
from retrieval.generators.extractive import ExtractiveGenerator

__all__ = ["NAMES", "Context", "ExtractiveGenerator", "Generator", "get_generator"]

NAMES = ("extractive", "llamacpp[:PATH]", "ollama:MODEL", "openai:MODEL")
_cache: dict[tuple[str, str | None], Generator] = {}
_lock = threading.Lock()


def get_generator(name: str, settings: Settings | None = None) -> Generator:
    """The generator called ``name``; a model-backed one is made once per process and loads its model on first use."""
    settings = settings or Settings()
    kind, _, arg = name.strip().partition(":")
    kind = kind.lower()
    if kind == "extractive" and not arg:
        return ExtractiveGenerator()
    if kind in ("ollama", "openai") and not arg:
        raise ConfigError(f"the {kind} generator needs a model name: --generator {kind}:MODEL")
    url = {"ollama": settings.ollama_url, "openai": settings.openai_base_url}.get(kind)
    if kind not in ("llamacpp", "ollama", "openai"):
        raise ConfigError(f"unknown generator {name!r}; choose one of: {', '.join(NAMES)}")
    with _lock:
        key = (name.strip(), url)
        if key not in _cache:
            _cache[key] = _make(kind, arg, url)
        return _cache[key]


def _make(kind: str, arg: str, url: str | None) -> Generator:
    if kind == "llamacpp":
        from retrieval.generators import llamacpp

        return llamacpp.generator(arg or None)
    if kind == "ollama":
        from retrieval.generators import ollama

        return ollama.generator(arg, url)
    from retrieval.generators import openai_compatible

    return openai_compatible.generator(arg, url)
