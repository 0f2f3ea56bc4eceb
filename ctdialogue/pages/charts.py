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


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    baseline: float
    maximum: int

    @property
    def total(self) -> int:
        return sum(bar.value for bar in self.bars)

    @property
    def first_label(self) -> str:
        return self.bars[0].label if self.bars else ""

    @property
    def last_label(self) -> str:
        return self.bars[-1].label if self.bars else ""


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
