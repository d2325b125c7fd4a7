"""Czech and Ukrainian Hunspell dictionaries turned into PostgreSQL text search dictionaries.

PostgreSQL ships no Czech or Ukrainian stemmer, but its `ispell` template reads Hunspell files.
Debian's hunspell-cs and hunspell-uk packages put them in /usr/share/hunspell. This module
writes them into PostgreSQL's `tsearch_data` folder as `cms_cs.{affix,dict}` and
`cms_uk.{affix,dict}`, converted to UTF-8 and passed through PostgreSQL's own `unaccent.rules`,
so that the dictionaries know "prazsky" as well as "pražský". The search configuration applies
`unaccent` to every word before the dictionaries (search/postgres.py), so a query without
diacritics and a text with them meet on the same lemma.

It needs nothing but the standard library and runs on the database host, as the user that may
write to PostgreSQL's share folder (root on Debian):

    python3 search/dictionaries.py            # or: manage.py setup_search --install-dictionaries

The files are rewritten only when their content changes, so running it again is cheap.
"""

import argparse
import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

HUNSPELL_DIRS = ["/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"]

# Our dictionary name -> the Hunspell file name (without extension).
DICTIONARIES = {"cms_cs": "cs_CZ", "cms_uk": "uk_UA"}


def tsearch_dir(explicit: str | None = None) -> Path:
    """PostgreSQL's tsearch_data folder: --tsearch-dir, `pg_config --sharedir`, or the newest
    /usr/share/postgresql/<version>."""
    if explicit:
        return Path(explicit)
    pg_config = shutil.which("pg_config")
    if pg_config:
        sharedir = subprocess.run(
            [pg_config, "--sharedir"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if sharedir and Path(sharedir, "tsearch_data").is_dir():
            return Path(sharedir, "tsearch_data")
    candidates = sorted(
        glob.glob("/usr/share/postgresql/*/tsearch_data"),
        key=lambda path: [int(part) for part in Path(path).parent.name.split(".")],
    )
    if not candidates:
        raise SystemExit("PostgreSQL's tsearch_data folder not found; pass --tsearch-dir.")
    return Path(candidates[-1])


def unaccent_table(tsearch: Path) -> dict[int, str]:
    """PostgreSQL's unaccent.rules as a str.translate table (the same mapping the server uses)."""
    table = {}
    for line in (tsearch / "unaccent.rules").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        source = parts[0].strip()
        if len(source) != 1:
            continue  # the shipped rules have one source character per line
        target = parts[1].strip() if len(parts) > 1 else ""
        table[ord(source)] = target.strip('"')
    return table


def read_hunspell(path: Path) -> str:
    """A Hunspell file in the encoding its affix file declares with SET (UTF-8 by default)."""
    affix = path.with_suffix(".aff")
    encoding = "utf-8"
    for line in affix.read_bytes().splitlines():
        if line.startswith(b"SET "):
            encoding = line.split()[1].decode("ascii").lower()
            break
    encoding = {"microsoft-cp1251": "cp1251", "iso8859-2": "iso8859_2"}.get(encoding, encoding)
    return path.read_bytes().decode(encoding, errors="replace")


def convert_affix(text: str, table: dict[int, str]) -> str:
    lines = []
    for line in text.splitlines():
        if line.startswith("SET "):
            line = "SET UTF-8"
        lines.append(line.translate(table))
    return "\n".join(lines) + "\n"


def convert_dict(text: str, table: dict[int, str]) -> str:
    lines = text.splitlines()
    # The first line of a .dic file is the (approximate) word count.
    body = [line.translate(table) for line in lines[1:] if line.strip()]
    # Unaccenting merges some words ("byt" and "být"): keep each entry once.
    body = list(dict.fromkeys(body))
    return f"{len(body)}\n" + "\n".join(body) + "\n"


def find_source(name: str) -> Path | None:
    for folder in HUNSPELL_DIRS:
        candidate = Path(folder, f"{name}.dic")
        if candidate.exists() and candidate.with_suffix(".aff").exists():
            return candidate
    return None


def write_if_changed(path: Path, content: str) -> bool:
    data = content.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.chmod(tmp, 0o644)
    tmp.replace(path)
    return True


def install(tsearch: Path, out=sys.stdout) -> dict[str, bool]:
    """Write every dictionary whose Hunspell source exists; {name: installed} per dictionary."""
    table = unaccent_table(tsearch)
    result = {}
    for name, source_name in DICTIONARIES.items():
        source = find_source(source_name)
        if source is None:
            out.write(f"{name}: {source_name}.dic/.aff not found in {', '.join(HUNSPELL_DIRS)}\n")
            result[name] = False
            continue
        changed = write_if_changed(
            tsearch / f"{name}.affix",
            convert_affix(read_hunspell(source.with_suffix(".aff")), table),
        )
        changed |= write_if_changed(
            tsearch / f"{name}.dict", convert_dict(read_hunspell(source), table)
        )
        state = "written" if changed else "up to date"
        out.write(f"{name}: {tsearch / name}.{{affix,dict}} {state} (from {source})\n")
        result[name] = True
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tsearch-dir", help="PostgreSQL's share/tsearch_data folder")
    args = parser.parse_args(argv)
    result = install(tsearch_dir(args.tsearch_dir))
    return 0 if all(result.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
