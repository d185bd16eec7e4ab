"""Property tests: loaders fail only with LoadError on any bytes; the chunker's offsets always slice the page."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from core.errors import LoadError
from core.models import Page
from ingest.chunking import MAX_CHARS, _furniture_key, chunk_document, page_furniture
from ingest.documents import document_from_bytes
from ingest.loaders import load_bytes
from tests import makepapers as make
from tests.conftest import CORPUS

FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PDF_RUNS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SMALL_PDF = make.pdf(["Minutes of the Corporate Parenting Panel held on 4 March 2025.\n\n1. Apologies\nNone.",
                      "2. Fostering\nThe panel noted 312 children in foster care."], title="Panel minutes")
REAL_PDF = (CORPUS / "other/kent_scrutiny_committee_family_hubs_call_in_report_to_cabinet_2025-03-04.pdf").read_bytes()
NAMES = st.sampled_from(["paper.pdf", "paper.txt", "paper.html", "paper.docx", "paper.md", "paper"])


def _load(data: bytes, name: str) -> None:
    """Load as ingest does; success must give pages of text, failure must be a LoadError."""
    try:
        doc = document_from_bytes(data, name, max_pages=50)
    except LoadError as exc:
        assert str(exc) and "\n" not in str(exc).strip()
        return
    assert doc.pages and all(isinstance(p.text, str) for p in doc.pages)
    assert any(p.text.strip() for p in doc.pages)


@FAST
@given(st.binary(max_size=3000), NAMES)
def test_random_bytes_raise_only_load_error(data: bytes, name: str):
    _load(data, name)


@FAST
@given(st.text(max_size=2000), NAMES, st.sampled_from(["utf-8", "utf-16", "latin-1"]))
def test_random_text_in_any_encoding_raises_only_load_error(text: str, name: str, encoding: str):
    _load(text.encode(encoding, errors="replace"), name)


@FAST
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=1500), st.sampled_from(["page.html", "x.htm"]))
def test_html_like_text_raises_only_load_error(body: str, name: str):
    _load(f"<!doctype html><html><body><p>{body}</p><script>{body}</script></body></html>".encode(), name)


def _mutate(data: bytes, seed: int, edits: int, cut: float | None) -> bytes:
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(edits):
        i = rng.randrange(len(out))
        choice = rng.random()
        if choice < 0.6:
            out[i] = rng.randrange(256)
        elif choice < 0.8:
            del out[i:i + rng.randrange(1, 64)]
        else:
            out[i:i] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 32)))
    if cut is not None:
        out = out[: int(len(out) * cut)]
    return bytes(out)


@PDF_RUNS
@given(st.integers(0, 2**32), st.integers(1, 40), st.one_of(st.none(), st.floats(0.0, 1.0)))
def test_mutated_generated_pdfs_raise_only_load_error(seed: int, edits: int, cut: float | None):
    _load(_mutate(SMALL_PDF, seed, edits, cut), "paper.pdf")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32), st.integers(1, 60))
def test_mutated_real_pdf_raises_only_load_error(seed: int, edits: int):
    _load(_mutate(REAL_PDF, seed, edits, None), "report.pdf")


@FAST
@given(st.integers(0, 2**32), st.sampled_from(["user", "", None]))
def test_mutated_encrypted_pdfs_raise_only_load_error(seed: int, password: str | None):
    data = SMALL_PDF if password is None else make.encrypted(SMALL_PDF, password)
    try:
        load_bytes(_mutate(data, seed, 8, None), "paper.pdf", max_pages=50)
    except LoadError:
        pass


LINE = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120),
    st.sampled_from(["", " ", "\t", "1. Apologies", "• bullet point", "- dash item", "A1 - Re-referrals (Quarter 2 = 27%)",
                     "HEADING IN CAPITALS", "The panel noted:", "(a) first", "Cllr Smith: I agree.", "x" * 1500,
                     "word " * 300]),
)


@settings(max_examples=250, deadline=None)
@given(st.lists(st.lists(LINE, max_size=40).map("\n".join), min_size=1, max_size=4), st.booleans())
def test_chunk_offsets_always_slice_their_page(pages_text: list[str], paged: bool):
    pages = tuple(Page(i + 1 if paged else None, t) for i, t in enumerate(pages_text))
    assume(paged or len(pages) == 1)
    chunks = chunk_document("doc", pages)
    by_number = {p.number: p.text for p in pages}
    assert [c.seq for c in chunks] == list(range(len(chunks)))
    assert len({c.chunk_id for c in chunks}) == len(chunks)
    for c in chunks:
        assert 0 <= c.start < c.end <= len(by_number[c.page])
        assert by_number[c.page][c.start:c.end] == c.text
        assert c.text.strip()
        assert len(c.text) <= MAX_CHARS
    # Every visible character of every page lands in some chunk, except running headers and footers
    # (lines that open or close many pages), which are left out on purpose: nothing else is lost.
    furniture = page_furniture(pages)
    for page in pages:
        covered = set()
        pos = 0
        for line in page.text.split("\n"):
            if _furniture_key(line) in furniture:
                covered.update(range(pos, pos + len(line)))
            pos += len(line) + 1
        for c in chunks:
            if c.page == page.number:
                covered.update(range(c.start, c.end))
        missing = [i for i, ch in enumerate(page.text) if not ch.isspace() and i not in covered]
        assert not missing, (page.text[:200], missing[:5])
