from django.apps import AppConfig


class PublishingConfig(AppConfig):
    """Draft and published state, roles, history and former addresses of every content model."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "ctdialogue.publishing"
    label = "publishing"
    verbose_name = "Publishing"
