"""Photos, portraits and logos: only real JPEG, PNG and WebP images within the limits
are accepted, stored without their metadata, and offered in smaller renditions."""

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import ExifTags, Image

from ctdialogue.safety.images import picture_for
from ctdialogue.safety.renditions import generate_renditions
from events.models import Event, Organization, Person, Photo
from tests.admin_forms import admin_url
from tests.factories import OrganizationFactory, PersonFactory
from tests.uploads import (
    camera_exif,
    errors_of,
    event_form_data,
    form_data_of,
    image_bytes,
    management_form,
    person_form_data,
    photo_row,
    png_header_only,
    upload,
)

pytestmark = pytest.mark.django_db


def stored_image(fieldfile):
    with default_storage.open(fieldfile.name if hasattr(fieldfile, "name") else fieldfile) as f:
        image = Image.open(io.BytesIO(f.read()))
        image.load()
    return image


def add_event_with_photo(staff_client, image, **photo_fields):
    data = event_form_data(**management_form("photos", 1), **photo_row(0, image, **photo_fields))
    return staff_client.post(admin_url(Event, "add"), data)


# --- Accepted formats ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("image_format", "name", "content_type", "stored_suffix"),
    [
        ("JPEG", "workshop.jpg", "image/jpeg", ".jpg"),
        ("PNG", "workshop.png", "image/png", ".png"),
        ("WEBP", "workshop.webp", "image/webp", ".webp"),
    ],
)
def test_photo_inline_with_real_image_is_accepted(
    staff_client, image_format, name, content_type, stored_suffix
):
    data = image_bytes((120, 80), image_format)

    response = add_event_with_photo(staff_client, upload(name, data, content_type))

    assert response.status_code == 302, errors_of(response)
    photo = Photo.objects.get()
    assert Path(photo.image.name).suffix == stored_suffix
    assert (photo.width, photo.height) == (120, 80)
    assert stored_image(photo.image).format == image_format
    assert photo.alt_text == "Participants around the table"


def test_photo_upload_name_is_not_kept(staff_client):
    data = image_bytes((120, 80), "PNG")

    add_event_with_photo(staff_client, upload("../../etc/passwd name.png", data, "image/png"))

    name = Photo.objects.get().image.name
    assert name.startswith("photos/")
    assert "passwd" not in name


def test_person_change_form_with_portrait_is_accepted(staff_client):
    person = PersonFactory(name="Speaker With Portrait")
    data = person_form_data(
        staff_client,
        person,
        photo=upload("portrait.jpg", image_bytes((600, 800), "JPEG"), "image/jpeg"),
    )

    response = staff_client.post(admin_url(Person, "change", person.pk), data)

    assert response.status_code == 302, errors_of(response)
    person.refresh_from_db()
    assert stored_image(person.photo).size == (600, 800)
    assert person.photo_renditions == {"480": person.photo_renditions["480"]}
    assert stored_image(person.photo_renditions["480"]).size == (480, 640)


def test_organization_logo_is_accepted_with_transparency(staff_client):
    organization = OrganizationFactory(name="Logo Organisation")
    logo = image_bytes((1000, 400), "PNG", color=(0, 0, 0, 0), mode="RGBA")
    data = form_data_of(
        staff_client,
        admin_url(Organization, "change", organization.pk),
        logo=upload("logo.png", logo, "image/png"),
    )

    response = staff_client.post(admin_url(Organization, "change", organization.pk), data)

    assert response.status_code == 302, errors_of(response)
    organization.refresh_from_db()
    stored = stored_image(organization.logo)
    assert (stored.format, stored.mode, stored.size) == ("PNG", "RGBA", (1000, 400))
    assert sorted(organization.logo_renditions, key=int) == ["480", "960"]
    assert stored_image(organization.logo_renditions["960"]).mode == "RGBA"


# --- Metadata -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("image_format", "name"), [("JPEG", "phone.jpg"), ("PNG", "phone.png"), ("WEBP", "phone.webp")]
)
def test_photo_with_exif_and_gps_is_stored_without_them(staff_client, image_format, name):
    original = image_bytes((90, 60), image_format, color="red", exif=camera_exif())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    response = add_event_with_photo(staff_client, upload(name, original))

    assert response.status_code == 302, errors_of(response)
    photo = Photo.objects.get()
    with default_storage.open(photo.image.name) as stored_file:
        stored_bytes = stored_file.read()
    stored = Image.open(io.BytesIO(stored_bytes))
    assert dict(stored.getexif()) == {}
    assert "exif" not in stored.info
    assert "xmp" not in stored.info
    assert b"PhoneMaker" not in stored_bytes
    for rendition in photo.renditions.values():
        assert dict(stored_image(rendition).getexif()) == {}


