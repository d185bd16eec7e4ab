"""The original paper at the cited page: a rendered PDF page, or the text of a text paper."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import streamlit as st
from PIL import Image, ImageDraw

from core.models import Passage
from ui.components import highlight

RENDER_SCALE = 1.6  # about 115 dpi: readable on a tablet without a large image


def quote_boxes(page: pdfium.PdfPage, quotes: tuple[str, ...]) -> list[tuple[float, float, float, float]]:
    """Boxes (left, bottom, right, top in PDF points) around the quoted words on a page.

    The whole quote is searched first; when the PDF's own text differs (hyphenation, odd spacing),
    runs of six words are searched instead so that most of the quote is still marked.
    """
    text = page.get_textpage()
    boxes = []
    for quote in quotes:
        words = quote.split()
        pieces = [" ".join(words)]
        if len(words) > 6:
            pieces += [" ".join(words[i:i + 6]) for i in range(0, len(words) - 5, 3)]
        for piece in pieces:
            found = text.search(piece, match_case=False).get_next()
            if found:
                start, count = found
                boxes += [text.get_rect(i) for i in range(text.count_rects(start, count))]
                if piece == pieces[0]:
                    break
    return boxes


@st.cache_data(max_entries=32, show_spinner=False)
def render_pdf_page(source: str, page: int, mtime: float, quotes: tuple[str, ...] = ()) -> Any:
    """One page of a PDF (1-based) as an image with the quotes marked; ``mtime`` keys the cache to the file."""
    pdf = pdfium.PdfDocument(source)
    try:
        if not 1 <= page <= len(pdf):
            raise ValueError(f"the paper has {len(pdf)} pages, not {page}")
        pdf_page = pdf[page - 1]
        image = pdf_page.render(scale=RENDER_SCALE).to_pil().convert("RGBA")
        height = pdf_page.get_height()
        overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        for left, bottom, right, top in quote_boxes(pdf_page, quotes):
            box = [left * RENDER_SCALE - 2, (height - top) * RENDER_SCALE - 2,
                   right * RENDER_SCALE + 2, (height - bottom) * RENDER_SCALE + 2]
            draw.rectangle(box, fill=(255, 214, 0, 90))
        return Image.alpha_composite(image, overlay).convert("RGB")
    finally:
        pdf.close()


def is_pdf(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(5) == b"%PDF-"


def show_source(passage: Passage, quotes: list[str], key: str) -> None:
    """The original paper where the passage comes from, with a download of the file."""
    path = Path(passage.source) if passage.source else None
    if path is None or not path.is_file():
        st.warning("The original file of this paper is no longer where it was ingested from.")
        return
    if is_pdf(path) and passage.page:
        try:
            image = render_pdf_page(str(path), passage.page, path.stat().st_mtime, tuple(quotes))
        except Exception as exc:  # a damaged PDF should not break the chat  # noqa: BLE001
            st.warning(f"Could not show page {passage.page}: {exc}")
        else:
            st.image(image, caption=f"{passage.title}, page {passage.page}", width="stretch")
    elif path.suffix.lower() in (".txt", ".md", ".markdown"):
        text = path.read_text(encoding="utf-8", errors="replace")
        st.html(f'<div class="ma-source">{highlight(text, quotes)}</div>')
    else:
        st.info("This paper is shown as text in the passage above; download it to see the original.")
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    st.download_button(f"Download {path.name}", data=path.read_bytes, file_name=path.name, mime=mime, key=f"dl-{key}")
