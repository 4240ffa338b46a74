"""The user's language (rules §8): which one a run speaks, and the phrases scripts need in it.

In: the trackers as read (their headers and stage words) and the settings. Out: a language code
and the reason it was chosen (`choose_language`), and per row the names, dates and forms of
address a localised template uses (`local_context`). Dates and month names come from Babel.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .hanzi import form_for, written_chinese, written_traditional
from .settings import LANGUAGES, LATER_ROUND_STAGES, STILL_TO_SEND
from .titles import (
    ACADEMIC,
    FEMALE_ACADEMIC,
    GENDER_TITLES,
    MALE_ACADEMIC,
    READ_PAST,
    SAID_DEGREES,
    form_of_address,
)

ENGLISH = "en"

# Which language each non-English header alias and stage word of `settings.py` belongs to (the
# reader's own lists, tagged). A word used in several languages is tagged with each ("status" is
# English, German, Dutch and Polish). Words the reader knows that are not tagged here are
# English. tests/test_language.py checks that every tagged word is one the reader knows and that
# no word with a non-English letter is left untagged.
_TAGGED: dict[str, tuple[str, ...]] = {
    # English words that are also another language's (so they never make a tracker English-only)
    "en": (
        "status", "contact", "email", "e-mail", "mail", "position", "source", "notes", "interview", "manager", "hr",
        "abandon", "note", "whatsapp"),
    "de": (
        "gesprochen",
        "noch senden", "noch zu senden", "noch abschicken", "gesendet", "verschickt", "versendet", "abgeschickt",
        "ansprechperson", "kontaktperson",
        "abgeschickt", "versendet", "verschickt", "eingereicht", "ausstehend", "offen", "wartend", "natel", "wer",
        "wem", "wen",
        "geschlossen", "besetzt", "anderweitig vergeben", "gesprächstermin", "vorstellungsgespräch am",
        "firma", "unternehmen", "arbeitgeber", "firmenname", "betrieb", "stelle", "position/stelle",
        "stellenbezeichnung", "jobtitel", "berufsbezeichnung", "stellentitel", "position", "bewerbungsdatum",
        "beworben am", "datum der bewerbung", "einreichdatum", "eingereicht am", "eingereicht", "versendet am",
        "gesendet am", "abgeschickt am", "letzter kontakt", "antwortdatum", "datum der antwort",
        "rückmeldung am", "antwort am", "letzte rückmeldung", "zuletzt kontaktiert", "nachfassen",
        "anzahl nachfassen", "status", "stand", "ergebnis", "bewerbungsstatus", "stadium",
        "status der bewerbung", "antwort", "rückmeldung", "ansprechpartner", "kontakt", "kontaktperson",
        "ansprechperson", "telefon", "telefonnummer", "handy", "e-mail-adresse", "e-mail", "email", "mail",
        "führungskraft", "manager", "empfohlen von", "empfehlung", "abteilung des empfehlers", "nachfassen am",
        "nachfassen bis", "wiedervorlage", "wiedervorlage am", "erinnerung am", "nicht anrufen", "nur e-mail",
        "keine anrufe", "quelle", "plattform", "kanal", "jobbörse", "jobportal", "gefunden über", "notizen",
        "bemerkungen", "anmerkungen", "kommentar", "kommentare", "ort", "standort", "arbeitsort",
        "abgesagt", "absage", "abgelehnt", "zurückgezogen", "nicht berücksichtigt", "angebot",
        "vertragsangebot", "zusage", "vorstellungsgespräch", "gespräch", "in bearbeitung", "interview",
        "noch nicht beworben", "beworben", "gesendet", "erhalten", "bestätigt", "eingangsbestätigung",
        "telefoninterview", "personalvermittl", "keine angabe", "k.a.", "unbekannt", "vg",
        "probetag", "probearbeit", "probedienst", "hospitation", "schnuppertag",
    ),
    "es": (
        "hablé",
        "persona", "por enviar", "a enviar", "para enviar", "enviado", "enviada",
        "pendiente", "esperando", "en espera", "postulada", "aplicado", "aplicada", "cel", "abandon", "quién",
        "quien", "cerrad", "vacante cubierta", "no seguimos", "no continuamos", "examen",
        "empresa", "compañía", "compania", "nombre de la empresa", "empleador", "organización", "puesto",
        "cargo", "vacante", "posición", "título del puesto", "rol", "fecha de solicitud",
        "fecha de aplicación", "fecha aplicación", "fecha de envío", "fecha de postulación",
        "fecha postulación", "fecha de candidatura", "último contacto", "ultimo contacto",
        "fecha de respuesta", "fecha respuesta", "fecha del último contacto", "seguimientos",
        "número de seguimientos", "estado", "estatus", "etapa", "situación", "resultado", "fase",
        "estado de la solicitud", "respuesta", "contacto", "persona de contacto", "reclutador", "teléfono",
        "telefono", "correo", "correo electrónico", "email", "mail", "e-mail", "responsable", "gerente de contratación",
        "referido por", "recomendado por", "departamento del referente", "fecha de seguimiento",
        "próximo seguimiento", "recordatorio", "no llamar", "solo correo", "fuente", "plataforma", "portal",
        "canal", "notas", "comentarios", "observaciones", "ubicación", "ciudad", "rechaz", "descartad",
        "no seleccionad", "retirad", "oferta", "entrevista", "en proceso", "en curso", "por aplicar",
        "sin aplicar", "postulado", "enviado", "enviada", "recibido", "recibida", "acuse de recibo",
        "candidatura", "desconocido", "no especificado", "no aplica", "no disponible",
    ),
    "fr": (
        "parlé",
        "personne", "à envoyer", "a envoyer", "envoyé", "envoyée",
        "en attente", "attente", "postulée", "transmis", "transmise", "portable", "natel", "gsm", "abandon", "qui",
        "fermé", "clôtur", "poste pourvu", "sans suite",
        "entreprise", "société", "societe", "employeur", "nom de l'entreprise", "organisme", "poste",
        "intitulé du poste", "titre du poste", "emploi", "intitulé", "intitulé mission",
        "intitulé de la mission", "fonction", "position", "date de candidature", "date d'envoi",
        "date candidature", "date de postulation", "envoyée le", "dernier contact", "date de réponse",
        "date réponse", "date du dernier contact", "dernière relance", "relances", "nombre de relances",
        "statut", "état", "etat", "résultat", "étape", "avancement", "statut de la candidature", "réponse",
        "reponse", "retour", "contact", "personne de contact", "contact rh", "recruteur", "interlocuteur",
        "personne-ressource", "référé par",
        "téléphone", "courriel", "adresse e-mail", "e-mail", "email", "mail", "responsable", "chef",
        "responsable du recrutement", "recommandé par", "parrain", "coopté par", "service du parrain",
        "date de relance", "relancer le", "prochaine relance", "date de rappel", "ne pas appeler",
        "e-mail uniquement", "source", "source de l'offre", "plateforme", "canal", "origine", "remarques",
        "commentaires", "observations", "notes", "lieu", "ville", "refus", "non retenu", "non retenue",
        "pas retenu", "pas retenue", "candidature retirée", "offre", "entretien", "entrevue",
        "examen", "en cours", "à postuler",
        "a postuler", "postulé", "envoyée", "envoyé", "candidature", "reçu", "reçue", "accusé de réception",
        "cabinet de recrutement", "inconnu", "non spécifié", "non précisé", "non communiqué",
        "non renseigné",
    ),
    "it": (
        "parlato",
        "persona", "da inviare", "inviato", "inviata",
        "in attesa", "attesa", "spedito", "spedita", "cellulare", "abbandon", "chi", "chius", "posizione coperta",
        "azienda", "società", "nome azienda", "nome dell'azienda", "datore di lavoro", "impresa", "posizione",
        "ruolo", "titolo", "mansione", "qualifica", "titolo della posizione", "data candidatura",
        "data di candidatura", "data invio", "data di invio", "inviata il", "ultimo contatto", "data risposta",
        "data di risposta", "data ultimo contatto", "solleciti", "numero solleciti", "stato", "esito",
        "stato candidatura", "stato della candidatura", "risultato", "fase", "risposta", "riscontro",
        "contatto", "persona di contatto", "referente", "telefono", "numero di telefono", "telefono contatto",
        "indirizzo email", "email contatto", "email", "mail", "e-mail", "responsabile", "segnalato da",
        "raccomandato da", "reparto del referente", "data sollecito", "sollecitare il", "data follow-up",
        "promemoria", "richiamare il", "non chiamare", "solo email", "piattaforma", "fonte", "canale",
        "portale", "commenti", "osservazioni", "annotazioni", "note", "sede", "città", "luogo", "rifiutat",
        "respint", "non selezionat", "scartat", "ritirat", "proposta", "colloquio", "in corso",
        "in valutazione", "da candidare", "candidatura", "inviata", "inviato", "ricevuto", "ricevuta",
        "candidatura ricevuta", "sconosciuto", "non specificato", "non disponibile", "non indicato",
    ),
    "pt": (
        "falei", "conversei",
        "pessoa", "a enviar", "para enviar", "enviado", "enviada",
        "aguardando", "em espera", "candidatei", "candidatado", "candidatada", "inscrito", "inscrita", "abandon",
        "quem", "fechad", "vaga preenchida",
        "empresa", "nome da empresa", "companhia", "empregador", "organização", "cargo", "vaga", "função",
        "título da vaga", "nome da vaga", "data submissão", "data de submissão", "data de candidatura",
        "data de envio", "data envio", "data de aplicação", "data da candidatura", "data de inscrição",
        "enviado em", "candidatado em", "último contato", "data resposta", "data de resposta",
        "data do último contato", "número de follow-ups", "status", "situação", "status da candidatura",
        "estado", "etapa", "fase", "resultado", "resposta", "retorno", "contato", "pessoa de contato",
        "recrutador", "telefone", "celular", "número de telefone", "telefone do contato",
        "endereço de e-mail", "email do contato", "email recrutador", "email", "mail", "e-mail", "gestor da vaga",
        "indicado por", "indicação", "departamento de quem indicou", "data de follow-up", "próximo contato",
        "follow-up em", "lembrete", "não ligar", "só e-mail", "fonte", "origem", "plataforma", "canal",
        "portal", "observações", "comentários", "anotações", "notas", "localização", "cidade", "local",
        "recusad", "reprovad", "desist", "não selecionad", "nao selecionad", "proposta", "oferta", "entrevista",
        "em análise", "em analise", "em andamento", "em processo", "a candidatar", "enviado", "enviada",
        "candidatura", "recebido", "recebida", "candidatura recebida", "desconhecido", "não especificado",
        "não informado", "não disponível",
    ),
    "nl": (
        "gesproken",
        "persoon", "reactie", "antwoord",
        "nog te versturen", "nog versturen", "te versturen", "verstuurd", "verzonden", "ingediend",
        "stand van zaken", "voortgang", "resultaat", "uitslag", "gsm", "mobiel", "telefoon", "verstuurd",
        "verzonden", "ingediend", "gesolliciteerd", "in behandeling", "afwachten", "afwachting", "ontvangen",
        "gesloten", "afgewezen", "vacature vervuld",
        "bedrijf", "werkgever", "bedrijfsnaam", "functie", "vacature", "functietitel", "sollicitatiedatum",
        "datum sollicitatie", "gesolliciteerd op", "laatste contact", "notities", "opmerkingen", "status",
        "contact", "email", "mail", "e-mail", "manager", "interview", "sollicitatiegesprek", "gesprek", "aanbod",
        "afwijzing", "ingetrokken", "teruggetrokken", "geghost", "examen",
    ),
    "pl": (
        "rozmawiałem", "rozmawiałam",
        "osoba", "wysłano", "wysłane",
        "czekam", "oczekuję", "złożona", "złożone", "kto", "kogo", "komu",
        "nazwa firmy", "pracodawca", "firma", "stanowisko", "rola",
        "data aplikacji", "data złożenia",
           "ostatni kontakt", "uwagi", "notatki", "status", "kontakt", "telefon", "email", "mail", "e-mail",
           "nazwa stanowiska", "data wysłania", "data wysłania cv", "data zgłoszenia", "data ostatniego kontaktu",
           "data odpowiedzi", "liczba przypomnień", "przypomnienia", "etap", "etap rekrutacji", "status aplikacji",
           "wynik", "odpowiedź", "informacja zwrotna", "osoba kontaktowa", "rekruter", "rekruterka",
           "numer telefonu", "nr telefonu", "adres e-mail", "menedżer", "przełożony", "kierownik",
           "polecony przez", "z polecenia", "polecenie", "dział polecającego", "data przypomnienia",
           "następny kontakt", "przypomnienie", "data rozmowy", "termin rozmowy", "nie dzwonić", "tylko e-mail",
           "źródło", "kanał", "portal", "komentarze", "lokalizacja", "miasto", "miejsce pracy",
           "odrzuc", "odmowa", "odmow", "wycofan", "zamknięt", "nieaktualn", "stanowisko obsadzone", "oferta",
           "propozycja zatrudnienia", "rozmowa kwalifikacyjna", "rozmowa", "rozmowie", "rozmowę", "w toku", "w trakcie",
           "zadanie rekrutacyjne", "do wysłania", "nie wysłano", "wysłane", "wysłana", "wysłano", "aplikacja",
           "zaaplikowano", "oczekuje", "rozmowa telefoniczna", "potwierdzenie otrzymania",
           "automatyczna odpowiedź", "agencja rekrutacyjna", "brak danych", "nieznane"),
    "zh": (
        "谁",
        "公司", "公司名称", "单位", "企业", "用人单位", "职位", "岗位", "职位名称", "岗位名称", "职务", "投递日期",
        "申请日期", "投递时间", "申请时间", "最后联系", "最近联系", "回复日期", "回复时间", "最后联系日期", "跟进次数",
        "状态", "进度", "结果", "申请状态", "阶段", "回复", "反馈", "联系人", "对接人", "电话", "联系电话", "手机",
        "邮箱", "电子邮件", "用人经理", "内推人", "推荐人", "推荐人部门", "跟进日期", "下次跟进", "提醒日期",
        "不要打电话", "仅邮件", "来源", "渠道", "平台", "招聘平台", "备注", "说明", "地点", "城市", "工作地点",
        "已拒绝", "拒绝", "未通过", "被拒", "不合适", "已撤回", "录用", "录取", "面试", "笔试", "进行中", "未投递",
        "待投递", "未申请", "已投递", "已申请", "等待", "自动回复", "猎头", "电话面试", "未知", "无", "不详", "暂无",
        "待定", "hr",
    ),
    "ja": ("誰", "会社", "会社名", "企業名", "職種", "ポジション", "役職", "応募日", "最終連絡日", "ステータス", "状況",
           "選考状況", "備考", "メモ"),
}
# (still to apply or to send, and a later round, as each language says them: every one of its phrases)
for _table in (STILL_TO_SEND, LATER_ROUND_STAGES):
    for _code, _phrases in _table.items():
        if _code != "en":
            _TAGGED[_code] = (*_TAGGED[_code], *_phrases)

_WORD_LISTS = ("closed_words", "offer_words", "interviewing_words", "not_applied_words", "applied_words",
               "autoresponse_words", "recruiter_words")
class Letters:
    """Letters of a script given as code point ranges (kana, Han, Hangul), looked for only in text
    holding a character from the lowest of them up, with a pattern compiled when first needed:
    compiling such a class takes 0.5-2 ms (Python's regex compiler expands its ranges character
    by character), and most trackers hold no such letter, so most runs compile none."""

    def __init__(self, ranges: str):
        self.ranges = ranges
        self.lowest = min(ranges.replace("-", ""))

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(f"[{self.ranges}]")

    def search(self, text: str) -> re.Match[str] | None:
        if text.isascii() or max(text) < self.lowest:
            return None
        return self.pattern.search(text)


_KANA = Letters("\u3040-\u30ff")
_HANGUL = Letters("\uac00-\ud7a3")
_HAN = Letters("\u4e00-\u9fff")
_EAST_ASIAN = Letters("\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3")


def _key(text: str) -> str:
    """A word as the tag table compares it: case and accents folded, spaces and punctuation out."""
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in s if ch.isalnum() and not unicodedata.combining(ch))


@functools.cache
def _tags() -> dict[str, frozenset[str]]:
    tags: dict[str, set[str]] = {}
    for code, words in _TAGGED.items():
        for word in words:
            tags.setdefault(_key(word), set()).add(code)
    return {k: frozenset(v) for k, v in tags.items()}


def languages_of(word: str) -> frozenset[str]:
    """The languages a header or stage word the reader knows belongs to: its tags (or those of the
    tagged word it inflects: 'Bemerkung' as 'Bemerkungen', 'Probearbeiten' as 'Probearbeit'),
    English when it has none; a header in Korean letters is Korean, one in kana Japanese."""
    tagged = _tags().get(_key(word)) or _inflected_tags(_key(word))
    if tagged:
        return tagged
    if _HANGUL.search(word):
        return frozenset({"ko"})
    if _KANA.search(word):
        return frozenset({"ja"})
    if _HAN.search(word):
        return frozenset({"zh"}) if written_chinese(word) else frozenset({"zh", "ja"})
    return frozenset({ENGLISH})


@functools.lru_cache(maxsize=1024)
def _inflected_tags(key: str) -> frozenset[str]:
    """The tags of the one tagged word `key` inflects (the same word but for an ending of at most
    three letters, both at least six letters long: 'bemerkung' and 'bemerkungen'), and English, as
    for any untagged word ('comment' is English as much as it is Italian 'commento')."""
    if len(key) < 6 or not key.isalpha():
        return frozenset()
    found = {k: v for k, v in _tags().items()
             if len(k) >= 6 and k != key and abs(len(k) - len(key)) <= 3 and (k.startswith(key) or key.startswith(k))}
    langs = set(found.values())
    return next(iter(langs)) | {ENGLISH} if len(langs) == 1 else frozenset()


@dataclass(frozen=True)
class LanguageChoice:
    """The language a run speaks, and why (`check` prints `.note`)."""

    code: str
    reason: str
    suggested: str = ""     # when the words were mixed: the language most of them are in

    @property
    def name(self) -> str:
        return LANGUAGES.get(self.code, self.code)

    @property
    def note(self) -> str:
        example = self.suggested or ("en" if self.code != "en" else "de")
        return (f"Language: {self.name} ({self.code}), {self.reason}. To choose another, set "
                f"[you] language = \"{example}\" (one of {', '.join(LANGUAGES)}) in followup.toml or pass "
                f"--language {example}.")


@functools.lru_cache(maxsize=8)
def _stage_keys(lists: tuple[tuple[str, ...], ...], applied: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """The stage words of the settings' lists, by key: whole words and phrases, and the stems of
    five letters or more that may take an ending ("rechaz" is "rechazado"). The applied list's
    words count only when they are another language's ("no", "email", "LinkedIn" are said in
    every language)."""
    words = [w for ws in lists for w in ws]
    words += [w for w in applied if _key(w) in _tags() and ENGLISH not in _tags()[_key(w)]]
    exact = {_key(w): w for w in words if _key(w)}
    stems = {k: w for k, w in exact.items() if len(k) >= 5}
    return exact, stems


# The endings an English word takes (inflections and the common derivations): "rejected",
# "interviewing", "screens", "declined", "negotiation". A stem followed by anything else
# ("offerta", "interviewt") is another language's word.
_ENGLISH_ENDINGS = re.compile(r"(?:s|es|d|ed|ing|ings|er|ers|ee|ees|ion|ions|ation|ations|al|ally|ly|ment|ments)?")


def _english_ending(rest: str) -> bool:
    return _ENGLISH_ENDINGS.fullmatch(rest) is not None


def _found_in(text: str, exact: dict[str, str], stems: dict[str, str]) -> list[str]:
    """The listed words a stage or response text holds: a word or a phrase of up to three words,
    or a word that starts with a listed stem; Chinese and Japanese words anywhere. Quicker than
    the plan's matcher (no regex per word), and enough to tell a language by."""
    low = text.casefold()
    raw = re.findall(r"[\w'-]+", low)
    tokens = [_key(t) for t in raw]
    hits = []
    for i in range(len(tokens)):
        for n in (3, 2, 1):
            key = "".join(tokens[i:i + n])
            if len(tokens[i:i + n]) == n and key in exact:
                hits.append(exact[key])
                break
        else:
            token = tokens[i]
            stem = next((token[:k] for k in range(len(token), 4, -1) if token[:k] in stems), None)
            # an English stem inside an accented word, or followed by an ending English does not
            # have, is not English: "automático" is not "automatic", "offerta" is not "offer"
            english_only = stem is not None and languages_of(stems[stem]) == {ENGLISH}
            if stem and not (english_only and (not raw[i].isascii() or not _english_ending(token[len(stem):]))):
                hits.append(stems[stem])
    if _HAN.search(low) or _KANA.search(low):
        hits += [w for k, w in exact.items() if (_HAN.search(k) or _KANA.search(k)) and k in low]
    return hits