def test_photo_turned_by_camera_is_stored_upright(staff_client):
    # Orientation 6: the camera stored a portrait photo lying on its side.
    original = image_bytes((80, 40), "JPEG", exif=camera_exif(orientation=6))

    add_event_with_photo(staff_client, upload("turned.jpg", original, "image/jpeg"))

    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (40, 80)
    assert stored_image(photo.image).size == (40, 80)


# --- Refused files --------------------------------------------------------------------

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)


@pytest.mark.parametrize(
    ("name", "data", "content_type", "message"),
    [
        pytest.param("logo.svg", SVG, "image/svg+xml", "SVG drawings are not accepted", id="svg"),
        pytest.param(
            "drawing.png", SVG, "image/png", "SVG drawings are not accepted", id="svg-renamed"
        ),
        pytest.param(
            "photo.jpg",
            b"These are my notes from the workshop, not a photo.\n" * 20,
            "image/jpeg",
            "This file is not a JPEG, PNG or WebP image",
            id="text-renamed",
        ),
        pytest.param(
            "animation.gif",
            image_bytes((20, 20), "GIF"),
            "image/gif",
            "This is a GIF image: only JPEG, PNG and WebP images are accepted.",
            id="gif",
        ),
        pytest.param(
            "broken.png",
            image_bytes((300, 300), "PNG")[:-40],
            "image/png",
            "The image is damaged or incomplete",
            id="truncated",
        ),
        pytest.param(
            "bomb.png",
            png_header_only(30000, 30000),
            "image/png",
            "The image claims more pixels than the limit of 40 megapixels allows.",
            id="bomb-error",
        ),
        pytest.param(
            "bomb.png",
            png_header_only(10000, 10000),
            "image/png",
            "The image claims more pixels than the limit of 40 megapixels allows.",
            id="bomb-warning",
        ),
        pytest.param(
            "large.png",
            png_header_only(8000, 6000),
            "image/png",
            "The image is 8000 × 6000 pixels (48.0 megapixels); the limit is 40 megapixels.",  # noqa: RUF001
            id="over-pixel-limit",
        ),
    ],
)
def test_photo_inline_with_unacceptable_file_is_refused(
    staff_client, name, data, content_type, message
):
    response = add_event_with_photo(staff_client, upload(name, data, content_type))

    assert response.status_code == 200
    assert any(message in error for error in errors_of(response)), errors_of(response)
    assert message.split(":")[0] in response.content.decode()
    assert Event.objects.count() == 0
    assert Photo.objects.count() == 0


def test_crafted_bomb_is_smaller_than_a_kilobyte():
    # The point of the bomb test: a tiny file that claims 900 megapixels.
    assert len(png_header_only(30000, 30000)) < 1024


def test_photo_over_the_byte_limit_is_refused(staff_client, settings):
    settings.UPLOAD_IMAGE_MAX_BYTES = 2048
    data = Image.effect_noise((200, 200), 64).convert("RGB")
    buffer = io.BytesIO()
    data.save(buffer, format="PNG")
    assert len(buffer.getvalue()) > 2048

    response = add_event_with_photo(staff_client, upload("big.png", buffer.getvalue()))

    assert response.status_code == 200
    errors = errors_of(response)
    # filesizeformat joins number and unit with a no-break space.
    assert errors == ["The file is 101.6\xa0KB; an image can be at most 2.0\xa0KB."]
    assert Photo.objects.count() == 0


