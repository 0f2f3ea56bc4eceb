"""The dialogue itself: events, who spoke, who took part, and what they discussed."""

import datetime
import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, Prefetch, Q, Value
from django.db.models.functions import Cast, Coalesce, Concat, ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from ctdialogue.output.dates import KnownDate
from ctdialogue.publishing.models import (
    UN_LANGUAGES,
    PublicQuerySet,
    Publishable,
    PublishableQuerySet,
)
from ctdialogue.translations.registry import shown_language, text_columns

from .dates import DatePrecision, format_period, period_end, period_start


def upload_path(folder: str, filename: str) -> str:
    """A fresh random name under ``folder``; only a known extension survives."""
    extension = PurePath(filename).suffix.lower()
    if extension not in {".jpg", ".jpeg", ".png", ".webp", ".pdf"}:
        extension = ""
    now = timezone.now()
    return f"{folder}/{now:%Y/%m}/{uuid.uuid4().hex}{extension}"


def organization_logo_path(instance, filename):
    return upload_path("logos", filename)


def person_photo_path(instance, filename):
    return upload_path("people", filename)


def event_photo_path(instance, filename):
    return upload_path("photos", filename)


def event_attachment_path(instance, filename):
    return upload_path("documents", filename)


# --- Themes -----------------------------------------------------------------


class Theme(Publishable):
    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    description = models.TextField(_("description"), blank=True)

    #: (field, weight) of the site search's document (ctdialogue.search).
    search_document = (("name", "A"), ("description", "B"))

    objects = PublishableQuerySet.as_manager()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    page_url_name = "events:theme-detail"


# --- Stakeholders and speakers ----------------------------------------------


# --- How records read, for pages and for exports that read rows of values -------

#: How a speaker reads where the Chatham House rule applies.
ANONYMOUS_SPEAKER = _("A participant (Chatham House rule)")


def ordinal(number: int) -> str:
    """ "1st", "2nd", "11th", "21st" in the active language: each language writes the
    ordinal of an edition its own way, and the first may differ from the 21st."""
    values = {"number": number}
    if number % 100 in (11, 12, 13):
        return pgettext("ordinal", "%(number)dth") % values
    if number == 1:
        return pgettext("ordinal, the first", "%(number)dst") % values
    last = number % 10
    if last == 1:
        return pgettext("ordinal ending in 1", "%(number)dst") % values
    if last == 2:
        return pgettext("ordinal ending in 2", "%(number)dnd") % values
    if last == 3:
        return pgettext("ordinal ending in 3", "%(number)drd") % values
    return pgettext("ordinal", "%(number)dth") % values


def full_name(honorific: str, name: str) -> str:
    return f"{honorific} {name}".strip()


def is_attributable(session_rule: bool, event_rule: bool) -> bool:
    """The Chatham House rule: nobody is named for a session, or a whole event, held
    under it."""
    return not (session_rule or event_rule)


def event_dates(start, end, precision: str, status: str) -> str:
    """ "24-25 January 2018", "May 2017", "Second half of 2018 (tentative)"."""
    text = format_period(start, end, precision)
    if status == Event.Status.TENTATIVE:
        return gettext("%(dates)s (tentative)") % {"dates": text}
    return text


def event_known_date(start, end, precision: str, status: str) -> KnownDate:
    """An event's dates as exactly as they are known; a tentative event's are unsure."""
    return KnownDate(start, end, precision, tentative=status == Event.Status.TENTATIVE)


def participant_name(organization_name: str | None, description: str, kind: str) -> str:
    """A participation's name: its organisation's, else its description, else its
    stakeholder kind in words."""
    if organization_name is not None:
        return organization_name
    return description or (str(Organization.Kind(kind).label) if kind else "")


