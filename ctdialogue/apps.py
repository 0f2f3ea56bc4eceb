from django.apps import AppConfig


class CtdialogueConfig(AppConfig):
    name = "ctdialogue"
    verbose_name = "Site"
