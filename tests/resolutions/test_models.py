"""Security Council resolutions: the number is unique, the year agrees with the adoption
date, and the symbol and the official link are derived."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from resolutions.models import Resolution, ResolutionRelation
from tests.factories import ResolutionFactory, ResolutionRelationFactory

pytestmark = pytest.mark.django_db


def test_duplicate_resolution_number_is_rejected_by_the_database():
    ResolutionFactory(number=2395, year=2017)

    with pytest.raises(IntegrityError), transaction.atomic():
        ResolutionFactory(number=2395, year=2017)

    assert Resolution.objects.filter(number=2395).count() == 1


def test_resolution_year_must_match_adoption_date():
    resolution = ResolutionFactory.build(
        number=2396, year=2016, adopted_on=datetime.date(2017, 12, 21)
    )
    with pytest.raises(ValidationError) as error:
        resolution.full_clean()

    assert "The adoption date is in 2017, not 2016." in str(error.value)


def test_resolution_symbol_and_official_link_are_derived():
    resolution = ResolutionFactory.build(number=2395, year=2017)

    assert resolution.symbol == "S/RES/2395 (2017)"
    assert str(resolution) == "S/RES/2395 (2017)"
    assert resolution.official_url == "https://undocs.org/S/RES/2395(2017)"


def recorded(**counts):
    values = {"votes_for": 15, "votes_against": 0, "abstentions": 0, **counts}
    return ResolutionFactory.build(number=2396, year=2017, vote="recorded", **values)


@pytest.mark.parametrize(
    ("resolution", "field", "message"),
    [
        (recorded(abstentions=None), "abstentions", "needs all three counts"),
        (recorded(votes_for=14, abstentions=2), "votes_for", "add up to 16"),
        (recorded(votes_for=8, votes_against=0, abstentions=7), "votes_for", "at least 9"),
        (
            ResolutionFactory.build(number=2396, year=2017, vote="without_vote", votes_for=15),
            "votes_for",
            "Counts belong to a recorded vote",
        ),
        (ResolutionFactory.build(number=2396, year=2017, abstentions=1), "abstentions", "Counts"),
    ],
    ids=["missing", "too-many", "too-few", "without-vote", "not-recorded"],
)
def test_vote_counts_must_be_a_possible_recorded_vote(resolution, field, message):
    with pytest.raises(ValidationError) as error:
        resolution.full_clean(exclude=["uid"])

    assert message in " ".join(error.value.message_dict[field])


def test_the_database_refuses_counts_without_a_recorded_vote():
    with pytest.raises(IntegrityError), transaction.atomic():
        ResolutionFactory(vote="without_vote", votes_for=15, votes_against=0, abstentions=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        ResolutionFactory(vote="recorded", votes_for=15)

    assert not Resolution.objects.exists()


def test_council_size_and_majority_follow_the_enlargement_of_1966():
    def in_1950(**counts):
        resolution = recorded(**counts)
        resolution.year, resolution.number = 1950, 84
        resolution.adopted_on = datetime.date(1950, 7, 7)
        return resolution

    with pytest.raises(ValidationError) as error:
        in_1950(votes_for=11, votes_against=0, abstentions=1).full_clean(exclude=["uid"])

    assert error.value.message_dict["votes_for"] == [
        "The Council had 11 members; these counts add up to 12."
    ]
    in_1950(votes_for=7, votes_against=0, abstentions=3).full_clean(exclude=["uid"])


@pytest.mark.parametrize(
    ("values", "summary", "tally"),
    [
        (
            {"vote": "recorded", "votes_for": 15, "votes_against": 0, "abstentions": 0},
            "15 in favour, none against, no abstentions (unanimous)",
            "15-0-0",
        ),
        (
            {"vote": "recorded", "votes_for": 13, "votes_against": 0, "abstentions": 2},
            "13 in favour, none against, 2 abstentions",
            "13-0-2",
        ),
        ({"vote": "without_vote"}, "adopted without a vote", ""),
        ({}, "", ""),
    ],
)
def test_vote_reads_as_the_council_records_it(values, summary, tally):
    resolution = ResolutionFactory.build(number=2396, year=2017, **values)

    assert (resolution.vote_summary, resolution.vote_tally) == (summary, tally)


def test_meeting_record_and_the_six_official_texts_follow_from_the_numbers():
    resolution = ResolutionFactory.build(number=2396, year=2017, meeting=8148)
    unknown = ResolutionFactory.build(number=2395, year=2017)

    assert resolution.meeting_record == "S/PV.8148"
    assert resolution.meeting_record_url == "https://undocs.org/S/PV.8148"
    assert (unknown.meeting_record, unknown.meeting_record_url) == ("", "")
    assert [code for code, _name, _url in resolution.official_texts] == [
        "ar",
        "zh",
        "en",
        "fr",
        "ru",
        "es",
    ]
    assert resolution.official_texts[3][2] == "https://undocs.org/fr/S/RES/2396(2017)"


def test_a_resolution_refers_only_to_earlier_ones_and_never_to_itself():
    earlier = ResolutionFactory(number=1535, year=2004)
    later = ResolutionFactory(number=2395, year=2017)

    backwards = ResolutionRelation(source=earlier, kind="extends", target=later)
    with pytest.raises(ValidationError, match="only refer to an earlier one"):
        backwards.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        ResolutionRelation.objects.create(source=later, kind="recalls", target=later)
    ResolutionRelation(source=later, kind="extends", target=earlier).full_clean()


def test_a_resolution_others_refer_to_cannot_be_deleted_and_lose_the_link():
    earlier = ResolutionFactory(number=1535, year=2004)
    ResolutionRelationFactory(source=ResolutionFactory(number=2395), target=earlier)

    with pytest.raises(ProtectedError), transaction.atomic():
        earlier.delete()

    assert ResolutionRelation.objects.filter(target=earlier).count() == 1


def test_count_by_year_counts_what_it_is_given():
    for number, year in ((2341, 2017), (2354, 2017), (2395, 2017), (2462, 2019)):
        ResolutionFactory(number=number, year=year, adopted_on=None)
    ResolutionFactory(number=2396, year=2017, adopted_on=None, draft=True)
    ResolutionFactory(number=2500, year=2019, adopted_on=None, scheduled=True)

    assert Resolution.objects.public().count_by_year() == {2017: 3, 2019: 1}
    assert Resolution.objects.count_by_year() == {2017: 4, 2019: 2}
