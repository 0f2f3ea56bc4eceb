"""The editorial admin: history for every content model; roles, publishing and
protection against lost updates for every publishable one.

``VersionedAdmin`` (every content model) records each admin save with django-reversion,
keeps an object's last state when it is deleted (so it can be recovered), and adds a
page comparing two versions field by field. Its change form carries the ``updated_at``
it was loaded with; if somebody else saved the object since, the save is refused with
a link to the history (optimistic locking: nothing is silently overwritten). A part of
a record (``Model.part_of``: an event's speeches, participations, photos, documents)
shares the record's version: changing or deleting it on its own page gives the record
a new version, so a form of either opened before is refused.

``PublishableAdmin`` adds what the roles need:

- Editors (no ``publish_<model>`` permission) see the publication fields read-only,
  create drafts only, cannot delete what is published or scheduled (one by one or in
  bulk), and cannot publish by restoring or recovering an old version.
- Publishers get the actions "Publish now", "Schedule..." and "Unpublish".
- Times are shown with their time zone's name.
"""

import copy
import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from reversion.admin import VersionAdmin
from reversion.models import Version

from ctdialogue.output.dates import day_month_year

from . import review
from .history import (
    change_groups,
    compare,
    compare_snapshots,
    format_datetime,
    record_before_deletion,
    record_part_change,
    restore_links,
    snapshot,
    version_token,
)
from .identifiers import remember_old_slug
from .imports import QuotedCSV, column_guide, typed_columns, without_formulas
from .models import DRAFT, PUBLICATION_FIELDS, PUBLICATION_STATE_LABELS, PendingChange
from .workflow import (
    PublicationBlocked,
    can_publish,
    content_findings,
    is_draft,
    publish,
    unpublish,
)

EDIT_VERSION = "edit_version"


def parse_token(token: str) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromisoformat(token)
    except ValueError:
        return None


def time_of_day(value: datetime.datetime) -> str:
    """ "14:32 (UTC)" today, "3 March 2025, 14:32 (UTC)" on another day."""
    local = timezone.localtime(value)
    zone = timezone.get_current_timezone_name()
    if local.date() == timezone.localdate():
        return f"{local:%H:%M} ({zone})"
    return f"{day_month_year(local.date())}, {local:%H:%M} ({zone})"


def deleted_name(obj) -> str:
    """ "participation “ICT4Peace”": what a history entry says was deleted."""
    return f"{obj._meta.verbose_name} “{obj}”"


def history_url_of(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[quote(obj.pk)])


def name_of(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


# Web addresses typed without a scheme are taken as https (Django 6's default;
# without it Django 5.2 warns on every form with a URL field).
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}

PUBLISHING_FIELDSET = (
    _("Publishing"),
    {
        "fields": [
            "language",
            PUBLICATION_FIELDS,
            ("created_at", "updated_at"),
        ],
        "description": _(
            "A published item appears on the public site from its publish time on; "
            "until then it is scheduled. Drafts are visible to staff only."
        ),
    },
)


class PublicationStateFilter(admin.SimpleListFilter):
    """Draft, scheduled or published: the three states the publication column shows.

    A finer filter than one on ``publication_status`` alone, which cannot tell a
    scheduled item from one already on the public site.
    """

    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [(state, capfirst(label)) for state, label in PUBLICATION_STATE_LABELS.items()]

    def queryset(self, request, queryset):
        if self.value() == "draft":
            return queryset.drafts()
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "published":
            return queryset.published()
        return queryset


def label_widget(formfield, label: str):
    """Name ``formfield``'s input for assistive technology where the page shows no
    <label> for it (a table's column heading, a widget of several inputs)."""
    widget = getattr(formfield.widget, "widget", formfield.widget)  # related-field wrapper
    for part in getattr(widget, "widgets", None) or [widget]:
        part.attrs.setdefault("aria-label", label)