def _words_of(trackers: list[Any], settings: Any) -> list[str]:
    """The header aliases and stage words the reader matched in these trackers."""
    from .headers import alias_lookup, normalize_header

    aliases = alias_lookup(settings)
    exact, stems = _stage_keys(tuple(getattr(settings, name) for name in _WORD_LISTS if name != "applied_words"),
                               tuple(settings.applied_words))
    words: list[str] = []
    for tracker in trackers:
        headers = []
        for info in tracker.columns.values():
            key = normalize_header(info.header)
            # (a header in Chinese characters tells its language even when it was guessed from
            # its column: '職缺', '遞交日期' are written so only in Chinese)
            if key in aliases or _EAST_ASIAN.search(info.header):
                headers.append(info.header.strip())
        words.extend(headers)
        # trackers headed in Chinese, Japanese or Korean write English loanwords in their stage
        # cells ("offer", "HR面", "onsite"): there a Latin stage word says nothing of the language
        east_asian = bool(headers) and all(_EAST_ASIAN.search(h) for h in headers)
        # so do trackers headed in one other language ("Status: assessment", "na assessment",
        # "recruiter call"): a job word English alone has is a loanword there, not a second language
        headed_in = _headed_in(headers)
        frame = tracker.frame
        # (each distinct text once, in the order first met)
        texts = list(dict.fromkeys(str(v) for c in ("stage", "response") if c in frame
                                   for v in frame[c].tolist() if v is not None and v == v))
        for text in texts[:2000]:
            words.extend(w for w in _found_in(text, exact, stems)
                         if not (east_asian and w.isascii()) and not (headed_in and languages_of(w) == {ENGLISH}))
    return words


