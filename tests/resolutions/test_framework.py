"""The normative framework as a timeline: public resolutions and relations only, read
in a constant number of queries."""

import pytest

from resolutions.framework import framework_timeline
from tests.factories import ResolutionFactory, ResolutionRelationFactory

pytestmark = pytest.mark.django_db


def test_framework_leaves_out_drafts_scheduled_resolutions_and_their_relations(
    django_assert_num_queries,
):
    cted = ResolutionFactory(number=1535, year=2004)
    renewal = ResolutionFactory(number=2395, year=2017)
    ResolutionRelationFactory(source=renewal, kind="extends", target=cted)
    for hidden in (
        ResolutionFactory(number=2700, year=2023, draft=True),
        ResolutionFactory(number=2701, year=2023, scheduled=True),
    ):
        ResolutionRelationFactory(source=hidden, target=renewal)

    with django_assert_num_queries(2):
        drawn = framework_timeline()

    assert [row.item.key for row in drawn.rows] == [1535, 2395]
    assert [arc.kind for arc in drawn.arcs] == ["extends"]
    assert drawn.rows[0].item.url == "/resolutions/1535/"
