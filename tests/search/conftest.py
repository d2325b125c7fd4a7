"""Tests marked `hunspell` need the Czech and Ukrainian dictionaries in PostgreSQL.

`make test` installs them on Debian when it runs as root (search/install-dictionaries.sh). Without
root they cannot be written into PostgreSQL's tsearch_data folder, so those tests are skipped
with a message saying how to install them, unless SEARCH_DICTIONARIES=required (CI sets it): then
a missing dictionary is a failure, never a silent skip.
"""

import os

import pytest

from search.postgres import hunspell_status

MISSING = (
    "Czech/Ukrainian Hunspell dictionaries are not installed in PostgreSQL: inflection tests "
    "skipped. Install them as root on the database host: bash search/install-dictionaries.sh"
)


@pytest.fixture(scope="session")
def hunspell_installed(django_db_setup, django_db_blocker) -> bool:
    with django_db_blocker.unblock():
        return all(hunspell_status().values())


@pytest.fixture(autouse=True)
def _needs_hunspell(request):
    if request.node.get_closest_marker("hunspell") is None:
        return
    if request.getfixturevalue("hunspell_installed"):
        return
    if os.environ.get("SEARCH_DICTIONARIES") == "required":
        pytest.fail(MISSING.replace("skipped", "required (SEARCH_DICTIONARIES=required)"))
    pytest.skip(MISSING)
