"""Inbox, the word tables: what employers' mail says, per language, and who sends it. One table
per language; a new language is one more entry in WORDS (month and weekday names come from Babel:
grammar.py).

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
# An out-of-office reply: the person is away until a day. Its subject or its body says so; a day
# in its text says until when.
AWAY = "away"
AWAY_SUBJECT = (r"^\s*(?:automatic\s+reply|auto(?:matic)?[-\s]?reply|out\s+of\s+(?:the\s+)?office|ooo\b"
                r"|abwesenheit|abwesend|automatische\s+antwort|réponse\s+automatique|absence|absent"
                r"|respuesta\s+automática|fuera\s+de\s+la\s+oficina|ausente|自動応答|自動返信|不在|자동\s*응답|부재"
                r"|自动回复|自動回覆|risposta\s+automatica|fuori\s+(?:sede|ufficio)|resposta\s+autom[aá]tica"
                r"|fora\s+do\s+escrit[oó]rio|ausência|automatisch\s+antwoord|afwezig|niet\s+aanwezig"
                r"|automatyczna\s+odpowied[zź]|odpowied[zź]\s+automatyczna|nieobecno[sś][cć]|poza\s+biurem)")
AWAY_WORDS = (
    "out of the office", "out of office", "on leave", "on vacation", "on holiday", "away from the office",
    "limited access to email", "back in the office", "return to the office", "annual leave", "abwesend",
    "nicht im büro", "nicht erreichbar", "urlaub", "absent du bureau", "absente du bureau", "en congés", "de retour le",
    "fuera de la oficina", "ausente", "de vacaciones", "fuori ufficio", "fuori sede", "in ferie", "assente",
    "fora do escritório", "de férias", "em férias", "ausente do escritório", "afwezig", "met vakantie",
    "niet op kantoor", "poza biurem", "na urlopie", "nieobecny", "nieobecna",
    "不在", "休暇", "出張", "休業", "휴가", "부재", "休假", "出差",
)

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
            "every success in your search", "every success in your job search", "success in your future",
            "best in your job search", "best of luck in your search", "in your future endeavors",
            "in your future endeavours", "go in a different direction", "gone in a different direction",
            "unsuccessful on this occasion", "application was unsuccessful", "application has been unsuccessful",
            "candidates whose experience more closely", "more closely match", "decided to go with another",
            "decided to go with someone", "not been shortlisted", "not shortlisted", "not been successful",
            "sorry to say that",
        ),
        OFFER: (
            "pleased to offer you", "happy to offer you", "delighted to offer you", "excited to offer you",
            "offer of employment", "offer letter", "extend an offer", "extend you an offer", "formal offer",
            "written offer", "employment agreement", "employment contract", "welcome you to the team",
            "letter of offer", "employment offer",
            "welcome you aboard",
        ),
        INTERVIEW: (
            "invite you to an interview", "invite you to interview", "invite you for an interview",
            "invitation to interview", "interview invitation", "schedule an interview",
            "schedule a call", "schedule your interview", "schedule a time", "book a time", "set up a call",
            "set up an interview", "availability for an interview", "your availability for",
            "like to interview you", "interview with us", "next step is an interview", "phone screen with",
            "reschedule", "rescheduled", "move our interview", "move the interview", "new time for your interview",
            "bring you in", "final round", "next round", "second interview",
        ),
        CONFIRMATION: (
            "thank you for applying", "thanks for applying", "thank you for your application",
            "thanks for your application", "we have received your application", "we've received your application",
            "we received your application", "your application has been received", "application received",
            "your application was sent", "application confirmation", "successfully submitted",
            "received your resume", "received your résumé", "thank you for your interest in",
            "thanks for your interest in",
        ),
        RECRUITER: (
            "came across your profile", "your profile caught my eye", "i'm a recruiter", "i am a recruiter",
            "on behalf of my client", "opportunity that might interest you", "would you be open to a",
            "recruiting for a", "headhunter",
        ),
        CONTEXT: (
            "application", "applied", "applying", "position", "role", "candidacy", "candidate", "opening",
            "vacancy", "interview", "resume", "résumé", "cv", "job", "hiring", "offer", "join us", "join the team",
            "join our team", "salary", "start date",
        ),
    },
    "de": {
        REJECTION: (
            "absage", "leider mitteilen", "leider nicht berücksichtigen", "leider nicht weiter berücksichtigen",
            "nicht weiter berücksichtigen", "leider absagen", "für einen anderen kandidaten entschieden",
            "für ihre weitere berufliche zukunft", "für ihren weiteren beruflichen", "bei ihrer weiteren stellensuche",
            "für ihre berufliche zukunft",
            "für eine andere kandidatin entschieden", "anderen bewerber entschieden", "stelle wurde bereits besetzt",
            "stelle ist bereits besetzt", "nicht in die engere wahl",
            "nicht berücksichtig", "nicht weiter verfolg", "keine positive rückmeldung", "keine zusage",
            "anderweitig besetzt", "anderweitig entschieden", "für andere bewerber", "nicht in die nähere auswahl",
            "anders entschieden",
        ),
        OFFER: ("vertragsangebot", "freuen uns, ihnen die stelle anzubieten", "ihnen ein angebot", "arbeitsvertrag",
                "vertragsunterlagen", "willkommen im team", "zusage für die stelle", "dir ein angebot",
                "vertragsentwurf"),
        INTERVIEW: (
            "einladung zum vorstellungsgespräch", "einladung zu einem vorstellungsgespräch",
            "zu einem vorstellungsgespräch einladen", "zum vorstellungsgespräch einladen", "einladung zum gespräch",
            "einladung zu einem gespräch", "zum gespräch einladen", "zu einem gespräch einladen",
            "kennenlernen einladen", "einladung zum interview", "terminvorschlag für ein",
            "termin verschieben", "termin verlegen", "terminverschiebung", "neuer termin", "neuen termin",
            "auswahlgespräch", "probearbeit", "zum kennenlernen",
        ),
        CONFIRMATION: (
            "eingangsbestätigung", "vielen dank für ihre bewerbung", "danke für ihre bewerbung",
            "ihre bewerbung ist bei uns eingegangen", "ihre bewerbung erhalten", "bewerbung erfolgreich übermittelt",
            "danke für deine bewerbung", "vielen dank für deine bewerbung", "deine bewerbung ist eingegangen",
            "deine bewerbung ist bei uns eingegangen", "deine bewerbung erhalten", "dich bei uns beworben",
            "unterlagen liegen uns vor",
        ),
        RECRUITER: ("ihr profil ist mir aufgefallen", "personalberater", "im auftrag meines kunden",
                    "spannende position für sie"),
        CONTEXT: ("bewerbung", "stelle", "position", "kandidat", "bewerber", "gespräch", "lebenslauf",
                  "vorstellungsgespräch", "termin", "angebot", "vertrag", "einstieg"),
    },
    "fr": {
        REJECTION: (
            "pas retenue", "pas été retenue", "ne pas donner suite", "pas donner une suite favorable",
            "ne pouvons donner suite", "regret de vous informer", "regret de vous annoncer",
            "un autre candidat", "une autre candidature", "poste a été pourvu",
            "pas retenu", "autre profil", "d'autres profils", "suite défavorable", "réponse négative",
            "ne pas poursuivre", "ne poursuivrons pas",
        ),
        OFFER: ("promesse d'embauche", "proposition d'embauche", "plaisir de vous proposer le poste",
                "proposition de contrat", "vous proposer le poste", "vous accueillir dans l'équipe", "votre embauche",
                "bienvenue dans l'équipe"),
        INTERVIEW: (
            "convier à un entretien", "vous inviter à un entretien", "vous proposer un entretien",
            "convocation à un entretien", "planifier un entretien", "fixer un entretien", "organiser un entretien",
            "invitation à un entretien",
            "reporter l'entretien", "décaler l'entretien", "déplacer l'entretien", "nouveau créneau",
            "vous rencontrer", "fixe un entretien", "convenir d'un entretien",
        ),
        CONFIRMATION: (
            "accusé de réception", "bien reçu votre candidature", "merci pour votre candidature",
            "merci d'avoir postulé", "votre candidature a bien été", "nous avons reçu votre candidature",
            "réception de votre candidature", "reçu votre candidature", "reçu ta candidature",
            "merci pour ta candidature", "ta candidature a bien été",
        ),
        RECRUITER: ("votre profil a retenu mon attention", "cabinet de recrutement", "pour le compte de mon client",
                    "chasseur de têtes"),
        CONTEXT: ("candidature", "poste", "candidat", "entretien", "cv", "recrutement", "offre", "embauche",
                  "rejoindre"),
    },
    "es": {
        REJECTION: (
            "lamentamos informarte", "lamentamos informarle", "no ha sido seleccionada",
            "no ha sido seleccionado", "no has sido seleccionada", "no has sido seleccionado", "otros candidatos",
            "no continuar con tu candidatura", "no continuar con su candidatura", "puesto ha sido cubierto",
            "no seguir adelante",
            "otros perfiles", "otro perfil", "otra persona", "no vamos a continuar", "no continuaremos",
            "no ha prosperado", "descartad", "no ha resultado seleccionad", "no se ajusta", "no se ajustan",
        ),
        OFFER: ("oferta formal", "carta oferta", "nos complace ofrecerte", "nos complace ofrecerle", "oferta laboral",
                "contar contigo como", "contar con usted como", "propuesta de incorporación", "propuesta económica",
                "ofrecerte el puesto", "bienvenida al equipo", "te queremos en el equipo", "queremos que formes parte",
                "que te incorpor", "que se incorpor"),
        INTERVIEW: (
            "invitarte a una entrevista", "invitarle a una entrevista", "agendar una entrevista",
            "programar una entrevista", "coordinar una entrevista", "agendar una llamada", "coordinar una llamada",
            "invitación a una entrevista",
            "reprogramar la entrevista", "cambiar la hora de la entrevista", "mover la entrevista", "nueva fecha",
            "examen psicométrico", "prueba técnica", "te esperamos", "le esperamos", "cambiar la entrevista",
        ),
        CONFIRMATION: (
            "acuse de recibo", "hemos recibido tu candidatura", "hemos recibido su candidatura",
            "hemos recibido tu solicitud", "hemos recibido su solicitud", "gracias por postularte",
            "gracias por tu candidatura", "gracias por su candidatura", "gracias por tu interés",
            "tu candidatura ha llegado", "su candidatura ha llegado", "hemos recibido tu cv", "hemos recibido su cv",
            "candidatura se ha registrado", "candidatura ha sido registrada", "gracias por aplicar",
            "gracias por postular", "recibimos tu postulación", "recibimos su postulación", "en nuestras manos",
        ),
        RECRUITER: ("tu perfil me pareció", "he visto tu perfil", "en nombre de mi cliente", "consultora de selección"),
        CONTEXT: ("candidatura", "solicitud", "puesto", "vacante", "candidato", "entrevista", "currículum", "cv",
                  "propuesta", "incorporación", "oferta", "incorporarte"),
    },
    "it": {
        REJECTION: ("non è stata selezionata", "non è stato selezionato", "non siamo in grado di proseguire",
                    "non potrà avere seguito", "non proseguire", "altri candidati", "altro candidato", "altro profilo",
                    "altri profili", "posizione è stata coperta", "esito negativo", "non è stata accolta"),
        OFFER: ("proposta di assunzione", "lettera di assunzione", "offerta di lavoro", "proposta contrattuale",
                "contratto di assunzione", "benvenuta nel team", "benvenuto nel team", "lettera d'offerta"),
        INTERVIEW: ("invito a colloquio", "invitarla a un colloquio", "invitarti a un colloquio",
                    "colloquio conoscitivo", "fissare un colloquio", "organizzare un colloquio", "prova pratica",
                    "giornata di prova",
                    "test attitudinale", "prova tecnica", "nuova data"),
        CONFIRMATION: ("abbiamo ricevuto la tua candidatura", "abbiamo ricevuto la sua candidatura",
                       "grazie per la candidatura", "grazie per esserti candidato", "grazie per esserti candidata",
                       "grazie per essersi candidato", "grazie per essersi candidata", "candidatura è stata ricevuta",
                       "candidatura è stata inviata", "conferma di ricezione", "grazie per il tuo interesse",
                       "grazie per il suo interesse"),
        RECRUITER: ("il tuo profilo ha attirato", "per conto di un mio cliente", "società di selezione"),
        CONTEXT: ("candidatura", "posizione", "colloquio", "selezione", "curriculum", "cv", "proposta", "assunzione",
                  "candidato", "candidata", "ruolo"),
    },
    "pt": {
        REJECTION: ("não foi selecionada", "não foi selecionado", "não foi selecionado(a)", "outro candidato",
                    "outros candidatos", "outra candidata", "outro perfil", "não iremos avançar",
                    "não vamos avançar", "não avançar com a sua candidatura", "vaga foi preenchida",
                    "não dar seguimento", "não será possível dar seguimento"),
        OFFER: ("proposta de emprego", "proposta de trabalho", "carta de oferta", "proposta formal",
                "proposta contratual", "bem-vindo à equipa", "bem-vinda à equipa", "bem-vindo à equipe",
                "bem-vinda à equipe", "contrato de trabalho"),
        INTERVIEW: ("convite para entrevista", "convidar para uma entrevista", "agendar uma entrevista",
                    "marcar uma entrevista", "teste técnico", "teste online", "avaliação técnica", "nova data"),
        CONFIRMATION: ("recebemos a sua candidatura", "recebemos a tua candidatura", "recebemos sua candidatura",
                       "obrigado pela sua candidatura", "obrigada pela sua candidatura", "obrigado pela candidatura",
                       "obrigado pelo seu interesse", "obrigada pelo seu interesse", "candidatura foi recebida",
                       "candidatura foi submetida", "candidatura foi enviada", "agradecemos a sua candidatura"),
        RECRUITER: ("o seu perfil chamou", "em nome de um cliente", "consultora de recrutamento"),
        CONTEXT: ("candidatura", "vaga", "cargo", "função", "entrevista", "currículo", "cv", "proposta", "candidato",
                  "recrutamento", "processo de seleção"),
    },
    "nl": {
        REJECTION: ("niet geselecteerd", "andere kandidaat", "andere kandidaten", "ander profiel", "niet verder",
                    "vacature is ingevuld", "vacature is vervuld", "helaas moeten wij", "helaas moeten we",
                    "afgewezen", "niet door naar"),
        OFFER: ("arbeidsovereenkomst", "aanbiedingsbrief", "arbeidsvoorwaardenvoorstel", "contractvoorstel",
                "welkom in het team", "aanbod voor de functie"),
        INTERVIEW: ("uitnodiging voor een gesprek", "uitnodiging sollicitatiegesprek", "sollicitatiegesprek",
                    "kennismakingsgesprek", "uitnodigen voor een gesprek", "gesprek inplannen", "assessment",
                    "nieuwe datum"),
        CONFIRMATION: ("bedankt voor je sollicitatie", "bedankt voor uw sollicitatie", "dank voor je sollicitatie",
                       "dank voor uw sollicitatie", "hebben je sollicitatie ontvangen",
                       "hebben uw sollicitatie ontvangen",
                       "ontvangstbevestiging", "sollicitatie is ontvangen", "sollicitatie is verzonden"),
        RECRUITER: ("je profiel viel me op", "namens mijn opdrachtgever", "werving en selectie"),
        CONTEXT: ("sollicitatie", "vacature", "functie", "gesprek", "kandidaat", "cv", "aanbod", "contract"),
    },
    "pl": {
        REJECTION: ("nie została wybrana", "nie został wybrany", "innego kandydata", "innej kandydatki",
                    "innych kandydatów", "nie przeszła", "nie przeszedł", "nie będziemy kontynuować",
                    "rekrutacja została zakończona", "stanowisko zostało obsadzone", "odpowiedź negatywna"),
        OFFER: ("oferta pracy", "propozycja zatrudnienia", "ofertę zatrudnienia", "ofertę pracy", "umowa o pracę",
                "umowę o pracę", "witamy w zespole"),
        INTERVIEW: ("zaproszenie na rozmowę", "zaprosić na rozmowę", "zaprosić panią na rozmowę",
                    "zaprosić pana na rozmowę", "rozmowa rekrutacyjna", "rozmowę rekrutacyjną", "zadanie rekrutacyjne",
                    "test online", "nowy termin"),
        CONFIRMATION: ("dziękujemy za aplikację", "dziękujemy za zgłoszenie", "dziękujemy za przesłanie",
                       "otrzymaliśmy twoją aplikację", "otrzymaliśmy pani aplikację", "otrzymaliśmy pana aplikację",
                       "otrzymaliśmy twoje zgłoszenie", "aplikacja została przesłana", "potwierdzenie otrzymania"),
        RECRUITER: ("pani profil zwrócił", "pana profil zwrócił", "w imieniu mojego klienta", "agencja rekrutacyjna"),
        CONTEXT: ("aplikacja", "aplikację", "rekrutacja", "rekrutacji", "stanowisko", "rozmowa", "rozmowę", "cv",
                  "oferta", "kandydat", "zgłoszenie"),
    },
    # Japanese, Korean and Chinese: the phrases of their applicant-tracking and HR mail (these match
    # anywhere in the text, as the reader's Chinese words do)
    "ja": {
        # 見送 in any of its forms (見送らせて, 見送ることとなりました, お見送り): the verb of declining
        REJECTION: ("ご期待に添えない", "ご期待に沿えない", "見送", "ご縁がなかった",
                    "今後のご活躍をお祈り", "ご活躍をお祈り", "不採用"),
        OFFER: ("内定のご連絡", "採用内定", "内定通知", "内定とさせて", "採用させていただく", "労働条件通知",
                "採用を内定", "内定いたし", "内定となり", "内定が決定", "内定を出"),
        INTERVIEW: ("面接のご案内", "面接日程", "面接にお越し", "面接をお願い", "面接を実施", "面談のご案内",
                    "面接のご連絡", "日程調整"),
        CONFIRMATION: ("ご応募いただき", "ご応募ありがとう", "応募を受け付け", "応募受付", "エントリーいただき",
                       "エントリーありがとう", "ご応募を受け付け", "応募が完了", "応募完了"),
        RECRUITER: ("スカウト", "ヘッドハンター", "転職エージェント", "キャリアアドバイザー"),
        CONTEXT: ("応募", "選考", "採用", "面接", "エントリー", "求人", "募集", "ポジション", "履歴書", "職務経歴書"),
    },
    "ko": {
        REJECTION: ("불합격", "함께하지 못하게", "함께하기 어렵", "좋은 결과를 드리지 못", "귀하의 앞날",
                    "앞날에 좋은 일"),
        OFFER: ("최종 합격", "처우 협의", "입사 제안", "채용 확정"),
        INTERVIEW: ("면접 안내", "면접 일정", "면접 전형", "면접에 초대", "면접 제안", "면접을 진행"),
        CONFIRMATION: ("지원해 주셔서 감사", "지원해주셔서 감사", "지원서가 접수", "지원이 완료", "접수되었습니다",
                       "지원서 접수"),
        RECRUITER: ("헤드헌터", "포지션 제안", "이직 제안"),
        CONTEXT: ("지원", "채용", "모집", "면접", "전형", "포지션", "이력서", "서류"),
    },
    "zh": {
        REJECTION: ("很遗憾", "很遺憾", "未能进入", "未能進入", "暂不匹配", "暫不匹配", "放入人才库", "放入人才庫",
                    "纳入人才库", "納入人才庫"),
        OFFER: ("录用通知", "錄用通知", "录取通知", "錄取通知", "offer letter", "入职通知", "入職通知"),
        INTERVIEW: ("面试邀请", "面試邀請", "邀请您参加面试", "邀請您參加面試", "面试通知", "面試通知", "面试安排",
                    "面試安排"),
        CONFIRMATION: ("感谢您的投递", "感謝您的投遞", "简历已收到", "履歷已收到", "已收到您的简历", "已收到您的履歷",
                       "投递成功", "投遞成功", "应聘成功", "應徵成功"),
        RECRUITER: ("猎头", "獵頭"),
        CONTEXT: ("简历", "履歷", "应聘", "應徵", "投递", "投遞", "职位", "職位", "面试", "面試", "招聘"),
    },
}

# Applicant-tracking systems and job boards: they send for the employer, so their domain says
# nothing about the company; the display name, the subject and the body do.
ATS_DOMAINS = (
    "greenhouse.io", "greenhouse-mail.io", "lever.co", "myworkday.com", "workday.com", "myworkdayjobs.com",
    "icims.com", "smartrecruiters.com", "smartrecruiters.io", "taleo.net", "ashbyhq.com", "successfactors.com",
    "successfactors.eu", "jobvite.com", "bamboohr.com", "workablemail.com", "workable.com", "recruitee.com",
    "personio.de", "personio.com", "teamtailor.com", "teamtailor-mail.com", "jazzhr.com", "applytojob.com",
    "breezy.hr", "softgarden.io", "join.com", "dvinci.de", "rexx-systems.com", "linkedin.com", "indeed.com",
    "stepstone.de", "welcometothejungle.com", "infojobs.net", "erecruiter.pl", "traffit.com", "homerun.co",
    "onlyfy.jobs", "gupy.io", "gupy.com.br", "solides.com.br", "inhire.com.br",
    # Latin America's job boards
    "occ.com.mx", "computrabajo.com", "bumeran.com", "bumeran.com.mx", "zonajobs.com.ar", "elempleo.com",
    "laborum.cl", "trabajando.com",
    # India
    "naukri.com", "foundit.in", "shine.com", "iimjobs.com", "instahyre.com", "darwinbox.in", "darwinbox.com",
    "zohorecruit.com", "zohorecruit.in", "zohorecruit.eu", "keka.com", "freshteam.com",
    # Japan, Korea, mainland China and Taiwan
    "hrmos.co", "herp.cloud", "talentio.com", "jobcan.jp", "en-gage.net", "rikunabi.com", "mynavi.jp", "doda.jp",
    "bizreach.jp", "wantedly.com", "saramin.co.kr", "jobkorea.co.kr", "greetinghr.com", "ninehire.com",
    "wanted.co.kr", "zhipin.com", "51job.com", "zhaopin.com", "liepin.com", "mokahr.com", "104.com.tw",
    "1111.com.tw", "cakeresume.com", "yourator.co",
)
# Mail services people use privately: their domain names no company.
FREE_MAIL = (
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com", "me.com",
    "aol.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "orange.fr", "free.fr", "laposte.net", "proton.me",
    "protonmail.com", "gmx.at", "gmx.ch", "bluewin.ch", "yahoo.de", "yahoo.fr", "yahoo.es", "yahoo.co.uk",
    "hotmail.fr", "hotmail.es", "hotmail.co.uk", "outlook.es", "outlook.fr", "libero.it", "naver.com", "daum.net",
    "qq.com", "163.com", "126.com", "yahoo.co.jp", "wp.pl", "o2.pl", "onet.pl",
)
# Words of a sender's display name that name no company ("Acme Robotics Hiring Team").
SENDER_NOISE = (
    "hiring", "team", "talent", "acquisition", "recruiting", "recruitment", "careers", "career", "jobs", "job",
    "hr", "people", "via", "greenhouse", "lever", "workday", "icims", "smartrecruiters", "taleo", "ashby",
    "notifications", "noreply", "no-reply", "at", "the", "from", "bewerbermanagement", "karriere", "personal",
    "recrutement", "équipe", "reclutamiento", "equipo", "selección", "rrhh", "candidate", "experience",
    "採用担当", "採用担当者", "採用チーム", "人事部", "人事", "채용팀", "인사팀", "채용담당자", "招聘", "招聘团队",
    "人力资源部",
)
# Words after a company's name that are its legal form, not its name.
LEGAL_FORMS = (
    "inc", "llc", "ltd", "limited", "corp", "corporation", "co", "company", "plc", "gmbh", "ag", "kg", "se", "sa",
    "sas", "sarl", "sl", "srl", "spa", "bv", "nv", "ab", "as", "oy", "pty", "lp", "llp", "group", "holding",
    "holdings", "the", "lda", "ltda", "spółka", "spzoo", "eireli",
)
# Legal forms written before or after a name in Japanese, Korean and Chinese, without spaces
# ("株式会社ヒカリ", "(주)한결", "青禾科技有限公司"): taken out wherever they stand.
LEGAL_FORMS_CJK = ("株式会社", "有限会社", "合同会社", "(株)", "（株）", "㈱", "주식회사", "(주)", "（주）", "㈜",
                   "股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "集团", "集團")
# Reply prefixes of a subject ("Re:", "AW:", "RE :") and the lines that start a quoted message.
REPLY_PREFIX = r"^\s*(?:re|aw|antw|sv|vs|res|r|odp|返信|답장|회신|回复|回覆)\s*[:：]\s*"
# A forward is someone passing a message on (a friend's tip, your own copy), not a reply to you.
FORWARD_PREFIX = r"^\s*(?:wg|fw|fwd|tr|enc|rv|i|pd|doorst|转发|轉寄|転送|전달)\s*[:：]\s*"
# The line a mailer puts above the message it passes on ("---------- Forwarded message ---------",
# "-------- Message transféré --------", "-----Wiadomość oryginalna-----", "Begin forwarded message:").
FORWARD_MARKER = (r"^\s*(?:-{2,}\s*)?(?:forwarded\s+message|original\s+message|begin\s+forwarded\s+message"
                  r"|weitergeleitete\s+nachricht|ursprüngliche\s+nachricht|message\s+transféré|message\s+d['’]origine"
                  r"|mensaje\s+reenviado|mensaje\s+original|messaggio\s+inoltrato|messaggio\s+originale"
                  r"|mensagem\s+encaminhada|mensagem\s+original|doorgestuurd\s+bericht|oorspronkelijk\s+bericht"
                  r"|wiadomość\s+przekazana|przekazana\s+wiadomość|wiadomość\s+oryginalna|전달된\s*(?:메일|메시지)"
                  r"|원본\s*메일|转发邮件|原始邮件|転送メッセージ|元のメッセージ)\s*:?\s*(?:-{2,})?\s*$")
# The employer has chosen others, said without a listed phrase: a decision already made ("we have
# decided to", "we've chosen to") to go on ("move ahead", "proceed", "continue") with other people.
OTHERS_CHOSEN = (r"\b(?:decided|chosen|elected|opted|made\s+the\s+decision)\s+to"
                 r"\s+(?:move|go|proceed|continue|progress)"
                 r"(?:\s+(?:ahead|forward|on))?\s+with\s+(?:(?:the|some|a\s+few|a|an)\s+)?"
                 r"(?:(?:other|another|different|more\s+\w+|stronger)\s+)?"
                 r"(?:candidates?|applicants?|profiles?|individuals|people|someone|others)\b"
                 # German: entschieden ... mit/für anderen Kandidaten
                 r"|\b(?:entschieden|entschlossen)\b[^.]{0,80}?\b(?:mit|für)\s+"
                 r"(?:(?:einer?|eine|den|die|anderen?|weiteren?)\s+)+(?:kandidat|bewerber)\w*"
                 # the other languages: a decision, then going on with someone else ("decidimos continuar con
                 # otro candidato", "décidé de poursuivre avec un autre profil", "besloten verder te gaan met een
                 # andere kandidaat", "zdecydowaliśmy się na innego kandydata")
                 r"|\b(?:decid\w+|décid\w+|deciso|besloten|zdecydowal\w*|optamos|optado|gekozen)\b[^.]{0,80}?"
                 r"\b(?:con|avec|com|met|z|na|voor|per|pour|por)\s+(?:(?:otr[oa]s?|un[ae]?|um[a]?|autres?|d['’]autres"
                 r"|altr[oaie]|outr[oa]s?|een|andere|inn\w+)\s+)+(?:candidat\w*|perfil\w*|profil\w*|kandyda\w*"
                 r"|kandida\w*)"
                 # Korean, Japanese, Chinese: another applicant chosen ("다른 지원자와 함께하기로 결정했습니다",
                 # "他の方の採用を決定", "决定录用其他候选人")
                 r"|다른\s*(?:지원자|후보자|분)\S*\s+(?:[^.。\n]{0,20}?)(?:함께하기로|선발하기로|채용하기로|진행하기로)"
                 r"|他の(?:方|候補者|応募者)\S{0,12}?(?:採用|決定|選考を進め)"
                 r"|(?:其他|另一位|另外一位|别的)(?:候选人|候選人|人选|人選|应聘者|應徵者)")
# The same kind said by its structure, for the kinds whose words vary most: "thanks a lot for
# applying", "we're thrilled to offer you the Data Engineer position".
WEEKDAYS = ("monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miércoles|miercoles|jueves"
            "|viernes|sábado|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|montag|dienstag|mittwoch"
            "|donnerstag|freitag|samstag|martedì|mercoledì|giovedì|venerdì|sabato")
# Words for a meeting about a job: with a day in the same sentence, a person asks to meet
MEETING_WORDS = (r"\b(?:interview|chat\b|trial\s+(?:shift|day)|call\s+with|meeting\s+with|gespräch|gesprek|hearing\b"
                 r"|(?:vorstellungs|bewerbungs|kennenlern)termin\w*"
                 # to meet the reader, said with the verb ("wants to meet you in person", "vous rencontrer")
                 r"|meet\s+(?:with\s+)?you\b|see\s+you\s+in\s+person|ontmoeten|kennismak|kennenzulernen|conocerte"
                 r"|conocerle|conhecê-l\w*|incontrarti|incontrarla|poznać|spotkać|incontr\w*|conversar|bate-papo"
                 r"|conoscert\w*|conoscerl\w*|vous\s+connaître|te\s+conhecer|o\s+conhecer|a\s+conhecer|leren\s+kennen"
                 r"|probearbeit|kennenlernen|entretien|essai\b|rencontrer|entrevista|prueba\b|colloquio)|面接|面談|면접|面试")
# A meeting fixed in a reply without the word interview ("je vous confirme notre rendez-vous", "potwierdzam
# spotkanie", "our call on Thursday at 10"): said with one day ahead and its time, it is the slot taken.
APPOINTMENT_WORDS = (r"\b(?:appointment|meeting|call|termin|treffen|rendez-vous|rdv|réunion|cita|reunión|appuntamento"
                     r"|incontro|afspraak|reunião|encontro|spotkani\w*|rozmow\w*"
                     # a visit: "we'll see you on Tuesday at 10", "face-to-face", "come to our office"
                     r"|see\s+you|face[\s-]to[\s-]face|f2f|in\s+person|visit|come\s+(?:in|by|over|to)|vorbeikommen"
                     r"|sehen\s+uns|besuch\w*|vous\s+recevoir|vous\s+voir|nous\s+voir|vernos|visita\w*|vederci"
                     r"|langskomen|zien\s+we|odwiedzi\w*|zobaczenia"
                     # waiting for the reader to come: "te esperamos", "te aguardo", "vi aspettiamo", "nous vous
                     # attendons" (the reader its object: "esperamos su respuesta" waits for an answer, no visit)
                     r"|(?:te|lo|la|los|las|les|vos)\s+esper\w*|(?:te|o|a|vos|lhe)\s+aguard\w*|aguardamos\s+voc[eê]\w*"
                     r"|(?:vi|la|ti)\s+aspett\w*|vous\s+attend\w*|erwarten\s+(?:sie|dich|euch)|verwachten\s+(?:je|u)"
                     r"|czeka\w*\s+na\s+(?:pani|pana|ciebie))\b"
                     r"|約束|打ち合わせ|お越し|来社|ご来社|お待ちしております|미팅|약속|방문|뵙|会议|会面|见面|来访|到访|來訪")
# An opening put on hold: no one was chosen and the application is kept ("the role has been put on
# hold", "auf Eis gelegt", "mis en suspens", "wstrzymana", "잠정 보류", "暂时搁置"): a person's news, not a
# rejection, however sorry it sounds.
ON_HOLD = (r"\b(?:on\s+hold|paused|frozen|freeze|auf\s+eis|pausiert|zurückgestellt|vorerst\s+(?:gestoppt|ausgesetzt)"
           r"|en\s+suspens|en\s+attente|suspendu\w*|gelé\w*|en\s+pausa|suspendid\w*|congelad\w*|sospes\w*"
           r"|in\s+standby|in\s+pausa|bevroren|gepauzeerd|wstrzyman\w*|zawieszon\w*|wstrzymał\w*)\b"
           r"|見合わせ|一時停止|一時中断|凍結|보류|중단되|暂停|暫停|搁置|擱置|冻结|凍結")
# Words that turn a thank-you into bad news ("Thank you for applying ... Unfortunately"): such a
# message is no automatic confirmation, whatever it is.
REGRET = ("unfortunately", "regret", "sorry to say", "sorry to tell", "leider", "bedauer", "malheureusement",
          "regrett", "lamentablemente", "desafortunadamente", "lamentamos", "sentimos", "purtroppo", "infelizmente",
          "helaas", "niestety", "残念ながら", "아쉽게도", "안타깝게도", "很遗憾", "很遺憾")
KIND_PATTERNS = {
    # ... or that the application goes no further ("we won't be taking your application further")
    # ... or that a decision was made not to go on ("decided not to advance your candidacy")
    REJECTION: OTHERS_CHOSEN + (r"|\b(?:decided|chosen|elected|opted)\s+not\s+to\s+"
                                r"(?:advance|progress|pursue|proceed\s+with|move\s+(?:forward|ahead)\s+with|continue\s+with)\s+your\s+(?:candidacy|application|profile)\b"
                                r"|\b(?:not|won't|will\s+not|cannot|can't|unable\s+to)\s+(?:be\s+)?"
                                r"(?:tak|mov|progress|proceed|advanc|continu)\w*\s+(?:with\s+)?"
                                r"(?:your\s+(?:application|candidacy)|you)\s+(?:any\s+)?(?:further|forward)\b"
                                # someone else was chosen: "we have chosen another applicant"
                                r"|\b(?:chosen|selected|picked|hired|gone\s+with|decided\s+on|offered\s+the\s+\w+\s+to)"
                                r"\s+(?:another|a\s+different|other|an?\s+(?:internal|more\s+\w+))\s+"
                                r"(?:candidate|applicant|person|individual)s?\b"
                                # French: "ne sommes pas en mesure de donner une suite favorable"
                                r"|\bne\s+(?:[\w']+\s+){0,3}?pas\s+(?:[\w']+\s+){0,5}?"
                                r"(?:une\s+)?(?:suite\s+favorable|retenir\s+votre|poursuivre\s+avec\s+vous"
                                # "ne pouvons malheureusement pas y donner suite"
                                r"|(?:y\s+)?donner\s+suite)"
                                # the opening was filled, in any of the reader's languages, with the
                                # job's own words between ("a vaga de Supervisor de produção foi preenchida
                                # internamente", "the Analyst position has now been filled", "die Stelle
                                # ist bereits besetzt", "le poste a été pourvu", "el puesto ya fue cubierto")
                                r"|\b(?:vaga|cargo|posição|position|role|job|post|vacancy|stelle|poste|puesto|vacante"
                                r"|plaza|posizione|ruolo|vacature|functie|stanowisko)\b[^.!?\n]{0,60}?\b"
                                r"(?:(?:foi|está|esta|ya\s+fue|fue|ha\s+sido|è\s+stat[ao]|has\s+(?:now\s+|already\s+)?been"
                                r"|was|is\s+now|ist\s+(?:bereits\s+|schon\s+)?|wurde|a\s+été|est|is\s+(?:al\s+)?|werd"
                                r"|została|zostało)\s+)?"
                                r"(?:preenchid[ao]|filled|besetzt|vergeben|pourvue?|cubiert[ao]|ocupad[ao]|copert[ao]"
                                r"|assegnat[ao]|ingevuld|vervuld|obsadzon[ey])\b"
                                # Korean: "we could not take you on" (모시지 못하게, 채용하지 못하게)
                                r"|(?:모시|함께하|채용하|선발하|합격시키|모셔가)지\s*못하"),
    OFFER: (r"\bto\s+(?:formally\s+)?offer\s+you\s+(?:the|a|this|our)\s+(?:[\w-]+\s+){0,4}?"
            r"(?:position|role|job|post)\b"
            r"|\b(?:like|love|want)\s+you\s+to\s+join\s+(?:[\w&'’-]+\s+){1,4}?as\b"
            r"|\bihnen\s+(?:die|diese|eine|unsere)\s+(?:[\w-]+\s+){0,3}?(?:stelle|position)\s+(?:[\w-]+\s+){0,4}?"
            r"(?:anzubieten|anbieten)\b"),
    INTERVIEW: (r"\b(?:laden|lade)\s+(?:sie|dich|euch)\s+(?:[\w-]+\s+){0,3}?(?:zu|zum)\s+(?:[\w-]+\s+){0,2}?"
                # a separable verb: "wir laden Sie gern zu einem Vorstellungsgespräch ein"
                r"(?:[\w-]*gespräch|interview|kennenlernen|probearbeit\w*)\s+ein\b"
                r"|\b(?:schedule|set\s+up|arrange|book|organi[sz]e)\s+(?:a|an|your|the)\s+(?:[\w-]+\s+){0,2}?"
                r"(?:interview|screen|screening|call|chat|conversation|meeting)\b"
                r"|\b(?:free|available)\s+for\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:interview|screen|call|chat)\b"
                r"|\b(?:push|move|shift|change|bump)\s+(?:your|our|the)\s+(?:[\w-]+\s+){0,2}?(?:interview|call|meeting)"
                r"\s+(?:to|until)\b"
                r"|\b(?:disponible|libre)s?\s+(?:pour|para)\s+(?:un|una)\s+(?:[\w-]+\s+){0,2}?(?:entretien|entrevista)\b"
                r"|\b(?:meet|see|speak\s+(?:to|with))\s+you\s+for\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:interview|chat)\b"
                r"|\b(?:do|have)\s+a\s+(?:[\w-]+\s+){0,3}?(?:chat|call|interview)\s+with\s+(?:our|the|me|us)\b"
                # an interview word with the day it is on: "una entrevista el viernes", "Gespräch am Montag"
                r"|\b(?:interview|entrevista|entretien|gespräch|vorstellungsgespräch|colloquio)\s+(?:[\w-]+\s+){0,2}?"
                r"(?:on|el|le|am|this|next|este|esta|ce|cette|il|lunedì)\s+(?:" + WEEKDAYS + r")\b"),
    CONFIRMATION: (r"\bthank(?:s|\s+you)(?:\s+(?:so\s+much|very\s+much|a\s+lot|again))?\s+for\s+"
                   r"(?:applying|your\s+(?:application|interest\s+in\s+(?:joining|working))"
                   r"|(?:submitting|sending)\s+(?:your|in\s+your)\s+(?:application|resume|résumé|cv))"
                   r"|\byour\s+application\s+(?:for\s+[^.\n]{1,60}?\s+)?(?:has\s+been|was|is)\s+(?:successfully\s+)?"
                   r"(?:received|submitted|sent|in)\b"
                   r"|\bwe(?:'ve|\s+have)\s+(?:got|received)\s+your\s+(?:application|resume|résumé|cv)\b"
                   r"|\bvotre\s+candidature\s+(?:[^.\n]{0,80}?\s+)?a\s+(?:bien\s+)?été\s+"
                   r"(?:transmise|reçue|enregistrée|envoyée|prise\s+en\s+compte)"
                   r"|\bhaben\s+(?:ihre|deine)\s+(?:bewerbung|unterlagen)\s+(?:[^.\n]{0,60}?\s+)?erhalten\b"
                   # "(di aver) ricevuto la tua candidatura", "recibimos tu postulación", "recebemos a sua candidatura",
                   # "otrzymaliśmy Twoją aplikację", "reçu votre candidature"
                   r"|\b(?:ricevut[oa]|ricevuto|recibi\w*|recebe\w*|recebid[oa]|reçu|otrzymal\w*)\s+(?:la\s+|a\s+)?"
                   r"(?:tua|sua|vostra|tu|su|vuestra|votre|twoj\w*|pani|pana)\s+"
                   r"(?:candidatura|solicitud|postulación|candidature|aplikacj\w*|kandydatur\w*|cv|curriculum|currículo)\b"
                   r"|\b(?:tu|su)\s+(?:solicitud|candidatura|postulación|cv)\s+(?:[^.\n]{0,60}?\s+)?(?:fue|ha\s+sido)\s+"
                   r"(?:recibida|registrada|enviada)"
                   r"|\b(?:ihre|deine)\s+bewerbung\s+(?:als\s+[^.\n]{1,60}?\s+)?(?:ist|wurde)\s+(?:[\w-]+\s+){0,6}?"
                   r"(?:eingegangen|angekommen|übermittelt|eingereicht)"
                   # thanks for having applied: "vielen Dank, dass du dich als Disponent beworben hast"
                   r"|\bdank\w*[^.\n]{0,20}?\bdass\s+(?:du\s+dich|sie\s+sich)\s+(?:[^.\n]{0,60}?\s+)?beworben"
                   # thanks for your application, in Italian, Portuguese, Dutch, Polish ("grazie per la tua
                   # candidatura", "obrigado pela sua candidatura", "bedankt voor je sollicitatie")
                   r"|\b(?:grazie|obrigad[oa]|bedankt|dank\s+je|dank\s+u|dziękujemy|dziękuję)\s+(?:per|pela|pelo|voor|za)\s+"
                   r"(?:la\s+|a\s+)?(?:(?:tua|sua|vostra|je|jouw|uw|twoją|pani|pana)\s+)?"
                   r"(?:candidatura|sollicitatie|aplikacj\w*|zgłoszeni\w*|interesse)\b"
                   # Italian, Portuguese, Dutch, Polish: "la tua candidatura ... è stata ricevuta", "sua candidatura
                   # ... foi enviada com sucesso", "je sollicitatie ... is ontvangen", "twoja aplikacja ... została
                   # przesłana"
                   r"|\b(?:tua|sua|vostra)\s+candidatura\s+(?:[^.\n]{0,60}?\s+)?(?:è|foi|é)\s+(?:stata\s+)?"
                   r"(?:ricevut|inviat|registrat|recebid|enviad|registrad|submetid)\w*"
                   # a thanking verb, the company or "we" its subject: "X vous remercie pour votre candidature",
                   # "le agradecemos su solicitud", "la ringraziamo per la sua candidatura"
                   r"|\b(?:remerci|agradec|ringrazi)\w*\s+(?:[\w'’]+\s+){0,3}?(?:(?:pour|de|por|per)\s+)?"
                   r"(?:l['’]envoi\s+de\s+)?(?:votre|ta|tu|su|la\s+tua|la\s+sua)\s+(?:candidature|candidatura|solicitud)\b"
                   r"|\b(?:je|uw)\s+sollicitatie\s+(?:[^.\n]{0,60}?\s+)?(?:is|werd)\s+(?:goed\s+)?(?:ontvangen|verzonden)"
                   r"|\b(?:twoja|pani|pana)\s+(?:aplikacja|kandydatura)\s+(?:[^.\n]{0,60}?\s+)?została\s+"
                   r"(?:przesłana|wysłana|przyjęta|zarejestrowana)"),
}
QUOTE_STARTS = (
    r"^on .{0,200} wrote:\s*$", r"^am .{0,200} schrieb .{0,120}:\s*$", r"^le .{0,200} a écrit\s*:\s*$",
    r"^el .{0,200} escribió\s*:\s*$", r"^-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|"
    r"mensaje original)\s*-{2,}\s*$", r"^from: .{0,200}$", r"^von: .{0,200}$", r"^de ?: .{0,200}$",
    # any language's "DATE, NAME <address> wrote:" ("Il giorno ... ha scritto:", "2026年12月2日(水) ... <...>:")
    r"^.{0,160}<[^<>@\s]+@[^<>\s]+>\s*(?:[^\W\d_]+\s*){0,2}[:：]\s*$",
    # "W dniu 3.12.2026 o 19:02 Agnieszka pisze:", "Op 3 dec. 2026 schreef Jan:", "Em 3/12 ... escreveu:"
    r"^.{0,200}\b(?:wrote|schrieb|a\s+écrit|escribió|ha\s+scritto|escreveu|schreef|pisze|napisał\w*)\s*[:：]\s*$",
)
# An attached document that is the offer or its contract, by its file name ("Offer_Letter_Sam.pdf",
# "proposta.pdf", "Arbeitsvertrag.pdf", "内定通知書.pdf"): with a short body, the file says it.
OFFER_FILE = (r"(?<![^\W\d_])(?:offer|oferta|proposta|propuesta|angebot|vertragsangebot|arbeitsvertrag|vertrag"
              r"|contrat|contract|contratto|contrato|umowa|aanbod|arbeidsovereenkomst|promesse|offerta"
              # a letter of hiring ("Lettera_di_assunzione.pdf", "carta de contratación", "admissão")
              r"|assunzione|embauche|contratacion|contratación|admissao|admissão|zatrudnieni\w*)(?![^\W\d_])"
              # German and Dutch join the word to what it is about ("Arbeitsvertragsangebot",
              # "Arbeidsvoorwaardenvoorstel", "Gehaltsangebot", "Dienstvertrag"): a word of work, then the
              # offer's word ending the compound (a "Mietvertrag" or a "Projectvoorstel" is none)
              r"|(?<![^\W\d_])(?:arbeits|dienst|gehalts|anstellungs|einstellungs|stellen|job|arbeids|salaris"
              r"|aanstellings|dienstverbands?)[^\W\d_]*?(?:angebot|vertrag|aanbod|voorstel|overeenkomst)(?![^\W\d_])"
              r"|内定|労働条件|입사|처우|录用|錄用")
# Platforms that send an employer's assessment (a coding test, a video interview): they write for it
ASSESSMENT_DOMAINS = ("hackerrank.com", "hackerrankforwork.com", "codility.com", "codesignal.com", "testgorilla.com",
                      "hirevue.com", "coderbyte.com", "devskiller.com", "tests4geeks.com", "mettl.com", "shl.com")

