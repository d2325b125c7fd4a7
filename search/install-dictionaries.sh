#!/usr/bin/env bash
# Czech and Ukrainian Hunspell dictionaries for PostgreSQL's full-text search (search/postgres.py).
# Idempotent. On Debian as root: installs hunspell-cs and hunspell-uk when missing, then writes
# cms_cs/cms_uk .affix/.dict into PostgreSQL's tsearch_data (search/dictionaries.py). Elsewhere it
# only says what to do: search then still works, without Czech and Ukrainian inflection.
set -euo pipefail
cd "$(dirname "$0")/.."

tsearch="$(ls -d /usr/share/postgresql/*/tsearch_data 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -n "$tsearch" ] && [ -f "$tsearch/cms_cs.dict" ] && [ -f "$tsearch/cms_uk.dict" ] \
  && [ -f /usr/share/hunspell/cs_CZ.dic ] && [ -f /usr/share/hunspell/uk_UA.dic ] \
  && [ ! "$tsearch/cms_cs.dict" -ot /usr/share/hunspell/cs_CZ.dic ] \
  && [ ! "$tsearch/cms_uk.dict" -ot /usr/share/hunspell/uk_UA.dic ]; then
  exit 0  # already installed and newer than their sources
fi

if [ ! -f /etc/debian_version ] || [ "$(id -u)" -ne 0 ] || [ -z "$tsearch" ]; then
  echo "search: Czech/Ukrainian Hunspell dictionaries for PostgreSQL are not installed." >&2
  echo "  On the database host (Debian, as root): bash search/install-dictionaries.sh" >&2
  echo "  then: python manage.py setup_search --rebuild   (see docs/search.md)" >&2
  exit 0
fi

missing=()
for package in hunspell-cs hunspell-uk; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "search: installing ${missing[*]}…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
"${PYTHON:-python3}" search/dictionaries.py --tsearch-dir "$tsearch"
