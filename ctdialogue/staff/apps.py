from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """Staff accounts: the admin site's login with two-factor sign-in."""

    default = True
    name = "ctdialogue.staff"
    label = "staff"
    verbose_name = _("Staff accounts")


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin, served by the staff site (two-factor login, see two_factor.py)."""

    default = False

    default_site = "ctdialogue.staff.site.StaffAdminSite"
