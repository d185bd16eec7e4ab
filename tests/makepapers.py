"""Papers made on the spot for tests: good and bad PDFs, minutes in draft and approved versions."""

from __future__ import annotations

import io
import random
import zipfile

from fpdf import FPDF
from PIL import Image
from pypdf import PdfWriter


def pdf(pages: list[str], title: str = "") -> bytes:
    """A PDF with a text layer, one string per page (ASCII text)."""
    doc = FPDF()
    doc.set_font("helvetica", size=11)
    if title:
        doc.set_title(title)
    for text in pages:
        doc.add_page()
        doc.multi_cell(0, 6, text)
    return bytes(doc.output())


def scanned_pdf(pages: int, text_pages: tuple[str, ...] = ()) -> bytes:
    """A PDF whose last ``pages`` pages are images only (a scan), after any pages of text."""
    doc = FPDF()
    doc.set_font("helvetica", size=11)
    for text in text_pages:
        doc.add_page()
        doc.multi_cell(0, 6, text)
    rng = random.Random(7)
    for _ in range(pages):
        image = Image.new("L", (120, 160), 255)
        for _ in range(400):
            image.putpixel((rng.randrange(120), rng.randrange(160)), 0)
        doc.add_page()
        doc.image(image, x=10, y=10, w=180)
    return bytes(doc.output())


def blank_pdf(pages: int) -> bytes:
    """A PDF of ``pages`` empty pages, made cheaply."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted(data: bytes, user_password: str) -> bytes:
    """The PDF encrypted with AES-128; an empty user password opens without asking."""
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def corrupt_pdf() -> bytes:
    """Starts and ends like a PDF, garbage in between."""
    rng = random.Random(3)
    return b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(3000)) + b"\n%%EOF\n"


def truncated(data: bytes) -> bytes:
    """The first two thirds of a file, as a download cut short leaves it."""
    return data[: len(data) * 2 // 3]


def zip_not_word() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("readme.txt", "not a Word document")
    return out.getvalue()


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 20), (200, 10, 10)).save(out, format="PNG")
    return out.getvalue()


MINUTES = """KENT COUNTY COUNCIL

{committee}

MINUTES of a meeting of the {committee_title} held in the Council Chamber, Sessions House, County Hall, Maidstone on {day}.

{draft}1. Apologies
Apologies were received from Mr Smith.

2. Fostering update
The Panel noted that {children} children were placed with in-house foster carers, and that {recruited} new foster carers had been approved since the last meeting.

3. Placement sufficiency
Members asked about the use of unregistered placements; officers said none were in use this quarter.
"""


def minutes_pdf(children: int, recruited: int, *, draft: bool = False, committee: str = "Corporate Parenting Panel",
                day: str = "Tuesday, 4 March 2025") -> bytes:
    """Minutes of one meeting; the draft says so under the heading."""
    text = MINUTES.format(
        committee=committee.upper(), committee_title=committee, day=day, children=children, recruited=recruited,
        draft="Draft minutes: subject to approval at the next meeting.\n\n" if draft else "",
    )
    return pdf([text])


def budget_minutes() -> str:
    """A budget meeting's minutes: two amendments, each put to a recorded vote with the names of those voting."""
    many = ", ".join(f"Mr {n}" for n in ("Baker", "Bartlett", "Beaney", "Binks", "Bond", "Booth", "Brazier", "Carey", "Chard",
                                         "Cole", "Cooper", "Cooke", "Dance", "Dendor", "Game", "Gough", "Hamilton", "Hill"))
    lines = ["(10) Mr Hood proposed, and Mr Lewis seconded the following amendment:", "Proposed Purpose:",
             "“Allocate up to £75k from the money earmarked for general reserves to fund a feasibility study into",
             "home to school transport.”", "Proposed Funding Source:", "“Reduce Contribution to General Reserves”",
             "(11) Following the debate, the Chairman put to the vote the amendment set out", "in paragraph 10 above and the voting was as follows:",
             "For (16)", "Mr Baldock, Mr Brady, Mr Campkin, Ms Constantine, Ms Dawkins, Ms Grehan,",
             "Mr Hood, Mr Lehmann, Mr Lewis, Ms Meade", "Against (41)", many, "Abstain (1)", "Mr Shonk", "Amendment lost.",
             "(12) Mr Passmore proposed, and Mr Chittenden seconded the following amendment:", "Proposed Purpose:",
             "“Give £1m to the districts for cameras to catch fly-tipping near hot spots.”", "Proposed Funding Source:",
             "“Reduce the waste reserve to £11m”",
             "(13) Following the debate, the Chairman put to the vote the amendment set out", "in paragraph 12 above and the voting was as follows:",
             "For (9)", "Mr Baldock, Mr Campkin, Mr Chittenden, Mr Hook, Mr Lewis, Mr Passmore,", "Mr Stepto, Mr Streatfeild",
             "Against (44)", many, "Abstain (2)", "Mr Ross, Mr Whiting", "Amendment lost."]
    return "County Council minutes, 13 February 2025\n" + "\n".join(lines)
