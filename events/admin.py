"""Editorial administration of the dialogue: events, people, organisations, initiatives.

Every foreign key and many-to-many field is edited with an autocomplete widget, so
every admin that is the target of one declares ``search_fields``. Changelists load
what their columns show with ``list_select_related`` or a prefetch in
``get_queryset``: their number of queries does not grow with the number of rows.

This module never imports ``resolutions``. What every content admin shares comes
from ``ctdialogue.publishing.admin`` (roles, publishing, history) and
``ctdialogue.safety.admin`` (content checks, image renditions).
"""

from django.contrib import admin
from django.db.models import Count, Prefetch
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries.filters import CountryFilter

from ctdialogue.publishing import history
from ctdialogue.publishing.admin import (
    PUBLISHING_FIELDSET,
    URL_FIELD_OVERRIDES,
    LabelledTabularInline,
    PublicationAdminMixin,
    PublicationStateFilter,
    PublishableAdmin,
    StaffImportExportMixin,
    VersionedAdmin,
)
from ctdialogue.publishing.models import DRAFT, PUBLISHED
from ctdialogue.publishing.workflow import can_publish
from ctdialogue.safety.admin import ContentCheckAdminMixin, RenditionsAdminMixin
from ctdialogue.safety.renditions import generate_renditions
from ctdialogue.translations.admin import TranslationsAdminMixin

