"""Uploaded images: checked with Pillow, stripped of their metadata, shown responsively.

``clean_uploaded_image()`` is the one gate every photo, portrait and logo passes
through in a form: it accepts only real JPEG, PNG and WebP files within the size and
pixel limits, and returns a re-encoded copy without EXIF, GPS, XMP or text chunks
(the orientation the camera recorded is applied to the pixels first).
``make_renditions()`` writes the smaller copies the public pages offer in ``srcset``;
``ctdialogue.safety.renditions.generate_renditions()`` decides when.
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow's format name -> the format we store it in and the file extension.
# Phones save many photos as MPO (a JPEG with extra frames): stored as JPEG.
ACCEPTED_FORMATS = {
    "JPEG": ("JPEG", ".jpg"),
    "MPO": ("JPEG", ".jpg"),
    "PNG": ("PNG", ".png"),
    "WEBP": ("WEBP", ".webp"),
}
ACCEPTED_CONTENT_TYPES = "image/jpeg,image/png,image/webp"

# Colour data kept when re-encoding; everything else in ``Image.info`` (EXIF, XMP,
# PNG text chunks, comments) is left behind.
KEPT_INFO = ("icc_profile", "transparency")

MESSAGES = {
    "too_big": _("The file is {size}; an image can be at most {limit}."),
    "empty": _("The file is empty."),
    "svg": _("SVG drawings are not accepted: upload the picture as a JPEG, PNG or WebP file."),
    "not_image": _(
        "This file is not a JPEG, PNG or WebP image (a file of another kind renamed to "
        "“{name}” perhaps). Upload a photo in one of these formats."
    ),
    "format": _("This is a {format} image: only JPEG, PNG and WebP images are accepted."),
    "damaged": _(
        "The image is damaged or incomplete: open it in an image editor and save it again."
    ),
    "too_many_pixels": _(
        "The image is {width} × {height} pixels ({megapixels} megapixels); the limit is "  # noqa: RUF001
        "{limit} megapixels. Make it smaller and upload it again."
    ),
    "bomb": _(
        "The image claims more pixels than the limit of {limit} megapixels allows. "
        "Make it smaller and upload it again."
    ),
}


def _error(code: str, **params) -> ValidationError:
    return ValidationError(str(MESSAGES[code]).format(**params), code=code)


def _looks_like_svg(head: bytes, name: str) -> bool:
    if PurePath(name).suffix.lower() in {".svg", ".svgz"}:
        return True
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<?xml", b"<svg")) or b"<svg" in text[:1024]


def _open(data: bytes) -> Image.Image:
    """Open ``data`` lazily, reading the header only; a decompression bomb, whether
    Pillow calls it an error or a warning, is refused."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return Image.open(io.BytesIO(data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _error("bomb", limit=settings.UPLOAD_IMAGE_MAX_PIXELS // 1_000_000) from error


def check_image(data: bytes, name: str = "") -> str:
    """The stored format ("JPEG", "PNG" or "WEBP") of ``data``, or a ValidationError
    saying in words why it is refused. Nothing is decoded before the size and the
    pixel count from the header are known to be within the limits."""
    limit = settings.UPLOAD_IMAGE_MAX_BYTES
    if len(data) > limit:
        raise _error("too_big", size=filesizeformat(len(data)), limit=filesizeformat(limit))
    if not data:
        raise _error("empty")
    if _looks_like_svg(data[:2048], name):
        raise _error("svg")
    try:
        image = _open(data)
    except UnidentifiedImageError as error:
        raise _error("not_image", name=PurePath(name).name or "image") from error
    if image.format not in ACCEPTED_FORMATS:
        raise _error("format", format=image.format)
    width, height = image.size
    max_pixels = settings.UPLOAD_IMAGE_MAX_PIXELS
    if width * height > max_pixels:
        raise _error(
            "too_many_pixels",
            width=width,
            height=height,
            megapixels=round(width * height / 1_000_000, 1),
            limit=max_pixels // 1_000_000,
        )
    try:
        image.verify()
    except Exception as error:
        raise _error("damaged") from error
    return ACCEPTED_FORMATS[image.format][0]