def test_portrait_that_is_not_an_image_is_refused_on_the_person_form(staff_client):
    person = PersonFactory()
    data = person_form_data(
        staff_client, person, photo=upload("me.jpg", b"%PDF-1.4 not a photo", "image/jpeg")
    )

    response = staff_client.post(admin_url(Person, "change", person.pk), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["photo"] == [
        "This file is not a JPEG, PNG or WebP image (a file of another kind renamed to "
        "“me.jpg” perhaps). Upload a photo in one of these formats."
    ]
    person.refresh_from_db()
    assert not person.photo


# --- Alternative text -------------------------------------------------------------------


def test_photo_without_alt_text_is_refused_with_a_message(staff_client):
    image = upload("photo.png", image_bytes((50, 50)), "image/png")

    response = add_event_with_photo(staff_client, image, alt_text="")

    assert response.status_code == 200
    assert errors_of(response) == [
        "Describe what the photo shows, for people who cannot see it; or tick "
        "“Is decorative” if it adds nothing a reader would miss."
    ]
    assert Photo.objects.count() == 0


def test_decorative_photo_without_alt_text_is_accepted(staff_client):
    image = upload("photo.png", image_bytes((50, 50)), "image/png")

    response = add_event_with_photo(staff_client, image, alt_text="", is_decorative="on")

    assert response.status_code == 302, errors_of(response)
    assert Photo.objects.get().is_decorative is True


# --- Renditions -------------------------------------------------------------------------


def test_renditions_are_made_at_each_width_below_the_original(staff_client):
    image = upload("wide.jpg", image_bytes((2000, 1000), "JPEG"), "image/jpeg")

    add_event_with_photo(staff_client, image)

    photo = Photo.objects.get()
    assert sorted(photo.renditions, key=int) == ["480", "960", "1600"]
    for width, name in photo.renditions.items():
        assert default_storage.exists(name)
        rendition = stored_image(name)
        assert rendition.format == "WEBP"
        assert rendition.size == (int(width), int(width) // 2)


def test_renditions_are_never_wider_than_the_original(staff_client):
    image = upload("medium.png", image_bytes((1200, 800)), "image/png")

    add_event_with_photo(staff_client, image)

    photo = Photo.objects.get()
    assert sorted(photo.renditions, key=int) == ["480", "960"]
    assert max(stored_image(name).width for name in photo.renditions.values()) == 960


def test_small_photo_has_no_renditions(staff_client):
    add_event_with_photo(staff_client, upload("small.png", image_bytes((300, 200)), "image/png"))

    assert Photo.objects.get().renditions == {}


def test_generate_renditions_a_second_time_writes_nothing(staff_client):
    add_event_with_photo(staff_client, upload("a.png", image_bytes((1000, 500)), "image/png"))
    photo = Photo.objects.get()
    path = Path(default_storage.path(photo.renditions["480"]))
    before = path.stat().st_mtime_ns

    assert (
        generate_renditions(photo, image_field="image", renditions_field="renditions")
        == photo.renditions
    )

    assert path.stat().st_mtime_ns == before


def test_replaced_portrait_gets_new_renditions_and_old_ones_go(
    staff_client, django_capture_on_commit_callbacks
):
    person = PersonFactory()
    first = person_form_data(
        staff_client, person, photo=upload("a.png", image_bytes((900, 900)), "image/png")
    )
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(admin_url(Person, "change", person.pk), first)
    person.refresh_from_db()
    old = person.photo_renditions["480"]

    second = person_form_data(
        staff_client, person, photo=upload("b.png", image_bytes((700, 700)), "image/png")
    )
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(admin_url(Person, "change", person.pk), second)

    person.refresh_from_db()
    assert person.photo_renditions["480"] != old
    assert default_storage.exists(person.photo_renditions["480"])
    assert not default_storage.exists(old)


# --- Public pages ------------------------------------------------------------------------


def test_event_page_offers_renditions_in_srcset_with_intrinsic_size(client, staff_client):
    add_event_with_photo(staff_client, upload("a.jpg", image_bytes((1200, 800), "JPEG")))
    photo = Photo.objects.get()

    page = client.get(photo.event.get_absolute_url()).content.decode()

    url = default_storage.url
    srcset = (
        f"{url(photo.renditions['480'])} 480w, {url(photo.renditions['960'])} 960w, "
        f"{photo.image.url} 1200w"
    )
    # The first photo of the gallery is seen as the page opens: it is not loaded lazily.
    assert (
        f'<img src="{url(photo.renditions["960"])}" srcset="{srcset}" '
        f'sizes="(min-width: 72rem) 17rem, (min-width: 36rem) 33vw, 50vw" '
        f'width="1200" height="800" alt="Participants around the table" '
        f'decoding="async">'
    ) in page


def test_event_page_gives_decorative_photo_an_empty_alt(client, staff_client):
    image = upload("a.png", image_bytes((100, 50)), "image/png")
    add_event_with_photo(staff_client, image, alt_text="", is_decorative="on")
    photo = Photo.objects.get()

    page = client.get(photo.event.get_absolute_url()).content.decode()

    assert f'<img src="{photo.image.url}" width="100" height="50" alt="" decoding="async"' in page


def test_image_size_is_read_from_the_file_once(db):
    name = default_storage.save("people/portrait.png", ContentFile(image_bytes((40, 30))))
    person = PersonFactory(photo=name)
    assert picture_for(person.photo, {}).width == 40
    default_storage.delete(name)

    again = picture_for(Person.objects.get(pk=person.pk).photo, {})  # a new request's record

    assert (again.width, again.height) == (40, 30)


def test_person_page_portrait_whose_file_is_missing_still_renders(client):
    person = PersonFactory(name="Lost Portrait", consent_to_publish=True, photo="people/gone.jpg")

    response = client.get(person.get_absolute_url())

    assert response.status_code == 200
    assert (
        '<img src="/media/people/gone.jpg" alt="Ms. Lost Portrait" loading="lazy" '
        'decoding="async" class="portrait">'
    ) in response.content.decode()


def test_organization_page_shows_the_logo(client):
    organization = OrganizationFactory()
    organization.logo.save("logo.png", ContentFile(image_bytes((200, 100))), save=True)

    page = client.get(organization.get_absolute_url()).content.decode()

    assert (
        f'<img src="{organization.logo.url}" width="200" height="100" alt="" loading="lazy" '
        'decoding="async" class="logo">'
    ) in page