def _mapped_headers(trackers: list[Any]) -> set[str]:
    return {info.header.strip() for tracker in trackers for info in tracker.columns.values()}


def _headers_unread(trackers: list[Any], settings: Any) -> list[str]:
    """The headers of the columns taken that no list of any language names: read from their
    words, a word within them or their values ('Företag', 'Anteckningar', 'Başvuru Tarihi').
    When they outnumber the headers and stage words a language's lists name, the tracker is
    headed in a language the tool does not speak (rules §8: then English)."""
    from .headers import alias_lookup, normalize_header

    aliases = alias_lookup(settings)
    return [h for h in dict.fromkeys(sorted(_mapped_headers(trackers)))
            if h and normalize_header(h) not in aliases and not _EAST_ASIAN.search(h) and not _tagged_word_in(h)]


def _tagged_word_in(header: str) -> bool:
    """Whether a word of `header` is one a language's lists name ('Falei com': Portuguese)."""
    return any(_tags().get(_key(word), frozenset({ENGLISH})) - {ENGLISH} for word in re.findall(r"[^\W\d_]+", header))


def _headed_in(headers: list[str]) -> str:
    """The one language other than English that every telling header of a sheet is in, else ''."""
    common: frozenset[str] | None = None
    for header in headers:
        if not _said_in_several(header):
            if _EAST_ASIAN.search(header) and re.search(r"[A-Za-z]{2}", header):
                return ""       # ('Company 公司': headed in English too, so in no one other language)
            langs = languages_of(header)
            common = langs if common is None else common & langs
    if common and len(common) == 1 and ENGLISH not in common:
        return next(iter(common))
    return ""


def _said_in_several(word: str) -> bool:
    """A word that tells no language from another: one the table tags as English, which it does
    only for words other languages say too ("Contact", "Status", "Note", "WhatsApp"), or an
    untagged one with a letter English does not write ("Tél", a user's accented spelling of an
    English alias) or of three letters or fewer ("Tel.", "Nr"). Such words agree with any
    language the other words say; they decide only when there is nothing else."""
    tagged = _tags().get(_key(word))
    if tagged is not None:      # the table tags English only the words other languages say too
        return ENGLISH in tagged
    # an abbreviation of three letters or fewer ("Tel.", "Nr", "ID") is written alike in every language,
    # and so is a word cut short with a stop ("Cell.", "Tlf.", "Ref.": cellulare, celular, cellphone)
    return languages_of(word) == {ENGLISH} and (not word.isascii() or len(_key(word)) <= 3
                                                or re.fullmatch(r"[A-Za-z]{2,5}\.", word.strip()) is not None)


def choose_language(trackers: list[Any], settings: Any) -> LanguageChoice:
    """`settings.language` when set; else the one language every matched header and stage word
    belongs to (rules §8), else English."""
    if settings.language:
        return LanguageChoice(settings.language, "set by [you] language (or --language)")
    words = _words_of(trackers, settings)
    if not words:
        unread = _headers_unread(trackers, settings)
        if unread:
            return LanguageChoice(ENGLISH, f"the default: the tracker's headers ({', '.join(map(repr, unread[:4]))}) "
                                           f"are in a language the tool does not speak")
        return LanguageChoice(ENGLISH, "the default: the tracker has no headers or stage words to go by")
    by_language: dict[str, list[str]] = {}
    common: frozenset[str] | None = None
    telling = [w for w in dict.fromkeys(words) if not _said_in_several(w)]
    for word in telling or dict.fromkeys(words):
        langs = languages_of(word)
        common = langs if common is None else common & langs
        for code in langs:
            by_language.setdefault(code, []).append(word)
    shown = ", ".join(repr(w) for w in (telling or list(dict.fromkeys(words)))[:6])
    if common and len(common) == 1 and ENGLISH not in common:
        unread = _headers_unread(trackers, settings)
        # (the stage words a list knows count as much as its headers: 'Absage', 'Angebot' under
        # 'Dienstgeber', 'Ansprechperson', 'Wie weit' are German)
        known = list(dict.fromkeys(words))
        if len(unread) > len(known):
            return LanguageChoice(ENGLISH, f"the default: most of the tracker's headers "
                                           f"({', '.join(map(repr, unread[:4]))}) are in a language the tool does "
                                           f"not speak; only {', '.join(map(repr, known[:3]))} "
                                           f"{'is' if len(known) == 1 else 'are'} {LANGUAGES[next(iter(common))]}")
    if common and len(common) == 1:
        (code,) = common
        verb = "are" if len(telling or dict.fromkeys(words)) > 1 else "is"
        return LanguageChoice(code, f"because the tracker's headers and stage words ({shown}) {verb} {LANGUAGES[code]}")
    if common and ENGLISH in common:
        return LanguageChoice(ENGLISH, f"because the tracker's headers and stage words ({shown}) are English")
    if common:
        names = " or ".join(LANGUAGES[c] for c in sorted(common))
        return LanguageChoice(ENGLISH, f"the default: the tracker's words ({shown}) could be {names}")
    ranked = sorted(by_language.items(), key=lambda kv: -len(kv[1]))
    leader, led = ranked[0]
    # Word lists are never complete between languages that share words ("Celular" and "Comentarios"
    # are Spanish as much as Portuguese): when no word is English alone, the language that holds at
    # least two thirds of the words, and more than any other, is the tracker's
    seen = telling or list(dict.fromkeys(words))
    english_alone = any(languages_of(w) == {ENGLISH} for w in seen)
    if leader != ENGLISH and not english_alone and 3 * len(led) >= 2 * len(seen) \
            and all(len(ws) < len(led) for c, ws in ranked[1:]):
        others = [w for w in seen if leader not in languages_of(w)]
        return LanguageChoice(leader, f"because most of the tracker's headers and stage words ({shown}) are "
                                      f"{LANGUAGES[leader]} (and {', '.join(map(repr, others[:3]))} may be too)")
    mix = "; ".join(f"{LANGUAGES[c]}: {', '.join(repr(w) for w in ws[:3])}" for c, ws in ranked[:3])
    suggested = next((c for c, _ in ranked if c != ENGLISH), "")
    return LanguageChoice(ENGLISH, f"the default: the tracker mixes languages ({mix})", suggested)


def chinese_form(trackers: list[Any], settings: Any) -> str:
    """The characters Chinese output is written in (rules §8): `settings.chinese` when set
    ("traditional" as the country writes it), else those of the tracker's own headers and cells:
    traditional as Taiwan writes them ("tw"), or as Hong Kong and Macau do ("hk") when that is
    the country; "simplified" otherwise. "" when the run does not speak Chinese."""
    if settings.language != "zh":
        return ""
    if settings.chinese:
        return form_for(settings.chinese, settings.country)
    texts: list[str] = []
    for tracker in trackers:
        texts.extend(info.header for info in tracker.columns.values())
        frame = tracker.frame
        for column in ("stage", "response", "notes", "position", "contact"):
            if column in frame:
                texts.extend(frame[column].dropna().astype(str).tolist()[:500])
    return form_for("traditional", settings.country) if written_traditional(texts) else "simplified"


# --- phrases for a localised script -----------------------------------------------------------

def human_date(value: Any, this_year: int, language: str) -> str:
    """A date as people in that language say it, with the year only when it is not this year:
    '3. November', '3 novembre', '3 de noviembre', '11月3日', '11월 3일' (Babel's CLDR patterns)."""
    from babel.dates import format_skeleton

    if value is None or isinstance(value, str) or pd.isna(value):
        return ""
    d = pd.Timestamp(value).date()
    text = format_skeleton("MMMMd" if d.year == this_year else "yMMMMd", d, locale=language)
    if language in ("it", "pt") and d.day == 1:   # "1º novembre" (il primo), Brazilian "1º de dezembro"
        text = "1º" + text[1:]
    return text


@dataclass(frozen=True)
class Person:
    """A contact as the cell gives it: names in speaking order, and what its title says."""

    given: str
    surname: str
    gender: str       # "f", "m" or "" when the cell does not say
    academic: str     # "Dr." / "Prof." or ""

    eastern: bool = False   # family name first, no space: 王芳
    role: str = ""          # a role said after the family name: 王经理
    degree: str = ""        # a degree said with the name as the cell writes it: "Lic.", "Eng."

    @property
    def full(self) -> str:
        if self.eastern:
            return f"{self.surname}{self.given}"
        return " ".join(p for p in (self.degree, self.given, self.surname) if p)


@functools.cache
def _han_name() -> re.Pattern[str]:
    return re.compile(r"^[\u4e00-\u9fff]{2,4}$")


# Words that join the family name ("Sanne de Vries", "Karl von Berg", "Maria da Silva").
_PARTICLES = frozenset(("de", "van", "der", "den", "ter", "ten", "von", "zu", "vom", "zum", "da", "das", "do", "dos",
                        "del", "della", "di", "le", "la", "du", "van't", "in't", "'t"))
# Titles written after a name in Chinese, Japanese and Korean: what they say about gender, and
# whether they are a role to address the person by (王经理, 李总).
_SUFFIX_TITLES = {
    "zh": (("女士", "f", ""), ("小姐", "f", ""), ("先生", "m", ""), ("经理", "", "经理"), ("总监", "", "总监"),
           ("老师", "", "老师"), ("总", "", "总")),
    "ja": (("さま", "", ""), ("様", "", ""), ("さん", "", ""), ("殿", "", "")),
    "ko": (("님", "", ""), ("씨", "", "")),
}


@functools.cache
def _cjk_name() -> re.Pattern[str]:
    return re.compile(r"^[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7a3]+$")


def _titles(words: list[str], language: str) -> tuple[list[str], str, str, str, str]:
    """The words of a name without its titles, and what the titles say: gender, academic, role."""
    gender, academic, role, degree = "", "", "", ""
    for suffix, sex, title in _SUFFIX_TITLES.get(language, ()):
        if words[-1] == suffix and len(words) > 1:            # "김민수 님"
            words = words[:-1]
        elif words[-1].endswith(suffix) and len(words[-1]) > len(suffix):
            words = [*words[:-1], words[-1][:-len(suffix)]]
        else:
            continue
        gender, role = sex, title
        break
    if len(words) > 2 and words[0].casefold() == "de" and words[1].casefold() == "heer":   # "de heer Jansen"
        words = words[1:]
    while len(words) > 1:
        low = words[0].casefold().rstrip(".")
        if low in GENDER_TITLES and (language not in ("zh", "ja", "ko") or low in ("mr", "mrs", "ms", "miss")):
            gender = gender or GENDER_TITLES[low]
        elif low in ACADEMIC:
            academic = ACADEMIC[low]
            male = low in MALE_ACADEMIC or low == "dr" and language in ("es", "pt")   # beside Dra.
            if low in FEMALE_ACADEMIC or male:
                gender = gender or ("f" if low in FEMALE_ACADEMIC else "m")
        elif low in READ_PAST.get(language, ()):    # "p. Zielińska", "mgr Nowicka", "Ing. Soto"
            degree = degree or (words[0] if low in SAID_DEGREES.get(language, {}) else "")
        else:
            break
        words = words[1:]
    if language == "pl" and not gender:
        # a Polish adjectival surname agrees with its bearer: Zielińska, Nowicka (she); Zieliński (he)
        ending = re.search(r"(?:sk|ck|dzk)([aiy])$", words[-1].casefold())
        gender = {"a": "f", "i": "m", "y": "m"}.get(ending.group(1), "") if ending else ""
    return words, gender, academic, role, degree


