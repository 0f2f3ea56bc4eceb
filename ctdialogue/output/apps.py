from django.apps import AppConfig


class OutputConfig(AppConfig):
    """Exports, the open API, citations and feeds: the records read away from the site."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "ctdialogue.output"
    label = "output"
    verbose_name = "Data output"
