"""The page cache: anonymous GET requests answered from Django's cache.

A page is stored under the content version it was made from (``version.current()``)
and read until ``version.next_change()``; any write to content makes a new version, so
a visitor never gets a page older than the content. Staff, anyone with a session and
anything that sets a cookie are never served from the cache or stored in it.

Anonymous pages say ``Cache-Control: public`` with a short ``s-maxage`` (never past the
next scheduled change) and ``stale-while-revalidate`` for a CDN in front, and carry
``ETag`` and ``Last-Modified`` (the version's time), so that
``ConditionalGetMiddleware`` answers 304. Responses to a session are ``private``.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_cache_key, learn_cache_key, patch_cache_control
from django.utils.http import http_date

from .version import current, next_change

CACHED_STATUSES = {200}
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache", "max-age=0")


@dataclass(frozen=True)
class Entry:
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    valid_until: float  # a timestamp: the next change by the clock

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response[name] = value
        return response


def excluded_paths() -> tuple[str, ...]:
    return (f"/{settings.ADMIN_URL}", "/health/", settings.MEDIA_URL, settings.STATIC_URL)


def is_cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path.startswith(excluded_paths())
    )


def is_cacheable_response(response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code in CACHED_STATUSES
        and not response.streaming
        and not response.cookies
        and not any(directive in control for directive in UNCACHEABLE_DIRECTIVES)
    )


def key_prefix(version) -> str:
    """Django's page-cache keys (``get_cache_key``/``learn_cache_key``: the address, the
    language, and the request headers the response varies on), under the version."""
    return f"caching:page:{version.key}"


def _public_headers(response, version, valid_until, now):
    """Headers that let a CDN keep the page a short while, and browsers revalidate."""
    shared = int(min(settings.PAGE_CACHE_SHARED_SECONDS, max(0, valid_until - now)))
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=shared,
        stale_while_revalidate=settings.PAGE_CACHE_STALE_SECONDS,
    )
    response["Last-Modified"] = http_date(version.changed_at.timestamp())
    if not response.has_header("ETag"):
        digest = hashlib.sha256(response.content).hexdigest()[:32]
        response["ETag"] = f'"{digest}"'


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                patch_cache_control(response, private=True)
            return response
        version = current()
        now = timezone.now().timestamp()
        key = get_cache_key(request, key_prefix(version), "GET", cache=cache)
        entry = cache.get(key) if key else None
        if entry is not None and entry.valid_until > now:
            response = entry.response()
            _public_headers(response, version, entry.valid_until, now)
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and is_cacheable_response(response):
            valid_until = next_change(version, timezone.now()).timestamp()
            _public_headers(response, version, valid_until, now)
            if valid_until > now:
                headers = tuple(
                    (name, value)
                    for name, value in response.items()
                    if name not in {"Cache-Control", "Last-Modified"}
                )
                entry = Entry(response.status_code, headers, response.content, valid_until)
                timeout = min(settings.PAGE_CACHE_SECONDS, int(valid_until - now) + 1)
                key = learn_cache_key(request, response, timeout, key_prefix(version), cache)
                cache.set(key, entry, timeout=timeout)
            response["X-Cache"] = "miss"
        return response