def _load(data: bytes) -> Image.Image:
    """Decode every pixel of an image ``check_image()`` accepted."""
    image = _open(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _error("bomb", limit=settings.UPLOAD_IMAGE_MAX_PIXELS // 1_000_000) from error
        except (OSError, SyntaxError, ValueError) as error:
            raise _error("damaged") from error
    return image


def _without_metadata(image: Image.Image) -> Image.Image:
    """The pixels, turned the way the camera meant, with only colour data kept."""
    kept = {key: image.info[key] for key in KEPT_INFO if key in image.info}
    upright = ImageOps.exif_transpose(image)  # always a new image, never ``image``
    upright.info = kept
    return upright


def _for_screen(image: Image.Image) -> Image.Image:
    """RGB, or RGBA where the image has transparency: what resizing and WebP need."""
    if image.mode in {"RGB", "RGBA"}:
        return image
    return image.convert("RGBA" if image.has_transparency_data else "RGB")


def _encode(image: Image.Image, image_format: str) -> bytes:
    options = {key: image.info[key] for key in KEPT_INFO if key in image.info}
    if image_format == "JPEG":
        options.pop("transparency", None)
        if image.mode not in {"RGB", "L", "CMYK"}:
            image = image.convert("RGB")
        options.update(quality=90, optimize=True)
    elif image_format == "WEBP":
        options.pop("transparency", None)
        image = _for_screen(image)
        options.update(quality=90)
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def clean_uploaded_image(upload) -> ContentFile:
    """A metadata-free copy of an accepted upload, named by its real format."""
    name = getattr(upload, "name", "") or ""
    if upload.size > settings.UPLOAD_IMAGE_MAX_BYTES:
        # Refused before reading a byte of it into memory.
        limit = settings.UPLOAD_IMAGE_MAX_BYTES
        raise _error("too_big", size=filesizeformat(upload.size), limit=filesizeformat(limit))
    upload.seek(0)
    data = upload.read()
    image_format = check_image(data, name)
    clean = _without_metadata(_load(data))
    extension = next(ext for fmt, ext in ACCEPTED_FORMATS.values() if fmt == image_format)
    return ContentFile(_encode(clean, image_format), name=f"image{extension}")


# --- Renditions -------------------------------------------------------------


def rendition_name(source_name: str, width: int) -> str:
    """ "photos/2018/01/ab12.jpg" -> "photos/2018/01/ab12-480w.webp"."""
    path = PurePath(source_name)
    return str(path.with_name(f"{path.stem}-{width}w.webp"))


def planned_renditions(source_name: str, source_width: int) -> dict[str, str]:
    """{width: storage name} for every configured width smaller than the source:
    a rendition is never larger than what was uploaded."""
    return {
        str(width): rendition_name(source_name, width)
        for width in sorted(settings.IMAGE_RENDITION_WIDTHS)
        if width < source_width
    }


def make_renditions(fieldfile, storage=default_storage) -> dict[str, str]:
    """Write a WebP copy of ``fieldfile`` at each planned width; {width: name}."""
    fieldfile.open("rb")
    try:
        data = fieldfile.read()
    finally:
        fieldfile.close()
    image = _for_screen(_without_metadata(_load(data)))
    planned = planned_renditions(fieldfile.name, image.width)
    for width, name in planned.items():
        height = max(1, round(image.height * int(width) / image.width))
        resized = image.resize((int(width), height), Image.Resampling.LANCZOS)
        if storage.exists(name):
            storage.delete(name)
        storage.save(name, ContentFile(_encode(resized, "WEBP")))
    return planned


def delete_renditions(renditions: dict[str, str], storage=default_storage) -> None:
    for name in renditions.values():
        if storage.exists(name):
            storage.delete(name)


@dataclass(frozen=True)
class Picture:
    """What ``includes/_picture.html`` needs to draw one responsive image."""

    src: str
    srcset: str
    width: int | None
    height: int | None


def image_size(fieldfile) -> tuple[int | None, int | None]:
    """The width and height in ``fieldfile``'s header, kept in the cache under the
    file's name (an upload never reuses a name): reading a header from a bucket
    downloads the whole file, for every portrait of a list of speakers."""
    key = f"image-size:{fieldfile.storage.__class__.__name__}:{fieldfile.name}"
    size = cache.get(key)
    if size is None:
        try:
            size = (fieldfile.width, fieldfile.height)
        except (OSError, ValueError, TypeError):
            return None, None  # a missing file is looked for again next time
        cache.set(key, size, timeout=None)
    return tuple(size)


def picture_for(fieldfile, renditions: dict, width=None, height=None, storage=default_storage):
    """The ``src``, ``srcset`` and intrinsic size of ``fieldfile`` and its renditions.

    ``width`` and ``height`` are the stored dimensions where the model keeps them;
    otherwise they are read from the file's header (no decoding), once per file."""
    if not fieldfile:
        return None
    if not (width and height):
        width, height = image_size(fieldfile)
    candidates = sorted(
        ((int(w), storage.url(name)) for w, name in (renditions or {}).items()),
        key=lambda candidate: candidate[0],
    )
    original = fieldfile.url
    if width and all(w < width for w, _ in candidates):
        candidates.append((width, original))
    srcset = ", ".join(f"{url} {w}w" for w, url in candidates) if len(candidates) > 1 else ""
    # The fallback for browsers without srcset: a middle-sized copy when there is one.
    middle = [url for w, url in candidates if w >= 960]
    src = middle[0] if middle else (candidates[-1][1] if candidates else original)
    return Picture(src=src, srcset=srcset, width=width, height=height)
