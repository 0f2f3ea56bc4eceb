"""Citations of Security Council resolutions (see ``ctdialogue.output.citations``)."""

from ctdialogue.output.citations import Citation, CitationView, citation_key
from ctdialogue.output.dates import KnownDate

from .models import Resolution

SECURITY_COUNCIL = "United Nations Security Council"


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
        note=resolution.agenda_item,
        extra_csl={"authority": SECURITY_COUNCIL},
    )


class ResolutionCitationView(CitationView):
    model = Resolution
    lookup = "number"
    build = staticmethod(resolution_citation)
