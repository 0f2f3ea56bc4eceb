"""The legal framework: Security Council resolutions behind the dialogue."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

from ctdialogue.publishing.models import PublicQuerySet, Publishable, PublishableQuerySet
from events.models import Event, Initiative, Theme

OFFICIAL_DOCUMENT_URL = "https://undocs.org/S/RES/{number}({year})"
#: The official text in one of the six official languages, by the UN's own language code.
OFFICIAL_TEXT_URL = "https://undocs.org/{language}/S/RES/{number}({year})"
MEETING_RECORD_URL = "https://undocs.org/S/PV.{meeting}"

#: The six official languages of the United Nations, each named in itself; the codes
#: are the ones undocs.org and the UN Digital Library use.
OFFICIAL_LANGUAGES = (
    ("ar", "العربية"),
    ("zh", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
)

#: The Security Council has had fifteen members since 1966 (eleven before).
COUNCIL_MEMBERS = 15


def council_rules(year: int | None) -> tuple[int, int]:
    """The Council's size and the votes in favour a decision needed in ``year`` (Article
    27 of the Charter: nine of fifteen since the enlargement of 1966, seven of eleven
    before)."""
    return (COUNCIL_MEMBERS, 9) if (year or 1966) >= 1966 else (11, 7)


class ResolutionQuerySet(PublishableQuerySet):
    def count_by_year(self) -> dict[int, int]:
        """{year of adoption: number of resolutions}, in one query."""
        rows = self.order_by().values("year").annotate(count=Count("pk"))
        return {row["year"]: row["count"] for row in rows}

    def with_links(self):
        return self.with_public(
            "themes",
            "initiatives",
            Prefetch("events", queryset=Event.objects.with_cards().newest_first()),
            Prefetch("relations", queryset=ResolutionRelation.objects.select_related("target")),
            Prefetch("referenced_by", queryset=ResolutionRelation.objects.select_related("source")),
        )


class Resolution(Publishable):
    class Vote(models.TextChoices):
        RECORDED = "recorded", _("Put to the vote")
        WITHOUT_VOTE = "without_vote", _("Adopted without a vote")

    number = models.PositiveIntegerField(
        _("number"),
        unique=True,
        validators=[MinValueValidator(1)],
        help_text=_("2395 for S/RES/2395 (2017)."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1946), MaxValueValidator(2100)], db_index=True
    )
    adopted_on = models.DateField(_("adoption date"), null=True, blank=True)
    title = models.CharField(
        _("subject"),
        max_length=300,
        help_text=_(
            "What the resolution is about, briefly, as this site describes it; the "
            "UN's own title goes in the next field."
        ),
    )
    official_title = models.CharField(
        _("the UN's title"),
        max_length=500,
        blank=True,
        help_text=_(
            "The title the United Nations gives it, as in the UN Digital Library, "
            "copied from the official record. Leave it empty rather than guess."
        ),
    )
    agenda_item = models.CharField(
        _("agenda item"),
        max_length=200,
        blank=True,
        default="Threats to international peace and security caused by terrorist acts",
    )
    meeting = models.PositiveIntegerField(
        _("meeting number"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "The Council meeting that adopted it: 8148 for its record S/PV.8148. "
            "Leave it empty rather than guess."
        ),
    )
    vote = models.CharField(
        _("vote"),
        max_length=12,
        choices=Vote.choices,
        blank=True,
        help_text=_("As the meeting record gives it; empty while not checked."),
    )
    votes_for = models.PositiveSmallIntegerField(
        _("in favour"), null=True, blank=True, validators=[MaxValueValidator(COUNCIL_MEMBERS)]
    )
    votes_against = models.PositiveSmallIntegerField(
        _("against"), null=True, blank=True, validators=[MaxValueValidator(COUNCIL_MEMBERS)]
    )
    abstentions = models.PositiveSmallIntegerField(
        _("abstentions"), null=True, blank=True, validators=[MaxValueValidator(COUNCIL_MEMBERS)]
    )
    summary = models.TextField(_("summary"), blank=True)
    document_url = models.URLField(
        _("official document link"),
        blank=True,
        help_text=_("Leave empty to link to the official text on undocs.org."),
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="resolutions"
    )
    initiatives = models.ManyToManyField(
        Initiative,
        verbose_name=_("initiatives"),
        blank=True,
        related_name="resolutions",
        help_text=_("Initiatives this resolution recognises."),
    )
    events = models.ManyToManyField(
        Event,
        verbose_name=_("events"),
        blank=True,
        related_name="resolutions",
        help_text=_("Events that discussed it."),
    )

    #: What describes a resolution, in the order its form and the import file list it.
    DESCRIPTION = (
        "number",
        "year",
        "adopted_on",
        "title",
        "agenda_item",
        "summary",
        "document_url",
    )

    #: How it was adopted, as the meeting record gives it.
    ADOPTION = ("meeting", "vote", "votes_for", "votes_against", "abstentions")

    search_document = (("title", "A"), ("summary", "B"), ("agenda_item", "C"))

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["-number"]
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1), name="resolution_number_positive"),
            models.CheckConstraint(
                condition=(
                    Q(vote="recorded", votes_for__isnull=False)
                    & Q(votes_against__isnull=False, abstentions__isnull=False)
                )
                | Q(
                    ~Q(vote="recorded"),
                    votes_for__isnull=True,
                    votes_against__isnull=True,
                    abstentions__isnull=True,
                ),
                name="resolution_vote_counts_with_recorded_vote",
                violation_error_message=_(
                    "Give the three counts of a recorded vote, and only of a recorded vote."
                ),
            ),
        ]

    def __str__(self):
        return self.symbol

    page_url_name = "resolutions:resolution-detail"
    page_lookup = "number"

    def clean(self):
        super().clean()
        if self.adopted_on and self.year and self.adopted_on.year != self.year:
            raise ValidationError(
                {
                    "year": gettext("The adoption date is in %(adopted)s, not %(year)s.")
                    % {"adopted": self.adopted_on.year, "year": self.year}
                }
            )
        self.clean_vote()

    def clean_vote(self):
        counts = {
            "votes_for": self.votes_for,
            "votes_against": self.votes_against,
            "abstentions": self.abstentions,
        }
        given = {name for name, count in counts.items() if count is not None}
        if self.vote != self.Vote.RECORDED:
            if given:
                message = gettext(
                    "Counts belong to a recorded vote: choose “Put to the vote” or leave "
                    "the counts empty."
                )
                raise ValidationError(dict.fromkeys(given, message))
            return
        if given != counts.keys():
            message = gettext("A recorded vote needs all three counts (0 for none).")
            raise ValidationError(dict.fromkeys(counts.keys() - given, message))
        members, needed = council_rules(self.year)
        if sum(counts.values()) > members:
            raise ValidationError(
                {
                    "votes_for": gettext(
                        "The Council had %(members)s members; these counts add up to %(total)s."
                    )
                    % {"members": members, "total": sum(counts.values())}
                }
            )
        if self.votes_for < needed:
            raise ValidationError(
                {
                    "votes_for": gettext("A resolution needed at least %(needed)s votes in favour.")
                    % {"needed": needed}
                }
            )

    @property
    def symbol(self) -> str:
        """The document symbol, e.g. "S/RES/2395 (2017)"."""
        return f"S/RES/{self.number} ({self.year})"

    @property
    def designation(self) -> str:
        """How the UN names it when no title is given: "Resolution 2396 (2017)"."""
        return gettext("Resolution %(number)s (%(year)s)") % {
            "number": self.number,
            "year": self.year,
        }

    @property
    def official_url(self) -> str:
        return self.document_url or OFFICIAL_DOCUMENT_URL.format(number=self.number, year=self.year)

    @property
    def official_texts(self) -> list[tuple[str, str, str]]:
        """(language code, the language's own name, address) of the official text in each
        of the six official languages."""
        return [
            (
                code,
                name,
                OFFICIAL_TEXT_URL.format(language=code, number=self.number, year=self.year),
            )
            for code, name in OFFICIAL_LANGUAGES
        ]

    @property
    def meeting_record(self) -> str:
        """The symbol of the meeting's verbatim record, e.g. "S/PV.8148"; "" if unknown."""
        return f"S/PV.{self.meeting}" if self.meeting else ""

    @property
    def meeting_record_url(self) -> str:
        return MEETING_RECORD_URL.format(meeting=self.meeting) if self.meeting else ""

    @property
    def is_unanimous(self) -> bool:
        return self.vote == self.Vote.RECORDED and not (self.votes_against or self.abstentions)

    @property
    def vote_summary(self) -> str:
        """ "15 in favour, none against, no abstentions (unanimous)", "adopted without a
        vote", or "" while the vote is not recorded."""
        if self.vote == self.Vote.WITHOUT_VOTE:
            return gettext("adopted without a vote")
        if self.vote != self.Vote.RECORDED:
            return ""
        against = self.votes_against or pgettext("no votes against", "none")
        if self.abstentions:
            abstentions = ngettext(
                "%(count)s abstention", "%(count)s abstentions", self.abstentions
            ) % {"count": self.abstentions}
        else:
            abstentions = gettext("no abstentions")
        summary = gettext("%(for)s in favour, %(against)s against, %(abstentions)s") % {
            "for": self.votes_for,
            "against": against,
            "abstentions": abstentions,
        }
        if self.is_unanimous:
            return gettext("%(summary)s (unanimous)") % {"summary": summary}
        return summary

    @property
    def vote_tally(self) -> str:
        """The vote in the Council's own short form: "15-0-0"; "" if not put to a vote."""
        if self.vote != self.Vote.RECORDED:
            return ""
        return f"{self.votes_for}-{self.votes_against}-{self.abstentions}"


class ResolutionRelation(models.Model):
    """What one resolution says of an earlier one: it recalls it, reaffirms it, or
    extends (renews) a mandate that one set. Shown on both resolutions' pages."""

    class Kind(models.TextChoices):
        RECALLS = "recalls", _("Recalls")
        REAFFIRMS = "reaffirms", _("Reaffirms")
        EXTENDS = "extends", _("Extends the mandate set by")

    #: How the relation reads from the earlier resolution's side: a name, a label.
    INVERSE = {
        Kind.RECALLS: ("recalled_by", _("Recalled by")),
        Kind.REAFFIRMS: ("reaffirmed_by", _("Reaffirmed by")),
        Kind.EXTENDS: ("extended_by", _("Mandate extended by")),
    }

    source = models.ForeignKey(
        Resolution,
        on_delete=models.CASCADE,
        related_name="relations",
        verbose_name=_("resolution"),
    )
    kind = models.CharField(_("relation"), max_length=10, choices=Kind.choices)
    target = models.ForeignKey(
        Resolution,
        on_delete=models.PROTECT,
        related_name="referenced_by",
        verbose_name=_("earlier resolution"),
    )

    shown_with = ("source", "target")
    #: The record this one is part of: they share one version for lost-update checks.
    part_of = "source"

    objects = PublicQuerySet.as_manager()

    class Meta:
        ordering = ["source", "kind", "-target__number"]
        verbose_name = _("relation to an earlier resolution")
        verbose_name_plural = _("relations to earlier resolutions")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "target"],
                name="resolution_relation_unique",
                violation_error_message=_("This relation is already recorded."),
            ),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")),
                name="resolution_relation_not_to_itself",
                violation_error_message=_("A resolution cannot refer to itself."),
            ),
        ]

    def __str__(self):
        return f"{self.source} - {self.get_kind_display().lower()} - {self.target}"

    def clean(self):
        super().clean()
        if self.source_id and self.target_id and self.target.number >= self.source.number:
            raise ValidationError(
                {"target": _("A resolution can only refer to an earlier one (a lower number).")}
            )

    @property
    def inverse_label(self) -> str:
        return self.INVERSE[self.kind][1]
