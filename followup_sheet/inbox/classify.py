"""Inbox, classifying: one `Mail` -> what it is (rejection, offer, interview invitation, automatic
confirmation, recruiter outreach, a person's reply, or nothing for the tracker), the words that
decided it, and an interview's date when the message or its calendar invitation gives one.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from ..plan import WordList, word_list
from . import grammar
from . import words as W
from .mailsource import Mail

REPLY = "reply"            # a person wrote back
AWAY = W.AWAY              # an out-of-office reply, with the day the person is back
NEWSLETTER = "newsletter"  # a mailing list: never about one application
OTHER = "other"            # nothing a tracker needs


@dataclass(frozen=True)
class Classified:
    kind: str                         # one of words.KINDS, REPLY, AWAY, NEWSLETTER or OTHER
    words: tuple[str, ...] = ()       # what decided it
    interview_on: dt.date | None = None
    back_on: dt.date | None = None    # an out-of-office reply's day of return

    @property
    def for_tracker(self) -> bool:
        return self.kind not in (NEWSLETTER, OTHER)


@functools.cache
def kind_words(kind: str) -> WordList:
    """Every language's words for `kind`, as one list (Korean apart: see `phrases_found`)."""
    return word_list(_kind_tuple(kind))


@functools.cache
def _kind_tuple(kind: str) -> tuple[str, ...]:
    return tuple(w for table in W.WORDS.values() for w in table.get(kind, ()))


_HANGUL = re.compile("[\uac00-\ud7a3]")


@functools.cache
def _split_korean(words: tuple[str, ...]) -> tuple[WordList, re.Pattern]:
    """The words as a WordList, but the Korean ones as a pattern found inside words: Korean joins
    its endings to the word ("지원해 주셔서 감사합니다" holds "지원해 주셔서 감사", "휴가입니다" holds
    "휴가"), so a whole-word match misses them."""
    korean = sorted((w for w in words if _HANGUL.search(w)), key=len, reverse=True)
    pattern = "|".join(r"\s*".join(map(re.escape, p.split())) for p in korean)
    return word_list(tuple(w for w in words if not _HANGUL.search(w))), re.compile(pattern or r"(?!x)x")


def phrases_found(words: tuple[str, ...], text: str) -> list[str]:
    """The listed words and phrases the text holds (plan.WordList's way; Korean inside words)."""
    listed, korean = _split_korean(words)
    return listed.found(text) + ([m.group(0) for m in korean.finditer(text)] if _HANGUL.search(text) else [])


def words_found(kind: str, text: str) -> list[str]:
    """The words of `kind` the text holds, in every language."""
    return phrases_found(_kind_tuple(kind), text)


def is_platform(domain: str) -> bool:
    """Whether the sender's domain is an applicant-tracking system, a job board or an assessment
    platform (it sends for employers)."""
    return any(domain == d or domain.endswith("." + d) for d in (*W.ATS_DOMAINS, *W.ASSESSMENT_DOMAINS))


_OFFER_FILE = re.compile(W.OFFER_FILE, re.IGNORECASE)


def offer_attached(mail: Mail) -> list[str]:
    """The attached files whose names say they are the offer or its contract."""
    if mail.bulk:
        return []
    return [f"attached {name}" for name in mail.attachments if _OFFER_FILE.search(re.sub(r"[_\-.]+", " ", name))]


_QUOTE_START = re.compile("|".join(W.QUOTE_STARTS), re.IGNORECASE)
_REPLY_PREFIX = re.compile(W.REPLY_PREFIX, re.IGNORECASE)


def own_words(text: str) -> str:
    """The text without what it quotes: '>' lines and everything after "On ... wrote:" and its kin."""
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        if _QUOTE_START.match(stripped):
            break
        if not stripped.startswith(">"):
            kept.append(line)
    return "\n".join(kept)


_FORWARD_MARKER = re.compile(W.FORWARD_MARKER, re.IGNORECASE)
# a marker that says "forwarded" (not "original message", which also opens a reply's quote)
_FORWARD_WORD = re.compile(r"forward|weitergeleit|transf|reenvi|inoltr|encaminh|doorgestuurd|przekazan|전달|转发|転送",
                           re.IGNORECASE)