class Organization(Publishable):
    class Kind(models.TextChoices):
        MEMBER_STATE = "member_state", _("Member State government")
        UN_ENTITY = "un_entity", _("UN entity")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organisation")
        PRIVATE_SECTOR = "private_sector", _("Private sector")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        ACADEMIA = "academia", _("Academia")
        PROFESSIONAL = "professional", _("Professional association")
        NGO = "ngo", _("Non-governmental organisation")

    name = models.CharField(_("name"), max_length=255, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    country = CountryField(
        _("country"), blank=True, help_text=_("Where it is based; empty for UN entities.")
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(_("logo"), upload_to=organization_logo_path, blank=True)
    logo_renditions = models.JSONField(
        _("logo renditions"), default=dict, blank=True, editable=False
    )

    #: What describes a stakeholder, in the order its form and the API list it.
    DESCRIPTION = ("name", "acronym", "slug", "kind", "country", "website", "description")

    search_document = (("name", "A"), ("acronym", "A"), ("description", "B"))

    objects = PublishableQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    page_url_name = "events:organization-detail"

    @property
    def short_name(self) -> str:
        return self.acronym or self.name


class PersonQuerySet(PublishableQuerySet):
    def with_organization(self):
        """The organisation of each person, or None where it is not public."""
        return self.with_public("organization")


class Person(Publishable):
    honorific = models.CharField(
        _("honorific"), max_length=20, blank=True, help_text=_("Mr., Ms., Dr., H.E. ...")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ImageField(_("photo"), upload_to=person_photo_path, blank=True)
    photo_renditions = models.JSONField(
        _("photo renditions"), default=dict, blank=True, editable=False
    )
    consent_to_publish = models.BooleanField(
        _("consent to publish photo and biography"),
        default=False,
        help_text=_(
            "Tick only when the person has agreed; until then only name and position show."
        ),
    )
    consent_recorded_at = models.DateTimeField(
        _("consent recorded"), null=True, blank=True, help_text=_("When the consent was given.")
    )

    # A biography is searchable only with consent, so it is not in the document at all.
    #: What describes a speaker, in the order its form and the API list it.
    DESCRIPTION = ("honorific", "name", "slug", "position", "organization", "bio")

    search_document = (("name", "A"), ("position", "B"))
    #: Texts made of a translated field, shown in that field's language.
    text_sources = {"full_name": "name", "public_bio": "bio"}

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        ordering = ["name"]
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name

    page_url_name = "events:person-detail"

    @property
    def full_name(self) -> str:
        """ "Mr. Andrei Kovalenko", or its translation; a name shown in a translation
        without an honorific (Chinese has none) goes without the original's."""
        return full_name(self.shown_honorific, self.name)

    @property
    def shown_honorific(self) -> str:
        """The honorific, but none before a name shown in another language than its own."""
        same = shown_language(self, "honorific") == shown_language(self, "name")
        return self.honorific if same else ""

    @property
    def portrait(self):
        """The photo, only with the person's consent: what every public page shows."""
        return self.photo if self.consent_to_publish and self.photo else None

    @property
    def public_bio(self) -> str:
        """The biography, only with the person's consent."""
        return self.bio if self.consent_to_publish else ""


# --- Series and events ------------------------------------------------------


class EventSeries(Publishable):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    page_url_name = "events:series-detail"


class EventQuerySet(PublishableQuerySet):
    def upcoming(self, today=None):
        """Events whose last possible day is today or later, unless cancelled."""
        today = today or timezone.localdate()
        return self.filter(
            Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today)
        ).exclude(status=Event.Status.CANCELLED)

    def ahead(self, today=None):
        """Events still to come: by their dates (from today on), or by their status when
        not yet held (planned, tentative or postponed, whatever their dates say, like a
        third workshop announced for "the second half of 2018" and never marked held);
        never a cancelled one."""
        not_yet_held = (Event.Status.PLANNED, Event.Status.TENTATIVE, Event.Status.POSTPONED)
        return self.upcoming(today) | self.filter(status__in=not_yet_held)

    def with_known_days(self):
        """The events whose days are known (``Event.has_known_days``)."""
        return self.filter(date_precision=DatePrecision.DAY)

    def past(self, today=None):
        """Events whose last possible day is before today."""
        today = today or timezone.localdate()
        return self.filter(Q(end_date__lt=today) | Q(end_date__isnull=True, start_date__lt=today))

    def in_year(self, year: int):
        """Events that touch ``year``, whatever their precision."""
        return self.filter(start_date__year__lte=year).filter(
            Q(end_date__isnull=True, start_date__year=year) | Q(end_date__year__gte=year)
        )

    def for_theme(self, theme):
        return self.filter(themes=theme)

    def with_stakeholder_kind(self, kind: str):
        """Events where a public organisation or a stakeholder group of ``kind`` took part."""
        return self.filter(
            pk__in=Participation.objects.public()
            .filter(Q(organization__kind=kind) | Q(stakeholder_kind=kind))
            .values("event_id")
        )

    def count_by_year(self) -> dict[int, int]:
        """{start year: number of events}, in one query."""
        rows = (
            self.order_by()
            .annotate(year=ExtractYear("start_date"))
            .values("year")
            .annotate(count=Count("pk", distinct=True))
        )
        return {row["year"]: row["count"] for row in rows}

    def count_by_year_and_theme(self) -> dict[int, dict[str, int]]:
        """{start year: {theme name: number of events}} over the public themes, in one
        query: an event on several themes counts once under each of them."""
        rows = (
            self.model.themes.through.objects.filter(
                event__in=self.values("pk"), theme__in=Theme.objects.public().values("pk")
            )
            .annotate(year=ExtractYear("event__start_date"))
            .values("year", "theme__name")
            .annotate(count=Count("event_id", distinct=True))
            .order_by()
        )
        counts: dict[int, dict[str, int]] = {}
        for row in rows:
            counts.setdefault(row["year"], {})[row["theme__name"]] = row["count"]
        return counts

    def chronological(self):
        return self.order_by("start_date", "edition", "title")

    def newest_first(self):
        return self.order_by("-start_date", "-edition", "title")

    def with_cards(self):
        """What a list row shows: its series and themes, where public, without N+1 queries."""
        return self.with_public(
            "series",
            Prefetch("themes", queryset=Theme.objects.only(*text_columns(Theme, "name", "slug"))),
        )

    def with_links(self):
        """An event with everything it links to (themes, speakers, participants,
        initiatives, resolutions), in a fixed number of queries."""
        # Resolutions live in an app that imports this one: reach them through the
        # reverse relation's model rather than an import.
        resolution_model = self.model._meta.get_field("resolutions").related_model
        return self.with_public(
            "series",
            "themes",
            Prefetch(
                "contributions",
                queryset=Contribution.objects.select_related("person").order_by("order", "pk"),
            ),
            "contributions__person__organization",
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("organization").order_by(
                    "order", "pk"
                ),
            ),
            "initiatives",
            Prefetch("resolutions", queryset=resolution_model.objects.order_by("number")),
        )

    def with_people(self):
        """Everything an event page shows, photos and documents included."""
        return self.with_links().with_public(
            Prefetch("photos", queryset=Photo.objects.order_by("order", "pk")),
            Prefetch("attachments", queryset=Attachment.objects.order_by("order", "pk")),
        )


class Event(Publishable):
    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        DIALOGUE = "dialogue", _("Dialogue")
        MEETING = "meeting", _("Meeting")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        TENTATIVE = "tentative", _("Tentative")
        HELD = "held", _("Held")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    series = models.ForeignKey(
        EventSeries,
        verbose_name=_("series"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    edition = models.PositiveSmallIntegerField(
        _("edition"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Its number in the series: 2 for the 2nd dialogue."),
    )
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.WORKSHOP)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    start_date = models.DateField(
        _("start date"),
        db_index=True,
        help_text=_("For a month, half-year or year, any day in it: the whole period is stored."),
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Last day, for events longer than a day.")
    )
    date_precision = models.CharField(
        _("date precision"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("How exactly the date is known: the page never claims more."),
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True, db_index=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences for lists and feeds.")
    )
    body = models.TextField(_("body"), blank=True)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="events"
    )
    expected_outcome = models.TextField(_("expected outcome"), blank=True)
    outcome = models.TextField(_("actual outcome"), blank=True)
    chatham_house_rule = models.BooleanField(
        _("Chatham House rule"),
        default=False,
        help_text=_("What was said may be reported, but not who said it."),
    )

    #: When and where, in the order every form and feed lists them.
    WHEN_AND_WHERE = ("start_date", "end_date", "date_precision", "city", "country", "venue")

    search_document = (
        ("title", "A"),
        ("summary", "B"),
        ("city", "C"),
        ("venue", "C"),
        ("body", "D"),
    )
    # An event is found by the words of its speeches too (ctdialogue.search.engine).
    search_related = ("contributions",)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="event_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.UniqueConstraint(
                fields=["series", "edition"],
                name="event_unique_edition_in_series",
                violation_error_message=_("This series already has an event with that edition."),
            ),
            models.CheckConstraint(
                condition=Q(edition__isnull=True) | Q(series__isnull=False),
                name="event_edition_needs_series",
                violation_error_message=_("An edition number needs a series."),
            ),
            models.CheckConstraint(
                condition=Q(date_precision=DatePrecision.DAY) | Q(end_date__isnull=False),
                name="event_fuzzy_date_is_a_period",
                violation_error_message=(
                    "A month, half-year or year is stored as its whole period: "
                    "it needs an end date."
                ),
            ),
        ]
        indexes = [models.Index(fields=["start_date", "end_date"], name="event_dates_idx")]

    def __str__(self):
        return self.title

    page_url_name = "events:event-detail"

    # Addresses under /events/ that belong to the list, not to an event.
    RESERVED_SLUGS = frozenset({"feed", "calendar", "export"})

    def clean(self):
        super().clean()
        if self.slug in self.RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": gettext("“%(slug)s” is reserved for the site; choose another.")
                    % {"slug": self.slug}
                }
            )
        if self.start_date and self.date_precision != DatePrecision.DAY:
            # A fuzzy date is stored as its whole period, so that ordering, year
            # filters and "upcoming" treat "Second half of 2018" honestly.
            self.start_date = period_start(self.start_date, self.date_precision)
            self.end_date = period_end(self.end_date or self.start_date, self.date_precision)
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})

    @property
    def is_tentative(self) -> bool:
        return self.status == self.Status.TENTATIVE

    @property
    def has_known_days(self) -> bool:
        """Whether its days are known: only then has it a place in a calendar."""
        return self.date_precision == DatePrecision.DAY

    @property
    def known_date(self) -> KnownDate:
        """The dates as exactly as they are known, for EDTF and citations."""
        return event_known_date(self.start_date, self.end_date, self.date_precision, self.status)

    @property
    def date_display(self) -> str:
        return event_dates(self.start_date, self.end_date, self.date_precision, self.status)

    @property
    def last_day(self):
        """The last day the event can fall on, at its precision."""
        return period_end(self.end_date or self.start_date, self.date_precision)

    @property
    def place_display(self) -> str:
        return ", ".join(part for part in (self.city, self.country.name) if part)

    @property
    def edition_display(self) -> str:
        """ "2nd", "2e", "2.ª", "2-й", "第2" in the active language ("" without one)."""
        return ordinal(self.edition) if self.edition else ""

    @property
    def title_names_edition(self) -> bool:
        """Whether the title already says its edition ("1st Asia ICT and CT Dialogue")."""
        return bool(self.edition) and self.edition_display.casefold() in self.title.casefold()

    @property
    def series_line(self) -> str:
        """Its place in its series, in the words the title does not already say: "1st
        Asia ICT and CT Dialogue" for a workshop titled otherwise, "3rd edition" for
        one titled after the series, nothing for "1st Asia ICT and CT Dialogue"."""
        series = self.series if self.series_id else None
        if series is None:  # none, or one the public may not see
            return ""
        edition = "" if self.title_names_edition else self.edition_display
        if series.name.casefold() not in self.title.casefold():
            if not edition:
                return series.name
            return gettext("%(ordinal)s %(series)s") % {"ordinal": edition, "series": series.name}
        return gettext("%(ordinal)s edition") % {"ordinal": edition} if edition else ""

    def is_past(self, today=None) -> bool:
        return self.last_day < (today or timezone.localdate())

    HOST_ROLES = ("co_host", "organiser")

    @property
    def hosts(self) -> list["Participation"]:
        """Co-hosts and organisers, from the prefetched participations."""
        return [p for p in self.participations.all() if p.role in self.HOST_ROLES]

    @property
    def participant_groups(self) -> list[tuple[str, list["Participation"]]]:
        """Everyone else who took part, grouped by stakeholder kind in a fixed order."""
        groups: dict[str, list[Participation]] = {}
        for participation in self.participations.all():
            if participation.role not in self.HOST_ROLES:
                groups.setdefault(participation.kind, []).append(participation)
        return [
            (label, groups[value]) for value, label in Organization.Kind.choices if value in groups
        ]


