from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: where media are stored, backup and restore."""

    name = "ctdialogue.operations"
    label = "operations"
    verbose_name = "Operations"
