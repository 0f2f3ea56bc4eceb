"""What the site search looks for in resolutions; a query that names one ("2396",
"S/RES/2396 (2017)", "resolution 2396") puts it first."""

import re

from django.db.models import Q
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from ctdialogue.output.dates import day_month_year
from ctdialogue.search.engine import Source
from ctdialogue.search.query import ParsedQuery

from .models import Resolution

RESOLUTION_REFERENCE = re.compile(
    r"""^\s*
    (?:S\s*/\s*RES\s*/\s*|(?:resolution|res\.?)\s*)?
    (?P<number>\d{1,5})
    (?:\s*\(\s*(?P<year>\d{4})\s*\))?
    \s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def _describe_resolution(resolution: Resolution) -> tuple[str, str]:
    adopted = ""
    if resolution.adopted_on:
        adopted = gettext("Adopted on %(date)s") % {"date": day_month_year(resolution.adopted_on)}
    return f"{resolution.symbol}: {resolution.title}", adopted


def resolution_reference(parsed: ParsedQuery) -> Q | None:
    """The resolution a query names by number or symbol, as a condition; or None."""
    reference = RESOLUTION_REFERENCE.match(parsed.text)
    if reference is None or not int(reference["number"]):
        return None
    condition = Q(number=int(reference["number"]))
    if reference["year"]:
        condition &= Q(year=int(reference["year"]))
    return condition


SOURCES: tuple[Source, ...] = (
    Source(Resolution, "resolutions", _("Resolutions"), _describe_resolution, ("summary",),
           order=("-number",), exact=resolution_reference,
           counted=ngettext_lazy("%(shown)s resolution", "%(shown)s resolutions", "count")),
)  # fmt: skip