def spoken_name(text: str) -> str:
    """The words of a contact cell that name the person, without the role said before them:
    'consultora Vale' -> 'Vale', 'Recruiterin Fr. Novak' -> 'Fr. Novak', 'conseillère Mme Dubois'
    -> 'Mme Dubois'. A form of address starts the name; in a cell that capitalises names, the
    lower-case words before the first capitalised one (other than titles and particles: 'dott.ssa
    Rossi', 'van Dijk') are a role. An all-lower-case cell ('jane doe') is kept whole."""
    words = text.split()
    if len(words) < 2 or text == text.lower() or form_of_address(words[0]) \
            or words[0].casefold().rstrip(".") in GENDER_TITLES:
        return text
    for i in range(1, len(words) - 1):
        if form_of_address(words[i]) and words[i + 1][:1].isupper():
            return " ".join(words[i:])
    lead = 0
    while lead < len(words) - 1 and words[lead] == words[lead].lower() and words[lead].isalpha() \
            and not form_of_address(words[lead]) and words[lead].casefold() not in _PARTICLES \
            and words[lead].casefold() not in GENDER_TITLES:
        lead += 1
    return " ".join(words[lead:]) if lead and words[lead][:1].isupper() else text


def person(name: str, language: str = "en") -> Person | None:
    """'Frau Dr. Anna Müller' -> Person('Anna', 'Müller', 'f', 'Dr.'); 'M. Dupont' -> ('', 'Dupont',
    'm', ''); 'Anna Müller' -> ('Anna', 'Müller', '', ''); 'Sanne de Vries' -> ('Sanne', 'de Vries');
    '王芳' -> ('芳', '王', family name first); '王经理' -> the role 经理; None without a name. The
    cell is taken as `render` cleaned it (brackets and teams already out)."""
    words = name.replace(",", " ").split()
    if not words:
        return None
    words, gender, academic, role, degree = _titles(words, language)
    if all(_cjk_name().match(w) for w in words):
        if len(words) > 1:                                   # "田中 花子": family name, given name
            return Person(" ".join(words[1:]), words[0], gender, academic, eastern=True, role=role)
        one = words[0]
        if language in ("zh", "ko") and 2 <= len(one) <= 4 or _han_name().match(one) and language != "ja":
            return Person(one[1:], one[0], gender, academic, eastern=True, role=role)
        return Person("", one, gender, academic, eastern=True, role=role)   # 田中花子: not split
    if len(words) == 1:
        return Person("", words[0], gender, academic, degree=degree)
    if language == "es" and len(words) >= 3:   # two family names: "Ana García López"
        return Person(words[0], " ".join(words[1:]), gender, academic, degree=degree)
    first_of_surname = len(words) - 1
    # (after a title every word may be the family name's: "Mevr. De Smet", "Herr von Berg")
    lowest = 0 if gender or academic or degree else 1
    while first_of_surname > lowest and words[first_of_surname - 1].casefold() in _PARTICLES:
        first_of_surname -= 1
    return Person(" ".join(words[:first_of_surname]), " ".join(words[first_of_surname:]), gender, academic,
                  degree=degree)


def _de(p: Person) -> dict[str, str]:
    title = {"f": "Frau", "m": "Herr"}.get(p.gender, "")
    formal = " ".join(x for x in (title, p.academic, p.surname) if x)
    if title:   # `ask` and `dat` follow "mit", "bei", "von": Herr takes its -n there
        dative = formal.replace("Herr ", "Herrn ", 1)
        dear = f"Sehr geehrte{'' if p.gender == 'f' else 'r'} {formal},"
        return {"ask": dative, "greet": f"Guten Tag, {formal}", "dear": dear, "named": formal, "dat": dative}
    # No title in the cell: ask for the full name and greet without a name (a German caller
    # does not say "Guten Tag, Anna Müller"); in writing, "Guten Tag Anna Müller," is the usual
    # form when the title is not known.
    full = " ".join(x for x in (p.academic, p.full) if x)
    return {"ask": full, "greet": "Guten Tag", "dear": f"Guten Tag {full},", "named": full, "dat": full}


def _fr(p: Person) -> dict[str, str]:
    title = {"f": "Madame", "m": "Monsieur"}.get(p.gender, "")
    if title:
        return {"ask": f"{title} {p.surname}", "greet": f"Bonjour {title}", "dear": f"Bonjour {title},",
                "named": f"{title} {p.surname}"}
    return {"ask": p.full, "greet": "Bonjour", "dear": "Bonjour,", "named": p.full}


def _es(p: Person) -> dict[str, str]:
    title = {"f": "señora", "m": "señor"}.get(p.gender, "")
    short = {"f": "Sra.", "m": "Sr."}.get(p.gender, "")
    if title and p.academic in ("Dr.", "Prof."):      # the cell's title is kept: "la doctora Gil"
        female = p.gender == "f"
        title = {"Dr.": "doctor", "Prof.": "profesor"}[p.academic] + ("a" if female else "")
        short = ("Dra." if female else "Dr.") if p.academic == "Dr." else title
    if title:
        ask = f"{'la' if p.gender == 'f' else 'el'} {title} {p.surname}"
        dear = f"Estimad{'a' if p.gender == 'f' else 'o'} {short} {p.surname}:"
        to = f"{'a la' if p.gender == 'f' else 'al'} {title} {p.surname}"    # "a" + "el" is "al"
        return {"ask": ask, "greet": f"Buenos días, {title} {p.surname}", "dear": dear, "named": ask, "a": to}
    return {"ask": p.full, "greet": "Buenos días", "dear": f"Buenos días, {p.full}:", "named": p.full,
            "a": f"a {p.full}"}


def _it(p: Person) -> dict[str, str]:
    if p.gender:
        female = p.gender == "f"
        title = ("dottoressa" if female else "dottor") if p.academic else ("signora" if female else "signor")
        short = ("Dott.ssa" if female else "Dott.") if p.academic else ("Sig.ra" if female else "Sig.")
        ask = f"{'la' if female else 'il'} {title} {p.surname}"
        return {"ask": ask, "greet": f"Buongiorno, {title} {p.surname}", "dear": f"Gentile {short} {p.surname},",
                "named": ask, "a": f"{'alla' if female else 'al'} {title} {p.surname}"}
    # "Gentile" is said to a woman and a man alike: the usual opening when the title is not known
    return {"ask": p.full, "greet": "Buongiorno", "dear": f"Gentile {p.full},", "named": p.full,
            "a": f"a {p.full}"}


def _pt(p: Person) -> dict[str, str]:
    # Brazilian usage: a person is named and greeted by the first name ("Bom dia, Beatriz"; "doutor
    # Paulo"), never "senhora Costa"; the title in the cell gives the article ("a Beatriz Costa").
    # Only a cell without a first name falls back to the surname with senhor/senhora.
    female = p.gender == "f"
    first = " ".join(x for x in (p.degree, p.given) if x)    # (a degree said with it: "Eng. Rui")
    if p.academic:
        word, short = ("doutora" if female else "doutor"), ("Dra." if female else "Dr.")
        if p.academic == "Prof.":
            word, short = ("professora" if female else "professor"), ("Profa." if female else "Prof.")
        if not p.gender:                                  # "Prof." says no gender: the title is not said aloud
            return {"ask": p.full if p.given else f"{short} {p.full}",
                    "greet": f"Bom dia, {p.given}" if p.given else "Bom dia",
                    "dear": f"Prezado(a) {short} {p.full},", "named": f"{short} {p.full}", "a": f"a {short} {p.full}"}
        return {"ask": f"{'a' if female else 'o'} {word} {p.full}", "greet": f"Bom dia, {word} {p.given or p.surname}",
                "dear": f"Prezad{'a' if female else 'o'} {short} {p.full},", "named": f"{short} {p.full}",
                "a": f"{'à' if female else 'ao'} {short} {p.full}"}
    if p.gender:
        if not p.given:                                   # "Sra. Costa": no first name to use
            title = "senhora" if female else "senhor"
            return {"ask": f"{'a' if female else 'o'} {title} {p.surname}", "greet": f"Bom dia, {title} {p.surname}",
                    "dear": f"Prezad{'a' if female else 'o'} {'Sra.' if female else 'Sr.'} {p.surname},",
                    "named": f"{'Sra.' if female else 'Sr.'} {p.surname}",
                    "a": f"{'à' if female else 'ao'} {title} {p.surname}"}
        return {"ask": f"{'a' if female else 'o'} {p.full}", "greet": f"Bom dia, {first}",
                "dear": f"Prezad{'a' if female else 'o'} {p.given},", "named": p.full,
                "a": f"{'à' if female else 'ao'} {p.full}"}
    # no title: no article and no Prezado/Prezada guessed from the first name
    return {"ask": p.full, "greet": f"Bom dia, {first}" if p.given else "Bom dia",
            "dear": f"Olá, {p.given or p.full},", "named": p.full, "a": f"a {p.full}"}


def _nl(p: Person) -> dict[str, str]:
    surname = p.surname[:1].upper() + p.surname[1:]      # "De Vries" without the first name before it
    academic = f"{p.academic.lower()} " if p.academic else ""
    if p.gender:
        female = p.gender == "f"
        formal = f"{'mevrouw' if female else 'de heer'} {academic}{surname}"
        spoken = f"{'mevrouw' if female else 'meneer'} {surname}"
        return {"ask": formal, "greet": f"Goedendag {spoken}", "named": formal,
                "dear": f"Geachte {'mevrouw' if female else 'heer'} {academic}{surname},"}
    full = f"{academic}{p.full}"
    return {"ask": full, "greet": "Goedendag", "dear": f"Geachte {full},", "named": full}


def _zh(p: Person) -> dict[str, str]:
    if p.role:
        formal = f"{p.surname}{p.role}"
    elif p.gender:
        formal = f"{p.surname if p.eastern else p.full}{'女士' if p.gender == 'f' else '先生'}"
    else:
        formal = p.full
    return {"ask": formal, "greet": f"{formal}，您好", "dear": f"尊敬的{formal}：", "named": formal}


def _ja(p: Person) -> dict[str, str]:
    formal = f"{p.surname if p.eastern and p.given else p.full}様"
    return {"ask": formal, "greet": formal, "dear": formal, "named": formal}


def _ko(p: Person) -> dict[str, str]:
    formal = f"{p.full} 님"
    return {"ask": formal, "greet": formal, "dear": formal, "named": formal}


# A Polish surname's instrumental ("z panią Kowalską", "z panem Nowakiem") only where the
# ending says it for certain: adjectival -ski/-cki/-dzki (-ska/-cka/-dzka), a woman's surname
# ending in a consonant (it does not decline: "z panią Nowak"), a man's ending in a hard
# consonant. A mobile e (Wróbel -> Wróblem, Gołąbek -> Gołąbkiem), a soft ending (Łoś -> Łosiem)
# or a vowel (Kościuszko, Rossi) leaves it undeclined: the script then says the name in the
# nominative ("Czy jest może pan Wróbel?").
@functools.cache
def _pl_adjectival() -> re.Pattern[str]:
    return re.compile(r"(?:s|c|dz)k[ia]$")


