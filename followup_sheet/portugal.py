"""Render stage, Portuguese as Portugal speaks it: whether a Portuguese tracker is kept in Portugal
(the country set, else its own words), and the scripts, written in Brazilian Portuguese, said the
European way (`in_form`): the progressive with "a" and the infinitive, the pronoun after the verb,
and Portugal's words for a call, a contact, a team and a voicemail."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

# What a tracker kept in Portugal writes and a Brazilian one does not, and the other way round: the
# pronoun joined after a verb ("ligaram-me", "enviou-lhe"), "estar a" with an infinitive, and the
# spellings and words of each ("contacto", "telemóvel", "equipa", "receção" against "contato",
# "celular", "equipe", "recepção"; a pronoun before the verb at the start of a clause, "me ligaram").
_EUROPEAN = (r"\b\w+(?:ar|er|ir|ou|am|ei|ram|em)-(?:me|lhe|lhes|nos|se|o|a)\b"
             r"|\b(?:estou|está|esta|estamos|estão|estava|fico|fiquei|ficou)\s+(?:a|à)\s+\w+(?:ar|er|ir)\b"
             r"|\bcontact(?:o|os|ar|ou|aram|ei)\b|\btelem[óo]vel\b|\bequipa\b|\brece[çc][ãa]o\b|\bfacto\b"
             r"|\bactual\b|\bdirec[çc][ãa]o\b|\bgabinete\b|\bficheiro\b|\bcorreio de voz\b")
_BRAZILIAN = (r"(?:^|[.;,!?]\s*)(?:me|te|se|lhe)\s+\w+(?:ou|aram|eu|eram|iu|iram)\b"
              r"|\b(?:estou|está|estamos|estão|estava)\s+\w+(?:ando|endo|indo)\b"
              r"|\bcontat(?:o|os|ar|ou|aram|ei)\b|\bcelular\b|\bequipe\b|\brecep[çc][ãa]o\b|\bcaixa postal\b")


@functools.cache
def _markers() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(_EUROPEAN, re.IGNORECASE), re.compile(_BRAZILIAN, re.IGNORECASE | re.MULTILINE)


def written_in_portugal(texts: Iterable[str]) -> bool:
    """Whether these texts (a tracker's headers and notes) are more European than Brazilian."""
    european, brazilian = _markers()
    here = there = 0
    for text in texts:
        here += len(european.findall(text))
        there += len(brazilian.findall(text))
    return here > there


def portuguese_form(trackers: list[Any], settings: Any) -> str:
    """The Portuguese the scripts speak (rules §8): "portugal" or "brazil"; "" when the run does not
    speak Portuguese. `settings.portuguese` when set, else the country's (PT, BR), else the
    tracker's own words; Brazilian when they do not tell."""
    if settings.language != "pt":
        return ""
    if settings.portuguese:
        return settings.portuguese
    country = (settings.country or "").upper().split("-")[0]
    if country in ("PT", "BR"):
        return "portugal" if country == "PT" else "brazil"
    texts: list[str] = []
    for tracker in trackers:
        texts.extend(info.header for info in tracker.columns.values())
        frame = tracker.frame
        for column in ("notes", "response", "stage", "contact"):
            if column in frame:
                texts.extend(frame[column].dropna().astype(str).tolist()[:500])
    return "portugal" if written_in_portugal(texts) else "brazil"


# The scripts' Brazilian phrases and Portugal's, the longer first. Most are the grammar: a pronoun
# after the verb it goes with ("poderia me dizer" is "poderia dizer-me"); the progressive is
# `_GERUND`'s.
_PHRASES: tuple[tuple[str, str], ...] = (
    (r"\bEu poderia falar\b", "Podia falar"),
    (r"\bPoderia me transferir para\b", "Podia passar-me"),
    (r"\bpassar-me a pessoa\b", "passar-me à pessoa"),
    (r"\b(poderia|Poderia|possa|pode|Pode|podem|podia)\s+me\s+(\w+(?:ar|er|ir))\b", r"\1 \2-me"),
    (r"\b(devem|deveriam|vão|iam)\s+me\s+dar um retorno\b", r"\1 dar-me uma resposta"),
    (r"\b(devem|deveriam|vão|iam)\s+me\s+(\w+(?:ar|er|ir))\b", r"\1 \2-me"),
    (r"\bVocês tinham me pedido\b", "Tinham-me pedido"),
    (r"\btinham me pedido\b", "tinham-me pedido"),
    # a name as the subject: "Ana me indicou" is "Ana indicou-me"; after "quem", "que" or "não" the
    # pronoun stays before the verb in Portugal too ("Quem me indicou foi Ana")
    (r"\b(?!(?:Quem|Que|Não|Já|Também|Se|Como|Quando|Onde)\b)([A-ZÀ-Ý][\w.]*(?:\s+[A-ZÀ-Ý][\w.]*)*)\s+me\s+"
     r"(sugeriu|indicou|recomendou|pediu|disse)\b", r"\1 \2-me"),
    (r"\bpor favor me (\w+)\b", r"por favor \1-me"),
    (r"\bO meu perfil se encaixa\b", "O meu perfil enquadra-se"),
    (r"\bagradecer (mais uma vez )?pela\b", r"agradecer \1a"),
    (r"\baté o\b", "até ao"),
    (r"\baté a (?!vocês)", "até à "),
    (r"^Atenciosamente,", "Com os melhores cumprimentos,"),
    (r"\bretornando (a sua|a|uma) ligação\b", r"a devolver \1 chamada"),
    (r"\bligação\b", "chamada"),
    (r"\bligações\b", "chamadas"),
    (r"\bretomando o contato\b", "a retomar o contacto"),
    (r"\bretomar o contato\b", "retomar o contacto"),
    (r"\bentrar em contato\b", "entrar em contacto"),
    (r"\bcontatos\b", "contactos"),
    (r"\bcontato\b", "contacto"),
    (r"\bequipes\b", "equipas"),
    (r"\bequipe\b", "equipa"),
    (r"\bCaixa postal\b", "Correio de voz"),
    (r"\bcaixa postal\b", "correio de voz"),
    (r"\bcelular\b", "telemóvel"),
    (r"\bem que pé\b", "em que ponto"),
    (r"\bTem algo que\b", "Há alguma coisa que"),
    (r"\bTem mais alguém\b", "Há mais alguém"),
    (r"\bse encaixa\b", "se enquadra"),
    (r"\bos processos seletivos são corridos\b", "os processos de recrutamento são exigentes"),
    (r"\bprocesso seletivo\b", "processo de recrutamento"),
    (r"\bdar um retorno\b", "dar uma resposta"),
    (r"\balgum retorno\b", "alguma resposta"),
    (r"\bbuscando alguém\b", "à procura de alguém"),
    (r"\bcuidando d", "a tratar d"),
    # a possessive takes its article in Portugal: "meu nome é" is "o meu nome é"
    (r"(^|[.!?:]\s+)Meu\b", r"\1O meu"),
    (r"(^|[.!?:]\s+)Minha\b", r"\1A minha"),
    (r", meu nome\b", ", o meu nome"),
    (r"\b1º de\b", "1 de"),
)
# "estou ligando" is "estou a ligar" in Portugal: a form of "estar" and a gerund
_GERUND = r"\b(estou|Estou|está|estamos|estão|estava|esteja)\s+(\w+?)(a|e|i)ndo\b"


@functools.cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p, re.MULTILINE), r) for p, r in _PHRASES) + ((re.compile(_GERUND), r"\1 a \2\3r"),)


def in_form(text: str) -> str:
    """A script written in Brazilian Portuguese as it is said in Portugal."""
    for pattern, replacement in _compiled():
        text = pattern.sub(replacement, text)
    return text
