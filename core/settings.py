"""One settings object, read from environment variables prefixed MINUTES_."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from core.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PREFIX = "MINUTES_"

# Nothing may download model weights at run time: a missing model must fail loudly.
for _var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(PREFIX + name)
    return default if value in (None, "") else value


def _env_bool(name: str, default: bool) -> bool:
    value = _env(name)
    if value is None:
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{PREFIX}{name} must be true or false, not {value!r}")


def _env_int(name: str, default: int) -> int:
    value = _env(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ConfigError(f"{PREFIX}{name} must be a whole number, not {value!r}") from None


@dataclass(frozen=True)
class Settings:
    """Every setting of the assistant, with its default.

    data_dir: where the index, feedback and uploads live (MINUTES_DATA_DIR, default ./data).
    index_dir: the index folder (MINUTES_INDEX, default data_dir/index).
    chroma_host/chroma_port: use a Chroma server instead of the embedded store (MINUTES_CHROMA_HOST).
    embedder: embedding backend name, "torch" or "onnx" (MINUTES_EMBEDDER).
    generator: answer generator, "extractive" by default (MINUTES_GENERATOR).
    ollama_url: the Ollama server for ollama:MODEL (MINUTES_OLLAMA_URL, then OLLAMA_HOST, then Ollama's default).
    openai_base_url: the endpoint for openai:MODEL (MINUTES_OPENAI_BASE_URL, then OPENAI_BASE_URL, then OpenAI's).
    max_file_mb: papers larger than this are refused at ingest (MINUTES_MAX_FILE_MB).
    max_pages: PDFs with more pages than this are refused (MINUTES_MAX_PAGES).
    allow_restricted: whether restricted (exempt) papers may be searched (MINUTES_ALLOW_RESTRICTED).
    restricted_dirs: folder names whose papers are marked restricted at ingest (MINUTES_RESTRICTED_DIRS, comma-separated).
    as_of: answer only from papers dated on or before this ISO date (MINUTES_AS_OF).
    corpus_dir: the papers the chat page ingests on first start (MINUTES_CORPUS).
    """

    data_dir: Path = field(default_factory=lambda: Path(_env("DATA_DIR", str(PROJECT_ROOT / "data")) or ""))
    index_dir: Path | None = None
    chroma_host: str | None = field(default_factory=lambda: _env("CHROMA_HOST"))
    chroma_port: int = field(default_factory=lambda: _env_int("CHROMA_PORT", 8000))
    embedder: str = field(default_factory=lambda: _env("EMBEDDER", "onnx") or "onnx")
    generator: str = field(default_factory=lambda: _env("GENERATOR", "extractive") or "extractive")
    ollama_url: str | None = field(default_factory=lambda: _env("OLLAMA_URL", os.environ.get("OLLAMA_HOST") or None))
    openai_base_url: str | None = field(default_factory=lambda: _env("OPENAI_BASE_URL", os.environ.get("OPENAI_BASE_URL") or None))
    max_file_mb: int = field(default_factory=lambda: _env_int("MAX_FILE_MB", 100))
    max_pages: int = field(default_factory=lambda: _env_int("MAX_PAGES", 5000))
    allow_restricted: bool = field(default_factory=lambda: _env_bool("ALLOW_RESTRICTED", False))
    restricted_dirs: tuple[str, ...] = field(
        default_factory=lambda: tuple(
            p.strip() for p in (_env("RESTRICTED_DIRS", "restricted,exempt") or "").split(",") if p.strip()
        )
    )
    as_of: str | None = field(default_factory=lambda: _env("AS_OF"))
    corpus_dir: Path = field(default_factory=lambda: Path(_env("CORPUS", str(PROJECT_ROOT / "corpus" / "papers")) or ""))

    def __post_init__(self) -> None:
        if self.index_dir is None:
            index = _env("INDEX")
            object.__setattr__(self, "index_dir", Path(index) if index else self.data_dir / "index")

    @property
    def index_path(self) -> Path:
        """The index folder, never None after construction."""
        assert self.index_dir is not None
        return self.index_dir

    def with_overrides(self, **changes: object) -> Settings:
        """A copy with the given fields changed, ignoring those given as None."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]