# a header line of the message passed on ("From: ...", "Date : ...", "Wysłano: ...", "보낸사람: ...")
_HEADER_LINE = re.compile(r"^\s*[^\W\d_][^\W\d_ .\-]*(?:[ .\-][^\W\d_]+){0,2}\s*[:：]")


def passed_on(mail: Mail) -> Mail:
    """A message a person of a company forwards to the reader (the scheduling team's confirmation,
    a manager's answer) read as that message: the forwarder's own words, then the message passed
    on without its header lines. A forward from a mail service's address (a friend's tip), from a
    tracking system, a list, or the reader's own copy is read as it is (its own words only)."""
    if mail.to_self or mail.bulk or not mail.domain or mail.domain in W.FREE_MAIL or is_platform(mail.domain):
        return mail
    lines = mail.text.splitlines()
    start = next((i for i, line in enumerate(lines) if _FORWARD_MARKER.match(line)), None)
    if start is None or not (_FORWARD_PREFIX.match(mail.subject) or _FORWARD_WORD.search(lines[start])):
        return mail
    rest = lines[start + 1:]
    while rest and not rest[0].strip():
        rest = rest[1:]
    while rest and rest[0].strip() and _HEADER_LINE.match(rest[0]):
        rest = rest[1:]
    own = own_words("\n".join(lines[:start]))
    return replace(mail, text=f"{own}\n\n{own_words(chr(10).join(rest))}")


_DIGEST_SENDER = re.compile(r"alert|digest|newsletter|recommend|jobmail|jobagent|weekly|daily|news|updates",
                            re.IGNORECASE)
# a mailbox named as a newsletter's or an alert's in the reader's languages, a word of its own
# between dots, dashes or underscores (never a surname such as j.daily@)
_NEWSLETTER_BOX = re.compile(r"(?:^|[._+-])(?:newsletters?|nieuwsbrief|boletin|infolettre|lettre-?info|rundbrief"
                             r"|biuletyn|digest|(?:job)?alerts?|alertas?|alertes?|avisos)(?:$|[._+-])", re.IGNORECASE)
_FORWARD_PREFIX = re.compile(W.FORWARD_PREFIX, re.IGNORECASE)
_KIND_PATTERNS = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in W.KIND_PATTERNS.items()}


def _kind_pattern(kind: str) -> re.Pattern:
    return _KIND_PATTERNS.get(kind) or _NOTHING


_NOTHING = re.compile(r"(?!x)x")


def _kinds_found(mail: Mail, text: str) -> tuple[dict[str, list[str]], list[grammar.Said]]:
    """Each kind's evidence: its listed words and patterns (outside a condition), what the
    sentences say by their structure, and an attached offer; and the sentences' readings."""
    listed = {kind: [w for w in words_found(kind, text) or [m.group(0) for m in _kind_pattern(kind).finditer(text)]
                     if kind == W.REJECTION or not grammar.only_a_condition(text, w)]
              for kind in W.KINDS}
    sent = mail.date.date() if mail.date else None
    # what its sentences say by their structure: who is chosen, negated or not, a day offered instead
    said = grammar.what_it_says(text, sent, grammar.about_a_meeting(f"{mail.subject}\n{mail.text}"), days_in)
    for s in said:
        if s.kind in listed:
            listed[s.kind].append(s.sentence)
    listed[W.OFFER] += offer_attached(mail)
    return listed, said


def is_reply(subject: str) -> bool:
    return _REPLY_PREFIX.match(subject) is not None and _FORWARD_PREFIX.match(subject) is None


