"""Inbox, the word tables: what employers' mail says, per language, and who sends it. One table
per language; a new language is one more entry in WORDS (and its month names in MONTHS).

Words and phrases match as rules §2 says (plan.WordList): whole words, a last word of five
letters or more is a stem that may take an ending, and a word right after a negation does not
count ("we will not invite you to an interview" is no invitation).
"""

from __future__ import annotations

# The kinds, in the order a message is tested: the first that matches wins (rules §2: a closing
# word beats an offer, an offer beats an interview).
REJECTION, OFFER, INTERVIEW, CONFIRMATION, RECRUITER = "rejection", "offer", "interview", "confirmation", "recruiter"
KINDS = (REJECTION, OFFER, INTERVIEW, CONFIRMATION, RECRUITER)
CONTEXT = "context"   # words that say a message is about a job at all

WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        REJECTION: (
            "regret to inform", "not to move forward", "not moving forward", "will not be moving forward",
            "won't be moving forward", "decided to pursue other candidates", "pursue other candidates",
            "move forward with other candidates", "moving forward with other candidates",
            "move forward with another candidate", "not been selected", "were not selected",
            "position has been filled", "role has been filled", "no longer under consideration",
            "not be progressing", "not progressing your application", "unable to offer you",
            "decided not to proceed", "will not be inviting you", "other applicants whose",
        ),
        OFFER: (
            "pleased to offer you", "happy to offer you", "delighted to offer you", "excited to offer you",
            "offer of employment", "offer letter", "extend an offer", "extend you an offer", "formal offer",
        ),
        INTERVIEW: (
            "invite you to an interview", "invite you to interview", "invite you for an interview",
            "invitation to interview", "interview invitation", "schedule an interview",
            "schedule a call", "schedule your interview", "schedule a time", "book a time", "set up a call",
            "set up an interview", "availability for an interview", "your availability for",
            "like to interview you", "interview with us", "next step is an interview", "phone screen with",
        ),
        CONFIRMATION: (
            "thank you for applying", "thanks for applying", "thank you for your application",
            "thanks for your application", "we have received your application", "we've received your application",
            "we received your application", "your application has been received", "application received",
            "your application was sent", "application confirmation", "successfully submitted",
            "received your resume", "received your résumé", "thank you for your interest in",
        ),
        RECRUITER: (
            "came across your profile", "your profile caught my eye", "i'm a recruiter", "i am a recruiter",
            "on behalf of my client", "opportunity that might interest you", "would you be open to a",
            "recruiting for a", "headhunter",
        ),
        CONTEXT: (
            "application", "applied", "applying", "position", "role", "candidacy", "candidate", "opening",
            "vacancy", "interview", "resume", "résumé", "cv", "job", "hiring",
        ),
    },
    "de": {
        REJECTION: (
            "absage", "leider mitteilen", "leider nicht berücksichtigen", "leider nicht weiter berücksichtigen",
            "nicht weiter berücksichtigen", "leider absagen", "für einen anderen kandidaten entschieden",
            "für eine andere kandidatin entschieden", "anderen bewerber entschieden", "stelle wurde bereits besetzt",
            "stelle ist bereits besetzt", "nicht in die engere wahl",
        ),
        OFFER: ("vertragsangebot", "freuen uns, ihnen die stelle anzubieten", "ihnen ein angebot", "arbeitsvertrag"),
        INTERVIEW: (
            "einladung zum vorstellungsgespräch", "einladung zu einem vorstellungsgespräch",
            "zu einem vorstellungsgespräch einladen", "zum vorstellungsgespräch einladen", "einladung zum gespräch",
            "einladung zu einem gespräch", "zum gespräch einladen", "zu einem gespräch einladen",
            "kennenlernen einladen", "einladung zum interview", "terminvorschlag für ein",
        ),
        CONFIRMATION: (
            "eingangsbestätigung", "vielen dank für ihre bewerbung", "danke für ihre bewerbung",
            "ihre bewerbung ist bei uns eingegangen", "ihre bewerbung erhalten", "bewerbung erfolgreich übermittelt",
        ),
        RECRUITER: ("ihr profil ist mir aufgefallen", "personalberater", "im auftrag meines kunden",
                    "spannende position für sie"),
        CONTEXT: ("bewerbung", "stelle", "position", "kandidat", "bewerber", "gespräch", "lebenslauf"),
    },
    "fr": {
        REJECTION: (
            "pas retenue", "pas été retenue", "ne pas donner suite", "pas donner une suite favorable",
            "ne pouvons donner suite", "regret de vous informer", "regret de vous annoncer",
            "un autre candidat", "une autre candidature", "poste a été pourvu",
        ),
        OFFER: ("promesse d'embauche", "proposition d'embauche", "plaisir de vous proposer le poste",
                "proposition de contrat"),
        INTERVIEW: (
            "convier à un entretien", "vous inviter à un entretien", "vous proposer un entretien",
            "convocation à un entretien", "planifier un entretien", "fixer un entretien", "organiser un entretien",
            "invitation à un entretien",
        ),
        CONFIRMATION: (
            "accusé de réception", "bien reçu votre candidature", "merci pour votre candidature",
            "merci d'avoir postulé", "votre candidature a bien été", "nous avons reçu votre candidature",
        ),
        RECRUITER: ("votre profil a retenu mon attention", "cabinet de recrutement", "pour le compte de mon client",
                    "chasseur de têtes"),
        CONTEXT: ("candidature", "poste", "candidat", "entretien", "cv", "recrutement", "offre"),
    },
    "es": {
        REJECTION: (
            "lamentamos informarte", "lamentamos informarle", "no ha sido seleccionada",
            "no ha sido seleccionado", "no has sido seleccionada", "no has sido seleccionado", "otros candidatos",
            "no continuar con tu candidatura", "no continuar con su candidatura", "puesto ha sido cubierto",
            "no seguir adelante",
        ),
        OFFER: ("oferta formal", "carta oferta", "nos complace ofrecerte", "nos complace ofrecerle", "oferta laboral"),
        INTERVIEW: (
            "invitarte a una entrevista", "invitarle a una entrevista", "agendar una entrevista",
            "programar una entrevista", "coordinar una entrevista", "agendar una llamada", "coordinar una llamada",
            "invitación a una entrevista",
        ),
        CONFIRMATION: (
            "acuse de recibo", "hemos recibido tu candidatura", "hemos recibido su candidatura",
            "hemos recibido tu solicitud", "hemos recibido su solicitud", "gracias por postularte",
            "gracias por tu candidatura", "gracias por su candidatura", "gracias por tu interés",
        ),
        RECRUITER: ("tu perfil me pareció", "he visto tu perfil", "en nombre de mi cliente", "consultora de selección"),
        CONTEXT: ("candidatura", "solicitud", "puesto", "vacante", "candidato", "entrevista", "currículum", "cv"),
    },
}

