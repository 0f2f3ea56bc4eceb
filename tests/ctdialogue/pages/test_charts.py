import pytest

from ctdialogue.pages.charts import bar_chart
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
