"""Uploaded documents: PDF only, checked by their first bytes as well as their name."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

PDF_SIGNATURE = b"%PDF-"
PDF_CONTENT_TYPES = {"application/pdf", "application/x-pdf"}
# Browsers send this for files they cannot name; the first bytes decide then.
UNKNOWN_CONTENT_TYPES = {"", "application/octet-stream", "binary/octet-stream"}

MESSAGES = {
    "too_big": "The file is {size}; a document can be at most {limit}.",
    "empty": "The file is empty.",
    "extension": "Only PDF documents are accepted: the file name must end in .pdf.",
    "content_type": (
        "The browser sent this file as {content_type}: only PDF documents are accepted."
    ),
    "not_pdf": (
        "This file is named .pdf but is not a PDF document. Export it from its "
        "application as PDF and upload it again."
    ),
}


def _error(code: str, **params) -> ValidationError:
    return ValidationError(MESSAGES[code].format(**params), code=code)


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
    return upload.size
