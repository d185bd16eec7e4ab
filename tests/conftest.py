"""Shared fixtures: real model, real Chroma store, real papers from corpus/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from core.settings import PROJECT_ROOT, Settings  # noqa: E402
from retrieval.assistant import Assistant  # noqa: E402

CORPUS = PROJECT_ROOT / "corpus" / "papers"
HELDOUT = [PROJECT_ROOT / "corpus" / name / "papers" for name in ("heldout", "heldout_2", "heldout_3", "heldout_4", "heldout_5")]
LATER_HELDOUT_SETS = tuple(range(6, 35))
LATER_HELDOUT = [PROJECT_ROOT / "corpus" / f"heldout_{n}" / "papers" for n in LATER_HELDOUT_SETS]
DATA = Path(__file__).parent / "data"
SMALL_PAPERS = (
    "minutes/doncaster_cyp_scrutiny_panel_minutes_dcst_performance_q2_2018-19.txt",
    "inspection/ofsted_ilacs_doncaster_2018-01-19.pdf",
    "inspection/ofsted_ilacs_doncaster_2022-04-08.pdf",
    "minutes/kent_corporate_parenting_panel_minutes_2024-10-29.pdf",
)


def make_settings(root: Path, **overrides: object) -> Settings:
    """Settings with the data directory in a temporary folder."""
    return Settings(data_dir=root, index_dir=root / "index", chroma_host=None).with_overrides(**overrides)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "data")


@pytest.fixture(scope="session")
def small_papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding four real papers (minutes as text, two inspection PDFs, minutes PDF)."""
    folder = tmp_path_factory.mktemp("papers")
    for rel in SMALL_PAPERS:
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / rel, target)
    return folder


@pytest.fixture(scope="session")
def small_assistant(tmp_path_factory: pytest.TempPathFactory, small_papers: Path) -> Assistant:
    """An assistant over the four small papers, built once per test session. Treat as read-only."""
    root = tmp_path_factory.mktemp("small-index")
    assistant = Assistant(make_settings(root))
    report = assistant.ingest([small_papers])
    assert report.ok, report.failed
    return assistant


@pytest.fixture(scope="session")
def corpus_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """An assistant over the whole bundled corpus, built once per test session. Treat as read-only."""
    root = tmp_path_factory.mktemp("corpus-index")
    assistant = Assistant(make_settings(root))
    report = assistant.ingest([CORPUS])
    assert report.ok, report.failed
    return assistant


@pytest.fixture(scope="session")
def heldout_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """An assistant over the papers of held-out sets 1 to 5 (corpus/heldout*/papers), never used in development."""
    root = tmp_path_factory.mktemp("heldout-index")
    assistant = Assistant(make_settings(root))
    report = assistant.ingest(HELDOUT)
    assert report.ok, report.failed
    return assistant


@pytest.fixture(scope="session")
def later_heldout_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """An assistant over the papers of held-out sets 6 to 34 (corpus/heldout_6 to _34/papers): bodies and formats
    no earlier set has."""
    assistant = Assistant(make_settings(tmp_path_factory.mktemp("later-heldout-index")))
    report = assistant.ingest(LATER_HELDOUT)
    assert report.ok, report.failed
    return assistant
