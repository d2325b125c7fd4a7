"""The PostgreSQL text search configurations of the site search, created by a migration.

Every page is indexed, and every query parsed, with the configuration of its locale; each word
goes through the configuration's dictionaries in order until one knows it:

| configuration | dictionaries | for |
| --- | --- | --- |
| `cms_en` | unaccent, cms_english | English pages and queries |
| `cms_cs` | unaccent, cms_cs_hunspell, simple | Czech |
| `cms_uk` | unaccent, cms_uk_hunspell, simple | Ukrainian |
| `cms_search` | unaccent, cms_uk_hunspell, cms_cs_hunspell, cms_english | no locale (1) |
| `cms_autocomplete` | unaccent, simple | title prefixes (no stemming) |

(1) objects without a locale (images, documents), and the admin's search across locales.

`unaccent` lower-cases and strips diacritics ("Františku" -> "frantisku") and hands the word on.
`cms_cs_hunspell` and `cms_uk_hunspell` are PostgreSQL `ispell` dictionaries made from Debian's
hunspell-cs and hunspell-uk with the diacritics stripped from the dictionary too (by
search/dictionaries.py), so "praze" and "Praze" both give "praha", "кібербезпеки" gives
"кібербезпека". Words a dictionary does not know go to `simple` (as written, lower case).
`cms_english` is PostgreSQL's English Snowball stemmer without a stop word list: a query of
function words only ("Who are we?") must still find the page titled so.

The Hunspell dictionaries read the files search/dictionaries.py writes into PostgreSQL's
tsearch_data folder. When those files are missing (a PostgreSQL without them), the two
dictionaries are created as pass-through ones: search still works, diacritics-insensitive,
but without Czech and Ukrainian inflection; `manage.py setup_search` reports it and re-creates
them once the files are installed.
"""

from django.db import connection as default_connection

SEARCH_CONFIG = "cms_search"
AUTOCOMPLETE_CONFIG = "cms_autocomplete"
# Configuration -> its dictionaries, in order.
CONFIGURATIONS = {
    "cms_en": "unaccent, cms_english",
    "cms_cs": "unaccent, cms_cs_hunspell, simple",
    "cms_uk": "unaccent, cms_uk_hunspell, simple",
    SEARCH_CONFIG: "unaccent, cms_uk_hunspell, cms_cs_hunspell, cms_english",
    AUTOCOMPLETE_CONFIG: "unaccent, simple",
}
HUNSPELL = {"cms_cs_hunspell": "cms_cs", "cms_uk_hunspell": "cms_uk"}
WORD_TOKENS = "asciiword, word, hword, hword_part, asciihword, hword_asciipart"

CREATE_DICTIONARY = """
DO $$
BEGIN
    CREATE TEXT SEARCH DICTIONARY {name} (TEMPLATE = ispell, DictFile = {file}, AffFile = {file});
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'Hunspell files {file}.affix/.dict are not installed (%): {name} passes words '
        'through. Install them with search/dictionaries.py, then run manage.py setup_search.',
        SQLERRM;
    CREATE TEXT SEARCH DICTIONARY {name} (TEMPLATE = simple, ACCEPT = false);
END
$$;
"""


def configure(connection=default_connection) -> None:
    """Create (or re-create) the dictionaries and the configurations. Idempotent."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        for config in CONFIGURATIONS:
            cursor.execute(
                "SELECT 1 FROM pg_ts_config WHERE cfgname = %s AND pg_ts_config_is_visible(oid)",
                [config],
            )
            if cursor.fetchone() is None:
                cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = simple)")
            # Detach the Hunspell dictionaries so they can be re-created (files may be new).
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {config} "
                f"ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, simple"
            )
        cursor.execute("DROP TEXT SEARCH DICTIONARY IF EXISTS cms_english")
        cursor.execute(
            "CREATE TEXT SEARCH DICTIONARY cms_english (TEMPLATE = snowball, Language = english)"
        )
        for name, file in HUNSPELL.items():
            cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {name}")
            cursor.execute(CREATE_DICTIONARY.format(name=name, file=file))
        for config, dictionaries in CONFIGURATIONS.items():
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {config} "
                f"ALTER MAPPING FOR {WORD_TOKENS} WITH {dictionaries}"
            )


def hunspell_status(connection=default_connection) -> dict[str, bool]:
    """{dictionary: True when it is a real Hunspell dictionary, False when pass-through}."""
    if connection.vendor != "postgresql":
        return dict.fromkeys(HUNSPELL, False)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT d.dictname, t.tmplname FROM pg_ts_dict d "
            "JOIN pg_ts_template t ON t.oid = d.dicttemplate WHERE d.dictname = ANY(%s)",
            [list(HUNSPELL)],
        )
        found = dict(cursor.fetchall())
    return {name: found.get(name) == "ispell" for name in HUNSPELL}


def unconfigure(connection=default_connection) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for config in CONFIGURATIONS:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {config}")
        for name in [*HUNSPELL, "cms_english"]:
            cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {name}")


# The GIN index on `title || body` the site search matches through (search/migrations/0002).
TEXT_INDEX = "search_indexentry_text_gin"


def compact_text_index(connection=default_connection) -> None:
    """Rebuild the site search's GIN index, as compact as a new one.

    Entries written one at a time (every entry, in a full `update_index`) leave a GIN index
    ~2.4× the size of a fresh build (50,000 pages: 12 MB, rebuilt 5 MB), slower to read (the
    bench's Czech search: 35 → 28 ms in its ranking query) and, on smaller sites, costly enough
    in the planner's eyes that it reads the whole table instead. Concurrently (searches and
    edits go on meanwhile) unless inside a transaction, where PostgreSQL only allows the plain
    rebuild.
    """
    if connection.vendor != "postgresql":
        return
    concurrently = "" if connection.in_atomic_block else "CONCURRENTLY "
    with connection.cursor() as cursor:
        cursor.execute(f"REINDEX INDEX {concurrently}{TEXT_INDEX}")
