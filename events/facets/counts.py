"""Facet counts read from the index: exact, and public as of the time of the request.

Over every public event a count is the value's total less its rows not yet due (few:
only scheduled records have them); over some events it is the number of rows, due by
now, whose event is among them, read from one index. Either way one query per facet,
and ``refresh()`` first brings the index up to date with every committed write.
"""

from collections import Counter

from django.db.models import Count
from django.utils import timezone

from ctdialogue.database.lookups import AmongIds

from .index import refresh
from .models import FacetRow, FacetTotal


class FacetCounts:
    """The counts of one request: the index refreshed once, the time read once (or
    given, to ask what will be public ``at`` a later time)."""

    def __init__(self, using: str = "default", at=None):
        self.using = using
        refresh(using)
        self.now = at or timezone.now()
        self._pending = None

    def _not_yet_due(self) -> Counter:
        if self._pending is None:
            self._pending = Counter(
                {
                    (row["facet"], row["value"]): row["n"]
                    for row in FacetRow.objects.using(self.using)
                    .filter(visible_from__gt=self.now)
                    .values("facet", "value")
                    .annotate(n=Count("*"))
                }
            )
        return self._pending

    def over_all(self, facet: str) -> Counter:
        """{value: events} over every public event."""
        pending = self._not_yet_due()
        counts = Counter()
        for value, total in (
            FacetTotal.objects.using(self.using)
            .filter(facet=facet, count__gt=0)
            .values_list("value", "count")
        ):
            count = total - pending[facet, value]
            if count > 0:
                counts[value] = count
        return counts

    def with_value(self, facet: str, values):
        """The events that count under any of ``values`` of ``facet`` by now."""
        return (
            FacetRow.objects.using(self.using)
            .filter(facet=facet, value__in=[str(value) for value in values])
            .filter(visible_from__lte=self.now)
            .values("event_id")
        )

    def over(self, facets, events=None, chosen=()) -> dict[str, Counter]:
        """{facet: {value: events}} for each of ``facets``, in one query, over the public
        events among ``events`` (ids, when given) that count under each (facet, values)
        of ``chosen``: matched on the index itself, with no join to the content."""
        rows = FacetRow.objects.using(self.using).filter(
            facet__in=facets, visible_from__lte=self.now
        )
        for other, values in chosen:
            rows = rows.filter(event_id__in=self.with_value(other, values))
        if events is not None:
            rows = rows.filter(AmongIds("event_id", events))
        counts = {facet: Counter() for facet in facets}
        for facet, value, n in (
            rows.values("facet", "value").annotate(n=Count("*")).values_list("facet", "value", "n")
        ):
            counts[facet][value] = n
        return counts
