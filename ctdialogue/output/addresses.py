"""Absolute addresses of the public site, for everything read away from it: feeds,
calendar files, exports, citations and structured data."""

from django.conf import settings


def absolute(url: str) -> str:
    """``url`` on the public site (``settings.SITE_URL``); an absolute URL is kept."""
    if url.startswith(("http://", "https://", "//")):
        return url
    return f"{settings.SITE_URL}{url}"
