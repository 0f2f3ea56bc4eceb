"""The timeline's geometry: rows in order of date, wider gaps where years pass, the
year named once, and arcs only between items that are drawn."""

import datetime

from ctdialogue.pages.timeline import AXIS_X, ROW, TimelineItem, timeline


def item(key, year, month=1, day=1):
    return TimelineItem(key=key, label=str(key), date=datetime.date(year, month, day))


def test_rows_follow_the_dates_and_widen_the_gap_where_years_pass():
    drawn = timeline([item(2395, 2017, 12, 21), item(1373, 2001, 9, 28), item(2341, 2017, 2)])

    assert [row.item.key for row in drawn.rows] == [1373, 2341, 2395]
    first, second, third = (row.y for row in drawn.rows)
    assert third - second == ROW  # the same year: one row apart
    assert second - first == ROW + 4 * 8  # fifteen years: the gap drawn at most
    assert [row.year_label for row in drawn.rows] == ["2001", "2017", ""]
    assert (drawn.first_year, drawn.last_year) == (2001, 2017)
    assert drawn.height == third + 20


def test_arcs_join_drawn_items_and_bow_wider_the_further_apart():
    drawn = timeline(
        [item(1, 2001), item(2, 2002), item(3, 2010)],
        [(2, 1, "recalls"), (3, 1, "extends"), (3, 99, "recalls"), (3, 3, "recalls")],
    )

    assert [arc.kind for arc in drawn.arcs] == ["recalls", "extends"]
    near, far = (float(arc.path.split("C")[1].split()[0]) for arc in drawn.arcs)
    assert far < near < AXIS_X
    assert drawn.arcs[0].path.startswith(f"M{AXIS_X} {drawn.rows[1].y:g} ")


def test_no_items_draw_nothing():
    drawn = timeline([], [(1, 2, "recalls")])

    assert (drawn.rows, drawn.arcs, drawn.height) == ([], [], 0)
    assert drawn.first_year is None
