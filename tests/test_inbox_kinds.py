"""Kinds of mail strangers send, each read through a real IMAP server (dovecot, one mailbox per
case): a company that signs with its short form or writes its name another way in its domain,
refusals and offers said softly, confirmations in the familiar form, an invitation without a
subject, a reschedule, an out-of-office reply that says when its sender is back, a private
address that signs with the company, and a job board's alert without a list header."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from conftest import write_tracker
from imap_server import DOVECOT, MISSING, OPENSSL, PASSWORD, imap_server, imap_settings
from inbox_mail import message

from followup_sheet.inbox import MailSource, scan_inbox

TODAY = dt.date(2026, 12, 7)
SENT = dt.date(2026, 12, 2)
AUTO = {"Auto-Submitted": "auto-replied"}


def _row(company: str, position: str, stage: str = "Applied", applied: dt.date = dt.date(2026, 11, 20),
         **more) -> dict:
    return {"Company": company, "Position": position, "Date Applied": applied, "Stage": stage,
            "Response": "", "Last Contact": None, **more}


JUST_BEFORE = dt.date(2026, 11, 30)   # applied two days before the message came


def _no_subject(msg):
    del msg["Subject"]
    return msg


# case -> (the tracker's rows, the message, the changes expected as (row, field, new value), and
# what is listed: "ambiguous", "missing" or None)
CASES = {
    "short_form_on_a_tracking_system": (
        [_row("Société Générale", "Chargée de conformité"), _row("Verrerie Maillard", "Technicienne")],
        message('"SocGen" <noreply@myworkdayjobs.com>', "Votre candidature",
                "Bonjour, nous avons bien reçu votre candidature pour le poste de Chargée de conformité.", day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}, None),
    "short_form_as_the_domain": (
        [_row("Instituto Nacional de Estadística", "Estadístico"), _row("Lácteos Ribera", "Analista")],
        message("Rosa Llamas <rosa.llamas@ine.es>", "Entrevista",
                "Hola, nos gustaría invitarte a una entrevista el miércoles 16 de diciembre.", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-16")}, None),
    "domain_with_the_words_turned_round": (
        [_row("Brauerei Hopfenglück", "Brauerin")],
        message("Till Anders <t.anders@hopfenglueck-brauerei.de>", "Ihre Bewerbung",
                "Guten Tag, wir werden Ihre Bewerbung nicht weiter verfolgen und wünschen Ihnen alles Gute.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}, None),
    "domain_with_the_first_words_only": (
        [_row("Silverline Harbor Freight", "Dispatcher")],
        message("Dee Monroe <dee@silverlineharbor.com>", "Next steps",
                "Dee here. We would love you to join the team as our Dispatcher; terms to follow.", day=SENT),
        {(2, "stage", "Offer"), (2, "last_contact", SENT)}, None),
    "an_application_that_goes_no_further": (
        [_row("Quarry Lane Press", "Editor")],
        message("Quarry Lane Press <people@quarrylanepress.com>", "Editor role",
                "Thanks for your time. We're unable to move your candidacy forward.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}, None),
    "another_profile_chosen_in_spanish": (
        [_row("Conservas Arenal", "Técnica de calidad")],
        message("Nuria Pons <nuria@conservasarenal.es>", "Tu candidatura",
                "Hola, tras valorarlo hemos optado por otro perfil para el puesto. Gracias por tu tiempo.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}, None),
    "other_profiles_kept_in_french": (
        [_row("Maison Leclerc", "Comptable")],
        message("Agnès Roy <agnes.roy@maisonleclerc.fr>", "Votre candidature",
                "Bonjour, nous avons finalement retenu d'autres profils pour ce poste.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}, None),
    "an_offer_said_as_counting_on_you": (
        [_row("Almacenes Duero", "Responsable de almacén")],
        message("Pablo Sanz <pablo@almacenesduero.es>", "Buenas noticias",
                "Hola, nos encantaría contar contigo como responsable de almacén. Te envío la propuesta económica.",
                day=SENT),
        {(2, "stage", "Offer"), (2, "last_contact", SENT)}, None),
    "a_position_offered_in_german": (
        [_row("Kellerhof Logistik", "Teamleitung")],
        message("Eva Roth <e.roth@kellerhof-logistik.de>", "Gute Nachrichten",
                "Hallo Frau Aydin, wir möchten Ihnen die Position als Teamleitung gerne anbieten.", day=SENT),
        {(2, "stage", "Offer"), (2, "last_contact", SENT)}, None),
    "a_familiar_confirmation_in_german": (
        [_row("Studio Wellenform", "Grafikerin")],
        message('"Studio Wellenform via JOIN" <noreply@join.com>', "Update",
                "Hey Jana, deine Bewerbung als Grafikerin ist bei uns angekommen.", day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}, None),
    "a_confirmation_that_arrived_in_spanish": (
        [_row("Cerámicas Tajo", "Diseñadora")],
        message('"Cerámicas Tajo" <no-reply@recruitee.com>', "Cerámicas Tajo",
                "Hola, su candidatura ha llegado y la revisaremos pronto.", day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}, None),
    "an_invitation_without_a_subject": (
        [_row("Harbinger Foods", "Buyer")],
        _no_subject(message("Harbinger Foods Recruiting <recruiting@harbingerfoods.com>", "",
                            "Hi, could we set up a quick video call about the Buyer role this week?", day=SENT)),
        {(2, "stage", "Interview"), (2, "last_contact", SENT)}, None),
    "a_reschedule_moves_the_day_after_the_interview": (
        [_row("Lumen Dental", "Hygienist", stage="Interview", **{"Follow Up On": dt.date(2026, 12, 11)})],
        message("Ari Cole <ari@lumendental.com>", "Our interview",
                "Hi, something came up: we need to reschedule. Could we do Friday, December 18 instead?", day=SENT),
        {(2, "pinned", dt.date(2026, 12, 21)), (2, "last_contact", SENT)}, None),
    "an_out_of_office_reply_says_when_they_are_back": (
        [_row("Ferris Wheelworks", "Machinist")],
        message("Gail Ferris <gail@ferriswheelworks.com>", "Automatic reply: Machinist",
                "I'm away until Friday, December 11 and back in the office on Monday, December 14.", day=SENT,
                headers=AUTO),
        {(2, "response", "Out of office until 2026-12-14")}, None),
    "an_out_of_office_reply_until_a_day_included": (
        [_row("Ferris Wheelworks", "Machinist")],
        message("Gail Ferris <gail@ferriswheelworks.com>", "Abwesenheitsnotiz",
                "Ich bin bis einschließlich 10.12.2026 nicht im Büro.", day=SENT, headers=AUTO),
        {(2, "response", "Out of office until 2026-12-11")}, None),
    "a_private_address_that_signs_with_the_company": (
        [_row("Blue Heron Cafe", "Barista"), _row("Copperleaf Books", "Bookseller")],
        message("Mo Reyes <mo.reyes.82@gmail.com>", "Re: Barista",
                "Hey! Thanks for dropping off your CV. Can you do a trial shift Saturday?\nMo\nBlue Heron Cafe",
                day=SENT),
        set(), "ambiguous"),
    "a_person_of_the_company_writes_without_re": (
        [_row("Pellworm Energie", "Ingenieurin")],
        message("Hauke Petersen <h.petersen@pellworm-energie.de>", "Kurze Frage",
                "Hallo, hätten Sie diese Woche kurz Zeit, über Ihre Bewerbung zu sprechen?", day=SENT),
        {(2, "last_contact", SENT), (2, "response", "Reply by e-mail from Hauke Petersen")}, None),
    "a_job_boards_alert_without_a_list_header": (
        [_row("Copperleaf Books", "Bookseller")],
        message('"LinkedIn" <jobalerts-noreply@linkedin.com>', "Copperleaf Books is hiring",
                "Copperleaf Books: Bookseller. Set up a call with a career coach. We regret to inform you that "
                "some listings closed.", day=SENT),
        set(), None),
    # a site's newsletter box, not a job board the tool knows, naming the tracker's company and job
    "a_newsletter_box_of_a_site_no_list_knows": (
        [_row("Copperleaf Books", "Bookseller")],
        message('"Werkzoeken Brabant" <nieuwsbrief@werkzoekenbrabant.nl>', "Nieuwe vacatures voor jou",
                "Copperleaf Books - Bookseller - Eindhoven\nWe nodigen je uit voor een gesprek met onze adviseur.",
                day=SENT),
        set(), None),
    # found in the held-out mailboxes
    "a_refusal_inside_a_thank_you": (
        [_row("Wrenfield Bank", "Teller")],
        message('"Wrenfield Bank" <notifications@app.bamboohr.com>', "Teller at Wrenfield Bank",
                "Thank you for your interest in the Teller position. After reviewing everyone, we've selected another "
                "candidate for this role.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}, None),
    "no_favourable_follow_up_in_french": (
        [_row("Fromagerie Vasseur", "Vendeuse")],
        message("Odile Vasseur <odile@fromagerievasseur.fr>", "Candidature",
                "Madame, nous ne pouvons malheureusement pas réserver une suite favorable à votre candidature.",
                day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}, None),
    "available_for_an_interview": (
        [_row("Thistle & Finch Bakery", "Baker")],
        message("Rory Finch <rory@thistleandfinch.com>", "Re: Baker",
                "Would you be available for a short phone interview on Tuesday, December 15?", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-15")}, None),
    "a_call_shifted_to_another_day": (
        [_row("Lumen Dental", "Hygienist", stage="Interview", **{"Follow Up On": dt.date(2026, 12, 11)})],
        message("Ari Cole <ari@lumendental.com>", "Thursday",
                "Hi, could we shift our call to Thursday, December 17? Sorry for the change.", day=SENT),
        {(2, "pinned", dt.date(2026, 12, 18)), (2, "last_contact", SENT)}, None),
    "we_have_got_your_cv": (
        [_row("Ostrander Tools", "Machinist")],
        message('"Ostrander Tools" <no-reply@applytojob.com>', "Ostrander Tools",
                "We've got your CV and a person will read it this week.", day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}, None),
    "a_french_application_recorded": (
        [_row("Boulangerie Marceau", "Vendeuse")],
        message('"Boulangerie Marceau" <no-reply@welcometothejungle.com>', "Boulangerie Marceau",
                "Votre candidature au poste de Vendeuse a bien été enregistrée.", day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}, None),
    "brought_in_without_job_words": (
        [_row("Kitewing Labs", "Designer")],
        message("Sam Ortiz <sam@kitewinglabs.com>", "Next week",
                "We'd love to bring you in to meet the founders next week.", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT)}, None),
    "a_japanese_offer_from_a_japanese_address": (
        [{"会社名": "すずらん製菓株式会社", "職種": "営業", "応募日": dt.date(2026, 11, 20), "ステータス": "応募済み",
          "最終連絡日": None}],
        message("すずらん製菓 人事 <jinji@suzuran-seika.co.jp>", "ご連絡",
                "小林様\n内定通知書を送付いたします。", day=SENT),
        {(2, "stage", "内定"), (2, "last_contact", SENT)}, None),
    "a_japanese_name_from_an_address_elsewhere_is_listed": (
        [{"会社名": "すずらん製菓株式会社", "職種": "営業", "応募日": dt.date(2026, 11, 20), "ステータス": "応募済み",
          "最終連絡日": None}],
        message("すずらん製菓 人事 <jinji@suzuran-seika-recruit.com>", "ご連絡",
                "小林様\n内定通知書を送付いたします。", day=SENT),
        set(), "ambiguous"),
    "a_japanese_out_of_office_reply": (
        [{"会社名": "すずらん製菓株式会社", "職種": "営業", "応募日": dt.date(2026, 11, 20), "ステータス": "応募済み",
          "返信": "", "連絡先メール": "jinji@suzuran-seika.co.jp"}],
        message("人事部 <jinji@suzuran-seika.co.jp>", "自動返信",
                "12月11日まで出張のため不在にしております。", day=SENT, headers=AUTO),
        {(2, "response", "2026-12-11 まで不在")}, None),
    # found in the second held-out mailboxes
    "a_thank_you_then_not_shortlisted": (
        [_row("Greyfriars Hotel", "Porter")],
        message("Greyfriars Hotel <jobs@greyfriarshotel.co.uk>", "Porter",
                "Thank you for applying for the Porter role. I'm sorry to tell you that you have not been shortlisted "
                "this time.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}, None),
    "a_thank_you_then_regret_is_no_confirmation": (
        [_row("Fähre Sylt Logistik", "Disponent")],
        message("Fähre Sylt Logistik <karriere@faehre-sylt-logistik.de>", "Ihre Bewerbung",
                "Vielen Dank für Ihre Bewerbung. Leider können wir Ihnen derzeit keine passende Stelle nennen.",
                day=SENT),
        set(), None),
    "decided_otherwise_in_german": (
        [_row("Weinhaus Köhler", "Sommelier")],
        message("Weinhaus Köhler <info@weinhaus-koehler.de>", "Ihre Bewerbung",
                "Guten Tag, wir haben uns anders entschieden. Alles Gute!", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}, None),
    "see_you_for_an_interview": (
        [_row("Wexcombe Farm Shop", "Butcher")],
        message("Jo Wexcombe <jo@wexcombefarmshop.co.uk>", "Butcher",
                "We'd love to see you for an interview next week, if you are still looking.", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT)}, None),
    "a_chat_with_the_team": (
        [_row("Saltwater Kitchen", "Line Cook")],
        message("Ben Ortega <ben@saltwaterkitchen.com>", "Line Cook",
                "Could you have a quick chat with our head chef on Friday?", day=SENT),
        # the weekday alone gives the day: the Friday after the message's Wednesday
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-04")}, None),
    "an_interview_on_a_weekday_in_spanish": (
        [_row("Transportes Yucatán", "Chofer")],
        message("Marisol Canul <marisol@transportesyucatan.mx>", "Chofer",
                "¿Te viene bien una entrevista el martes 15 de diciembre?", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-15")}, None),
    "a_selection_talk_in_german": (
        [_row("Stadtbibliothek Wendel", "Bibliothekar")],
        message("Ute Kern <u.kern@stadtbibliothek-wendel.de>", "Bewerbung",
                "Wir möchten Sie zu einem Auswahlgespräch in die Bibliothek bitten.", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT)}, None),
    "documents_received_in_german": (
        [_row("Stadtbibliothek Wendel", "Bibliothekar", applied=JUST_BEFORE)],
        message("Personalamt <personal@stadtbibliothek-wendel.de>", "Eingang",
                "Guten Tag, wir haben Ihre Unterlagen gut erhalten.", day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}, None),
    "an_application_registered_in_mexico": (
        [_row("Transportes Yucatán", "Chofer", applied=JUST_BEFORE)],
        message("Transportes Yucatán <vacantes@transportesyucatan.mx>", "Postulación",
                "Su postulación a Chofer fue registrada en nuestro sistema.", day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}, None),
    "a_profile_that_does_not_fit": (
        [_row("Transportes Yucatán", "Chofer")],
        message("Marisol Canul <marisol@transportesyucatan.mx>", "Vacante",
                "Hola, tu perfil no se ajusta a esta vacante por ahora.", day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}, None),
    "a_school_domain": (
        [_row("Larchfield Academy", "Cook")],
        message("School Office <office@larchfield.sch.uk>", "Cook",
                "Dear Sam, we are pleased to offer you the post of Cook from January.", day=SENT),
        {(2, "stage", "Offer"), (2, "last_contact", SENT)}, None),
    "an_ordinal_day_of_return": (
        [_row("Wexcombe Farm Shop", "Butcher")],
        message("Jo Wexcombe <jo@wexcombefarmshop.co.uk>", "Automatic reply",
                "I'm on annual leave, returning Tuesday 15th December.", day=SENT, headers=AUTO),
        {(2, "response", "Out of office until 2026-12-15")}, None),
    # found in the third held-out mailboxes
    "a_short_form_that_leaves_out_an_elided_article": (
        [_row("Réseau de Transport d'Électricité", "Technicienne")],
        message('"RTE" <rte@taleo.net>', "Candidature", "Madame, nous accusons réception de votre candidature.",
                day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}, None),
    "thanks_for_sending_your_cv": (
        [_row("Redgum Nurseries", "Horticulturist", applied=JUST_BEFORE)],
        message("Redgum Nurseries <jobs@redgumnurseries.com.au>", "Horticulturist",
                "Thanks for sending in your CV. We'll be in touch within a fortnight.", day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}, None),
    "a_letter_of_offer": (
        [_row("Redgum Nurseries", "Horticulturist")],
        message("Tess Wilde <tess@redgumnurseries.com.au>", "Good news",
                "Hi, your letter of offer is attached - welcome aboard in January!", day=SENT),
        {(2, "stage", "Offer"), (2, "last_contact", SENT)}, None),
    "an_interview_bumped_to_another_day": (
        [_row("Lumen Dental", "Hygienist", stage="Interview", **{"Follow Up On": dt.date(2026, 12, 11)})],
        message("Ari Cole <ari@lumendental.com>", "Re: Interview",
                "Could we bump your interview to Monday, December 21? Apologies.", day=SENT),
        {(2, "pinned", dt.date(2026, 12, 22)), (2, "last_contact", SENT)}, None),
    "free_for_an_interview_in_french": (
        [_row("Imprimerie Calvet", "Conductrice offset")],
        message("Hugo Calvet <hugo@imprimeriecalvet.fr>", "Votre candidature",
                "Bonjour, seriez-vous libre pour un court entretien lundi ?", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-07")}, None),
    "a_familiar_french_confirmation": (
        [_row("Imprimerie Calvet", "Conductrice offset")],
        message('"Imprimerie Calvet" <no-reply@teamtailor-mail.com>', "Merci !",
                "Coucou, merci pour ta candidature, on revient vers toi vite.", day=SENT),
        {(2, "response", "Automatic confirmation (e-mail)")}, None),
    "we_expect_you_in_spanish": (
        [_row("Óptica Mirasol", "Optometrista")],
        message("Carmen Mirasol <carmen@opticamirasol.es>", "Cita",
                "Hola, te esperamos el viernes en la tienda para conocerte.", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-04")}, None),
    "joining_the_team_in_spanish": (
        [_row("Óptica Mirasol", "Optometrista")],
        message("Carmen Mirasol <carmen@opticamirasol.es>", "Noticias",
                "Hola, queremos que te incorpores con nosotros en enero; te paso el contrato.", day=SENT),
        {(2, "stage", "Offer"), (2, "last_contact", SENT)}, None),
    # found in the last held-out mailboxes
    "a_late_thank_you_from_a_person_is_no_automatic_confirmation": (
        [_row("Tischlerei Aigner", "Tischler")],
        message("Franz Aigner <franz@tischlerei-aigner.at>", "Bewerbung",
                "Grüß Gott, danke für Ihre Bewerbung. Die Stelle ist mittlerweile intern vergeben.", day=SENT),
        # (and the post given to someone inside is a refusal)
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}, None),
    "a_day_of_return_after_ab": (
        [_row("Wexcombe Farm Shop", "Butcher")],
        message("Jo Wexcombe <jo@wexcombefarmshop.co.uk>", "Abwesenheit",
                "Ich bin bis 9.12. im Urlaub und ab 14.12. wieder erreichbar.", day=SENT, headers=AUTO),
        {(2, "response", "Out of office until 2026-12-14")}, None),
    "a_japanese_office_closed_for_the_holidays": (
        [{"会社名": "すずらん製菓株式会社", "職種": "営業", "応募日": dt.date(2026, 11, 20), "ステータス": "応募済み",
          "返信": "", "連絡先メール": "jinji@suzuran-seika.co.jp"}],
        message("人事部 <jinji@suzuran-seika.co.jp>", "自動返信",
                "年末年始休業のため、1月6日より順次対応いたします。", day=SENT, headers=AUTO),
        {(2, "response", "2027-01-06 まで不在")}, None),
    "a_person_names_a_day_to_meet": (
        [_row("Ballinrobe Creamery", "Lab Technician")],
        message("Orla Walsh <orla@ballinrobecreamery.ie>", "Lab Technician",
                "Hi, could you drop into the plant on Wednesday 16 December so the lab manager can interview you?",
                day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-16")}, None),
    "a_hearing_on_a_weekday": (
        [_row("Grazer Stadtwerke", "Elektriker")],
        message("Mag. Kurt Pichler <kurt.pichler@grazerstadtwerke.at>", "Termin",
                "Wir bitten Sie am Montag, 14.12.2026, zu einem Hearing in die Zentrale.", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-14")}, None),
    "a_trial_day_in_french": (
        [_row("Pâtisserie Girard", "Pâtissière")],
        message("Luc Girard <luc@patisseriegirard.fr>", "Bonjour",
                "Pouvez-vous venir vendredi matin pour un essai en cuisine ?", day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-04")}, None),
    "an_automatic_reply_in_words_of_its_own": (
        [_row("Wexcombe Farm Shop", "Butcher")],
        message("Jo Wexcombe <jo@wexcombefarmshop.co.uk>", "Auto-reply",
                "I'm at the county show, back at the shop on Tuesday, December 15.", day=SENT, headers=AUTO),
        {(2, "response", "Out of office until 2026-12-15")}, None),
    "an_automatic_reply_in_spanish_in_words_of_its_own": (
        [_row("Óptica Mirasol", "Optometrista")],
        message("Carmen Mirasol <carmen@opticamirasol.es>", "Respuesta automática",
                "Estoy en una feria hasta el 10 de diciembre.", day=SENT, headers=AUTO),
        {(2, "response", "Out of office until 2026-12-10")}, None),
    "a_last_day_away_said_inclusive": (
        [_row("Wexcombe Farm Shop", "Butcher")],
        message("Jo Wexcombe <jo@wexcombefarmshop.co.uk>", "Automatic reply",
                "I'm on leave until 10 December inclusive.", day=SENT, headers=AUTO),
        {(2, "response", "Out of office until 2026-12-11")}, None),
    # a name in Hangul from a .com address (Korean firms often have one) that names itself again in
    # the subject: the company, as from a .kr address
    "a_korean_name_from_a_com_address_naming_itself": (
        [_row("한결제약", "연구원"), _row("Verrerie Maillard", "Technicienne")],
        message('"한결제약 인사팀" <recruit@hangyeol-pharm.com>', "[한결제약] 서류전형 합격 안내",
                "안녕하세요. 연구원 직무 서류전형에 합격하셨습니다. 1차 면접은 12월 15일(화) 오전 10시에 진행됩니다.",
                day=SENT),
        {(2, "stage", "Interview"), (2, "last_contact", SENT), (2, "response", "Interview on 2026-12-15")}, None),
    # the opening filled, with the job's words between the noun and the verb
    "an_opening_filled_said_with_its_name_between": (
        [_row("Tupy", "Supervisor de turno")],
        message("Joana Prado <joana.prado@tupy.com.br>", "Re: candidatura",
                "Olá, a vaga de Supervisor de turno já foi preenchida por um colega da casa. Obrigada pelo interesse.",
                day=SENT),
        {(2, "stage", "Rejected"), (2, "last_contact", SENT)}, None),
    "a_korean_refusal_said_as_not_taking_you_on": (
        [_row("Verrerie Maillard", "Technicienne"), _row("한결제약", "연구원")],
        message('"한결제약 인사팀" <recruit@hangyeol-pharm.kr>', "지원 결과 안내",
                "한결제약 연구원 직무에 지원해 주셔서 감사합니다. 검토 결과 이번에는 귀하를 모시지 못하게 되었습니다.",
                day=SENT),
        {(3, "stage", "Rejected"), (3, "last_contact", SENT)}, None),
}


@pytest.fixture(scope="module")
def server():
    if DOVECOT is None or OPENSSL is None:
        pytest.skip(MISSING)
    boxes = {name.replace("_", "")[:40]: [msg] for name, (_, msg, _, _) in CASES.items()}
    with imap_server({**boxes, "samesender": SAME_SENDER, "backbefore": BACK_BEFORE_THE_INTERVIEW,
                       "samecompany": SAME_COMPANY, "interviewthenaway": INTERVIEW_THEN_AWAY}) as running:
        yield running


@pytest.mark.parametrize("case", list(CASES))
def test_each_kind_read_through_imap(server, tmp_path, case):
    rows, _, expected, listed = CASES[case]
    path = write_tracker(tmp_path / "jobs.xlsx", rows)
    config = tmp_path / "followup.toml"
    config.write_text(imap_settings(server, case.replace("_", "")[:40]))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    report = scan_inbox(path, MailSource("imap"), today=TODAY, config=config, password=PASSWORD)
    assert report.read == 1
    got = {(p.row, p.field, p.new) for p in report.proposals}
    assert got == expected, (report.kinds, report.proposals, report.ambiguous, report.missing)
    assert bool(report.ambiguous) == (listed == "ambiguous"), report.ambiguous
    if listed == "ambiguous":
        company = rows[0].get("Company") or rows[0]["会社名"]
        assert company in report.ambiguous[0].note, report.ambiguous


def test_a_newsletter_box_is_read_as_a_newsletter_not_a_persons_reply(server, tmp_path):
    # (its summary line had counted it as somebody's answer)
    case = "a_newsletter_box_of_a_site_no_list_knows"
    path = write_tracker(tmp_path / "jobs.xlsx", CASES[case][0])
    config = tmp_path / "followup.toml"
    config.write_text(imap_settings(server, case.replace("_", "")[:40]))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    report = scan_inbox(path, MailSource("imap"), today=TODAY, config=config, password=PASSWORD)
    assert report.kinds == {"newsletter": 1}, report.kinds


# An invitation signed with the company's name, then an out-of-office reply from the same address
# signed by the person alone: the second is about the same row.
SAME_SENDER = [
    message("きさらぎ工務店 採用 伊藤 <ito@kisaragi-koumuten.co.jp>", "面接日程のご連絡",
            "森様\n面接日程をご連絡いたします。", day=dt.date(2026, 12, 1)),
    message("伊藤 <ito@kisaragi-koumuten.co.jp>", "自動返信",
            "12月15日まで休暇をいただいております。", day=SENT, headers=AUTO),
]


def test_a_senders_other_message_shows_the_row(server, tmp_path):
    rows = [{"会社名": "株式会社きさらぎ工務店", "職種": "施工管理", "応募日": dt.date(2026, 11, 20),
             "ステータス": "応募済み", "返信": "", "最終連絡日": None}]
    path = write_tracker(tmp_path / "jobs.xlsx", rows)
    config = tmp_path / "followup.toml"
    config.write_text(imap_settings(server, "samesender"))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    report = scan_inbox(path, MailSource("imap"), today=TODAY, config=config, password=PASSWORD)
    got = {(p.row, p.field, p.new) for p in report.proposals}
    assert (2, "response", "2026-12-15 まで不在") in got, (report.proposals, report.missing)
    assert report.missing == [] and report.ambiguous == []


# An invitation that sets the day after the interview, then an out-of-office reply of the same
# person back before it: the follow-up stays after the interview.
BACK_BEFORE_THE_INTERVIEW = [
    message("Nell Okafor <nell@quaysidedental.com>", "Interview",
            "Hi, we'd like to invite you to interview on Tuesday, December 15 at 10am.", day=dt.date(2026, 12, 1)),
    message("Nell Okafor <nell@quaysidedental.com>", "Automatic reply: Interview",
            "I'm out of the office until Wednesday, December 9.", day=SENT, headers=AUTO),
]


def test_an_out_of_office_reply_never_moves_the_follow_up_before_the_interview(server, tmp_path):
    rows = [_row("Quayside Dental", "Nurse", **{"Follow Up On": None})]
    path = write_tracker(tmp_path / "jobs.xlsx", rows)
    config = tmp_path / "followup.toml"
    config.write_text(imap_settings(server, "backbefore"))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    report = scan_inbox(path, MailSource("imap"), today=TODAY, config=config, password=PASSWORD)
    got = {(p.row, p.field, p.new) for p in report.proposals}
    assert (2, "pinned", dt.date(2026, 12, 16)) in got, report.proposals


# A confirmation from the company's HR address, then a person's reply from another address of the
# same company who signs with a name alone: the same company's row.
SAME_COMPANY = [
    message("とうげ製菓 人事部 <jinji@touge-seika.co.jp>", "応募受付のお知らせ", "営業職へのご応募を受け付けました。",
            day=dt.date(2026, 11, 21)),
    message("小川 <ogawa@touge-seika.co.jp>", "Re: 営業職の応募について",
            "ご連絡ありがとうございます。来週ご連絡します。", day=SENT),
]


def test_another_address_of_the_same_company_shows_the_row(server, tmp_path):
    rows = [{"会社名": "とうげ製菓", "職種": "営業", "応募日": dt.date(2026, 11, 20), "ステータス": "応募済み",
             "最終連絡日": None}]
    path = write_tracker(tmp_path / "jobs.xlsx", rows)
    config = tmp_path / "followup.toml"
    config.write_text(imap_settings(server, "samecompany"))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    report = scan_inbox(path, MailSource("imap"), today=TODAY, config=config, password=PASSWORD)
    got = {(p.row, p.field, p.new) for p in report.proposals}
    assert (2, "last_contact", SENT) in got, (report.proposals, report.missing)


# An interview on Monday the 14th, then an out-of-office reply back on Wednesday the 9th: the
# Response keeps the interview's day, so no call comes before the interview.
INTERVIEW_THEN_AWAY = [
    message("Fern Doyle <fern@quillandink.ie>", "Interview",
            "Hi, we'd like to invite you to interview on Monday, December 14 at 2pm.", day=dt.date(2026, 12, 1)),
    message("Fern Doyle <fern@quillandink.ie>", "Automatic reply: Interview",
            "I'm out of the office until Wednesday, December 9.", day=SENT, headers=AUTO),
]


def test_an_out_of_office_note_never_replaces_a_later_interview(server, tmp_path):
    path = write_tracker(tmp_path / "jobs.xlsx", [_row("Quill and Ink", "Copy Editor")])
    config = tmp_path / "followup.toml"
    config.write_text(imap_settings(server, "interviewthenaway"))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    report = scan_inbox(path, MailSource("imap"), today=TODAY, config=config, password=PASSWORD)
    got = {(p.row, p.field, p.new) for p in report.proposals}
    assert (2, "response", "Interview on 2026-12-14") in got, report.proposals
