"""Small but real files for demo content: a one-page PDF that shows a few lines of text.

Demo loaders use them instead of shipping binary files: working-group documents are checked
and stored like a member's upload, and campaign materials get placeholder PDFs that say where
the real file is published.
"""


def demo_file_content(filename, lines):
    """A one-page PDF for ``.pdf`` names, UTF-8 text for anything else."""
    if filename.lower().endswith(".pdf"):
        return minimal_pdf(lines)
    return ("\n".join(lines) + "\n").encode("utf-8")


def _pdf_text(line):
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def minimal_pdf(lines):
    """A valid one-page A4 PDF showing ``lines`` in Helvetica, with an exact xref table."""
    text = ["BT", "/F1 11 Tf", "15 TL", "56 780 Td"]
    text += [f"({_pdf_text(line)}) Tj T*" for line in lines]
    stream = "\n".join([*text, "ET"]).encode("cp1252", errors="replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return bytes(pdf)
