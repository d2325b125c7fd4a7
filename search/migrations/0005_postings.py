"""Postings of frequent lexemes (search/postings.py), kept in step with Wagtail's index.

On PostgreSQL a trigger on `wagtailsearch_indexentry` keeps `search_posting` in step with every
insert, update and delete of an entry, in the same transaction: an entry's postings are its
ranks (ts_rank of its title and of its body, with the weights its hot lexeme records) for each
hot lexeme it has; an update that changes only `title_norm` (Wagtail sets it after each insert)
updates that column alone; a TRUNCATE of the index deletes the postings. The primary key holds
every column a search reads, so it reads its postings from that index alone. Nothing happens on
databases other than PostgreSQL (the tables stay empty there).
"""

from django.db import migrations, models

import search.models

# A lexeme as the tsquery of that one lexeme (quotes and backslashes escaped as tsquery input
# wants them): the query Wagtail's search makes of a word whose only lexeme it is.
LEXEME_QUERY = r"""
CREATE OR REPLACE FUNCTION cms_lexeme_query(lexeme text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''')::tsquery
$$
"""

SYNC = r"""
CREATE OR REPLACE FUNCTION cms_search_posting_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.title IS NOT DISTINCT FROM OLD.title
            AND NEW.body IS NOT DISTINCT FROM OLD.body
            AND NEW.object_id = OLD.object_id
            AND NEW.content_type_id = OLD.content_type_id THEN
        IF NEW.title_norm IS DISTINCT FROM OLD.title_norm THEN
            UPDATE search_posting SET title_norm = NEW.title_norm WHERE entry_id = NEW.id;
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_posting WHERE entry_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.object_id ~ '^[0-9]{1,9}$' THEN
        INSERT INTO search_posting
            (lexeme, entry_id, page_id, content_type_id, title_norm, title_rank, body_rank)
        SELECT hot.lexeme, NEW.id, NEW.object_id::integer, NEW.content_type_id, NEW.title_norm,
               ts_rank(hot.weights::real[], NEW.title, cms_lexeme_query(hot.lexeme)),
               ts_rank(hot.weights::real[], NEW.body, cms_lexeme_query(hot.lexeme))
        FROM unnest(tsvector_to_array(NEW.title || NEW.body)) AS lexeme
        JOIN search_hot_lexeme AS hot ON hot.lexeme = lexeme.lexeme;
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION cms_search_posting_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Not TRUNCATE: Django's flush truncates both tables in one statement, and a table cannot be
    -- truncated again while that statement runs.
    DELETE FROM search_posting;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS search_posting_sync ON wagtailsearch_indexentry;
CREATE TRIGGER search_posting_sync AFTER INSERT OR UPDATE OR DELETE ON wagtailsearch_indexentry
    FOR EACH ROW EXECUTE FUNCTION cms_search_posting_sync();
DROP TRIGGER IF EXISTS search_posting_truncate ON wagtailsearch_indexentry;
CREATE TRIGGER search_posting_truncate AFTER TRUNCATE ON wagtailsearch_indexentry
    FOR EACH STATEMENT EXECUTE FUNCTION cms_search_posting_truncate();
"""

# Every column a search reads of a posting, in the primary key's index (an index-only scan).
COVERING_KEY = """
ALTER TABLE search_posting DROP CONSTRAINT search_posting_pkey;
ALTER TABLE search_posting ADD CONSTRAINT search_posting_pkey PRIMARY KEY (lexeme, entry_id)
    INCLUDE (page_id, content_type_id, title_norm, title_rank, body_rank);
"""

DROP = """
DROP TRIGGER IF EXISTS search_posting_sync ON wagtailsearch_indexentry;
DROP TRIGGER IF EXISTS search_posting_truncate ON wagtailsearch_indexentry;
DROP FUNCTION IF EXISTS cms_search_posting_sync();
DROP FUNCTION IF EXISTS cms_search_posting_truncate();
DROP FUNCTION IF EXISTS cms_lexeme_query(text);
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(LEXEME_QUERY)
        schema_editor.execute(COVERING_KEY)
        schema_editor.execute(SYNC)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_excerpt_passage"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="HotLexeme",
            fields=[
                ("lexeme", models.TextField(primary_key=True, serialize=False)),
                (
                    "weights",
                    models.TextField(help_text="ts_rank's weights ({D,C,B,A}) the postings hold."),
                ),
            ],
            options={"db_table": "search_hot_lexeme"},
        ),
        migrations.CreateModel(
            name="Posting",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "lexeme",
                        "entry_id",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("lexeme", models.TextField()),
                ("entry_id", models.IntegerField(help_text="wagtailsearch_indexentry.id")),
                (
                    "page_id",
                    models.IntegerField(
                        help_text="The entry's object_id (entries of integer ids only)."
                    ),
                ),
                ("content_type_id", models.IntegerField()),
                ("title_norm", models.FloatField()),
                (
                    "title_rank",
                    search.models.RealField(help_text="ts_rank(weights, title, lexeme)"),
                ),
                ("body_rank", search.models.RealField(help_text="ts_rank(weights, body, lexeme)")),
            ],
            options={
                "db_table": "search_posting",
                "indexes": [models.Index(fields=["entry_id"], name="search_posting_entry")],
            },
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
