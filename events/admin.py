"""Editorial administration of the dialogue: events, people, organisations, initiatives.

Every foreign key and many-to-many field is edited with an autocomplete widget, so
every admin that is the target of one declares ``search_fields``. Changelists load
what their columns show with ``list_select_related`` or a prefetch in
``get_queryset``: their number of queries does not grow with the number of rows.

This module never imports ``resolutions``; ``resolutions.admin`` imports the
publication mixin and filter from here.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import models
from django.db.models import Count, Prefetch
from django.utils.html import format_html
from django_countries.filters import CountryFilter

from .editorial import PublishableAdmin, StaffImportExportMixin, VersionedAdmin
from .forms import (
    CONFIRMATION_FIELD,
    AttachmentAdminForm,
    ContributionAdminForm,
    EventAdminForm,
    EventSeriesAdminForm,
    InitiativeAdminForm,
    OrganizationAdminForm,
    ParticipationAdminForm,
    PersonAdminForm,
    PhotoAdminForm,
    ThemeAdminForm,
)
from .models import (
    Attachment,
    Contribution,
    Event,
    EventSeries,
    Initiative,
    InitiativePartner,
    Organization,
    Participation,
    Person,
    Photo,
    Theme,
)
from .resources import OrganizationResource
from .services import generate_renditions
from .versioning import register_event_models

# Every content model keeps its history (django-reversion); an event's and an
# initiative's versions include their parts.
register_event_models()

# Web addresses typed without a scheme are taken as https (Django 6's default;
# without it Django 5.2 warns on every form with a URL field).
URL_FIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}

# --- Publishing, shared by every publishable model --------------------------

PUBLISHING_FIELDSET = (
    "Publishing",
    {
        "fields": [
            "language",
            ("publication_status", "publish_at"),
            ("created_at", "updated_at"),
        ],
        "description": (
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

    title = "publication"
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [("draft", "Draft"), ("scheduled", "Scheduled"), ("published", "Published")]

    def queryset(self, request, queryset):
        if self.value() == "draft":
            return queryset.drafts()
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "published":
            return queryset.published()
        return queryset


class PublicationAdminMixin:
    """The publication column and the read-only timestamps of a publishable model.

    List ``"publication"`` and ``"publish_at"`` in ``list_display``,
    ``PublicationStateFilter`` in ``list_filter`` and ``PUBLISHING_FIELDSET`` last in
    ``fieldsets``.
    """

    readonly_fields = ["created_at", "updated_at"]

    @admin.display(description="publication", ordering="publication_status")
    def publication(self, obj):
        return obj.publication_state.capitalize()


class EventPartAdminMixin:
    """Parts of an event (speakers, participants, photos, documents) have no page of
    their own: "view on site" opens the event's page."""

    def view_on_site(self, obj):
        return obj.event.get_absolute_url()


CONTENT_CHECK_FIELDSET = (
    "Content check",
    {
        "fields": [CONFIRMATION_FIELD],
        "description": (
            "The text above contains something that may not belong (see the list at the "
            "top of the page). Correct it, or confirm that it is right as it is."
        ),
    },
)


