"""ASGI entry point, for servers that speak ASGI."""

import os

from django.core.asgi import get_asgi_application

from ctdialogue.checks import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctdialogue.settings")

application = get_asgi_application()

# Fail at start, saying what to do, rather than at the first signed cookie.
require_secret_key()
