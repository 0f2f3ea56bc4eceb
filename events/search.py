"""What the site search looks for in the dialogue, and how it shows each kind."""

from ctdialogue.search.engine import Source

from .models import Event, Initiative, Organization, Person, Theme


def _join(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def _describe_event(event: Event) -> tuple[str, str]:
    return event.title, _join(event.date_display, event.place_display)


def _describe_theme(theme: Theme) -> tuple[str, str]:
    return theme.name, ""


def _describe_initiative(initiative: Initiative) -> tuple[str, str]:
    launched = f"Launched in {initiative.launched}" if initiative.launched else ""
    return initiative.name, _join(initiative.acronym, launched)


def _describe_organization(organization: Organization) -> tuple[str, str]:
    return str(organization), _join(organization.get_kind_display(), organization.country.name)


def _describe_person(person: Person) -> tuple[str, str]:
    parts = [person.position]
    if person.organization:  # None where the organisation is not public
        parts.append(person.organization.short_name)
    return person.full_name, ", ".join(part for part in parts if part)


SOURCES: tuple[Source, ...] = (
    Source(Event, "events", "Events", _describe_event, ("summary", "body"),
           order=("-start_date", "title"), list_url_name="events:event-list"),
    Source(Theme, "themes", "Themes", _describe_theme, ("description",)),
    Source(Initiative, "initiatives", "Initiatives", _describe_initiative, ("summary",)),
    Source(Organization, "organizations", "Stakeholders", _describe_organization,
           ("description",)),
    Source(Person, "people", "Speakers", _describe_person, ("position",),
           read=lambda people: people.with_organization()),
)  # fmt: skip
