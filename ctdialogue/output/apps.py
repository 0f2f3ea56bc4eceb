from django.apps import AppConfig
from django.core.signals import request_finished
from django.utils.translation import gettext_lazy as _


class OutputConfig(AppConfig):
    """Exports, the open API, citations and feeds: the records read away from the site."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "ctdialogue.output"
    label = "output"
    verbose_name = _("Data output")

    def ready(self):
        from .addresses import forget_origin

        request_finished.connect(forget_origin, dispatch_uid="ctdialogue.output.addresses")
