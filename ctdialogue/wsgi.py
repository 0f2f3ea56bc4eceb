"""WSGI entry point, used by gunicorn: ``gunicorn ctdialogue.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

from ctdialogue.checks import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctdialogue.settings")

application = get_wsgi_application()

# Fail at start, saying what to do, rather than at the first signed cookie.
require_secret_key()
