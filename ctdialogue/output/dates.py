"""Dates as exactly as they are known, written for researchers' tools.

A record's date may be known to the day, the month, the half-year or the year, and an
event may be tentative. ``KnownDate`` holds that, and writes it three ways without
adding precision: as EDTF (the Library of Congress Extended Date/Time Format, ISO
8601-2), as CSL-JSON date-parts, and as BibTeX/biblatex fields.

EDTF: "2018-01-24/2018-01-25", "2017-05", "2018-41" (second half of 2018, a level 2
sub-year grouping: 40 and 41 are the two halves), "2019"; a tentative date ends in "?"
("uncertain"). ISO 8601-2 has no qualifier for a half-year (EDTF.js reads one only
at its non-standard level 3, python-edtf not at all), so a tentative half-year is
written "2018-41" and its record's status says "tentative"; every string written here
reads back with python-edtf.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.dates import MONTHS, MONTHS_ALT
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext


class DatePrecision(models.TextChoices):
    DAY = "day", _("Exact day(s)")
    MONTH = "month", _("Month")
    HALF_YEAR = "half_year", _("Half-year")
    YEAR = "year", _("Year")


#: EDTF's sub-year groupings for the two halves of a year.
SEMESTERS = (40, 41)
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def month_name(month: int, *, with_day: bool) -> str:
    """A month as the active language writes it in a date: in words ("January"; with a
    day, the form a day needs, such as the Russian genitive "января"), or by its number
    where the language writes dates so ("2018年1月24日")."""
    # Translators: "numbers" if a date in your language writes the month as a number
    # (as Chinese does: 2018年1月24日); otherwise "words". Only these two values work.
    if pgettext("how dates name a month", "words") == "numbers":
        return str(month)
    name = str(MONTHS[month])
    if not with_day:
        return name
    # The form a day takes only where it is another word: Django's French catalogue
    # writes "Janvier" there, which is no other word than "janvier".
    alternative = str(MONTHS_ALT[month])
    return name if alternative.lower() == name.lower() else alternative


def day_month_year(day: datetime.date) -> str:
    """A day in words in the active language: "24 January 2018", "24 janvier 2018",
    "2018年1月24日". The one pattern every page, feed and message writes a day with."""
    return pgettext("day month year", "%(day)s %(month)s %(year)s") % {
        "day": day.day,
        "month": month_name(day.month, with_day=True),
        "year": day.year,
    }


def _half(day: datetime.date) -> int:
    return 0 if day.month <= 6 else 1


@dataclass(frozen=True)
class KnownDate:
    """``start`` (and ``end``, for a range) as far as ``precision`` goes; the parts of
    a date below its precision mean nothing."""

    start: datetime.date
    end: datetime.date | None = None
    precision: str = DatePrecision.DAY
    tentative: bool = False

    # --- How far the two ends are apart, at the precision --------------------------

    def _parts(self, day: datetime.date) -> tuple:
        if self.precision == DatePrecision.DAY:
            return (day.year, day.month, day.day)
        if self.precision == DatePrecision.MONTH:
            return (day.year, day.month)
        if self.precision == DatePrecision.HALF_YEAR:
            return (day.year, _half(day))
        return (day.year,)

    @property
    def is_range(self) -> bool:
        return self.end is not None and self._parts(self.end) != self._parts(self.start)

    # --- EDTF ----------------------------------------------------------------------

    def _edtf_one(self, day: datetime.date) -> str:
        if self.precision == DatePrecision.DAY:
            text = day.isoformat()
        elif self.precision == DatePrecision.MONTH:
            text = f"{day.year:04d}-{day.month:02d}"
        elif self.precision == DatePrecision.HALF_YEAR:
            return f"{day.year:04d}-{SEMESTERS[_half(day)]}"  # cannot be qualified
        else:
            text = f"{day.year:04d}"
        return text + "?" if self.tentative else text

    def edtf(self) -> str:
        """The date in EDTF."""
        if not self.is_range:
            return self._edtf_one(self.start)
        if self.precision == DatePrecision.HALF_YEAR:
            # Sub-year groupings cannot end an interval in standard EDTF: the months
            # of the two halves can.
            first = f"{self.start.year:04d}-{1 + 6 * _half(self.start):02d}"
            last = f"{self.end.year:04d}-{6 + 6 * _half(self.end):02d}"
            mark = "?" if self.tentative else ""
            return f"{first}{mark}/{last}{mark}"
        return f"{self._edtf_one(self.start)}/{self._edtf_one(self.end)}"

    # --- HTML -----------------------------------------------------------------------

    @property
    def html(self) -> str:
        """The start as an HTML ``datetime`` value: a date, a month, or a year (HTML
        has no half-year)."""
        if self.precision == DatePrecision.DAY:
            return self.start.isoformat()
        if self.precision == DatePrecision.MONTH:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return f"{self.start.year:04d}"

    # --- CSL-JSON ------------------------------------------------------------------

    def _csl_parts(self, day: datetime.date) -> list[int]:
        if self.precision == DatePrecision.HALF_YEAR:
            return [day.year]
        return list(self._parts(day))

    def csl(self) -> dict:
        """A CSL-JSON date: date-parts only as deep as known, both ends of a range, and
        ``circa`` for a tentative date (CSL's only mark of an unsure date)."""
        parts = [self._csl_parts(self.start)]
        if self.is_range and self._csl_parts(self.end) != parts[0]:
            parts.append(self._csl_parts(self.end))
        value: dict = {"date-parts": parts}
        if self.tentative:
            value["circa"] = True
        return value

    # --- BibTeX / biblatex ---------------------------------------------------------

    def _biblatex_one(self, day: datetime.date) -> str:
        if self.precision == DatePrecision.DAY:
            return day.isoformat()
        if self.precision == DatePrecision.MONTH:
            return f"{day.year:04d}-{day.month:02d}"
        return f"{day.year:04d}"

    def bibtex_fields(self) -> list[tuple[str, str]]:
        """``year`` always; ``month`` only when the month is known and single; and
        biblatex's ``date`` (EDTF levels 0 and 1, which biblatex reads: ranges, and "?"
        for a tentative date; a half-year as its year)."""
        fields = [("year", str(self.start.year))]
        single_month = self.end is None or (self.end.year, self.end.month) == (
            self.start.year,
            self.start.month,
        )
        if self.precision in (DatePrecision.DAY, DatePrecision.MONTH) and single_month:
            fields.append(("month", BIBTEX_MONTHS[self.start.month - 1]))
        mark = "?" if self.tentative else ""
        date = self._biblatex_one(self.start) + mark
        if self.is_range and self._biblatex_one(self.end) != self._biblatex_one(self.start):
            date += "/" + self._biblatex_one(self.end) + mark
        fields.append(("date", date))
        return fields