def classify(mail: Mail) -> Classified:
    """What the message is, rules §2's way: whole words, outside a negation, the first kind that
    matches wins (rejection, offer, interview, confirmation, recruiter); then a person's reply."""
    platform = is_platform(mail.domain)
    if mail.to_self:
        return Classified(OTHER, ("your own message",))   # a forward kept as a note: nothing anyone did
    if (mail.bulk and not platform) or (platform and _DIGEST_SENDER.search(mail.local_part)) \
            or _NEWSLETTER_BOX.search(mail.local_part):
        # a list mail; from a job board, its alerts and digests, with a list header or without one;
        # from any address whose box is a newsletter's or alerts' (nieuwsbrief@, alertas@)
        return Classified(NEWSLETTER)
    text = f"{mail.subject}\n{own_words(mail.text)}"
    away = _away(mail, text)
    if away is not None:
        return away
    context = words_found(W.CONTEXT, text)
    person_reply = not mail.automated and not platform and is_reply(mail.subject)
    # a person answering the user's own mail needs no job words ("AW: Buchhalterin"), nor does a
    # message that says a listed phrase of a kind (内定とさせて, "bring you in for a final round"):
    # the match decides
    fresh = own_words(mail.text) if is_reply(mail.subject) else text   # a reply's subject is the thread's, old
    listed, said = _kinds_found(mail, text)
    listed[W.INTERVIEW] = _not_only_in_subject(listed[W.INTERVIEW], mail.subject, fresh)
    meeting = asks_to_meet(fresh) if not (mail.automated or platform or mail.bulk) else ""
    reminder = reminds_of_meeting(fresh, mail.date.date() if mail.date else None) if not mail.bulk else None
    # someone of the company asks the reader something (references, a salary, when they are free)
    # (a question from no company's address matches no row, and is then listed nowhere; one from its
    # marketing's mailbox, "Ready for winter?", asks nothing about an application)
    asked = asks_the_reader(text) if not (mail.automated or platform or mail.bulk or _NO_REPLY.search(
        mail.local_part) or _MARKETING_BOX.match(mail.local_part)) else ""
    if not (context or mail.invitations or platform or person_reply or meeting or any(listed.values())
            or mail.cancelled or reminder or asked):
        return Classified(OTHER)
    cancelled = [s.sentence for s in said if s.kind == grammar.CANCELLED]
    offered = [s for s in said if s.day is not None]
    for kind in W.KINDS:
        found = listed[kind]
        if kind == W.INTERVIEW and (cancelled or mail.cancelled) and not offered:
            # a meeting called off, no other day given: their contact, not an interview's day
            return Classified(REPLY, tuple(cancelled or ["calendar invitation cancelled"]))
        if kind == W.INTERVIEW and mail.invitations and not found:
            found = ["calendar invitation"]
        if kind == W.CONFIRMATION:
            turned = _not_a_confirmation(found, text, asked, None if cancelled or mail.cancelled else reminder)
            if turned is not None:
                return turned
        if found and kind == W.REJECTION and not platform and _ON_HOLD.search(fresh):
            # the opening put on hold, the application kept: a person's news, no rejection
            return Classified(REPLY, (_ON_HOLD.search(fresh).group(0),))   # type: ignore[union-attr]
        if found:
            day = None
            if kind == W.INTERVIEW:   # a day offered instead moves it, unless an invitation is attached
                day = offered[-1].day if offered and not mail.invitations else interview_day(mail, text)
                if not mail.invitations and slots_offered(fresh, mail.date.date() if mail.date else None):
                    day = None        # "Tuesday 8th or Thursday 10th?": no day until one is taken
            return Classified(kind, tuple(dict.fromkeys(found)), day)
    return _no_listed_kind(mail, text, meeting, asked, person_reply=person_reply,
                           from_person=bool(context) and not platform and from_a_person(mail))


def _no_listed_kind(mail: Mail, text: str, meeting: str, asked: str, *, person_reply: bool,
                    from_person: bool) -> Classified:
    """What a message no kind's words name is: a person naming a day to meet (in words no list
    holds), the slot the reader took said back in a reply about the meeting, a question to the
    reader or a reply of a person, a person of the company writing; else nothing."""
    if meeting:
        return Classified(W.INTERVIEW, (meeting,), interview_day(mail, text))
    slot = slot_taken(mail, about_a_meeting=bool(_MEETING.search(mail.subject) or _GLUED_MEETING.search(
        mail.subject))) if person_reply else None
    if slot is not None:
        return Classified(W.INTERVIEW, (slot[0],), slot[1])
    if asked or person_reply:
        return Classified(REPLY, (asked or "a reply from a person",))
    if from_person and not mail.automated and not mail.bulk \
            and _FORWARD_PREFIX.match(mail.subject) is None:   # a forward passes on someone else's words
        return Classified(REPLY, ("a message from a person",))   # a person of the company writes, no "Re:"
    return Classified(OTHER)


