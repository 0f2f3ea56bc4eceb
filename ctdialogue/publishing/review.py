"""Review of changes to published content.

Someone without the publish permission who changes a published record (its fields or
its parts: an event's speakers, participants, photos, documents) does not change it:
the change form they sent is kept as a ``PendingChange`` and the public keeps seeing
the published version. The editor previews the pending version as the public would
see it, goes on editing it, and submits it for review with a note. A publisher
compares it field by field with the live version and approves it (applied at once,
or at a chosen time, with no background job: ``apply_due`` runs at the start of a
request once the time has come) or rejects it with a comment the editor sees. Every
step is a ``ReviewStep`` with who and when, and staff are told by email.

A pending change is applied the way the admin saves a change form (``replay``), so
every rule of the form holds: validation, content checks, history, former addresses.
"""

import copy
import mimetypes
import uuid

import reversion
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages.storage.base import BaseStorage
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.forms.formsets import all_valid
from django.http import HttpRequest, QueryDict
from django.urls import resolve
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext

from .history import format_datetime, snapshot, version_token
from .models import PUBLISHED, PendingChange, Publishable, ReviewStep
from .workflow import PublicationBlocked, can_publish, content_findings, publish_permission

EDIT_VERSION = "edit_version"
Status = PendingChange.Status
Action = ReviewStep.Action

#: The cache key holding the time of the next scheduled approval, so that requests
#: need no query to know nothing is due.
NEXT_DUE_KEY = "publishing:next-due"
NOTHING_DUE = "none"


def needs_review(user, obj) -> bool:
    """Whether a change ``user`` makes to ``obj`` must wait for a publisher."""
    return (
        isinstance(obj, Publishable)
        and obj.pk is not None
        and obj.publication_status == PUBLISHED
        and not can_publish(user, type(obj))
    )


def changes_to(obj):
    return PendingChange.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("author", "reviewer")


def steps_for(model, object_id) -> list[ReviewStep]:
    """Every step of the review of changes to a record, newest first, for its history."""
    steps = ReviewStep.objects.filter(
        pending__content_type=ContentType.objects.get_for_model(model),
        pending__object_id=object_id,
    )
    return list(steps.select_related("user").order_by("-at", "-pk"))


def open_change(obj) -> PendingChange | None:
    """The change to ``obj`` being edited, waiting for review or scheduled, if any."""
    return changes_to(obj).filter(status__in=PendingChange.OPEN).first()


def last_rejection(obj) -> PendingChange | None:
    return changes_to(obj).filter(status=Status.REJECTED).first()


# --- Files the editor uploaded ----------------------------------------------------


def store_uploads(files: MultiValueDict) -> dict[str, str]:
    """Keep the uploaded files of a pending change aside: {form field: stored name}."""
    return {
        key: default_storage.save(f"pending/{uuid.uuid4().hex}/{upload.name}", upload)
        for key, upload in files.items()
    }


def open_uploads(names: dict[str, str]) -> MultiValueDict:
    uploads = MultiValueDict()
    for key, name in names.items():
        if default_storage.exists(name):
            with default_storage.open(name) as stored:
                content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
                uploads[key] = SimpleUploadedFile(
                    name.rsplit("/", 1)[-1], stored.read(), content_type
                )
    return uploads


# --- Applying a change as the admin's change form would ---------------------------


def form_request(user, data: dict, files: dict[str, str]) -> HttpRequest:
    """A request carrying a pending change's form, for ``user``'s permissions."""
    request = HttpRequest()
    request.method = "POST"
    request.user = user
    request.POST = QueryDict(mutable=True)
    for key, values in data.items():
        request.POST.setlist(key, values)
    request.FILES = open_uploads(files)
    request.editorial_replay = True
    request._messages = BaseStorage(request)  # what the admin says while saving is not shown
    return request


def with_current_version(data: dict, obj) -> dict:
    """The form data with the version of the live record: a pending change is checked
    against the live record when it is reviewed, not when it is replayed."""
    return {**data, EDIT_VERSION: [version_token(obj.updated_at)]}


