"""Security Council resolutions: the number is unique, the year agrees with the adoption
date, and the symbol and the official link are derived."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from resolutions.models import Resolution
from tests.factories import (
    ResolutionFactory,
)

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


def test_count_by_year_counts_what_it_is_given():
    for number, year in ((2341, 2017), (2354, 2017), (2395, 2017), (2462, 2019)):
        ResolutionFactory(number=number, year=year, adopted_on=None)
    ResolutionFactory(number=2396, year=2017, adopted_on=None, draft=True)
    ResolutionFactory(number=2500, year=2019, adopted_on=None, scheduled=True)

    assert Resolution.objects.public().count_by_year() == {2017: 3, 2019: 1}
    assert Resolution.objects.count_by_year() == {2017: 4, 2019: 2}
