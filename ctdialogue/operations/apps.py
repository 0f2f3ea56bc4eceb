from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the site: where media are stored, backup and restore."""

    name = "ctdialogue.operations"
    label = "operations"
    verbose_name = _("Operations")
