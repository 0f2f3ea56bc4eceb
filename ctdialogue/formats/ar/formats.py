"""Arabic: Django's formats, and a date with its time (Django has none for Arabic)."""

from django.conf.locale.ar.formats import *  # noqa: F403

DATETIME_FORMAT = "j F، Y، H:i"
