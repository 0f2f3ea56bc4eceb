"""WSGI entry point, used by gunicorn: ``gunicorn ctdialogue.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctdialogue.settings")

application = get_wsgi_application()
