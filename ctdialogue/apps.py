from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class CtdialogueConfig(AppConfig):
    name = "ctdialogue"
    verbose_name = "Site"


class StaffAdminConfig(AdminConfig):
    """Django's admin, served by the staff site (optional two-factor login)."""

    default_site = "ctdialogue.staff_site.StaffAdminSite"
