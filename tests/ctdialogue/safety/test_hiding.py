"""Markup that hides text: attributes, classes, every CSS means, and colours read the
way a browser reads them."""

import pytest

from ctdialogue.safety.hiding import (
    PAGE,
    colour_reason,
    contrast,
    declarations,
    hiding_reason,
    inherited_style,
    parse_colour,
)


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("#fff", ((255, 255, 255), 1.0)),
        ("#FFFFFF80", ((255, 255, 255), 128 / 255)),
        ("rgb(10, 20, 30)", ((10, 20, 30), 1.0)),
        ("rgba(10 20 30 / 0)", ((10, 20, 30), 0.0)),
        ("rgb(100%, 0%, 0%)", ((255, 0, 0), 1.0)),
        ("hsl(0, 0%, 100%)", ((255, 255, 255), 1.0)),
        ("hsla(120deg, 100%, 25%, 0.5)", ((0, 128, 0), 0.5)),
        ("WhiteSmoke", ((245, 245, 245), 1.0)),
        ("transparent", ((0, 0, 0), 0.0)),
    ],
)
def test_css_colours_are_read(value, parsed):
    assert parse_colour(value) == parsed


@pytest.mark.parametrize("value", ["", "inherit", "#ggg", "rgb(a, b, c)", "notacolour"])
def test_what_is_not_a_colour_is_none(value):
    assert parse_colour(value) is None


def test_contrast_runs_from_one_to_twenty_one():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast((12, 34, 56), (12, 34, 56)) == pytest.approx(1)


def test_declarations_are_lower_cased_without_important():
    assert declarations("Color: RED !important;; font-size : 0") == {
        "color": "red",
        "font-size": "0",
    }


def test_colours_are_inherited_and_compared_with_the_nearest_background():
    dark = inherited_style(PAGE, {"style": "background-color: #000"})
    light_text = inherited_style(dark, {"style": "color: #fafafa"})
    dark_text = inherited_style(dark, {"color": "#050505"})

    assert colour_reason(PAGE) is None
    assert colour_reason(dark) == "text in the colour of its background"
    assert colour_reason(light_text) is None
    assert colour_reason(dark_text) == "text in the colour of its background"
    assert colour_reason(inherited_style(PAGE, {"style": "color: rgba(0,0,0,0)"})) == (
        "transparent text"
    )


@pytest.mark.parametrize(
    ("attrs", "reason"),
    [
        ({"hidden": ""}, "the hidden attribute"),
        ({"aria-hidden": "true"}, "aria-hidden"),
        ({"type": "hidden"}, "a hidden input"),
        ({"class": "note sr-only"}, "the class sr-only"),
        ({"style": "display:none"}, "display: none"),
        ({"style": "visibility: collapse"}, "visibility: collapse"),
        ({"style": "opacity: 3%"}, "zero opacity"),
        ({"style": "font-size: 0.05em"}, "zero font size"),
        ({"style": "font: bold 0/0 serif"}, "zero font size"),
        ({"style": "max-height: 0; overflow: clip"}, "max-height: 0 with the overflow hidden"),
        ({"style": "clip-path: inset(50%)"}, "clipped to nothing"),
        ({"style": "position: fixed; left: -100vw"}, "positioned off the page"),
        ({"style": "margin-left: -5000px"}, "moved off the page"),
        ({"style": "transform: translateX(-9999px)"}, "moved off the page"),
        ({"style": "transform: scale(0)"}, "scaled to nothing"),
    ],
)
def test_each_means_of_hiding_is_named(attrs, reason):
    assert hiding_reason(attrs) == reason


@pytest.mark.parametrize(
    "attrs",
    [
        {},
        {"class": "lead"},
        {"aria-hidden": "false"},
        {"style": "opacity: 0.8; font-size: 12px"},
        {"style": "height: 0"},  # the text still overflows into view
        {"style": "position: relative; left: -10px"},
        {"style": "transform: scale(1.1)"},
    ],
)
def test_ordinary_markup_hides_nothing(attrs):
    assert hiding_reason(attrs) is None
