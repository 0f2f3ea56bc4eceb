"""Media on object storage: DJANGO_STORAGE_URL read into STORAGES, and uploads,
renditions, public pages and upload checks against a real S3 API (moto's server,
started by tests/ctdialogue/operations/conftest.py)."""

import io
import re
import urllib.request
from html import unescape
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage
from PIL import Image

from ctdialogue.operations.storage import CACHE_CONTROL, media_origin, media_storage
from events.models import Attachment, Event, Person, Photo
from tests.admin_forms import admin_url
from tests.factories import PersonFactory
from tests.uploads import (
    attachment_row,
    errors_of,
    event_form_data,
    image_bytes,
    management_form,
    pdf_bytes,
    person_form_data,
    photo_row,
    upload,
)

# --- DJANGO_STORAGE_URL ---------------------------------------------------------------


def test_no_storage_url_keeps_local_files():
    assert media_storage("") == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert media_storage("  ") == media_storage("")


def test_storage_url_names_bucket_prefix_endpoint_and_region():
    setting = media_storage(
        "s3://ctdialogue-media/uploads?endpoint_url=http://minio:9000&region=eu-west-1"
    )

    assert setting == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "ctdialogue-media",
            "location": "uploads",
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": CACHE_CONTROL},
            "endpoint_url": "http://minio:9000",
            "region_name": "eu-west-1",
            "addressing_style": "path",
        },
    }