class LabelledTabularInline(admin.TabularInline):
    """A tabular inline whose inputs are named, not only headed by their column."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None:
            label_widget(formfield, capfirst(db_field.verbose_name))
        return formfield

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class LabelledFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if "DELETE" in form.fields:
                    label_widget(form.fields["DELETE"], gettext("Delete this row"))

        return LabelledFormSet


class PublicationAdminMixin:
    """The publication column and the read-only timestamps of a publishable model.

    List ``"publication"`` and ``"publish_at"`` in ``list_display``,
    ``PublicationStateFilter`` in ``list_filter`` and ``PUBLISHING_FIELDSET`` last in
    ``fieldsets``.
    """

    readonly_fields = ["created_at", "updated_at"]

    @admin.display(description=_("publication"), ordering="publication_status")
    def publication(self, obj):
        """ "Published", "Draft", or "Scheduled: 3 March 2026, 09:00 (UTC)"."""
        if obj.publication_state == "scheduled":
            return gettext("Scheduled: %(when)s") % {"when": format_datetime(obj.publish_at)}
        return capfirst(obj.publication_state_label)


# --- History -----------------------------------------------------------------


class VersionedAdmin(VersionAdmin):
    """Every admin save is a version (who, when, what); deleted objects can be
    recovered; any two versions can be compared."""

    object_history_template = "admin/editorial/object_history.html"
    change_form_template = "admin/editorial/change_form.html"
    revision_form_template = "admin/editorial/revision_form.html"
    recover_form_template = "admin/editorial/recover_form.html"
    history_latest_first = True

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        # VersionAdmin wraps the whole changelist request in one revision. A bulk
        # deletion would then be recorded after its rows are gone, and reversion
        # drops versions of rows that no longer exist. Here every action that writes
        # opens its own revision instead (the publishing actions, and deletion
        # through record_before_deletion).
        context = {"has_change_permission": self.has_change_permission(request)}
        context.update(extra_context or {})
        return super(VersionAdmin, self).changelist_view(request, context)

    # --- No lost updates ---

    def whole_of(self, obj):
        """The record whose version ``obj`` shares: an event for its speakers,
        participants, photos and documents (the model's ``part_of``), else ``obj``."""
        relation = getattr(self.model, "part_of", "")
        return getattr(obj, relation) if relation else obj

    def get_fields(self, request, obj=None):
        return [name for name in super().get_fields(request, obj) if name != EDIT_VERSION]

    # --- Parts of published records change through the record's review ---

    def _part_under_review(self, request, obj) -> bool:
        """Whether ``obj`` is a part (a speech, a participation...) of a published
        record whose changes by ``request``'s user wait for review: such a part is
        changed on the record's own page, where the change waits too."""
        if obj is None or not getattr(self.model, "part_of", ""):
            return False
        return review.needs_review(request.user, self.whole_of(obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and not self._part_under_review(request, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and not self._part_under_review(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or obj.pk is None:
            return form
        return with_edit_version(
            form,
            version_of=lambda instance: self.whole_of(instance).updated_at,
            find_conflict=lambda bound: self.edit_conflict(request, bound),
            render_only=getattr(request, "editorial_render_only", False),
        )

    def edit_conflict(self, request, form):
        """The message refusing a save when someone else saved the object after the form
        was loaded, or None. Locks the row until the save is committed."""
        obj = self.whole_of(form.instance)
        current = getattr(request, "editorial_current", None)
        if current is None:
            current = (
                type(obj)
                ._base_manager.select_for_update()
                .filter(pk=obj.pk)
                .values("updated_at")
                .first()
            )
        name = obj._meta.verbose_name
        if current is None:
            return gettext("Someone else deleted this %(kind)s. Your changes were not saved.") % {
                "kind": name
            }
        loaded = form.cleaned_data.get(EDIT_VERSION, "")
        if loaded == version_token(current["updated_at"]):
            return None
        if not loaded:
            return gettext(
                "This form was sent without the version of the %(kind)s it was opened with, "
                "so it could overwrite someone else's change. Reload the page and make "
                "your edits again."
            ) % {"kind": name}
        history_url = history_url_of(obj)
        loaded_at = parse_token(loaded)
        latest = Version.objects.get_for_object(obj).select_related("revision__user").first()
        by = ""
        if latest and loaded_at and latest.revision.date_created > loaded_at:
            author = latest.revision.user
            by = gettext("by you, in another window or tab") if author == request.user else ""
            by = by or (gettext("by %(name)s") % {"name": name_of(author)} if author else "")
        said = (
            gettext(
                "Someone else saved this %(kind)s at %(time)s %(by)s after you opened it. Your "
                "changes were not saved."
            )
            if by
            else gettext(
                "Someone else saved this %(kind)s at %(time)s after you opened it. Your changes "
                "were not saved."
            )
        )
        advice = gettext(
            '<a href="%(history)s">Open the history</a> to see their change, then reload '
            "this page and make your edits again."
        )
        return format_html(
            "{} {}",
            said % {"kind": name, "time": time_of_day(current["updated_at"]), "by": by},
            mark_safe(advice % {"history": escape(history_url)}),  # noqa: S308 - our text
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        recovering = getattr(request, "editorial_recovering", None)
        if recovering is not None:
            restore_links(recovering.revision)
        if self.whole_of(obj) is not obj:
            record_part_change(obj, user=request.user)

    def recover_view(self, request, version_id, extra_context=None):
        # A recovered object comes back with the links other records had to it (a
        # publishable one as a draft: PublishableAdmin.get_object).
        request.editorial_recovering = get_object_or_404(Version, pk=version_id)
        return super().recover_view(request, version_id, extra_context)

    def delete_model(self, request, obj):
        record_before_deletion([obj], user=request.user)
        super().delete_model(request, obj)
        if self.whole_of(obj) is not obj:
            record_part_change(obj, user=request.user, comment=f"Deleted {deleted_name(obj)}.")

    def delete_queryset(self, request, queryset):
        with transaction.atomic(using=router.db_for_write(self.model)):
            parts = list(queryset)
            record_before_deletion(parts, user=request.user)
            super().delete_queryset(request, queryset)
            for part in parts if getattr(self.model, "part_of", "") else ():
                record_part_change(
                    part, user=request.user, comment=f"Deleted {deleted_name(part)}."
                )

    def _versions(self, object_id):
        return Version.objects.get_for_object_reference(self.model, object_id).select_related(
            "revision", "revision__user"
        )

    def _admin_url(self, name, *args, query=""):
        opts = self.opts
        url = reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{name}",
            args=args,
        )
        return f"{url}?{query}" if query else url

    def history_view(self, request, object_id, extra_context=None):
        versions = list(self._versions(unquote(object_id)).order_by("-pk"))
        rows = []
        for index, version in enumerate(versions):
            previous = versions[index + 1] if index + 1 < len(versions) else None
            rows.append(
                {
                    "version": version,
                    "date": format_datetime(version.revision.date_created),
                    "user": name_of(version.revision.user),
                    "comment": version.revision.get_comment(),
                    "restore_url": self._admin_url(
                        "revision", quote(version.object_id), version.pk
                    ),
                    "compare_url": previous
                    and self._admin_url(
                        "compare", object_id, query=f"old={previous.pk}&new={version.pk}"
                    ),
                    "checked_new": index == 0,
                    "checked_old": index == 1,
                }
            )
        context = {
            "version_rows": rows,
            "compare_form_url": self._admin_url("compare", object_id),
            "review_steps": review.steps_for(self.model, unquote(object_id)),
        }
        context.update(extra_context or {})
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id):
        """The fields that differ between two versions, old and new side by side."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        history_url = self._admin_url("history", quote(obj.pk))
        versions = self._versions(str(obj.pk))
        chosen = {}
        for key in ("old", "new"):
            try:
                chosen[key] = versions.filter(pk=int(request.GET.get(key, ""))).first()
            except ValueError:
                chosen[key] = None
        new = chosen["new"]
        if new is None:
            messages.warning(request, gettext("Choose two versions to compare."))
            return HttpResponseRedirect(history_url)
        old = chosen["old"] or versions.filter(pk__lt=new.pk).order_by("-pk").first()
        if old is None or old.pk == new.pk:
            messages.warning(
                request, gettext("There is no earlier version to compare this one with.")
            )
            return HttpResponseRedirect(history_url)
        if old.pk > new.pk:
            old, new = new, old
        changes, parts = compare(old, new)
        groups, languages, known = self._by_language(request, changes)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Changes to %(record)s") % {"record": obj},
            "subtitle": None,
            "opts": self.opts,
            "original": obj,
            "object_id": quote(obj.pk),
            "old": {
                "version": old,
                "date": format_datetime(old.revision.date_created),
                "user": name_of(old.revision.user),
                "restore_url": self._admin_url("revision", quote(obj.pk), old.pk),
            },
            "new": {
                "version": new,
                "date": format_datetime(new.revision.date_created),
                "user": name_of(new.revision.user),
            },
            "changes": changes,
            "change_groups": groups,
            "languages": languages,
            "parts": parts,
            "history_url": history_url,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request, "admin/editorial/compare.html", context, status=200 if known else 400
        )

    def _by_language(self, request, changes):
        """The changes grouped by language, only those of ``?language=`` when given
        ("original" for the record's own fields); links to each group's changes; and
        whether the language asked for has changes (else all are shown, and the page
        says why)."""
        wanted = request.GET.get("language")
        groups = change_groups(changes)
        others = {key: value for key, value in request.GET.items() if key != "language"}
        links = []
        if len(groups) > 1:
            links = [(gettext("All languages"), "?" + urlencode(others), wanted is None)]
            for group in groups:
                code = group.language or "original"
                query = urlencode({**others, "language": code})
                links.append((group.heading, "?" + query, wanted == code))
        if wanted is None:
            return groups, links, True
        chosen = change_groups(changes, "" if wanted == "original" else wanted)
        if not chosen:
            messages.error(
                request,
                gettext(
                    "These versions differ in nothing in “%(language)s”: all changes are shown."
                )
                % {"language": wanted},
            )
            return groups, links, False
        return chosen, links, True


# --- Publishing --------------------------------------------------------------


class ScheduleForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish_at"].help_text = gettext(
            "Date and time in %(zone)s, the site's time zone."
        ) % {"zone": timezone.get_current_timezone_name()}

    def clean_publish_at(self):
        value = self.cleaned_data["publish_at"]
        if value <= timezone.now():
            raise ValidationError(gettext("Choose a time in the future, or use “Publish now”."))
        return value


@dataclass(frozen=True)
class Wording:
    """What a bulk publication change says, translated: what was done (with
    ``%(names)s`` and ``%(records)s``), why some were not (``%(reasons)s``), and
    any other values the two texts name."""

    done: str
    not_done: str
    invalid: str
    values: dict = field(default_factory=dict)


def published_wording():
    return Wording(
        done=gettext("%(names)s published: %(records)s."),
        not_done=gettext("Not published, because %(reasons)s."),
        invalid=gettext("Not published, because they are not valid: %(records)s."),
    )


def unpublished_wording():
    return Wording(
        done=gettext("%(names)s unpublished (back to draft): %(records)s."),
        not_done=gettext("Not unpublished, because %(reasons)s."),
        invalid=gettext("Not unpublished, because they are not valid: %(records)s."),
    )


def scheduled_wording(when):
    return Wording(
        done=gettext("%(names)s scheduled for %(when)s: %(records)s."),
        not_done=gettext("Not scheduled for %(when)s, because %(reasons)s."),
        invalid=gettext("Not scheduled, because they are not valid: %(records)s."),
        values={"when": when},
    )


@dataclass(frozen=True)
class ActionPage:
    """What the intermediate page of an action says: its action name, title,
    introduction and the label of its button."""

    action: str
    title: str
    intro: str
    submit: str


#: What a change form sends for the review itself, not for the record.
REVIEW_KEYS = {"csrfmiddlewaretoken", "pending_version", "pending_note", "_submit"}


class ReviewDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", "Approve"), ("reject", "Reject")], widget=forms.RadioSelect
    )
    apply_at = forms.DateTimeField(
        label=_("Apply at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Leave empty to apply it now; a later time applies it then, no job needed."),
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_(
            "Required to reject (the editor reads it), and to approve despite content "
            "findings (why the text is right)."
        ),
    )


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("Why the text is right as it is. Kept in the history with your name."),
    )


#: The code of the error that keeps a pending change's form from being saved when it
#: is only shown (``PublishableAdmin._edit_pending``); it is never displayed.
RENDER_ONLY = "render_only"


def with_edit_version(form_class, *, version_of, find_conflict, render_only=False):
    """``form_class`` with a hidden field holding the version (``version_of(instance)``,
    an ``updated_at``) it was loaded with; ``find_conflict(form)`` returns the message
    refusing the save, or None. With ``render_only`` the bound form never validates, so
    the admin shows it with its data instead of saving it."""

    class EditVersionForm(form_class):
        edit_version = forms.CharField(widget=forms.HiddenInput, required=False)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields[EDIT_VERSION].initial = version_token(version_of(self.instance))

        def clean(self):
            cleaned_data = super().clean()
            if render_only:
                raise ValidationError("", code=RENDER_ONLY)
            conflict = find_conflict(self)
            if conflict:
                raise ValidationError(conflict, code="edit_conflict")
            return cleaned_data

    EditVersionForm.__name__ = form_class.__name__
    return EditVersionForm


class PublishableAdmin(VersionedAdmin):
    """The admin of a model with a draft/published state (see the module docstring)."""

    actions = [
        "publish_now",
        "schedule",
        "publish_despite_findings",
        "unpublish",
        "delete_selected",
    ]

    # --- Roles ---

    def has_publish_permission(self, request, obj=None):
        return can_publish(request.user, self.model)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None and not is_draft(obj):
            return self.has_publish_permission(request)
        return allowed

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            readonly += [name for name in PUBLICATION_FIELDS if name not in readonly]
        return readonly

    def save_model(self, request, obj, form, change):
        if not change and not self.has_publish_permission(request):
            obj.publication_status = DRAFT
        # The address the record has now: read before a restore put an old version's
        # slug in its place, or from the database.
        old_slug = getattr(request, "editorial_slug", None)
        if old_slug is None and change and hasattr(obj, "slug"):
            stored = self.model._base_manager.filter(pk=obj.pk).values_list("slug", flat=True)
            old_slug = stored.first()
        super().save_model(request, obj, form, change)
        if old_slug:
            # The old address keeps working: it redirects to the new one.
            remember_old_slug(obj, old_slug=old_slug)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if request.method == "POST" and obj is not None and review.needs_review(request.user, obj):
            messages.error(
                request,
                gettext(
                    "This %(record)s is published: only a publisher can restore an earlier "
                    "version of it. Ask one, or make the change by editing it."
                )
                % {"record": self.opts.verbose_name},
            )
            return HttpResponseRedirect(self._admin_url("history", quote(obj.pk)))
        return self._restore(request, object_id, version_id, extra_context)

    def _restore(self, request, object_id, version_id, extra_context):
        # Restoring brings back the content of an old version, never its publication
        # state: the object stays as published (or not) as it is now, and the form is
        # checked against the current version for lost updates.
        request.editorial_restoring = True
        with transaction.atomic(using=router.db_for_write(self.model)):
            row = self.model._base_manager.select_for_update().filter(pk=unquote(object_id))
            request.editorial_current = row.values(*PUBLICATION_FIELDS, "updated_at").first()
            if hasattr(self.model, "slug"):
                request.editorial_slug = row.values_list("slug", flat=True).first()
            return super().revision_view(request, object_id, version_id, extra_context)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            return obj
        current = getattr(request, "editorial_current", None)
        if current:
            for name, value in current.items():
                setattr(obj, name, value)
        elif getattr(request, "editorial_recovering", None) is not None:
            obj.publication_status = DRAFT
        return obj

    # --- The change form ---

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "publish_at" and formfield is not None:
            date, time = getattr(formfield.widget, "widgets", (None, None))
            if date is not None:
                date.attrs["aria-label"] = gettext("Publish date")
                time.attrs["aria-label"] = gettext("Publish time")
        return formfield

    def get_form(self, request, obj=None, change=False, **kwargs):
        help_texts = dict(getattr(getattr(self.form, "_meta", None), "help_texts", None) or {})
        help_texts["publish_at"] = (
            f"{self.model._meta.get_field('publish_at').help_text} "
            + gettext("Times are in %(zone)s, the site's time zone.")
            % {"zone": timezone.get_current_timezone_name()}
        )
        kwargs["help_texts"] = {**help_texts, **kwargs.get("help_texts", {})}
        return super().get_form(request, obj, change=change, **kwargs)

    def render_change_form(  # noqa: PLR0917 - Django's own signature
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        if obj is not None and obj.publication_state != "published":
            context["view_on_site_label"] = gettext("Preview (%(state)s)") % {
                "state": obj.publication_state_label
            }
        if getattr(request, "editorial_render_only", False):
            self._hide_render_only_error(context)
        if obj is not None and "review" not in context and self.has_publish_permission(request):
            pending = review.open_change(obj)
            waiting = pending is not None and pending.status == PendingChange.Status.SUBMITTED
            context["review_url"] = waiting and self._admin_url("pending_review", quote(obj.pk))
        return super().render_change_form(request, context, add, change, form_url, obj)

    @staticmethod
    def _hide_render_only_error(context):
        """A pending change's form is shown, not saved: the error that kept it from
        being saved is not one to show."""
        form = context["adminform"].form
        kept = [e for e in form.errors.get("__all__", []) if e != ""]
        if kept:
            form._errors["__all__"] = form.error_class(kept)
        else:
            form._errors.pop("__all__", None)
        formsets = [inline.formset for inline in context["inline_admin_formsets"]]
        context["errors"] = helpers.AdminErrorList(form, formsets)

    # --- Review of changes to published content (publishing.review) ---

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/pending/preview/",
                self.admin_site.admin_view(self.pending_preview_view),
                name="{}_{}_pending_preview".format(*info),
            ),
            path(
                "<path:object_id>/pending/review/",
                self.admin_site.admin_view(self.pending_review_view),
                name="{}_{}_pending_review".format(*info),
            ),
            *super().get_urls(),
        ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self._under_review(request, object_id)
        if obj is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        if request.method == "POST":
            return self._save_pending(request, obj, object_id, form_url)
        return self._edit_pending(request, obj, object_id, form_url)

    def _under_review(self, request, object_id):
        """The record, when what ``request``'s user saves of it must wait for review."""
        inside = ("editorial_replay", "editorial_restoring", "editorial_recovering")
        if object_id is None or any(getattr(request, flag, None) for flag in inside):
            return None
        obj = self.get_object(request, unquote(object_id))
        return obj if obj is not None and review.needs_review(request.user, obj) else None

    def _form_request(self, request, data: dict, files: dict):
        """``request`` carrying a pending change's form instead of its own."""
        carrier = copy.copy(request)
        carrier.method = "POST"
        carrier._post = review.form_request(request.user, data, {}).POST
        carrier._files = review.open_uploads(files)
        carrier._dont_enforce_csrf_checks = True  # the visitor's own request was checked
        return carrier

    def _in_rolled_back_transaction(self, request, object_id, form_url, context):
        """The admin's change view for ``request``, in a transaction that is rolled
        back, and without the messages it would leave: nothing of it is kept."""
        queued = messages.get_messages(request)._queued_messages
        before = len(queued)
        with transaction.atomic(using=router.db_for_write(self.model)):
            response = super().changeform_view(request, object_id, form_url, context)
            if hasattr(response, "render"):
                response.render()
            transaction.set_rollback(True)
        del queued[before:]
        return response

    def _edit_pending(self, request, obj, object_id, form_url):
        pending = review.open_change(obj)
        context = {"review": self._review_context(request, obj, pending)}
        if pending is None:
            return super().changeform_view(request, object_id, form_url, context)
        carrier = self._form_request(
            request, review.with_current_version(pending.data, obj), pending.files
        )
        carrier.editorial_render_only = True
        return self._in_rolled_back_transaction(carrier, object_id, form_url, context)

    def _save_pending(self, request, obj, object_id, form_url):
        pending = review.open_change(obj)
        if pending is not None and request.POST.get("pending_version") != version_token(
            pending.updated_at
        ):
            messages.error(
                request,
                gettext(
                    "Someone else saved the pending change to this %(kind)s after you opened "
                    "it, so yours was not saved. Here is theirs: make your edits again on it."
                )
                % {"kind": self.opts.verbose_name},
            )
            return HttpResponseRedirect(request.path)
        data = {key: request.POST.getlist(key) for key in request.POST if key not in REVIEW_KEYS}
        files = {**(pending.files if pending else {}), **review.store_uploads(request.FILES)}
        if pending is not None:  # checked against the live record when it is reviewed
            data = review.with_current_version(data, obj)
        carrier = self._form_request(request, data, files)
        context = {"review": self._review_context(request, obj, pending)}
        response = self._in_rolled_back_transaction(carrier, object_id, form_url, context)
        if response.status_code != 302:
            return response
        pending = review.save_pending(obj, user=request.user, data=data, files=files)
        names = {"kind": self.opts.verbose_name, "record": obj}
        if "_submit" in request.POST:
            review.submit(pending, user=request.user, message=request.POST.get("pending_note", ""))
            done = gettext(
                "Your change to the %(kind)s “%(record)s” is waiting for a publisher's review."
            )
        else:
            done = gettext(
                "Your change to the %(kind)s “%(record)s” is saved, not published: preview "
                "it, go on editing it, or submit it for review."
            )
        still = gettext("The public site still shows the published version.")
        messages.success(request, f"{done % names} {still}")
        return HttpResponseRedirect(request.path)

    def _review_context(self, request, obj, pending):
        return {
            "pending": pending,
            "pending_version": version_token(pending.updated_at) if pending else "",
            "steps": list(pending.steps.select_related("user")) if pending else [],
            "rejection": None if pending else review.last_rejection(obj),
            "preview_url": pending and self._admin_url("pending_preview", quote(obj.pk)),
        }

    def pending_preview_view(self, request, object_id):
        """The public page of the record as it will be once its pending change is
        approved: exactly what a visitor would then get."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_change_permission(request, obj):
            raise PermissionDenied
        pending = review.open_change(obj)
        if pending is None:
            messages.info(request, gettext("There is no pending change to preview."))
            return HttpResponseRedirect(self._admin_url("change", quote(obj.pk)))
        response = review.preview(pending, request)
        response["X-Robots-Tag"] = "noindex"
        return response

    def pending_review_view(self, request, object_id):
        """Live and pending side by side, field by field; approve or reject."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_publish_permission(request):
            raise PermissionDenied
        pending = review.open_change(obj)
        if pending is None:
            messages.info(
                request, gettext("Nothing is waiting for review on “%(record)s”.") % {"record": obj}
            )
            return HttpResponseRedirect(self._admin_url("change", quote(obj.pk)))
        decision = ReviewDecisionForm(request.POST or None)
        if request.method == "POST" and decision.is_valid():
            refused = self._decide(request, pending, decision.cleaned_data)
            if refused is None:
                return HttpResponseRedirect(reverse(f"{self.admin_site.name}:index"))
            decision.add_error(None, refused)
        return self._review_page(request, obj, pending, decision)

    def _decide(self, request, pending, data):
        """Approve or reject; the reason it could not be done, or None."""
        try:
            if data["decision"] == "reject":
                review.reject(pending, user=request.user, comment=data["comment"])
            else:
                review.approve(
                    pending, user=request.user, at=data["apply_at"], override=data["comment"]
                )
        except ValidationError as error:
            return " ".join(error.messages)
        if data["decision"] == "reject":
            done = gettext("The change to “%(record)s” was rejected.")
        else:
            done = gettext("The change to “%(record)s” was approved.")
        messages.success(request, done % {"record": pending.record_repr})
        return None

    def _review_page(self, request, obj, pending, decision):
        changes, parts = compare_snapshots(
            snapshot(obj), review.proposed_snapshot(pending, user=request.user)
        )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Review the change to %(record)s") % {"record": obj},
            "subtitle": None,
            "opts": self.opts,
            "original": obj,
            "object_id": quote(obj.pk),
            "pending": pending,
            "steps": pending.steps.select_related("user"),
            "findings": review.trial(pending, user=request.user, then=content_findings),
            "changes": changes,
            "change_groups": change_groups(changes),
            "parts": parts,
            "form": decision,
            "preview_url": self._admin_url("pending_preview", quote(obj.pk)),
            "live_changed": obj.updated_at > pending.created_at,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/editorial/review.html", context)

    # --- The changelist ---

    def get_list_display(self, request):
        """The publish time is shown with its time zone."""
        return [
            "publish_time" if name == "publish_at" else name
            for name in super().get_list_display(request)
        ]

    @admin.display(description=_("publish time"), ordering="publish_at")
    def publish_time(self, obj):
        return format_datetime(obj.publish_at)

    # --- Actions ---

    def _change_publication(self, request, queryset, change, *, comment, wording):
        changed, blocked, refused = [], [], []
        pks = list(queryset.values_list("pk", flat=True))
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(comment)
            # Fresh rows, locked until the end: a change saved meanwhile by someone
            # else is neither overwritten nor overwrites this one.
            locked = self.model._base_manager.select_for_update().filter(pk__in=pks)
            for obj in locked.order_by("pk"):
                try:
                    change(obj)
                except PublicationBlocked as error:
                    blocked.append(error.messages[0])
                except ValidationError as error:
                    refused.append(f"{obj} ({' '.join(error.messages)})")
                else:
                    changed.append(str(obj))
        self._report_publication(request, wording, changed, blocked, refused)

    def _report_publication(self, request, wording, changed, blocked, refused):
        names = {"names": capfirst(self.opts.verbose_name_plural)}
        if changed:
            done = wording.done % {**names, **wording.values, "records": ", ".join(changed)}
            self.message_user(request, done, messages.SUCCESS)
        if blocked:
            not_done = wording.not_done % {**wording.values, "reasons": "; ".join(blocked)}
            advice = gettext(
                "Correct the text, or choose “Publish selected %(names)s despite content "
                "findings…” and give the reason."
            ) % {"names": self.opts.verbose_name_plural}
            self.message_user(request, f"{not_done} {advice}", messages.ERROR)
        if refused:
            invalid = wording.invalid % {**wording.values, "records": "; ".join(refused)}
            self.message_user(request, invalid, messages.ERROR)

    def _action_form(self, request, queryset, form, page: "ActionPage"):
        """The intermediate page of an action that needs input (a time, a reason)."""
        context = {
            **self.admin_site.each_context(request),
            "title": page.title,
            "subtitle": None,
            "opts": self.opts,
            "form": form,
            "page": page,
            "objects": [(obj, content_findings(obj)) for obj in queryset],
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/editorial/action_form.html", context)

    @admin.action(
        permissions=["publish"], description=_("Publish selected %(verbose_name_plural)s now")
    )
    def publish_now(self, request, queryset):
        self._change_publication(
            request, queryset, publish, comment=gettext("Published."), wording=published_wording()
        )

    def _action_with_form(self, request, queryset, form_class, page, act):
        """An action that asks for input first: its page until ``form_class`` is valid,
        then ``act(cleaned_data)`` gives the change to make, its comment and its word."""
        form = form_class(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            return self._action_form(request, queryset, form, page)
        change, comment, wording = act(form.cleaned_data)
        self._change_publication(request, queryset, change, comment=comment, wording=wording)
        return None

    @admin.action(
        permissions=["publish"], description=_("Schedule selected %(verbose_name_plural)s…")
    )
    def schedule(self, request, queryset):
        names = {"names": self.opts.verbose_name_plural}
        page = ActionPage(
            action="schedule",
            title=gettext("Schedule %(names)s") % names,
            intro=gettext("These %(names)s will appear on the public site at the time you choose:")
            % names,
            submit=gettext("Schedule"),
        )

        def act(data):
            at, when = data["publish_at"], format_datetime(data["publish_at"])
            return (
                lambda obj: publish(obj, at=at),
                gettext("Scheduled for %(when)s.") % {"when": when},
                scheduled_wording(when),
            )

        return self._action_with_form(request, queryset, ScheduleForm, page, act)

    @admin.action(
        permissions=["publish"],
        description=_("Publish selected %(verbose_name_plural)s despite content findings…"),
    )
    def publish_despite_findings(self, request, queryset):
        page = ActionPage(
            action="publish_despite_findings",
            title=gettext("Publish %(names)s despite content findings")
            % {"names": self.opts.verbose_name_plural},
            intro=gettext(
                "The content check found what is listed below. Publish only if you are "
                "sure it is right; your reason is kept in each record's history."
            ),
            submit=gettext("Publish anyway"),
        )

        def act(data):
            reason = data["reason"]
            comment = gettext("Published despite content findings. Reason: %(reason)s") % {
                "reason": reason
            }
            return lambda obj: publish(obj, override=reason), comment, published_wording()

        return self._action_with_form(request, queryset, OverrideForm, page, act)

    @admin.action(
        permissions=["publish"],
        description=_("Unpublish selected %(verbose_name_plural)s (back to draft)"),
    )
    def unpublish(self, request, queryset):
        self._change_publication(
            request,
            queryset.exclude(publication_status=DRAFT),
            unpublish,
            comment=gettext("Unpublished (back to draft)."),
            wording=unpublished_wording(),
        )

    @admin.action(permissions=["delete"], description=_("Delete selected %(verbose_name_plural)s"))
    def delete_selected(self, request, queryset):
        """Django's bulk deletion, refused to editors when a selected object is published
        or scheduled (Django checks only the model-wide delete permission)."""
        if not self.has_publish_permission(request):
            published = [str(obj) for obj in queryset.exclude(publication_status=DRAFT)]
            if published:
                self.message_user(
                    request,
                    gettext(
                        "Nothing was deleted: only a publisher can delete published or "
                        "scheduled %(names)s (%(records)s). Ask a publisher to unpublish "
                        "them first."
                    )
                    % {"names": self.opts.verbose_name_plural, "records": ", ".join(published)},
                    messages.ERROR,
                )
                return None
        return django_delete_selected(self, request, queryset)


# --- Import and export ---------------------------------------------------------


class StaffImportExportMixin(ImportExportMixin):
    """CSV and Excel import (with a preview and row-level errors) and export.

    Import needs both the add and the change permission. A file with any invalid row
    imports nothing. Imported rows are new drafts or changes to existing ones: an
    import never publishes.
    """

    import_formats = [CSV, XLSX]
    export_formats = [QuotedCSV, XLSX]
    import_error_display = ("message", "row")
    import_template_name = "admin/editorial/import.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "import/sample.csv",
                self.admin_site.admin_view(self.import_sample_view),
                name="{}_{}_import_sample".format(*info),
            ),
            *super().get_urls(),
        ]

    def get_import_context_data(self, **kwargs):
        context = super().get_import_context_data(**kwargs)
        resource_class = self.get_import_resource_classes(None)[0]
        context["column_guide"] = column_guide(resource_class)
        context["sample_url"] = self._admin_url("import_sample")
        return context

    def import_sample_view(self, request):
        """A CSV file to start from: the import's columns, and two records as rows."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        resource = self.get_import_resource_classes(request)[0]()
        dataset = resource.export(queryset=self.model._base_manager.order_by("pk")[:2])
        response = HttpResponse(dataset.csv, content_type="text/csv; charset=utf-8")
        name = f"{self.opts.model_name}-import-sample.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def get_data_for_export(self, request, queryset, **kwargs):
        """The export's rows, with text cells made safe for spreadsheets (imports.py)."""
        dataset = super().get_data_for_export(request, queryset, **kwargs)
        resource_class = self.choose_export_resource_class(kwargs.get("export_form"), request)
        resource = resource_class(**self.get_export_resource_kwargs(request, **kwargs))
        return without_formulas(dataset, typed_columns(resource))

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_or_change_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The file changed meaning between preview and confirmation (someone
            # edited the same records meanwhile): the whole import was rolled back.
            rows = sorted(
                {error.number for error in result.invalid_rows}
                | {number for number, _errors in result.row_errors()}
            )
            message = ngettext(
                "Nothing was imported: row %(rows)s is no longer valid. Import the file "
                "again to see why.",
                "Nothing was imported: rows %(rows)s are no longer valid. Import the file "
                "again to see why.",
                len(rows),
            ) % {"rows": ", ".join(map(str, rows))}
            self.message_user(request, message, messages.ERROR)
            opts = self.opts
            return HttpResponseRedirect(
                reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_import")
            )
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        super().add_success_message(result, request)
        if result.totals["new"]:
            self.message_user(
                request,
                gettext("New records are drafts: publish them when they are ready."),
                messages.INFO,
            )


# --- Changes waiting for review -------------------------------------------------


@admin.register(PendingChange)
class PendingChangeAdmin(admin.ModelAdmin):
    """Every pending change, those waiting for review first: where a publisher finds
    what to review, and an editor what became of their changes. Read only: changes
    are made on the record's own page, decisions on its review page."""

    list_display = ["record", "kind", "status", "author", "updated_at", "review_link"]
    list_filter = ["status", "content_type"]
    search_fields = ["record_repr", "message", "comment"]
    list_select_related = ["content_type", "author"]

    def get_queryset(self, request):
        submitted_first = models.Case(
            models.When(status=PendingChange.Status.SUBMITTED, then=0), default=1
        )
        return super().get_queryset(request).order_by(submitted_first, "-updated_at")

    @admin.display(description=_("record"))
    def record(self, obj):
        return obj.record_repr

    @admin.display(description=_("kind"))
    def kind(self, obj):
        return capfirst(obj.content_type.name)

    @admin.display(description="")
    def review_link(self, obj):
        opts = obj.content_type.model_class()._meta
        if obj.status in PendingChange.OPEN:
            name = "pending_review" if obj.status == PendingChange.Status.SUBMITTED else "change"
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=[obj.object_id])
            label = gettext("Review") if name == "pending_review" else gettext("Open")
            return format_html('<a href="{}">{}</a>', url, label)
        return ""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request):
        return self.has_view_permission(request)
