"""The facet index: one row per event and value it counts under, and the totals.

``FacetRow`` says that an event counts under a value of a facet (theme 12, year 2018,
stakeholder kind "government") and from when: ``visible_from`` is the time both the
event and the value's own record (the theme, the organisation...) are published and
due, or NULL while either is a draft. Publication is therefore decided when counts are
read, by comparing one column with the time of the request: a scheduled record starts
counting at its time, with no job and no rebuild.

``FacetTotal`` keeps, per value, how many rows have a ``visible_from`` at all, so the
counts over every public event are the totals less the few rows not yet due.

``StaleEvent`` lists events whose rows are out of date: database triggers add them on
every write to what a row is made of (``triggers``), and ``index.refresh()`` rebuilds
them before any count is read.
"""

from django.db import models


class Facet(models.TextChoices):
    THEME = "theme"
    YEAR = "year"
    COUNTRY = "country"
    STAKEHOLDER = "stakeholder"
    ORGANIZATION = "organization"
    INITIATIVE = "initiative"
    SERIES = "series"


class FacetRow(models.Model):
    # A plain column, not a foreign key: rows are rebuilt from the content by
    # ``refresh()``, and the triggers mark a deleted event's rows for removal.
    event_id = models.BigIntegerField()
    facet = models.CharField(max_length=12, choices=Facet.choices)
    # The value as the facet names it: a record's id, a year, a country code, a kind.
    value = models.CharField(max_length=20)
    visible_from = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event_id", "facet", "value"], name="facet_row_unique"),
        ]
        indexes = [
            # Counting a facet over some events: found by event, read from the index.
            models.Index(
                fields=["facet", "event_id", "value", "visible_from"], name="facet_row_count"
            ),
            # The events that count under a chosen value: found by value.
            models.Index(
                fields=["facet", "value", "event_id", "visible_from"], name="facet_row_lookup"
            ),
            # The rows not yet due, subtracted from the totals.
            models.Index(fields=["visible_from"], name="facet_row_visible_from"),
        ]

    def __str__(self):
        return f"event {self.event_id}: {self.facet} {self.value}"


class FacetTotal(models.Model):
    facet = models.CharField(max_length=12, choices=Facet.choices)
    value = models.CharField(max_length=20)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["facet", "value"], name="facet_total_unique"),
        ]

    def __str__(self):
        return f"{self.facet} {self.value}: {self.count}"


class StaleEvent(models.Model):
    event_id = models.BigIntegerField(primary_key=True)

    def __str__(self):
        return f"event {self.event_id}"
