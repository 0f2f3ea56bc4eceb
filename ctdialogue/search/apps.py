from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One search over all published content, and its indexes."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "ctdialogue.search"
    label = "search"
    verbose_name = _("Search")
