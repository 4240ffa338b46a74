"""What a message says happened, read by the structure of its sentences rather than listed
phrases, each case through a real IMAP server (dovecot, one mailbox per case): the reader chosen
or not (negated), a condition that says nothing happened, regret with a verb of telling, an
invitation opened with pleasure, another day offered for a meeting, a meeting called off, and
dates and weekdays in the languages Babel names them in."""

from __future__ import annotations

import datetime as dt

import pytest
from imap_server import DOVECOT, MISSING, OPENSSL, imap_server, scan_tracker
from inbox_mail import message

TODAY = dt.date(2026, 12, 7)
SENT = dt.date(2026, 12, 2)     # a Wednesday
AUTO = {"Auto-Submitted": "auto-generated"}


def _row(company: str, position: str, stage: str = "Applied", **more) -> dict:
    return {"Company": company, "Position": position, "Date Applied": dt.date(2026, 11, 23), "Stage": stage,
            "Response": "", "Last Contact": None, **more}


INTERVIEWING = {"stage": "Interview", "Follow Up On": dt.date(2026, 12, 4)}

# case -> (rows, message, the changes expected as (row, field, new value))
CASES = {
    # the reader chosen to go on, said with a participle and no listed phrase
    "chosen_in_spanish": (
        [_row("Cerámicas Albarracín", "Diseñadora")],
        message("Nuria Gil <nuria@ceramicas-albarracin.es>", "Re: Diseñadora",
                "Hola Inés: te cuento que has sido elegida para pasar a la última fase con la dirección.", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT)}),
    # ... and the same participle negated
    "not_chosen_in_spanish": (
        [_row("Cerámicas Albarracín", "Diseñadora")],
        message("Nuria Gil <nuria@ceramicas-albarracin.es>", "Re: Diseñadora",
                "Hola Inés: en esta ocasión no has sido elegida, aunque tu portfolio nos gustó mucho.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}),
    "not_chosen_in_italian": (
        [_row("Oleificio Bertani", "Controller")],
        message("Paola Bertani <paola@oleificio-bertani.it>", "La sua candidatura",
                "Gentile Marco, la sua candidatura non è stata selezionata per il prosieguo.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}),
    # going on, said as moving the reader forward
    "moved_forward_in_english": (
        [_row("Quarry Lane Studio", "Motion Designer")],
        message("Theo Marsh <theo@quarrylane.studio>", "Re: Motion Designer",
                "Thanks Ada! The panel enjoyed your reel and we're keen to advance you to the final round.",
                day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT)}),
    # a condition: an automatic confirmation that says what may come next
    "only_a_condition": (
        [_row("Harbourline Freight", "Planner")],
        message("Harbourline Freight <no-reply@harbourline.com>", "Application received",
                "We have received your application. Should your profile be shortlisted for the next round, "
                "we will invite you to an interview.", day=SENT, headers=AUTO),
        {(2, "response", "Automatic confirmation (e-mail)")}),
    # regret with a verb of telling, the listed phrase split by the words between
    "regret_and_telling_in_german": (
        [_row("Kranbau Lenz", "Konstrukteur")],
        message("Personalabteilung <personal@kranbau-lenz.de>", "Ihre Bewerbung",
                "Sehr geehrter Herr Vogt, wir bedauern, Ihnen heute mitteilen zu müssen, dass wir uns für "
                "eine andere Besetzung entschieden haben.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}),
    "regret_and_telling_in_dutch": (
        [_row("Bakkerij Hoekstra", "Productieleider")],
        message("Sanne Hoekstra <sanne@bakkerijhoekstra.nl>", "Uw sollicitatie",
                "Beste Joris, helaas moeten wij u mededelen dat wij de vacature intern hebben ingevuld.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}),
    # asked to a meeting, opened with pleasure, the day in the sentence
    "asked_to_a_meeting_in_french": (
        [_row("Atelier Marne", "Cheffe de projet")],
        message("Claire Vidal <claire.vidal@atelier-marne.fr>", "Votre candidature",
                "Bonjour, c'est avec plaisir que nous vous convions à un échange avec notre directrice "
                "le 15 décembre.", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-15")}),
    # another day offered for the meeting already agreed: it moves with it
    "another_day_offered": (
        [_row("Tallowfield Foods", "Buyer", **INTERVIEWING)],
        message("Dan Price <dan@tallowfield.com>", "Re: Interview on Friday",
                "Hi Ada, sorry, our plant manager is away that day. Would Tuesday the 15th suit you instead?\n\n"
                "> Friday at 10 works for me.", day=SENT),
        {(2, "last_contact", SENT), (2, "pinned", dt.date(2026, 12, 16))}),
    "another_day_offered_in_polish": (
        [_row("Drukarnia Wisła", "Grafik", **INTERVIEWING)],
        message("Ewa Nowak <ewa.nowak@drukarnia-wisla.pl>", "Odp: rozmowa w piątek",
                "Dzień dobry, niestety w piątek nie damy rady. Czy możemy przełożyć spotkanie na 14 grudnia?",
                day=SENT),
        {(2, "last_contact", SENT), (2, "pinned", dt.date(2026, 12, 15))}),
    # a meeting called off, no other day given: their contact, no interview's day
    "called_off_in_italian": (
        [_row("Oleificio Bertani", "Controller", stage="Applied")],
        message("Paola Bertani <paola@oleificio-bertani.it>", "Colloquio di venerdì",
                "Gentile Marco, purtroppo dobbiamo annullare il colloquio di venerdì 4 dicembre. "
                "Le faremo sapere.", day=SENT),
        {(2, "last_contact", SENT), (2, "response", "Reply by e-mail from Paola Bertani")}),
    "calendar_cancelled": (
        [_row("Tallowfield Foods", "Buyer", stage="Applied")],
        message("Dan Price <dan@tallowfield.com>", "Cancelled: Interview with Tallowfield Foods",
                "This event has been cancelled.", day=SENT, invite=dt.date(2026, 12, 9), method="CANCEL"),
        {(2, "last_contact", SENT), (2, "response", "Reply by e-mail from Dan Price")}),
    # a date in a language the tables did not name the months of
    "a_date_in_portuguese": (
        [_row("Conservas Ribamar", "Analista")],
        message("Rita Sousa <rita.sousa@ribamar.pt>", "Entrevista",
                "Olá Tiago, gostaríamos de o convidar para uma entrevista no dia 10 de dezembro às 11h.", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-10")}),
    # -- kinds the first trial mailboxes found --------------------------------------------------------
    # a rejection said as going on with someone else, in a language with no listed phrase for it
    "gone_on_with_someone_else_in_portuguese": (
        [_row("Cerâmica Vouga", "Designer", stage="Entrevista")],
        message("Inês Braga <ines.braga@ceramicavouga.pt>", "Re: Designer",
                "Olá, obrigada pelo tempo. Optámos por seguir com uma outra candidata para esta função.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}),
    # ... and as taking it no further, whatever the object
    "taken_no_further": (
        [_row("Gorse Hill Nursery", "Head Gardener", stage="Interview")],
        message("Wyn Pryce <wyn@gorsehillnursery.co.uk>", "Re: Head Gardener",
                "Hi Ada, good to see you last week. On reflection we will not carry this forward, sorry.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}),
    # an offer said by its attached letter, the body all but empty
    "an_offer_letter_attached": (
        [_row("Tallowfield Foods", "Buyer", stage="Interview")],
        message("Dan Price <dan@tallowfield.com>", "Paperwork", "Hi Ada, see attached - shout with any questions.",
                day=SENT, document="Tallowfield_Contract_A_Lee.pdf"),
        {(2, "stage", "Offer"), (2, "last_contact", SENT)}),
    # the user's own copy of an invitation, forwarded to themselves: nothing happened
    "the_users_own_forward": (
        [_row("Tallowfield Foods", "Buyer")],
        message("Ada Lee <ada.lee@example.net>", "Fwd: Tallowfield Foods interview",
                "keep for later\n\n--- Forwarded ---\nWe would like to invite you to an interview on 9 December.",
                day=SENT, to="Ada Lee <ada.lee@example.net>"),
        set()),
    # an assessment to do by a day, sent by a testing platform for the employer
    "an_assessment_by_a_day": (
        [_row("Brightmoor Labs", "Backend Developer")],
        message('"Brightmoor Labs via Codility" <no-reply@codility.com>', "Your Brightmoor Labs coding task",
                "Hello Ada, Brightmoor Labs asks you to take a short online test. Please finish it before "
                "11 December 2026.", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-11")}),
    # an automatic confirmation and an out-of-office reply in Italian
    "a_confirmation_in_italian": (
        [_row("Cartiera Fedrigoni Nord", "Buyer", **{"Date Applied": SENT})],
        message('"Cartiera Fedrigoni Nord" <noreply@personio.de>', "Candidatura ricevuta",
                "Ciao Marco, grazie per esserti candidato: abbiamo ricevuto la tua candidatura.", day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}),
    "away_in_italian": (
        [_row("Oleificio Bertani", "Controller")],
        message("Paola Bertani <paola@oleificio-bertani.it>", "Risposta automatica",
                "Sono in ferie fino al 10 dicembre compreso.", day=SENT, headers={"Auto-Submitted": "auto-replied"}),
        {(2, "response", "Out of office until 2026-12-11")}),
    # a meeting moved from one day to another: the day it moves to, not the one it leaves
    "moved_from_one_day_to_another": (
        [_row("Oleificio Bertani", "Controller", **INTERVIEWING)],
        message("Paola Bertani <paola@oleificio-bertani.it>", "Colloquio",
                "Gentile Marco, il colloquio fissato per il 4 dicembre viene spostato a martedì 15 dicembre.",
                day=SENT),
        {(2, "last_contact", SENT), (2, "pinned", dt.date(2026, 12, 16))}),
    # the tracker holds the name alone; the domain and the signature hold the trade too
    "a_shorter_name_in_the_tracker": (
        [_row("Vasconcelos", "Cozinheiro")],
        message('"Padaria Vasconcelos" <geral@padariavasconcelos.pt>', "A sua candidatura",
                "Olá Tiago, gostaríamos de o convidar para uma entrevista na sexta-feira, 11 de dezembro.", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-11")}),
    # Japanese declining in a form of 見送る the list did not hold
    "declined_in_japanese": (
        [{"会社名": "株式会社ナギサ電機", "職種": "設計", "応募日": dt.date(2026, 11, 20), "ステータス": "一次面接",
          "連絡先メール": "saiyo@nagisa-denki.co.jp"}],
        message("ナギサ電機 採用担当 <saiyo@nagisa-denki.co.jp>", "選考結果について",
                "先日は面接にお越しいただきありがとうございました。検討の結果、今回は採用を見送る判断となりました。",
                day=SENT),
        {(2, "stage", "不採用")}),
    # a company named in kana and kanji, its domain in romaji (long vowels left out, as domains do)
    "a_japanese_name_in_its_romaji_domain": (
        [{"会社名": "つばさ運輸株式会社", "職種": "配車", "応募日": dt.date(2026, 11, 20), "ステータス": "応募済み"}],
        message("高橋 <takahashi@tsubasa-unyu.co.jp>", "面接日程のご連絡",
                "面接日程のご案内です。12月10日（木）にお越しください。", day=SENT),
        # (the interview's day in a new Response column: the sheet has neither it nor Follow Up On)
        {(2, "stage", "面接"), (2, "response", "2026-12-10 面接")}),
    # -- kinds the first held-out mailboxes found ------------------------------------------------------
    # a Korean company by its sender's name from a .kr address (Korean letters kept whole), its
    # confirmation phrase with the ending joined to it
    "a_korean_confirmation": (
        [{"회사명": "주식회사 누리공방", "직무": "디자이너", "지원일": SENT, "진행 상태": "지원 완료"}],
        message("누리공방 채용팀 <recruit@nurigongbang.kr>", "지원 접수 안내",
                "누리공방 디자이너 포지션에 지원해주셔서 감사합니다. 검토 후 연락드리겠습니다.", day=SENT),
        {(2, "response", "자동 회신: 지원서 접수 완료 (이메일)")}),
    "a_korean_refusal_said_with_its_negation_after": (
        [{"회사명": "한결제약", "직무": "연구원", "지원일": dt.date(2026, 11, 20), "진행 상태": "면접"}],
        message("한결제약 인사팀 <hr@hangyeol-pharm.co.kr>", "전형 결과 안내",
                "귀한 시간 내주셔서 감사합니다. 아쉽지만 다음 단계로 함께 진행하지 못하게 되었습니다.", day=SENT),
        {(2, "stage", "불합격")}),
    # going on with a candidate said to fit better, with no "other"
    "a_candidate_said_to_fit_better": (
        [_row("Lindeboom Zorg", "Planner", stage="Gesprek")],
        message("Femke Lindeboom <femke@lindeboomzorg.nl>", "Re: Planner",
                "Hoi Anouk, na overleg kiezen we ervoor om door te gaan met iemand die meer ervaring heeft in de zorg.",
                day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}),
    # to meet, said with the verb; the day in the question right after it
    "to_meet_and_the_day_in_the_next_question": (
        [_row("Copperline Dental", "Office Manager", **{"Follow Up On": None})],
        message("Gail Moss <gail@copperlinedental.com>", "Office Manager",
                "Hi Ada, our owner would love to meet with you. Would Monday, December 14 at 4 work?", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "pinned", dt.date(2026, 12, 15))}),
    # "chosen people will be contacted" speaks of people in general: a confirmation, not an invitation
    "people_chosen_in_general": (
        [_row("Cukrownia Kujawy", "Technolog", **{"Date Applied": SENT})],
        message('"Cukrownia Kujawy" <powiadomienia@erecruiter.pl>', "Potwierdzenie",
                "Dziękujemy za przesłanie zgłoszenia. Odpowiemy wybranym osobom.", day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}),
    # a Polish test, its noun inflected, for a company with its legal form
    "a_polish_test_by_a_day": (
        [_row("Elbud Sp. z o.o.", "Kosztorysant")],
        message('"Elbud via SHL" <noreply@shl.com>', "Zadanie",
                "Prosimy o rozwiązanie testu online do 11 grudnia 2026.", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-11")}),
    # the column's general word for an interview, not one round's nor one already held
    "the_general_word_for_an_interview": (
        [_row("Saltmarsh Bakery", "Baker"), _row("Ferncastle Inn", "Chef", stage="Second interview"),
         _row("Ravenhill Mill", "Miller", stage="Interview done"), _row("Ashgrove Farm", "Hand", stage="Interviewing")],
        message("Tess Crane <tess@saltmarshbakery.com>", "Baker",
                "Hi Ada, we'd like to invite you to an interview on 10 December.", day=SENT),
        {(2, "stage", "Interviewing"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-10")}),
    # -- kinds the second held-out mailboxes found ---------------------------------------------------
    # a date with slashes, day first; and month first when the weekday named before it says so
    "a_date_with_slashes": (
        [_row("Padaria Lua Nova", "Confeiteira")],
        message("Helena Prado <helena@padarialuanova.com.br>", "Entrevista",
                "Oi Carla, podemos conversar na sexta-feira, dia 18/12, às 9h?", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-18")}),
    "a_date_with_slashes_month_first": (
        [_row("Bluebonnet Title", "Escrow Officer")],
        message("Wade Cole <wade@bluebonnettitle.com>", "Escrow Officer",
                "Hi Carla, could we set up an interview on Friday 12/11 at 2pm?", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-11")}),
    # the job given to someone said to fit better
    "the_job_given_to_someone_else": (
        [_row("Keel & Compass", "Harbour Pilot", stage="Interview")],
        message("Ines Ward <ines@keelandcompass.com>", "Harbour Pilot",
                "Hi Carla, we appointed someone with more years on tugs. Thank you for your time.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}),
    # the reader's profile said not to fit, with regret
    "a_profile_that_does_not_fit": (
        [_row("Distillerie Verbano", "Export manager")],
        message("Distillerie Verbano <info@distillerieverbano.it>", "Candidatura",
                "Gentile Carla, purtroppo il suo profilo non risponde né corrisponde alle nostre esigenze attuali.",
                day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}),
    "a_wish_not_met_in_japanese": (
        [{"会社名": "株式会社ミヤビ工芸", "職種": "職人", "応募日": dt.date(2026, 11, 20), "ステータス": "面接済み"}],
        message("ミヤビ工芸 人事 <jinji@miyabi-kougei.co.jp>", "選考結果",
                "選考の結果、誠に恐縮ながら今回はご期待に沿いかねる結果となりました。", day=SENT),
        {(2, "stage", "不採用")}),
    "an_offer_as_a_verb_in_japanese": (
        [{"会社名": "株式会社ミヤビ工芸", "職種": "職人", "応募日": dt.date(2026, 11, 20), "ステータス": "最終面接"}],
        message("ミヤビ工芸 人事 <jinji@miyabi-kougei.co.jp>", "選考結果",
                "厳正な選考の結果、内定となりましたのでご連絡いたします。", day=SENT),
        {(2, "stage", "内定")}),
    # a possessive in the name, the domain writing it without its apostrophe
    "a_possessive_in_the_name": (
        [_row("O'Malley's Pub Group", "Bar Manager")],
        message("Hiring <jobs@omalleys.ie>", "Bar Manager interview",
                "We would like to invite you to an interview on 10 December.", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-10")}),
    # a meeting said in Italian as an "incontro", with the day
    "a_meeting_said_otherwise": (
        [_row("Liuteria Bassani", "Apprendista", stage="Colloquio")],
        message("Piero Bassani <piero@liuteriabassani.it>", "Un secondo incontro",
                "Ciao Carla, possiamo fare un incontro in bottega martedì 15 dicembre?", day=SENT),
        {(2, "last_contact", SENT), (2, "response", "Interview on 2026-12-15")}),
    # a confirmation with the role between, from a Brazilian platform
    "a_confirmation_with_words_between": (
        [_row("Banco Jatobá", "Analista", **{"Date Applied": SENT})],
        message('"Banco Jatobá" <no-reply@gupy.com.br>', "Candidatura",
                "Olá, Carla! Sua candidatura para a vaga de Analista foi registrada com sucesso.", day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}),
    # "no worries" and "not only" negate nothing that follows
    "no_worries_is_no_negation": (
        [_row("Quarry Lane Studio", "Motion Designer")],
        message("Theo Marsh <theo@quarrylane.studio>", "Re: Motion Designer",
                "No worries about the delay, Ada, we have selected you for the last round with the founders.",
                day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT)}),
    "not_only_is_no_negation": (
        [_row("Quarry Lane Studio", "Motion Designer")],
        message("Theo Marsh <theo@quarrylane.studio>", "Re: Motion Designer",
                "Not only did the panel enjoy your reel, they have chosen you to go on to the second stage.",
                day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT)}),
    # -- kinds the third held-out mailboxes found ----------------------------------------------------
    # a meeting put off with no new day yet: their contact, the follow-up's day left as it was
    "put_off_with_no_new_day": (
        [_row("Tallowfield Foods", "Buyer", **INTERVIEWING)],
        message("Dan Price <dan@tallowfield.com>", "Re: interview",
                "Hi Ada, we need to postpone Friday's interview; I will suggest a new slot next week.", day=SENT),
        {(2, "last_contact", SENT), (2, "response", "Reply by e-mail from Dan Price")}),
    # a dotted date's last dot ends no sentence: the meeting word after it is in the same one
    "a_dotted_date_inside_the_sentence": (
        [_row("Tischlerei Brandl", "Tischler")],
        message("Vroni Brandl <vroni@tischlerei-brandl.de>", "Ihre Bewerbung",
                "Hallo Herr Vogt, hätten Sie am 15.12. um 8 Uhr Zeit für ein kurzes Gespräch in der Werkstatt?",
                day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-15")}),
    # the body's new day, not the old weekday of the subject it answers
    "the_bodys_day_not_the_subjects": (
        [_row("Taller Oaxaca", "Mecánico", stage="Entrevista")],
        message("Chuy Ramos <chuy@talleroaxaca.mx>", "Re: entrevista jueves",
                "Oye, ¿mejor el martes 15 en vez del jueves?", day=SENT),
        {(2, "last_contact", SENT), (2, "response", "Interview on 2026-12-15")}),
    # thanks for having applied, said with "dass", the role between
    "thanks_for_having_applied_in_german": (
        [_row("Nordwind Logistik GmbH", "Disponent", **{"Date Applied": SENT})],
        message('"Nordwind Logistik" <noreply@personio.de>', "Deine Bewerbung",
                "Hi Ada, danke, dass du dich bei uns als Disponentin beworben hast!", day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}),
    # -- kinds the fourth held-out mailboxes found ---------------------------------------------------
    "chose_a_profile_said_to_fit_better_in_french": (
        [_row("Cabinet Aubry", "Comptable", stage="Entretien")],
        message("Hélène Aubry <h.aubry@cabinet-aubry.fr>", "Votre candidature",
                "Bonjour, après réflexion nous avons choisi une personne plus expérimentée en paie.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}),
    "thanks_for_your_application_in_italian": (
        [_row("Agriturismo Le Querce", "Cuoco", **{"Date Applied": SENT})],
        message('"Agriturismo Le Querce" <noreply@teamtailor-mail.com>', "Candidatura",
                "Ciao Marco, grazie per la tua candidatura! Ti risponderemo a breve.", day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}),
    "to_get_to_know_you_then_the_day": (
        [_row("Vivaio Ranieri", "Giardiniere")],
        message("Sara Ranieri <sara@vivaioranieri.it>", "Candidatura giardiniere",
                "Ciao Marco, vorremmo conoscerti! Ti andrebbe bene giovedì 10 dicembre alle 9?", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-10")}),
}

# a private address that offers the job: listed, never applied
LISTED = message("Rosa Pell <rosapell.bakes@gmail.com>", "Great news",
                 "Hi Ada, we'd love you to join Pell & Daughter as our head baker!\n\nRosa Pell\nPell & Daughter",
                 day=SENT)
# a friend passes on a job: nobody's reply about the application
FRIENDS_FORWARD = message("Kit Doyle <kit.doyle77@gmail.com>", "Fwd: Cobble Lane Books is hiring",
                          "you'd be great at this!\n\n---------- Forwarded message ---------\n"
                          "Cobble Lane Books is hiring a Bookseller. Send your CV to the shop.", day=SENT)
# an out-of-office reply, then a message of the same person: the day of return stays
AWAY_THEN_REPLY = [
    message("Ewa Lis <ewa.lis@kamieniarstwo-lis.pl>", "Automatyczna odpowiedź", "Jestem na urlopie do 14 grudnia.",
            day=dt.date(2026, 12, 1), headers={"Auto-Submitted": "auto-replied"}),
    message("Ewa Lis <ewa.lis@kamieniarstwo-lis.pl>", "Rozmowa", "Dzień dobry, muszę odwołać naszą rozmowę.",
            day=SENT),
]


@pytest.fixture(scope="module")
def server():
    if DOVECOT is None or OPENSSL is None:
        pytest.skip(MISSING)
    boxes = {name.replace("_", "")[:40]: [msg] for name, (_, msg, _) in CASES.items()}
    with imap_server({**boxes, "listed": [LISTED], "awaythenreply": AWAY_THEN_REPLY,
                      "friendsforward": [FRIENDS_FORWARD]}) as running:
        yield running


def _scan(server, tmp_path, user, rows):
    return scan_tracker(server, tmp_path, user, rows, TODAY)[2]


def test_an_offer_from_a_private_address_is_listed_never_applied(server, tmp_path):
    report = _scan(server, tmp_path, "listed", [_row("Pell & Daughter", "Head Baker", stage="Interview")])
    assert report.proposals == [] and [a.kind for a in report.ambiguous] == ["offer"], report


def test_a_friends_forward_is_not_listed(server, tmp_path):
    report = _scan(server, tmp_path, "friendsforward", [_row("Cobble Lane Books", "Bookseller")])
    assert report.proposals == [] and report.ambiguous == [] and report.missing == [], report


def test_a_day_of_return_stays_after_a_later_message(server, tmp_path):
    report = _scan(server, tmp_path, "awaythenreply", [_row("Kamieniarstwo Lis", "Kamieniarz", stage="Interview")])
    got = {(p.row, p.field, p.new) for p in report.proposals}
    assert got == {(2, "response", "Out of office until 2026-12-14"), (2, "last_contact", SENT)}, got


@pytest.mark.parametrize("case", list(CASES))
def test_what_happened_read_by_structure_through_imap(server, tmp_path, case):
    rows, _, expected = CASES[case]
    report = scan_tracker(server, tmp_path, case.replace("_", "")[:40], rows, TODAY)[2]
    assert report.read == 1
    got = {(p.row, p.field, p.new) for p in report.proposals}
    assert got == expected, (report.kinds, report.proposals, report.ambiguous, report.missing)
    assert not report.ambiguous and not report.missing, (report.ambiguous, report.missing)   # nothing left to guess
