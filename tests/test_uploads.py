"""Uploads: type by content, a size limit, plain names inside the uploads folder, never over another paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import LoadError
from ingest.uploads import safe_name, save_upload, uploads_dir
from retrieval.assistant import Assistant
from tests import makepapers as make
from tests.conftest import make_settings

TEXT = b"Youth services\n\nThe committee agreed to fund 6 new youth workers in Dover and Deal.\n"


@pytest.fixture
def limits(tmp_path: Path):  # type: ignore[no-untyped-def]
    return make_settings(tmp_path / "data", max_file_mb=1, max_pages=20)


@pytest.mark.parametrize("name, expected", [
    ("minutes.txt", "minutes.txt"),
    ("../../etc/passwd", "passwd.txt"),
    ("..\\..\\Windows\\win.ini", "win.txt"),
    ("/abs/path/report.md", "report.md"),
    (".hidden.txt", "hidden.txt"),
    ("..", "paper.txt"),
    ("", "paper.txt"),
    ("CON.txt", "paper_CON.txt"),
    ("Café & Bar: minutes?.txt", "Cafe_Bar_minutes.txt"),
    ("report.pdf.exe", "report.pdf.txt"),
    ("x" * 300 + ".txt", "x" * 100 + ".txt"),
])
def test_upload_names_are_plain_and_stay_in_the_folder(limits, tmp_path: Path, name: str, expected: str):
    folder = tmp_path / "uploads"
    path = save_upload(TEXT, name, folder, limits)
    assert path == folder.resolve() / expected
    assert path.read_bytes() == TEXT
    assert sorted(p.name for p in folder.iterdir()) == [expected]  # nothing else written, no temp file left


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_name_gives_a_safe_file_name(name: str):
    result = safe_name(name, ".pdf")
    assert result.endswith(".pdf") and len(result) <= 104
    assert "/" not in result and "\\" not in result and not result.startswith(".")
    assert result.isascii() and Path(result).name == result and result[:-4] not in ("", ".", "..")


def test_type_is_judged_by_content_not_name(limits, tmp_path: Path):
    folder = tmp_path / "uploads"
    pdf = make.pdf(["Youth services\n\nSix youth workers were funded."])
    assert save_upload(pdf, "notes.txt", folder, limits).name == "notes.pdf"  # a PDF called .txt is saved as a PDF
    cases = {
        "photo.pdf": (make.png(), "binary file"),
        "report.pdf": (b"just text\n", "named .pdf but is not a PDF"),
        "report.docx": (make.zip_not_word(), "ZIP archive"),
        "locked.pdf": (make.encrypted(pdf, "secret"), "password-protected"),
        "scan.pdf": (make.scanned_pdf(2), "needs OCR"),
        "long.pdf": (make.blank_pdf(25), "more than the limit of 20"),
        "latin.txt": ("£5".encode("latin-1") + b" for tea", "not UTF-8"),
        "empty.txt": (b"", "empty file"),
        "huge.txt": (b"a" * 1_000_001, "over the limit of 1 MB"),
    }
    for name, (data, reason) in cases.items():
        with pytest.raises(LoadError, match=reason):
            save_upload(data, name, folder, limits)
    assert sorted(p.name for p in folder.iterdir()) == ["notes.pdf"]


def test_an_upload_never_overwrites_a_different_paper(limits, tmp_path: Path):
    folder = tmp_path / "uploads"
    first = save_upload(TEXT, "minutes.txt", folder, limits)
    other = TEXT.replace(b"6 new", b"9 new")
    second = save_upload(other, "minutes.txt", folder, limits)
    assert (first.name, second.name) == ("minutes.txt", "minutes-2.txt")
    assert first.read_bytes() == TEXT and second.read_bytes() == other
    assert save_upload(TEXT, "minutes.txt", folder, limits) == first  # the same paper again: the same file
    assert save_upload(b"Third\n\nA third paper.\n", "minutes.txt", folder, limits,
                       taken=["uploads/minutes-3.txt"]).name == "minutes-4.txt"


def test_a_link_planted_in_the_folder_is_never_written_through(limits, tmp_path: Path):
    folder = tmp_path / "uploads"
    folder.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"precious\n")
    (folder / "minutes.txt").symlink_to(outside)
    path = save_upload(TEXT, "minutes.txt", folder, limits)
    assert path.name == "minutes-2.txt" and not path.is_symlink()
    assert outside.read_bytes() == b"precious\n"


def test_saved_uploads_ingest_with_the_same_report(tmp_path: Path):
    settings = make_settings(tmp_path / "data")
    folder = uploads_dir(settings)
    assert folder == settings.data_dir / "uploads"
    saved = [save_upload(TEXT, "youth.txt", folder, settings),
             save_upload(TEXT, "copy of youth.txt", folder, settings)]
    report = Assistant(settings).ingest(saved)
    assert [(o.path, o.status) for o in report.outcomes] == [("youth.txt", "added"), ("copy_of_youth.txt", "duplicate")]
