"""A vertical timeline drawn on the server as SVG geometry: one row per dated item, in
order, with the years on the left and arcs joining related items.

The rows keep their order and a readable spacing rather than an exact scale: a gap of
several years between two items widens the space between their rows a little, so a
reader sees where time passes, but four items of one year still get a row each.
"""

import datetime
from dataclasses import dataclass

ROW = 30
TOP = 20
YEAR_X = 4
AXIS_X = 220
LABEL_X = AXIS_X + 14
WIDTH = 330
GAP_PER_YEAR = 8
MOST_GAP = 4  # years of gap drawn at most
MOST_BULGE = AXIS_X - 48


@dataclass(frozen=True)
class TimelineItem:
    key: object
    label: str
    date: datetime.date
    url: str = ""
    current: bool = False


@dataclass(frozen=True)
class Row:
    item: TimelineItem
    y: float
    year_label: str  # the year, on the first row of each year only


@dataclass(frozen=True)
class Arc:
    path: str
    kind: str


@dataclass(frozen=True)
class Timeline:
    rows: list[Row]
    arcs: list[Arc]
    width: int
    height: int
    axis_x: int = AXIS_X
    label_x: int = LABEL_X
    year_x: int = YEAR_X

    @property
    def first_year(self) -> int | None:
        return self.rows[0].item.date.year if self.rows else None

    @property
    def last_year(self) -> int | None:
        return self.rows[-1].item.date.year if self.rows else None


def timeline(items, links=()) -> Timeline:
    """The geometry for ``items`` (``TimelineItem``), and an arc for each (from key, to
    key, kind) in ``links`` whose two ends are both among the items."""
    ordered = sorted(items, key=lambda item: (item.date, str(item.key)))
    rows, y, previous = [], TOP, None
    for item in ordered:
        if previous is not None:
            skipped = min(max(item.date.year - previous.year - 1, 0), MOST_GAP)
            y += ROW + skipped * GAP_PER_YEAR
        year_label = "" if previous and previous.year == item.date.year else str(item.date.year)
        rows.append(Row(item=item, y=y, year_label=year_label))
        previous = item.date
    position = {row.item.key: row.y for row in rows}
    arcs = [
        Arc(path=_arc(position[start], position[end]), kind=kind)
        for start, end, kind in links
        if start in position and end in position and start != end
    ]
    height = (y + TOP) if rows else 0
    return Timeline(rows=rows, arcs=arcs, width=WIDTH, height=round(height))


def _arc(y1: float, y2: float) -> str:
    """A curve that leaves the axis at ``y1``, bows to the left and returns at ``y2``:
    the further apart, the wider the bow, so nested arcs do not cover each other."""
    bulge = min(MOST_BULGE, 10 + abs(y2 - y1) / 2)
    x = AXIS_X - bulge
    return f"M{AXIS_X} {y1:g} C{x:g} {y1:g} {x:g} {y2:g} {AXIS_X} {y2:g}"
