# ruff: noqa: S608 - table names come from the models' metadata, never from input.
"""Rebuilding the facet rows of stale events, and the totals with them.

``refresh()`` runs before facet counts are read (``counts``): one indexed look at the
stale list when nothing changed; otherwise it claims the stale events in batches, each
in a transaction of its own, and replaces their rows and the totals they add to. On
PostgreSQL an advisory lock lets one refresh run at a time, so a reader that finds
nothing left to claim knows no other refresh is half done; SQLite writes one
transaction at a time anyway.
"""

from collections import Counter, defaultdict

from django.db import connections, transaction
from django.db.models import Count

from ctdialogue.publishing.models import public_from
from events.models import Event, EventSeries, Initiative, Participation

from .models import Facet, FacetRow, FacetTotal, StaleEvent

BATCH = 2_000
LOCK = 7_301_001  # the advisory lock of refresh(), an arbitrary number of our own


def visible_from(*records):
    """When all of ``records`` (status, publish time) are public: the latest of the
    times each is public from, or None while any of them never is."""
    times = [public_from(status, at) for status, at in records]
    return None if None in times else max(times)


def years(start, end) -> range:
    """The years an event touches, as the events list's year filter counts them."""
    return (
        range(start.year, max(end.year, start.year) + 1)
        if end
        else range(start.year, start.year + 1)
    )


def _event_rows(events, series):
    for event_id, status, at, start, end, country, series_id in events:
        shown = (status, at)
        when = visible_from(shown)
        for year in years(start, end):
            yield event_id, Facet.YEAR, str(year), when
        if country:
            yield event_id, Facet.COUNTRY, country, when
        if series_id is not None:
            yield event_id, Facet.SERIES, str(series_id), visible_from(shown, series[series_id])


def _linked_rows(events, facet, links):
    for event_id, value, status, at in links:
        yield event_id, facet, str(value), visible_from(events[event_id], (status, at))


def _participation_rows(events, participations):
    """An organisation counts from when it and the event are public; a stakeholder kind
    from the first time any participation of that kind is."""
    kinds = defaultdict(list)
    for event_id, organization, group, kind, status, at in participations:
        if organization is None:
            kinds[event_id, group].append(visible_from(events[event_id]))
            continue
        when = visible_from(events[event_id], (status, at))
        kinds[event_id, kind].append(when)
        yield event_id, Facet.ORGANIZATION, str(organization), when
    for (event_id, kind), times in kinds.items():
        if kind:
            known = [time for time in times if time is not None]
            yield event_id, Facet.STAKEHOLDER, kind, min(known) if known else None


def rows_for(event_ids, using="default") -> list[FacetRow]:
    """The facet rows of ``event_ids``, read from the content in five queries."""
    events = list(
        Event.objects.using(using)
        .filter(pk__in=event_ids)
        .values_list(
            "pk",
            "publication_status",
            "publish_at",
            "start_date",
            "end_date",
            "country",
            "series_id",
        )
    )
    shown = {row[0]: (row[1], row[2]) for row in events}
    series = {
        pk: (status, at)
        for pk, status, at in EventSeries.objects.using(using)
        .filter(pk__in={row[6] for row in events if row[6] is not None})
        .values_list("pk", "publication_status", "publish_at")
    }
    themes = (
        Event.themes.through.objects.using(using)
        .filter(event_id__in=shown)
        .values_list("event_id", "theme_id", "theme__publication_status", "theme__publish_at")
    )
    initiatives = (
        Initiative.events.through.objects.using(using)
        .filter(event_id__in=shown)
        .values_list(
            "event_id", "initiative_id", "initiative__publication_status", "initiative__publish_at"
        )
    )
    participations = (
        Participation.objects.using(using)
        .filter(event_id__in=shown)
        .values_list(
            "event_id",
            "organization_id",
            "stakeholder_kind",
            "organization__kind",
            "organization__publication_status",
            "organization__publish_at",
        )
    )
    unique = {}
    for parts in (
        _event_rows(events, series),
        _linked_rows(shown, Facet.THEME, themes),
        _linked_rows(shown, Facet.INITIATIVE, initiatives),
        _participation_rows(shown, participations),
    ):
        for event_id, facet, value, when in parts:
            key = (event_id, facet, value)
            # The same organisation in two roles: it counts from the earlier.
            if key not in unique or (
                when is not None and (unique[key] is None or when < unique[key])
            ):
                unique[key] = when
    return [
        FacetRow(event_id=event_id, facet=facet, value=value, visible_from=when)
        for (event_id, facet, value), when in unique.items()
    ]


def _counted(rows) -> Counter:
    return Counter((row.facet, row.value) for row in rows if row.visible_from is not None)


def _add_to_totals(change: Counter, using):
    change = {key: n for key, n in change.items() if n}
    if not change:
        return
    facets = {facet for facet, _ in change}
    current = {
        (facet, value): count
        for facet, value, count in FacetTotal.objects.using(using)
        .filter(facet__in=facets, value__in={value for _, value in change})
        .values_list("facet", "value", "count")
    }
    FacetTotal.objects.using(using).bulk_create(
        [
            FacetTotal(facet=facet, value=value, count=current.get((facet, value), 0) + n)
            for (facet, value), n in change.items()
        ],
        update_conflicts=True,
        unique_fields=["facet", "value"],
        update_fields=["count"],
    )


def _claim(using) -> list[int]:
    """Take up to BATCH stale events off the list, in this transaction."""
    connection = connections[using]
    stale = StaleEvent._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])
        cursor.execute(
            f"DELETE FROM {stale} WHERE event_id IN "
            f"(SELECT event_id FROM {stale} ORDER BY event_id LIMIT %s) RETURNING event_id",
            [BATCH],
        )
        return [row[0] for row in cursor.fetchall()]


def _rebuild(event_ids, using):
    old = Counter(
        {
            (row["facet"], row["value"]): row["n"]
            for row in FacetRow.objects.using(using)
            .filter(event_id__in=event_ids, visible_from__isnull=False)
            .values("facet", "value")
            .annotate(n=Count("*"))
        }
    )
    new_rows = rows_for(event_ids, using)
    FacetRow.objects.using(using).filter(event_id__in=event_ids).delete()
    FacetRow.objects.using(using).bulk_create(new_rows, batch_size=5_000)
    change = _counted(new_rows)
    change.subtract(old)
    _add_to_totals(change, using)


def refresh(using: str = "default") -> int:
    """Bring the rows and totals of every stale event up to date; how many events."""
    if not StaleEvent.objects.using(using).exists():
        return 0
    done = 0
    while True:
        with transaction.atomic(using=using):
            claimed = _claim(using)
            if not claimed:
                return done
            _rebuild(claimed, using)
        done += len(claimed)


def rebuild_all(using: str = "default") -> int:
    """Mark every event stale and refresh: after a bulk load, or to check the index."""
    with transaction.atomic(using=using):
        StaleEvent.objects.using(using).bulk_create(
            [
                StaleEvent(event_id=pk)
                for pk in Event.objects.using(using).values_list("pk", flat=True)
            ],
            ignore_conflicts=True,
            batch_size=5_000,
        )
    return refresh(using)
