"""Rich text in the form that decides how it shows: what the history compares."""

import pytest

from ctdialogue.safety.html import rich_text_shown


@pytest.mark.parametrize(
    ("stored", "as_edited"),
    [
        ("A two-day workshop.", "<p>A two-day workshop.</p>"),
        ("<em>Two</em> days.", "<p><em>Two</em> days.</p>"),
        ("<p>One.</p><p>Two.</p>", "<p>One.</p>\n<p>Two.</p>"),
        ("<ul><li>a</li><li>b</li></ul>", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
        ("", "  "),
    ],
)
def test_an_editors_line_breaks_and_paragraph_show_the_same(stored, as_edited):
    assert rich_text_shown(stored) == rich_text_shown(as_edited)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("<p>One.</p>", "<p><strong>One.</strong></p>"),
        ("<p><em>a</em> <em>b</em></p>", "<p><em>a</em><em>b</em></p>"),  # a space inside
        ("One.", "<h2>One.</h2>"),
    ],
)
def test_a_change_anyone_would_see_stays_a_change(before, after):
    assert rich_text_shown(before) != rich_text_shown(after)
