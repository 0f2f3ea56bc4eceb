"""``manage.py create_staff_user NAME --role editor|publisher``: a staff account with
one of the two roles (the groups the publishing migrations create).

The password is ``DJANGO_STAFF_PASSWORD`` when that is set (for scripted set-ups; read
by settings.py like every variable), otherwise it is asked for twice in the terminal.
It must pass the site's password validators.
"""

import getpass
import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

ROLES = {"editor": "Editor", "publisher": "Publisher"}


class Command(BaseCommand):
    help = "Create a staff account with the Editor or the Publisher role."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLES))
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, **options):
        username, role = options["username"], ROLES[options["role"]]
        if get_user_model().objects.filter(username=username).exists():
            raise CommandError(f"There is already an account named “{username}”.")
        group = Group.objects.filter(name=role).first()
        if group is None:
            raise CommandError(f"The {role} role does not exist yet: run manage.py migrate.")
        user = get_user_model()(
            username=username,
            email=options["email"],
            first_name=options["first_name"],
            last_name=options["last_name"],
            is_staff=True,
        )
        password = settings.STAFF_PASSWORD or self.ask_for_password()
        try:
            validate_password(password, user)
        except ValidationError as error:
            message = " ".join(error.messages)
            raise CommandError(f"That password is not accepted: {message}") from error
        with transaction.atomic():
            user.set_password(password)
            user.save()
            user.groups.add(group)
        self.stdout.write(
            self.style.SUCCESS(
                f"{role} “{username}” created; they sign in at /{settings.ADMIN_URL}."
            )
        )

    def ask_for_password(self) -> str:
        if not sys.stdin.isatty():
            raise CommandError(
                "No password: set DJANGO_STAFF_PASSWORD, or run this in a terminal to be "
                "asked for one."
            )
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ; nothing was created.")
        return first
