"""all-MiniLM-L6-v2 on ONNX Runtime: exported once from the shipped weights, optionally int8, cached by hash.

The export runs on first use (about 10 s) and is kept under ``data_dir/models``, named by the
SHA-256 of the shipped weights, so a new model version gets a new file and nothing is downloaded.
Tokenisation (the model's tokenizer.json), mean pooling and L2 normalisation match sentence-transformers.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from pathlib import Path

import numpy as np

from core.errors import ModelNotAvailableError
from core.settings import Settings
from retrieval.embedding import register_embedder, shipped_model_path

MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
EXPORT_VERSION = "2"  # bump when the export recipe changes, so cached files are rebuilt
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def model_cache_dir(settings: Settings | None = None) -> Path:
    """Where exported models are kept: MINUTES_MODEL_CACHE, else data_dir/models."""
    override = os.environ.get("MINUTES_MODEL_CACHE")
    return Path(override) if override else (settings or Settings()).data_dir / "models"


def weights_hash(model_dir: str) -> str:
    """SHA-256 of the shipped weights file: the key of every exported copy."""
    digest = hashlib.sha256()
    with open(Path(model_dir) / "model.safetensors", "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _atomic_target(target: Path) -> Path:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".onnx")
    os.close(fd)
    return Path(tmp)


def export_float(model_dir: str, target: Path) -> None:
    """Export the transformer (token embeddings out) to ONNX with dynamic batch and length."""
    try:
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError:
        raise ModelNotAvailableError("exporting the ONNX model needs torch and transformers: run `pip install -r requirements.txt`") from None

    class TokenEmbeddings(torch.nn.Module):
        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor) -> torch.Tensor:
            out = self.model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return out.last_hidden_state

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    # eager attention exports as plain MatMul/Softmax nodes, which ONNX Runtime fuses and int8 quantises;
    # the default (scaled_dot_product_attention) exports a pattern it does not, and runs about 15% slower
    model = AutoModel.from_pretrained(model_dir, attn_implementation="eager").eval()
    sample = tokenizer(["a short one", "and a somewhat longer sentence"], padding=True, return_tensors="pt")
    tmp = _atomic_target(target)
    axes = {name: {0: "batch", 1: "tokens"} for name in (*INPUTS, "token_embeddings")}
    try:
        with torch.no_grad():
            torch.onnx.export(
                TokenEmbeddings(model), tuple(sample[name] for name in INPUTS), str(tmp),
                input_names=list(INPUTS), output_names=["token_embeddings"], dynamic_axes=axes,
                opset_version=17, dynamo=False,
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def quantize(source: Path, target: Path) -> None:
    """int8 weights, activations quantised on the fly (dynamic quantisation)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = _atomic_target(target)
    # quantize_dynamic writes (and then deletes) a shape-inferred copy beside its source, named after it: a private
    # copy of the source keeps two processes exporting at once from deleting each other's
    private = _atomic_target(source)
    try:
        shutil.copyfile(source, private)
        quantize_dynamic(str(private), str(tmp), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
        private.unlink(missing_ok=True)


def exported_model(model_dir: str, cache_dir: Path, int8: bool) -> Path:
    """The ONNX file for the shipped weights, exporting (and quantising) it the first time."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    key = f"minilm-l6-{weights_hash(model_dir)[:16]}-v{EXPORT_VERSION}"
    floating = cache_dir / f"{key}-fp32.onnx"
    if not floating.exists():
        export_float(model_dir, floating)
    if not int8:
        return floating
    quantised = cache_dir / f"{key}-int8.onnx"
    if not quantised.exists():
        quantize(floating, quantised)
    return quantised


def length_batches(lengths: list[int], batch_size: int) -> list[list[int]]:
    """Indices grouped into batches of similar length, so little padding is computed."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    return [order[i:i + batch_size] for i in range(0, len(order), batch_size)]


def mean_pool(token_embeddings: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the real tokens' embeddings, L2-normalised (as sentence-transformers does)."""
    weights = mask[..., None].astype(np.float32)
    summed = (token_embeddings * weights).sum(axis=1)
    pooled = summed / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


class OnnxEmbedder:
    """all-MiniLM-L6-v2 through ONNX Runtime on the CPU, int8 by default."""

    dimension = 384

    def __init__(self, int8: bool = True, batch_size: int = 8, threads: int | None = None,
                 cache_dir: Path | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_dir = shipped_model_path()
        self.name = "onnx" if int8 else "onnx-fp32"
        self.batch_size = batch_size
        self.model_path = exported_model(model_dir, cache_dir or model_cache_dir(), int8)
        # the model's own tokenizer.json through `tokenizers`: the same ids as AutoTokenizer, without
        # importing transformers and torch (tens of seconds of a cold start on a busy machine)
        self.tokenizer = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = threads or os.cpu_count() or 1
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # idle threads yield the CPU
        self.session = ort.InferenceSession(str(self.model_path), options, providers=["CPUExecutionProvider"])
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        ids = [e.ids for e in self.tokenizer.encode_batch(texts)]
        for batch in length_batches([len(x) for x in ids], self.batch_size):
            width = max(len(ids[i]) for i in batch)
            input_ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                input_ids[row, :len(ids[i])] = ids[i]
                mask[row, :len(ids[i])] = 1
            feeds = {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(input_ids)}
            with self._lock:
                (tokens,) = self.session.run(["token_embeddings"], feeds)
            out[batch] = mean_pool(tokens, mask)
        return out


register_embedder("onnx", OnnxEmbedder)
register_embedder("onnx-fp32", lambda: OnnxEmbedder(int8=False))
