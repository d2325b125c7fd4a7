"""Place names written differently in English, Czech and Ukrainian.

A query word that is one of these names also matches every other spelling in its group, in
every locale: "Kyiv" finds "Київ" (and "Києві", through the Ukrainian dictionary), "Praha" finds
"Prague" and "Празі". Only the places listed here are covered; a general Latin-to-Cyrillic
transliteration is not attempted (it is ambiguous and would match unrelated words), and names
of more than one word are not matched. Add a group when content mentions a new place.
"""

import unicodedata

PLACE_NAMES: list[tuple[str, ...]] = [
    # (English, Czech, Ukrainian, other common spellings)
    ("Prague", "Praha", "Прага"),
    ("Brno", "Брно"),
    ("Ostrava", "Острава"),
    ("Plzen", "Plzeň", "Пльзень", "Pilsen"),
    ("Kyiv", "Kyjev", "Київ", "Kiev", "Kyyiv"),
    ("Lviv", "Lvov", "Львів", "Lwow", "Lemberg"),
    ("Kharkiv", "Charkov", "Харків", "Charkiv", "Kharkov"),
    ("Odesa", "Oděsa", "Одеса", "Odessa"),
    ("Dnipro", "Дніпро", "Dnipropetrovsk"),
    ("Zaporizhzhia", "Záporoží", "Запоріжжя", "Zaporozhye"),
    ("Vinnytsia", "Vinnycja", "Вінниця"),
    ("Chernivtsi", "Černovice", "Чернівці"),
    ("Uzhhorod", "Užhorod", "Ужгород"),
    ("Ukraine", "Ukrajina", "Україна"),
    ("Czechia", "Česko", "Чехія"),
]


def fold(word: str) -> str:
    """Lower case without diacritics, for comparing a query word with the names above."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_GROUPS = {fold(name): group for group in PLACE_NAMES for name in group}


def spellings(word: str) -> list[str]:
    """The word and, when it names a listed place, the place's other spellings."""
    group = _GROUPS.get(fold(word))
    if group is None:
        return [word]
    return list(dict.fromkeys([word, *group]))