class ContentCheckAdminMixin:
    """Content integrity in the admin (``events.forms.IntegrityFormMixin``): when a
    save is stopped by findings in the form or its inlines, the page shows the
    confirmation box; a confirmed save says what was saved anyway."""

    @staticmethod
    def _findings(form, formsets):
        findings = list(getattr(form, "integrity_findings", ()))
        for formset in formsets:
            for inline_form in formset.forms:
                findings += getattr(inline_form, "integrity_findings", ())
        return findings

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        adminform = context.get("adminform")
        formsets = [inline.formset for inline in context.get("inline_admin_formsets", [])]
        if adminform is not None and self._findings(adminform.form, formsets):
            context["adminform"] = helpers.AdminForm(
                adminform.form,
                [*adminform.fieldsets, CONTENT_CHECK_FIELDSET],
                self.get_prepopulated_fields(request, obj),
                adminform.readonly_fields,
                model_admin=self,
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        findings = self._findings(form, formsets)
        if findings:
            listed = "; ".join(str(finding) for finding in findings[:5])
            more = f" and {len(findings) - 5} more" if len(findings) > 5 else ""
            messages.warning(request, f"Saved with content warnings you confirmed: {listed}{more}.")


class RenditionsAdminMixin:
    """Smaller copies of a new image for the public pages' ``srcset``, made once
    after the save (``events.services.generate_renditions``)."""

    rendition_source = "image"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if self.rendition_source in form.changed_data:
            generate_renditions(obj)


# --- Themes, stakeholders, speakers ------------------------------------------


@admin.register(Theme)
class ThemeAdmin(ContentCheckAdminMixin, PublicationAdminMixin, PublishableAdmin):
    form = ThemeAdminForm
    list_display = ["name", "slug", "publication", "publish_at"]
    list_filter = [PublicationStateFilter]
    search_fields = ["name", "description"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [(None, {"fields": ["name", "slug", "description"]}), PUBLISHING_FIELDSET]


@admin.register(Organization)
class OrganizationAdmin(
    StaffImportExportMixin,
    ContentCheckAdminMixin,
    RenditionsAdminMixin,
    PublicationAdminMixin,
    PublishableAdmin,
):
    form = OrganizationAdminForm
    resource_classes = [OrganizationResource]
    rendition_source = "logo"
    list_display = ["name", "acronym", "kind", "country", "publication", "publish_at"]
    list_filter = [PublicationStateFilter, "kind", ("country", CountryFilter)]
    search_fields = ["name", "acronym", "description"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = URL_FIELD_OVERRIDES
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind", "country"]}),
        ("About", {"fields": ["website", "description", "logo"]}),
        PUBLISHING_FIELDSET,
    ]


@admin.register(Person)
class PersonAdmin(
    ContentCheckAdminMixin, RenditionsAdminMixin, PublicationAdminMixin, PublishableAdmin
):
    form = PersonAdminForm
    rendition_source = "photo"
    list_display = ["name", "honorific", "position", "organization", "publication", "publish_at"]
    list_filter = [PublicationStateFilter, "organization__kind"]
    search_fields = ["name", "position", "organization__name", "organization__acronym"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organization"]
    list_select_related = ["organization"]
    fieldsets = [
        (None, {"fields": ["honorific", "name", "slug", "position", "organization"]}),
        (
            "About",
            {
                "fields": ["bio", "photo", ("consent_to_publish", "consent_recorded_at")],
                "description": (
                    "The photo and the biography appear on the public site only when "
                    "the person has agreed to it."
                ),
            },
        ),
        PUBLISHING_FIELDSET,
    ]


# --- Series and events -------------------------------------------------------


@admin.register(EventSeries)
class EventSeriesAdmin(ContentCheckAdminMixin, PublicationAdminMixin, PublishableAdmin):
    form = EventSeriesAdminForm
    list_display = ["name", "event_count", "publication", "publish_at"]
    list_filter = [PublicationStateFilter]
    search_fields = ["name", "description"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [(None, {"fields": ["name", "slug", "description"]}), PUBLISHING_FIELDSET]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_count=Count("events"))

    @admin.display(description="events", ordering="event_count")
    def event_count(self, obj):
        return obj.event_count


class ParticipationInline(admin.TabularInline):
    model = Participation
    form = ParticipationAdminForm
    fields = ["organization", "stakeholder_kind", "description", "role", "order"]
    autocomplete_fields = ["organization"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization", "event")


class ContributionInline(admin.StackedInline):
    model = Contribution
    form = ContributionAdminForm
    fields = [
        ("person", "role", "order"),
        "title",
        "summary",
        ("quotation", "quotation_language"),
        "chatham_house_rule",
    ]
    autocomplete_fields = ["person"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "event")


class PhotoPreviewMixin:
    @admin.display(description="preview")
    def preview(self, photo):
        if not photo.image:
            return "-"
        return format_html(
            '<img src="{}" alt="{}" style="max-width: 8rem; height: auto;">',
            photo.image.url,
            photo.alt_text,
        )


class PhotoInline(PhotoPreviewMixin, admin.TabularInline):
    model = Photo
    form = PhotoAdminForm
    fields = ["preview", "image", "alt_text", "is_decorative", "caption", "credit", "order"]
    readonly_fields = ["preview"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")


class AttachmentInline(admin.TabularInline):
    model = Attachment
    form = AttachmentAdminForm
    fields = ["title", "kind", "file", "size", "order"]
    readonly_fields = ["size"]
    extra = 0


@admin.register(Event)
class EventAdmin(ContentCheckAdminMixin, PublicationAdminMixin, PublishableAdmin):
    form = EventAdminForm
    list_display = [
        "title",
        "series",
        "edition",
        "dates",
        "place",
        "status",
        "theme_list",
        "publication",
        "publish_at",
    ]
    list_filter = [
        PublicationStateFilter,
        "status",
        "kind",
        "series",
        "themes",
        ("country", CountryFilter),
        "date_precision",
    ]
    search_fields = ["title", "summary", "city", "venue", "series__name"]
    ordering = ["-start_date", "title"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["series", "themes"]
    list_select_related = ["series"]
    save_on_top = True
    inlines = [ParticipationInline, ContributionInline, PhotoInline, AttachmentInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("series", "edition"),
                    "title",
                    "slug",
                    ("kind", "status"),
                    "chatham_house_rule",
                ]
            },
        ),
        (
            "Dates",
            {
                "fields": [("start_date", "end_date"), "date_precision"],
                "description": (
                    "For a month, half-year or year, enter any day in it and choose the "
                    "precision: the whole period is stored and shown as such."
                ),
            },
        ),
        ("Place", {"fields": [("city", "country"), "venue"]}),
        ("Text", {"fields": ["summary", "body"]}),
        ("Themes", {"fields": ["themes"]}),
        ("Outcomes", {"fields": ["expected_outcome", "outcome"]}),
        PUBLISHING_FIELDSET,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Photo:
            for photo_form in formset.forms:
                if photo_form.instance.pk and "image" in photo_form.changed_data:
                    generate_renditions(photo_form.instance)

    @admin.display(description="dates", ordering="start_date")
    def dates(self, obj):
        return obj.date_display

    @admin.display(description="place", ordering="city")
    def place(self, obj):
        return obj.place_display

    @admin.display(description="themes")
    def theme_list(self, obj):
        return ", ".join(theme.name for theme in obj.themes.all())


@admin.register(Participation)
class ParticipationAdmin(ContentCheckAdminMixin, EventPartAdminMixin, VersionedAdmin):
    form = ParticipationAdminForm
    list_display = ["participant", "event", "role", "stakeholder_kind", "order"]
    list_filter = ["role", "stakeholder_kind", "organization__kind"]
    search_fields = ["event__title", "organization__name", "organization__acronym", "description"]
    ordering = ["-event__start_date", "event__title", "order", "pk"]
    autocomplete_fields = ["event", "organization"]
    list_select_related = ["event", "organization"]

    @admin.display(description="participant", ordering="organization__name")
    def participant(self, obj):
        return obj.participant_display


@admin.register(Contribution)
class ContributionAdmin(ContentCheckAdminMixin, EventPartAdminMixin, VersionedAdmin):
    form = ContributionAdminForm
    list_display = ["person", "event", "role", "title", "has_quotation", "order"]
    list_filter = ["role", "quotation_language"]
    search_fields = ["person__name", "event__title", "title", "summary", "quotation"]
    ordering = ["-event__start_date", "event__title", "order", "pk"]
    autocomplete_fields = ["event", "person"]
    list_select_related = ["event", "person"]
    fields = [
        ("event", "person"),
        ("role", "order"),
        "title",
        "summary",
        ("quotation", "quotation_language"),
        "chatham_house_rule",
    ]

    @admin.display(description="quotation", boolean=True)
    def has_quotation(self, obj):
        return bool(obj.quotation)


# --- Initiatives -------------------------------------------------------------


class InitiativePartnerInline(admin.TabularInline):
    model = InitiativePartner
    fields = ["organization", "role", "order"]
    autocomplete_fields = ["organization"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization", "initiative")


@admin.register(Initiative)
class InitiativeAdmin(ContentCheckAdminMixin, PublicationAdminMixin, PublishableAdmin):
    form = InitiativeAdminForm
    list_display = ["name", "acronym", "launched", "partner_list", "publication", "publish_at"]
    list_filter = [PublicationStateFilter, "launched", "themes"]
    search_fields = ["name", "acronym", "summary"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["themes", "events"]
    formfield_overrides = URL_FIELD_OVERRIDES
    inlines = [InitiativePartnerInline]
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "launched", "website"]}),
        ("Text", {"fields": ["summary"]}),
        ("Links", {"fields": ["themes", "events"]}),
        PUBLISHING_FIELDSET,
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "partnerships",
                    queryset=InitiativePartner.objects.select_related("organization"),
                )
            )
        )

    @admin.display(description="partners")
    def partner_list(self, obj):
        return ", ".join(
            f"{partnership.organization.short_name} ({partnership.get_role_display().lower()})"
            for partnership in obj.partnerships.all()
        )


