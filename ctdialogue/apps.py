from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class CtdialogueConfig(AppConfig):
    name = "ctdialogue"
    verbose_name = "Site"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deploy check of the secret key


class StaffAdminConfig(AdminConfig):
    """Django's admin, served by the staff site (optional two-factor login)."""

    default_site = "ctdialogue.staff_site.StaffAdminSite"
