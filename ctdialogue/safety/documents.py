"""Uploaded documents: PDF only, checked by their first bytes as well as their name,
and read with pypdf: a PDF that carries something a reader's PDF viewer could run or
open (JavaScript, actions that run by themselves, launch actions, embedded files,
rich media, XFA forms) is refused, and so is one that cannot be read at all.

Every object reachable from the document's trailer is looked at (the catalogue, its
names tree, the pages and their annotations, form fields...), not only where such
things usually sit: a dictionary can be hidden anywhere an object can be referenced.
"""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

PDF_SIGNATURE = b"%PDF-"
PDF_CONTENT_TYPES = {"application/pdf", "application/x-pdf"}
# Browsers send this for files they cannot name; the first bytes decide then.
UNKNOWN_CONTENT_TYPES = {"", "application/octet-stream", "binary/octet-stream"}

MESSAGES = {
    "too_big": _("The file is {size}; a document can be at most {limit}."),
    "empty": _("The file is empty."),
    "extension": _("Only PDF documents are accepted: the file name must end in .pdf."),
    "content_type": _(
        "The browser sent this file as {content_type}: only PDF documents are accepted."
    ),
    "not_pdf": _(
        "This file is named .pdf but is not a PDF document. Export it from its "
        "application as PDF and upload it again."
    ),
    "unreadable": _(
        "This PDF could not be read (it may be damaged or password-protected). Save or "
        "export it again as an ordinary PDF and upload it again."
    ),
    "active": _(
        "This PDF contains {what}, which a reader's PDF viewer could run or open. Save "
        "it again without it (for example, print it to a new PDF) and upload it again."
    ),
}

#: Keys of a PDF dictionary that are refused wherever they appear, and what they are.
ACTIVE_KEYS = {
    "/JS": _("JavaScript"),
    "/JavaScript": _("JavaScript"),
    "/AA": _("actions that run by themselves (when a page opens, a field changes...)"),
    "/Launch": _("an action that launches a program"),
    "/EmbeddedFiles": _("embedded files"),
    "/EF": _("embedded files"),
    "/RichMedia": _("rich media (Flash, video or 3D content)"),
    "/XFA": _("an XFA form (forms that can run scripts)"),
}
#: The same, as the value of a /S (action kind), /Subtype or /Type.
ACTIVE_KINDS = {
    "/JavaScript": _("JavaScript"),
    "/Launch": _("an action that launches a program"),
    "/EmbeddedFile": _("embedded files"),
    "/FileAttachment": _("embedded files"),
    "/RichMedia": _("rich media (Flash, video or 3D content)"),
    "/RichMediaExecute": _("rich media (Flash, video or 3D content)"),
}
KIND_KEYS = ("/S", "/Subtype", "/Type")
#: Enough for any real document of the size allowed; more objects than this is refused.
MAX_OBJECTS = 200_000


def _error(code: str, **params) -> ValidationError:
    return ValidationError(str(MESSAGES[code]).format(**params), code=code)


def check_pdf(upload) -> int:
    """The size in bytes of an acceptable PDF upload, or a ValidationError in words."""
    limit = settings.UPLOAD_DOCUMENT_MAX_BYTES
    if upload.size > limit:
        raise _error("too_big", size=filesizeformat(upload.size), limit=filesizeformat(limit))
    if not upload.size:
        raise _error("empty")
    if PurePath(upload.name or "").suffix.lower() != ".pdf":
        raise _error("extension")
    content_type = (getattr(upload, "content_type", "") or "").split(";")[0].strip().lower()
    if content_type not in PDF_CONTENT_TYPES | UNKNOWN_CONTENT_TYPES:
        raise _error("content_type", content_type=content_type)
    upload.seek(0)
    head = upload.read(len(PDF_SIGNATURE))
    upload.seek(0)
    if head != PDF_SIGNATURE:
        raise _error("not_pdf")
    check_pdf_content(upload)
    return upload.size


def check_pdf_content(upload) -> None:
    """A ValidationError if pypdf cannot read the upload, or finds active content."""
    upload.seek(0)
    try:
        reader = PdfReader(upload)
        # A document without pages (or whose page tree cannot be followed) is no use.
        if reader.is_encrypted or len(reader.pages) == 0:
            raise _error("unreadable")
        found = active_content(reader.trailer)
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds on a damaged file
        raise _error("unreadable") from error
    finally:
        upload.seek(0)
    if found:
        raise _error("active", what=" and ".join(sorted(found)))


def active_content(root) -> set[str]:
    """What ``root`` (a pypdf object) reaches that could run or open something, in
    words; empty if nothing. Walks every object once, by reference."""
    found: set[str] = set()
    seen: set[tuple[int, int]] = set()
    pending = [root]
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            if len(seen) > MAX_OBJECTS:
                raise ValueError("too many objects")
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            found |= _active_in(item)
            pending.extend(item.values())
        elif isinstance(item, ArrayObject):
            pending.extend(item)
    return found


def _active_in(dictionary: DictionaryObject) -> set[str]:
    found = {str(what) for key, what in ACTIVE_KEYS.items() if key in dictionary}
    for key in KIND_KEYS:
        kind = dictionary.get(key)
        if isinstance(kind, str) and kind in ACTIVE_KINDS:
            found.add(str(ACTIVE_KINDS[kind]))
    return found
