"""Speakers: photo and biography only with consent; under the Chatham House rule what
was said is shown, never who said it."""

import pytest
from django.core.files.base import ContentFile

from tests.factories import ContributionFactory, EventFactory, OrganizationFactory, PersonFactory
from tests.uploads import image_bytes

pytestmark = pytest.mark.django_db

BIO = "<p>Twenty years in criminal justice reform.</p>"


def person_with_portrait(consent):
    person = PersonFactory(
        name="Amina Rahman",
        position="Senior Prosecutor",
        bio=BIO,
        consent_to_publish=consent,
    )
    person.photo.save("portrait.png", ContentFile(image_bytes((300, 400))), save=True)
    return person


# --- Consent -------------------------------------------------------------------------


def test_person_page_without_consent_hides_photo_and_biography(client):
    person = person_with_portrait(consent=False)

    page = client.get(person.get_absolute_url()).content.decode()

    assert "Ms. Amina Rahman" in page
    assert "Senior Prosecutor" in page
    assert "Twenty years in criminal justice reform." not in page
    assert person.photo.url not in page
    assert 'class="portrait"' not in page


def test_person_page_with_consent_shows_photo_and_biography(client):
    person = person_with_portrait(consent=True)

    page = client.get(person.get_absolute_url()).content.decode()

    assert f'<div class="prose">{BIO}</div>' in page
    assert (
        f'<img src="{person.photo.url}" width="300" height="400" alt="Ms. Amina Rahman" '
        'loading="lazy" decoding="async" class="portrait">'
    ) in page


def test_event_page_without_consent_hides_speaker_photo(client):
    person = person_with_portrait(consent=False)
    contribution = ContributionFactory(person=person)

    page = client.get(contribution.event.get_absolute_url()).content.decode()

    assert "Ms. Amina Rahman" in page
    assert person.photo.url not in page


def test_event_page_with_consent_shows_speaker_photo(client):
    person = person_with_portrait(consent=True)
    contribution = ContributionFactory(person=person)

    page = client.get(contribution.event.get_absolute_url()).content.decode()

    assert (
        f'<img src="{person.photo.url}" width="300" height="400" alt="Ms. Amina Rahman" '
        'loading="lazy" decoding="async" class="portrait portrait--small">'
    ) in page


# --- Chatham House rule ----------------------------------------------------------------

QUOTATION = "Platforms and prosecutors need a common language for digital evidence."


def speaker():
    organization = OrganizationFactory(name="Ministry of Justice of Ruritania")
    return PersonFactory(
        name="Jonas Lindqvist",
        slug="jonas-lindqvist",
        position="Head of Cyber Unit",
        organization=organization,
        consent_to_publish=True,
        bio="<p>Known for his work on e-evidence.</p>",
    )


def assert_not_attributed(page, person):
    for trace in (
        person.name,
        person.position,
        person.get_absolute_url(),
        person.organization.name,
    ):
        assert trace not in page, trace


def test_event_under_chatham_house_rule_shows_quotation_without_speaker(client):
    person = speaker()
    event = EventFactory(chatham_house_rule=True)
    ContributionFactory(event=event, person=person, quotation=QUOTATION, summary="On evidence.")

    page = client.get(event.get_absolute_url()).content.decode()

    assert f"<p>{QUOTATION}</p>" in page
    assert "<figcaption>A participant</figcaption>" in page
    assert '<p class="contribution__who">A participant' in page
    assert "Held under the Chatham House rule" in page
    assert_not_attributed(page, person)


def test_session_under_chatham_house_rule_hides_only_its_speaker(client):
    person = speaker()
    named = PersonFactory(name="Open Speaker", position="Director")
    event = EventFactory()
    ContributionFactory(event=event, person=named, quotation="Said on the record.", order=0)
    ContributionFactory(
        event=event, person=person, quotation=QUOTATION, chatham_house_rule=True, order=1
    )

    page = client.get(event.get_absolute_url()).content.decode()

    assert f"<p>{QUOTATION}</p>" in page
    assert "<figcaption>A participant</figcaption>" in page
    assert "<figcaption>Ms. Open Speaker, Director</figcaption>" in page
    assert_not_attributed(page, person)


def test_event_page_attributes_quotation_without_chatham_house_rule(client):
    person = speaker()
    event = EventFactory()
    ContributionFactory(event=event, person=person, quotation=QUOTATION)

    page = client.get(event.get_absolute_url()).content.decode()

    assert "<figcaption>Ms. Jonas Lindqvist, Head of Cyber Unit</figcaption>" in page
    assert f'<a href="{person.get_absolute_url()}">Ms. Jonas Lindqvist</a>' in page
    assert "A participant" not in page


def test_person_page_does_not_list_contributions_under_chatham_house_rule(client):
    person = speaker()
    private_event = EventFactory(title="Closed-door workshop", chatham_house_rule=True)
    private_session = EventFactory(title="Workshop with a closed session")
    public_event = EventFactory(title="Open conference")
    ContributionFactory(event=private_event, person=person, quotation="Event rule quote.")
    ContributionFactory(
        event=private_session,
        person=person,
        quotation="Session rule quote.",
        chatham_house_rule=True,
    )
    ContributionFactory(event=public_event, person=person, quotation="Public quote.")

    page = client.get(person.get_absolute_url()).content.decode()

    assert "Open conference" in page
    assert "Public quote." in page
    for hidden in ("Closed-door workshop", "Event rule quote.", "Workshop with a closed session"):
        assert hidden not in page
    assert "Session rule quote." not in page


def test_person_page_with_only_chatham_house_contributions_says_none(client):
    person = speaker()
    ContributionFactory(person=person, event=EventFactory(chatham_house_rule=True))

    page = client.get(person.get_absolute_url()).content.decode()

    assert '<p class="empty">No published contributions.</p>' in page
