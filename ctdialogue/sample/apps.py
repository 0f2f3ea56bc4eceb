from django.apps import AppConfig


class SampleConfig(AppConfig):
    """The demo content from the source article, and generated content for performance work."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "ctdialogue.sample"
    label = "sample"
    verbose_name = "Sample data"
