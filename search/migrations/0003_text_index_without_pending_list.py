"""The site search's GIN index (0002) without a pending list, rebuilt once.

With GIN's default `fastupdate`, new index entries first go to a pending list that every
search reads in full and that is merged into the index later; the merges leave the index
several times its size (the bench's 5,000 pages, indexed by `update_index`: 5.9 MB, against
2.0 MB without the list and 0.5 MB freshly built). PostgreSQL estimates an index scan's cost
from the index's size, so on the bloated index it read the whole table instead, matching
`title || body` on every entry: the bench's Czech search took 13–18 ms in that query,
5.7 ms through the index. Without the list each entry goes into the index as it is written:
`update_index` of those 5,000 pages took the same time (19.4 s with the list, 20.2 s without);
a site's editors write far less often than visitors search. Entries written one by one still
leave the index larger than a fresh build (12 MB against 5 MB at 50,000 pages): the rebuild
here drops what an existing index has, and `update_index` ends with one
(search/management/commands/update_index.py). Nothing happens on databases other than PostgreSQL.
"""

from django.db import migrations

INDEX = "search_indexentry_text_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX {INDEX} SET (fastupdate = off)")
        schema_editor.execute(f"REINDEX INDEX {INDEX}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX {INDEX} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_index_entry_text_index")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
