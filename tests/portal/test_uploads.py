"""What members may upload: judged on real (tiny) files built here, not on their names."""

import io
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

from portal.uploads import sanitise_filename, validate_upload

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_TYPE = "application/vnd.oasis.opendocument.text"


def minimal_pdf():
    """A one-page PDF with a cross-reference table, as a PDF writer would make it."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (4, xref))
    return out.getvalue()


def zip_of(entries):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            compression = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=compression)
    return out.getvalue()


def office_open_xml(folder, main_part, extra=()):
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/></Types>'
    )
    return zip_of(
        [
            ("[Content_Types].xml", content_types),
            ("_rels/.rels", "<Relationships/>"),
            (f"{folder}/{main_part}", "<document/>"),
            *extra,
        ]
    )


def minimal_docx(extra=()):
    return office_open_xml("word", "document.xml", extra)


def open_document(mimetype):
    return zip_of(
        [
            ("mimetype", mimetype),
            ("content.xml", "<office:document-content/>"),
            ("META-INF/manifest.xml", "<manifest:manifest/>"),
        ]
    )


def image(kind):
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(out, kind)
    return out.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


def rejection(name, content):
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload(name, content))
    return " ".join(caught.value.messages)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("Minutes.pdf", minimal_pdf(), "application/pdf"),
        ("Draft guideline.docx", minimal_docx(), DOCX_TYPE),
        (
            "budget.xlsx",
            office_open_xml("xl", "workbook.xml"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "slides.pptx",
            office_open_xml("ppt", "presentation.xml"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        ("notes.odt", open_document(ODT_TYPE), ODT_TYPE),
        (
            "figures.ods",
            open_document("application/vnd.oasis.opendocument.spreadsheet"),
            "application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("diagram.png", image("PNG"), "image/png"),
        ("photo.jpg", image("JPEG"), "image/jpeg"),
        ("photo.JPEG", image("JPEG"), "image/jpeg"),
        ("notes.txt", "Réunion à Bruxelles, 10 h — ordre du jour\n".encode(), "text/plain"),
        ("contacts.csv", b"\xef\xbb\xbfname,country\nAnna,AT\n", "text/csv"),
        ("readme.md", b"# Agenda\n\n- welcome\n", "text/markdown"),
    ],
)
def test_accepts_each_allowed_format_by_its_content(name, content, content_type):
    uploaded = upload(name, content)

    validated = validate_upload(uploaded)

    assert validated.content_type == content_type
    assert validated.size == len(content)
    assert validated.filename == name.rsplit(".", 1)[0] + "." + name.rsplit(".", 1)[1].lower()
    assert uploaded.read() == content, "the file is rewound, ready to be saved"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "report.pdf",
            b"<!DOCTYPE html><html><script>alert(1)</script></html>",
            "not a valid .pdf",
        ),
        ("report.pdf", b"Just some text pretending to be a PDF", "not a valid .pdf"),
        ("plain.docx", zip_of([("notes.txt", "hello")]), "not a valid .docx"),
        ("notes.docx", open_document(ODT_TYPE), "not a valid .docx"),
        ("sheet.xlsx", minimal_docx(), "not a valid .xlsx"),
        (
            "notes.odt",
            zip_of([("content.xml", "<x/>"), ("mimetype", ODT_TYPE)]),
            "not a valid .odt",
        ),
        ("notes.odt", open_document("application/vnd.oasis.opendocument.spreadsheet"), ".odt"),
        ("broken.docx", b"PK\x03\x04 but not really a zip", "not a valid .docx"),
        ("photo.png", image("JPEG"), "not a valid .png"),
        ("photo.jpg", image("PNG"), "not a valid .jpg"),
    ],
)
def test_rejects_content_that_does_not_match_the_extension(name, content, expected):
    assert expected in rejection(name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("setup.exe", b"MZ\x90\x00\x03" + b"\x00" * 60 + b"This program cannot be run in DOS mode"),
        ("page.html", b"<!DOCTYPE html><html><body>hi</body></html>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("archive.zip", zip_of([("a.txt", "hello")])),
        ("script.js", b"alert(1)"),
        ("no-extension", minimal_pdf()),
        ("page.txt", b"  <!doctype html><html><script>alert(1)</script></html>"),
        ("drawing.md", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
    ],
)
def test_rejects_programs_web_pages_and_other_formats(name, content):
    assert "cannot be uploaded" in rejection(name, content)


def test_rejects_office_files_with_macros():
    content = minimal_docx(extra=[("word/vbaProject.bin", b"\x00macro")])
    assert "macros" in rejection("letter.docx", content)


def test_rejects_an_empty_file():
    assert rejection("empty.pdf", b"") == "The file is empty."


def test_rejects_a_file_over_the_limit_and_says_the_limit(settings):
    settings.GROUP_UPLOAD_MAX_BYTES = 1024 * 1024
    content = minimal_pdf() + b"\n" * (1024 * 1024)
    assert rejection("big.pdf", content) == "The file is larger than the 1 MB limit."


def test_accepts_a_file_exactly_at_the_limit(settings):
    content = b"a,b\n" * 256
    settings.GROUP_UPLOAD_MAX_BYTES = len(content)
    assert validate_upload(upload("exact.csv", content)).size == len(content)


@pytest.mark.parametrize(
    "content",
    [
        b"name\x00,country\n",
        "Zürich;Genève\n".encode("latin-1"),
        b"\xff\xfeu\x00t\x00f\x00-\x001\x006\x00",
        b"cut in the middle of a character \xe2\x82",
    ],
)
def test_text_must_be_utf8_without_nul_bytes(content):
    assert "plain text saved as UTF-8" in rejection("data.csv", content)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Minutes March 2026.PDF", "Minutes March 2026.pdf"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\anna\\Desktop\\Bericht Ü.docx", "Bericht Ü.docx"),
        (".hidden.pdf", "hidden.pdf"),
        ("...pdf", "document.pdf"),
        (".pdf", "document.pdf"),
        ("a<b>c|d:e.pdf", "a_b_c_d_e.pdf"),
        ("<script>alert(1)</script>.pdf", "script.pdf"),
        ("report\x00\r\n\x1b[31m.pdf", "report _31m.pdf"),
        ("evil\u202efdp.exe.pdf", "evilfdp.exe.pdf"),
        ("  lots   of\tspace .csv", "lots of space.csv"),
        ('quote"s; and * stars?.md', "quote_s_ and _ stars.md"),
        ("CON.txt", "document.txt"),
        ("Στρατηγική πρόληψης.odt", "Στρατηγική πρόληψης.odt"),
    ],
)
def test_sanitises_file_names(name, expected):
    assert sanitise_filename(name) == expected


def test_caps_long_file_names_and_keeps_the_extension():
    name = sanitise_filename("a" * 500 + ".docx")
    assert len(name) <= 120
    assert name.endswith("aaa.docx")


def test_validated_upload_carries_the_sanitised_name():
    validated = validate_upload(upload("../secret/ <Plan>.pdf", minimal_pdf()))
    assert validated.filename == "Plan.pdf"
