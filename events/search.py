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
    Source(
        key="events",
        label="Events",
        noun="event",
        plural="events",
        queryset=lambda: Event.objects.public(),
        fields=Event.search_document,
        snippet_fields=("summary", "body"),
        order=("-start_date", "title"),
        describe=_describe_event,
        list_url_name="events:event-list",
    ),
    Source(
        key="themes",
        label="Themes",
        noun="theme",
        plural="themes",
        queryset=lambda: Theme.objects.public(),
        fields=Theme.search_document,
        snippet_fields=("description",),
        order=("name",),
        describe=_describe_theme,
    ),
    Source(
        key="initiatives",
        label="Initiatives",
        noun="initiative",
        plural="initiatives",
        queryset=lambda: Initiative.objects.public(),
        fields=Initiative.search_document,
        snippet_fields=("summary",),
        order=("name",),
        describe=_describe_initiative,
    ),
    Source(
        key="organizations",
        label="Stakeholders",
        noun="stakeholder",
        plural="stakeholders",
        queryset=lambda: Organization.objects.public(),
        fields=Organization.search_document,
        snippet_fields=("description",),
        order=("name",),
        describe=_describe_organization,
    ),
    Source(
        key="people",
        label="Speakers",
        noun="speaker",
        plural="speakers",
        queryset=lambda: Person.objects.public().with_organization(),
        fields=Person.search_document,
        snippet_fields=("position",),
        order=("name",),
        describe=_describe_person,
    ),
)
