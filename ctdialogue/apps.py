from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CtdialogueConfig(AppConfig):
    name = "ctdialogue"
    verbose_name = _("Site")

    def ready(self):
        from . import checks  # noqa: F401 - registers the deploy check of the secret key
