"""Read stage, the titles written before a name in each language the reader knows ("Dr.",
"Frau", "Sra.", "inż."): one table, and what other readers ask of it (whether a word is a form
of address, which titles are written short with a stop, a pattern of them before a name).

In: a word or nothing. Out: answers and regex pieces; it imports nothing of the package, so that
any reader (headers, contact roles, clauses) may ask it.
"""

from __future__ import annotations

import functools
import re

# Titles before a name, per language, as people write them: (written, gender, said). A written
# form that ends in a stop is an abbreviation, and its stop ends no sentence ("Dr. Gómez", "Hr.
# Weber", "inż. Nowak"); a whole word ("Frau", "Monsieur") may end one. gender: "f", "m" or ""
# (a title that says nothing about it, like Dr.); said: the academic title kept with the name
# ("Dr.", "Prof."), "" for a form of address, "-" for a degree read past and not said ("mgr",
# "inż."), "=" for a degree said with the name as written, as Mexico says "Lic. Ramírez", Portugal
# "Eng. Rui Costa", Italy "Avv. Neri" ("Ing.", "Lic.", "Avv."). Polish writes "mgr" and "dr"
# without a stop (they end in the word's last letter), so an English "hiring mgr." still ends its
# sentence.
_TITLES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "en": (("Mr.", "m", ""), ("Mrs.", "f", ""), ("Ms.", "f", ""), ("Miss", "f", ""), ("Mx.", "", ""), ("Mdm.", "f", ""),
           ("Madam", "f", ""),
           ("Dr.", "", "Dr."), ("Prof.", "", "Prof."), ("Professor", "", "Prof.")),
    "de": (("Frau", "f", ""), ("Fr.", "f", ""), ("Herr", "m", ""), ("Hr.", "m", ""), ("Hrn.", "m", ""),
           ("Dr.", "", "Dr."), ("Prof.", "", "Prof.")),
    "fr": (("Mme.", "f", ""), ("Madame", "f", ""), ("Mlle.", "f", ""), ("Mademoiselle", "f", ""), ("M.", "m", ""),
           ("Monsieur", "m", ""), ("Dr.", "", "Dr.")),
    "es": (("Sra.", "f", ""), ("Señora", "f", ""), ("Senora", "f", ""), ("Srta.", "f", ""), ("Señorita", "f", ""),
           ("Doña", "f", ""), ("Dña.", "f", ""), ("Sr.", "m", ""), ("Señor", "m", ""), ("Senor", "m", ""),
           ("Don", "m", ""), ("D.", "m", ""), ("Dr.", "", "Dr."), ("Dra.", "f", "Dr."), ("Prof.", "", "Prof."),
           ("Ing.", "", "="), ("Lic.", "", "="), ("Arq.", "", "=")),
    "it": (("Sig.ra", "f", ""), ("Sigra", "f", ""), ("Signora", "f", ""), ("Sig.", "m", ""), ("Signor", "m", ""),
           ("Dott.", "m", "Dr."), ("Dott.ssa", "f", "Dr."), ("Dottor", "m", "Dr."), ("Dottore", "m", "Dr."),
           ("Dottoressa", "f", "Dr."), ("Prof.", "", "Prof."), ("Ing.", "", "="), ("Avv.", "", "="),
           ("Arch.", "", "=")),
    "pt": (("Sra.", "f", ""), ("Senhora", "f", ""), ("Sr.", "m", ""), ("Senhor", "m", ""), ("Dr.", "", "Dr."),
           ("Dra.", "f", "Dr."), ("Prof.", "", "Prof."), ("Eng.", "", "="), ("Arq.", "", "=")),
    "nl": (("Mevrouw", "f", ""), ("Mevr.", "f", ""), ("Mw.", "f", ""), ("Meneer", "m", ""), ("Heer", "m", ""),
           ("Dhr.", "m", ""), ("Dr.", "", "Dr."), ("Drs.", "", "Dr."), ("Ir.", "", "Dr."), ("Prof.", "", "Prof."),
           ("Ing.", "", "=")),
    "pl": (("Pani", "f", ""), ("Pan", "m", ""), ("p.", "", "-"), ("dr", "", "Dr."), ("prof.", "", "Prof."),
           ("mgr", "", "-"), ("inż.", "", "-"), ("inz.", "", "-")),
}


def _folded(written: str) -> str:
    return written.casefold().rstrip(".")


# what the name reader asks of a title, by its folded key (no stop, lower case)
GENDER_TITLES = {_folded(w): g for ts in _TITLES.values() for w, g, said in ts if not said}
_NOT_ACADEMIC = ("", "-", "=")
ACADEMIC = {_folded(w): said for ts in _TITLES.values() for w, _, said in ts if said not in _NOT_ACADEMIC}
FEMALE_ACADEMIC = {_folded(w) for ts in _TITLES.values() for w, g, said in ts if said not in _NOT_ACADEMIC and g == "f"}
MALE_ACADEMIC = {_folded(w) for ts in _TITLES.values() for w, g, said in ts if said not in _NOT_ACADEMIC and g == "m"}
READ_PAST = {lang: {_folded(w) for w, _, said in ts if said in ("-", "=")} for lang, ts in _TITLES.items()}
# the degrees said with the name, as written ("Lic.", "Eng.", "Avv.")
SAID_DEGREES = {lang: {_folded(w): w for w, _, said in ts if said == "="} for lang, ts in _TITLES.items()}


def abbreviated_titles() -> tuple[str, ...]:
    """The titles of every language that are written short with a stop, folded ("dr", "hr",
    "sig.ra", "inż"): a clause reader does not end a clause at their stop."""
    return tuple(sorted({_folded(w) for ts in _TITLES.values() for w, _, _ in ts if w.endswith(".")}))


@functools.cache
def titles_before_a_name() -> str:
    """A regex (no groups) of every language's titles as written before a name, capitalised, with
    or without their stop ("Mr", "Mrs.", "Frau", "Sig.ra", "Dhr.", "Inż."); a one-letter title
    ("M.", "D.") only with its stop, since without it it is an initial."""
    written = {w.rstrip(".") for ts in _TITLES.values() for w, _, _ in ts}
    forms = [re.escape(w[0].upper() + w[1:]) + (r"\." if len(w) == 1 else r"\.?")
             for w in sorted(written, key=lambda w: (-len(w), w))]
    return "(?:" + "|".join(forms) + ")"


@functools.cache
def not_a_titles_stop() -> str:
    """Look-behinds to put after a pattern's full stop: the stop is not that of a title written
    short before a name ("Dr.", "Hr.", "Sra.", "inż."; the first letter in either case), so a
    clause or sentence reader does not end there."""
    return "".join(rf"(?<!\b[{t[0].upper()}{t[0]}]{re.escape(t[1:])}\.)" for t in abbreviated_titles())


def form_of_address(word: str) -> bool:
    low = word.casefold().rstrip(".")
    written_as_one = word.endswith(".") or len(low) >= 3     # ("M." is Monsieur; a bare "m" or "d" is no title)
    return written_as_one and (low in GENDER_TITLES or low in ACADEMIC or any(low in t for t in READ_PAST.values()))
