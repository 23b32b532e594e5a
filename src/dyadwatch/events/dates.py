"""When did it happen? Resolve a sentence's date expression against the publication date.

News conventions, not calendar arithmetic alone: "on Tuesday" in a report is the most
recent Tuesday (the day itself if published on a Tuesday), "last Tuesday" the most recent
Tuesday before the day of publication (the same day as "on Tuesday", except on a Tuesday:
README, "last Tuesday" in a story of Thursday 2024-03-14 is 2024-03-12), "in March" the
most recent March for past events and the next one for plans.
Precision is what the words support: day, month or year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Span, Token

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(r"^(?:(last|this|next|on|past|coming)\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)
_NOISE = re.compile(
    r"^(?:(?:on|in|at|during|by|from|since|until|early|late|mid|mid-|the|of|earlier|later|end|beginning|start|middle"
    r"|as (?:early|soon|late) as|no (?:later|earlier) than)\s+"
    r"|mid-(?=[a-z]))",
    re.I,
)
_THIS_MONTH = re.compile(r"^(earlier|later|late|early)?\s*this month$", re.I)
_THIS_YEAR = re.compile(r"^(earlier|later|late|early)?\s*this year$", re.I)
_DURATION = re.compile(r"\b(years?|months?|weeks?|days?|decades?|hours?)\b(?!\s+ago)", re.I)
_RELATIVE_UNIT = re.compile(r"\b(last|next|this|past|previous|ago)\b", re.I)


def _truncate(day: date, precision: str) -> date:
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


# Calendar dates in the forms news writes them ("3 March", "March 3, 2024", "March", "June 2025",
# "2019", "next month"): read here, because dateparser takes about 1.5 ms for each and most of
# an ingest's date expressions are these. `tests/test_dates.py` checks this reading against
# dateparser's on every form, so anything else, or anything doubtful, still goes to dateparser.
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_CALENDAR = [
    re.compile(rf"(?P<day>\d{{1,2}}) (?P<month>[a-z]+)\.?(?:,? {_YEAR})?"),
    re.compile(rf"(?P<month>[a-z]+)\.? (?P<day>\d{{1,2}})(?:,? {_YEAR})?"),
    re.compile(rf"(?P<month>[a-z]+)\.?(?:,? {_YEAR})?"),
    re.compile(_YEAR),
]
_NEXT_LAST = re.compile(r"(?P<step>next|last|this) (?P<unit>week|month|year)")
# "last March", "next September", "March last year": a named month a step away.
_MONTH_STEP = re.compile(
    r"(?P<step>last|next|this) (?P<month>[a-z]+)|(?P<month_>[a-z]+) (?P<step_>last|next|this) year"
)
_DAY_STEPS = {"yesterday": -1, "tomorrow": 1}
_WEEK_STEPS = {"last": -7, "this": 0, "next": 7}


def _calendar_date(text: str, published: date, future: bool) -> tuple[date, str] | None:
    """What dateparser makes of a plain calendar date, or None when the text is not one (ask it)."""
    text = text.lower()
    if text in _DAY_STEPS:
        return published + timedelta(days=_DAY_STEPS[text]), "day"
    relative = _NEXT_LAST.fullmatch(text)
    if relative:
        return _step(relative["step"], relative["unit"], published)
    stepped = _MONTH_STEP.fullmatch(text)
    if stepped and _MONTHS.get(stepped["month"] or stepped["month_"]):
        return _month_step(_MONTHS[stepped["month"] or stepped["month_"]], stepped, published), "month"
    match = next((m for m in (p.fullmatch(text) for p in _CALENDAR) if m), None)
    if match is None:
        return None
    parts = match.groupdict()
    year = int(parts["year"]) if parts["year"] else None
    if "month" not in parts:
        return date(year, 1, 1), "year"
    month = _MONTHS.get(parts["month"])
    if month is None:
        return None
    if parts.get("day") is None:
        if year is None and month == 2 and published.day > 28:
            return None  # "February" told on the 29th-31st: dateparser moves to a leap year (2020, 2028)
        return _undated_month(month, year, published, future), "month"
    try:
        day = date(year or published.year, month, int(parts["day"]))
        if year is None and not future and day > published:
            day = day.replace(year=day.year - 1)  # "3 March" in a past event: the last 3 March
        elif year is None and future and day <= published:
            day = day.replace(year=day.year + 1)  # in a plan: the next one
    except ValueError:
        return None  # "31 April", "29 February" (leap years): dateparser's rules
    return day, "day"


def _step(step: str, unit: str, published: date) -> tuple[date, str]:
    """'last week', 'next month', 'this year': a week is told by its month (dateparser's period)."""
    if unit == "week":
        return _truncate(published + timedelta(days=_WEEK_STEPS[step]), "month"), "month"
    step_by = _WEEK_STEPS[step] // 7
    if unit == "year":
        return date(published.year + step_by, 1, 1), "year"
    months = published.year * 12 + published.month - 1 + step_by
    return date(months // 12, months % 12 + 1, 1), "month"


def _month_step(month: int, stepped: re.Match, published: date) -> date:
    """'last March' is the last March before this month ('last September' told in September is a
    year ago), 'next March' the first after it; 'March last year' is the previous year's March."""
    if stepped["step_"]:
        return date(published.year + _WEEK_STEPS[stepped["step_"]] // 7, month, 1)
    step = stepped["step"]
    if step == "this":
        return date(published.year, month, 1)
    if step == "last":
        return date(published.year - (month >= published.month), month, 1)
    return date(published.year + (month <= published.month), month, 1)


def _undated_month(month: int, year: int | None, published: date, future: bool) -> date:
    """'March' alone: the last March for a past event, the next for a plan (dateparser's choice)."""
    if year is not None:
        return date(year, month, 1)
    if not future and month > published.month:
        return date(published.year - 1, month, 1)
    if future and month <= published.month:
        return date(published.year + 1, month, 1)
    return date(published.year, month, 1)


@lru_cache(maxsize=8)
def _parser(prefer: str):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": prefer})


def resolve_expression(text: str, published: date, future: bool = False) -> tuple[date, str] | None:
    """'last Tuesday', 'in March', 'March 3, 2024', 'last week' -> (date, precision) or None."""
    text = " ".join(text.replace("’", "'").split()).strip(" ,.")
    if not text:
        return None
    if re.fullmatch(r"(today|tonight|this morning|this afternoon|this evening)", text, re.I):
        return published, "day"
    if _THIS_MONTH.match(text):
        return _truncate(published, "month"), "month"
    if _THIS_YEAR.match(text):
        return _truncate(published, "year"), "year"
    weekday = _WEEKDAY.match(text)
    if weekday:
        return _weekday(weekday[1], weekday[2], published, future), "day"
    if _DURATION.search(text) and not _RELATIVE_UNIT.search(text):
        return None  # "for three years", "a two-week visit": a length of time, not a date
    while _NOISE.match(text):
        text = _NOISE.sub("", text, count=1)
    calendar = _calendar_date(text, published, future)
    if calendar is not None:
        return calendar
    return dateparser_reading(text, published, future)


def dateparser_reading(text: str, published: date, future: bool) -> tuple[date, str] | None:
    """dateparser's reading of an expression, truncated to its period (what the short cuts must agree with)."""
    from datetime import datetime

    parser = _parser("future" if future else "past")
    parser._settings.RELATIVE_BASE = datetime(published.year, published.month, published.day)
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    precision = {"day": "day", "week": "month", "month": "month", "year": "year"}.get(data.period, "day")
    return _truncate(data.date_obj.date(), precision), precision


def _weekday(qualifier: str | None, name: str, published: date, future: bool) -> date:
    target = WEEKDAYS.index(name.lower())
    qualifier = (qualifier or "").lower()
    back = (published.weekday() - target) % 7
    if qualifier in ("last", "past"):
        return published - timedelta(days=back or 7)
    if qualifier in ("next", "coming") or (future and qualifier != "this"):
        ahead = (target - published.weekday()) % 7
        return published + timedelta(days=ahead or 7)
    return published - timedelta(days=back)


NESTED_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis", "xcomp", "pcomp"}


def date_entities_for(trigger: Token, sent: Span, other_events: frozenset[int] = frozenset()) -> list[Span]:
    """The DATE entities that date this event, nearest first (see `_dates_for`)."""
    return [ent for ent, _ in _dates_for(trigger, sent, other_events)]


def _dates_for(trigger: Token, sent: Span, other_events: frozenset[int] = frozenset()) -> list[tuple[Span, bool]]:
    """The DATE entities that date this event, nearest first.

    A date counts when it hangs on the trigger or its clause, not when it sits in a nested
    clause ("Bolsonaro, who lost the 2022 election, thanked ...") or on another event
    ("after the conflict in May"). Failing that, a date on the verb of saying that reports
    the event ("India said on Thursday that ...") is used.
    """
    clause = _clause_head(trigger)
    anchors = {trigger.i, clause.i}
    direct: list[tuple[int, Span]] = []
    reported: list[tuple[int, Span]] = []
    # "fired at supporters marching on Thursday": a date in the act's own participle clause, when
    # nothing nearer dates it.
    attendant: list[tuple[int, Span]] = []
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME") or _is_duration(ent):
            continue
        node, hops, blocked, loose = ent.root, 0, False, True
        while node.i not in anchors and node.head.i != node.i and hops < 12:
            nested = node.dep_ in NESTED_CLAUSES and node.pos_ in ("VERB", "AUX")
            # "agreed to a ceasefire on Monday": a date on the act's own object, right after it, dates the act.
            argument = (
                hops <= 2
                and ent.root.dep_ in ("pobj", "npadvmod")  # not "the May ceasefire": that dates the ceasefire
                and node.dep_ in ("dobj", "pobj")
                and bool(anchors & {node.head.i, node.head.head.i})
            )
            if (node.i != ent.root.i and node.i in other_events and not argument) or nested:
                blocked = True  # the date of another event in the sentence, or inside a clause of its own
                loose = loose and nested and _attendant(node)
                if not loose:
                    break
            node = node.head
            hops += 1
        if blocked:
            if loose and node.i in anchors:
                attendant.append((hops, ent))
            continue
        if node.i in anchors:
            direct.append((hops, ent))
        elif _governs(node, clause):
            reported.append((hops, ent))
    ranked = [(hops, e, False) for hops, e in direct + [(h + 200, e) for h, e in attendant]]
    ranked += [(hops + 100, e, True) for hops, e in reported]
    return [(e, said) for _, e, said in sorted(ranked, key=lambda triple: triple[0])]


def _attendant(clause: Token) -> bool:
    """A bare participle clause ('fired at supporters marching on Thursday'): it happens with its head's
    act, not apart. Not an infinitive: 'threatened to impose tariffs on February 1' is dated by the threat."""
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and not any(c.dep_ == "mark" for c in clause.children)


def _governs(head: Token, clause: Token) -> bool:
    """True when `clause` is (within a few steps) a complement of `head`: 'said on Tuesday that X signed'."""
    node = clause
    for _ in range(3):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i == head.i:
            return True
    return False


def _clause_head(token: Token) -> Token:
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def _is_duration(ent: Span) -> bool:
    """'for three years', 'the past decade', 'two-day', 'until the end of June': lengths of time or their
    ends, not the act's date."""
    text = ent.text.lower()
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    ended = ent.root.head.lower_ in ("until", "till") or before in ("until", "till") or text.startswith("until")
    return ent.root.head.lower_ == "for" or ended or "-" in text or text.startswith(("the past", "the last"))


def resolve_event_date(
    trigger: Token, sent: Span, published: str | None, future: bool, other_events: frozenset[int] = frozenset()
) -> tuple[str | None, str | None, bool]:
    """(ISO date, precision, whether the sentence itself dated it) for the event at `trigger`."""
    if not published:
        return None, None, False
    base = date.fromisoformat(published)
    for ent, said in _dates_for(trigger, sent, other_events):
        # "On November 28, the prime minister announced that talks would be suspended": the date is the
        # announcement's, which is past, whatever the plan it announced.
        resolved = resolve_expression(ent.text, base, future and not said)
        if resolved:
            day, precision = resolved
            return day.isoformat(), precision, True
    return base.isoformat(), "day", False


_COARSENESS = {"day": 0, "month": 1, "year": 2}

# Dates told by the date of the act before them: "later that month", "the same day", "the next day".
_ANAPHORIC = re.compile(
    r"\b(?:(?:later|earlier) )?(?:that|the same) (?P<unit>day|week|month|year)\b|\b(?:the )?(?:next|following) day\b",
    re.I,
)


def anaphoric_step(text: str) -> str | None:
    """'that month' -> 'month', 'the next day' -> 'next', or None when the sentence has no such date."""
    match = _ANAPHORIC.search(text)
    if match is None:
        return None
    return (match["unit"] or "next").lower()


def step_from(before: tuple[str, str | None], step: str) -> tuple[str, str | None]:
    """The date a sentence gets from the act before it: its month, its year, its day or the day after."""
    day, precision = date.fromisoformat(before[0]), before[1] or "day"
    if step == "next":
        return ((day + timedelta(days=1)).isoformat(), "day") if precision == "day" else (day.isoformat(), precision)
    if step == "week":
        step = "month"  # a week is told by its month (as 'last week')
    if step == "day" or _COARSENESS[precision] >= _COARSENESS[step]:
        return day.isoformat(), precision
    return _truncate(day, step).isoformat(), step
