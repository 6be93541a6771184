from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import translation

from forum.card_stamps import Stamps

MOMENT = datetime(2026, 11, 30, 13, 34, tzinfo=ZoneInfo("UTC"))
NEW_YORK = ZoneInfo("America/New_York")


def test_card_dates_are_english_by_hand_and_spanish_by_name():
    with translation.override("en"):
        assert ">Nov 30, 2026, 8:34 a.m.</time>" in Stamps(NEW_YORK)(MOMENT)
    with translation.override("es"):
        assert ">30 nov 2026, 08:34</time>" in Stamps(NEW_YORK)(MOMENT)
        assert ">30 nov 2026</time>" in Stamps(NEW_YORK)(MOMENT, with_time=False)
