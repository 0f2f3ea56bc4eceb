"""Nothing that is not public is shown anywhere public.

A published event has, attached to it, a draft and a future-scheduled record of every
kind (speaker, organisation, theme, initiative, resolution, photo, document, series,
and an event linked to its records), a speaker who has not consented to a biography
and a photo, and a speaker under the Chatham House rule. Every public URL of the site
is requested, in every shape the URLconf has (pages, filtered lists, search, feeds,
calendars, exports, citations, the API, the sitemap), and no response holds a word,
an address or a permanent identifier of what must stay hidden.

The URL shapes are read from the URLconf itself: a new page fails this test until it
is walked here too.
"""

import datetime
import io
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from PIL import Image

from ctdialogue.sitemaps import sitemaps
from tests.factories import (
    AttachmentFactory,
    ContributionFactory,
    EventFactory,
    EventSeriesFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PhotoFactory,
    ResolutionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

EVENT_SCOPED = {
    "events:event-detail",
    "events:event-ics",
    "events:event-cite",
    "events:event-export",
    "events:event-feed",
    "events:event-calendar",
    "api:event-list",
    "api:event-detail",
}

HIDDEN_STATES = {
    "draft": {"draft": True},
    "scheduled": {"publish_at": timezone.now() + datetime.timedelta(days=30)},
}


class World:
    """The published records, and the secrets of everything that must not show."""

    def __init__(self):
        self.secrets: dict[str, str] = {}  # text that must appear nowhere -> what it is
        self.event_only_secrets: dict[str, str] = {}  # must not appear with the event
        self.build_public()
        for state, traits in HIDDEN_STATES.items():
            self.build_hidden(state, traits)
        self.build_consent_rules()

    def secret(self, label: str) -> str:
        word = "zq" + "".join(ch for ch in label.lower() if ch.isalpha()) + "xv"
        self.secrets[word] = label
        return word

    def hide(self, record, label):
        self.secrets[str(record.uid)] = f"{label} (identifier)"
        if hasattr(record, "get_absolute_url") and not hasattr(record, "event_id"):
            self.secrets[record.get_absolute_url()] = f"{label} (address)"

    def build_public(self):
        self.series = EventSeriesFactory(name="Public series")
        self.theme = ThemeFactory(name="Public theme")
        self.organization = OrganizationFactory(name="Public organisation")
        self.person = PersonFactory(name="Public speaker", organization=self.organization)
        self.event = EventFactory(
            title="Public workshop", series=self.series, edition=1, themes=[self.theme]
        )
        ParticipationFactory(event=self.event, organization=self.organization, role="co_host")
        ContributionFactory(event=self.event, person=self.person, quotation="Public words.")
        self.initiative = InitiativeFactory(name="Public initiative")
        self.initiative.events.add(self.event)
        self.initiative.themes.add(self.theme)
        InitiativePartnerFactory(initiative=self.initiative, organization=self.organization)
        self.resolution = ResolutionFactory(number=2396, title="Public resolution")
        self.resolution.events.add(self.event)
        self.resolution.themes.add(self.theme)
        self.resolution.initiatives.add(self.initiative)
        self.photo = PhotoFactory(event=self.event, caption="Public photo")
        AttachmentFactory(event=self.event, title="Public document")

    def build_hidden(self, state, traits):
        """A record of every kind, in ``state``, attached to the public ones."""
        for kind in (
            "person",
            "organization",
            "theme",
            "initiative",
            "resolution",
            "photo",
            "document",
            "series",
            "event",
        ):
            getattr(self, f"hidden_{kind}")(state, traits, self.event)

    def hidden_person(self, state, traits, event):
        person = PersonFactory(
            name=self.secret(f"{state} person"),
            position=self.secret(f"{state} person position"),
            organization=self.organization,
            **traits,
        )
        ContributionFactory(
            event=event,
            person=person,
            title=self.secret(f"{state} person talk"),
            quotation=self.secret(f"{state} person quotation"),
        )
        self.hide(person, f"{state} person")

    def hidden_organization(self, state, traits, event):
        organization = OrganizationFactory(name=self.secret(f"{state} organisation"), **traits)
        ParticipationFactory(event=event, organization=organization, role="co_host")
        ParticipationFactory(event=event, organization=organization, role="participant")
        InitiativePartnerFactory(initiative=self.initiative, organization=organization)
        # A public speaker whose organisation is hidden: the speaker shows, it does not.
        PersonFactory(name=f"Speaker of a {state} organisation", organization=organization)
        self.hide(organization, f"{state} organisation")

    def hidden_theme(self, state, traits, event):
        theme = ThemeFactory(name=self.secret(f"{state} theme"), **traits)
        event.themes.add(theme)
        self.initiative.themes.add(theme)
        self.resolution.themes.add(theme)
        self.hide(theme, f"{state} theme")

    def hidden_initiative(self, state, traits, event):
        initiative = InitiativeFactory(name=self.secret(f"{state} initiative"), **traits)
        initiative.events.add(event)
        initiative.themes.add(self.theme)
        self.resolution.initiatives.add(initiative)
        InitiativePartnerFactory(initiative=initiative, organization=self.organization)
        self.hide(initiative, f"{state} initiative")

    def hidden_resolution(self, state, traits, event):
        resolution = ResolutionFactory(
            number=9000 + len(self.secrets), title=self.secret(f"{state} resolution"), **traits
        )
        resolution.events.add(event)
        resolution.themes.add(self.theme)
        resolution.initiatives.add(self.initiative)
        self.hide(resolution, f"{state} resolution")

    def hidden_photo(self, state, traits, event):
        photo = PhotoFactory(
            event=event,
            caption=self.secret(f"{state} photo caption"),
            alt_text=self.secret(f"{state} photo description"),
            **traits,
        )
        self.secrets[photo.image.name] = f"{state} photo (file)"
        # A part of the event, but with a page of its own in the event's gallery.
        self.secrets[photo.get_absolute_url()] = f"{state} photo (address)"
        self.hide(photo, f"{state} photo")

    def hidden_document(self, state, traits, event):
        document = AttachmentFactory(event=event, title=self.secret(f"{state} document"), **traits)
        self.secrets[document.file.name] = f"{state} document (file)"
        self.hide(document, f"{state} document")

    def hidden_series(self, state, traits, event):
        series = EventSeriesFactory(name=self.secret(f"{state} series"), **traits)
        EventFactory(title=f"Public workshop in a {state} series", series=series, edition=1)
        self.hide(series, f"{state} series")

    def hidden_event(self, state, traits, event):
        hidden_event = EventFactory(
            title=self.secret(f"{state} event"),
            summary=self.secret(f"{state} event summary"),
            themes=[self.theme],
            **traits,
        )
        ParticipationFactory(event=hidden_event, organization=self.organization)
        ContributionFactory(event=hidden_event, person=self.person, quotation="Said elsewhere.")
        self.initiative.events.add(hidden_event)
        self.resolution.events.add(hidden_event)
        PhotoFactory(event=hidden_event, caption=self.secret(f"photo of a {state} event"))
        self.hide(hidden_event, f"{state} event")

    def build_consent_rules(self):
        # Published, but without consent: the biography and the portrait never show.
        unconsenting = PersonFactory(
            name="Speaker without consent",
            bio=f"<p>{self.secret('biography without consent')}</p>",
            consent_to_publish=False,
            photo=SimpleUploadedFile("no-consent-portrait.png", png_bytes()),
        )
        self.secrets[unconsenting.photo.name] = "portrait without consent (file)"
        ContributionFactory(event=self.event, person=unconsenting)
        # Published, but speaking under the Chatham House rule: never named with the event.
        self.chatham = PersonFactory(name=self.secret_with_event("Chatham House speaker"))
        ContributionFactory(
            event=self.event,
            person=self.chatham,
            chatham_house_rule=True,
            quotation="Words that may be reported, but not attributed.",
        )

    def secret_with_event(self, label):
        word = "zq" + "".join(ch for ch in label.lower() if ch.isalpha()) + "xv"
        self.event_only_secrets[word] = label
        return word


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


# --- The URLs -----------------------------------------------------------------------


def public_url_names() -> set[str]:
    """Every named URL of the site outside the admin and the API's own documentation."""
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or ""
                if inner == "admin":
                    continue
                walk(pattern.url_patterns, f"{namespace}{inner}:" if inner else namespace)
            elif pattern.name:
                names.add(f"{namespace}{pattern.name}")

    walk(get_resolver().url_patterns, "")
    return names


def all_of(model) -> list:
    return list(model._default_manager.all())


def urls_of(world) -> dict[str, list[str]]:
    """For each URL name, the addresses walked: every record, public or hidden (a hidden
    one's address could be guessed), and the lists with every filter and search."""
    words = list(world.secrets) + list(world.event_only_secrets)
    searches = [f"?q={quote(word)}" for word in words if not word.startswith(("/", "photos"))]
    urls = {**list_urls(world, searches), **page_urls(), **api_urls(searches)}
    for name in ("home", "data", "glance", "sitemap", "robots-txt", "health", "events:event-feed"):
        urls[name] = [reverse(name)]
    for name in ("api:api-root", "api:schema", "api:docs"):
        urls[name] = [reverse(name)]
    urls["switch-language"] = [reverse("switch-language", args=["en"]) + "?next=/events/"]
    urls["sitemap-section"] = [
        reverse("sitemap-section", kwargs={"section": section}) for section in sitemaps
    ]
    return urls


def list_urls(world, searches) -> dict[str, list[str]]:
    from events.models import EventSeries, Initiative, Organization, Theme
    from resolutions.models import Resolution

    lists = {
        "events:event-list": [
            "",
            *searches,
            *[f"?theme={t.slug}" for t in all_of(Theme)],
            *[f"?organization={o.slug}" for o in all_of(Organization)],
            *[f"?initiative={i.slug}" for i in all_of(Initiative)],
            *[f"?series={s.slug}" for s in all_of(EventSeries)],
            *[f"?resolution={r.number}" for r in all_of(Resolution)],
            "?stakeholder=member_state",
            "?year=2018&sort=title",
        ],
        "events:initiative-list": ["", *searches, f"?theme={world.theme.slug}"],
        "events:organization-list": ["", *searches, "?kind=member_state"],
        "events:person-list": ["", *searches, f"?organization={world.organization.slug}"],
        "resolutions:resolution-list": ["", *searches, f"?theme={world.theme.slug}"],
        "search": ["", *searches],
        "events:event-calendar": ["", f"?theme={world.theme.slug}"],
    }
    urls = {name: [reverse(name) + query for query in queries] for name, queries in lists.items()}
    for name in (
        "events:event-export",
        "events:initiative-export",
        "events:organization-export",
        "events:person-export",
        "resolutions:resolution-export",
    ):
        base = [reverse(name, kwargs={"fmt": fmt}) for fmt in ("csv", "json")]
        urls[name] = base + [f"{url}{query}" for url in base for query in searches[:3]]
    return urls


def page_urls() -> dict[str, list[str]]:
    from events.models import Event, EventSeries, Initiative, Organization, Person, Photo, Theme
    from resolutions.models import Resolution

    by_slug = {
        "events:event-detail": Event,
        "events:event-ics": Event,
        "events:series-detail": EventSeries,
        "events:theme-detail": Theme,
        "events:initiative-detail": Initiative,
        "events:organization-detail": Organization,
        "events:person-detail": Person,
    }
    urls = {
        name: [reverse(name, kwargs={"slug": obj.slug}) for obj in all_of(model)]
        for name, model in by_slug.items()
    }
    # Every photo's page, of public and hidden photos and events alike.
    urls["events:photo-detail"] = [photo.get_absolute_url() for photo in all_of(Photo)]
    citations = {
        "events:event-cite": Event,
        "events:initiative-cite": Initiative,
        "resolutions:resolution-cite": Resolution,
    }
    for name, model in citations.items():
        urls[name] = [
            reverse(name, kwargs={model.page_lookup: getattr(obj, model.page_lookup), "fmt": fmt})
            for obj in all_of(model)
            for fmt in ("bib", "json")
        ]
    resolutions = all_of(Resolution)
    urls["resolutions:resolution-detail"] = [r.get_absolute_url() for r in resolutions]
    urls["resolutions:resolution-by-symbol"] = [
        f"/resolutions/S/RES/{r.number} ({r.year})/" for r in resolutions
    ]
    records = [
        obj
        for model in (Event, Resolution, Initiative, Organization, Person, Theme, EventSeries)
        for obj in all_of(model)
    ]
    urls["record-by-id"] = [reverse("record-by-id", kwargs={"uid": obj.uid}) for obj in records]
    return urls


def api_urls(searches) -> dict[str, list[str]]:
    from events.models import Event, EventSeries, Initiative, Organization, Person, Theme
    from resolutions.models import Resolution

    api = {
        "event": Event,
        "resolution": Resolution,
        "initiative": Initiative,
        "stakeholder": Organization,
        "speaker": Person,
        "theme": Theme,
        "series": EventSeries,
    }
    urls = {}
    for basename, model in api.items():
        listing = reverse(f"api:{basename}-list")
        filtered = [f"{listing}{query}" for query in searches[:3]] if basename != "theme" else []
        urls[f"api:{basename}-list"] = [listing, f"{listing}?page_size=500", *filtered]
        urls[f"api:{basename}-detail"] = [
            reverse(f"api:{basename}-detail", kwargs={"id": obj.uid}) for obj in all_of(model)
        ]
    return urls


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", errors="replace").lower()


@pytest.fixture
def world(settings):
    settings.API_ANON_RATE = "100000/minute"
    return World()


def test_every_public_url_shape_is_walked(world):
    from events.models import Event, Person
    from resolutions.models import Resolution

    assert set(urls_of(world)) == public_url_names()
    # Records of every kind are public, so each shape is walked with real pages.
    for model in (Event, Person, Resolution):
        assert model.objects.visible_to(AnonymousUser()).exists()


def test_nothing_hidden_appears_at_any_public_url(client, world):
    leaks = []
    walked = 0
    for name, urls in urls_of(world).items():
        for url in urls:
            response = client.get(url)
            assert response.status_code < 500, url
            # A search repeats what was typed: that word is the visitor's, not a leak.
            # and a page not found may repeat the address it was asked for.
            body = body_of(response).replace(searched_word(url), "")
            body = body.replace(urlsplit(url).path.lower(), "")
            walked += 1
            for secret, label in world.secrets.items():
                if secret.lower() in body:
                    leaks.append(f"{url} ({name}) shows the {label}")
            if name in EVENT_SCOPED:
                for secret, label in world.event_only_secrets.items():
                    if secret in body:
                        leaks.append(f"{url} ({name}) names the {label} with the event")
    assert "\n".join(leaks) == ""
    assert walked > 300


def searched_word(url: str) -> str:
    query = parse_qs(urlsplit(url).query).get("q", [""])[0]
    return query.lower() or "\0"


def test_chatham_house_speaker_page_does_not_list_the_event(client, world):
    page = body_of(client.get(world.chatham.get_absolute_url()))

    assert world.chatham.name in page
    assert world.event.get_absolute_url() not in page


def test_public_records_attached_to_the_same_event_do_show(client, world):
    """The walk above would pass on a site that shows nothing: the public ones show."""
    page = body_of(client.get(world.event.get_absolute_url()))

    for text in (
        "public speaker",
        "public organisation",
        "public theme",
        "public initiative",
        "s/res/2396",
        "public photo",
        "public document",
        "public series",
        "words that may be reported, but not attributed.",
        "speaker without consent",
    ):
        assert text in page


def test_public_photo_has_a_page_in_the_event_gallery(client, world):
    page = body_of(client.get(world.photo.get_absolute_url()))

    assert "<h1>photo 1 of 1</h1>" in page
    assert "public photo" in page
    assert f'href="{world.event.get_absolute_url()}#photos-title"' in page
