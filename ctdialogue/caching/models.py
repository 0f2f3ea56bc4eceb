from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """One row: a number every write to public content raises, and when it last did.

    Database triggers on every table of the content apps raise it (``triggers``), so
    no write escapes it: not a queryset ``update()``, an import, a restore, a raw SQL
    statement or a migration. Pages cached under an older number are never read again.
    """

    number = models.BigIntegerField(_("number"), default=0)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return f"content version {self.number} of {self.changed_at:%Y-%m-%d %H:%M:%S}"