from .dates import format_period
from .forms import (
    PHOTO_FIELDS,
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

# Every content model keeps its history (django-reversion); an event's and an
# initiative's versions include their parts.
for model in (
    Theme,
    Organization,
    Person,
    EventSeries,
    Participation,
    Contribution,
    Photo,
    Attachment,
    InitiativePartner,
):
    history.register(model)
history.register(Event, follow=("participations", "contributions", "photos", "attachments"))
history.register(Initiative, follow=("partnerships",))


class EventPartAdminMixin:
    """Parts of an event (speakers, participants, photos, documents) have no page of
    their own: "view on site" opens the event's page."""

    def view_on_site(self, obj):
        return obj.event.get_absolute_url()


# --- Themes, stakeholders, speakers ------------------------------------------


@admin.register(Theme)
class ThemeAdmin(
    TranslationsAdminMixin, ContentCheckAdminMixin, PublicationAdminMixin, PublishableAdmin
):
    form = ThemeAdminForm
    list_display = ["name", "slug", "publication", "publish_at"]
    list_filter = [PublicationStateFilter]
    search_fields = ["name", "description"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [(None, {"fields": ["name", "slug", "description"]}), PUBLISHING_FIELDSET]


@admin.register(Organization)
class OrganizationAdmin(
    TranslationsAdminMixin,
    StaffImportExportMixin,
    ContentCheckAdminMixin,
    RenditionsAdminMixin,
    PublicationAdminMixin,
    PublishableAdmin,
):
    form = OrganizationAdminForm
    resource_classes = [OrganizationResource]
    rendition_source = "logo"
    rendition_target = "logo_renditions"
    # No publish time column, as on the events' and speakers' lists: a scheduled
    # stakeholder says when in its publication column (room for the kind in Russian).
    list_display = ["name", "acronym", "kind", "country", "publication"]
    list_filter = [PublicationStateFilter, "kind", ("country", CountryFilter)]
    search_fields = ["name", "acronym", "description"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = URL_FIELD_OVERRIDES
    fieldsets = [
        (None, {"fields": ["name", "acronym", "slug", "kind", "country"]}),
        (_("About"), {"fields": ["website", "description", "logo"]}),
        PUBLISHING_FIELDSET,
    ]


@admin.register(Person)
class PersonAdmin(
    TranslationsAdminMixin,
    ContentCheckAdminMixin,
    RenditionsAdminMixin,
    PublicationAdminMixin,
    PublishableAdmin,
):
    form = PersonAdminForm
    rendition_source = "photo"
    rendition_target = "photo_renditions"
    list_display = ["name", "position", "stakeholder", "publication"]
    list_filter = [PublicationStateFilter, "organization__kind"]
    search_fields = ["name", "position", "organization__name", "organization__acronym"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organization"]
    list_select_related = ["organization"]

    @admin.display(description=_("organisation"), ordering="organization__name")
    def stakeholder(self, obj):
        """The organisation, in a column that wraps (Django keeps a link column on one
        line, too wide for 1,280 px with long names)."""
        return str(obj.organization) if obj.organization else ""

    fieldsets = [
        (None, {"fields": ["honorific", "name", "slug", "position", "organization"]}),
        (
            _("About"),
            {
                "fields": ["bio", "photo", ("consent_to_publish", "consent_recorded_at")],
                "description": _(
                    "The photo and the biography appear on the public site only when "
                    "the person has agreed to it."
                ),
            },
        ),
        PUBLISHING_FIELDSET,
    ]


# --- Series and events -------------------------------------------------------


@admin.register(EventSeries)
class EventSeriesAdmin(
    TranslationsAdminMixin, ContentCheckAdminMixin, PublicationAdminMixin, PublishableAdmin
):
    form = EventSeriesAdminForm
    list_display = ["name", "event_count", "publication", "publish_at"]
    list_filter = [PublicationStateFilter]
    search_fields = ["name", "description"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [(None, {"fields": ["name", "slug", "description"]}), PUBLISHING_FIELDSET]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_count=Count("events"))

    @admin.display(description=_("events"), ordering="event_count")
    def event_count(self, obj):
        return obj.event_count


class ParticipationInline(LabelledTabularInline):
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
    @admin.display(description=_("preview"))
    def preview(self, photo):
        if not photo.image:
            return "-"
        return format_html(
            '<img src="{}" alt="{}" style="max-width: 8rem; height: auto;">',
            photo.image.url,
            photo.alt_text,
        )


class PublicationColumnMixin:
    """An event's photos and documents have a publication state of their own: shown in
    its inline, changed on their own admin pages (or with its actions)."""

    @admin.display(description=_("publication"))
    def publication(self, obj):
        return capfirst(obj.publication_state_label) if obj.pk else "-"


class PhotoInline(PublicationColumnMixin, PhotoPreviewMixin, LabelledTabularInline):
    model = Photo
    form = PhotoAdminForm
    fields = ["preview", *PHOTO_FIELDS, "publication"]
    readonly_fields = ["preview", "publication"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")


class AttachmentInline(PublicationColumnMixin, LabelledTabularInline):
    model = Attachment
    form = AttachmentAdminForm
    fields = ["title", "kind", "file", "size", "order", "publication"]
    readonly_fields = ["size", "publication"]
    extra = 0


@admin.register(Event)
class EventAdmin(
    TranslationsAdminMixin, ContentCheckAdminMixin, PublicationAdminMixin, PublishableAdmin
):
    form = EventAdminForm
    # Columns that fit 1,280 px: the series and edition are in the title's filter and
    # form, and a scheduled publication says its time in the publication column.
    list_display = ["title", "dates", "place", "status", "theme_list", "publication"]
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
            _("Dates"),
            {
                "fields": [("start_date", "end_date"), "date_precision"],
                "description": _(
                    "For a month, half-year or year, enter any day in it and choose the "
                    "precision: the whole period is stored and shown as such."
                ),
            },
        ),
        (_("Place"), {"fields": [("city", "country"), "venue"]}),
        (_("Text"), {"fields": ["summary", "body"]}),
        (_("Themes"), {"fields": ["themes"]}),
        (_("Outcomes"), {"fields": ["expected_outcome", "outcome"]}),
        PUBLISHING_FIELDSET,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    def save_formset(self, request, form, formset, change):
        if formset.model in (Photo, Attachment):
            # A new photo or document is published when a publisher adds it, and waits
            # as a draft when an editor does.
            status = PUBLISHED if can_publish(request.user, formset.model) else DRAFT
            for part_form in formset.forms:
                if part_form.instance.pk is None:
                    part_form.instance.publication_status = status
                    part_form.instance.language = form.instance.language
        super().save_formset(request, form, formset, change)
        if formset.model is Photo:
            for photo_form in formset.forms:
                if photo_form.instance.pk and "image" in photo_form.changed_data:
                    generate_renditions(
                        photo_form.instance, image_field="image", renditions_field="renditions"
                    )

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        """The dates as precisely as they are known, without "(tentative)": the status
        column beside says so."""
        return format_period(obj.start_date, obj.end_date, obj.date_precision)

    @admin.display(description=_("place"), ordering="city")
    def place(self, obj):
        return obj.place_display

    @admin.display(description=_("themes"))
    def theme_list(self, obj):
        return ", ".join(theme.name for theme in obj.themes.all())


@admin.register(Participation)
class ParticipationAdmin(
    TranslationsAdminMixin, ContentCheckAdminMixin, EventPartAdminMixin, VersionedAdmin
):
    form = ParticipationAdminForm
    list_display = ["participant", "event", "role", "stakeholder_kind"]
    list_filter = ["role", "stakeholder_kind", "organization__kind"]
    search_fields = ["event__title", "organization__name", "organization__acronym", "description"]
    ordering = ["-event__start_date", "event__title", "order", "pk"]
    autocomplete_fields = ["event", "organization"]
    list_select_related = ["event", "organization"]

    @admin.display(description=_("participant"), ordering="organization__name")
    def participant(self, obj):
        return obj.participant_display


@admin.register(Contribution)
class ContributionAdmin(
    TranslationsAdminMixin, ContentCheckAdminMixin, EventPartAdminMixin, VersionedAdmin
):
    form = ContributionAdminForm
    list_display = ["person", "event", "role", "title", "has_quotation"]
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

    @admin.display(description=_("quotation"), boolean=True)
    def has_quotation(self, obj):
        return bool(obj.quotation)


# --- Initiatives -------------------------------------------------------------


class InitiativePartnerInline(LabelledTabularInline):
    model = InitiativePartner
    fields = ["organization", "role", "order"]
    autocomplete_fields = ["organization"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization", "initiative")


@admin.register(Initiative)
class InitiativeAdmin(
    TranslationsAdminMixin, ContentCheckAdminMixin, PublicationAdminMixin, PublishableAdmin
):
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
        (_("Text"), {"fields": ["summary"]}),
        (_("Links"), {"fields": ["themes", "events"]}),
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

    @admin.display(description=_("partners"))
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
    TranslationsAdminMixin,
    ContentCheckAdminMixin,
    RenditionsAdminMixin,
    PhotoPreviewMixin,
    EventPartAdminMixin,
    PublicationAdminMixin,
    PublishableAdmin,
):
    form = PhotoAdminForm
    # Their order is an event's (set in its form); their publication, as other lists.
    list_display = ["__str__", "preview", "event", "credit", "is_decorative", "publication"]
    list_filter = [PublicationStateFilter, "is_decorative"]
    search_fields = ["caption", "alt_text", "credit", "event__title"]
    ordering = ["-event__start_date", "event__title", "order", "pk"]
    autocomplete_fields = ["event"]
    list_select_related = ["event"]
    fields = ["event", "preview", *PHOTO_FIELDS, "language", ("publication_status", "publish_at")]
    readonly_fields = ["preview", "created_at", "updated_at"]


@admin.register(Attachment)
class AttachmentAdmin(
    TranslationsAdminMixin,
    ContentCheckAdminMixin,
    EventPartAdminMixin,
    PublicationAdminMixin,
    PublishableAdmin,
):
    form = AttachmentAdminForm
    list_display = ["title", "kind", "event", "file", "size", "publication"]
    list_filter = [PublicationStateFilter, "kind"]
    search_fields = ["title", "event__title"]
    ordering = ["-event__start_date", "event__title", "order", "pk"]
    autocomplete_fields = ["event"]
    list_select_related = ["event"]
    fields = [
        "event",
        "title",
        "kind",
        "file",
        "size",
        "order",
        "language",
        ("publication_status", "publish_at"),
    ]
    readonly_fields = ["size", "created_at", "updated_at"]
