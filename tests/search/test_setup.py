"""The dictionary files, the configurations and the setup command."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from search import dictionaries
from search.places import spellings
from search.postgres import CREATE_DICTIONARY


def test_dictionary_conversion_strips_diacritics_like_postgresql():
    table = dictionaries.unaccent_table(dictionaries.tsearch_dir())
    assert dictionaries.convert_dict("3\nPraha/H\nbýt/V\nbyt/V\n", table) == "2\nPraha/H\nbyt/V\n"
    affix = dictionaries.convert_affix("SET ISO8859-2\nSFX H   a   e   [^č]a\n", table)
    assert affix == "SET UTF-8\nSFX H   a   e   [^c]a\n"
    assert "ї".translate(table) == "ї"  # Ukrainian letters stay


@pytest.mark.hunspell
def test_installed_dictionary_files_are_current(capsys):
    """search/install-dictionaries.sh wrote them; writing again changes nothing."""
    out = io.StringIO()
    assert dictionaries.install(dictionaries.tsearch_dir(), out=out) == {
        "cms_cs": True,
        "cms_uk": True,
    }
    assert out.getvalue().count("up to date") == 2


def test_missing_dictionary_files_give_a_pass_through_dictionary(db):
    with connection.cursor() as cursor:
        cursor.execute(CREATE_DICTIONARY.format(name="cms_test_missing", file="cms_no_such_file"))
        cursor.execute(
            "SELECT t.tmplname, ts_lexize('cms_test_missing', 'Praze') FROM pg_ts_dict d "
            "JOIN pg_ts_template t ON t.oid = d.dicttemplate WHERE d.dictname = 'cms_test_missing'"
        )
        assert cursor.fetchone() == ("simple", None)  # None: not recognised, the next one decides


@pytest.mark.hunspell
def test_setup_search_recreates_and_reports(db):
    out = io.StringIO()
    call_command("setup_search", stdout=out)
    assert "cms_cs_hunspell: Hunspell; Praze -> ['praha']" in out.getvalue()
    assert "cms_uk_hunspell: Hunspell; кібербезпеки -> ['кібербезпека']" in out.getvalue()
    call_command("setup_search", "--check", stdout=io.StringIO())


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Kyiv", ["Kyiv", "Kyjev", "Київ", "Kiev", "Kyyiv"]),
        ("praze", ["praze"]),  # inflected forms are the dictionaries' job
        ("ODESSA", ["ODESSA", "Odesa", "Oděsa", "Одеса", "Odessa"]),
        ("plzen", ["plzen", "Plzen", "Plzeň", "Пльзень", "Pilsen"]),
        ("forum", ["forum"]),
    ],
)
def test_place_names(word, expected):
    assert spellings(word) == expected
