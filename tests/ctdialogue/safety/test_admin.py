"""The admin shows content warnings on save; staff may save anyway, deliberately, by
ticking "I have checked the warnings and want to save anyway"."""

import pytest
from django.contrib.messages import get_messages

from ctdialogue.safety.forms import CONFIRMATION_LABEL
from events.models import Contribution, Event, Person
from resolutions.models import Resolution
from tests.admin_forms import admin_url
from tests.factories import PersonFactory, ResolutionFactory
from tests.uploads import (
    contribution_row,
    errors_of,
    event_form_data,
    form_data_of,
    management_form,
    person_form_data,
)

pytestmark = pytest.mark.django_db

INJECTED_BODY = "<p>Cooperation among prosecutors in 缅北禁地Member States.</p>"
INJECTED_AT = INJECTED_BODY.index("缅北禁地")


def test_event_with_injected_text_is_not_saved_and_the_warning_is_shown(staff_client):
    response = staff_client.post(admin_url(Event, "add"), event_form_data(body=INJECTED_BODY))

    assert response.status_code == 200
    assert Event.objects.count() == 0
    assert errors_of(response) == [
        "Body: Han characters in text declared as English. “…mong prosecutors in "
        f"缅北禁地Member States.” (at character {INJECTED_AT}).",
        f"If the text is right as it is, tick “{CONFIRMATION_LABEL}” and save again.",
    ]
    page = response.content.decode()
    assert "Han characters in text declared as English." in page
    assert 'name="integrity_confirmed"' in page
    assert str(CONFIRMATION_LABEL) in page


def test_event_add_page_has_no_confirmation_box_until_something_is_found(staff_client):
    page = staff_client.get(admin_url(Event, "add")).content.decode()

    assert 'name="integrity_confirmed"' not in page


def test_event_with_injected_text_is_saved_when_confirmed(staff_client):
    data = event_form_data(body=INJECTED_BODY, integrity_confirmed="on")

    response = staff_client.post(admin_url(Event, "add"), data)

    assert response.status_code == 302, errors_of(response)
    assert Event.objects.get().body == INJECTED_BODY
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(
        message.startswith(
            f"Saved with content warnings you confirmed: body, character {INJECTED_AT}:"
        )
        for message in messages
    ), messages


def test_event_with_clean_text_is_saved_without_confirmation(staff_client):
    data = event_form_data(body="<p>Cooperation among prosecutors in Member States.</p>")

    response = staff_client.post(admin_url(Event, "add"), data)

    assert response.status_code == 302, errors_of(response)
    assert Event.objects.get().body == "<p>Cooperation among prosecutors in Member States.</p>"


def test_chinese_event_with_chinese_text_is_saved_without_confirmation(staff_client):
    data = event_form_data(
        language="zh",
        title="第二届亚洲信通技术与反恐对话",
        body="<p>与会者在曼谷讨论了数字证据和司法协助问题。</p>",
    )

    response = staff_client.post(admin_url(Event, "add"), data)

    assert response.status_code == 302, errors_of(response)
    assert Event.objects.get().language == "zh"


def test_hidden_link_is_found_before_the_sanitiser_would_make_it_visible(staff_client):
    body = '<p>Report <a href="https://www.un.org/" style="display:none">casino</a></p>'

    response = staff_client.post(admin_url(Event, "add"), event_form_data(body=body))

    assert response.status_code == 200
    assert errors_of(response)[0].startswith("Body: A link hidden from readers (display: none).")


def test_off_site_link_needs_confirmation_too(staff_client):
    body = '<p>See <a href="https://example.com/report">the report</a>.</p>'

    refused = staff_client.post(admin_url(Event, "add"), event_form_data(body=body))
    saved = staff_client.post(
        admin_url(Event, "add"), event_form_data(body=body, integrity_confirmed="on")
    )

    assert errors_of(refused)[0].startswith("Body: A link to example.com, which is not in the")
    assert saved.status_code == 302


def test_contribution_inline_quotation_in_its_own_language_is_saved(staff_client):
    person = PersonFactory()
    data = event_form_data(
        **management_form("contributions", 1),
        **contribution_row(
            0, person, quotation="Мы обсудили цифровые доказательства.", quotation_language="ru"
        ),
    )

    response = staff_client.post(admin_url(Event, "add"), data)

    assert response.status_code == 302, errors_of(response)
    assert Contribution.objects.get().quotation_language == "ru"


def test_contribution_inline_quotation_in_another_language_needs_confirmation(staff_client):
    person = PersonFactory()
    quotation = "Мы обсудили цифровые доказательства."
    rows = {
        **management_form("contributions", 1),
        **contribution_row(0, person, quotation=quotation, quotation_language="en"),
    }

    refused = staff_client.post(admin_url(Event, "add"), event_form_data(**rows))
    saved = staff_client.post(
        admin_url(Event, "add"), event_form_data(**rows, integrity_confirmed="on")
    )

    assert refused.status_code == 200
    assert errors_of(refused)[0] == (
        "Quotation: Cyrillic characters in text declared as English. "
        "“Мы обсудили цифровые доказательства.” (at character 0)."
    )
    assert 'name="integrity_confirmed"' in refused.content.decode()
    assert saved.status_code == 302, errors_of(saved)
    assert Contribution.objects.get().quotation == quotation


def test_inline_rows_follow_the_language_chosen_on_the_event(staff_client):
    person = PersonFactory()
    data = event_form_data(
        language="ru",
        **management_form("contributions", 1),
        **contribution_row(0, person, summary="Обзор работы Исполнительного директората."),
    )

    response = staff_client.post(admin_url(Event, "add"), data)

    assert response.status_code == 302, errors_of(response)
    contribution = Event.objects.get().contributions.get()
    assert (contribution.person, contribution.summary) == (
        person,
        "Обзор работы Исполнительного директората.",
    )


def test_person_change_form_checks_the_biography(staff_client):
    person = PersonFactory()
    data = person_form_data(staff_client, person, bio="<p>Expert on online casino regulation.</p>")

    refused = staff_client.post(admin_url(Person, "change", person.pk), data)
    saved = staff_client.post(
        admin_url(Person, "change", person.pk), {**data, "integrity_confirmed": "on"}
    )

    assert errors_of(refused)[0] == (
        "Biography: A pattern known from spam. “Expert on online casino regulation.” "
        f"(at character {data['bio'].index('casino')})."
    )
    assert saved.status_code == 302, errors_of(saved)
    person.refresh_from_db()
    assert person.bio == "<p>Expert on online casino regulation.</p>"


def test_resolution_summary_is_sanitised_and_checked(staff_client):
    resolution = ResolutionFactory()
    url = admin_url(Resolution, "change", resolution.pk)
    summary = '<p onclick="x()">Renews the mandate.</p><script>alert(1)</script>'

    refused = staff_client.post(url, form_data_of(staff_client, url, summary=summary))
    saved = staff_client.post(
        url, form_data_of(staff_client, url, summary=summary, integrity_confirmed="on")
    )

    assert errors_of(refused)[:2] == [
        "Summary: Markup the sanitiser removes (onclick=): it never belongs in stored text. "
        '“<p onclick="x()">” (at character 0).',
        "Summary: Markup the sanitiser removes (<script>): it never belongs in stored text. "
        f"“<script>” (at character {summary.index('<script>')}).",
    ]
    assert saved.status_code == 302, errors_of(saved)
    resolution.refresh_from_db()
    assert resolution.summary == "<p>Renews the mandate.</p>"
