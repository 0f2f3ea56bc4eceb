"""Citations of Security Council resolutions (see ``ctdialogue.output.citations``)."""

from django.contrib.humanize.templatetags.humanize import ordinal

from ctdialogue.output.citations import Citation, CitationView, citation_key
from ctdialogue.output.dates import KnownDate

from .models import Resolution

SECURITY_COUNCIL = "United Nations Security Council"


def adoption_note(resolution: Resolution) -> str:
    """The agenda item, the meeting and the vote, as far as they are recorded:
    "Threats to ...; adopted at the 8148th meeting (S/PV.8148); 15-0-0"."""
    parts = [resolution.agenda_item]
    if resolution.meeting:
        parts.append(
            f"adopted at the {ordinal(resolution.meeting)} meeting ({resolution.meeting_record})"
        )
    if resolution.vote == Resolution.Vote.RECORDED:
        parts.append(f"vote {resolution.vote_tally}")
    elif resolution.vote:
        parts.append(resolution.vote_summary)
    return "; ".join(part for part in parts if part)


def resolution_citation(resolution: Resolution) -> Citation:
    return Citation(
        key=citation_key("unsc", "res", resolution.number, resolution.year),
        csl_type="legislation",
        bibtex_type="misc",
        # The UN's own title, never this site's description of the subject.
        title=resolution.official_title or resolution.designation,
        url=resolution.official_url,
        issued=KnownDate(resolution.adopted_on) if resolution.adopted_on else None,
        author=SECURITY_COUNCIL,
        publisher="United Nations",
        number=resolution.symbol,
        note=adoption_note(resolution),
        extra_csl={"authority": SECURITY_COUNCIL},
    )


class ResolutionCitationView(CitationView):
    model = Resolution
    lookup = "number"
    build = staticmethod(resolution_citation)
