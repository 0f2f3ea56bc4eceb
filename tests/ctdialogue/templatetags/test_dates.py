"""A day in words in the page's language, for templates."""

import datetime

from django.template import Context, Template
from django.utils import translation


def test_a_day_is_written_in_words_in_the_pages_language():
    template = Template("{% load dates %}{{ day|in_words }}")
    day = datetime.date(2017, 12, 21)
    written = {}
    for language in ("en", "fr", "ru", "es", "ar", "zh-hans"):
        with translation.override(language):
            written[language] = template.render(Context({"day": day}))

    assert written == {
        "en": "21 December 2017",
        "fr": "21 décembre 2017",
        "ru": "21 декабря 2017 года",
        "es": "21 de diciembre de 2017",
        "ar": "21 ديسمبر 2017",
        "zh-hans": "2017年12月21日",
    }
    assert template.render(Context({"day": None})) == ""
