from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """Draft and published state, roles, history and former addresses of every content model."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "ctdialogue.publishing"
    label = "publishing"
    verbose_name = _("Publishing")
