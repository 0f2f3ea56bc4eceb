"""Draft/published state shared by every public model, and former addresses.

A record is published when its status is "published" and its publish time has come
(``published_q``, the one rule). Scheduling therefore needs no background job: a record
published with a publish time in the future is simply not returned yet.

A record is *public* when it is published and so is everything it cannot be shown
without (``public_q``): a speech needs its speaker, a participation its organisation.
Every public read goes through ``public()`` and ``with_public()``, which apply both.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

# The six official languages of the United Nations, by ISO 639-1 code.
UN_LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]


#: The fields that say whether, and from when, a record is public.
PUBLICATION_FIELDS = ("publication_status", "publish_at")
#: What staff edit about publication in a form: the content's language and the above.
PUBLISHING_FIELDS = ["language", *PUBLICATION_FIELDS]


PUBLISHED = "published"
DRAFT = "draft"


def published_q(prefix: str = "") -> Q:
    """The one rule of publication: published, and its publish time has come.

    ``prefix`` applies it across a relation ("events__"). The time is read when this is
    called, so a record scheduled for later becomes public at its time, without a job
    and without a restart.
    """
    return Q(
        **{f"{prefix}publication_status": PUBLISHED, f"{prefix}publish_at__lte": timezone.now()}
    )


def public_from(status: str, publish_at):
    """The rule of ``published_q`` as a time, for what is worked out ahead (the facet
    index): a published record is public from its publish time; a draft never (None)."""
    return publish_at if status == PUBLISHED else None


def public_q(model, prefix: str = "", known_public: tuple[str, ...] = ()) -> Q:
    """What the public may see of ``model``: published and due if it is publishable, and
    every record it cannot be shown without (``model.shown_with``) public too.

    A speech is public only with its event and its speaker, a participation only with
    its organisation (when it names one): a draft speaker attached to a published event
    stays a draft everywhere. ``known_public`` names relations the caller has already
    limited to public records (the parts of events read from a public list), so that
    the database need not join them again.
    """
    condition = published_q(prefix) if issubclass(model, Publishable) else Q()
    for name in getattr(model, "shown_with", ()):
        if name in known_public:
            continue
        field = model._meta.get_field(name)
        related = public_q(field.related_model, f"{prefix}{name}__")
        if field.null:
            related = Q(**{f"{prefix}{name}__isnull": True}) | related
        condition &= related
    return condition


def public_prefetches(model, lookups) -> list[Prefetch]:
    """Prefetches of ``lookups`` (relation names, "a__b" paths or ``Prefetch`` objects)
    that keep, at every step, only what the public may see.

    A forward relation to a record that is not public reads as None; a reverse or
    many-to-many relation leaves such records out. Given ``Prefetch`` objects keep their
    own queryset (ordering, ``only()``), narrowed to what is public.
    """
    given = {}
    for lookup in lookups:
        if isinstance(lookup, Prefetch):
            queryset = lookup.queryset
            if queryset is None:
                queryset = _related_model(model, lookup.prefetch_through)._default_manager.all()
            given[lookup.prefetch_through] = Prefetch(
                lookup.prefetch_through,
                queryset=queryset.filter(public_q(queryset.model)),
                to_attr=lookup.to_attr,
            )
    prefetches = {}
    for lookup in lookups:
        path = lookup.prefetch_through if isinstance(lookup, Prefetch) else lookup
        parts = path.split("__")
        for depth in range(1, len(parts) + 1):
            step = "__".join(parts[:depth])
            if step in prefetches:
                continue
            if step in given:
                prefetches[step] = given[step]
            else:
                related = _related_model(model, step)
                prefetches[step] = Prefetch(
                    step, queryset=related._default_manager.filter(public_q(related))
                )
    return list(prefetches.values())


def _related_model(model, path: str):
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return model


class PublicQuerySet(models.QuerySet):
    """Reads every content model shares, publishable or a part of one."""

    def public(self):
        """What the public may see (``public_q``): the only way public pages, feeds,
        exports, the API and search read records."""
        return self.filter(public_q(self.model))

    def with_public(self, *lookups):
        """Prefetch related records, keeping only the public ones (``public_prefetches``)."""
        return self.prefetch_related(*public_prefetches(self.model, lookups))


class PublishableQuerySet(PublicQuerySet):
    def published(self):
        """Published and due; for records that depend on no other, the same as ``public()``."""
        return self.filter(published_q())

    def drafts(self):
        return self.filter(publication_status=DRAFT)

    def scheduled(self):
        return self.filter(publication_status=PUBLISHED, publish_at__gt=timezone.now())

    def visible_to(self, user):
        """Everything for staff (previews), only what is public for everybody else."""
        if user is not None and user.is_active and user.is_staff:
            return self
        return self.public()


class Publishable(models.Model):
    class PublicationStatus(models.TextChoices):
        DRAFT = DRAFT, _("Draft")
        PUBLISHED = PUBLISHED, _("Published")

    uid = models.UUIDField(
        _("permanent identifier"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Never changes, even when the name or address does."),
    )
    language = models.CharField(
        _("content language"),
        max_length=2,
        choices=UN_LANGUAGES,
        default="en",
        help_text=_("The language the texts of this record are written in."),
    )
    publication_status = models.CharField(
        _("publication status"),
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
        help_text=_("Drafts are visible to staff only."),
    )
    publish_at = models.DateTimeField(
        _("publish time"),
        default=timezone.now,
        db_index=True,
        help_text=_("A published item appears on the public site from this time on."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    #: The URL name of the record's public page, and the field that addresses it.
    page_url_name = ""
    page_lookup = "slug"

    class Meta:
        abstract = True

    def __str__(self):
        """A record is called by its name; a model without one says what it is called."""
        return self.name

    def get_absolute_url(self):
        lookup = self.page_lookup
        return reverse(self.page_url_name, kwargs={lookup: getattr(self, lookup)})

    @property
    def is_published(self) -> bool:
        """``published_q`` for one record in memory: published and due."""
        return self.publication_status == PUBLISHED and self.publish_at <= timezone.now()

    @property
    def publication_state(self) -> str:
        """ "draft", "scheduled" or "published", for admin columns and badges."""
        if self.publication_status == self.PublicationStatus.DRAFT:
            return "draft"
        return "published" if self.publish_at <= timezone.now() else "scheduled"

    @property
    def publication_state_label(self) -> str:
        """The state in words, in the active language ("draft", "brouillon")."""
        return str(PUBLICATION_STATE_LABELS[self.publication_state])


PUBLICATION_STATE_LABELS = {
    "draft": pgettext_lazy("publication state", "draft"),
    "scheduled": pgettext_lazy("publication state", "scheduled"),
    "published": pgettext_lazy("publication state", "published"),
}


class SlugHistory(models.Model):
    """An address a record used to have: old links keep working after a rename."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("content type"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    slug = models.SlugField(_("slug"), max_length=255)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("former address")
        verbose_name_plural = _("former addresses")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "slug"], name="slug_history_unique_per_model"
            )
        ]

    def __str__(self):
        return f"{self.content_type.model}: {self.slug}"


