"""Whose message a voicemail note tells of, by each language's grammar (rules §3 retries, §7 the
last contact's direction): in the user's own log a message left with no subject is the user's,
unless it goes on, after a comma, from the employer's call, or its verb says it was left for the
user or came in."""
from __future__ import annotations

import pytest

from followup_sheet.facts import _my_attempts, tells_their_contact


@pytest.mark.parametrize("note", [
    "left a vm for the hiring lead",
    "LVM 3/12, will try Friday",
    "called the agency 3/12, left a vm",
    "음성 메시지 남겼음",
    "인사팀에 12월 3일 전화했고, 음성 메시지 남겼음",
    "留守番電話にメッセージを残しました",
    "採用担当に12月3日に電話、留守番電話に伝言を残しました",
    "dejé un mensaje de voz a la reclutadora",
    "Anrufbeantworter besprochen, Rückruf erbeten",
])
def test_a_message_left_without_a_subject_is_the_users_attempt(note):
    assert _my_attempts(note), note


@pytest.mark.parametrize("note", [
    "their recruiter rang 3/12, left a vm",
    "Ms Ortega phoned this morning, left msg asking for a call",
    "채용 담당자에게서 12월 3일 전화 옴, 음성 메시지 남김",
    "採用担当から12月3日に電話、留守番電話にメッセージが残っていた",
    "留守番電話に伝言を残してくださっていた",
    "음성 메시지 남겨 주셨음",
])
def test_a_message_the_employer_left_is_not_the_users_attempt(note):
    assert not _my_attempts(note), note


@pytest.mark.parametrize("note", [
    "their recruiter rang 3/12, left a vm",
    "채용 담당자에게서 12월 3일 전화 옴, 음성 메시지 남김",
    "採用担当から12月3日に電話、留守番電話にメッセージが残っていた",
])
def test_their_call_with_its_message_is_their_contact(note):
    assert tells_their_contact(note), note


def test_a_voice_message_is_no_message_from_someone():
    assert not tells_their_contact("dejé un mensaje de voz a la reclutadora")
