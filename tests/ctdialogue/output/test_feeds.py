"""Helpers every feed and calendar shares."""

import json

import pytest

from ctdialogue.output.feeds import json_for_script

pytestmark = pytest.mark.django_db


def test_json_for_script_escapes_markup_characters():
    text = json_for_script({"name": "<b>&</b>\u2028"})

    assert text == '{"name": "\\u003Cb\\u003E\\u0026\\u003C/b\\u003E\\u2028"}'
    assert json.loads(text) == {"name": "<b>&</b>\u2028"}
