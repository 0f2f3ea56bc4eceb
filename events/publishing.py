"""Draft/published state shared by every public model.

An object is public when its status is "published" and its publish time has
come. Scheduling therefore needs no background job: a published object with a
publish time in the future simply is not returned by ``published()`` yet.
"""

from django.db import models
from django.utils import timezone


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(
            publication_status=Publishable.PublicationStatus.PUBLISHED,
            publish_at__lte=timezone.now(),
        )

    def drafts(self):
        return self.filter(publication_status=Publishable.PublicationStatus.DRAFT)

    def scheduled(self):
        return self.filter(
            publication_status=Publishable.PublicationStatus.PUBLISHED,
            publish_at__gt=timezone.now(),
        )

    def visible_to(self, user):
        """Everything for staff (previews), only what is public for everybody else."""
        if user is not None and user.is_active and user.is_staff:
            return self
        return self.published()


class Publishable(models.Model):
    class PublicationStatus(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    publication_status = models.CharField(
        "publication status",
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
        help_text="Drafts are visible to staff only.",
    )
    publish_at = models.DateTimeField(
        "publish time",
        default=timezone.now,
        db_index=True,
        help_text="A published item appears on the public site from this time on.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return (
            self.publication_status == self.PublicationStatus.PUBLISHED
            and self.publish_at <= timezone.now()
        )

    @property
    def publication_state(self) -> str:
        """"draft", "scheduled" or "published", for admin columns and badges."""
        if self.publication_status == self.PublicationStatus.DRAFT:
            return "draft"
        return "published" if self.publish_at <= timezone.now() else "scheduled"
