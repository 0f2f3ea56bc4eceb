from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class FacetsConfig(AppConfig):
    """The read side of the events list: which theme, year, country, stakeholder kind,
    organisation, initiative and series each event counts under, and from when, kept
    beside the content so that facet counts at 100,000 events take milliseconds."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "events.facets"
    label = "facets"
    verbose_name = _("Facet index")

    def ready(self):
        from .triggers import install_after_migrate

        post_migrate.connect(install_after_migrate, sender=self)
