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


def _postgresql(cursor, mark: Mark, stale: str):
    function = f"{PREFIX}_{mark.name}"
    body = "".join(
        f"INSERT INTO {stale} (event_id) {source} ON CONFLICT DO NOTHING;\n"
        for source in mark.sources
    )
    cursor.execute(
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$\n"
        f"BEGIN\n{body}RETURN NULL;\nEND\n$$ LANGUAGE plpgsql"
    )
    cursor.execute(f'DROP TRIGGER IF EXISTS {function} ON "{mark.table}"')
    when = f"WHEN ({_when(mark)}) " if mark.watch else ""
    cursor.execute(
        f'CREATE TRIGGER {function} AFTER {mark.operation} ON "{mark.table}" '
        f"FOR EACH ROW {when}EXECUTE FUNCTION {function}()"
    )


def _sqlite(cursor, mark: Mark, stale: str):
    trigger = f"{PREFIX}_{mark.name}"
    body = "".join(f"INSERT OR IGNORE INTO {stale} (event_id) {s};\n" for s in mark.sources)
    # SQLite spells "is distinct from" as IS NOT.
    when = f"WHEN {_when(mark).replace('IS DISTINCT FROM', 'IS NOT')} " if mark.watch else ""
    cursor.execute(f'DROP TRIGGER IF EXISTS "{trigger}"')
    cursor.execute(
        f'CREATE TRIGGER "{trigger}" AFTER {mark.operation} ON "{mark.table}" '
        f"FOR EACH ROW {when}BEGIN\n{body}END"
    )


INSTALLERS = {"postgresql": _postgresql, "sqlite": _sqlite}


def install(using: str = "default") -> list[str]:
    """Create (or re-create) every marking trigger; their names."""
    connection = connections[using]
    stale = StaleEvent._meta.db_table
    if stale not in connection.introspection.table_names():
        return []
    installed = []
    with connection.cursor() as cursor:
        for mark in marks():
            INSTALLERS[connection.vendor](cursor, mark, stale)
            installed.append(f"{PREFIX}_{mark.name}")
    return installed


def installed(using: str = "default") -> list[str]:
    """The names of the marking triggers in the database, read from its catalogue."""
    connection = connections[using]
    query = {
        "postgresql": "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE %s",
        "sqlite": "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
    }[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(query, [f"{PREFIX}_%"])
        return sorted(row[0] for row in cursor.fetchall())


def uninstall(using: str = "default"):
    """Drop every marking trigger (and on PostgreSQL its function): before the index's
    tables go, so that no write fails for want of them."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname, tgrelid::regclass::text FROM pg_trigger "
                "WHERE NOT tgisinternal AND tgname LIKE %s",
                [f"{PREFIX}_%"],
            )
            for name, table in cursor.fetchall():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")
            return
    for name in installed(using):
        with connection.cursor() as cursor:
            cursor.execute(f'DROP TRIGGER IF EXISTS "{name}"')


def install_after_migrate(sender, using="default", **kwargs):
    install(using)
