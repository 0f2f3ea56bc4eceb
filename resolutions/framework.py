"""The normative framework: published resolutions and what each says of earlier ones,
drawn as a timeline (``ctdialogue.pages.timeline``) on the list and on each page."""

import datetime

from ctdialogue.pages.timeline import Timeline, TimelineItem, timeline

from .models import Resolution, ResolutionRelation


def _item(resolution, current_number=None) -> TimelineItem:
    return TimelineItem(
        key=resolution.number,
        label=f"{resolution.number} ({resolution.year})",
        # Where only the year is known, the row sits at the start of its year.
        date=resolution.adopted_on or datetime.date(resolution.year, 1, 1),
        url=resolution.get_absolute_url(),
        current=resolution.number == current_number,
    )


def framework_timeline() -> Timeline:
    """Every public resolution, with an arc for each public relation between them
    (two queries)."""
    resolutions = Resolution.objects.public().only("number", "year", "adopted_on")
    links = ResolutionRelation.objects.public().values_list(
        "source__number", "target__number", "kind"
    )
    return timeline([_item(resolution) for resolution in resolutions], list(links))


def neighbourhood_timeline(resolution) -> Timeline:
    """``resolution`` and the public ones it refers to or that refer to it, from the
    relations already read with it (``Resolution.objects.with_links()``: no query)."""
    relations = list(resolution.relations.all())
    referenced_by = list(resolution.referenced_by.all())
    if not relations and not referenced_by:
        return timeline([])
    others = [relation.target for relation in relations]
    others += [relation.source for relation in referenced_by]
    items = {other.number: _item(other) for other in others}
    items[resolution.number] = _item(resolution, current_number=resolution.number)
    links = [(resolution.number, r.target.number, r.kind) for r in relations]
    links += [(r.source.number, resolution.number, r.kind) for r in referenced_by]
    return timeline(items.values(), links)