def _not_only_in_subject(found: list[str], subject: str, fresh: str) -> list[str]:
    """The evidence of an invitation less what a reply's subject alone says ("Re: Interview on
    Monday" names the thread's old invitation); `fresh` is the text the message's own words are in."""
    if not is_reply(subject):
        return found
    return [w for w in found if not (w.casefold() in subject.casefold() and w.casefold() not in fresh.casefold())]


def _not_a_confirmation(found: list[str], text: str, asked: str,
                        reminder: tuple[str, dt.date] | None) -> Classified | None:
    """What a message is that a confirmation's words alone would not say: a thank-you that goes on
    with bad news (nothing), or to ask the reader something (a person's reply), or the reminder of
    the reader's own meeting with its day (an interview); None when none of them."""
    if found and word_list(W.REGRET).found(text):
        return Classified(OTHER, tuple(found))
    if found and asked:
        return Classified(REPLY, (asked,))
    if reminder is not None:
        return Classified(W.INTERVIEW, (reminder[0],), reminder[1])
    return None


_MEETING = re.compile(W.MEETING_WORDS, re.IGNORECASE)
_ON_HOLD = re.compile(W.ON_HOLD, re.IGNORECASE)
_APPOINTMENT = re.compile(W.APPOINTMENT_WORDS, re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:" + W.WEEKDAYS + r")\b", re.IGNORECASE)
# a dot inside a date (14.12.2026) ends no sentence, nor the last dot of a dotted date (14.12.)
_SENTENCE = re.compile(r"(?:\b\d{1,2}\.\d{1,2}\.|[^.!?\n。！？]|[.!?](?=\S))+")


def asks_to_meet(text: str) -> str:
    """The sentence in which a person names a meeting word (interview, chat, trial, Hearing, essai,
    entrevista, 面接) and a day for it (a weekday or a date): "we'd like to meet you at the bakery on
    Friday 11 December for an interview", or gives the day in the question right after it ("... wants
    to meet you in person. Are you free Thursday, December 10?"); '' when no sentence does."""
    def has_day(sentence: str) -> bool:
        return bool(_WEEKDAY.search(sentence) or _DATES.search(sentence) or grammar.weekday_pattern().search(sentence))

    sentences = [m for m in _SENTENCE.finditer(text)]
    for i, m in enumerate(sentences):
        sentence = m.group(0)
        if not _MEETING.search(sentence):
            continue
        after = sentences[i + 1] if i + 1 < len(sentences) else None
        asked = after is not None and text[after.end():after.end() + 1] == "?" and has_day(after.group(0))
        # "we confirm your appointment:" and the details below it (a table's "Date: Mon 14.12.2026")
        listed = sentence.rstrip().endswith((":", "：")) and any(has_day(s.group(0)) for s in sentences[i + 1:i + 4])
        if has_day(sentence) or asked or listed:
            return " ".join(sentence.split())[:80]
    return ""


_MARKETING_BOX = re.compile(r"^(?:news\w*|newsletter|marketing|info|hello|events?|offers?|promo\w*|shop|store|sales"
                            r"|deals?|mailing|community|updates?)$", re.IGNORECASE)
_NO_REPLY = re.compile(r"no-?reply|do-?not-?reply|donotreply|noreply|mailer|notifications?|automat|n[aã]o-?respond"
                       r"|no-?respond|pas-?repondre|nicht-?antworten|niet-?beantwoorden|non-?rispondere|nie-?odpowiadaj",
                       re.IGNORECASE)
# The reader's own meeting ("your interview", "Ihr zweites Gespräch", "tu entrevista", "votre entretien"):
# a possessive of the second person at most two words before the meeting word
_YOURS = re.compile(r"(?:\b(?:your|ihr|ihre[mnrs]?|dein\w*|tu|tus|su|sus|votre|vos|tuo|tua|il\s+suo|seu|sua|uw|je"
                    r"|twoj\w*|pana|pani)\s+(?:[^\W\d_]+\s+){0,2})$|(?:貴殿の|あなたの|明日の|本日の|您的|你的|귀하의)\S{0,6}$",
                    re.IGNORECASE)