@functools.cache
def _pl_unsafe_masculine() -> re.Pattern[str]:
    return re.compile(r"(?:e[kcl]|eł|eń|[śćńźjlaeiouyóąę])$", re.IGNORECASE)


def polish_instrumental(surname: str, gender: str) -> str:
    """The instrumental of a Polish surname after "z panią"/"z panem", or '' when its ending
    does not say it for certain (and for a double-barrelled name, whose halves may differ)."""
    if not surname or " " in surname or "-" in surname or gender not in ("f", "m"):
        return ""
    low = surname.casefold()
    if _pl_adjectival().search(low):
        return surname[:-1] + ("ą" if gender == "f" else "im") if low.endswith("ka" if gender == "f" else "ki") else ""
    if gender == "f":
        return surname if not re.search(r"[aeiouyóąę]$", low) else ""
    if _pl_unsafe_masculine().search(low):
        return ""
    return surname + ("iem" if low.endswith(("k", "g")) else "em")


# A Polish name said after a preposition or as an object keeps the case the sentence gives it
# ("rozmawiałam z Panią Kowalską", "mail do Pana Nowaka", "z polecenia Pani Zielińskiej"); the
# form of address before it says the gender ("pani", "panią": a woman; "pana", "panu", "panem":
# a man) and, with the surname's ending, the case. The regular endings give the nominative back:
# adjectival surnames (-skiej/-ską -> -ska, -skiego/-skiemu/-skim -> -ski, -owej/-ową -> -owa,
# -ego/-emu/-ym -> -y), a man's surname or first name in a consonant (Nowaka/Nowakowi/Nowakiem/
# Nowaku -> Nowak, Piotra -> Piotr, Łosia -> Łoś), a woman's name in -a (Anną/Anny -> Anna); a
# woman's surname in a consonant does not decline ("z Panią Nowak").
_PL_TITLES = {"pani": "f", "panią": "f", "pan": "m", "pana": "m", "panu": "m", "panem": "m", "panie": "m"}
_PL_SOFT = {"si": "ś", "ci": "ć", "zi": "ź", "ni": "ń", "dzi": "dź"}


_PL_ADJECTIVAL = {"f": (("skiej", "ska"), ("ckiej", "cka"), ("dzkiej", "dzka"), ("owej", "owa"), ("ską", "ska"),
                         ("cką", "cka"), ("dzką", "dzka"), ("ową", "owa"), ("ą", "a")),
                   "m": (("skiego", "ski"), ("skiemu", "ski"), ("skim", "ski"), ("ckiego", "cki"), ("ckiemu", "cki"),
                         ("ckim", "cki"), ("dzkiego", "dzki"), ("dzkiemu", "dzki"), ("dzkim", "dzki"),
                         ("ą", "a"))}     # (a man's name in -a: Kubą, Zawadą -> Kuba, Zawada)


def _pl_nominative_word(word: str, gender: str) -> str:
    low = word.casefold()
    for end, nom in _PL_ADJECTIVAL[gender]:
        if low.endswith(end):
            return word[:len(word) - len(end)] + nom
    if gender == "f":
        return word       # ("Nowak" for a woman does not decline; "Anny", "Annie" stay unsure)
    if re.search(r"[^aeiouyóąę](?:ego|emu)$", low) and len(low) > 5:      # Szczęsnego -> Szczęsny
        return word[:-3] + ("i" if low[-4] in "kg" else "y")
    for end in ("owi", "iem", "em", "a", "u"):
        if low.endswith(end) and len(low) - len(end) >= 3:
            stem = word[:len(word) - len(end)]
            if end == "iem" and not stem.casefold().endswith(("k", "g")):
                stem = word[:len(word) - 2]          # (Łosiem: the i is the softness, read below)
            return _pl_masculine_stem(stem)
    return word


def _pl_masculine_stem(stem: str) -> str:
    """A man's name from its stem: a soft letter written with i (Łosi- -> Łoś) and a mobile e that
    comes back between two consonants at the end (Wróbl- -> Wróbel, Pawł- -> Paweł, Jack- -> Jacek;
    not in a digraph, Tomasz-, Lech-, nor before d or r, Witold-, Piotr-)."""
    low = stem.casefold()
    for soft, letter in _PL_SOFT.items():
        if low.endswith(soft):
            return stem[:len(stem) - len(soft)] + letter
    if re.search(r"[bcćdfghjklłmnńprsśtwzźż][lłkcń]$", low) and low[-2:] not in ("cz", "sz", "rz", "dz", "ch"):
        return stem[:-1] + "e" + stem[-1]
    return stem


def polish_nominative(name: str) -> str:
    """A Polish name read from a cell or a note in the case its sentence gave it, with the words
    before it that gave the case dropped: 'z Panią Kowalską' -> 'Pani Kowalska', 'Pana Nowaka' ->
    'Pan Nowak', 'Panem Tomaszem Lewandowskim' -> 'Pan Tomasz Lewandowski'. Only a name led by
    a Polish form of address (whose case shows the gender) is changed; any other is returned as is."""
    words = name.split()
    # the form of address after the lower-case words that gave it its case ("spotkanie z", "mail do")
    lead = next((i for i, w in enumerate(words[:-1]) if w.casefold() in _PL_TITLES and words[i + 1][:1].isupper()),
                None)
    if lead is None or any(not w.islower() for w in words[:lead]):
        return name
    title = words[lead].casefold()
    gender = _PL_TITLES.get(title)
    # ("Pan Zawada" is the nominative: only "pani", which is several cases, needs the ending's word)
    if gender is None or title == "pan" or title == "pani" and not _pl_inflected(words[lead + 1:], gender):
        return name
    rest = [_pl_nominative_word(w, gender) if w[:1].isupper() else w for w in words[lead + 1:]]
    return " ".join(["Pani" if gender == "f" else "Pan", *rest])


def _pl_inflected(words: list[str], gender: str) -> bool:
    return any(_pl_nominative_word(w, gender) != w for w in words if w[:1].isupper())


def _pl(p: Person) -> dict[str, str]:
    """Polish: "pani"/"pan" only from the cell's title. `ask` is the whole question (its case
    depends on what can be declined safely), `greet` never names anyone (Poles do not greet by
    surname), `dear` is "Szanowna Pani," / "Szanowny Panie," with no name, `named` the nominative,
    `your` the possessive that never declines ("w Pani zespole", "Pana", "Państwa")."""
    if p.gender:
        female = p.gender == "f"
        title = "pani" if female else "pan"
        academic = {"Dr.": "doktor", "Prof.": "profesor"}.get(p.academic, "")
        said = " ".join(x for x in (title, academic, p.surname) if x)
        declined = polish_instrumental(p.surname, p.gender)
        if declined:
            with_title = ("panią" if female else "panem") + (f" {academic}{'' if female else 'em'}" if academic else "")
            ask = f"Czy mogę rozmawiać z {with_title} {declined}?"
        else:
            ask = f"Czy jest może {said}?"
        vocative = {"Dr.": ("Doktor", "Doktorze"), "Prof.": ("Profesor", "Profesorze")}.get(p.academic)
        dear = "Szanowna Pani" if female else "Szanowny Panie"
        if vocative:
            dear += f" {vocative[0 if female else 1]}"
        named = " ".join(x for x in (title, academic, p.full) if x)
        return {"ask": ask, "greet": "Dzień dobry", "dear": f"{dear},", "named": named,
                "your": "Pani" if female else "Pana"}
    full = " ".join(x for x in (p.academic, p.full) if x)
    # one name alone may be a first name as well as a surname ("Tomasz", "Ewa"): asked in the
    # nominative, which says neither ("Czy jest może Tomasz?"), never "o nazwisku Tomasz"
    ask = f"Czy mogę prosić o połączenie z osobą o imieniu i nazwisku {full}?" if p.given \
        else f"Czy jest może {full}?"
    return {"ask": ask, "greet": "Dzień dobry",
            "dear": "Dzień dobry,", "named": full, "your": "Państwa"}


_ADDRESS = {"de": _de, "fr": _fr, "es": _es, "it": _it, "pt": _pt, "nl": _nl, "pl": _pl, "zh": _zh, "ja": _ja,
            "ko": _ko}
_NO_NAME = {
    "pl": {"ask": "", "greet": "Dzień dobry", "dear": "Szanowni Państwo,", "named": "", "your": "Państwa"},
    "it": {"ask": "", "greet": "Buongiorno", "dear": "Buongiorno,", "named": "", "a": ""},
    "pt": {"ask": "", "greet": "Bom dia", "dear": "Prezados,", "named": "", "a": ""},
    "nl": {"ask": "", "greet": "Goedendag", "dear": "Geachte heer/mevrouw,", "named": ""},
    "zh": {"ask": "", "greet": "您好", "dear": "您好：", "named": ""},
    "ja": {"ask": "", "greet": "", "dear": "ご担当者様", "named": "ご担当者様"},
    "ko": {"ask": "", "greet": "", "dear": "채용 담당자님", "named": "채용 담당자님"},
    "de": {"ask": "", "greet": "Guten Tag", "dear": "Sehr geehrte Damen und Herren,", "named": "", "dat": ""},
    "fr": {"ask": "", "greet": "Bonjour", "dear": "Madame, Monsieur,", "named": ""},
    "es": {"ask": "", "greet": "Buenos días", "dear": "Buenos días:", "named": "", "a": ""},
}


# A team or department written in Korean or Japanese (render._NOT_A_PERSON_CJK says the same for the
# context's `team`): asked for, never greeted as a person.
@functools.cache
def _team() -> re.Pattern[str]:
    return re.compile(r"인사|채용|팀|부서|담당자|採用|人事|担当|総務")


# Korean job titles written after a name ("박 과장", "김민수 팀장님"): the person is addressed by
# name and title with 님 on the title.
_KO_TITLES = ("과장", "부장", "차장", "대리", "팀장", "실장", "이사", "상무", "전무", "대표", "본부장",
              "주임", "매니저", "책임", "선임", "수석", "센터장", "파트장", "그룹장", "헤드헌터", "컨설턴트",
              "리크루터")

# What a contact cell says the person does, beside the name, in Chinese, Japanese and Korean
# ('猎头 Lisa', 'HR Amy', '人事 山本さん', '인사팀 김하늘'): not part of the name, and saying nothing of
# the person's gender (the German 'Hr.' is Herr only in German).
_CJK_FUNCTIONS = frozenset({"猎头", "獵頭", "hr", "人事", "人资", "人資", "招聘", "招聘专员", "招聘專員", "顾问",
                            "顧問", "采用担当", "採用担当", "担当", "エージェント", "リクルーター", "人事部",
                            "인사팀", "인사", "채용담당", "채용담당자", "담당자", "recruiter", "headhunter",
                            "agent", "consultant"})


def _without_functions(name: str, language: str) -> str:
    """`name` without the words of a function around it ('猎头 Lisa' is Lisa) in Chinese, Japanese
    and Korean, when a name remains."""
    if language not in ("zh", "ja", "ko"):
        return name
    words = name.split()
    kept = [w for w in words if w.casefold().rstrip(":：") not in _CJK_FUNCTIONS]
    return " ".join(kept) if kept and len(kept) < len(words) else name


