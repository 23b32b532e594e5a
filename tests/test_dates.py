"""Event dates resolved against the publication date, with news conventions."""

from datetime import date

import pytest

from dyadwatch.events.dates import resolve_expression

THURSDAY = date(2024, 3, 14)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("Last Tuesday", False, (date(2024, 3, 12), "day")),
        ("on Tuesday", False, (date(2024, 3, 12), "day")),
        ("Thursday", False, (date(2024, 3, 14), "day")),  # published that day
        ("last Thursday", False, (date(2024, 3, 7), "day")),
        ("next Tuesday", False, (date(2024, 3, 19), "day")),
        ("Tuesday", True, (date(2024, 3, 19), "day")),  # a plan: the coming Tuesday
        ("yesterday", False, (date(2024, 3, 13), "day")),
        ("in March", False, (date(2024, 3, 1), "month")),
        ("April", False, (date(2023, 4, 1), "month")),  # past event: the most recent April
        ("April", True, (date(2024, 4, 1), "month")),  # future event: the next April
        ("last month", False, (date(2024, 2, 1), "month")),
        ("earlier this month", False, (date(2024, 3, 1), "month")),
        ("last week", False, (date(2024, 3, 1), "month")),
        ("last year", False, (date(2023, 1, 1), "year")),
        ("2019", False, (date(2019, 1, 1), "year")),
        ("June 2025", False, (date(2025, 6, 1), "month")),
        ("March 3", False, (date(2024, 3, 3), "day")),
        ("3 February 2023", False, (date(2023, 2, 3), "day")),
        ("two days ago", False, (date(2024, 3, 12), "day")),
        ("last March", False, (date(2023, 3, 1), "month")),  # told in March: a year ago
        ("last September", False, (date(2023, 9, 1), "month")),
        ("last February", False, (date(2024, 2, 1), "month")),
        ("next March", True, (date(2025, 3, 1), "month")),
        ("March last year", False, (date(2023, 3, 1), "month")),
        ("by the end of February", False, (date(2024, 2, 1), "month")),
        ("mid-January", False, (date(2024, 1, 1), "month")),
        ("as early as June", True, (date(2024, 6, 1), "month")),  # a bound on a plan: still June
        ("no later than May", True, (date(2024, 5, 1), "month")),
    ],
)
def test_expressions(text, future, expected):
    assert resolve_expression(text, THURSDAY, future) == expected


@pytest.mark.parametrize("text", ["three years", "the past decade", "for two weeks", "a two-day"])
def test_lengths_of_time_are_not_dates(text):
    assert resolve_expression(text, THURSDAY) is None


def test_then_carries_the_date_of_the_act_told_before(code):
    text = "In June 2020, Indian and Chinese soldiers clashed in the Galwan valley. India then banned Chinese apps."
    ban = [e for e in code(text, "2024-10-22") if e.trigger.startswith("banned")]
    assert ban and (ban[0].date, ban[0].date_precision) == ("2020-06-01", "month")
    text = "Indian and Chinese soldiers clashed in the Galwan valley. India then banned Chinese apps."
    ban = [e for e in code(text, "2024-10-22") if e.trigger.startswith("banned")]
    assert ban and ban[0].date == "2024-10-22"


def test_the_end_of_a_period_does_not_date_the_act(code):
    text = "Niger's junta extended its ban on French flights until the end of June."
    extended = [e for e in code(text, "2025-06-20") if e.trigger.startswith("extended")]
    assert extended and extended[0].date == "2025-06-20"


def test_a_date_right_after_the_acts_object_dates_the_act(code):
    agreed = [
        e
        for e in code("Thailand and Cambodia agreed to a ceasefire on Monday.", "2025-07-29")
        if e.event_type == "AGREE"
    ]
    assert agreed and agreed[0].date == "2025-07-28"
    text = "New Delhi has rejected Trump's claims of credit for the May ceasefire."
    rejected = [e for e in code(text, "2025-06-19") if e.event_type == "REJECT"]
    assert rejected and rejected[0].date == "2025-06-19"


@pytest.mark.parametrize(
    "second, expected",
    [
        ("She travelled to Berlin later that month.", ("2025-01-01", "month")),
        ("She flew to Berlin the next day.", ("2025-01-15", "day")),
        ("She travelled to Berlin.", ("2025-04-01", "day")),
    ],
)
def test_that_month_and_the_next_day_are_told_by_the_act_before(code, second, expected):
    text = "Denmark's prime minister travelled to Paris on January 14. " + second
    berlin = [e for e in code(text, "2025-04-01") if e.target is not None and e.target.country == "DEU"]
    assert berlin and (berlin[0].date, berlin[0].date_precision) == expected