# a meeting word alone or glued to another (gesprek, Vorstellungsgespräch), or a round said short (二面, 终面)
_GLUED_MEETING = re.compile(r"\b[^\W\d_]*(?:gespräch|interview|gesprek)\b|[一二三四终复]面", re.IGNORECASE)
_TOMORROW = re.compile(r"\b(?:tomorrow|morgen|demain|mañana|domani|amanhã|jutro)\b|明日|내일|明天", re.IGNORECASE)


def reminds_of_meeting(text: str, sent: dt.date | None) -> tuple[str, dt.date] | None:
    """The sentence that names the reader's own meeting with a day ahead ("your interview is
    tomorrow, 8 December", "Ihr Gespräch morgen um 13 Uhr") and that day (tomorrow counts), as a
    reminder or a confirmation of a booking says it, automatic or not; None when none does (a
    meeting already held names a day gone by)."""
    if sent is None:
        return None
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        meeting = _MEETING.search(sentence) or _GLUED_MEETING.search(sentence)
        if meeting is None or not _YOURS.search(sentence[max(0, meeting.start() - 40):meeting.start()]):
            continue
        # a day in the coming months (a year-less "30 November" gone by is not next year's)
        days = [day for _, day in days_in(sentence, sent) if (day - sent).days <= 183]
        if not days and _TOMORROW.search(sentence):
            days = [sent + dt.timedelta(days=1)]
        if days:
            return " ".join(sentence.split())[:80], days[0]
    return None


# a time of day: 14:00, 15h, 9.30, 10 Uhr, 2pm, 10時, 3点, 10시 (a digit before it is none: "上午10:00" is)
_CLOCK = re.compile(r"(?<![\d.:])\d{1,2}\s*(?:[:.]\s*\d{2}(?!\d)|h(?:\d{2})?\b|uhr\b|(?:am|pm)\b|[時点點시])",
                    re.IGNORECASE)


_OR = re.compile(r"\b(?:or|oder|ou|o|oppure|of|lub|ali)\b|或|还是|還是|または|もしくは|혹은|또는", re.IGNORECASE)


def slots_offered(text: str, sent: dt.date | None) -> bool:
    """Whether a sentence offers two or more days to choose from ("Tuesday 8 December at 10:00 or
    Thursday 10 December at 14:00?", "12月9日14時、または12月11日10時"): a word of choice between two
    different days of it."""
    if sent is None:
        return False
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        days = [(at, day) for at, day in days_in(sentence, sent)]
        for (a, first), (b, second) in zip(days, days[1:]):
            if first != second and _OR.search(sentence, a, b):
                return True
    return False


def slot_taken(mail: Mail, about_a_meeting: bool = True) -> tuple[str, dt.date] | None:
    """In a person's reply about a meeting, the sentence of their own words that names one day
    ahead with a time of day ("je vous appelle donc mercredi 9 décembre à 15h", "ci vediamo venerdì
    alle 14"): the slot taken, and its day. A day without a time (a decision "by Friday") is none.
    When the subject names no meeting ("Re: Vos disponibilités"), the words around the day must
    ("je vous confirme notre rendez-vous le vendredi 11 décembre à 11h")."""
    sent = mail.date.date() if mail.date else None
    if sent is None:
        return None
    body = own_words(mail.text)
    named = [(at, day) for at, day in days_in(body, sent) if 0 <= (day - sent).days <= 183]
    if len({day for _, day in named}) != 1:
        return None      # no day, or several (slots offered, not one taken)
    for at, day in named:
        near = body[max(0, at - 30):at + 50]     # the time of day said with it ("am 10. Dezember, um 9:30 Uhr")
        if not about_a_meeting and not (_MEETING.search(body[max(0, at - 60):at + 50])
                                        or _APPOINTMENT.search(body[max(0, at - 60):at + 50])):
            continue
        if _CLOCK.search(near):
            return " ".join(near.split()), day
    return None


