"""Builders shared by the content tests: real image and PDF bytes made on the spot,
and the POST data of the admin forms they go through."""

import io
import struct
import zlib
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image
from pypdf import PdfWriter

from events.models import Event, Person
from tests.admin_forms import admin_url


def image_bytes(size=(64, 48), image_format="PNG", color="navy", mode="RGB", **options):
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=image_format, **options)
    return buffer.getvalue()


def camera_exif(orientation=1):
    """EXIF as a phone writes it: maker, orientation and a GPS position (Bangkok)."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (13.0, 45.0, 22.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (100.0, 29.0, 40.0)
    return exif


def png_header_only(width, height, mode_bits=(1, 0)):
    """A PNG whose header claims ``width`` x ``height`` pixels, with a token of data:
    what a decompression bomb looks like to a header reader."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    bit_depth, colour_type = mode_bits
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def pdf_bytes(text="Concept note", build=None):
    """A real one-page PDF made with pypdf, over 1 KB; ``build(writer)`` may add to it
    before it is written (an action, an attachment...)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": text, "/Subject": "0" * 1500})
    if build is not None:
        build(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def management_form(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def event_form_data(**changes):
    """A valid, published event for the admin's add form, with no inline rows."""
    data = {
        "series": "",
        "edition": "",
        "title": "Regional workshop on digital evidence",
        "slug": "regional-workshop-on-digital-evidence",
        "kind": Event.Kind.WORKSHOP,
        "status": Event.Status.HELD,
        "chatham_house_rule": "",
        "start_date": "2018-01-24",
        "end_date": "2018-01-25",
        "date_precision": "day",
        "city": "Bangkok",
        "country": "TH",
        "venue": "",
        "summary": "<p>A workshop.</p>",
        "body": "",
        "expected_outcome": "",
        "outcome": "",
        "language": "en",
        "publication_status": "published",
        "publish_at_0": "2018-01-26",
        "publish_at_1": "12:00:00",
        **management_form("participations"),
        **management_form("contributions"),
        **management_form("photos"),
        **management_form("attachments"),
    }
    data.update(changes)
    if not data.get("chatham_house_rule"):
        data.pop("chatham_house_rule")
    return data


def photo_row(index, image, **fields):
    row = {
        "image": image,
        "alt_text": "Participants around the table",
        "is_decorative": "",
        "caption": "The opening session",
        "credit": "CTED",
        "order": str(index),
    }
    row.update(fields)
    if not row["is_decorative"]:
        row.pop("is_decorative")
    return {f"photos-{index}-{name}": value for name, value in row.items()}


def attachment_row(index, file, **fields):
    row = {"title": "Concept note", "kind": "concept_note", "file": file, "order": str(index)}
    row.update(fields)
    return {f"attachments-{index}-{name}": value for name, value in row.items()}


def contribution_row(index, person, **fields):
    row = {
        "person": str(person.pk),
        "role": "address",
        "order": str(index),
        "title": "",
        "summary": "",
        "quotation": "",
        "quotation_language": "en",
    }
    row.update(fields)
    return {f"contributions-{index}-{name}": value for name, value in row.items()}


class _FormReader(HTMLParser):
    """The values a browser would send from the admin's change form."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self.textarea = None
        self.select = None

    def _put(self, name, value, many=False):
        if "__prefix__" in name:
            return
        if many:
            self.data.setdefault(name, []).append(value)
        else:
            self.data[name] = value

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"file", "submit", "button", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self._put(name, attrs.get("value", "on"))
                return
            self._put(name, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self._put(name, "")
        elif tag == "select" and name:
            self.select = (name, "multiple" in attrs)
            if not self.select[1]:
                self._put(name, "")
        elif tag == "option" and self.select and "selected" in attrs:
            self._put(self.select[0], attrs.get("value", ""), many=self.select[1])

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += data


def form_data_of(client, url, **changes):
    """What the admin form at ``url`` sends as it stands, with ``changes``."""
    reader = _FormReader()
    reader.feed(client.get(url).content.decode())
    data = reader.data
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def person_form_data(client, person, **changes):
    return form_data_of(client, admin_url(Person, "change", person.pk), **changes)


def _messages(errors):
    return [message for error in errors for message in error.messages]


def errors_of(response):
    """Every error message the admin page shows, main form and inlines."""
    context = response.context
    messages = []
    for errors in context["adminform"].form.errors.as_data().values():
        messages += _messages(errors)
    for inline in context["inline_admin_formsets"]:
        messages += _messages(inline.formset.non_form_errors().as_data())
        for form in inline.formset.forms:
            for errors in form.errors.as_data().values():
                messages += _messages(errors)
    return messages