class ParticipationQuerySet(PublicQuerySet):
    def count_by_kind(self) -> dict[str, dict[str, int]]:
        """{stakeholder kind: {"participations": n, "organisations": n}} in one query.

        A participation is an organisation, or a stakeholder group without one, taking
        part in an event: it counts once per event whatever its roles there, and a group
        counts as one, as the record does not say how many people it sent. Organisations
        are the distinct named ones of that kind.
        """
        rows = (
            self.annotate(
                kind_of=Coalesce("organization__kind", "stakeholder_kind"),
                taking_part=Concat(
                    Cast("event_id", models.CharField()),
                    Value("/"),
                    Coalesce(Cast("organization_id", models.CharField()), Value("")),
                ),
            )
            .values("kind_of")
            .annotate(
                participations=Count("taking_part", distinct=True),
                organisations=Count("organization_id", distinct=True),
            )
            .order_by()
        )
        return {
            row["kind_of"]: {
                "participations": row["participations"],
                "organisations": row["organisations"],
            }
            for row in rows
        }


class Participation(models.Model):
    """An organisation, or a group of stakeholders, taking part in an event."""

    class Role(models.TextChoices):
        CO_HOST = "co_host", _("Co-host")
        ORGANISER = "organiser", _("Organiser")
        PARTICIPANT = "participant", _("Participant")
        PARTNER = "partner", _("Partner")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="participations"
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("organisation"),
        help_text=_("Leave empty for a group such as 'representatives of the private sector'."),
    )
    stakeholder_kind = models.CharField(
        _("stakeholder group"),
        max_length=20,
        choices=Organization.Kind.choices,
        blank=True,
        help_text=_("For a group without a named organisation."),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT
    )
    description = models.CharField(
        _("description"),
        max_length=255,
        blank=True,
        help_text=_("e.g. 'Representatives of Member States'."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    # Public only with its event and, when it names one, its organisation.
    shown_with = ("event", "organization")
    #: The record this one is part of: they share one version for lost-update checks.
    part_of = "event"

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["event", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organization__isnull=False) | ~Q(stakeholder_kind=""),
                name="participation_names_organization_or_group",
                violation_error_message=_("Choose an organisation or a stakeholder group."),
            ),
            models.UniqueConstraint(
                fields=["event", "organization", "role"],
                name="participation_unique_role",
                violation_error_message=_("This organisation already has this role at the event."),
            ),
            models.UniqueConstraint(
                fields=["event", "stakeholder_kind", "role"],
                condition=Q(organization__isnull=True),
                name="participation_unique_group_role",
                violation_error_message=_("This stakeholder group is already listed at the event."),
            ),
        ]
        indexes = [
            models.Index(fields=["stakeholder_kind", "event"], name="participation_group_idx"),
        ]

    def __str__(self):
        return f"{self.participant_display} - {self.get_role_display()} - {self.event}"

    @property
    def kind(self) -> str:
        return self.organization.kind if self.organization_id else self.stakeholder_kind

    @property
    def kind_display(self) -> str:
        return Organization.Kind(self.kind).label if self.kind else ""

    @property
    def participant_display(self) -> str:
        organization = self.organization.name if self.organization_id else None
        return participant_name(organization, self.description, self.kind)