# A question to the reader: the sentence ends with a question mark (or opens with ¿) and speaks to
# them ("could you send", "Könnten Sie", "¿cuál es tu"), or a Japanese request ("お知らせいただけますでしょうか");
# one that only offers help with questions ("Do you have any questions?") asks nothing of them.
_SECOND_PERSON = re.compile(r"\b(?:you|your|sie|ihnen|ihre?|du|dir|dein\w*|tu|te|ti|usted|vous|votre|lei|voi"
                            r"|você|vocês|seu|sua|seus|suas|teu|tua|tuo|tuoi|tue|su|sus|tus|u|jij|je|pan|pani|państwo"
                            # the verb says "you" itself: "potresti mandarmi", "¿podrías enviarme", "poderia"
                            r"|potresti|potrebbe|puoi|vorresti|podrías|podría|puedes|poderia|pode|podes|kannst|könntest"
                            r"|mógłby\w*|mogłab\w*|możesz|kun\s+je|kunt)\b"
                            r"|貴方|あなた|귀하|您|你", re.IGNORECASE)
_ABOUT_QUESTIONS = re.compile(r"question|frage|pregunt|duda|domand|dúvida|vraag|pytani|質問|不明|문의|疑问|問題",
                              re.IGNORECASE)
_REQUEST = re.compile(r"(?:[^\W\d_]+,\s+)?(?:please|kindly|pls)\s+(?:do\s+)?(?:share|send|let\s+(?:me|us)\s+know"
                      r"|confirm|provide|revert|fill|complete|forward|tell)\b|(?:bitte\s+)?(?:senden|schicken)\s+sie"
                      r"|merci\s+de\s+(?:nous|me)\s+(?:faire|envoyer|transmettre|confirmer|indiquer)"
                      r"|por\s+favor,?\s+(?:env[íi]a|ind[íi]ca|confirm)|stuur\s+(?:je|u)|prosz[ęe]\s+o\s+(?:przes|podan|inform)",
                      re.IGNORECASE)
_REQUEST_JA = re.compile(r"いただけ(?:ます|ない)でしょうか|いただけますか|お聞かせ(?:ください|願います)|ご教示"
                         # Korean and Chinese ask politely without a "you": "알려주실 수 있을까요?", "请问您能否..."
                         r"|주실\s*수\s*(?:있을까요|있으신가요|있나요|있으실까요)|주시겠(?:어요|습니까)|주시면\s*감사"
                         r"|请问|請問|能否|可否|麻烦您|麻煩您")


def asks_the_reader(text: str) -> str:
    """The first sentence that asks the reader something; '' when none does."""
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0).strip()
        end = text[m.end():m.end() + 1]
        question = end in ("?", "？")
        if _ABOUT_QUESTIONS.search(sentence):
            continue
        # (Spanish opens a question with ¿ and says "you" in the verb: "¿nos dices cuándo podrías ...?"; a
        # polite request needs no question mark: "Please share your notice period", "Merci de nous envoyer")
        if (question and (_SECOND_PERSON.search(sentence) or sentence.startswith("¿"))) \
                or _REQUEST_JA.search(sentence) or _REQUEST.match(sentence):
            return " ".join(sentence.split())[:80]
    return ""


# A person's name in Korean letters or Chinese characters, written without a space (2 to 4 letters)
_CJK_NAME = re.compile(r"^(?:[\uac00-\ud7a3]{2,4}|[\u4e00-\u9fff]{2,4})$")
# Mailboxes a team reads, not a person: their messages are announcements, not someone writing to you.
_ROLE_BOX = re.compile(r"^(?:info|jobs?|careers?|karriere|hr|rh|rrhh|news|newsletter|recruiting|recruitment|talent"
                       r"|talento|empleo|bewerbung|personal|contact|hello|team|office|admin|marketing|events?)$")


def from_a_person(mail: Mail) -> bool:
    """Whether the sender is a person by name ("Irene Soler <irene@...>"), not a team's mailbox."""
    words = [w.strip(".,'\"").casefold() for w in mail.sender_name.split()]
    if len(words) == 1 and _CJK_NAME.match(words[0]):
        words = [words[0][:1], words[0][1:]]   # 이수진, 王芳: a family name and a given name, no space
    if len(words) < 2 or any(w in W.SENDER_NOISE for w in words):
        return False
    return _ROLE_BOX.match(mail.local_part) is None


_AWAY_SUBJECT = re.compile(W.AWAY_SUBJECT, re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till|through|back|returning|return|bis|wieder|zurück|jusqu|retour|hasta|vuelvo|regreso"
                    r"|fino\s+a\w*|até|tot|do|wracam|terug|torno|rientro|regresso|volto)\b|まで|까지", re.IGNORECASE)


