"""What a query in the web-search syntax means, read the same way on every database."""

import pytest
from django.utils import translation

from ctdialogue.search.query import MAX_QUERY_LENGTH, MAX_WORDS, Term, parse_query


def clauses(text):
    return [[(term.words, term.negated) for term in clause] for clause in parse_query(text).clauses]


def test_every_word_is_a_clause_of_its_own():
    assert clauses("digital evidence") == [[(("digital",), False)], [(("evidence",), False)]]


def test_quotes_keep_a_phrase_together():
    assert clauses('"digital evidence" bangkok') == [
        [(("digital", "evidence"), False)],
        [(("bangkok",), False)],
    ]


def test_a_phrase_without_its_closing_quote_runs_to_the_end():
    assert clauses('"social media') == [[(("social", "media"), False)]]


def test_a_minus_sign_leaves_a_word_or_a_phrase_out():
    assert clauses('evidence -bangkok -"social media"') == [
        [(("evidence",), False)],
        [(("bangkok",), True)],
        [(("social", "media"), True)],
    ]


def test_or_joins_the_words_on_either_side_into_one_clause():
    assert clauses("prosecutors or platforms -bangkok") == [
        [(("prosecutors",), False), (("platforms",), False)],
        [(("bangkok",), True)],
    ]


@pytest.mark.parametrize("query", ["or evidence", "evidence or", "or"])
def test_or_at_either_end_joins_nothing(query):
    assert [len(clause) for clause in parse_query(query).clauses] == (
        [1] if "evidence" in query else []
    )


def test_stop_words_and_punctuation_are_not_looked_for():
    parsed = parse_query("the protection of critical infrastructure?!")

    assert parsed.words == ("protection", "critical", "infrastructure")


@pytest.mark.parametrize("query", ["", "   ", "the and of", "?!...", "-", '""', "-zeppelin"])
def test_a_query_with_nothing_to_look_for_is_not_searchable(query):
    assert parse_query(query).is_searchable is False


def test_words_left_out_are_not_among_the_words_looked_for():
    assert parse_query("evidence -bangkok").words == ("evidence",)


def test_words_looked_for_are_listed_once_whatever_their_case():
    assert parse_query("Evidence evidence EVIDENCE").words == ("Evidence",)


def test_a_long_query_keeps_its_first_words_and_characters():
    words = [f"word{n}" for n in range(MAX_WORDS + 5)]

    parsed = parse_query(" ".join(words))

    assert parsed.words == tuple(words[:MAX_WORDS])
    assert len(parse_query("x" * 10_000).text) == MAX_QUERY_LENGTH


def test_nul_characters_and_runs_of_space_are_normalised():
    parsed = parse_query("  digital\x00   evidence ")

    assert parsed.text == "digital evidence"
    assert parsed.clauses == ((Term(("digital",)),), (Term(("evidence",)),))


def test_a_query_leaves_out_the_stop_words_of_its_language():
    assert parse_query("les preuves de la coopération", "fr").words == (
        "les",  # PostgreSQL's French list has "le", not "les", which it stems to "le"
        "preuves",
        "coopération",
    )
    assert parse_query("the evidence", "fr").words == ("the", "evidence")
    assert parse_query("pruebas de la cooperación", "es").words == ("pruebas", "cooperación")
    assert parse_query("доказательства и сотрудничество", "ru").words == (
        "доказательства",
        "сотрудничество",
    )


def test_a_query_is_read_in_the_page_language_by_default():
    with translation.override("fr"):
        assert parse_query("de la").is_searchable is False
    with translation.override("en"):
        assert parse_query("de la").words == ("de", "la")


def test_a_chinese_query_keeps_runs_of_two_characters_and_more_apart_from_other_letters():
    assert parse_query("UNOCT反恐 恐 合作", "zh").words == ("UNOCT", "反恐", "合作")