class Contribution(models.Model):
    """A person speaking at an event, with what they said when it is on record."""

    class Role(models.TextChoices):
        ADDRESS = "address", pgettext_lazy("a speech", "Address")
        KEYNOTE = "keynote", _("Keynote")
        PANELLIST = "panellist", _("Panellist")
        MODERATOR = "moderator", _("Moderator")
        REMARKS = "remarks", _("Remarks")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="contributions"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="contributions"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.ADDRESS)
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Title of the talk or session.")
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("What the speaker covered, in our words.")
    )
    quotation = models.TextField(
        _("quotation"), blank=True, help_text=_("Verbatim words only, without quote marks.")
    )
    quotation_language = models.CharField(
        _("quotation language"),
        max_length=2,
        choices=UN_LANGUAGES,
        default="en",
        help_text=_("Language of the quotation."),
    )
    chatham_house_rule = models.BooleanField(
        _("Chatham House rule"),
        default=False,
        help_text=_("This session was under the Chatham House rule: the speaker is not named."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    # Public only with its event and its speaker: a draft speaker's words stay a draft.
    shown_with = ("event", "person")
    #: The record this one is part of: they share one version for lost-update checks.
    part_of = "event"

    search_document = (("quotation", "A"), ("title", "A"), ("summary", "B"))
    # Searched in the language of the words said; a title or summary in another language
    # is then stemmed in that one (PostgreSQL's partial indexes see only this table).
    search_language_field = "quotation_language"

    objects = PublicQuerySet.as_manager()

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["event", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"],
                name="contribution_unique_role",
                violation_error_message=_("This person already has this role at the event."),
            )
        ]

    def __str__(self):
        return f"{self.person} - {self.get_role_display()} - {self.event}"

    @property
    def attribution(self) -> str:
        """Who said it, as a quotation is attributed; nobody by name under the rule."""
        if not self.is_attributable:
            return str(ANONYMOUS_SPEAKER)
        position = f", {self.person.position}" if self.person.position else ""
        return f"{self.person.full_name}{position}"

    @property
    def is_attributable(self) -> bool:
        """False when the session or the whole event was under the Chatham House rule."""
        return is_attributable(self.chatham_house_rule, self.event.chatham_house_rule)


# --- Initiatives ------------------------------------------------------------


class InitiativeQuerySet(PublishableQuerySet):
    def with_partners(self):
        """Its partnerships with public organisations."""
        return self.with_public(
            Prefetch(
                "partnerships",
                queryset=InitiativePartner.objects.select_related("organization").order_by(
                    "role", "order", "pk"
                ),
            )
        )


class Initiative(Publishable):
    name = models.CharField(_("name"), max_length=255, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    launched = models.PositiveSmallIntegerField(
        _("year launched"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1945), MaxValueValidator(2100)],
    )
    summary = models.TextField(_("summary"), blank=True)
    website = models.URLField(_("website"), blank=True)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="initiatives"
    )
    events = models.ManyToManyField(
        Event,
        verbose_name=_("events"),
        blank=True,
        related_name="initiatives",
        help_text=_("Events where it was discussed."),
    )
    partners = models.ManyToManyField(
        Organization,
        verbose_name=_("partners"),
        through="InitiativePartner",
        related_name="initiatives",
        blank=True,
    )

    #: What describes an initiative, in the order its form and the API list it.
    DESCRIPTION = ("name", "acronym", "slug", "launched", "website", "summary", "themes")

    search_document = (("name", "A"), ("acronym", "A"), ("summary", "B"))

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["name"]

    page_url_name = "events:initiative-detail"

    @property
    def known_launch(self) -> KnownDate | None:
        """The year it was launched, known to the year only."""
        if not self.launched:
            return None
        return KnownDate(datetime.date(self.launched, 1, 1), precision=DatePrecision.YEAR)