def replay(pending: PendingChange, *, user):
    """Save ``pending`` to its record through the record's admin form and inline
    forms, as ``pending``'s author would. Raises ValidationError when the form no
    longer validates. Call inside a transaction."""
    obj = type(pending.record)._base_manager.select_for_update().get(pk=pending.object_id)
    model_admin = admin.site._registry[type(obj)]
    request = form_request(
        pending.author or user, with_current_version(pending.data, obj), pending.files
    )
    fields = flatten_fieldsets(model_admin.get_fieldsets(request, obj))
    form = model_admin.get_form(request, obj, change=True, fields=fields)(
        request.POST, request.FILES, instance=obj
    )
    formsets, _inlines = model_admin._create_formsets(request, obj, change=True)
    form_valid = form.is_valid()
    if not (all_valid(formsets) and form_valid):
        errors = [*form.non_field_errors(), *(f"{k}: {v[0]}" for k, v in form.errors.items())]
        raise ValidationError(
            gettext("The change no longer fits the record: %(errors)s")
            % {"errors": "; ".join(errors)}
        )
    saved = model_admin.save_form(request, form, change=True)
    model_admin.save_model(request, saved, form, change=True)
    model_admin.save_related(request, form, formsets, change=True)
    return saved


def trial(pending: PendingChange, *, user, then):
    """``then(record)`` with ``pending`` applied, in a transaction that is rolled back:
    nothing is saved. For previews and comparisons."""
    with transaction.atomic():
        record = replay(pending, user=user)
        result = then(record)
        transaction.set_rollback(True)
    return result


def proposed_snapshot(pending: PendingChange, *, user) -> dict:
    return trial(pending, user=user, then=snapshot)


def preview(pending: PendingChange, request):
    """The public page of the record with ``pending`` applied, rendered as a visitor
    (not signed in) would get it."""

    def render(record):
        url = record.get_absolute_url()
        visitor = copy.copy(request)
        visitor.user = AnonymousUser()
        visitor.path = visitor.path_info = url
        match = resolve(url)
        response = match.func(visitor, *match.args, **match.kwargs)
        if hasattr(response, "render"):
            response.render()
        return response

    return trial(pending, user=request.user, then=render)


# --- The steps -------------------------------------------------------------------


def _step(pending, action, user, note=""):
    ReviewStep.objects.create(pending=pending, action=action, user=user, note=note)


@transaction.atomic
def save_pending(obj, *, user, data: dict, files: dict[str, str]) -> PendingChange:
    """Keep ``data`` (the change form as ``user`` sent it) as the pending change to
    ``obj``: a new one, or the open one, which goes back to being edited."""
    pending = open_change(obj)
    if pending is None:
        pending = PendingChange(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            author=user,
        )
    pending.record_repr = str(obj)[:300]
    pending.data = {key: values for key, values in data.items() if key != "csrfmiddlewaretoken"}
    pending.files = {**pending.files, **files}
    pending.status = Status.DRAFT
    pending.apply_at = None
    pending.save()
    _step(pending, Action.SAVED, user)
    return pending


@transaction.atomic
def submit(pending: PendingChange, *, user, message: str = "") -> PendingChange:
    pending.status = Status.SUBMITTED
    pending.message = message.strip()
    pending.save(update_fields=["status", "message", "updated_at"])
    _step(pending, Action.SUBMITTED, user, pending.message)
    model = pending.content_type.model_class()
    publishers = [
        person.email
        for person in get_user_model().objects.filter(is_active=True, is_staff=True)
        if person.email and person.has_perm(publish_permission(model))
    ]
    notify(
        publishers,
        gettext("Waiting for review: %(record)s") % {"record": pending.record_repr},
        gettext("%(name)s asks you to review a change to %(record)s.")
        % {"name": name_of(user), "record": pending.record_repr}
        + (
            "\n\n" + gettext("Their note: %(note)s") % {"note": pending.message}
            if pending.message
            else ""
        ),
    )
    return pending


