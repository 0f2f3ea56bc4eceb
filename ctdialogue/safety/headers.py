"""Response headers that tell the browser what a page may do.

``Content-Security-Policy`` comes from django-csp: ``settings.CONTENT_SECURITY_POLICY``
for every page, ``settings.ADMIN_CONTENT_SECURITY_POLICY`` under ``settings.ADMIN_URL``,
and a view may still widen or replace its own with django-csp's decorators (the API's
documentation page does). When uploads are served from another origin (a bucket of
object storage, or an absolute ``MEDIA_URL``), that origin is added to ``img-src``.

``Permissions-Policy`` refuses the browser features named in
``settings.PERMISSIONS_POLICY`` (a feature with an empty list is allowed nowhere).
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


def media_origin() -> str | None:
    """The origin uploads are served from, when it is not this site's: the object
    store's (``settings.MEDIA_ORIGIN``, from ``DJANGO_STORAGE_URL``), or that of an
    absolute ``MEDIA_URL``."""
    if settings.MEDIA_ORIGIN:
        return settings.MEDIA_ORIGIN
    parts = urlsplit(settings.MEDIA_URL)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def is_admin_path(path: str) -> bool:
    return path.startswith(f"/{settings.ADMIN_URL}")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under the admin's address."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        origin = media_origin()
        if origin:
            parts.update = {**(parts.update or {}), "img-src": [origin]}
        return parts


def permissions_policy(features: dict[str, list[str]]) -> str:
    """``{"camera": [], "fullscreen": ["self"]}`` -> ``camera=(), fullscreen=(self)``."""
    return ", ".join(f"{name}=({' '.join(allowed)})" for name, allowed in features.items())


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        header = permissions_policy(settings.PERMISSIONS_POLICY)
        if header:
            response.headers.setdefault("Permissions-Policy", header)
        return response
