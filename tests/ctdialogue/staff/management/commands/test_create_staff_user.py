"""``manage.py create_staff_user``: a staff account with one of the two roles."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from ctdialogue.publishing.workflow import can_publish
from events.models import Event

pytestmark = pytest.mark.django_db

GOOD = "a long and unusual passphrase"


def create(*args, **options):
    out = io.StringIO()
    call_command("create_staff_user", *args, stdout=out, **options)
    return out.getvalue()


@pytest.mark.parametrize(("role", "publishes"), [("editor", False), ("publisher", True)])
def test_creates_a_staff_account_with_the_role(settings, role, publishes):
    settings.STAFF_PASSWORD = GOOD

    output = create("amina", role=role, email="amina@example.org", first_name="Amina")

    user = get_user_model().objects.get(username="amina")
    assert (user.is_staff, user.is_superuser, user.email) == (True, False, "amina@example.org")
    assert [group.name for group in user.groups.all()] == [role.capitalize()]
    assert user.check_password(GOOD)
    assert can_publish(user, Event) is publishes
    assert f"{role.capitalize()} “amina” created" in output


def test_an_existing_username_is_refused(settings):
    settings.STAFF_PASSWORD = GOOD
    create("amina", role="editor")

    with pytest.raises(CommandError, match="There is already an account named “amina”"):
        create("amina", role="publisher")


def test_an_unknown_role_is_refused(settings):
    settings.STAFF_PASSWORD = GOOD

    with pytest.raises(CommandError, match="invalid choice: 'admin'"):
        create("amina", role="admin")
    assert not get_user_model().objects.filter(username="amina").exists()


def test_a_weak_password_is_refused_and_nothing_created(settings):
    settings.STAFF_PASSWORD = "amina"

    with pytest.raises(CommandError, match="That password is not accepted"):
        create("amina", role="editor")
    assert not get_user_model().objects.filter(username="amina").exists()


def test_without_a_password_or_a_terminal_it_says_what_to_do(settings):
    settings.STAFF_PASSWORD = ""

    with pytest.raises(CommandError, match="set DJANGO_STAFF_PASSWORD"):
        create("amina", role="editor")


@pytest.mark.parametrize(("answers", "created"), [([GOOD, GOOD], True), ([GOOD, "other"], False)])
def test_in_a_terminal_it_asks_twice(settings, monkeypatch, answers, created):
    settings.STAFF_PASSWORD = ""
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked = iter(answers)
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(asked))

    if created:
        create("amina", role="publisher")
    else:
        with pytest.raises(CommandError, match="The two passwords differ"):
            create("amina", role="publisher")

    assert get_user_model().objects.filter(username="amina").exists() is created
