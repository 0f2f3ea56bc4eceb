"""Dates written only as exactly as they are known: EDTF that python-edtf reads back to
the same period and uncertainty, CSL-JSON date-parts and BibTeX fields, for each
precision, single dates and ranges, certain and tentative."""

import datetime

import pytest
from edtf import parse_edtf

from ctdialogue.output.dates import DatePrecision, KnownDate
from events.dates import period_end, period_start

D = datetime.date

# (known date, EDTF, CSL date, BibTeX fields)
CASES = {
    "one day": (
        KnownDate(D(2019, 3, 5)),
        "2019-03-05",
        {"date-parts": [[2019, 3, 5]]},
        [("year", "2019"), ("month", "mar"), ("date", "2019-03-05")],
    ),
    "two days": (
        KnownDate(D(2018, 1, 24), D(2018, 1, 25)),
        "2018-01-24/2018-01-25",
        {"date-parts": [[2018, 1, 24], [2018, 1, 25]]},
        [("year", "2018"), ("month", "jan"), ("date", "2018-01-24/2018-01-25")],
    ),
    "days across months": (
        KnownDate(D(2018, 1, 30), D(2018, 2, 2)),
        "2018-01-30/2018-02-02",
        {"date-parts": [[2018, 1, 30], [2018, 2, 2]]},
        [("year", "2018"), ("date", "2018-01-30/2018-02-02")],
    ),
    "tentative day": (
        KnownDate(D(2019, 3, 5), tentative=True),
        "2019-03-05?",
        {"date-parts": [[2019, 3, 5]], "circa": True},
        [("year", "2019"), ("month", "mar"), ("date", "2019-03-05?")],
    ),
    "month (stored as its whole period)": (
        KnownDate(D(2017, 5, 1), D(2017, 5, 31), DatePrecision.MONTH),
        "2017-05",
        {"date-parts": [[2017, 5]]},
        [("year", "2017"), ("month", "may"), ("date", "2017-05")],
    ),
    "two months": (
        KnownDate(D(2017, 5, 1), D(2017, 6, 30), DatePrecision.MONTH),
        "2017-05/2017-06",
        {"date-parts": [[2017, 5], [2017, 6]]},
        [("year", "2017"), ("date", "2017-05/2017-06")],
    ),
    "half-year": (
        KnownDate(D(2018, 7, 1), D(2018, 12, 31), DatePrecision.HALF_YEAR),
        "2018-41",
        {"date-parts": [[2018]]},
        [("year", "2018"), ("date", "2018")],
    ),
    "tentative half-year": (
        KnownDate(D(2018, 7, 1), D(2018, 12, 31), DatePrecision.HALF_YEAR, tentative=True),
        "2018-41",
        {"date-parts": [[2018]], "circa": True},
        [("year", "2018"), ("date", "2018?")],
    ),
    "first half-year": (
        KnownDate(D(2020, 1, 1), None, DatePrecision.HALF_YEAR),
        "2020-40",
        {"date-parts": [[2020]]},
        [("year", "2020"), ("date", "2020")],
    ),
    "two half-years": (
        KnownDate(D(2018, 7, 1), D(2019, 6, 30), DatePrecision.HALF_YEAR),
        "2018-07/2019-06",
        {"date-parts": [[2018], [2019]]},
        [("year", "2018"), ("date", "2018/2019")],
    ),
    "year": (
        KnownDate(D(2016, 1, 1), D(2016, 12, 31), DatePrecision.YEAR),
        "2016",
        {"date-parts": [[2016]]},
        [("year", "2016"), ("date", "2016")],
    ),
    "tentative years": (
        KnownDate(D(2019, 1, 1), D(2020, 12, 31), DatePrecision.YEAR, tentative=True),
        "2019?/2020?",
        {"date-parts": [[2019], [2020]], "circa": True},
        [("year", "2019"), ("date", "2019?/2020?")],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_precision_is_written_only_as_exactly_as_known(case):
    known, edtf, csl, bibtex = CASES[case]

    assert known.edtf() == edtf
    assert known.csl() == csl
    assert known.bibtex_fields() == bibtex


@pytest.mark.parametrize("case", CASES)
def test_edtf_reads_back_as_the_same_period_and_certainty(case):
    known = CASES[case][0]
    parsed = parse_edtf(known.edtf())

    # The whole period of a fuzzy date, from its first day to its last.
    first = period_start(known.start, known.precision)
    last = period_end(known.end or known.start, known.precision)
    assert datetime.date(*parsed.lower_strict()[:3]) == first
    assert datetime.date(*parsed.upper_strict()[:3]) == last
    uncertain = bool(getattr(parsed, "is_uncertain", False))
    # A half-year cannot carry its uncertainty in standard EDTF; everything else does.
    assert uncertain == (known.tentative and known.precision != DatePrecision.HALF_YEAR)


@pytest.mark.parametrize(
    ("known", "html"),
    [
        (KnownDate(D(2018, 1, 24), D(2018, 1, 25)), "2018-01-24"),
        (KnownDate(D(2017, 5, 1), D(2017, 5, 31), DatePrecision.MONTH), "2017-05"),
        (KnownDate(D(2018, 7, 1), D(2018, 12, 31), DatePrecision.HALF_YEAR), "2018"),
        (KnownDate(D(2019, 1, 1), None, DatePrecision.YEAR), "2019"),
    ],
)
def test_html_datetime_never_names_a_day_that_is_not_known(known, html):
    assert known.html == html