@functools.cache
def _ko_titled() -> re.Pattern[str]:
    return re.compile(r"^(?P<name>[\uac00-\ud7a3]{1,4}(?: [\uac00-\ud7a3]{1,3})?)\s*(?P<title>"
                      + "|".join(sorted(_KO_TITLES, key=len, reverse=True)) + r")\s*님?$")


def address(name: str, language: str) -> dict[str, str]:
    """How a script names `name` in `language`: `ask` (whom to ask for on the phone), `greet`
    (the spoken greeting once they answer), `dear` (the e-mail's salutation line) and `named`
    (the name in a sentence); German also `dat` (after "bei", "von"), Spanish `a` ("al señor
    …"). Frau/Herr, Madame/Monsieur, señor/señora only when the cell says so with a title; a
    first name never decides it."""
    name = _without_functions(name, language) if name else name
    titled = _ko_titled().match(name.strip()) if language == "ko" and name else None
    if titled:                                        # "박 과장" is 박 과장님, not 박과장 님
        formal = f"{titled['name']} {titled['title']}님"
        return {"ask": formal, "greet": formal, "dear": formal, "named": formal}
    p = person(name, language) if name and not _team().search(name) else None
    if p is None or language not in _ADDRESS:
        return dict(_NO_NAME.get(language, {"ask": "", "greet": "", "dear": "", "named": ""}))
    return _ADDRESS[language](p)


def unnamed_address(language: str) -> dict[str, str]:
    """How `language`'s scripts address nobody in particular ("Guten Tag", "Sehr geehrte Damen und
    Herren,", "Państwa"); {} for a language without its own scripts."""
    return dict(_NO_NAME.get(language, {}))


def e_mail_close(language: str) -> str:
    """The line an e-mail in `language` closes with ("Mit freundlichen Grüßen"); '' without one."""
    return _PHRASES.get(language, {}).get("close", "")


def call_back_day(plan_row: dict[str, Any]) -> dt.date | None:
    """The day the notes state for a call back I was asked to make (the latest dated
    `call_back` fact of the plan), or None: the localised scripts say "after Thanksgiving" only
    as a day in their own words."""
    facts = plan_row.get("facts")
    days = [f.date for f in facts if getattr(f, "kind", "") == "call_back" and getattr(f, "date", None)] \
        if isinstance(facts, list) else []
    return max(days) if days else None


def local_context(context: dict[str, Any], row: dict[str, Any], plan_row: dict[str, Any], today: dt.date,
                  language: str) -> dict[str, Any]:
    """The script context of `render.script_context`, with its dates said in `language` and the
    forms of address a localised template needs (`to` for the contact, `hm` for the hiring
    manager, `ref` for the referrer; each as `address` gives them)."""
    year = today.year
    local = dict(context)
    local["applied_on"] = human_date(row.get("applied_on"), year, language)
    local["last_contact"] = human_date(row.get("last_contact"), year, language)
    for name in ("due", "answer_by", "other_offer_by"):
        local[name] = human_date(plan_row.get(name), year, language)
    for name in ("decision_by", "decision_passed"):      # one of them holds the decision date, or neither
        local[name] = human_date(plan_row.get("decision_on"), year, language) if context.get(name) else ""
    ahead = plan_row.get("interview_ahead")           # the day itself, or a flag beside `interview_on`
    day = ahead if isinstance(ahead, (pd.Timestamp, dt.date)) else plan_row.get("interview_on")
    # (none when the English context says none: only a week or a span was said, rules §7)
    local["interview_on"] = human_date(day, year, language) \
        if context.get("interview_ahead") and context.get("interview_on") else ""
    local["employer_called_on"] = (human_date(plan_row.get("employer_called_on"), year, language)
                                   if context.get("employer_called") else
                                   human_date(plan_row.get("returned_call_on"), year, language)
                                   if context.get("returning_call") else "")
    local["message_left_on"] = (human_date(plan_row.get("message_left_on"), year, language)
                                if context.get("message_left") else "")
    local.setdefault("employer_channel", "")          # "email" when the employer wrote rather than called
    local["hold_until"] = (human_date(plan_row.get("hold_until"), year, language)
                           if context.get("hold_ended") else "")   # a hold that has come to its end
    local["call_back_on"] = human_date(call_back_day(plan_row), year, language) if context.get("call_back") else ""
    local["to"] = address(context["contact"], language)
    if context.get("team") and not context["contact"] and language in _PHRASES:
        # a team is asked for ("someone in the HR team", in the language's words), never greeted
        local["to"]["ask"] = team_phrase(context["team"], language)
    local["hm"] = address(context["hiring_manager"], language)
    local["ref"] = address(context["referrer"], language)
    local["language"] = language
    if language in _PHRASES:
        local["l"] = localised_phrases(local, language)
    return local


# A team's or department's own head noun decides how it is said after "from": German "aus der
# Personalabteilung" (not "aus dem Bereich Personalabteilung"), "aus dem Recruiting-Team"; French
# "du service recrutement", "de l'équipe RH"; Spanish "del departamento de RR. HH."; Polish "z
# Działu Kadr". A name with no head noun of its own ("HR", "Einkauf") gets the frame the
# sentence gives ("aus dem Bereich HR", "aus der Abteilung Einkauf").
_UNIT_HEADS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "de": ((re.compile(r"(?:abteilung|stelle|verwaltung|leitung|gruppe|akquise|akquisition)$|^abteilung\b", re.I),
            "aus der {t}"),
           (re.compile(r"(?:team|büro|referat|center|office|management|bereich|dienst|stab)$"
                       r"|^(?:team|büro|referat|bereich|fachbereich|stab)\b", re.I), "aus dem {t}")),
    "fr": ((re.compile(r"^(?:service|département|pôle)\b", re.I), "du {low}"),
           (re.compile(r"^(?:direction|équipe|cellule)\b", re.I), "de la {low}")),
    "es": ((re.compile(r"^(?:departamento|equipo|área|servicio)\b", re.I), "del {low}"),
           (re.compile(r"^(?:dirección|oficina|sección)\b", re.I), "de la {low}")),
    "pl": ((re.compile(r"^(?:dział|departament)\b", re.I), "z {head}u{rest}"),
           (re.compile(r"^zespół\b", re.I), "z zespołu{rest}"),
           (re.compile(r"^biuro\b", re.I), "z biura{rest}")),
}
# How each language asks for someone from a team (`{u}`: "aus der Personalabteilung"), and the
# frame for a team without a head noun of its own.
_TEAM_ASK = {"de": ("jemandem {u}", "aus dem Bereich {t}"), "fr": ("quelqu'un {u}", "du service {t}"),
             "es": ("alguien {u}", "de {t}"), "pl": ("Czy mogę rozmawiać z kimś {u}?", "z działu {t}")}


def unit_phrase(unit: str, language: str, frame: str) -> str:
    """A team or department after "from", by its own head noun: "aus der Personalabteilung",
    "du service recrutement", "z Działu Kadr"; else `frame` ("aus der Abteilung {t}") with it."""
    text = " ".join(unit.split())
    head, _, rest = text.partition(" ")
    low = text[:1].lower() + text[1:]
    for pattern, said in _UNIT_HEADS.get(language, ()):
        if pattern.search(text):
            if said == "de la {low}" and re.match(r"[aeiouéèêh]", low, re.I):
                said = "de l'{low}"                 # "de l'équipe RH"
            return said.format(t=text, low=low, head=head, rest=f" {rest}" if rest else "")
    return frame.format(t=text)


def team_phrase(team: str, language: str) -> str:
    """Whom to ask for when the contact is a team: "jemandem aus der Personalabteilung",
    "jemandem aus dem Bereich HR", "quelqu'un du service recrutement" (what follows "mit",
    "parler à"; in Polish the whole question); the language's `team` phrase elsewhere."""
    if language not in _TEAM_ASK:
        return _PHRASES[language]["team"].format(t=team)
    ask, frame = _TEAM_ASK[language]
    return ask.format(u=unit_phrase(team, language, frame))


# German companies: the article a legal form or a head noun gives ("bei der Müller GmbH", "bei
# der Spedition Meier", "beim Verlag Roth"); a bare name ("Siemens", "Kranich Logistik") takes
# none. The legal form at the end decides over a head noun at the start ("die Verlag Roth GmbH").
_DE_LEGAL_FORMS = {"gmbh": "f", "ag": "f", "kg": "f", "se": "f", "ohg": "f", "gbr": "f", "kgaa": "f", "ug": "f",
                   "mbh": "f", "eg": "f", "ev": "m", "vvag": "m"}
_DE_HEAD_NOUNS = {
    "f": ("gesellschaft", "bank", "versicherung", "spedition", "sparkasse", "stiftung", "gruppe", "holding",
          "klinik", "agentur", "kanzlei", "genossenschaft", "universität", "hochschule", "bahn", "brauerei",
          "bäckerei", "druckerei", "apotheke", "praxis", "stadtverwaltung", "verwaltung", "behörde", "kasse",
          "krankenkasse", "post", "werft", "akademie", "schule", "reederei", "kellerei", "molkerei"),
    "m": ("verlag", "verein", "konzern", "verband", "betrieb", "landkreis", "zweckverband"),
    "n": ("institut", "klinikum", "krankenhaus", "unternehmen", "werk", "amt", "studio", "büro", "hotel",
          "museum", "theater", "rechenzentrum", "landratsamt", "autohaus", "kaufhaus"),
}
# What makes a word before the head noun an adjective that takes -n in the dative ("der Nordischen
# Versicherung", "der Deutschen Bank"): an adjective's ending, or one of the short adjectives names
# use; any other word ending in -e is the name's own ("Möwe Verlag", "Linde Klinik") and is never
# changed, since a script says a name as it is written (rules §7)
_DE_ADJECTIVE = re.compile(r"(?:isch|sch|lich|ig|bar|sam|haft|los|al|ell|iv|är|ent|ant|er|en|(?<!t)t)e$"
                           r"|^(?:Neue|Alte|Große|Grosse|Freie|Gute|Kleine|Hohe|Obere|Untere|Mittlere)$")
# heads said only at the end of a compound ("Pflegewohnhaus", "Stahlwerk"): alone they are names' words
_DE_COMPOUND_HEADS = {"n": ("haus", "heim", "zentrum")}
_DE_ARTICLES = {"dat": {"f": "der", "m": "dem", "n": "dem"}, "acc": {"f": "die", "m": "den", "n": "das"}}


def _german_gender(words: list[str]) -> str:
    """The grammatical gender a German company name has for certain: its legal form's, else
    that of a head noun it starts or ends with; '' for a bare name."""
    last = re.sub(r"[^\w]", "", words[-1]).casefold()
    if len(words) > 1 and last in _DE_LEGAL_FORMS:
        return _DE_LEGAL_FORMS[last]
    if len(words) > 1 and words[-2].casefold().rstrip(".") == "e" and last == "v":     # "e. V."
        return "m"
    for gender, nouns in _DE_HEAD_NOUNS.items():
        for word in (words[0], words[-1]):
            low = word.casefold().strip(".,")
            if low in nouns or "-" in low and low.rsplit("-", 1)[1] in nouns:     # "Fraunhofer-Institut"
                return gender
    # a compound takes its last noun's gender ("Privatklinik", "Commerzbank", "Pflegewohnhaus"),
    # when what comes before it is a word of its own (four letters or more: "Vorwerk", "Bauhaus"
    # are names, said without an article)
    heads = sorted(((n, g) for g, ns in _DE_HEAD_NOUNS.items() for n in (*ns, *_DE_COMPOUND_HEADS.get(g, ()))),
                   key=lambda x: -len(x[0]))
    for word in (words[0], words[-1]):
        low = word.casefold().strip(".,")
        if not word[:1].isupper() or not low.isalpha():
            continue
        for noun, gender in heads:
            if low.endswith(noun) and len(low) - len(noun) >= 4:
                return gender
    return ""


