import datetime

import pytest

from events.dates import DatePrecision, format_day_range, format_period, period_end, period_start
from events.models import Event
from tests.factories import EventFactory

D = datetime.date


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2018, 1, 24), None, "24 January 2018"),
        (D(2018, 1, 24), D(2018, 1, 24), "24 January 2018"),
        (D(2018, 1, 24), D(2018, 1, 25), "24-25 January 2018"),
        (D(2018, 1, 30), D(2018, 2, 2), "30 January - 2 February 2018"),
        (D(2017, 12, 30), D(2018, 1, 2), "30 December 2017 - 2 January 2018"),
    ],
)
def test_format_day_range_exact_dates(start, end, expected):
    assert format_day_range(start, end) == expected


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (D(2017, 5, 1), D(2017, 5, 31), DatePrecision.MONTH, "May 2017"),
        (D(2017, 5, 1), None, DatePrecision.MONTH, "May 2017"),
        (D(2017, 5, 1), D(2017, 6, 30), DatePrecision.MONTH, "May - June 2017"),
        (D(2017, 11, 1), D(2018, 1, 31), DatePrecision.MONTH, "November 2017 - January 2018"),
        (D(2018, 1, 1), D(2018, 6, 30), DatePrecision.HALF_YEAR, "First half of 2018"),
        (D(2018, 7, 1), D(2018, 12, 31), DatePrecision.HALF_YEAR, "Second half of 2018"),
        (D(2019, 1, 1), D(2019, 12, 31), DatePrecision.YEAR, "2019"),
        (D(2019, 1, 1), D(2020, 12, 31), DatePrecision.YEAR, "2019-2020"),
        (D(2018, 1, 24), D(2018, 1, 25), DatePrecision.DAY, "24-25 January 2018"),
    ],
)
def test_format_period_every_precision(start, end, precision, expected):
    assert format_period(start, end, precision) == expected


@pytest.mark.parametrize(
    ("day", "precision", "first", "last"),
    [
        (D(2017, 5, 17), DatePrecision.MONTH, D(2017, 5, 1), D(2017, 5, 31)),
        (D(2016, 2, 10), DatePrecision.MONTH, D(2016, 2, 1), D(2016, 2, 29)),
        (D(2017, 12, 5), DatePrecision.MONTH, D(2017, 12, 1), D(2017, 12, 31)),
        (D(2018, 3, 3), DatePrecision.HALF_YEAR, D(2018, 1, 1), D(2018, 6, 30)),
        (D(2018, 9, 3), DatePrecision.HALF_YEAR, D(2018, 7, 1), D(2018, 12, 31)),
        (D(2018, 9, 3), DatePrecision.YEAR, D(2018, 1, 1), D(2018, 12, 31)),
        (D(2018, 9, 3), DatePrecision.DAY, D(2018, 9, 3), D(2018, 9, 3)),
    ],
)
def test_period_bounds_each_precision(day, precision, first, last):
    assert (period_start(day, precision), period_end(day, precision)) == (first, last)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end", "precision", "status", "expected"),
    [
        (D(2017, 5, 1), None, "month", "held", "May 2017"),
        (D(2018, 1, 24), D(2018, 1, 25), "day", "held", "24-25 January 2018"),
        (D(2018, 7, 1), None, "half_year", "tentative", "Second half of 2018 (tentative)"),
        (D(2019, 4, 9), None, "day", "tentative", "9 April 2019 (tentative)"),
        (D(2020, 1, 1), None, "year", "postponed", "2020"),
        (D(2020, 1, 1), None, "year", "cancelled", "2020"),
        (D(2026, 3, 2), None, "month", "planned", "March 2026"),
    ],
)
def test_event_date_display_precision_and_status(start, end, precision, status, expected):
    event = EventFactory.build(
        start_date=start, end_date=end, date_precision=precision, status=status, slug="x"
    )
    event.full_clean(exclude=["series"])

    assert event.date_display == expected


@pytest.mark.django_db
def test_event_clean_stores_fuzzy_date_as_whole_period():
    event = EventFactory.build(
        start_date=D(2018, 9, 14), end_date=None, date_precision="half_year", slug="third"
    )
    event.full_clean()

    assert (event.start_date, event.end_date) == (D(2018, 7, 1), D(2018, 12, 31))


@pytest.mark.django_db
def test_year_filter_and_ordering_work_for_every_precision():
    month = EventFactory(start_date=D(2017, 5, 1), end_date=D(2017, 5, 31), date_precision="month")
    day = EventFactory(start_date=D(2018, 1, 24), end_date=D(2018, 1, 25))
    half = EventFactory(
        start_date=D(2018, 7, 1), end_date=D(2018, 12, 31), date_precision="half_year"
    )
    year = EventFactory(start_date=D(2019, 1, 1), end_date=D(2019, 12, 31), date_precision="year")
    spanning = EventFactory(start_date=D(2018, 12, 30), end_date=D(2019, 1, 2))

    assert set(Event.objects.in_year(2018)) == {day, half, spanning}
    assert set(Event.objects.in_year(2019)) == {year, spanning}
    assert list(Event.objects.chronological()) == [month, day, half, spanning, year]


@pytest.mark.django_db
def test_upcoming_and_past_use_the_last_possible_day():
    today = D(2018, 9, 1)
    held = EventFactory(start_date=D(2018, 1, 24), end_date=D(2018, 1, 25))
    tentative = EventFactory(
        start_date=D(2018, 7, 1),
        end_date=D(2018, 12, 31),
        date_precision="half_year",
        status="tentative",
    )
    cancelled = EventFactory(start_date=D(2018, 10, 1), end_date=None, status="cancelled")

    assert list(Event.objects.upcoming(today)) == [tentative]
    assert list(Event.objects.past(today)) == [held]
    assert cancelled not in Event.objects.upcoming(today)
    assert held.is_past(today)
    assert not tentative.is_past(today)
