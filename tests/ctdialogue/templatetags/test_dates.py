"""A day in words in the page's language, for templates."""

import datetime

from django.template import Context, Template
from django.utils import translation


def test_a_day_is_written_in_words_in_the_pages_language():
    template = Template("{% load dates %}{{ day|in_words }}")
    day = datetime.date(2017, 12, 21)
    with translation.override("en"):
        assert template.render(Context({"day": day})) == "21 December 2017"
    assert template.render(Context({"day": None})) == ""