def test_storage_url_on_aws_with_a_custom_domain():
    options = media_storage("s3://media-bucket?custom_domain=media.example.org&acl=public-read")[
        "OPTIONS"
    ]

    assert options["custom_domain"] == "media.example.org"
    assert options["default_acl"] == "public-read"
    assert "endpoint_url" not in options
    assert "addressing_style" not in options  # AWS's own choice


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("", ""),
        ("s3://b?endpoint_url=http://minio:9000/&region=us-east-1", "http://minio:9000"),
        ("s3://b?custom_domain=media.example.org", "https://media.example.org"),
        ("s3://b?region=eu-west-3", "https://b.s3.eu-west-3.amazonaws.com"),
    ],
)
def test_media_origin_is_where_image_addresses_point(url, origin):
    assert media_origin(media_storage(url)) == origin


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://bucket", "must look like s3://bucket"),
        ("s3://?region=x", "must look like s3://bucket"),
        ("s3://key:secret@bucket", "must not hold credentials"),
        ("s3://bucket?endpoint=http://x", "unknown parameters endpoint"),
    ],
)
def test_storage_url_that_cannot_work_stops_the_start_in_words(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        media_storage(url)


# --- Uploads and renditions in the bucket -------------------------------------------


def bucket_names(client, bucket) -> list[str]:
    listing = client.list_objects_v2(Bucket=bucket)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def bucket_bytes(client, bucket, name) -> bytes:
    return client.get_object(Bucket=bucket, Key=name)["Body"].read()


def add_event_with_photo(staff_client, image, **photo_fields):
    data = event_form_data(**management_form("photos", 1), **photo_row(0, image, **photo_fields))
    return staff_client.post(admin_url(Event, "add"), data)


@pytest.mark.django_db
def test_photo_and_its_renditions_are_written_to_the_bucket(object_storage, staff_client, settings):
    client, bucket = object_storage
    image = upload("wide.jpg", image_bytes((2000, 1000), "JPEG"), "image/jpeg")

    response = add_event_with_photo(staff_client, image)

    assert response.status_code == 302, errors_of(response)
    photo = Photo.objects.get()
    assert sorted(photo.renditions, key=int) == ["480", "960", "1600"]
    assert bucket_names(client, bucket) == sorted([photo.image.name, *photo.renditions.values()])
    for width, name in photo.renditions.items():
        rendition = Image.open(io.BytesIO(bucket_bytes(client, bucket, name)))
        assert (rendition.format, rendition.size) == ("WEBP", (int(width), int(width) // 2))
    head = client.head_object(Bucket=bucket, Key=photo.image.name)
    assert head["CacheControl"] == CACHE_CONTROL
    assert head["ContentType"] == "image/jpeg"
    assert not Path(settings.MEDIA_ROOT).exists()  # nothing written to the disk
    # Public, but not guessable: a random name, which renditions share.
    assert re.fullmatch(r"photos/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", photo.image.name)


def image_addresses(page: str) -> list[str]:
    addresses = []
    for tag in re.findall(r"<img [^>]*>", page):
        addresses += re.findall(r'src="([^"]+)"', tag)
        for srcset in re.findall(r'srcset="([^"]+)"', tag):
            addresses += [candidate.split()[0] for candidate in unescape(srcset).split(", ")]
    return [unescape(address) for address in addresses]


def fetch(address: str) -> bytes:
    with urllib.request.urlopen(address, timeout=5) as answer:  # noqa: S310 - the test's server
        return answer.read()


@pytest.mark.django_db
def test_public_page_images_come_from_the_bucket(
    object_storage, s3_endpoint, client, staff_client, settings
):
    s3, bucket = object_storage
    add_event_with_photo(staff_client, upload("a.jpg", image_bytes((1200, 800), "JPEG")))
    photo = Photo.objects.get()

    page = client.get(photo.event.get_absolute_url()).content.decode()

    addresses = image_addresses(page)
    assert media_origin(settings.STORAGES["default"]) == s3_endpoint
    stored = [photo.image.name, *photo.renditions.values()]
    assert sorted(set(addresses)) == sorted(f"{s3_endpoint}/{bucket}/{name}" for name in stored)
    for address in set(addresses):  # anonymous, unsigned requests, as a browser makes them
        name = address.removeprefix(f"{s3_endpoint}/{bucket}/")
        assert fetch(address) == bucket_bytes(s3, bucket, name)


@pytest.mark.django_db
def test_portrait_whose_object_is_missing_still_renders(object_storage, s3_endpoint, client):
    _, bucket = object_storage
    person = PersonFactory(name="Lost Portrait", consent_to_publish=True, photo="people/gone.jpg")

    response = client.get(person.get_absolute_url())

    assert response.status_code == 200
    assert (
        f'<img src="{s3_endpoint}/{bucket}/people/gone.jpg" alt="Ms. Lost Portrait" '
        'loading="lazy" decoding="async" class="portrait">'
    ) in response.content.decode()


# --- The same behaviour on disk and in the bucket -------------------------------------


@pytest.fixture(params=["local", "s3"])
def media(request):
    """Each test runs once with local files and once with the bucket."""
    if request.param == "s3":
        request.getfixturevalue("object_storage")
    return request.param


def stored_names(folder: str = "") -> set[str]:
    """Every name in the media storage, found through the storage alone."""
    folders, files = default_storage.listdir(folder)
    prefix = f"{folder}/" if folder else ""
    names = {prefix + name for name in files}
    for sub in folders:
        names |= stored_names(prefix + sub)
    return names


def post_portrait(staff_client, person, name, size):
    data = person_form_data(
        staff_client, person, photo=upload(name, image_bytes(size), "image/png")
    )
    response = staff_client.post(admin_url(Person, "change", person.pk), data)
    assert response.status_code == 302, errors_of(response)
    person.refresh_from_db()
    return person.photo.name, dict(person.photo_renditions)


@pytest.mark.django_db
def test_replaced_portrait_keeps_the_original_and_drops_old_renditions(
    media, staff_client, django_capture_on_commit_callbacks
):
    person = PersonFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first, first_renditions = post_portrait(staff_client, person, "a.png", (900, 900))
    with django_capture_on_commit_callbacks(execute=True):
        second, second_renditions = post_portrait(staff_client, person, "b.png", (1000, 700))

    assert sorted(second_renditions, key=int) == ["480", "960"]
    # The replaced file stays (a version in the history may still name it); its copies go.
    assert stored_names() == {first, second, *second_renditions.values()}
    assert not set(first_renditions.values()) & stored_names()


@pytest.mark.django_db
def test_deleted_photo_keeps_its_files_for_the_history(media, staff_client):
    add_event_with_photo(staff_client, upload("a.png", image_bytes((1000, 500)), "image/png"))
    photo = Photo.objects.get()
    names = {photo.image.name, *photo.renditions.values()}

    photo.delete()

    assert stored_names() == names


@pytest.mark.django_db
def test_editor_change_to_a_published_portrait_waits_in_storage(media, editor_client):
    person = PersonFactory()
    data = person_form_data(
        editor_client, person, photo=upload("new.png", image_bytes((600, 600)), "image/png")
    )

    response = editor_client.post(admin_url(Person, "change", person.pk), data)

    assert response.status_code == 302, errors_of(response)
    person.refresh_from_db()
    assert not person.photo  # not applied before review
    (waiting,) = [name for name in stored_names() if name.startswith("pending/")]
    assert re.fullmatch(r"pending/[0-9a-f]{32}/new\.png", waiting)
    with default_storage.open(waiting) as stored:
        assert Image.open(stored).size == (600, 600)


# --- Upload checks with the files in the bucket ---------------------------------------


@pytest.mark.django_db
def test_pdf_attachment_is_checked_and_stored_in_the_bucket(object_storage, staff_client):
    client, bucket = object_storage
    data = event_form_data(
        **management_form("attachments", 1),
        **attachment_row(0, upload("note.pdf", pdf_bytes(), "application/pdf")),
    )

    response = staff_client.post(admin_url(Event, "add"), data)

    assert response.status_code == 302, errors_of(response)
    attachment = Attachment.objects.get()
    assert attachment.size == len(pdf_bytes())
    assert bucket_names(client, bucket) == [attachment.file.name]
    assert bucket_bytes(client, bucket, attachment.file.name) == pdf_bytes()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            {**management_form("attachments", 1), **attachment_row(0, upload("a.pdf", b"MZ"))},
            "is named .pdf but is not a PDF",
        ),
        (
            {**management_form("photos", 1), **photo_row(0, upload("a.png", b"<svg></svg>"))},
            "SVG drawings are not accepted",
        ),
    ],
)
def test_refused_upload_writes_nothing_to_the_bucket(object_storage, staff_client, rows, message):
    client, bucket = object_storage

    response = staff_client.post(admin_url(Event, "add"), event_form_data(**rows))

    assert response.status_code == 200
    assert any(message in error for error in errors_of(response))
    assert bucket_names(client, bucket) == []


@pytest.mark.django_db
def test_record_whose_file_is_in_the_bucket_saves_again_without_a_new_upload(
    object_storage, staff_client
):
    client, bucket = object_storage
    person = PersonFactory()
    name, renditions = post_portrait(staff_client, person, "a.png", (900, 900))

    data = person_form_data(staff_client, person, position="Head of unit")
    response = staff_client.post(admin_url(Person, "change", person.pk), data)

    assert response.status_code == 302, errors_of(response)
    person.refresh_from_db()
    assert (person.position, person.photo.name, person.photo_renditions) == (
        "Head of unit",
        name,
        renditions,
    )
    assert bucket_names(client, bucket) == sorted([name, *renditions.values()])
