"""Publishing workflow: who may publish, and the writes that publish or withdraw.

Two roles (groups created by the migration ``publishing/0001_editor_and_publisher_roles``):

- **Editor** creates and changes content; whatever an editor saves stays as it was
  published or not, and what an editor creates is a draft.
- **Publisher** may also publish, schedule, unpublish and delete published content.

Publishing is a permission per publishable model, ``<app>.publish_<model>``, created by
the same migration (the models declare no custom permissions of their own).

Publishing runs the content-integrity audit (``ctdialogue.safety.integrity``) over the
record and its parts: a finding blocks publication unless a publisher overrides it with
a reason, which is recorded in the history.

Scheduling needs no background job: an object published with a future publish time is
simply not returned by ``published()`` until then.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import pluralize
from django.utils import timezone

from ctdialogue.safety.integrity import ERROR, check_object

from . import history
from .models import DRAFT, PUBLISHED


def publish_permission(model) -> str:
    """ "events.publish_event": the permission that lets a user publish ``model``."""
    opts = model._meta
    return f"{opts.app_label}.publish_{opts.model_name}"


def can_publish(user, model) -> bool:
    return user.is_active and user.has_perm(publish_permission(model))


def is_draft(obj) -> bool:
    """True only for drafts: a scheduled object is published, just not yet visible."""
    return obj.publication_status == DRAFT


class PublicationBlocked(ValidationError):
    """The content check found something in a record about to be published."""

    def __init__(self, obj, findings):
        self.findings = findings
        listed = "; ".join(str(finding) for finding in findings[:3])
        more = f" and {len(findings) - 3} more" if len(findings) > 3 else ""
        super().__init__(
            f"the content check found {len(findings)} problem{pluralize(len(findings))} "
            f"in “{obj}”: {listed}{more}",
            code="content_findings",
        )


def content_findings(obj) -> list:
    """What the integrity audit finds in ``obj`` and the parts shown with it (an
    event's speeches, participants, photos and documents), errors only."""
    records = [obj]
    for relation in history.FOLLOWED.get(type(obj), ()):
        records += list(getattr(obj, relation).all())
    return [
        finding
        for record in records
        for finding in check_object(record)
        if finding.severity == ERROR
    ]


@transaction.atomic
def publish(obj, *, at: datetime.datetime | None = None, override: str = ""):
    """Publish ``obj`` now, or from ``at`` when given (scheduling).

    An object already public stays public from its original time unless ``at`` is
    given. The object is validated first: what cannot be saved cannot be published;
    and what the content check finds blocks it (``PublicationBlocked``) unless a
    publisher gives the reason to ``override`` it, which the caller records.
    """
    findings = content_findings(obj)
    if findings and not override.strip():
        raise PublicationBlocked(obj, findings)
    now = timezone.now()
    if at is not None:
        obj.publish_at = at
    elif not (obj.publication_status == PUBLISHED and obj.publish_at <= now):
        obj.publish_at = now
    obj.publication_status = PUBLISHED
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def unpublish(obj):
    """Take ``obj`` off the public site: back to draft, publish time kept."""
    obj.publication_status = DRAFT
    obj.full_clean()
    obj.save()
    return obj
