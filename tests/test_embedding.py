"""The embedding backends: ONNX Runtime (exported from the shipped weights) agrees with PyTorch."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from core.errors import ConfigError
from core.settings import Settings
from retrieval.assistant import Assistant
from retrieval.embedding import get_embedder, shipped_model_path
from retrieval.onnx_embedding import OnnxEmbedder, exported_model, length_batches, mean_pool, model_cache_dir, weights_hash
from tests.conftest import make_settings

TEXTS = [
    "At 31 October 2017, 353 children and young people were the subject of a child protection plan.",
    "The panel noted the report.",
    "Re-referral rate (A1): 24.8% against a target of 22%, an improvement on the previous quarter.",
    "Inspection of Doncaster Metropolitan Borough Council children's services — Summary\n"
    + "Leaders have a good understanding of the quality of practice. " * 60,  # past 256 tokens: truncated
    "",
]


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    return get_embedder("torch").embed(TEXTS)


def test_onnx_float_matches_sentence_transformers(reference: np.ndarray) -> None:
    vectors = OnnxEmbedder(int8=False).embed(TEXTS)
    assert vectors.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert float((vectors * reference).sum(axis=1).min()) > 0.9999


def test_tokenizer_gives_the_ids_sentence_transformers_uses() -> None:
    from transformers import AutoTokenizer

    expected = AutoTokenizer.from_pretrained(shipped_model_path())(TEXTS, truncation=True, max_length=256)["input_ids"]
    model = get_embedder("onnx")
    assert isinstance(model, OnnxEmbedder)
    assert [e.ids for e in model.tokenizer.encode_batch(TEXTS)] == expected
    assert len(expected[3]) == 256


def test_onnx_int8_stays_close_to_the_float_model(reference: np.ndarray) -> None:
    vectors = get_embedder("onnx").embed(TEXTS)
    cosines = (vectors * reference).sum(axis=1)
    assert float(cosines.mean()) > 0.98 and float(cosines.min()) > 0.96, cosines


def test_onnx_int8_keeps_the_nearest_neighbour() -> None:
    onnx, torch = get_embedder("onnx"), get_embedder("torch")
    passages = TEXTS[:4]
    query = ["How many children were on a child protection plan in October 2017?"]
    for model in (onnx, torch):
        scores = model.embed(passages) @ model.embed(query)[0]
        assert int(np.argmax(scores)) == 0


def test_a_text_embeds_the_same_alone_or_beside_longer_ones() -> None:
    exact = OnnxEmbedder(int8=False)
    assert float(exact.embed([TEXTS[1]])[0] @ exact.embed(TEXTS)[1]) > 0.9999  # padding is masked out of the mean
    # int8 activations are scaled per batch, so the company a text keeps moves it a little
    int8 = get_embedder("onnx")
    assert float(int8.embed([TEXTS[1]])[0] @ int8.embed(TEXTS)[1]) > 0.98


def test_export_is_cached_by_the_weights_hash() -> None:
    path = exported_model(shipped_model_path(), model_cache_dir(), int8=True)
    assert path.exists() and weights_hash(shipped_model_path())[:16] in path.name
    stamp = path.stat().st_mtime_ns
    assert exported_model(shipped_model_path(), model_cache_dir(), int8=True) == path
    assert path.stat().st_mtime_ns == stamp  # found, not exported again


def test_length_batches_group_similar_lengths() -> None:
    lengths = [5, 300, 7, 250, 6, 260]
    batches = length_batches(lengths, 3)
    assert sorted(i for b in batches for i in b) == list(range(6))
    assert [sorted(lengths[i] for i in b) for b in batches] == [[5, 6, 7], [250, 260, 300]]


def test_mean_pool_ignores_padding() -> None:
    tokens = np.array([[[1.0, 0.0], [3.0, 0.0], [100.0, 100.0]]], dtype=np.float32)
    mask = np.array([[1, 1, 0]])
    assert np.allclose(mean_pool(tokens, mask), [[1.0, 0.0]])


def test_backend_is_chosen_by_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTES_EMBEDDER", "onnx")
    assert Settings().embedder == "onnx"
    assistant = Assistant(make_settings(tmp_path / "data", embedder="torch"))
    assert assistant.embedder().name == "torch"


def test_unknown_backend_lists_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match="onnx.*torch"):
        get_embedder("tensorflow")


def test_two_quantisations_of_one_export_at_once_both_finish(tmp_path) -> None:
    # onnxruntime writes and deletes a side file named after the source; two at once must not delete each other's
    from concurrent.futures import ThreadPoolExecutor

    from retrieval.onnx_embedding import quantize

    source = exported_model(shipped_model_path(), model_cache_dir(), int8=False)
    targets = [tmp_path / f"copy-{n}-int8.onnx" for n in range(3)]
    with ThreadPoolExecutor(3) as pool:
        list(pool.map(lambda target: quantize(source, target), targets))
    assert all(t.stat().st_size > 1_000_000 for t in targets)
    assert sorted(p.name for p in tmp_path.iterdir()) == [t.name for t in targets]  # no temporary file left