class InitiativePartner(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        PARTNER = "partner", _("Partner")

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="partnerships",
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="initiative_partnerships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PARTNER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    shown_with = ("initiative", "organization")
    #: The record this one is part of: they share one version for lost-update checks.
    part_of = "initiative"

    objects = PublicQuerySet.as_manager()

    class Meta:
        ordering = ["initiative", "role", "order", "pk"]
        verbose_name = _("initiative partner")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "organization"],
                name="initiative_partner_unique",
                violation_error_message=_("This organisation is already a partner."),
            )
        ]

    def __str__(self):
        return f"{self.organization} - {self.get_role_display()} - {self.initiative}"


# --- Media ------------------------------------------------------------------


class Photo(Publishable):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(
        _("image"), upload_to=event_photo_path, width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(_("width"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True, editable=False)
    renditions = models.JSONField(_("renditions"), default=dict, blank=True, editable=False)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    is_decorative = models.BooleanField(
        _("is decorative"),
        default=False,
        help_text=_("Tick only if the photo adds nothing a reader would miss."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    shown_with = ("event",)
    #: The record this one is part of: they share one version for lost-update checks.
    part_of = "event"

    objects = PublishableQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["event", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_decorative=True) | ~Q(alt_text=""),
                name="photo_alt_text_or_decorative",
                violation_error_message=_("Describe the photo, or mark it as decorative."),
            )
        ]

    def __str__(self):
        return self.caption or self.alt_text or gettext("Photo %(number)s") % {"number": self.pk}

    def get_absolute_url(self):
        """Its own page in the event's gallery: the event's address, then the photo's
        number, which stays the same when photos are added or put in another order."""
        return reverse("events:photo-detail", kwargs={"slug": self.event.slug, "pk": self.pk})


class Attachment(Publishable):
    class Kind(models.TextChoices):
        CONCEPT_NOTE = "concept_note", _("Concept note")
        AGENDA = "agenda", _("Agenda")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other document")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(_("file"), upload_to=event_attachment_path)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    shown_with = ("event",)
    #: The record this one is part of: they share one version for lost-update checks.
    part_of = "event"

    objects = PublishableQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["event", "order", "pk"]

    def __str__(self):
        return self.title
