"""PDF (pypdfium2, pypdf as the fallback), DOCX (python-docx) and EPUB (zipfile) readers.

DOCX and EPUB are zip files: before anything is unpacked, `check_zip` refuses archives whose
entries would unpack to more than the limit or at a ratio only a zip bomb has.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

from app.core.errors import FileSkipped
from app.core.rag import texts
from app.core.rag.extract import Limits, decode_text, html_section
from app.core.rag.types import Section
from app.core.text import Size

_ZIP_ENTRIES = 20_000


def read_pdf(path: Path, limits: Limits) -> list[Section]:
    """One section per page, numbered from 1."""
    try:
        pages = _pdfium_pages(path)
    except FileSkipped:
        raise
    except Exception as first:
        try:
            pages = _pypdf_pages(path)
        except Exception:
            raise FileSkipped(texts.PDF_DAMAGED(detail=str(first))) from first
    sections = [Section(text, page=n) for n, text in enumerate(pages, start=1) if text.strip()]
    if not sections and pages:
        raise FileSkipped(texts.PDF_NO_TEXT())
    return sections


def _pdfium_pages(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise FileSkipped(texts.PDF_PASSWORD()) from exc
        raise
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
        return pages
    finally:
        document.close()


def _pypdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(str(path), strict=False)
    if reader.is_encrypted:
        raise FileSkipped(texts.PDF_PASSWORD())
    return [page.extract_text() or "" for page in reader.pages]


def check_zip(path: Path, limits: Limits) -> zipfile.ZipFile:
    """Open a zip for reading after checking it cannot unpack into more than the limits."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise FileSkipped(texts.ZIP_DAMAGED(detail=str(exc))) from exc
    entries = archive.infolist()
    total = sum(info.file_size for info in entries)
    packed = max(1, sum(info.compress_size for info in entries))
    if len(entries) > _ZIP_ENTRIES or total > limits.unzipped_bytes:
        archive.close()
        raise FileSkipped(texts.ZIP_TOO_BIG(size=Size(total), n=len(entries)))
    if total > 10 * 1024 * 1024 and total / packed > limits.zip_ratio:
        archive.close()
        raise FileSkipped(texts.ZIP_RATIO(ratio=round(total / packed)))
    return archive


def read_docx(path: Path, limits: Limits) -> list[Section]:
    """Paragraphs in order, headings as Markdown headings, tables row by row."""
    check_zip(path, limits).close()
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise FileSkipped(texts.DOCX_DAMAGED(detail=str(exc))) from exc
    lines: list[str] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        style = paragraph.style.name if paragraph.style is not None else ""
        level = _heading_level(style or "")
        if level and text:
            lines += ["", "#" * level + " " + text, ""]
        elif text:
            lines += [text, ""]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text.strip() for cell in row.cells))
        lines.append("")
    return [Section("\n".join(lines).strip(), markdown=True)]


def _heading_level(style: str) -> int:
    if style == "Title":
        return 1
    if style.startswith("Heading "):
        try:
            return min(6, int(style.split()[1]))
        except (IndexError, ValueError):
            return 0
    return 0


def read_epub(path: Path, limits: Limits) -> list[Section]:
    """One section per chapter, in reading (spine) order."""
    with check_zip(path, limits) as archive:
        try:
            chapters = _spine(archive)
            sections = []
            for name in chapters:
                page = html_section(decode_text(archive.read(name)))
                sections.append(page)
        except (KeyError, ElementTree.ParseError, zipfile.BadZipFile) as exc:
            raise FileSkipped(texts.EPUB_DAMAGED(detail=str(exc))) from exc
    return sections


def _spine(archive: zipfile.ZipFile) -> list[str]:
    ns = {
        "c": "urn:oasis:names:tc:opendocument:xmlns:container",
        "o": "http://www.idpf.org/2007/opf",
    }
    container = ElementTree.fromstring(archive.read("META-INF/container.xml"))
    rootfile = container.find(".//c:rootfile", ns)
    if rootfile is None:
        raise KeyError("META-INF/container.xml names no package file")
    opf_path = rootfile.attrib["full-path"]
    opf = ElementTree.fromstring(archive.read(opf_path))
    base = posixpath.dirname(opf_path)
    items = {
        item.attrib["id"]: posixpath.normpath(posixpath.join(base, item.attrib["href"]))
        for item in opf.iterfind(".//o:manifest/o:item", ns)
    }
    return [
        items[ref.attrib["idref"]]
        for ref in opf.iterfind(".//o:spine/o:itemref", ns)
        if ref.attrib.get("idref") in items
    ]


READERS: dict[str, Callable[[Path, Limits], list[Section]]] = {
    "pdf": read_pdf,
    "docx": read_docx,
    "epub": read_epub,
}