def _away(mail: Mail, text: str) -> Classified | None:
    """An out-of-office reply (automatic, or its subject says so) whose text says the person is
    away and gives the day they are back; None for any other message (an auto-reply that gives no
    day says nothing the tracker needs, and is no person's reply)."""
    if not (mail.automated or _AWAY_SUBJECT.match(mail.subject)):
        return None
    said = phrases_found(W.AWAY_WORDS, text)
    if not said and mail.automated and _AWAY_SUBJECT.match(mail.subject):
        # an automatic reply that says so in its subject, in words of its own ("at a conference and
        # back in clinic Monday", "absente jusqu'au 14"): a word of until or return before a day
        said = [m.group(0) for m in _UNTIL.finditer(text) if _DATES.search(text, m.end(), m.end() + 40)][:1]
    if not said:
        return None
    back = back_day(mail, text)
    if back is None:
        return Classified(OTHER, tuple(said))
    return Classified(AWAY, tuple(dict.fromkeys(said)), back_on=back)


def _month_pattern() -> tuple[re.Pattern, dict[str, int]]:
    numbers = grammar.month_numbers()   # Babel's names, every language the tool speaks
    names = "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
    pattern = re.compile(
        rf"(?P<iso>\b(?P<y1>20\d\d)-(?P<m1>\d\d)-(?P<d1>\d\d)\b)"
        rf"|(?P<dotted>\b(?P<d2>\d{{1,2}})\.(?P<m2>\d{{1,2}})\.(?:(?P<y2>20\d\d)\b|(?!\d)))"
        rf"|(?P<slashed>\b(?P<a6>\d{{1,2}})/(?P<b6>\d{{1,2}})(?:/(?P<y6>20\d\d))?(?![\d/]))"
        rf"|(?P<month_first>\b(?P<mn3>{names})(?!\w)\.?\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y3>20\d\d))?)"
        rf"|(?P<cjk>(?:(?P<y5>20\d\d)\s*[年년]\s*)?(?P<m5>\d{{1,2}})\s*[月월]\s*(?P<d5>\d{{1,2}})\s*[日일])"
        # (day first, spaced or dashed: "9 décembre", "09-Dec-2026", "10-dic-2026")
        rf"|(?P<day_first>\b(?P<d4>\d{{1,2}})(?:(?:\.|er|st|nd|rd|th)?\s+|-)(?:de\s+)?(?P<mn4>{names})\b"
        rf"(?:(?:\s+|-)(?:de\s+)?(?P<y4>20\d\d))?)",
        re.IGNORECASE)
    return pattern, numbers


_DATES, _MONTH_NUMBERS = _month_pattern()


def _found_day(m: re.Match, after: dt.date) -> dt.date | None:
    try:
        if m.group("iso"):
            return dt.date(int(m.group("y1")), int(m.group("m1")), int(m.group("d1")))
        if m.group("slashed"):
            return _slashed_day(m, after)
        if m.group("dotted"):
            month, day, year = int(m.group("m2")), m.group("d2"), m.group("y2")
        elif m.group("cjk"):
            month, day, year = int(m.group("m5")), m.group("d5"), m.group("y5")
        else:
            name, day, year = ((m.group("mn3"), m.group("d3"), m.group("y3")) if m.group("month_first")
                               else (m.group("mn4"), m.group("d4"), m.group("y4")))
            month = _MONTH_NUMBERS[name.casefold().rstrip(".")]
        if year:
            return dt.date(int(year), month, int(day))
        found = dt.date(after.year, month, int(day))
        return found if found >= after else dt.date(after.year + 1, month, int(day))   # year-less: the next one
    except ValueError:   # 31 February and the like
        return None


def _slashed_day(m: re.Match, after: dt.date) -> dt.date | None:
    """A date written with slashes (15/12, 12/9/2026): day first, as most of the world writes it,
    unless only the month-first reading is a date, or a weekday named right before it agrees with
    the month-first reading alone ("Wednesday 12/9")."""
    a, b, year = int(m.group("a6")), int(m.group("b6")), m.group("y6")
    readings = []   # (a day of the coming year's next months first, then the reading order) -> the day
    for order, (day, month) in enumerate(((a, b), (b, a))):
        try:
            found = dt.date(int(year) if year else after.year, month, day)
            if not year and found < after:
                found = found.replace(year=after.year + 1)
        except ValueError:
            continue
        readings.append(((found - after).days > 183, order, found))
    named = grammar.weekday_pattern().search(m.string, max(0, m.start() - 30), m.start())
    if named:
        weekday = grammar.weekday_numbers()[named.group("weekday").casefold()]
        agreeing = [r for r in readings if r[2].weekday() == weekday]
        readings = agreeing if len(agreeing) == 1 else readings
    return min(readings)[2] if readings else None


