"""A Latin word glued to Chinese, Japanese or Korean ("offer到了", "DMきた", "HR한테") is a word:
a change of script is a word's edge for the stage words, their negation, and who got in touch.
Korean words are found with their particles and compounds ("면접을", "2차면접")."""
from __future__ import annotations

import datetime as dt

import pytest

from followup_sheet.facts import latin_view
from followup_sheet.pipeline import compute
from followup_sheet.plan import stage_words
from followup_sheet.settings import Settings


@pytest.mark.parametrize("note, stage", [
    ("기술면접을 봤어요", "interviewing"),          # a particle glued after the word
    ("2차면접 결과 기다리는 중", "interviewing"),     # a compound without a space
    ("PM면접 끝남", "interviewing"),                # a Latin word glued before it
    ("최종합격 연락 받음!!", "offer"),               # a listed phrase typed without its space
    ("서류에서 불합격", "closed"),
    ("면접은 못 봤음, 일정 꼬임", "applied"),        # Korean negation after the noun and its particle
    ("Offer레터 받았어요", "offer"),                # a Latin word before Hangul
    ("오늘 rejected됐다", "closed"),
    ("据说下周tech面", "interviewing"),              # a round named in Latin letters, glued to 面
    ("周四VP面", "interviewing"),
    ("还没有offer", "applied"),                     # a Chinese negation before a Latin word
    ("offer는 아직 없음", "applied"),               # a Korean one after it
    ("见面聊了下薪资方面", "applied"),               # 面 inside other words is no round
    ("no offer yet, still chasing", "applied"),     # English stays as it was
    ("Interview-ready portfolio", "interviewing"),
])
def test_a_word_glued_to_another_script_is_read_as_a_word(note, stage):
    assert stage_words(note, Settings())[0] == stage, stage_words(note, Settings())


WHO = [   # (note, the employer got in touch last)
    ("人事担当からLINEきてた", True),            # a message named in Latin letters, glued
    ("recruiter打电话过来了", True),             # a Latin sender glued to the Chinese verb
    ("헤드헌터한테 연락 왔어요", True),           # 한테 with 'came': from them
    ("헤드헌터한테 연락드림", False),             # 한테 with the user's verb: to them
    ("我给recruiter发了email", False),           # the user wrote to them
    ("mail from the recruiter, will reply tmrw", True),
    ("HR phone咗俾我 冇聽到", True),              # an English verb in Cantonese, the user its object
    ("招聘经理email了我", True),
    ("我call咗HR問進度", False),                 # the user did the calling
]


def test_who_got_in_touch_when_a_latin_word_is_glued(make_tracker):
    path = make_tracker([{"Company": f"Firm {i}", "Date Applied": dt.date(2026, 11, 30), "Notes": note}
                         for i, (note, _) in enumerate(WHO)])
    outcomes, _, _ = compute(path, today=dt.date(2026, 12, 7), country="US")
    got = outcomes[0].plan["employer_called"].tolist()
    assert got == [theirs for _, theirs in WHO]


def test_the_latin_view_keeps_places_and_makes_a_script_change_an_edge():
    text = "HR打电话说offer到了"
    view = latin_view(text)
    assert len(view) == len(text)
    assert view.index("offer") == text.index("offer")
    assert not any(ch.isalnum() or ch.isspace() for ch in view[2:5])


def test_an_interview_arranged_in_cantonese_is_ahead_not_held(make_tracker):
    path = make_tracker([{"Company": "Harbour Tech", "Date Applied": dt.date(2026, 11, 20), "Status": "Interview",
                          "Remarks": "約咗 10/12 second interview"}])
    outcomes, _, _ = compute(path, today=dt.date(2026, 12, 7), country="HK")
    got = outcomes[0].plan.iloc[0]
    assert got["interview_held"] is False or not got["interview_held"]
    assert str(got["interview_ahead"])[:10] == "2026-12-10"
