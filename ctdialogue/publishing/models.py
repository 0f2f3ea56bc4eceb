"""Draft/published state shared by every public model, and former addresses.

An object is public when its status is "published" and its publish time has
come. Scheduling therefore needs no background job: a published object with a
publish time in the future simply is not returned by ``published()`` yet.
"""

import uuid

from django.db import models
from django.utils import timezone

# The six official languages of the United Nations, by ISO 639-1 code.
UN_LANGUAGES = [
    ("ar", "Arabic"),
    ("zh", "Chinese"),
    ("en", "English"),
    ("fr", "French"),
    ("ru", "Russian"),
    ("es", "Spanish"),
]


#: The fields that say whether, and from when, a record is public.
PUBLICATION_FIELDS = ("publication_status", "publish_at")
#: What staff edit about publication in a form: the content's language and the above.
PUBLISHING_FIELDS = ["language", *PUBLICATION_FIELDS]


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

    uid = models.UUIDField(
        "permanent identifier",
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text="Never changes, even when the name or address does.",
    )
    language = models.CharField(
        "content language",
        max_length=2,
        choices=UN_LANGUAGES,
        default="en",
        help_text="The language the texts of this record are written in.",
    )
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
        """ "draft", "scheduled" or "published", for admin columns and badges."""
        if self.publication_status == self.PublicationStatus.DRAFT:
            return "draft"
        return "published" if self.publish_at <= timezone.now() else "scheduled"


class SlugHistory(models.Model):
    """An address a record used to have: old links keep working after a rename."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    slug = models.SlugField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "former address"
        verbose_name_plural = "former addresses"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "slug"], name="slug_history_unique_per_model"
            )
        ]

    def __str__(self):
        return f"{self.content_type.model}: {self.slug}"
