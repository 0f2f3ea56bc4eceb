import itertools

import pytest

from ctdialogue.pages.charts import (
    HATCHES,
    TONES,
    bar_chart,
    horizontal_bar_chart,
    stacked_bar_chart,
)
from tests.factories import EventFactory, ThemeFactory


def test_bar_chart_fills_missing_years_and_scales_to_the_highest():
    chart = bar_chart({2017: 1, 2019: 4}, width=640, height=200, padding=24)

    assert [(bar.label, bar.value) for bar in chart.bars] == [
        ("2017", 1),
        ("2018", 0),
        ("2019", 4),
    ]
    heights = [bar.height for bar in chart.bars]
    assert heights == [38.0, 0.0, 152.0]  # plot height 152, proportional to the values
    assert all(bar.y + bar.height == chart.baseline for bar in chart.bars)
    assert (chart.total, chart.first_label, chart.last_label) == (5, "2017", "2019")


def test_bar_chart_keeps_a_single_bar_narrow_and_labels_sparse():
    single = bar_chart({2018: 3})
    many = bar_chart(dict.fromkeys(range(2000, 2030), 1))

    assert single.bars[0].width == 48
    assert sum(bar.show_label for bar in many.bars) <= 15


def test_empty_chart_has_no_bars():
    assert bar_chart({}).bars == []


def test_stacked_bar_chart_stacks_series_in_order_and_fills_missing_years():
    chart = stacked_bar_chart(
        {2017: {"A": 1, "B": 3}, 2019: {"B": 2}}, ["A", "B"], width=640, height=200, padding=20
    )

    assert [(stack.label, stack.values, stack.value) for stack in chart.stacks] == [
        ("2017", [1, 3], 4),
        ("2018", [0, 0], 0),
        ("2019", [0, 2], 2),
    ]
    first = chart.stacks[0]
    # Plot height 160 for the highest stack (4): 40 a unit, "A" at the bottom.
    assert [(s.series, s.value, s.y, s.height) for s in first.segments] == [
        (0, 1, 140.0, 40.0),
        (1, 3, 20.0, 120.0),
    ]
    assert first.top == 20.0
    assert chart.stacks[1].segments == []
    assert chart.stacks[1].top == chart.baseline == 180
    assert [(s.label, s.total) for s in chart.series] == [("A", 1), ("B", 5)]
    assert (chart.total, chart.maximum) == (6, 4)
    assert (chart.first_label, chart.last_label) == ("2017", "2019")


def test_stacked_bar_chart_segments_touch_and_end_on_the_baseline():
    chart = stacked_bar_chart({2020: {"A": 2, "B": 5, "C": 1}}, ["A", "B", "C"])

    segments = chart.stacks[0].segments
    assert segments[0].y + segments[0].height == chart.baseline
    for lower, upper in itertools.pairwise(segments):
        assert upper.y + upper.height == pytest.approx(lower.y)
    assert chart.stacks[0].width == 48


def test_stacked_bar_chart_tells_series_apart_by_colour_and_hatching_together():
    names = [f"Theme {n}" for n in range(TONES * len(HATCHES))]

    chart = stacked_bar_chart({2018: dict.fromkeys(names, 1)}, names)

    looks = {(series.tone, series.hatch) for series in chart.series}
    assert len(looks) == len(names)
    assert all(0 <= series.tone < TONES for series in chart.series)


def test_stacked_bar_chart_ignores_values_of_unnamed_series_and_empty_years():
    chart = stacked_bar_chart({2016: {"Other": 5}, 2018: {"A": 2}, 2020: {"A": 0}}, ["A"])

    assert [stack.label for stack in chart.stacks] == ["2018"]
    assert chart.maximum == 2


def test_empty_stacked_chart_has_no_stacks_but_keeps_its_series():
    chart = stacked_bar_chart({}, ["A"])

    assert chart.stacks == []
    assert [series.total for series in chart.series] == [0]
    assert (chart.total, chart.first_label, chart.last_label) == (0, "", "")


def test_horizontal_bar_chart_scales_to_the_highest_and_keeps_the_order_given():
    chart = horizontal_bar_chart(
        [("Private sector", 2), ("Academia", 4), ("Civil society", 0)],
        width=600,
        bar_height=18,
        padding=8,
        value_room=48,
    )

    assert [(bar.label, bar.value, bar.width) for bar in chart.bars] == [
        ("Private sector", 2, 268.0),  # half of the plot width, 600 - 16 - 48
        ("Academia", 4, 536.0),
        ("Civil society", 0, 0.0),
    ]
    # Each row: its label, then its bar below it; the value just after the bar's end.
    assert [(bar.label_y, bar.y) for bar in chart.bars] == [(24, 30), (68, 74), (112, 118)]
    assert [bar.value_x for bar in chart.bars] == [282.0, 550.0, 14.0]
    assert chart.height == 8 + 3 * 44 + 8
    assert (chart.total, chart.maximum) == (6, 4)


def test_horizontal_bar_chart_of_nothing_but_zeros_draws_no_length():
    chart = horizontal_bar_chart([("Academia", 0)])

    assert [bar.width for bar in chart.bars] == [0.0]
    assert chart.total == 0
    assert horizontal_bar_chart([]).bars == []


@pytest.mark.django_db
def test_theme_page_draws_the_chart_and_the_same_numbers_as_a_table(client):
    theme = ThemeFactory(slug="evidence")
    for year in (2017, 2018, 2018):
        EventFactory(themes=[theme], start_date=f"{year}-03-01", end_date=None)

    page = client.get("/themes/evidence/").content.decode()

    assert 'role="img"' in page
    assert '<title id="chart-title">' in page
    assert page.count('class="chart__bar"') == 2
    assert '<tr><th scope="row">2017</th><td>1</td></tr>' in page
    assert '<tr><th scope="row">2018</th><td>2</td></tr>' in page
