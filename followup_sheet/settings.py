"""Settings: every number, word list and colour the rules use, in one frozen object.

Defaults live here; a `followup.toml` beside the workbook (or `--config FILE`) and CLI flags
override them. `docs/rules.md` explains what each one does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .catalogue import Worded
from .errors import BadSettings
from .status import Status

CONFIG_NAME = "followup.toml"
# The languages the reader understands and the scripts may speak ([you] language; language.py).
LANGUAGES: Mapping[str, str] = MappingProxyType({
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
})
SETTINGS_DOC = Worded("the Settings section of README.md (README.md#settings)")

# Header spellings per canonical field. Matching ignores case, spaces and punctuation, so
# "Date Applied", "date_applied" and " DATE-APPLIED " are one alias.
DEFAULT_ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "company": (
        "company", "company name", "employer", "organisation", "organization", "applied company",
        "firm", "business", "employer name", "company applied to", "hiring company", "organization name",
        "organisation name", "company / organization",
        "empresa", "compañía", "compania", "nombre de la empresa", "empleador", "organización",
        "entreprise", "société", "societe", "employeur", "nom de l'entreprise", "organisme",
        "firma", "unternehmen", "arbeitgeber", "firmenname", "betrieb",
        "azienda", "società", "nome azienda", "nome dell'azienda", "datore di lavoro", "impresa",
        "nome da empresa", "companhia", "empregador", "organização",
        "公司", "公司名称", "单位", "企业", "用人单位",
        "bedrijf", "werkgever", "bedrijfsnaam", "nazwa firmy", "pracodawca", "会社", "会社名", "企業名",
        # the company columns of CRM and job-board exports (Salesforce/HubSpot, LinkedIn, Indeed)
        "account name", "company name (account)", "associated company", "employer name",
    ),
    "position": (
        "position", "role", "job title", "title", "job role", "job", "position title", "designation", "post",
        "post applied for",
        "job position", "vacancy", "opening", "role title", "position applied for", "job name",
        "puesto", "cargo", "vacante", "posición", "título del puesto", "rol",
        "poste", "intitulé du poste", "titre du poste", "emploi", "intitulé", "intitulé mission",
        "intitulé de la mission", "fonction",
        "stelle", "position/stelle", "stellenbezeichnung", "jobtitel", "berufsbezeichnung", "stellentitel",
        "posizione", "ruolo", "titolo", "mansione", "qualifica", "titolo della posizione",
        "vaga", "função", "título da vaga", "nome da vaga",
        "职位", "岗位", "职位名称", "岗位名称", "职务",
        "functie", "vacature", "functietitel", "stanowisko", "nazwa stanowiska", "rola", "職種", "ポジション", "役職",
        "position applied", "applied position", "role applied for", "job applied for",
        "job title (position)", "job posting title", "posting title", "requisition title",
    ),
    "applied_on": (
        "date applied", "applied date", "applied on", "application date", "date submitted",
        "date sent", "resume sent", "submitted", "submitted on", "date of application",
        "applied date (mm/dd/yyyy)", "applied", "apply date", "date of apply", "submission date",
        "date received", "sent on", "application sent", "date applied on", "cv sent",
        "fecha de solicitud", "fecha de aplicación", "fecha aplicación", "fecha de envío",
        "fecha de postulación", "fecha postulación", "fecha de candidatura",
        "date de candidature", "date d'envoi", "date candidature", "date de postulation", "envoyée le",
        "bewerbungsdatum", "beworben am", "datum der bewerbung", "einreichdatum", "eingereicht am",
        "eingereicht", "versendet am", "gesendet am", "abgeschickt am",
        "data candidatura", "data di candidatura", "data invio", "data di invio", "inviata il",
        "data submissão", "data de submissão", "data de candidatura", "data de envio", "data envio",
        "data de aplicação", "data da candidatura", "data de inscrição", "enviado em", "candidatado em",
        "投递日期", "申请日期", "投递时间", "申请时间", "application submitted", "submitted date",
        "applied at", "date of submission",
        "sollicitatiedatum", "datum sollicitatie", "gesolliciteerd op", "data aplikacji", "data złożenia", "応募日",
        "data wysłania", "data wysłania cv", "data zgłoszenia",
    ),
    "last_contact": (
        "last contact", "last contacted", "last follow-up", "last follow up", "last touch",
        "last email date", "response date", "last contact date", "last response",
        "date of last contact", "last update", "last updated", "date of response", "reply date",
        "contact date", "date contacted", "last heard", "last activity",
        "último contacto", "ultimo contacto", "fecha de respuesta", "fecha respuesta",
        "fecha del último contacto", "dernier contact", "date de réponse", "date réponse",
        "date du dernier contact", "dernière relance",
        "letzter kontakt", "antwortdatum", "datum der antwort", "rückmeldung am", "antwort am",
        "letzte rückmeldung", "zuletzt kontaktiert",
        "ultimo contatto", "data risposta", "data di risposta", "data ultimo contatto",
        "último contato", "data resposta", "data de resposta", "data do último contato",
        "最后联系", "最近联系", "回复日期", "回复时间", "最后联系日期",
        "laatste contact", "ostatni kontakt", "data ostatniego kontaktu", "data odpowiedzi", "最終連絡日",
    ),
    "follow_ups": (
        "follow-ups", "follow ups", "# follow-ups", "follow-up count", "attempts",
        "followups", "number of follow-ups", "times followed up", "follow-up attempts",
        "no. of follow-ups", "seguimientos", "número de seguimientos", "relances", "nombre de relances",
        "nachfassen", "anzahl nachfassen", "solleciti", "numero solleciti", "número de follow-ups",
        "跟进次数",
        "liczba przypomnień", "przypomnienia",
    ),
    "stage": (
        "status", "stage", "application status", "outcome", "result", "current status",
        "state", "progress", "job status", "phase", "deal stage", "pipeline stage",
        "estado", "estatus", "etapa", "situación", "resultado", "fase", "estado de la solicitud",
        "statut", "état", "etat", "résultat", "étape", "avancement", "statut de la candidature",
        "stand", "ergebnis", "bewerbungsstatus", "stadium", "status der bewerbung",
        "stato", "esito", "stato candidatura", "stato della candidatura", "risultato",
        "situação", "status da candidatura",
        "stand van zaken", "voortgang", "resultaat", "uitslag",
        "状态", "进度", "结果", "申请状态", "阶段",
        "ステータス", "状況", "選考状況",
        "etap", "etap rekrutacji", "status aplikacji", "wynik",
    ),
    "response": (
        "response", "reply", "acknowledgement", "acknowledgment", "heard back", "feedback",
        "employer response", "company response",
        "respuesta", "réponse", "reponse", "retour", "antwort", "rückmeldung",
        "risposta", "riscontro", "resposta", "retorno", "回复", "反馈", "odpowiedź", "informacja zwrotna",
        "reactie", "antwoord", "返信", "返事", "回答", "회신", "답변", "응답",
    ),
    "contact": (
        "contact", "contact name", "recruiter", "hr contact", "sent to", "contact person",
        "point of contact", "recruiter name", "who", "whom", "who to ask for", "spoke to", "spoke with",
        "recruiter/agency", "recruiter / agency",
        "talked to", "wer", "wem", "wen", "qui", "quién", "quien", "chi", "quem", "kto", "kogo", "komu", "谁", "誰",
        "누구",
        "contacto", "persona de contacto", "reclutador",
        "personne de contact", "contact rh", "recruteur", "interlocuteur", "personne-ressource",
        "ansprechpartner", "kontakt", "kontaktperson", "ansprechperson",
        "contatto", "persona di contatto", "referente", "contato", "pessoa de contato", "recrutador",
        "联系人", "hr", "对接人",
        "osoba kontaktowa", "rekruter", "rekruterka",
        # the person to ask for, as a header says it in one word
        # ("person" alone is left out: one letter from "perso", as in "Numéro perso", a phone)
        "persona", "personne", "pessoa", "persoon", "osoba",
    ),
    "contact_phone": (
        "phone", "phone number", "contact phone", "telephone", "tel", "mobile", "recruiter phone", "cell",
        "cell no", "cellphone", "cell number", "mobile no", "contact no", "contact number", "contact num", "phone no",
        "tel no",
        "teléfono", "telefono", "téléphone", "telefon", "telefonnummer", "handy",
        "numero di telefono", "telefono contatto", "telefone", "celular", "número de telefone",
        "telefone do contato", "whatsapp", "gsm", "mobiel", "telefoon", "portable", "natel", "cel", "cellulare",
        "电话", "联系电话", "手机", "numer telefonu", "nr telefonu",
    ),
    "contact_email": (
        "email", "e-mail", "contact email", "email address", "mail", "recruiter email", "correo",
        "correo electrónico", "courriel", "adresse e-mail", "e-mail-adresse",
        "indirizzo email", "email contatto", "endereço de e-mail", "email do contato", "email recrutador",
        "邮箱", "电子邮件", "adres e-mail",
    ),
    "hiring_manager": (
        "hiring manager", "manager", "hiring contact", "hm", "responsable", "chef", "gerente de contratación",
        "responsable du recrutement", "führungskraft", "responsabile", "gestor da vaga", "用人经理",
        "menedżer", "przełożony", "kierownik",
    ),
    "referrer": (
        "referred by", "referral", "referrer", "reference contact", "referred", "recommended by",
        "referido por", "recomendado por", "recommandé par", "référé par", "parrain", "coopté par",
        "empfohlen von", "empfehlung", "segnalato da", "raccomandato da", "indicado por", "indicação",
        "内推人", "推荐人", "polecony przez", "z polecenia", "polecenie",
    ),
    "referrer_dept": ("referrer department", "referrer dept", "referral department", "department of referrer",
                      "departamento del referente", "service du parrain", "abteilung des empfehlers",
                      "reparto del referente", "departamento de quem indicou", "推荐人部门", "dział polecającego"),
    "pinned": (
        "follow up on", "snooze until", "remind on", "next action date", "follow-up date",
        "next step date", "next steps date", "next action", "follow up when", "planned follow-up",
        "followupdue", "follow up due", "follow-up due", "next follow up date", "reminder",
        "reminder date", "follow up by", "next follow-up", "next contact date",
        "fecha de seguimiento", "próximo seguimiento", "recordatorio",
        "date de relance", "relancer le", "prochaine relance", "date de rappel",
        "nachfassen am", "nachfassen bis", "wiedervorlage", "wiedervorlage am", "erinnerung am",
        "data sollecito", "sollecitare il", "data follow-up", "promemoria", "richiamare il",
        "data de follow-up", "próximo contato", "follow-up em", "lembrete",
        "跟进日期", "下次跟进", "提醒日期", "data przypomnienia", "następny kontakt", "przypomnienie",
    ),
    "interview_on": (
        "interview date", "interview day", "interview on", "interview scheduled", "date of interview",
        "interview time", "interview date/time", "next interview", "fecha de entrevista", "fecha entrevista",
        "date d'entretien", "date entretien", "gesprächstermin", "vorstellungsgespräch am", "interviewtermin",
        "data colloquio", "data do entrevista", "data da entrevista", "面试时间", "面试日期", "面接日", "면접일",
        "data rozmowy", "termin rozmowy",
    ),
    "max_follow_ups": ("max follow-ups", "max follow ups", "max followups", "follow-up cap", "follow-up limit"),
    "no_calls": (
        "no calls", "email only", "do not call", "no phone", "no llamar", "solo correo",
        "ne pas appeler", "e-mail uniquement", "nicht anrufen", "nur e-mail", "keine anrufe",
        "non chiamare", "solo email", "não ligar", "só e-mail", "不要打电话", "仅邮件", "nie dzwonić", "tylko e-mail",
    ),
    "source": (
        "source", "via", "applied via", "channel", "job portal", "where found", "job board", "agency",
        "recruitment agency",
        "platform", "found on", "found via", "posted on",
        "fuente", "plataforma", "portal", "canal", "source de l'offre", "plateforme", "origine",
        "quelle", "plattform", "kanal", "jobbörse", "jobportal", "gefunden über",
        "piattaforma", "fonte", "canale", "portale", "origem",
        "来源", "渠道", "平台", "招聘平台", "źródło", "kanał",
    ),
    "notes": (
        "notes", "comments", "remarks", "note", "comment", "additional notes",
        "notas", "comentarios", "observaciones", "remarques", "commentaires", "observations",
        "notizen", "bemerkungen", "anmerkungen", "kommentar", "kommentare",
        "commenti", "osservazioni", "annotazioni", "observações", "comentários", "anotações",
        "备注", "说明",
        "notities", "opmerkingen", "uwagi", "notatki", "komentarze", "備考", "メモ",
    ),
    "location": ("location", "city", "ubicación", "ciudad", "lieu", "ville", "ort", "standort", "arbeitsort",
                 "sede", "città", "luogo", "localização", "cidade", "local", "地点", "城市", "工作地点",
                 "lokalizacja", "miasto", "miejsce pracy"),
})

# Rules §1: the words a header is made of, in many languages, for headers no alias names. A
# header that holds every concept of one of a field's combinations (FIELD_CONCEPTS) is that field
# when nothing names it better (a weak decision, listed by `check`): "Başvuru Tarihi" holds
# "applied" and "date", "招聘单位名称" holds "company". Latin words of five letters or more match
# the start of a header's word ("ansök" in "Ansökningsdatum"), shorter ones a whole word (a
# plural s allowed), a date word also the end of one ("datum" in "Ansökningsdatum"); words in
# scripts without spaces between words (Chinese, Japanese, Korean) or with attached articles and
# prepositions (Hebrew, Arabic) match anywhere in the header.
HEADER_WORDS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "company": (
        "company", "companies", "employer", "organisation", "organization", "empresa", "entreprise",
        "société", "unternehmen", "arbeitgeber", "firma", "firm", "azienda", "bedrijf", "werkgever",
        # a contractor's or freelancer's employer is the client
        "client",
        "pracodawca", "şirket", "işveren", "kurum", "công ty", "doanh nghiệp", "nhà tuyển dụng",
        "perusahaan", "instansi", "företag", "arbetsgivare", "organisasjon", "חברה", "מעסיק", "ארגון",
        "شركة", "الشركة", "جهة", "مؤسسة", "公司", "单位", "企业", "会社", "企業", "회사", "기업",
        # the place applied to, as Japanese and Korean name it ("応募先", "지원처")
        "応募先", "지원처",
        "компания", "организация", "работодатель", "компанія", "роботодавець", "tvrtka",
        "poslodavac", "poduzeće", "employeur",
    ),
    "position": (
        "position", "job title", "role", "vacancy", "puesto", "cargo", "poste", "stelle", "posizione",
        "ruolo", "vaga", "functie", "stanowisko", "pozisyon", "unvan", "kadro", "vị trí", "chức danh",
        "chức vụ", "posisi", "jabatan", "lowongan", "tjänst", "befattning", "roll", "תפקיד", "משרה",
        "وظيفة", "الوظيفة", "الوظيفي", "المسمى", "منصب", "职位", "岗位", "职务", "职缺",
        "职称",    # (職稱: the job title, as Taiwan heads it)
        "모집 분야", "모집분야", "직군", "募集職種", "職種", "役職", "직무", "직책",
        "포지션", "должность", "вакансия", "посада", "pozicija", "radno mjesto",
        # the job as other English-speaking trackers head it ("Profile" and "Designation" in India,
        # "Post" in Britain, "Opening", "Job")
        "profile", "job profile", "designation", "post", "opening", "job",
        # the trade a tradesperson applies in ("Trade": electrician, plumber, carpenter); a
        # contractor's or freelancer's engagement ("Gig", "Engagement")
        "trade", "gig", "engagement",
    ),
    "applied": (
        "applied", "apply", "application", "submitted", "submission", "sent", "solicitud", "postulación", "postul",
        "candidature", "candidatura", "bewerbung", "beworben", "eingereicht", "sollicitatie",
        "aplikacji", "aplikow", "aplikacj", "başvuru", "ứng tuyển", "nộp", "melamar", "lamaran", "lamar", "ansök",
        "sökt",
        "ansökan", "nộp hồ sơ", "הגשה", "הוגש", "שליחה", "تقديم", "التقديم", "投递", "投简历", "投简",
        "申请", "应征", "応募", "エントリー", "提出", "지원", "제출", "서류 접수", "서류 제출",
        "подачи", "отклик", "подання", "prijav",
        # sending it, in each language the reader knows ("Fecha envío CV", "CV verschickt am")
        "envío", "envio", "enviado", "enviada", "envoi", "envoyé", "envoyée", "gesendet", "verschickt",
        "versendet", "versandt", "abgeschickt", "invio", "inviato", "inviata", "verstuurd", "verzonden",
        "ingediend", "wysłania", "wysłano", "wysłane", "złożenia", "送付", "送信", "发送", "投出", "발송",
    ),
    "date": (
        "date", "dates", "dated", "day", "datum", "fecha", "data", "tarih", "ngày", "tanggal", "tgl",
        "תאריך", "تاريخ", "موعد", "日期", "时间", "時間", "日付", "날짜", "일자", "日", "일", "дата",
        "termin", "time", "when",
        # the question a header asks of a day, in each language the reader knows ("Kiedy wysłałam")
        "wann", "quand", "cuándo", "cuando", "quando", "wanneer", "kiedy",
    ),
    "interview": (
        "interview", "entrevista", "entretien", "gespräch", "vorstellungsgespräch", "colloquio",
        "sollicitatiegesprek", "rozmowa", "mülakat", "görüşme", "phỏng vấn", "wawancara", "intervju",
        "ראיון", "مقابلة", "المقابلة", "面试", "面接", "면접", "собеседование", "співбесіда", "razgovor",
    ),
    "follow up": (
        "follow up", "followup", "follow-up", "next step", "next action", "remind", "seguimiento",
        "relance", "nachfassen", "wiedervorlage", "sollecito", "takip", "theo dõi", "tindak lanjut",
        "uppföljning", "påminnelse", "מעקב", "תזכורת", "متابعة", "تذكير", "跟进", "提醒", "フォロー", "팔로업",
    ),
    "next": (
        "next", "próximo", "próxima", "prochaine", "prochain", "nächste", "prossimo", "sonraki",
        "tiếp theo", "berikutnya", "nästa", "הבא", "القادم", "التالي", "下次", "次回", "다음",
    ),
    "last": (
        "last", "latest", "recent", "último", "dernier", "dernière", "letzte", "letzter", "ultimo",
        "son", "gần nhất", "cuối", "terakhir", "senast", "senaste", "אחרון", "آخر", "最后", "最近",
        "最終", "마지막", "최근", "최종", "上次", "上一次", "直近", "前回", "지난",
        # the adverb a header says alone over a log's newest day ("Zuletzt", "Ostatnio", "Laatst")
        "zuletzt", "laatst", "laatste", "ostatnio", "ostatni", "ostatnia", "ultima", "última", "dernièrement",
    ),
    "contact": (
        "contact", "contacted", "response", "reply", "contacto", "kontakt", "iletişim", "liên hệ",
        # a contact made, as the verb's past says it ("Last rang", "Date called", "Last chased")
        "called", "rang", "phoned", "chased", "emailed", "e-mailed", "mailed", "pinged", "messaged", "texted",
        # ... or as its noun ("Last call", "Date of call", "Last ping")
        "call", "calls", "ping",
        "spoke", "followed up", "angerufen", "appelé", "llamado", "llamé", "chiamato", "liguei", "gebeld",
        "kontak", "קשר", "תגובה", "تواصل", "اتصال", "رد", "联系", "联络", "沟通", "溝通",
        "回复", "连络", "連絡", "연락", "やりとり", "やり取り",
    ),
    "status": (
        "status", "stage", "estado", "statut", "stato", "durum", "aşama", "trạng thái", "tình trạng",
        "tahap", "läge", "סטטוס", "מצב", "الحالة", "حالة", "状态", "进度", "状況", "ステータス", "상태",
        "진행", "상황", "현황", "상태", "選考ステップ", "ステップ", "进展", "進捗", "전형 단계", "단계", "статус",
    ),
    "notes": (
        "notes", "note", "ghi chú", "notlar", "açıklama", "catatan", "keterangan", "anteckningar",
        "הערות", "ملاحظات", "备注", "備考", "メモ", "메모", "비고", "примечания",
    ),
    "source": (
        "source", "kaynak", "nguồn", "sumber", "källa", "מקור", "المصدر", "مصدر", "来源", "渠道", "経路", "媒体",
        "경로",
    ),
    # a number of days or times, not a date ('Days since applied', 'Số lần liên hệ')
    "count": (
        "since", "ago", "days", "number", "count", "how many", "số lần", "jumlah", "antal", "sayısı",
        "kaç", "عدد", "מספר", "次数", "回数", "횟수", "天数",
    ),
    # a posting's dates (when it was published, when it closes) are never the date you applied
    "posted": (
        "posted", "published", "posting", "deadline", "closing", "expires", "publicación", "publié",
        "veröffentlicht", "ilan", "đăng", "diposting", "publicerad", "פורסם", "نشر", "发布", "截止",
        "掲載", "게시", "마감", "공고", "close date", "募集",
    ),
    # the person to ask for, the number to call, the address to write to: in Chinese, Japanese
    # and Korean these are written as one word inside a longer header ('採用担当者', '담당자 연락처')
    "person": ("联系人", "联络人", "对接人", "担当者", "担当", "담당자", "담당", "채용담당", "人事担当", "负责人",
               "窗口", "对口",   # (窗口: Taiwan's word for one's contact at a company)
               "컨택", "컨택트", "컨텍",   # (Korean trackers' English loanword: '컨택', '컨택 담당')
               # the word for a person in each Latin-script language the reader knows ("Person",
               # "Persona", "Kontaktperson", "POC")
               "person", "persons", "people", "poc", "persona", "personne", "pessoa", "osoba", "persoon",
               "kontaktperson", "ansprechperson",
               # the employer's people a tracker names a column after ("HR Name", "Recruiter name", "SPOC")
               "hr", "recruiter", "spoc",
               # the question a header asks of a person ("Who I talked to", "Wer?", "¿Con quién?",
               # "Kogo pytać"), and the verbs of talking to one ("Spoke with", "Falei com", "Hablé con",
               # "Gesprochen mit", "Parlé à", "Parlato con", "Gesproken met")
               "who", "whom", "talked", "spoke", "spoken", "wer", "wem", "wen", "qui", "quién", "quien", "chi",
               "falei", "conversei", "hablé", "gesprochen", "parlé", "parlato", "gesproken",
               "rozmawiałem", "rozmawiałam",
               "quem", "kto", "kogo", "komu", "谁", "誰", "누구"),
    "phone": ("电话", "手机", "電話", "电话号码", "携帯", "전화", "휴대폰", "연락처", "핸드폰"),
    "email": ("邮箱", "邮件", "メール", "メアド", "이메일", "메일", "e-mail", "email"),
})
# field -> the combinations of HEADER_WORDS concepts a header must hold to be that field
FIELD_CONCEPTS: Mapping[str, tuple[tuple[str, ...], ...]] = MappingProxyType({
    "company": (("company",),),
    "position": (("position",),),
    "applied_on": (("applied", "date"),),
    "interview_on": (("interview", "date"),),
    "pinned": (("follow up", "date"), ("next", "date"), ("next", "follow up")),
    "last_contact": (("last", "contact"), ("contact", "date")),
    "follow_ups": (("count", "follow up"),),
    "stage": (("status",),),
    "notes": (("notes",),),
    "source": (("source",),),
    "contact": (("person",),),
    "contact_phone": (("phone",), ("person", "phone")),
    "contact_email": (("email",), ("person", "email")),
})

# Rules §2: first list that matches wins, in the order closed, offer, interviewing, not applied.
# Words match whole words, ignoring case; a word of five letters or more is a stem that may take
# an ending (reject -> rejected, declin -> declined), a shorter one must stand alone ("auto" is
# not "Automation"). A word right after no, not, never or without does not count ("no offer
# yet"), unless the negation is part of the listed phrase ("not selected"). Chinese words match
# anywhere in the text. English first, then German, Spanish, French, Italian, Portuguese, Chinese.
CLOSED_WORDS = (
    "reject", "denied", "declin", "withdr", "not selected", "not moving forward", "position filled",
    "closed", "cancel", "offer accepted", "accepted offer", "accepted the offer", "hired", "ghosted",
    "not interested", "rescind", "screened out", "i said no", "no longer", "unsuccessful",
    "turned down", "regret",
    # (leaving the process said with a particle verb, by either side: "pulled out", "they backed out")
    "pulled out", "pulled my application", "backed out", "dropped out", "bowed out",
    "abgesagt", "absage", "abgelehnt", "zurückgezogen", "nicht berücksichtigt", "geschlossen", "besetzt",
    "anderweitig vergeben", "kein interesse",
    "rechaz", "descartad", "no seleccionad", "retirad", "cerrad", "vacante cubierta", "no seguimos",
    "no continuamos",
    "refus", "non retenu", "non retenue", "pas retenu", "pas retenue", "candidature retirée", "retiré",
    "retiré ma candidature", "désist", "fermé", "clôtur",
    "poste pourvu", "sans suite",
    "rifiutat", "respint", "non selezionat", "scartat", "chius", "posizione coperta",
    "recusad", "reprovad", "não selecionad", "nao selecionad", "fechad", "vaga preenchida",
    "gesloten", "afgewezen", "vacature vervuld", "afwijzing", "ingetrokken", "teruggetrokken",
    # ghosted as Dutch and German make a participle of the English verb (geghost, geghostet)
    "geghost",
    "ritirat", "desist", "abandon", "abbandon",
    "已拒绝", "拒绝", "已拒", "未通过", "没通过", "沒通過", "未通過",
    "被拒", "不合适", "已撤回", "拒信", "感谢信", "感谢函", "未录取", "不录取",
    "放弃", "淘汰", "没过", "挂了", "石沉大海", "婉拒", "谢绝",
    # a campus hire's signed agreement (三方协议): an offer accepted, the search ends
    "签三方", "签了三方", "三方协议", "已签约",
    "不採用", "不合格", "見送", "お祈り", "辞退", "選考終了", "落選", "落ちた",
    "불합격", "탈락", "불발", "포기", "지원 취소", "채용 마감",
    "odrzuc", "odmowa", "odmow", "wycofan", "wycofał", "zamknięt", "nieaktualn", "stanowisko obsadzone",
)
OFFER_WORDS = (
    "offer", "counteroffer", "angebot", "vertragsangebot", "zusage", "oferta", "offre", "proposta",
    "录用", "录取", "propozycja zatrudnienia", "aanbod", "内定", "内々定", "内内定", "최종 합격", "오퍼", "처우 협의",
    "입사 제안",
)
# A later round, as each language says it: an ordinal from the second on (or the last) before the
# word for an interview or a round, and in the Romance languages "final" after it (language code ->
# (the words before, the nouns, the words after): every word with every noun).
_LATER_ROUND: Mapping[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = MappingProxyType({
    "en": (("second", "2nd", "third", "3rd", "fourth", "4th", "final", "last"), ("round", "interview", "stage"), ()),
    "de": (("zweite", "zweites", "zweiten", "dritte", "drittes", "dritten", "finale", "finales", "letzte", "letztes",
            "2.", "3."), ("runde", "gespräch", "vorstellungsgespräch", "interview"), ()),
    "fr": (("deuxième", "second", "seconde", "troisième", "dernier", "dernière", "2e", "3e", "2ème", "3ème"),
           ("entretien", "entrevue", "tour"), ("final", "finale")),
    "es": (("segunda", "tercera", "última", "2a", "2ª", "3a", "3ª"), ("entrevista", "ronda", "fase"), ("final",)),
    "it": (("secondo", "terzo", "ultimo", "seconda", "terza", "ultima", "2°", "3°"), ("colloquio", "fase"),
           ("finale",)),
    "pt": (("segunda", "terceira", "última", "2ª", "3ª"), ("entrevista", "etapa", "fase"), ("final",)),
    "nl": (("tweede", "derde", "laatste", "2e", "3e", "finale"), ("gesprek", "ronde", "sollicitatiegesprek"), ()),
    "pl": (("druga", "drugi", "drugiej", "drugą", "trzecia", "trzeci", "ostatnia", "ostatni", "finałowa"),
           ("rozmowa", "rozmowy", "rozmowie", "rozmowę", "etap", "etapie", "runda", "rundzie"), ()),
})
# German and Dutch also glue the ordinal to the noun as one word ("Zweitgespräch", "Endrunde",
# "vervolggesprek"): language code -> (the first parts, the nouns)
_GLUED_LATER_ROUND: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = MappingProxyType({
    "de": (("zweit", "dritt", "final", "end", "folge"), ("gespräch", "interview", "runde", "vorstellungsgespräch")),
    "nl": (("vervolg", "eind", "slot"), ("gesprek", "ronde", "sollicitatiegesprek")),
})
# the nouns above for a round or a stage of a process, not an interview
_ROUND_NOUNS = frozenset({"round", "stage", "tour", "ronda", "fase", "etapa", "ronde", "runde", "etap", "etapie",
                          "runda", "rundzie"})
LATER_ROUNDS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    code: tuple(f"{word} {noun}" for word in before for noun in nouns) + tuple(f"{noun} {word}" for noun in nouns
                                                                               for word in after)
    + tuple(first + noun for first in _GLUED_LATER_ROUND.get(code, ((), ()))[0]
            for noun in _GLUED_LATER_ROUND.get(code, ((), ()))[1])
    for code, (before, nouns, after) in _LATER_ROUND.items()})
# (those said with a word for a round or a stage, which alone says no interview: "seconda fase",
# "3e tour", "Endrunde", are interview stage words too; those said with an interview's own word are by that word)
LATER_ROUND_STAGES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    code: tuple(p for p in phrases if set(p.split()) & _ROUND_NOUNS or p.split()[-1].endswith(tuple(_ROUND_NOUNS)))
    for code, phrases in LATER_ROUNDS.items()})
INTERVIEWING_WORDS = (
    "interview", "screen", "assessment", "exam", "superday", "shortlist", "short-listed", "onsite", "on-site",
    "in process", "in progress",
    "next round", "final round", "second round", "third round", "negotiat",
    # the steps of creative and technical hiring that stand for an interview
    "portfolio review", "design review", "design challenge", "design exercise", "take-home", "take home",
    "case study", "presentation",
    # a written or aptitude test, as 笔试 and 適性検査 below; the UN's competency-based interview (CBI)
    "written test", "aptitude test", "cbi",
    "vorstellungsgespräch", "gespräch", "vg", "in bearbeitung",
    # a trial day or shift on the ward, as Germany and Austria say it: a step of the hiring
    "probetag", "probearbeit", "probedienst", "hospitation", "schnuppertag",
    "entrevista", "en proceso", "en curso",
    "entretien", "en cours",
    # Quebec French says entrevue for an interview; examen is a written test in French, Spanish and Dutch
    "entrevue", "examen",
    "colloquio", "in corso", "in valutazione",
    "em análise", "em analise", "em andamento", "em processo",
    "面试", "笔试", "进行中", "一面", "二面", "三面", "终面", "hr面", "群面", "复试", "初试", "谈薪", "薪资谈判",
    "オファー面談", "条件面談",
    "rozmowa kwalifikacyjna", "rozmowa", "w toku", "w trakcie", "zadanie rekrutacyjne",
    "rozmowie", "rozmowę", "sollicitatiegesprek", "gesprek", "面接", "面談", "適性検査", "筆記試験",
    # Japanese graduate hiring's steps: the aptitude test (SPI, Webテスト), the group discussion (GD);
    # Chinese 测评 (an online assessment). (選考中 alone is no step: 書類選考中 is the résumé's screening)
    "spi", "webテスト", "gd", "グループディスカッション", "グルディス", "测评", "測評",
    "면접", "인적성", "코딩 테스트", "코딩테스트", "과제 전형", "서류 합격", "서류합격",
    *(phrase for phrases in LATER_ROUND_STAGES.values() for phrase in phrases),
)
# Still to apply or to send, as each language says it: a word for "still to" before the verb's
# infinitive ("nog te solliciteren", "noch zu bewerben", "à postuler", "por enviar", "da inviare",
# "do wysłania"), every such word with every such verb (language code -> the phrases).
_STILL_TO: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = MappingProxyType({
    "en": (("to", "still to", "yet to"), ("apply", "send", "submit")),
    "nl": (("nog te", "te"), ("solliciteren", "versturen", "sturen", "insturen", "verzenden", "reageren")),
    "de": (("noch zu", "noch"), ("bewerben", "senden", "schicken", "abschicken", "einreichen", "versenden")),
    "fr": (("à", "a", "encore à"), ("postuler", "envoyer", "candidater")),
    "es": (("por", "a", "para", "sin"), ("enviar", "aplicar", "postular", "mandar")),
    "it": (("da", "ancora da"), ("inviare", "candidare", "mandare", "spedire")),
    "pt": (("a", "por", "para"), ("enviar", "candidatar", "aplicar", "mandar")),
    "pl": (("do", "jeszcze do"), ("wysłania", "aplikowania", "wysyłki")),
})
STILL_TO_SEND: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {code: tuple(f"{still} {verb}" for still in stills for verb in verbs)
     for code, (stills, verbs) in _STILL_TO.items()})
NOT_APPLIED_WORDS = (
    *STILL_TO_SEND["en"],
    "wishlist", "wish list", "saved", "to apply", "not yet applied", "not applied", "not started",
    "draft", "bookmarked", "interested", "applying", "ready",
    # still to be sent, in each language ("to send", "da inviare", "à envoyer", "nog te versturen")
    "to send", "to be sent", "da inviare", "à envoyer", "a envoyer", "por enviar", "a enviar", "para enviar",
    "noch senden", "noch zu senden", "noch abschicken", "nog te versturen", "nog versturen", "te versturen",
    "noch nicht beworben", "por aplicar", "sin aplicar", "à postuler", "a postuler", "da candidare",
    "a candidatar", "未投递", "待投递", "未申请", "准备投", "打算投", "do wysłania", "nie wysłano",
    "応募予定", "未応募", "応募前", "지원 예정", "지원예정", "미지원",
    *(phrase for code, phrases in STILL_TO_SEND.items() if code != "en" for phrase in phrases),
)
# Words that plainly mean "applied, waiting": text made only of these (and small words) is read as
# applied with confidence; `check` lists any other text that fell through to applied.
APPLIED_WORDS = (
    "applied", "application", "apply", "submitted", "sent", "pending", "waiting", "response",
    "reply", "heard", "back", "yet", "online", "email", "e-mail", "emailed", "resume", "résumé",
    "cv", "review", "reviewed", "reviewing", "viewed", "received", "open", "active",
    "follow", "followed", "following", "up", "no", "not", "none", "awaiting", "still", "through",
    "linkedin", "indeed", "website", "portal", "careers", "company", "job", "position", "role",
    "beworben", "gesendet", "postulado", "enviado", "enviada", "postulé", "envoyée", "envoyé",
    "candidatura", "candidature", "inviata", "inviato", "erhalten", "bestätigt", "recibido", "recibida",
    "reçu", "reçue", "ricevuto", "ricevuta", "recebido", "recebida", "已投递", "已申请", "等待",
    "wysłane", "wysłana", "wysłano", "aplikacja", "zaaplikowano", "oczekuje",
    # sent, handed in and waiting, in each of the other languages the headers are read in
    "abgeschickt", "versendet", "verschickt", "eingereicht", "ausstehend", "offen", "wartend",
    "verstuurd", "verzonden", "ingediend", "gesolliciteerd", "in behandeling", "afwachten", "afwachting",
    "ontvangen", "en attente", "attente", "postulée", "transmis", "transmise", "pendiente", "esperando",
    "en espera", "postulada", "aplicado", "aplicada", "in attesa", "attesa", "spedito", "spedita",
    "aguardando", "em espera", "candidatei", "candidatado", "candidatada", "inscrito", "inscrita",
    "czekam", "oczekuję", "złożona", "złożone",
)
# Rules §5: strong interest elsewhere is an offer, or an interview beyond a first screen; these
# interview words count, and the first-screen phrases below are taken out of the text first.
# Strong interest elsewhere (rules §5): beyond a first talk. A plain interview, a phone screen or
# an assessment is not on this list (an offer counts by its stage).
STRONG_INTEREST_WORDS = (
    "onsite", "on-site", "panel", "negotiat", "superday", "abschlussgespräch", "eindgesprek",
    *(phrase for phrases in LATER_ROUNDS.values() for phrase in phrases),
    "二面", "三面", "终面", "終面", "复试", "谈薪",
    # Japanese and Korean rounds beyond the first (a Korean word matches inside its compound: '2차면접')
    "二次面接", "三次面接", "2次面接", "3次面接", "２次面接", "３次面接", "最終面接", "役員面接", "最終選考",
    "条件面談", "オファー面談",
    "2차 면접", "3차 면접", "최종 면접", "임원 면접", "처우 협의",
)
# A row that waits on the employer (rules §2): Waiting until its stated date or hold_days.
HOLD_WORDS = (
    "on hold", "paused", "on pause", "hiring freeze", "freeze", "frozen", "on ice", "postponed", "kept in view",
    "pausiert", "auf eis", "einstellungsstopp",
    "zurückgestellt", "verschoben", "en pause", "gel des embauches", "suspendu", "reporté", "en pausa",
    "congelad", "pospuest", "aplazad", "in pausa", "sospes", "rinviat", "wstrzyman", "zawieszon",
    "gelé", "gelée", "en suspens", "mis en attente", "congelat", "bevroren", "gepauzeerd", "stilgelegd",
    "pausado", "congelado", "suspens",
    "暂停", "冻结", "搁置", "延期", "保留", "凍結", "보류", "연기", "채용 중단",
)
# A sheet kept as an archive, by its name ("Archive", "Closed", "Old apps", "Abgeschlossen"): laid
# out like the tracker but not refreshed with it (rules §1, docs/rules.md "Which sheets").
ARCHIVE_WORDS = (
    "archive", "archived", "archives", "closed", "old", "past", "done", "finished", "history", "rejected",
    "rejections", "dead", "inactive", "graveyard", "expired", "ended",
    "archiv", "archiviert", "abgeschlossen", "erledigt", "alt", "alte", "absagen", "abgelehnt",
    "archivé", "archivées", "clôturé", "clôturées", "terminé", "terminées", "fermé", "fermées", "anciennes",
    "archivo", "archivado", "archivadas", "cerrado", "cerradas", "cerrados", "antiguas", "rechazadas",
    "archivio", "archiviate", "chiuse", "chiusi", "vecchie", "respinte",
    "arquivo", "arquivado", "arquivadas", "encerradas", "fechadas", "antigas", "recusadas",
    "archief", "gearchiveerd", "gesloten", "afgerond", "afgewezen", "oud", "oude",
    "archiwum", "zamknięte", "stare", "odrzucone",
    "归档", "存档", "已结束", "歷史", "历史", "アーカイブ", "過去", "終了", "보관", "종료", "지난",
)
FIRST_SCREEN_WORDS = (
    "phone screen", "phone interview", "screening interview", "screen", "recruiter call",
    "intro call", "introductory call", "hr call", "assessment", "telefoninterview", "电话面试", "rozmowa telefoniczna",
)
AUTORESPONSE_WORDS = (
    "auto", "automatic", "automated", "auto-reply", "autoreply", "autoresponse", "auto-response",
    "acknowledg", "ackn", "confirmation", "application received", "resume received", "résumé received",
    "cv received", "eingangsbestätigung", "acuse de recibo", "accusé de réception",
    "candidatura ricevuta", "candidatura recebida", "自动回复", "确认邮件", "确认信", "自動返信", "自動送信",
    "受付完了",
    "자동 회신", "자동회신", "자동 응답", "접수 완료", "potwierdzenie otrzymania",
    "automatyczna odpowiedź", "ontvangstbevestiging",
)
RECRUITER_WORDS = ("recruiter", "agency", "agencies", "staffing", "headhunter", "personalvermittl",
                   "reclutador", "cabinet de recrutement", "猎头", "agencja rekrutacyjna")
# Words and endings that make a company's name a recruiting or staffing agency's ("Nordlicht
# Personalberatung", "Vega Intérim", "Tri-County Staffing"), in the languages the reader knows
# (rules §2). "Consulting" and legal forms are not among them: a consulting firm hires for itself.
AGENCY_WORDS = (
    "recruitment", "recruiting", "recruiters", "staffing", "personnel", "resourcing", "employment agency",
    "talent partners", "talent solutions", "executive search", "headhunting", "headhunters", "headhunter",
    "personalberatung", "personalvermittl", "personaldienstleist", "personalservice", "personalleasing",
    "zeitarbeit", "arbeitnehmerüberlassung", "intérim", "interim", "recrutement", "travail temporaire",
    "ett", "selección", "seleccion", "reclutamiento", "trabajo temporal", "cazatalentos",
    "ricerca e selezione", "selezione del personale", "agenzia per il lavoro", "lavoro interinale",
    "recrutamento", "trabalho temporário", "uitzendbureau", "werving", "detachering", "rekrutacja",
    "agencja pracy", "agencja zatrudnienia", "猎头", "人才服务", "人材紹介", "人材派遣", "헤드헌팅", "서치펌",
)
# The largest agency brands whose names carry none of those words (each the whole name, or
# followed only by a legal form, a country or "Group"/"International"): data, not code, and
# extended in followup.toml with `[words] agencies = ["..."]`.
AGENCY_NAMES = (
    "adecco", "randstad", "manpower", "manpowergroup", "hays", "robert half", "michael page", "pagegroup",
    "kelly services", "harvey nash", "hudson", "spring professional", "gi group", "kforce", "aerotek",
    "teksystems", "allegis", "insight global", "korn ferry", "heidrick & struggles", "spencer stuart",
    "egon zehnder", "russell reynolds", "experis", "tempo-team", "synergie", "start people", "persol",
    "pasona", "lhh", "akkodis", "reed", "brook street", "express employment professionals", "robert walters",
    "hudson rpo", "kelly", "page personnel", "morgan mckinley",
)
# Cell text that means "nothing here" in any column (rules §7: placeholders are empty).
BLANK_WORDS = (
    "n/a", "na", "n.a.", "-", "--", "—", "tbd", "tba", "tbc", "none", "null", "nil", "?", "...", "nan",
    "false", "not mentioned", "unknown", "not specified", "unspecified", "unable to determine",
    "not available", "not provided", "not stated", "not disclosed", "not applicable", "undisclosed",
    "no data", "k.a.", "keine angabe", "unbekannt", "desconocido", "no especificado", "no aplica",
    "no disponible", "inconnu", "non spécifié", "non précisé", "non communiqué", "non renseigné",
    "sconosciuto", "non specificato", "non disponibile", "non indicato", "desconhecido",
    "não especificado", "não informado", "não disponível", "未知", "无", "不详", "暂无", "brak danych", "nieznane",
)
# Text in a date column that means "no date yet" rather than a mistake (a cell holding one of
# these phrases, "not yet applied" included).
NO_DATE_WORDS = (
    "no response", "no reply", "none yet", "not yet", "pending", "in progress", "waiting",
    "not applicable", "unknown", "never", "no", "not applied", "to apply", "not sent", "not submitted",
    "draft", "noch nicht", "nicht beworben", "offen", "ausstehend", "pendiente", "sin respuesta",
    "en attente", "pas encore", "non envoyé", "in attesa", "non ancora", "da inviare",
    "pendente", "ainda não", "aguardando", "sem resposta", "待定", "未投递",
)
# Dates that spreadsheets use as "empty".
PLACEHOLDER_DATES = (dt.date(1899, 12, 30), dt.date(1899, 12, 31), dt.date(1900, 1, 1),
                     dt.date(1904, 1, 1), dt.date(1970, 1, 1), dt.date(2000, 1, 1))

DEFAULT_FILLS: Mapping[str, str] = MappingProxyType({
    Status.OVERDUE.value: "F8696B",      # red
    Status.DUE_TODAY.value: "FFB347",    # orange
    Status.DUE_SOON.value: "FFEB84",     # yellow
    Status.WAITING.value: "A9D08E",      # green
    Status.CHECK_DATA.value: "C9A0DC",   # purple
    Status.GONE_COLD.value: "808080",    # dark grey
    Status.CLOSED.value: "D9D9D9",       # grey
    Status.NOT_APPLIED.value: "FFFFFF",  # white
})

# Limits on the numbers a followup.toml may set: beyond them a value is a typo, not a choice.
GAP_RANGE = (0, 365)              # business days
POLL_RANGE = (0.5, 3600.0)        # seconds between the watcher's looks at the file: no busy loop

_YOU = {"name": "your_name", "phone": "your_phone", "email": "your_email", "pitch": "pitch",
        "call_hours": "call_hours", "timezone": "timezone", "country": "country", "language": "language",
        "chinese": "chinese", "portuguese": "portuguese"}
# [inbox]: the IMAP account `inbox --imap` reads; the password is never a setting (keyring or
# FOLLOWUP_IMAP_PASSWORD).
_INBOX = {"host": "imap_host", "port": "imap_port", "user": "imap_user", "folder": "imap_folder",
          "tls": "imap_tls", "cafile": "imap_cafile", "watch": "inbox_watch", "mbox": "inbox_mbox",
          "maildir": "inbox_maildir", "eml": "inbox_eml"}
_RENAMED = {"you": _YOU, "inbox": _INBOX}
_SECTIONS = {
    "you": tuple(_YOU),
    "inbox": tuple(_INBOX),
    "cadence": ("first_gap", "repeat_gap", "interview_gap", "offer_gap", "max_follow_ups",
                "soon_window", "cold_after_days", "holidays",
                "max_interview_follow_ups", "max_retries", "hold_days", "calls_per_day", "first_channel"),
    "reading": ("sheets", "date_order", "header_search_rows"),
    "saving": ("backups", "live"),
    "log": ("weekly_minimum",),
}
_WORD_FIELDS = {
    "closed": "closed_words", "not_applied": "not_applied_words", "offer": "offer_words",
    "interviewing": "interviewing_words", "autoresponse": "autoresponse_words",
    "recruiter": "recruiter_words", "agency": "agency_words", "agencies": "agency_names",
    "blank": "blank_words", "no_date": "no_date_words",
    "applied": "applied_words", "strong_interest": "strong_interest_words", "first_screen": "first_screen_words",
    "hold": "hold_words", "archive": "archive_words",
}


@dataclass(frozen=True)
class Settings:
    """What the rules need. All fields are keyword arguments of `followup_sheet.refresh`."""

    your_name: str = ""
    your_phone: str = ""
    your_email: str = ""
    pitch: str = ""
    call_hours: str = "09:00-17:00"   # when the calendar export places the calls, in `timezone`
    timezone: str = ""                # an IANA name like "Europe/Madrid"; "": the computer's
    country: str = ""     # public holidays: "US", "GB", "DE-BY"...; "" none (load_settings: the locale's)
    language: str = ""    # scripts and the Today sheet: "de", "fr"...; "" the tracker's own (language.py)
    chinese: str = ""     # Chinese output: simplified | traditional | tw | hk; "" the tracker's own (language.py)
    portuguese: str = ""  # Portuguese scripts: brazil | portugal; "" the country's, else the tracker's (portugal.py)
    # the other language a tracker that mixes two is written in (language.choose_language): its
    # notes' dates are read in it too. Settled by the run with the language, not a followup.toml key.
    note_languages: tuple[str, ...] = ()

    first_gap: int = 5
    repeat_gap: int = 7
    interview_gap: int = 2
    offer_gap: int = 2
    max_follow_ups: int = 3
    soon_window: int = 2
    cold_after_days: int = 60
    max_interview_follow_ups: int = 3   # follow-ups after an interview before the row goes cold
    max_retries: int = 2                # calls that reached nobody retried in a row, then an e-mail
    hold_days: int = 30                 # an on-hold row without a stated date waits this many days
    holidays: tuple[dt.date, ...] = ()
    calls_per_day: int = 12   # rows on Today; the rest wait for the next business day (0: all)
    first_channel: str = ""   # call | email: the first follow-up's; "" the language's (language.py)

    closed_words: tuple[str, ...] = CLOSED_WORDS
    not_applied_words: tuple[str, ...] = NOT_APPLIED_WORDS
    offer_words: tuple[str, ...] = OFFER_WORDS
    interviewing_words: tuple[str, ...] = INTERVIEWING_WORDS
    autoresponse_words: tuple[str, ...] = AUTORESPONSE_WORDS
    recruiter_words: tuple[str, ...] = RECRUITER_WORDS
    agency_words: tuple[str, ...] = AGENCY_WORDS      # a company name with one of these is an agency
    agency_names: tuple[str, ...] = AGENCY_NAMES      # agency brands without such a word
    applied_words: tuple[str, ...] = APPLIED_WORDS
    strong_interest_words: tuple[str, ...] = STRONG_INTEREST_WORDS
    first_screen_words: tuple[str, ...] = FIRST_SCREEN_WORDS
    hold_words: tuple[str, ...] = HOLD_WORDS
    archive_words: tuple[str, ...] = ARCHIVE_WORDS   # a sheet so named is an archive, not refreshed
    blank_words: tuple[str, ...] = BLANK_WORDS
    no_date_words: tuple[str, ...] = NO_DATE_WORDS
    placeholder_dates: tuple[dt.date, ...] = PLACEHOLDER_DATES

    fills: Mapping[str, str] = field(default_factory=lambda: DEFAULT_FILLS)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: DEFAULT_ALIASES)
    columns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # header -> field
    sheets: tuple[str, ...] = ()                          # tracker sheets to refresh
    date_order: str = "auto"                              # auto | mdy | dmy
    header_search_rows: int = 30
    backups: int = 5
    live: bool = True                                     # status formulas and conditional formats
    weekly_minimum: int = 0                               # employer contacts a week; 0: not shown
    templates: Path | None = None
    imap_host: str = ""                                   # [inbox]: the mail account `inbox --imap` reads
    imap_port: int = 0                                    # 0: 993 with TLS, 143 without
    imap_user: str = ""
    imap_folder: str = "INBOX"
    imap_tls: bool = True                                 # false only for a server on this computer
    imap_cafile: str = ""                                 # a certificate to trust (a self-signed server)
    inbox_watch: bool = False                             # `watch` looks at the mail once a day (proposes only)
    inbox_mbox: str = ""                                  # the mail `watch` reads: an mbox file, a Maildir or a
    inbox_maildir: str = ""                               # folder of .eml files (one of them), else the IMAP
    inbox_eml: str = ""                                   # account above

    def __post_init__(self):
        call_hours(self.call_hours)
        time_zone(self.timezone)
        if self.country:
            from .businessdays import check_country
            object.__setattr__(self, "country", check_country(self.country))   # "us" is US
        if self.language:
            object.__setattr__(self, "language", self.language.strip().lower())
            if self.language not in LANGUAGES:
                raise BadSettings.worded("[you] language = {value} is not one the tool speaks; use one of "
                                         "{known}, or leave it out to take the tracker's own",
                                         value=repr(self.language), known=", ".join(LANGUAGES))
        if self.chinese not in ("", "simplified", "traditional", "tw", "hk"):
            raise BadSettings.worded("[you] chinese must be simplified, traditional, tw or hk, not {value}",
                                     value=repr(self.chinese))
        if self.portuguese not in ("", "brazil", "portugal"):
            raise BadSettings.worded("[you] portuguese must be brazil or portugal, not {value}",
                                     value=repr(self.portuguese))
        if self.first_channel not in ("", "call", "email"):
            raise BadSettings.worded("[cadence] first_channel must be call or email, not {value}",
                                     value=repr(self.first_channel))
        if self.date_order not in ("auto", "mdy", "dmy"):
            raise BadSettings.worded("date_order must be auto, mdy or dmy, not {value}", value=repr(self.date_order))
        low, high = GAP_RANGE
        for name in ("first_gap", "repeat_gap", "interview_gap", "offer_gap", "soon_window"):
            if not low <= getattr(self, name) <= high:
                raise BadSettings.worded("{name} must be between {low} and {high} business days, not {value}",
                                         name=name, low=low, high=high, value=getattr(self, name))
        for name, (low, high) in {"max_follow_ups": (1, 100), "header_search_rows": (1, 1000),
                                  "backups": (0, 1000), "cold_after_days": (1, 3650),
                                  "weekly_minimum": (0, 1000), "max_interview_follow_ups": (1, 100),
                                  "max_retries": (0, 20), "hold_days": (1, 3650), "calls_per_day": (0, 10000)}.items():
            if not low <= getattr(self, name) <= high:
                raise BadSettings.worded("{name} must be between {low} and {high}, not {value}" +
                                         (" (0 keeps no backups)" if name == "backups" else ""),
                                         name=name, low=low, high=high, value=getattr(self, name))
        if self.templates is not None and not Path(self.templates).is_dir():
            raise BadSettings.worded("the templates folder {path} is not a folder; give the folder that holds your "
                                     ".j2 templates" if Path(self.templates).exists() else
                                     "the templates folder {path} does not exist; give the folder that holds your "
                                     ".j2 templates", path=self.templates)
        for header, fld in self.columns.items():
            own_column_problem(header, fld)
        unknown = set(self.columns.values()) - set(self.aliases)
        if unknown:
            raise BadSettings(
                f"[columns] maps to unknown field(s) {sorted(unknown)}; "
                f"fields are: {', '.join(self.aliases)}")

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def call_hours(text: str) -> tuple[dt.time, dt.time]:
    """`[you] call_hours` ("09:00-17:00") as its first and last moment."""
    try:
        first, last = (dt.datetime.strptime(part.strip(), "%H:%M").time() for part in text.split("-"))
    except ValueError:
        raise BadSettings(f"[you] call_hours = {text!r} is not a span of the day like \"09:00-17:00\"") from None
    if first >= last:
        raise BadSettings(f"[you] call_hours = {text!r} ends before it starts; write it like \"09:00-17:00\"")
    return first, last


def time_zone(name: str) -> Any:
    """`[you] timezone` as a zoneinfo.ZoneInfo, or None for "" (the computer's own)."""
    import zoneinfo
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise BadSettings(f"[you] timezone = {name!r} is not a time zone; use a name like \"Europe/Madrid\" or "
                          "\"America/Chicago\", or leave it out for the computer's own") from None
def _header_key(text: str) -> str:
    """A header as reading compares it: case, spaces and punctuation left out."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def own_column_problem(header: str, fld: str) -> None:
    """Refuse a [columns] entry whose header is one of the columns the tool writes: reading
    never takes a field from them (they hold last run's output), so the entry would be ignored."""
    from .columns import output_headers

    ours = {_header_key(h): h for h in output_headers()}
    if _header_key(header) in ours:
        raise BadSettings(
            f"[columns] maps {header!r} to {fld!r}, but {ours[_header_key(header)]!r} is a column followup-sheet "
            f"writes itself ({', '.join(output_headers())}) and never reads; map the header of your own column "
            "instead, and if your column has this name, rename it (for example to 'My Status')")


def user_config_path(environ: Mapping[str, str] | None = None, windows: bool | None = None) -> Path | None:
    """Where the user-wide settings file lives: `%APPDATA%\\followup-sheet\\followup.toml` on
    Windows, else `$XDG_CONFIG_HOME/followup-sheet/followup.toml` (default `~/.config`)."""
    import os
    environ = os.environ if environ is None else environ
    windows = os.name == "nt" if windows is None else windows
    if windows:
        base = environ.get("APPDATA")
        return Path(base) / "followup-sheet" / CONFIG_NAME if base else None
    base = environ.get("XDG_CONFIG_HOME") or ""
    if not os.path.isabs(base):      # the XDG rule: a relative value is ignored
        home = environ.get("HOME") or os.path.expanduser("~")
        if not home or home == "~":
            return None
        base = os.path.join(home, ".config")
    return Path(base) / "followup-sheet" / CONFIG_NAME


def settings_files(workbook: Path | None = None, config: Path | None = None) -> list[Path]:
    """The settings files a run reads, later ones overriding earlier ones setting by setting: the
    user-wide file if there is one, then `config` or else `followup.toml` beside the workbook."""
    files = []
    user = user_config_path()
    if user is not None and user.is_file():
        files.append(user)
    path = config
    if path is None and workbook is not None:
        beside = Path(workbook).resolve().parent / CONFIG_NAME
        path = beside if beside.is_file() else None
    if path is not None and not (files and _same(Path(path), files[0])):
        files.append(Path(path))
    return files


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def load_settings(workbook: Path | None = None, config: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the user-wide settings file, then `config` (or `followup.toml` beside
    `workbook`), then `overrides`; without a country in any of them, the system locale's."""
    files = settings_files(workbook, config)
    path = files[-1] if files else None
    values: dict[str, Any] = {}
    for file in files:
        values.update(settings_from_toml(file))
    values.update({k: v for k, v in overrides.items() if v is not None})
    if "country" not in values:     # rules §3: the holidays of the system locale's country
        from .businessdays import system_country
        values["country"] = system_country()[0]
    try:
        return Settings(**values)
    except TypeError as exc:
        raise BadSettings(f"{path or 'settings'}: {exc}") from None
    except BadSettings as exc:
        raise (_in_file(path, exc) if path else exc) from None


def _in_file(where: Any, exc: BadSettings) -> BadSettings:
    """`exc` said of a place in the settings (`where`: the file, 'FILE, line N', '[you]'...),
    keeping its wording so it can be said in the run's language."""
    return BadSettings.worded("{where}: {error}", where=where,
                              error=Worded(exc.wording, **exc.fields) if exc.wording else str(exc))


def _bad(where: Any, wording: str, **fields: Any) -> BadSettings:
    """A settings-file problem at `where` (the file, or 'FILE, line N')."""
    return BadSettings.worded("{where}: {error}", where=where, error=Worded(wording, **fields))


def declared_language(workbook: Path | None, config: Path | None = None) -> str:
    """The language the settings files name under [you], read leniently for an error met before
    (or while) reading them: a file with a mistake elsewhere still says which language to use;
    '' when none names one the tool speaks."""
    import tomllib
    try:
        files = settings_files(workbook, config)
    except (BadSettings, OSError, ValueError):
        return ""
    for file in reversed(files):
        try:
            text = file.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        try:
            you = tomllib.loads(text).get("you")
            said = str(you.get("language", "")) if isinstance(you, dict) else ""
        except (tomllib.TOMLDecodeError, RecursionError):   # a broken file: its [you] language line
            found = re.search(r"(?ms)^\s*\[\s*you\s*\][^\[]*?^\s*language\s*=\s*[\"']([A-Za-z]{2})[\"']", text)
            said = found.group(1) if found else ""
        if said.strip().lower() in LANGUAGES:
            return said.strip().lower()
    return ""


def settings_for(workbook: Path, settings: Settings | None, config: Path | None,
                 overrides: dict[str, Any]) -> Settings:
    """The settings a library call runs with: `settings` as given (with `overrides` on top), else
    those `load_settings` finds for `workbook` and `config`."""
    if settings is not None:
        given = {k: v for k, v in overrides.items() if v is not None}   # (an option not given is None)
        return settings.replace(**given) if given else settings
    return load_settings(workbook, config, **overrides)


def country_origin(files: list[Path]) -> str:
    """Where the settings read from `files` got their country: the last file that sets
    [you] country, else the system locale (the variable that named it)."""
    for file in reversed(files):
        if "country" in settings_from_toml(file):
            return f"[you] country in {file}"
    from .businessdays import system_country
    return f"the system locale ({system_country()[1]})"


def settings_from_toml(path: Path) -> dict[str, Any]:
    """Read followup.toml into Settings keyword arguments, naming the file, and the line where
    it can be found, in every error."""
    raw, lines = _load_toml(path)
    defaults = Settings()
    values: dict[str, Any] = {}

    def at(section: str, key: str | None = None):
        return _Located(path, lines.get((section, key)) or lines.get((section, None)))

    for section in _SECTIONS:
        for key, value in raw.pop(section, {}).items():
            with at(section, key):
                values.update(_setting_value(path, section, key, value, defaults))
    for key, extra in raw.pop("words", {}).items():
        with at("words", key):
            values.update(_word_values(path, {key: extra}, defaults))
    fills = raw.pop("fills", {})
    for key, colour in fills.items():
        with at("fills", key):
            _fill_colours(path, {key: colour})
    if fills:
        values["fills"] = _fill_colours(path, fills)
    columns = raw.pop("columns", {})
    for key, fld in columns.items():
        with at("columns", key):
            if not isinstance(fld, str):
                raise BadSettings(f"{path}: [columns] {key!r} = {fld!r} should name a field in quotes, like "
                                  f"\"company\"; fields are: {', '.join(DEFAULT_ALIASES)}")
            try:
                own_column_problem(str(key), fld)
            except BadSettings as exc:
                raise _in_file(path, exc) from None
    if columns:
        values["columns"] = MappingProxyType({str(k): str(v) for k, v in columns.items()})
    aliases = raw.pop("aliases", {})
    for key, extra in aliases.items():
        with at("aliases", key):
            _merged_aliases(path, {key: extra})
    if aliases:
        values["aliases"] = _merged_aliases(path, aliases)
    if raw:
        with at(sorted(raw)[0]):
            raise _bad(path, "unknown section(s) {names}; known: {known}", names=sorted(raw),
                       known=", ".join([*_SECTIONS, "words", "fills", "columns", "aliases"]))
    return values


def _setting_value(path: Path, section: str, key: str, value: Any, defaults: Settings) -> dict[str, Any]:
    """One setting of a section as a Settings keyword argument, checked on its own."""
    names = _SECTIONS[section]
    if section == "inbox" and key == "password":
        raise _bad(path, "[inbox] password: the password is never kept in the settings file; delete that line and "
                         "store it in your system keyring (service 'followup-sheet', user 'USER@HOST') or set "
                         "FOLLOWUP_IMAP_PASSWORD")
    if key not in names:
        raise _bad(path, "[{section}] has no setting {key}; known: {known}", section=section, key=repr(key),
                   known=", ".join(names))
    name = _RENAMED[section][key] if section in _RENAMED else key
    coerced = _coerce(path, f"[{section}] {key}", getattr(defaults, name), value)
    try:
        Settings(**{name: coerced})    # its range, checked here where the line is known
    except BadSettings as exc:
        raise _in_file(path, BadSettings.worded("[{section}] {error}", section=section,
                                                error=Worded(exc.wording, **exc.fields) if exc.wording
                                                else str(exc))) from None
    return {name: coerced}


class _Located:
    """Adds the line to a BadSettings about `path` raised inside the `with` block:
    'followup.toml: ...' becomes 'followup.toml, line 7: ...'."""

    def __init__(self, path: Path, line: int | None):
        self.prefix, self.line = f"{path}: ", line

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> None:
        if isinstance(exc, BadSettings) and self.line and exc.wording == "{where}: {error}" \
                and str(exc).startswith(self.prefix):
            raise _in_file(Worded("{path}, line {line}", path=exc.fields["where"], line=self.line),
                           BadSettings.worded("{error}", error=exc.fields["error"])) from None
        if isinstance(exc, BadSettings) and self.line and str(exc).startswith(self.prefix):
            raise BadSettings(f"{self.prefix[:-2]}, line {self.line}: {str(exc)[len(self.prefix):]}") from None


_TABLE_LINE = re.compile(r"""\s*\[\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*\]\s*(?:#.*)?$""")
_KEY_LINE = re.compile(r"""\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")


def _key_lines(text: str) -> dict[tuple[str, str | None], int]:
    """Where each `[section]` header, and each `key =` below one, first appears (1-based lines),
    for messages; keys of the top level are under section ''. Multi-line strings and arrays are
    not followed: a line inside one that looks like a key is at worst named a line too early."""
    lines: dict[tuple[str, str | None], int] = {}
    section = ""
    for number, line in enumerate(text.splitlines(), start=1):
        table = _TABLE_LINE.match(line)
        if table:
            section = next(g for g in table.groups() if g is not None)
            lines.setdefault((section, None), number)
            continue
        key = _KEY_LINE.match(line)
        if key:
            name = next(g for g in key.groups() if g is not None)
            lines.setdefault((section, name), number)
            if section == "":
                lines.setdefault((name, None), number)   # `you = {...}` or a section written as a key
    return lines


def _utf16(data: bytes) -> bool:
    """Whether the file looks like UTF-16 ("Unicode" in Notepad): a byte-order mark, or text of
    Latin letters in which every other byte is zero."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    head = data[:200]
    if len(head) < 4:
        return False
    evens, odds = head[0::2], head[1::2]
    return evens.count(0) >= len(evens) * 0.9 or odds.count(0) >= len(odds) * 0.9


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _load_toml(path: Path) -> tuple[dict[str, Any], dict[tuple[str, str | None], int]]:
    """The settings file's tables, and where each key is (`_key_lines`); every way it cannot be
    read is a BadSettings naming it, and the line when there is one."""
    import tomllib
    try:
        data = path.read_bytes()
        if _utf16(data):
            raise BadSettings.worded("{path} is saved as UTF-16 (\"Unicode\" in Notepad); save it as UTF-8 "
                                     "instead: {doc}", path=path, doc=SETTINGS_DOC)
        text = data.decode("utf-8-sig")    # a byte-order mark, as Notepad writes, is fine
        control = _CONTROL.search(text)
        if control:
            line = text.count("\n", 0, control.start()) + 1
            raise _bad(Worded("{path}, line {line}", path=path, line=line),
                       "holds the control character {character}, which a settings file cannot hold; delete it "
                       "(retype the line in a text editor)", character=repr(control.group()))
        raw = tomllib.loads(text)
    except FileNotFoundError:
        raise _bad(path, "settings file not found") from None
    except IsADirectoryError:
        raise BadSettings.worded("{path} is a folder, not a settings file; give the path of a followup.toml",
                                 path=path) from None
    except OSError as exc:
        raise _bad(path, "the settings file cannot be read ({reason})", reason=exc.strerror or exc) from None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _bad(Worded("{path}, line {line}", path=path, line=line),
                   "not UTF-8 text; save the file as UTF-8 in your editor: {doc}", doc=SETTINGS_DOC) from None
    except tomllib.TOMLDecodeError as exc:
        # the parser's place ("at line 3, column 9") goes to the front, said like every other place
        at = re.search(r" \(at line (\d+), column \d+\)$", str(exc))
        where = Worded("{path}, line {line}", path=path, line=int(at.group(1))) if at else path
        reason = str(exc)[:at.start()] if at else exc
        raise _bad(where, "not valid TOML ({reason}); see {doc}", reason=reason, doc=SETTINGS_DOC) from None
    except RecursionError:
        line = _deepest_line(text)
        raise _bad(Worded("{path}, line {line}", path=path, line=line),
                   "lists or tables nested too deeply to read; a setting is at most a list of values, like "
                   "sheets = [\"2026\", \"2025\"]: {doc}", doc=SETTINGS_DOC) from None
    lines = _key_lines(text)
    for section, table in raw.items():
        if not isinstance(table, dict):
            where = Worded("{path}, line {line}", path=path, line=lines[(section, None)]) \
                if (section, None) in lines else path
            raise _bad(where, "{section} = {value} should be a section: write [{section}] on a line of its own "
                              "with its settings below it", section=section, value=repr(table))
    return raw, lines


def _deepest_line(text: str) -> int:
    """The line where brackets outside strings and comments are first nested deepest."""
    depth = deepest = 0
    line = where = 1
    quote = ""
    escaped = comment = False
    for ch in text:
        if ch == "\n":
            line += 1
            comment = False
            continue
        if comment:
            continue
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\" and quote == '"':
                escaped = True
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            comment = True
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest, where = depth, line
        elif ch in "]}":
            depth -= 1
    return where


def _word_values(path: Path, words: dict[str, Any], defaults: Settings) -> dict[str, tuple[str, ...]]:
    """[words]: each list adds to the built-in words of its kind."""
    values: dict[str, tuple[str, ...]] = {}
    for key, extra in words.items():
        if key not in _WORD_FIELDS:
            raise _bad(path, "[words] has no list {key}; known: {known}", key=repr(key), known=", ".join(_WORD_FIELDS))
        if not isinstance(extra, list) or not all(isinstance(w, str) for w in extra):
            raise _bad(path, "[words] {key} must be a list of strings", key=key)
        name = _WORD_FIELDS[key]
        values[name] = tuple(getattr(defaults, name)) + tuple(w.strip().lower() for w in extra)
    return values


def _fill_colours(path: Path, fills: dict[str, Any]) -> MappingProxyType:
    """[fills]: status -> RRGGBB colour over the defaults."""
    bad = set(fills) - set(DEFAULT_FILLS)
    if bad:
        raise BadSettings(
            f"{path}: [fills] has unknown status(es) {sorted(bad)}; known: {', '.join(DEFAULT_FILLS)}")
    merged = dict(DEFAULT_FILLS)
    for status, colour in fills.items():
        colour = str(colour).lstrip("#").upper()
        if len(colour) != 6 or any(ch not in "0123456789ABCDEF" for ch in colour):
            raise BadSettings(f"{path}: [fills] {status} = {colour!r} is not a colour like \"F8696B\"")
        merged[status] = colour
    return MappingProxyType(merged)


def _merged_aliases(path: Path, aliases: dict[str, Any]) -> MappingProxyType:
    """[aliases]: header spellings tried before the built-in ones of each field."""
    merged_aliases = {k: tuple(v) for k, v in DEFAULT_ALIASES.items()}
    for fld, extra in aliases.items():
        if fld not in merged_aliases:
            raise BadSettings(f"{path}: [aliases] has unknown field {fld!r}")
        if isinstance(extra, str):
            extra = [extra]     # one header spelling, written without the brackets of a list
        if not isinstance(extra, list) or not all(isinstance(a, str) for a in extra):
            raise BadSettings(f"{path}: [aliases] {fld} must be a header name or a list of them, "
                              f"like [\"Firm\", \"Employer\"], not {extra!r}")
        merged_aliases[fld] = tuple(extra) + merged_aliases[fld]
    return MappingProxyType(merged_aliases)


def _coerce(path: Path, where: str, default: Any, value: Any) -> Any:
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise _bad(path, "{setting} must be true or false, not {value}", setting=where, value=repr(value))
        return value
    if default is None:
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _bad(path, "{setting} must be a whole number, not {value}", setting=where, value=repr(value))
        return value
    if isinstance(default, str):
        if not isinstance(value, str):
            raise _bad(path, "{setting} must be text, not {value}", setting=where, value=repr(value))
        return value
    if isinstance(default, tuple):
        if isinstance(value, (str, dt.date)):
            value = [value]     # one item, written without the brackets of a list
        if not isinstance(value, list):
            raise _bad(path, "{setting} must be a list", setting=where)
        if where.endswith("holidays"):
            out = []
            for item in value:
                if isinstance(item, dt.date):
                    out.append(item)
                else:
                    try:
                        out.append(dt.date.fromisoformat(str(item)))
                    except ValueError:
                        raise _bad(path, "{setting}: {value} is not a date like 2026-12-25", setting=where,
                                   value=repr(item)) from None
            return tuple(out)
        return tuple(str(v) for v in value)
    return value