# Month names for dates in the text ("March 12", "12. März", "le 12 mars", "12 de marzo").
MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"),
    "de": ("januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"),
}

# Applicant-tracking systems and job boards: they send for the employer, so their domain says
# nothing about the company; the display name, the subject and the body do.
ATS_DOMAINS = (
    "greenhouse.io", "greenhouse-mail.io", "lever.co", "myworkday.com", "workday.com", "myworkdayjobs.com",
    "icims.com", "smartrecruiters.com", "smartrecruiters.io", "taleo.net", "ashbyhq.com", "successfactors.com",
    "successfactors.eu", "jobvite.com", "bamboohr.com", "workablemail.com", "workable.com", "recruitee.com",
    "personio.de", "personio.com", "teamtailor.com", "teamtailor-mail.com", "jazzhr.com", "applytojob.com",
    "breezy.hr", "softgarden.io", "join.com", "dvinci.de", "rexx-systems.com", "linkedin.com", "indeed.com",
    "stepstone.de", "welcometothejungle.com", "infojobs.net",
)
# Mail services people use privately: their domain names no company.
FREE_MAIL = (
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com",
    "aol.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "orange.fr", "free.fr", "laposte.net", "proton.me",
    "protonmail.com",
)
# Words of a sender's display name that name no company ("Acme Robotics Hiring Team").
SENDER_NOISE = (
    "hiring", "team", "talent", "acquisition", "recruiting", "recruitment", "careers", "career", "jobs", "job",
    "hr", "people", "via", "greenhouse", "lever", "workday", "icims", "smartrecruiters", "taleo", "ashby",
    "notifications", "noreply", "no-reply", "at", "the", "from", "bewerbermanagement", "karriere", "personal",
    "recrutement", "équipe", "reclutamiento", "equipo", "selección", "rrhh", "candidate", "experience",
)
# Words after a company's name that are its legal form, not its name.
LEGAL_FORMS = (
    "inc", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "plc", "gmbh", "ag", "kg", "se", "sa",
    "sas", "sarl", "sl", "srl", "spa", "bv", "nv", "ab", "as", "oy", "pty", "lp", "llp", "group", "holding",
    "holdings", "the",
)
# Reply prefixes of a subject ("Re:", "AW:", "RE :") and the lines that start a quoted message.
REPLY_PREFIX = r"^\s*(?:re|aw|antw|sv|vs|res|r|rv|wg|fw|fwd|tr)\s*:\s*"
QUOTE_STARTS = (
    r"^on .{0,200} wrote:\s*$", r"^am .{0,200} schrieb .{0,120}:\s*$", r"^le .{0,200} a écrit\s*:\s*$",
    r"^el .{0,200} escribió\s*:\s*$", r"^-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|"
    r"mensaje original)\s*-{2,}\s*$", r"^from: .{0,200}$", r"^von: .{0,200}$", r"^de ?: .{0,200}$",
)
