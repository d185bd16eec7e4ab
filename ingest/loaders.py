"""Read a paper's bytes into pages of text, choosing the reader by content rather than by name."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from core.errors import LoadError
from core.models import Page

SUPPORTED_SUFFIXES = (".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".docx")


@dataclass(frozen=True)
class Loaded:
    """Pages read from a file, with the format found and any title the file declares."""

    pages: tuple[Page, ...]
    media_type: str
    declared_title: str = ""


def sniff(data: bytes, name: str) -> str:
    """The media type of ``data`` judged by its content; the name only separates HTML from text."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "application/pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if "word/document.xml" in zf.namelist():
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        except zipfile.BadZipFile:
            raise LoadError("damaged ZIP/Word file: cannot be opened") from None
        raise LoadError("a ZIP archive, not a Word document")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("text is UTF-16; save it as UTF-8 and ingest again")
    if b"\x00" in data[:8192]:
        raise LoadError("binary file, not a paper (no readable text)")
    lowered = head[:512].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (
        name.lower().endswith((".html", ".htm")) and b"<" in lowered
    ):
        return "text/html"
    return "text/plain"


def decode_text(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without a BOM), else a clear error."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"text is not UTF-8 (bad byte at position {exc.start}); save it as UTF-8 and ingest again"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_pdf(data: bytes, max_pages: int) -> Loaded:
    """One page of text per PDF page, numbered from 1 as a viewer shows them."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    if b"%%EOF" not in data[-4096:]:
        # pypdf would patch up what it can and hand back part of the paper; refuse instead.
        raise LoadError("truncated PDF: the file ends before its end-of-file marker; download it again")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = bool(reader.decrypt(""))
            except DependencyError:
                raise LoadError("encrypted PDF needs the `cryptography` package: run `pip install -r requirements.txt`") from None
            except Exception:
                ok = False
            if not ok:
                raise LoadError("password-protected PDF: remove the password and ingest again")
        count = len(reader.pages)
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise LoadError(f"damaged or truncated PDF ({type(exc).__name__}: {str(exc)[:80]})") from None
    except Exception as exc:  # pypdf raises many types on broken files
        raise LoadError(f"damaged PDF that cannot be read ({type(exc).__name__})") from None
    if count == 0:
        raise LoadError("PDF has no pages")
    if count > max_pages:
        raise LoadError(f"PDF has {count} pages, more than the limit of {max_pages} (MINUTES_MAX_PAGES)")
    pages = []
    for i, page in enumerate(reader.pages):
        try:
            text = page.extract_text() or ""
        except Exception as exc:
            raise LoadError(f"damaged PDF: page {i + 1} cannot be read ({type(exc).__name__})") from None
        pages.append(Page(number=i + 1, text=text.replace("\x00", "")))
    if not any(p.text.strip() for p in pages):
        raise LoadError(f"scanned PDF with no text layer ({count} pages): needs OCR before it can be ingested")
    title = ""
    try:
        meta = reader.metadata
        if meta and meta.title:
            title = str(meta.title)
    except Exception:
        title = ""
    return Loaded(tuple(pages), "application/pdf", title)


_BLOCK_TAGS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "section", "article")


def _table_row(cells: list[str]) -> str:
    """A table row as one line, its filled cells apart: "Legal charges | 1.00 | 3.00" (a Word or a web table alike)."""
    return " | ".join(c for c in cells if c)


def load_html(data: bytes) -> Loaded:
    """The readable text of an HTML page, one line per block element; scripts and navigation left out."""
    text = decode_text(data)
    try:
        return _html_text(text)
    except RecursionError:
        raise LoadError("HTML page is nested too deeply to read") from None


def _html_text(html: str) -> Loaded:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "form", "template"]):
        tag.decompose()
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    h1 = soup.find("h1")
    heading = h1.get_text(" ", strip=True) if h1 is not None else ""
    # the page's heading names it, unless the window title says that and more ("VUDA Budget 2010-2011 - CAPITAL
    # EXPENDITURE" for the heading "Budget 2010-2011"), or says more in other words ("Isle of Anglesey County Council -
    # Corporate Scrutiny Committee - minutes 16 November 2021" for "Agenda, decisions and minutes"), leaving out the
    # site's name after a bar
    window = title.split(" | ")[0].strip()
    fuller = heading.lower() in window.lower() or len(window.split()) > len(heading.split())
    title = window if heading and fuller else heading or title
    root = soup.find("main") or soup.body or soup
    # a table row is one line, its cells apart as in a Word table, not "Legal charges1.001.50"
    for row in root.find_all("tr"):
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"], recursive=False)]
        if len(cells) > 1:
            row.replace_with("\n" + _table_row(cells) + "\n")
    for tag in root.find_all(_BLOCK_TAGS):
        if tag.name == "br":
            tag.replace_with("\n")
        else:
            tag.insert_before("\n")
            tag.insert_after("\n")
    for tag in root.find_all("li"):
        tag.insert(0, "• ")
    text = root.get_text()
    lines = [re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if not text:
        raise LoadError("HTML page has no readable text")
    return Loaded((Page(None, text),), "text/html", title)


def load_docx(data: bytes) -> Loaded:
    """Paragraphs and table rows of a Word document, headings kept as their own lines."""
    try:
        return _docx_text(data)
    except LoadError:
        raise
    except Exception as exc:  # python-docx and lxml raise many types on broken files
        raise LoadError(f"damaged Word document ({type(exc).__name__})") from None


def _docx_text(data: bytes) -> Loaded:
    import docx

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    title = ""
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style = (para.style.name if para.style is not None else "") or ""
        if style.startswith(("Heading", "Title")) and not title:
            title = text
        if style.startswith("List"):
            text = "• " + text
        lines.append(text)
        lines.append("")
    for table in document.tables:
        for row in table.rows:
            lines.append(_table_row([c.text.strip() for c in row.cells]))
        lines.append("")
    text = "\n".join(lines).strip()
    if not text:
        raise LoadError("Word document has no text")
    if document.core_properties.title:
        title = document.core_properties.title
    return Loaded((Page(None, text),), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", title)


# A web page saved as Markdown opens with front matter: "---", lines of "key: value", "---".
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n((?:[ \t]*(?:[A-Za-z_][\w-]*:.*|-[ \t].*|)\n)*?)---[ \t]*(?:\n|\Z)")
_FIELD = re.compile(r"^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$", re.M)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")  # "1\." and "\-" are an escaped "1." and "-"
_MD_STRONG = re.compile(r"\*\*|(?<!\w)__|__(?!\w)")
_MD_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])([^*_\n]*?[^\s*_])\1(?![\w*])")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M)


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The fields of a Markdown file's front matter (lower-case keys, unquoted values) and the text after it."""
    m = _FRONT_MATTER.match(text)
    if not m or not _FIELD.search(m.group(1)):
        return {}, text
    fields = {k.lower(): v.strip("\"'") for k, v in _FIELD.findall(m.group(1))}
    return fields, text[m.end():]