def german_company(name: str, case: str = "dat") -> str:
    """A company as German says it after a preposition: "der Spedition Kranich AG", "der
    Deutschen Bank", "dem Verlag Roth" (dative: bei, von, mit; `german_bei` says "beim"), "die Müller GmbH" (accusative:
    für, über), "Siemens" (a bare name: no article). `case` is "dat" or "acc"."""
    words = name.split()
    if not words:
        return ""
    gender = _german_gender(words)
    if not gender:
        return name
    nouns = _DE_HEAD_NOUNS[gender]
    before = [i for i, w in enumerate(words[:-1]) if words[i + 1].casefold() in nouns
              and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]*e", w)]
    if before and not all(_DE_ADJECTIVE.search(words[i]) for i in before):
        return name     # "Möwe Verlag": a name's own word, not an adjective to inflect; no article
    if case == "dat":      # an adjective right before the head noun takes -n: "der Deutschen Bahn"
        words = [w + "n" if i in before else w for i, w in enumerate(words)]
    return f"{_DE_ARTICLES[case][gender]} {' '.join(words)}"


def german_bei(company: str) -> str:
    """"bei" and the company: "bei der Spedition Kranich AG", "beim Verlag Roth" ("bei dem" is
    said "beim"), "bei Zeiss"; '' without a company."""
    if not company:
        return ""
    said = german_company(company)
    return f"beim {said[4:]}" if said.startswith("dem ") else f"bei {said}"


# Per language: how a sentence names the role ("{p}" the position, "{c}" the company), how it
# says where the application went, how a voicemail says how to reach me, and the e-mail's close.
_PHRASES: dict[str, dict[str, str]] = {
    "de": {"team": "jemandem aus dem Bereich {t}",
           "pc": "die Stelle als {p} {bei}", "p": "die Stelle als {p}", "c": "die ausgeschriebene Stelle {bei}",
           "on": "am {d}", "site": " über Ihre Website", "mail": " per E-Mail", "named_source": " über {s}",
           "both": "Sie erreichen mich unter {phone} oder per E-Mail an {email}.",
           "phone": "Sie erreichen mich unter {phone}.", "email": "Sie erreichen mich per E-Mail an {email}.",
           "none": "Ich melde mich zusätzlich per E-Mail.", "close": "Mit freundlichen Grüßen",
           "recently": "vor Kurzem"},
    "fr": {"team": "quelqu'un du service {t}",
           "pc": "le poste {dp} chez {c}", "p": "le poste {dp}", "c": "le poste à pourvoir chez {c}",
           "on": "le {d}", "site": " sur votre site", "mail": " par e-mail", "named_source": " via {s}",
           "both": "Vous pouvez me joindre au {phone} ou par e-mail à {email}.",
           "phone": "Vous pouvez me joindre au {phone}.", "email": "Vous pouvez me joindre par e-mail à {email}.",
           "none": "Je vous écrirai également par e-mail.", "close": "Bien cordialement,",
           "recently": "récemment"},
    "it": {"team": "qualcuno dell'ufficio {t}",
           "pc": "la posizione di {p} presso {c}", "p": "la posizione di {p}",
           "c": "la posizione aperta presso {c}",
           "on": "il {d}", "site": " tramite il vostro sito", "mail": " via email", "named_source": " tramite {s}",
           "both": "Può contattarmi al numero {phone} oppure via email all'indirizzo {email}.",
           "phone": "Può contattarmi al numero {phone}.", "email": "Può scrivermi all'indirizzo {email}.",
           "none": "Le scriverò anche via email.", "close": "Cordiali saluti,", "recently": "di recente"},
    "pt": {"team": "alguém da equipe de {t}",
           "pc": "a vaga de {p} na empresa {c}", "p": "a vaga de {p}", "c": "a vaga aberta na empresa {c}",
           "on": "no dia {d}", "site": " pelo site da empresa", "mail": " por e-mail", "named_source": " via {s}",
           "both": "Meu telefone é {phone} e meu e-mail é {email}.", "phone": "Meu telefone é {phone}.",
           "email": "Meu e-mail é {email}.", "none": "Vou mandar também um e-mail.", "close": "Atenciosamente,",
           "recently": "recentemente"},
    "nl": {"team": "iemand van de afdeling {t}",
           "pc": "de functie van {p} bij {c}", "p": "de functie van {p}", "c": "de vacature bij {c}",
           "on": "op {d}", "site": " via uw website", "mail": " per e-mail", "named_source": " via {s}",
           "both": "U kunt mij bereiken op {phone} of via {email}.", "phone": "U kunt mij bereiken op {phone}.",
           "email": "U kunt mij bereiken via {email}.", "none": "Ik stuur u ook een e-mail.",
           "close": "Met vriendelijke groet,", "recently": "onlangs"},
    "zh": {"team": "{t}的负责人",
           "pc": "{c}的{p}职位", "p": "{p}职位", "c": "{c}的职位", "on": "在{d}", "site": "通过贵公司官网",
           "mail": "通过邮件", "named_source": "通过{s}", "both": "我的电话是{phone}，邮箱是{email}。",
           "phone": "我的电话是{phone}。", "email": "我的邮箱是{email}。", "none": "我稍后会再发邮件跟进。",
           "close": "此致\n敬礼", "recently": "前不久"},
    "ja": {"team": "{t}のご担当の方",
           "pc": "{c}の{p}", "p": "{p}", "c": "{c}の求人", "on": "{d}に", "site": "貴社の採用ページから",
           "mail": "メールで", "named_source": "{s}から",
           "both": "お手数ですが、{phone}または{email}までご連絡いただけますと幸いです。",
           "phone": "お手数ですが、{phone}までご連絡いただけますと幸いです。",
           "email": "お手数ですが、{email}までご連絡いただけますと幸いです。",
           "none": "改めてメールにてご連絡いたします。", "close": "何卒よろしくお願い申し上げます。",
           "recently": "先日"},
    "ko": {"team": "{t} 담당자분",
           "pc": "{c}의 {p} 직무", "p": "{p} 직무", "c": "{c}의 채용 공고", "on": "{d}에",
           "site": " 귀사 홈페이지에서",
           "mail": " 이메일로", "named_source": " {s}에서", "both": "연락처는 {phone}, 이메일은 {email}입니다.",
           "phone": "연락처는 {phone}입니다.", "email": "이메일은 {email}입니다.",
           "none": "이메일로 다시 연락드리겠습니다.",
           "close": "감사합니다.", "recently": "얼마 전"},
    "pl": {"team": "Czy mogę rozmawiać z kimś z działu {t}?",
           "pc": "stanowisko {p} w firmie {c}", "p": "stanowisko {p}", "c": "stanowisko w firmie {c}",
           "on": "{d}", "site": " przez Państwa stronę internetową", "mail": " e-mailem", "named_source": " przez {s}",
           "both": "Mój numer telefonu to {phone}, a adres e-mail: {email}.",
           "phone": "Mój numer telefonu to {phone}.", "email": "Mój adres e-mail to {email}.",
           "none": "Napiszę do Państwa również e-mail.", "close": "Z poważaniem,", "recently": "niedawno"},
    "es": {"team": "alguien de {t}",
           "pc": "el puesto de {p} en {c}", "p": "el puesto de {p}", "c": "la vacante en {c}",
           "on": "el {d}", "site": " a través de su página web", "mail": " por correo electrónico",
           "named_source": " a través de {s}",
           "both": "Puede localizarme en el {phone} o por correo electrónico en {email}.",
           "phone": "Puede localizarme en el {phone}.", "email": "Puede escribirme a {email}.",
           "none": "Le escribiré también por correo electrónico.", "close": "Un cordial saludo,",
           "recently": "recientemente"},
}


# Words that make a source the employer's own site or e-mail, and sources that name no place an
# application can be sent "through" (a fair, a referral, an agency, a job board), in the
# languages scripts are written in; the English ones are phrases.py's.
_SITE_WORDS = ("website", "site", "webseite", "homepage", "karriereseite", "karriereportal", "firmenseite",
               "unternehmensseite", "firmenwebsite", "web", "página", "pagina", "sitio", "sito", "carrières",
               "strona", "internetowa")
_MAIL_WORDS = ("e-mail", "email", "mail", "courriel", "correo")
_NO_PLACE = ("empfehlung", "messe", "jobmesse", "personalvermittlung", "jobbörse", "stellenbörse", "agentur",
             "recommandation", "cooptation", "salon", "forum", "cabinet", "candidature spontanée", "jobboard",
             "recomendación", "referencia", "feria", "agencia", "bolsa", "portal de empleo", "red de antiguos",
             "réseau", "netzwerk", "alumni", "contacto",
             # ways of applying, not places: an unsolicited application, a referral
             "initiativ", "spontan", "espontáne", "spontané", "referid", "referral", "referred", "recomendad",
             "empfohlen", "empfehl",
             # Polish: a referral, a job fair, an agency, an alumni network, a recruiter
             "polecen", "targi", "agencj", "absolwent", "rekruter")


# a company name ending in an abbreviation: "Miramar S.L."
@functools.cache
def _abbreviation() -> re.Pattern[str]:
    return re.compile(r"\.\w+\.$")


@functools.cache
def _double_stop() -> re.Pattern[str]:
    return re.compile(r"(?<=\w\.)\.(?!\.)")


def finish(text: str) -> str:
    """A rendered localised script with the one full stop a sentence ending in "S.L." needs."""
    return _double_stop().sub("", text)


def source_kind(source: str) -> str:
    """What a source says for a localised script: "site" (the employer's website), "mail", or
    "named_source" (a platform's own name: LinkedIn, StepStone, InfoJobs), else "" (said nothing
    rather than risk a wrong phrase)."""
    from .phrases import via as english_via

    text = " ".join(source.split())
    low = text.casefold()
    english = english_via(text)     # the English words: "Company website", "email", "job board"...
    if not text:
        return ""
    whole = set(re.split(r"[^\w-]+", low))
    if english == " through your website" or whole & set(_SITE_WORDS):
        return "site"
    if english == " by e-mail" or whole & set(_MAIL_WORDS):
        return "mail"
    if english != f" through {text}" or any(w in low for w in _NO_PLACE):
        return ""
    words = text.split()
    if len(words) <= 3 and all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return "named_source"
    return ""