@admin.register(InitiativePartner)
class InitiativePartnerAdmin(VersionedAdmin):
    list_display = ["organization", "initiative", "role", "order"]
    list_filter = ["role"]
    search_fields = ["initiative__name", "organization__name", "organization__acronym"]
    ordering = ["initiative__name", "role", "order", "pk"]
    autocomplete_fields = ["initiative", "organization"]
    list_select_related = ["initiative", "organization"]

    def view_on_site(self, obj):
        return obj.initiative.get_absolute_url()


# --- Media -------------------------------------------------------------------


@admin.register(Photo)
class PhotoAdmin(
    ContentCheckAdminMixin,
    RenditionsAdminMixin,
    PhotoPreviewMixin,
    EventPartAdminMixin,
    VersionedAdmin,
):
    form = PhotoAdminForm
    list_display = ["__str__", "preview", "event", "credit", "is_decorative", "order"]
    list_filter = ["is_decorative"]
    search_fields = ["caption", "alt_text", "credit", "event__title"]
    ordering = ["-event__start_date", "event__title", "order", "pk"]
    autocomplete_fields = ["event"]
    list_select_related = ["event"]
    fields = [
        "event",
        "preview",
        "image",
        "alt_text",
        "is_decorative",
        "caption",
        "credit",
        "order",
    ]
    readonly_fields = ["preview"]


@admin.register(Attachment)
class AttachmentAdmin(ContentCheckAdminMixin, EventPartAdminMixin, VersionedAdmin):
    form = AttachmentAdminForm
    list_display = ["title", "kind", "event", "file", "size", "order"]
    list_filter = ["kind"]
    search_fields = ["title", "event__title"]
    ordering = ["-event__start_date", "event__title", "order", "pk"]
    autocomplete_fields = ["event"]
    list_select_related = ["event"]
    fields = ["event", "title", "kind", "file", "size", "order"]
    readonly_fields = ["size"]