@transaction.atomic
def reject(pending: PendingChange, *, user, comment: str) -> PendingChange:
    if not comment.strip():
        raise ValidationError(gettext("Say why the change is rejected: the editor will read it."))
    pending.status = Status.REJECTED
    pending.reviewer = user
    pending.comment = comment.strip()
    pending.save(update_fields=["status", "reviewer", "comment", "updated_at"])
    _step(pending, Action.REJECTED, user, pending.comment)
    tell_author(
        pending,
        gettext("Change rejected: %(record)s") % {"record": pending.record_repr},
        pending.comment,
    )
    return pending


@transaction.atomic
def approve(pending: PendingChange, *, user, at=None, override: str = "") -> PendingChange:
    """Apply ``pending`` now, or from ``at`` on (no job runs: the first request after
    that time applies it). What the content check finds in the result blocks the
    approval unless ``override`` gives the reason."""
    findings = trial(pending, user=user, then=content_findings)
    if findings and not override.strip():
        raise PublicationBlocked(pending.record, findings)
    pending.reviewer = user
    if at is not None and at > timezone.now():
        pending.status = Status.SCHEDULED
        pending.apply_at = at
        pending.comment = override.strip()
        pending.save()
        when = {"when": format_datetime(at)}
        _step(pending, Action.SCHEDULED, user, gettext("To apply at %(when)s.") % when)
        # The next request looks again for what is due (and after the commit too,
        # in case one looked in between).
        cache.delete(NEXT_DUE_KEY)
        transaction.on_commit(lambda: cache.delete(NEXT_DUE_KEY))
        record = {"record": pending.record_repr}
        tell_author(pending, gettext("Change approved: %(record)s") % record, "")
        return pending
    _step(pending, Action.APPROVED, user, override.strip())
    apply(pending, user=user, comment=override.strip())
    record = {"record": pending.record_repr}
    tell_author(pending, gettext("Change approved and published: %(record)s") % record, "")
    return pending


def apply(pending: PendingChange, *, user, comment: str = "") -> None:
    """Save ``pending`` to the live record (inside the caller's transaction)."""
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(approval_comment(pending, comment))
        replay(pending, user=user)
    pending.status = Status.APPLIED
    pending.save(update_fields=["status", "reviewer", "updated_at"])
    _step(pending, Action.APPLIED, user)


def approval_comment(pending: PendingChange, override: str) -> str:
    """The history's comment for an approved change: whose, their note, any override."""
    values = {"name": name_of(pending.author), "note": pending.message}
    if pending.message:
        said = gettext("Approved change by %(name)s: %(note)s") % values
    else:
        said = gettext("Approved change by %(name)s.") % values
    if override:
        said += " " + gettext("Content findings overridden: %(reason)s") % {"reason": override}
    return said


def apply_due(now=None) -> int:
    """Apply the approved changes whose time has come; how many were applied. Cheap
    when nothing is due: the time of the next one is kept in the cache."""
    now = now or timezone.now()
    next_due = cache.get(NEXT_DUE_KEY)
    if next_due == NOTHING_DUE or (next_due is not None and next_due > now):
        return 0
    applied = 0
    with transaction.atomic():
        due = PendingChange.objects.select_for_update(skip_locked=True, of=("self",)).filter(
            status=Status.SCHEDULED, apply_at__lte=now
        )
        for pending in due.select_related("reviewer", "author"):
            try:
                with transaction.atomic():
                    apply(pending, user=pending.reviewer)
            except ValidationError:
                continue  # the record changed so that the form no longer fits: stays listed
            applied += 1
    upcoming = (
        PendingChange.objects.filter(status=Status.SCHEDULED, apply_at__gt=now)
        .order_by("apply_at")
        .values_list("apply_at", flat=True)
        .first()
    )
    cache.set(NEXT_DUE_KEY, upcoming or NOTHING_DUE, timeout=300)
    return applied


# --- Telling staff ----------------------------------------------------------------


def name_of(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "someone"


def tell_author(pending, subject, comment):
    author = pending.author
    if author is not None and author.email:
        by = name_of(pending.reviewer)
        body = f"{by} reviewed your change to {pending.record_repr}."
        notify([author.email], subject, body + (f"\n\nTheir comment: {comment}" if comment else ""))


def notify(recipients, subject, body):
    if recipients:
        transaction.on_commit(
            lambda: send_mail(subject, body, None, recipients, fail_silently=True)
        )
