from django.apps import AppConfig


class CtdialogueConfig(AppConfig):
    name = "ctdialogue"
    verbose_name = "Site"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deploy check of the secret key