# The user already returned the employer's call and left a message: the next call says so, with
# the day or without one (`l.left`, with its leading space where the language puts one).
_LEFT_A_MESSAGE: dict[str, tuple[str, str]] = {
    "de": (" Ich habe {d} schon einmal zurückgerufen und Ihnen eine Nachricht hinterlassen.",
           " Ich habe schon einmal zurückgerufen und Ihnen eine Nachricht hinterlassen."),
    "fr": (" J'ai essayé de vous rappeler {d} et je vous ai laissé un message.",
           " J'ai déjà essayé de vous rappeler et je vous ai laissé un message."),
    "es": (" Intenté devolverle la llamada {d} y le dejé un mensaje.",
           " Ya intenté devolverle la llamada y le dejé un mensaje."),
    "it": (" Ho provato a richiamarla {d} e le ho lasciato un messaggio.",
           " Ho già provato a richiamarla e le ho lasciato un messaggio."),
    "pt": (" Tentei retornar a ligação {d} e deixei um recado.",
           " Já tentei retornar a ligação e deixei um recado."),
    "nl": (" Ik heb {d} al geprobeerd terug te bellen en een bericht ingesproken.",
           " Ik heb al geprobeerd terug te bellen en een bericht ingesproken."),
    # (an impersonal turn: a Polish first person in the past says the speaker's gender)
    "pl": (" {d} nie udało się połączyć, więc została nagrana wiadomość na poczcie głosowej.",
           " Wcześniej nie udało się połączyć, więc została nagrana wiadomość na poczcie głosowej."),
    "zh": ("我{d}回过电话，也给您留了言。", "我之前回过电话，也给您留了言。"),
    "ja": ("{d}一度折り返しお電話し、留守番電話にメッセージを残しております。",
           "一度折り返しお電話し、留守番電話にメッセージを残しております。"),
    "ko": (" {d} 다시 전화드렸는데 연결이 되지 않아 메시지를 남겨 두었습니다.",
           " 앞서 다시 전화드렸는데 연결이 되지 않아 메시지를 남겨 두었습니다."),
}


def localised_phrases(context: dict[str, Any], language: str) -> dict[str, str]:
    """The phrases a localised template calls `l.NAME`: `role` (the role and company, '' with
    neither), `when` (when I applied), `via` (where to, with a leading space, or ''),
    `reach_me` (the voicemail's last sentence), `close` (the e-mail's sign-off line), `company`
    (without a final period), `called_on` (when the employer got in touch: "am 3. November", ''
    without the day) and, in French, `de_position` ("d'Analyste", "de Data analyst")."""
    from babel.dates import format_timedelta

    words = _PHRASES[language]
    company, position = context["company"], context["position"]
    if not _abbreviation().search(company):       # "S.L.", "B.V." keep their dots; finish() drops a second
        company = company.rstrip(".")
    de_position = _de_position(position) if language == "fr" else ""
    bei = german_bei(company) if language == "de" else ""
    role = words["pc" if company and position else "p" if position else "c"].format(
        p=position, c=company, dp=de_position, bei=bei) if company or position else ""
    days = int(context["days_since_applied"] or 0)
    if context["applied_on"]:
        when = _on_day(context["applied_on"], language)
    elif days >= 1:
        when = format_timedelta(dt.timedelta(days=-days), add_direction=True, threshold=1.5, locale=language)
        if language in ("ja", "zh"):
            when = when.replace(" ", "")                 # 2週間前
        when += {"ja": "に", "ko": "에"}.get(language, "")   # 2週間前に, 2주 전에
    else:
        when = words["recently"]
    kind = source_kind(context["source"])
    via = words[kind].format(s=context["source"].strip()) if kind else ""
    me = context["me"]
    phone, email = me["phone"], me["email"]
    key = "both" if phone and email else "phone" if phone else "email" if email else "none"
    called_on = ""
    if context.get("employer_called_on"):
        called_on = _on_day(context["employer_called_on"], language)
    left = ""
    if context.get("message_left"):     # their call already returned once, a message left (rules §7)
        on_day = _on_day(context["message_left_on"], language) if context.get("message_left_on") else ""
        left = _LEFT_A_MESSAGE[language][0 if on_day else 1].format(d=on_day)
    said = {"role": role, "when": when, "via": via, "reach_me": words[key].format(phone=phone, email=email),
            "left": left,
            "close": words["close"], "company": company, "de_position": de_position, "called_on": called_on,
            "call_back": (call_back_sentence(context.get("call_back_on", ""), language)
                          or hold_passed_sentence(context.get("hold_until", ""), language))}
    dept = context.get("referrer_dept", "")        # the referrer's department, after "from"
    said["dept"] = unit_phrase(dept, language, _DEPT_FRAME[language]) if dept and language in _DEPT_FRAME else ""
    if language == "zh":     # the company, then the position: a space only between two Latin words
        latin = bool(company) and bool(position) and company[-1].isascii() and company[-1].isalnum() \
            and position[0].isascii() and position[0].isalnum()
        said["company_position"] = company + (" " if latin else "") + position
    if language == "de":
        said["bei"] = bei
        # after "über" a company goes with its article, which only a legal form or a head noun
        # tells for certain ("die Brenner GmbH"); a bare name ("Stadtwerke Halle", plural; "Zeiss")
        # is not guessed: the sentence says "Ihr Unternehmen" instead, which needs no article
        said["company_acc"] = german_company(company, "acc") if company and _german_gender(company.split()) else ""
        said["from_team"] = unit_phrase(context["team"], "de", "aus dem Bereich {t}") if context.get("team") else ""
    return said


_DEPT_FRAME = {"de": "aus der Abteilung {t}", "fr": "du service {t}", "es": "del departamento de {t}",
               "pl": "z działu {t}"}


# "I was asked to call back after …" (the English m.call_back()), with the day the notes state,
# in each language's words; "{d}" is the day as `human_date` says it, and the sentence follows
# another one (a leading space where the language puts one between sentences). Dutch, Korean and
# Polish say it in their templates, with `call_back_on`.
_CALL_BACK_SENTENCE = {
    "de": " Mir wurde gesagt, ich solle mich ab dem {d} wieder melden.",
    "fr": " On m'avait demandé de reprendre contact à partir du {d}.",
    "es": " Me indicaron que volviera a ponerme en contacto a partir del {d}.",
    "zh": "之前贵公司请我从{d}起再联系。",          # 以后 would leave out the day itself
    "ja": "{d}以降にご連絡するようにとのことでした。",
    "it": " Mi era stato chiesto di farmi risentire a partire dal {d}.",
    "pt": " Vocês tinham me pedido para retomar o contato a partir do dia {d}.",
}


# "I understood there was a pause until …, so I'm checking in now that it has passed" (the English
# m.call_back() on a hold's end day and after), in each language's words; "{d}" as `human_date`.
_HOLD_PASSED_SENTENCE = {
    "de": " Ich hatte verstanden, dass das Verfahren bis zum {d} ruht; deshalb melde ich mich jetzt wieder.",
    "fr": " J'avais compris que le recrutement était suspendu jusqu'au {d} ; je reprends donc contact maintenant.",
    "es": " Tenía entendido que el proceso estaba en pausa hasta el {d}, por eso retomo el contacto ahora.",
    "it": " Avevo capito che la selezione era sospesa fino al {d}, per questo mi faccio risentire ora.",
    "pt": " Eu tinha entendido que o processo estava suspenso até {d}, por isso estou retomando o contato agora.",
    "nl": " Ik had begrepen dat de procedure tot {d} stillag; daarom neem ik nu weer contact op.",
    "pl": " Rozumiem, że proces rekrutacji był wstrzymany do {d}, dlatego odzywam się ponownie.",
    "zh": "我了解到招聘流程暂停到{d}，现在已经过了这个时间，所以再与您联系。",
    "ja": "{d}まで選考を一時停止されていると伺っておりましたので、改めてご連絡いたしました。",
    "ko": " {d}까지 채용이 잠시 중단된다고 들었기에, 이제 다시 연락드립니다.",
}


def hold_passed_sentence(day: str, language: str) -> str:
    """The sentence saying the hold the notes told of has ended on `day` and so I get in touch
    ('' without a day or a sentence for the language)."""
    if not day or language not in _HOLD_PASSED_SENTENCE:
        return ""
    said = _HOLD_PASSED_SENTENCE[language].format(d=day)
    return re.sub(r"\bal (8|11) ", r"all'\1 ", said) if language == "it" else said     # "fino all'8"


def call_back_sentence(day: str, language: str) -> str:
    """The sentence saying I was asked to get in touch again from `day` ('' without a day, or in
    a language that has no sentence for it here)."""
    if not day or language not in _CALL_BACK_SENTENCE:
        return ""
    said = _CALL_BACK_SENTENCE[language].format(d=day)
    return re.sub(r"\bdal (8|11) ", r"dall'\1 ", said) if language == "it" else said     # "dall'8 novembre"


def _on_day(day: str, language: str) -> str:
    """'on November 3' as the language says it with a date already in its words: 'am 3. November',
    'le 3 novembre', "l'8 novembre" (Italian elides before 8 and 11), '11月3日に'."""
    if language == "it" and day.startswith(("8 ", "11 ")):
        return f"l'{day}"
    return _PHRASES[language]["on"].format(d=day)


# a vowel, or an h that is mute (an aspirated h, as in "hauteur", "héros", "hors", keeps "de")
@functools.cache
def _elided() -> re.Pattern[str]:
    return re.compile(r"^(?:[aeiouàâäéèêëîïôöùûüœæ]|h(?!a(?:ut|ch|rd)|éros|ibou|ors|ou))", re.I)


def _de_position(position: str) -> str:
    """French "de" before a job title, elided before a vowel or a mute h: "d'Analyste reporting",
    "d'Hôtesse d'accueil", "de Data analyst", "de Hauteur…" (an aspirated h keeps "de")."""
    return f"d'{position}" if _elided().match(position) else f"de {position}"


# The first follow-up's channel per language, when [cadence] first_channel does not say (rules
# §8; docs/rules.md §11 gives the reasons): in Japanese and Korean hiring an unrequested call to
# a company's HR is widely taken as pushy, and applications run through written channels; in
# Polish hiring applications go through job portals whose postings say only chosen candidates
# will be contacted, and a short e-mail is the usual first follow-up; in the other languages' job
# markets a short call after a written application is common advice.
FIRST_CHANNEL = {code: "call" for code in LANGUAGES} | {"ja": "email", "ko": "email", "pl": "email"}
_FIRST_CHANNEL_SITUATIONS = ("check_in", "autoresponse", "referral", "hiring_manager", "recruiter")


def first_channel(settings: Any) -> str:
    """`call` or `email`: the setting, else the language's default."""
    return str(settings.first_channel or FIRST_CHANNEL.get(settings.language or ENGLISH, "call"))


def with_first_channel(plan: pd.DataFrame, frame: pd.DataFrame, settings: Any) -> pd.DataFrame:
    """The plan, with the first follow-up after applying (none counted yet) of each row that has
    an e-mail address sent by e-mail when the first channel is e-mail. Offers, interviews and
    competing interest keep their call; a row without an address keeps its call."""
    if first_channel(settings) != "email" or plan.empty:
        return plan
    address = (frame["contact_email"].astype(str).str.contains("@") | frame["contact"].astype(str).str.contains("@"))
    first = ((plan["follow_ups"] == 0) & (plan["channel"] == "call") & plan["situation"].isin(_FIRST_CHANNEL_SITUATIONS)
             & address.reindex(plan.index, fill_value=False))
    if not first.any():
        return plan
    plan = plan.copy()
    plan.loc[first, "channel"] = "email"
    return plan
