"""Small charts drawn on the server as SVG geometry, so no script is needed."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    show_label: bool = True


class YearColumns:
    """What a chart of a column per year says of itself: its total, and its first and
    last years. ``columns`` are its bars or stacks, each with a label and a value."""

    @property
    def columns(self) -> list:
        raise NotImplementedError

    @property
    def total(self) -> int:
        return sum(column.value for column in self.columns)

    @property
    def first_label(self) -> str:
        return self.columns[0].label if self.columns else ""

    @property
    def last_label(self) -> str:
        return self.columns[-1].label if self.columns else ""


@dataclass(frozen=True)
class BarChart(YearColumns):
    bars: list[Bar]
    width: int
    height: int
    baseline: float
    maximum: int

    @property
    def columns(self) -> list[Bar]:
        return self.bars


def bar_chart(counts: dict[int, int], *, width=640, height=200, padding=24) -> BarChart:
    """Bars for consecutive years from the first to the last that has a value."""
    if not counts:
        return BarChart(bars=[], width=width, height=height, baseline=height - padding, maximum=0)
    years = range(min(counts), max(counts) + 1)
    maximum = max(counts.values()) or 1
    plot_height = height - 2 * padding
    slot = (width - 2 * padding) / len(years)
    bar_width = min(max(slot * 0.7, 1), 48)
    label_every = max(1, round(len(years) / 12))
    bars = []
    for index, year in enumerate(years):
        value = counts.get(year, 0)
        bar_height = plot_height * value / maximum
        bars.append(
            Bar(
                label=str(year),
                value=value,
                x=round(padding + index * slot + (slot - bar_width) / 2, 2),
                y=round(height - padding - bar_height, 2),
                width=round(bar_width, 2),
                height=round(bar_height, 2),
                show_label=index % label_every == 0,
            )
        )
    return BarChart(
        bars=bars, width=width, height=height, baseline=height - padding, maximum=maximum
    )


#: How many colours the stylesheet gives series (``.chart__tone--0`` and on).
TONES = 6
#: Hatching drawn over each series' colour in a stacked chart, one per series in turn,
#: so that the series differ by more than colour. Paths in an 8 x 8 pattern tile.
HATCHES = (
    "",
    "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4",
    "M0,4 h8",
    "M2,2 h1 v1 h-1 z M6,6 h1 v1 h-1 z",
    "M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4",
    "M4,0 v8",
    "M0,4 h8 M4,0 v8",
)


@dataclass(frozen=True)
class Segment:
    """One series' part of a stack: ``series`` is its place in the chart's series."""

    series: int
    value: int
    y: float
    height: float


@dataclass(frozen=True)
class Stack:
    """A year's stack: ``value`` is its height in units (the sum of ``values``, one
    per series, zeros included)."""

    label: str
    x: float
    width: float
    top: float
    value: int
    values: list[int]
    segments: list[Segment]
    show_label: bool = True


@dataclass(frozen=True)
class Series:
    """A series and how it is told apart: by a colour (``tone``) and a hatching drawn
    over it (``hatch``). There are fewer colours than hatchings, so no two of the first
    42 series look the same."""

    index: int
    label: str
    tone: int
    hatch: str
    total: int


@dataclass(frozen=True)
class StackedBarChart(YearColumns):
    series: list[Series]
    stacks: list[Stack]
    width: int
    height: int
    baseline: float
    maximum: int

    @property
    def columns(self) -> list[Stack]:
        return self.stacks


def stacked_bar_chart(
    counts: dict[int, dict[str, int]], series: list[str], *, width=640, height=240, padding=24
) -> StackedBarChart:
    """A stack per consecutive year from the first to the last that has a value, with a
    segment per series (in the order of ``series``, from the baseline up) that has one."""
    totals = {name: sum(row.get(name, 0) for row in counts.values()) for name in series}
    chart_series = [
        Series(
            index=index,
            label=name,
            tone=index % TONES,
            hatch=HATCHES[index % len(HATCHES)],
            total=totals[name],
        )
        for index, name in enumerate(series)
    ]
    baseline = height - padding
    sums = {year: sum(row.get(name, 0) for name in series) for year, row in counts.items()}
    years = [year for year, total in sums.items() if total]
    if not years:
        return StackedBarChart(
            series=chart_series, stacks=[], width=width, height=height, baseline=baseline, maximum=0
        )
    years = range(min(years), max(years) + 1)
    maximum = max(sums.values())
    scale = (height - 2 * padding) / maximum
    slot = (width - 2 * padding) / len(years)
    bar_width = min(max(slot * 0.7, 1), 48)
    label_every = max(1, round(len(years) / 12))
    stacks = []
    for position, year in enumerate(years):
        values = [counts.get(year, {}).get(name, 0) for name in series]
        segments, top = [], baseline
        for index, value in enumerate(values):
            if value:
                top -= value * scale
                segment = Segment(index, value, y=round(top, 2), height=round(value * scale, 2))
                segments.append(segment)
        stacks.append(
            Stack(
                label=str(year),
                x=round(padding + position * slot + (slot - bar_width) / 2, 2),
                width=round(bar_width, 2),
                top=round(top, 2),
                value=sum(values),
                values=values,
                segments=segments,
                show_label=position % label_every == 0,
            )
        )
    return StackedBarChart(
        series=chart_series,
        stacks=stacks,
        width=width,
        height=height,
        baseline=baseline,
        maximum=maximum,
    )


@dataclass(frozen=True)
class HorizontalBar:
    """A bar with its label written above it and its value after its end."""

    label: str
    value: int
    label_y: float
    y: float
    width: float
    value_x: float


@dataclass(frozen=True)
class HorizontalBarChart:
    bars: list[HorizontalBar]
    width: int
    height: int
    left: float
    bar_height: int
    maximum: int

    @property
    def total(self) -> int:
        return sum(bar.value for bar in self.bars)


def horizontal_bar_chart(
    counts: list[tuple[str, int]], *, width=640, bar_height=18, padding=8, value_room=48
) -> HorizontalBarChart:
    """A bar per (label, value), in the order given, longest for the highest value; each
    row takes a line of text for its label and the bar below it, so long labels fit."""
    row = bar_height + 26
    maximum = max((value for _, value in counts), default=0)
    plot_width = width - 2 * padding - value_room
    bars = []
    for index, (label, value) in enumerate(counts):
        bar_width = round(plot_width * value / maximum, 2) if maximum else 0.0
        top = padding + index * row
        bars.append(
            HorizontalBar(
                label=label,
                value=value,
                label_y=top + 16,
                y=top + 22,
                width=bar_width,
                value_x=round(padding + bar_width + 6, 2),
            )
        )
    return HorizontalBarChart(
        bars=bars,
        width=width,
        height=2 * padding + len(counts) * row,
        left=padding,
        bar_height=bar_height,
        maximum=maximum,
    )