# Words right before a day that say the person is back on it ("back on", "ab dem 14.12. wieder",
# "de retour le", "de vuelta el"), and words that say the day is still away ("until and including").
_BACK_BEFORE = re.compile(r"(?:back|return\w*|wieder|zurück|\bab(?:\s+(?:dem|den))?|retour|vuelta|regres\w*|volver\w*|"
                          r"vuelvo|rientr\w*|torn\w*|terug|wracam|wróc\w*|regress\w*|volt\w*|retorn\w*)\W+(?:\w+\W+){0,5}$",
                          re.IGNORECASE)
_TILL_INCLUDED = re.compile(r"(?:einschließlich|einschl\.?|inklusive|inclusive|including|through|inclus|incluido"
                            r"|tot\s+en\s+met|t/m)"
                            r"\W+(?:\w+\W+){0,2}$", re.IGNORECASE)


# after the day: "inclusive", "compreso", "włącznie"
_INCLUDED_AFTER = re.compile(r"\W{0,3}(?:inclusive|included|inclus|incluido|inclusief|einschließlich|compreso|compresa"
                             r"|incluso|włącznie)\b", re.IGNORECASE)


def back_day(mail: Mail, text: str) -> dt.date | None:
    """The day an out-of-office sender is back: a day said after a word of return ("back on",
    "ab dem ... wieder"), else the first day named, the day after it when it is still a day away
    ("bis einschließlich 11.12.")."""
    sent = mail.date.date() if mail.date else None
    if sent is None:
        return None
    first = None
    for m in _DATES.finditer(text):
        day = _found_day(m, sent)
        if day is None or day < sent:
            continue
        before = text[max(0, m.start() - 40):m.start()]
        if _BACK_BEFORE.search(before):
            return day
        if first is None:
            included = _TILL_INCLUDED.search(before) or _INCLUDED_AFTER.match(text, m.end())
            first = day + dt.timedelta(days=1) if included else day
    return first


def interview_day(mail: Mail, text: str) -> dt.date | None:
    """The interview's day: the attached invitation's, else the first date in the text on or
    after the message's own day, else the first weekday it names ("on Thursday at 10")."""
    sent = mail.date.date() if mail.date else None
    if mail.invitations:
        ahead = [d for d in mail.invitations if sent is None or d >= sent]
        return min(ahead or mail.invitations)
    if sent is None:
        return None
    body = own_words(mail.text)   # the body's day before the subject's ("Re: interview Friday" is the old one)
    day = first_day(body, sent) or first_day(text, sent)
    if day is None:
        m = grammar.weekday_pattern().search(body) or grammar.weekday_pattern().search(text)
        day = grammar.weekday_day(m, sent) if m else None
    return day


def days_in(text: str, sent: dt.date) -> list[tuple[int, dt.date]]:
    """Each day the text names on or after `sent`, with where it starts: its dates, and its
    weekdays (with their day of the month or without)."""
    found = [(m.start(), _found_day(m, sent)) for m in _DATES.finditer(text)]
    taken = [(m.start(), m.end()) for m in _DATES.finditer(text)]
    for m in grammar.weekday_pattern().finditer(text):
        if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken):
            found.append((m.start(), grammar.weekday_day(m, sent)))
    return sorted((at, day) for at, day in found if day is not None and day >= sent)


def first_day(text: str, sent: dt.date) -> dt.date | None:
    """The first date the text names on or after `sent` (a weekday with its day of the month
    counts: "Monday the 14th")."""
    for m in _DATES.finditer(text):
        day = _found_day(m, sent)
        if day is not None and day >= sent:
            return day
    for weekday in grammar.weekday_pattern().finditer(text):
        if weekday.group("day"):
            return grammar.weekday_day(weekday, sent)
    return None
