from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResolutionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "resolutions"
    verbose_name = _("Security Council resolutions")
