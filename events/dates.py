"""Dates at their true precision.

An event may be known to the day ("24-25 January 2018"), the month ("May 2017"),
the half-year ("Second half of 2018") or the year ("2019"). The start date of a
fuzzy event is the first day of its period, so ordering and year filters work
for every precision; these helpers turn the stored dates into honest words.
"""

import datetime

from django.utils.translation import gettext, pgettext

# The precisions are shared with what writes dates for researchers' tools (EDTF,
# citations); the words for them are here.
from ctdialogue.output.dates import DatePrecision, day_month_year, month_name


def period_start(day: datetime.date, precision: str) -> datetime.date:
    """The first day of the period that ``day`` falls in, at ``precision``."""
    if precision == DatePrecision.MONTH:
        return day.replace(day=1)
    if precision == DatePrecision.HALF_YEAR:
        return datetime.date(day.year, 1 if day.month <= 6 else 7, 1)
    if precision == DatePrecision.YEAR:
        return datetime.date(day.year, 1, 1)
    return day


def period_end(day: datetime.date, precision: str) -> datetime.date:
    """The last day of the period that ``day`` falls in, at ``precision``."""
    if precision == DatePrecision.MONTH:
        next_month = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return next_month - datetime.timedelta(days=1)
    if precision == DatePrecision.HALF_YEAR:
        return datetime.date(day.year, 6, 30) if day.month <= 6 else datetime.date(day.year, 12, 31)
    if precision == DatePrecision.YEAR:
        return datetime.date(day.year, 12, 31)
    return day


def format_day_range(start: datetime.date, end: datetime.date | None) -> str:
    """Exact dates: "24 January 2018", "24-25 January 2018", "30 January - 2 February 2018"."""
    if end is None or end == start:
        return day_month_year(start)
    if (start.year, start.month) == (end.year, end.month):
        return gettext("%(first_day)s-%(last_day)s %(month)s %(year)s") % {
            "first_day": start.day,
            "last_day": end.day,
            "month": month_name(end.month, with_day=True),
            "year": end.year,
        }
    if start.year == end.year:
        return gettext("%(first_day)s %(first_month)s - %(last_day)s %(last_month)s %(year)s") % {
            "first_day": start.day,
            "first_month": month_name(start.month, with_day=True),
            "last_day": end.day,
            "last_month": month_name(end.month, with_day=True),
            "year": end.year,
        }
    return gettext("%(first)s - %(last)s") % {
        "first": day_month_year(start),
        "last": day_month_year(end),
    }


def format_month_range(start: datetime.date, end: datetime.date | None) -> str:
    """Months: "May 2017", "May - June 2017", "December 2017 - January 2018"."""
    month_year = pgettext("month year", "%(month)s %(year)s")
    first = month_year % {
        "month": month_name(start.month, with_day=False),
        "year": start.year,
    }
    if end is None or (end.year, end.month) == (start.year, start.month):
        return first
    if end.year == start.year:
        return gettext("%(first_month)s - %(last_month)s %(year)s") % {
            "first_month": month_name(start.month, with_day=False),
            "last_month": month_name(end.month, with_day=False),
            "year": end.year,
        }
    last = month_year % {"month": month_name(end.month, with_day=False), "year": end.year}
    return gettext("%(first)s - %(last)s") % {"first": first, "last": last}


def format_period(start: datetime.date, end: datetime.date | None, precision: str) -> str:
    """The dates in words at their precision, without any status qualifier."""
    if precision == DatePrecision.MONTH:
        return format_month_range(start, end)
    if precision == DatePrecision.HALF_YEAR:
        if start.month <= 6:
            return gettext("First half of %(year)s") % {"year": start.year}
        return gettext("Second half of %(year)s") % {"year": start.year}
    if precision == DatePrecision.YEAR:
        if end is None or end.year == start.year:
            return str(start.year)
        return gettext("%(first_year)s-%(last_year)s") % {
            "first_year": start.year,
            "last_year": end.year,
        }
    return format_day_range(start, end)
