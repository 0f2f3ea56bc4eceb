from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyConfig(AppConfig):
    """Sanitised rich text, checked uploads and the content integrity audit."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "ctdialogue.safety"
    label = "safety"
    verbose_name = _("Content safety")
