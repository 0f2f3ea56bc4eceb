# ruff: noqa: S608 - table names come from the models' metadata, never from input.
"""Database triggers that list the events whose facet rows a write has made stale.

A write to anything a facet row is made of adds the event it concerns to
``facets_staleevent``: an event's dates, country, series or publication; its themes,
initiatives and participations; and the publication of a theme, initiative, series or
organisation, or an organisation's kind (every event that names it). Writes that
change nothing a row is made of (a title, a description) mark nothing. The triggers
run in the writer's transaction, on every path that writes (admin, import, restore,
a bulk update or raw SQL), and ``index.refresh()`` rebuilds the marked events before
counts are read. ``install()`` runs after every ``migrate``.
"""

from dataclasses import dataclass

from django.db import connections

from ctdialogue.database import triggers
from events.models import Event, EventSeries, Initiative, Organization, Participation, Theme

from .models import StaleEvent

PREFIX = "facets_mark"
PUBLICATION = ("publication_status", "publish_at")


@dataclass(frozen=True)
class Mark:
    """After ``operation`` on ``table`` (and only when one of ``watch`` changed, for an
    update), the event ids that ``sources`` select are stale."""

    name: str
    table: str
    operation: str
    sources: tuple[str, ...]
    watch: tuple[str, ...] = ()


def _changes(table, events_of_new, events_of_old, watch=()):
    return [
        Mark(f"{table}_insert", table, "INSERT", (events_of_new,)),
        Mark(f"{table}_update", table, "UPDATE", (events_of_new, events_of_old), watch),
        Mark(f"{table}_delete", table, "DELETE", (events_of_old,)),
    ]


def marks() -> list[Mark]:
    event = Event._meta.db_table
    participation = Participation._meta.db_table
    themes = Event.themes.through._meta.db_table
    initiatives = Initiative.events.through._meta.db_table
    found = [
        *_changes(
            event,
            "SELECT NEW.id",
            "SELECT OLD.id",
            (*PUBLICATION, "start_date", "end_date", "country", "series_id"),
        ),
        *_changes(themes, "SELECT NEW.event_id", "SELECT OLD.event_id"),
        *_changes(initiatives, "SELECT NEW.event_id", "SELECT OLD.event_id"),
        *_changes(
            participation,
            "SELECT NEW.event_id",
            "SELECT OLD.event_id",
            ("event_id", "organization_id", "stakeholder_kind"),
        ),
    ]
    # A record an event counts under: only its publication (and an organisation's
    # kind) changes the rows, for every event linked to it.
    for model, sql, watch in (
        (Theme, f"SELECT event_id FROM {themes} WHERE theme_id = NEW.id", PUBLICATION),
        (
            Initiative,
            f"SELECT event_id FROM {initiatives} WHERE initiative_id = NEW.id",
            PUBLICATION,
        ),
        (EventSeries, f"SELECT id FROM {event} WHERE series_id = NEW.id", PUBLICATION),
        (
            Organization,
            f"SELECT event_id FROM {participation} WHERE organization_id = NEW.id",
            (*PUBLICATION, "kind"),
        ),
    ):
        table = model._meta.db_table
        found.append(Mark(f"{table}_update", table, "UPDATE", (sql,), watch))
    return found


def _when(mark: Mark) -> str:
    return " OR ".join(f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in mark.watch)


# Add the event ids a statement selects to the stale list, once each.
INSERT_STALE = {
    "postgresql": "INSERT INTO {stale} (event_id) {source} ON CONFLICT DO NOTHING;",
    "sqlite": "INSERT OR IGNORE INTO {stale} (event_id) {source};",
}


def install(using: str = "default") -> list[str]:
    """Create (or re-create) every marking trigger; their names."""
    connection = connections[using]
    stale = StaleEvent._meta.db_table
    if stale not in connection.introspection.table_names():
        return []
    insert = INSERT_STALE[connection.vendor]
    names = []
    with connection.cursor() as cursor:
        for mark in marks():
            name = f"{PREFIX}_{mark.name}"
            body = "\n".join(insert.format(stale=stale, source=s) for s in mark.sources)
            triggers.create(cursor, name, mark.table, mark.operation, body, when=_when(mark))
            names.append(name)
    return names


def installed(using: str = "default") -> list[str]:
    """The names of the marking triggers in the database, read from its catalogue."""
    return [name for name, _table in triggers.existing(PREFIX, using)]


def uninstall(using: str = "default"):
    """Drop every marking trigger (and on PostgreSQL its function): before the index's
    tables go, so that no write fails for want of them."""
    triggers.drop(PREFIX, using)


def install_after_migrate(sender, using="default", **kwargs):
    install(using)