def plain_markdown(text: str) -> str:
    """Markdown's markup taken out, so that words, figures and sentences read as written:
    "**4 Votes for** \\- **Carried**" is "4 Votes for - Carried"."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_STRONG.sub("", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return _MD_ESCAPE.sub(r"\1", text)


def load_text(data: bytes, name: str = "") -> Loaded:
    """A plain text or Markdown paper as one unpaged text. Markdown (a .md file, or one opening with
    front matter) is read without its markup; its front matter's title is the title it declares."""
    fields, text = front_matter(decode_text(data))
    if fields or Path(name).suffix.lower() in (".md", ".markdown"):
        text = plain_markdown(text)
    if not text.strip():
        raise LoadError("file has no text")
    return Loaded((Page(None, text),), "text/plain", fields.get("title", ""))


def load_bytes(data: bytes, name: str, max_pages: int = 5000) -> Loaded:
    """Read a paper from its bytes, or raise LoadError with the reason."""
    if not data.strip():
        raise LoadError("empty file")
    media = sniff(data, name)
    suffix = Path(name).suffix.lower()
    if media == "application/pdf":
        return load_pdf(data, max_pages)
    if suffix == ".pdf":
        raise LoadError("named .pdf but is not a PDF")
    if media.endswith("wordprocessingml.document"):
        return load_docx(data)
    if suffix == ".docx":
        raise LoadError("named .docx but is not a Word document")
    if media == "text/html":
        return load_html(data)
    return load_text(data, name)
