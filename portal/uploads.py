"""What members may upload, judged on the file's content and not only on its name.

A short allow-list of document and image formats. Each extension names the one format it may
hold, and the bytes must prove it: the magic number for PDF and images, the zip structure for
office files, valid UTF-8 without NUL bytes for text. Anything else (programs, web pages, SVG,
archives, macro-enabled office files) is refused with a message the member can act on.
"""

import codecs
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

import puremagic

HEADER_BYTES = 8192
MAX_FILENAME_LENGTH = 120
READ_CHUNK = 64 * 1024

OOXML = {
    "docx": ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
OPEN_DOCUMENT = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
MAGIC = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"}
TEXT = {"txt": "text/plain", "csv": "text/csv", "md": "text/markdown"}
ALLOWED_EXTENSIONS = (*MAGIC, *OOXML, *OPEN_DOCUMENT, *TEXT)

# Text that is really a web page or an SVG image: a browser would run what is in it.
MARKUP_START = re.compile(rb"\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe)", re.I)
WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{n}" for n in range(1, 10)),
    *(f"lpt{n}" for n in range(1, 10)),
}


@dataclass(frozen=True)
class ValidatedUpload:
    filename: str
    content_type: str
    size: int


def validate_upload(uploaded_file):
    """Check an uploaded file and return its safe name, real content type and size.

    Raises ``ValidationError`` explaining what is wrong. Leaves the file rewound for saving."""
    size = uploaded_file.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > settings.GROUP_UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than the %(limit)s MB limit.") % {"limit": _limit_in_mb()},
            code="too_big",
        )
    extension = _extension(uploaded_file.name or "")
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(_not_allowed_message(), code="type_not_allowed")
    try:
        content_type = _check_content(uploaded_file, extension)
    finally:
        uploaded_file.seek(0)
    return ValidatedUpload(sanitise_filename(uploaded_file.name, extension), content_type, size)


def _limit_in_mb():
    megabytes = settings.GROUP_UPLOAD_MAX_BYTES / (1024 * 1024)
    return f"{megabytes:g}"


def _not_allowed_message():
    return _(
        "This kind of file cannot be uploaded. Accepted: PDF, Word, Excel and PowerPoint "
        "(.docx, .xlsx, .pptx), OpenDocument (.odt, .ods, .odp), PNG, JPEG, and plain text "
        "(.txt, .csv, .md)."
    )


def _mismatch(extension):
    return ValidationError(
        _("The file's content is not a valid .%(extension)s file.") % {"extension": extension},
        code="content_mismatch",
    )


def _extension(name):
    name = _last_path_part(name).strip().rstrip(". ")
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _last_path_part(name):
    return re.split(r"[\\/]", name or "")[-1]


def _check_content(uploaded_file, extension):
    uploaded_file.seek(0)
    if extension in MAGIC:
        _check_magic(uploaded_file.read(HEADER_BYTES), extension)
        return MAGIC[extension]
    if extension in OOXML:
        _check_ooxml(uploaded_file, extension)
        return OOXML[extension][1]
    if extension in OPEN_DOCUMENT:
        _check_open_document(uploaded_file, extension)
        return OPEN_DOCUMENT[extension]
    _check_text(uploaded_file, extension)
    return TEXT[extension]


def _check_magic(header, extension):
    """The file must start with the claimed format's magic number."""
    try:
        matches = puremagic.magic_string(header)
    except (puremagic.PureError, ValueError):
        matches = []
    if not any(m.mime_type == MAGIC[extension] and m.offset == 0 for m in matches):
        raise _mismatch(extension)


def _open_zip(uploaded_file, extension):
    try:
        return zipfile.ZipFile(uploaded_file)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise _mismatch(extension) from error


def _check_ooxml(uploaded_file, extension):
    """An Office Open XML file is a zip with a content-types part and its own main folder."""
    part_folder = OOXML[extension][0]
    with _open_zip(uploaded_file, extension) as archive:
        names = archive.namelist()
    if "[Content_Types].xml" not in names or not any(n.startswith(part_folder) for n in names):
        raise _mismatch(extension)
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise ValidationError(
            _("Office files with macros cannot be uploaded. Save it without macros first."),
            code="macros",
        )


def _check_open_document(uploaded_file, extension):
    """An OpenDocument file starts with a stored ``mimetype`` entry naming its type."""
    with _open_zip(uploaded_file, extension) as archive:
        entries = archive.infolist()
        if not entries or entries[0].filename != "mimetype" or entries[0].file_size > 100:
            raise _mismatch(extension)
        try:
            declared = archive.read(entries[0]).decode("ascii").strip()
        except (zipfile.BadZipFile, UnicodeDecodeError, OSError, ValueError) as error:
            raise _mismatch(extension) from error
    if declared != OPEN_DOCUMENT[extension]:
        raise _mismatch(extension)


def _check_text(uploaded_file, extension):
    decoder = codecs.getincrementaldecoder("utf-8")()
    first = True
    while chunk := uploaded_file.read(READ_CHUNK):
        if first and MARKUP_START.match(chunk.removeprefix(codecs.BOM_UTF8)):
            raise ValidationError(_not_allowed_message(), code="type_not_allowed")
        first = False
        if b"\x00" in chunk:
            raise _text_error(extension)
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as error:
            raise _text_error(extension) from error
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        raise _text_error(extension) from error


def _text_error(extension):
    return ValidationError(
        _("A .%(extension)s file must be plain text saved as UTF-8.") % {"extension": extension},
        code="not_text",
    )


def sanitise_filename(name, extension=None):
    """A readable name safe in a download header and on any disk: no folders, control
    characters, leading dots or shell-unfriendly characters, and a length cap. Falls back to
    ``document.<extension>`` when nothing readable is left."""
    name = unicodedata.normalize("NFC", _last_path_part(name))
    name = "".join(
        " " if c.isspace() else c for c in name if c.isspace() or unicodedata.category(c)[0] != "C"
    )
    name = name.strip().rstrip(". ")
    extension = (extension or _extension(name)).lower()
    base, dot, suffix = name.rpartition(".")
    if not dot or suffix.lower() != extension:
        base = name
    base = re.sub(r"[^\w\s.()+,-]", "_", base)
    base = re.sub(r"\s+", " ", base)
    base = re.sub(r"_{2,}", "_", base).strip(" ._-")
    if base.split(".")[0].lower() in WINDOWS_RESERVED:
        base = ""
    base = base[: MAX_FILENAME_LENGTH - len(extension) - 1].rstrip(" ._-") or "document"
    return f"{base}.{extension}" if extension else base
