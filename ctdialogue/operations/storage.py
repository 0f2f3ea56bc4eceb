"""Where uploads live: local files under MEDIA_ROOT, or an S3-compatible bucket.

``media_storage(url)`` turns the one variable ``DJANGO_STORAGE_URL`` into the
``STORAGES["default"]`` entry settings.py uses; an empty value keeps local files. Every
read and write of media (uploads, renditions, files waiting for review) goes through
``default_storage`` or a field's storage, so the same code runs on both.

    s3://BUCKET[/PREFIX]?endpoint_url=URL&region=REGION&custom_domain=HOST&acl=ACL
        &addressing_style=path|virtual

Objects are public and their addresses unsigned: the site publishes its photos, and a
page held in the cache must not carry an address that expires. Drafts are protected by
their names instead: every upload is named with a random UUID (``events.models
.upload_path``; renditions and files waiting for review share it), so the bucket must
allow anonymous ``GetObject`` but never ``ListBucket``. Credentials are not part of the
URL: boto3 reads them from ``AWS_ACCESS_KEY_ID`` and ``AWS_SECRET_ACCESS_KEY`` or from
the machine's role, as everywhere else on AWS.
"""

from urllib.parse import parse_qsl, urlsplit

from django.core.exceptions import ImproperlyConfigured

LOCAL = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
S3_BACKEND = "storages.backends.s3.S3Storage"

#: Query parameters of DJANGO_STORAGE_URL -> S3Storage options.
PARAMETERS = {
    "endpoint_url": "endpoint_url",
    "region": "region_name",
    "custom_domain": "custom_domain",
    "acl": "default_acl",
    "addressing_style": "addressing_style",
}

#: Upload names are random and never reused, so a copy may be kept for a year.
CACHE_CONTROL = "public, max-age=31536000, immutable"


def media_storage(url: str) -> dict:
    """The ``STORAGES["default"]`` entry for ``url`` (empty: local files)."""
    url = (url or "").strip()
    if not url:
        return dict(LOCAL)
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.hostname:
        raise ImproperlyConfigured(
            f"DJANGO_STORAGE_URL must look like s3://bucket?endpoint_url=..., not {url!r}."
        )
    if parts.username or parts.password:
        raise ImproperlyConfigured(
            "DJANGO_STORAGE_URL must not hold credentials: set AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY instead."
        )
    query = dict(parse_qsl(parts.query))
    unknown = sorted(set(query) - set(PARAMETERS))
    if unknown:
        allowed = ", ".join(PARAMETERS)
        raise ImproperlyConfigured(
            f"DJANGO_STORAGE_URL has unknown parameters {', '.join(unknown)}; it accepts {allowed}."
        )
    options = {
        "bucket_name": parts.netloc,
        "location": parts.path.strip("/"),
        "querystring_auth": False,  # public, unsigned addresses (see above)
        "file_overwrite": False,  # as on disk: a name in use gets a new one
        "object_parameters": {"CacheControl": CACHE_CONTROL},
    }
    options.update({PARAMETERS[key]: value for key, value in query.items() if value})
    if options.get("endpoint_url"):
        # MinIO and most S3-compatible servers answer at one address for every bucket.
        options.setdefault("addressing_style", "path")
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}


def media_origin(storage_setting: dict) -> str:
    """The origin media addresses start with ("" for the site's own /media/): what a
    Content-Security-Policy's img-src must allow."""
    if storage_setting.get("BACKEND") != S3_BACKEND:
        return ""
    options = storage_setting["OPTIONS"]
    if options.get("custom_domain"):
        return f"https://{options['custom_domain']}"
    if options.get("endpoint_url"):
        parts = urlsplit(options["endpoint_url"])
        return f"{parts.scheme}://{parts.netloc}"
    region = options.get("region_name")
    host = f"s3.{region}.amazonaws.com" if region else "s3.amazonaws.com"
    return f"https://{options['bucket_name']}.{host}"
