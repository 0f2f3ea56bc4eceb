"""Absolute addresses of the public site, for everything read away from it: feeds,
calendar files, exports, citations, structured data, the API, the sitemap and the
pages' canonical links.

One rule, in one place: the configured public address (``settings.SITE_URL``, from
``DJANGO_SITE_URL``) when it is set; otherwise the address the current request came
to, its scheme and host (which ``ALLOWED_HOSTS`` has vetted, and behind a proxy
``X-Forwarded-Proto`` sets); with no request at all (a management command),
``NO_REQUEST``. ``RequestOriginMiddleware`` notes the request's address for the
length of the request, including a response streamed after the view returns.
"""

from contextvars import ContextVar

from django.conf import settings

#: The address used when there is neither a configured address nor a request.
NO_REQUEST = "http://localhost"

_request_origin: ContextVar[str] = ContextVar("request_origin", default="")


def origin() -> str:
    """The public site's scheme and host, without a trailing slash."""
    return settings.SITE_URL or _request_origin.get() or NO_REQUEST


def absolute(url: str) -> str:
    """``url`` on the public site; an absolute URL is kept."""
    if url.startswith(("http://", "https://", "//")):
        return url
    return f"{origin()}{url}"


class RequestOriginMiddleware:
    """Notes the address each request came to, for ``origin()``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _request_origin.set(f"{request.scheme}://{request.get_host()}")
        return self.get_response(request)


def forget_origin(**kwargs):
    """After a response, streamed or not, has been sent (``request_finished``): nothing
    outside a request reads the address of the last one."""
    _request_origin.set("")
