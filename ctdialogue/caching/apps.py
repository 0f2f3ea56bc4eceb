from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    """Anonymous pages from a shared cache that is never stale: every write to public
    content raises one version number (database triggers), and a cached page is kept
    under the version it was made from, until the next scheduled time."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "ctdialogue.caching"
    label = "caching"
    verbose_name = _("Page cache")

    def ready(self):
        from .triggers import install_after_migrate

        # After every migrate: tables and models added since get their triggers.
        post_migrate.connect(install_after_migrate, sender=self)