class DeletedLinks(models.Model):
    """The links other records had to records deleted in one revision: what django-
    reversion does not keep. A theme's events, an event's initiatives and resolutions
    (many-to-many links declared on the other side) come back when the record is
    recovered (``publishing.history``)."""

    revision = models.OneToOneField(
        "reversion.Revision",
        verbose_name=_("revision"),
        on_delete=models.CASCADE,
        related_name="deleted_links",
    )
    #: {"events.theme:12": {"events.event.themes": [3, 5]}, ...}: for each deleted
    #: record, the records (by model, field and primary key) that linked to it.
    links = models.JSONField(_("links"), default=dict)

    class Meta:
        verbose_name = _("links of deleted records")
        verbose_name_plural = _("links of deleted records")

    def __str__(self):
        return gettext("Links kept with revision %(number)s") % {"number": self.revision_id}


def staff_member(verbose_name: str):
    """A link to the member of staff who did something; kept when the account goes."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=verbose_name,
    )


class PendingChange(models.Model):
    """A change to a published record by someone who may not publish it: kept aside,
    as the editor sent the record's change form, until a publisher approves it (now or
    at a time) or rejects it. The public keeps seeing the published version until then
    (``publishing.review``)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being edited")
        SUBMITTED = "submitted", _("Waiting for review")
        SCHEDULED = "scheduled", _("Approved, to apply later")
        APPLIED = "applied", _("Approved and applied")
        REJECTED = "rejected", _("Rejected")

    OPEN = (Status.DRAFT, Status.SUBMITTED, Status.SCHEDULED)

    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("content type"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    record_repr = models.CharField(_("record"), max_length=300)
    author = staff_member(_("author"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    #: The change form as the editor last sent it: {field name: [values]}.
    data = models.JSONField(_("data"), default=dict)
    #: Files the editor uploaded with it: {form field name: stored file name}.
    files = models.JSONField(_("files"), default=dict, blank=True)
    message = models.TextField(_("editor's note"), blank=True)
    comment = models.TextField(_("reviewer's comment"), blank=True)
    reviewer = staff_member(_("reviewer"))
    apply_at = models.DateTimeField(_("apply at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("change waiting for review")
        verbose_name_plural = _("changes waiting for review")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(status__in=["draft", "submitted", "scheduled"]),
                name="one_open_pending_change_per_record",
            )
        ]
        indexes = [models.Index(fields=["status", "apply_at"], name="pending_due_idx")]

    def __str__(self):
        return gettext("Change to %(record)s") % {"record": self.record_repr}

    @property
    def record(self):
        model = self.content_type.model_class()
        return model._base_manager.filter(pk=self.object_id).first()


class ReviewStep(models.Model):
    """One step of a pending change's review, with who and when."""

    class Action(models.TextChoices):
        SAVED = "saved", _("saved the change")
        SUBMITTED = "submitted", _("submitted it for review")
        APPROVED = "approved", _("approved it")
        SCHEDULED = "scheduled", _("approved it, to apply at its time")
        APPLIED = "applied", _("applied it")
        REJECTED = "rejected", _("rejected it")

    pending = models.ForeignKey(
        PendingChange, verbose_name=_("pending"), on_delete=models.CASCADE, related_name="steps"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    user = staff_member(_("user"))
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.user}: {self.get_action_display()}"
