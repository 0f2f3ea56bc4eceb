"""PDF attachments: checked by name, content type and first bytes, then read with
pypdf (active content and unreadable files are refused); their size is recorded and
shown with a download link on the event page."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from ctdialogue.safety.documents import check_pdf
from events.models import Attachment, Event
from tests.admin_forms import admin_url
from tests.assertions import count_queries
from tests.factories import EventFactory
from tests.uploads import (
    attachment_row,
    errors_of,
    event_form_data,
    management_form,
    pdf_bytes,
    upload,
)

pytestmark = pytest.mark.django_db

NOT_PDF = (
    "This file is named .pdf but is not a PDF document. Export it from its application "
    "as PDF and upload it again."
)


def add_event_with_document(staff_client, file, **fields):
    data = event_form_data(**management_form("attachments", 1), **attachment_row(0, file, **fields))
    return staff_client.post(admin_url(Event, "add"), data)


def test_pdf_attachment_is_accepted_and_its_size_recorded(staff_client):
    data = pdf_bytes()

    response = add_event_with_document(
        staff_client, upload("concept-note.pdf", data, "application/pdf")
    )

    assert response.status_code == 302, errors_of(response)
    attachment = Attachment.objects.get()
    assert attachment.size == len(data)
    assert attachment.file.name.startswith("documents/")
    assert attachment.file.name.endswith(".pdf")
    with attachment.file.open("rb") as stored:
        assert stored.read() == data


def test_pdf_sent_as_octet_stream_is_accepted(staff_client):
    data = pdf_bytes()

    response = add_event_with_document(
        staff_client, upload("report.pdf", data, "application/octet-stream")
    )

    assert response.status_code == 302, errors_of(response)
    assert Event.objects.get().attachments.get().size == len(data)


@pytest.mark.parametrize(
    ("name", "data", "content_type", "message"),
    [
        pytest.param(
            "concept-note.pdf",
            b"MZ\x90\x00 an executable renamed to .pdf",
            "application/pdf",
            NOT_PDF,
            id="fake-pdf",
        ),
        pytest.param(
            "concept-note.pdf",
            b"<html><script>alert(1)</script></html>",
            "application/pdf",
            NOT_PDF,
            id="html-as-pdf",
        ),
        pytest.param(
            "concept-note.docx",
            b"PK\x03\x04 a word document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Only PDF documents are accepted: the file name must end in .pdf.",
            id="docx",
        ),
        pytest.param(
            "concept-note.pdf",
            pdf_bytes(),
            "text/html",
            "The browser sent this file as text/html: only PDF documents are accepted.",
            id="wrong-content-type",
        ),
    ],
)
def test_attachment_that_is_not_a_pdf_is_refused(staff_client, name, data, content_type, message):
    response = add_event_with_document(staff_client, upload(name, data, content_type))

    assert response.status_code == 200
    assert errors_of(response) == [message]
    assert Attachment.objects.count() == 0


def test_attachment_over_the_size_limit_is_refused(staff_client, settings):
    settings.UPLOAD_DOCUMENT_MAX_BYTES = 1024
    data = pdf_bytes()
    assert len(data) > 1024

    response = add_event_with_document(staff_client, upload("big.pdf", data, "application/pdf"))

    assert errors_of(response) == [
        f"The file is {len(data) / 1024:.1f}\xa0KB; a document can be at most 1.0\xa0KB."
    ]
    assert Attachment.objects.count() == 0


def make_document(event, title, kind, data):
    document = Attachment(
        event=event, title=title, kind=kind, size=len(data), publication_status="published"
    )
    document.file.save("document.pdf", ContentFile(data), save=False)
    document.save()
    return document


def test_event_page_lists_documents_with_kind_size_and_link(client):
    event = EventFactory()
    note = make_document(
        event, "Concept note", Attachment.Kind.CONCEPT_NOTE, b"%PDF-" + b"0" * 2043
    )
    report = make_document(event, "Final report", Attachment.Kind.REPORT, b"%PDF-" + b"0" * 99)

    page = client.get(event.get_absolute_url()).content.decode()

    assert '<h2 id="documents-title">Documents</h2>' in page
    assert (
        f'<li><a href="{note.file.url}" type="application/pdf">Concept note</a> '
        '<span class="muted">Concept note, <abbr title="Portable Document Format">PDF</abbr>, '
        "2.0\xa0KB</span></li>"
    ) in page
    assert (
        f'<a href="{report.file.url}" type="application/pdf">Final report</a> '
        '<span class="muted">Report, <abbr title="Portable Document Format">PDF</abbr>, '
        "104\xa0bytes</span>"
    ) in page


def test_event_page_without_documents_has_no_documents_section(client):
    event = EventFactory()

    page = client.get(event.get_absolute_url()).content.decode()

    assert "Documents</h2>" not in page


def test_event_page_queries_do_not_grow_with_documents(client):
    one, three = EventFactory(), EventFactory()
    make_document(one, "A", Attachment.Kind.OTHER, b"%PDF-1")
    for title in "BCD":
        make_document(three, title, Attachment.Kind.OTHER, b"%PDF-1")

    assert count_queries(client, one.get_absolute_url()) == count_queries(
        client, three.get_absolute_url()
    )


# --- Active content: refused with a message -----------------------------------------


def js_open_action(writer):
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert(1)"),
        }
    )


def js_in_names_tree(writer):
    """Document-level JavaScript, named in the catalogue's names tree."""
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("1")}
    )
    names = ArrayObject([TextStringObject("start"), writer._add_object(action)])
    tree = DictionaryObject({NameObject("/Names"): names})
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(tree)}
    )


