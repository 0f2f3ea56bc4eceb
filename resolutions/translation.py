"""The texts of a resolution that may be written in each language (see
ctdialogue.translations)."""

from ctdialogue.translations.registry import register

from .models import Resolution

register(Resolution, ("title", "official_title", "agenda_item", "summary"))
