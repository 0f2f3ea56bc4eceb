"""What a cached page depends on: the content version, and the next time the content
changes by the clock alone.

A page is kept under the version it was made from and read until the earliest of
``next_change()``: a record's scheduled publication, an approved change's scheduled
time, or midnight (lists of upcoming events and "accessed" dates in citations turn
over with the day). Both are read per request, never at import.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone

from ctdialogue.publishing.models import PUBLISHED, PendingChange, Publishable

from .models import ContentVersion


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: datetime.datetime

    @property
    def key(self) -> str:
        # The time too: a number reused after a rolled-back write is another version.
        return f"{self.number}.{self.changed_at.timestamp():.6f}"


def current(using: str | None = None) -> Version:
    """The content version now: one indexed read of one row.

    Read from the database the page is read from (the router's choice: a visitor's
    request reads the replica): a version read from the primary while the page came from
    a replica that lags would keep the old page under the new version."""
    versions = ContentVersion.objects.db_manager(using) if using else ContentVersion.objects
    row = versions.filter(pk=1).values_list("number", "changed_at")
    number, changed_at = row.first() or (0, datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))
    return Version(number, changed_at)


def publishable_models() -> list:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Publishable) and not model._meta.proxy
    ]


def next_midnight(now: datetime.datetime) -> datetime.datetime:
    tomorrow = timezone.localtime(now).date() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))


def _next_scheduled(now: datetime.datetime) -> datetime.datetime | None:
    times = [
        model.objects.filter(publication_status=PUBLISHED, publish_at__gt=now).aggregate(
            at=Min("publish_at")
        )["at"]
        for model in publishable_models()
    ]
    # An approved change scheduled for a time; one already due but not yet applied
    # makes every page uncacheable until it is.
    times.append(
        PendingChange.objects.filter(status=PendingChange.Status.SCHEDULED).aggregate(
            at=Min("apply_at")
        )["at"]
    )
    return min((at for at in times if at is not None), default=None)


def next_change(version: Version, now: datetime.datetime) -> datetime.datetime:
    """When the content shown under ``version`` next changes by the clock alone.

    Computed once per version and kept in the cache beside the pages: the scheduled
    times cannot change without a write, which makes a new version.
    """
    key = f"caching:next-change:{version.key}"
    scheduled = cache.get(key)
    if scheduled is None or (scheduled != "none" and scheduled <= now):
        found = _next_scheduled(now)
        scheduled = found or "none"
        cache.set(key, scheduled, timeout=24 * 60 * 60)
    midnight = next_midnight(now)
    return midnight if scheduled == "none" else min(scheduled, midnight)