def embedded_file(writer):
    writer.add_attachment("payload.txt", b"not for readers")


def launch_in_annotation(writer):
    """A link on the page whose action starts a program: found by walking the pages."""
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")}
    )
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (0, 0, 100, 100)]),
            NameObject("/A"): action,
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])


def page_open_action(writer):
    writer.pages[0][NameObject("/AA")] = DictionaryObject(
        {NameObject("/O"): DictionaryObject({NameObject("/S"): NameObject("/GoTo")})}
    )


def active(what):
    return (
        f"This PDF contains {what}, which a reader's PDF viewer could run or open. Save it "
        "again without it (for example, print it to a new PDF) and upload it again."
    )


UNREADABLE = (
    "This PDF could not be read (it may be damaged or password-protected). Save or export "
    "it again as an ordinary PDF and upload it again."
)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        pytest.param(js_open_action, active("JavaScript"), id="javascript-open-action"),
        pytest.param(js_in_names_tree, active("JavaScript"), id="javascript-names-tree"),
        pytest.param(embedded_file, active("embedded files"), id="embedded-file"),
        pytest.param(
            launch_in_annotation, active("an action that launches a program"), id="launch"
        ),
        pytest.param(
            page_open_action,
            active("actions that run by themselves (when a page opens, a field changes...)"),
            id="page-additional-action",
        ),
    ],
)
def test_pdf_with_active_content_is_refused_with_what_it_holds(staff_client, build, message):
    data = pdf_bytes(build=build)

    response = add_event_with_document(staff_client, upload("note.pdf", data, "application/pdf"))

    assert response.status_code == 200
    assert errors_of(response) == [message]
    assert Attachment.objects.count() == 0


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R", id="truncated"),
        pytest.param(pdf_bytes()[:400], id="cut-off"),
        pytest.param(b"%PDF-1.4\n" + bytes(range(256)) * 8, id="noise"),
    ],
)
def test_pdf_that_cannot_be_read_is_refused(staff_client, data):
    response = add_event_with_document(staff_client, upload("note.pdf", data, "application/pdf"))

    assert response.status_code == 200
    assert errors_of(response) == [UNREADABLE]
    assert Attachment.objects.count() == 0


def test_clean_pdf_with_an_open_action_to_a_page_is_accepted():
    """Opening at a page is an ordinary destination, not something that runs."""

    def open_at_first_page(writer):
        writer._root_object[NameObject("/OpenAction")] = ArrayObject(
            [writer.pages[0].indirect_reference, NameObject("/Fit")]
        )

    data = pdf_bytes(build=open_at_first_page)

    assert check_pdf(upload("note.pdf", data, "application/pdf")) == len(data)


def test_check_pdf_leaves_the_upload_at_its_start():
    file = upload("note.pdf", pdf_bytes(build=embedded_file), "application/pdf")

    with pytest.raises(ValidationError):
        check_pdf(file)

    assert file.read(5) == b"%PDF-"
