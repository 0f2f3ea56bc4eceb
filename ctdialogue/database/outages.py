"""When the database cannot be reached: 503 with Retry-After and the site's own page
(JSON on the API), never a 500; the next request tries again by itself.

Django turns an exception anywhere in a request into the 500 handler; the handler asks
``is_outage()`` about the exception it is handling, and answers ``unavailable()``.
Connections are checked before reuse (``CONN_HEALTH_CHECKS``), so when the database
is back the first request after it gets a new connection, without a restart.
"""

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext

RETRY_AFTER_SECONDS = 30


def is_outage(exception) -> bool:
    """A failure to reach or use the database, not a mistake in a query."""
    return isinstance(exception, OperationalError | InterfaceError)


def unavailable(request):
    retry = str(getattr(settings, "OUTAGE_RETRY_AFTER_SECONDS", RETRY_AFTER_SECONDS))
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"error": gettext("The service is unavailable for a moment; try again shortly.")},
            status=503,
        )
    else:
        # Rendered without the request: its context would reach for the database.
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = retry
    response["Cache-Control"] = "no-store"
    return response
