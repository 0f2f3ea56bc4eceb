"""The legal framework: Security Council resolutions behind the dialogue."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Prefetch, Q

from ctdialogue.publishing.models import Publishable, PublishableQuerySet
from events.models import Event, Initiative, Theme

OFFICIAL_DOCUMENT_URL = "https://undocs.org/S/RES/{number}({year})"


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
        )


class Resolution(Publishable):
    number = models.PositiveIntegerField(
        unique=True, validators=[MinValueValidator(1)], help_text="2395 for S/RES/2395 (2017)."
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1946), MaxValueValidator(2100)], db_index=True
    )
    adopted_on = models.DateField("adoption date", null=True, blank=True)
    title = models.CharField(
        "subject",
        max_length=300,
        help_text="What the resolution is about, briefly, as this site describes it; the "
        "UN's own title goes in the next field.",
    )
    official_title = models.CharField(
        "the UN's title",
        max_length=500,
        blank=True,
        help_text="The title the United Nations gives it, as in the UN Digital Library, "
        "copied from the official record. Leave it empty rather than guess.",
    )
    agenda_item = models.CharField(
        max_length=200,
        blank=True,
        default="Threats to international peace and security caused by terrorist acts",
    )
    summary = models.TextField(blank=True)
    document_url = models.URLField(
        "official document link",
        blank=True,
        help_text="Leave empty to link to the official text on undocs.org.",
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="resolutions")
    initiatives = models.ManyToManyField(
        Initiative,
        blank=True,
        related_name="resolutions",
        help_text="Initiatives this resolution recognises.",
    )
    events = models.ManyToManyField(
        Event, blank=True, related_name="resolutions", help_text="Events that discussed it."
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

    search_document = (("title", "A"), ("summary", "B"), ("agenda_item", "C"))

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1), name="resolution_number_positive"),
        ]

    def __str__(self):
        return self.symbol

    page_url_name = "resolutions:resolution-detail"
    page_lookup = "number"

    def clean(self):
        super().clean()
        if self.adopted_on and self.year and self.adopted_on.year != self.year:
            raise ValidationError(
                {"year": f"The adoption date is in {self.adopted_on.year}, not {self.year}."}
            )

    @property
    def symbol(self) -> str:
        """The document symbol, e.g. "S/RES/2395 (2017)"."""
        return f"S/RES/{self.number} ({self.year})"

    @property
    def designation(self) -> str:
        """How the UN names it when no title is given: "Resolution 2396 (2017)"."""
        return f"Resolution {self.number} ({self.year})"

    @property
    def official_url(self) -> str:
        return self.document_url or OFFICIAL_DOCUMENT_URL.format(number=self.number, year=self.year)
