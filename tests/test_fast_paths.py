"""Short cuts taken for speed (issue 9) give what the slow path gives.

Calendar dates read without dateparser, English settled without the language classifier, and
the actor matcher's single pattern key: each checked against the path it replaces.
"""

from __future__ import annotations

from datetime import date

import pytest

from dyadwatch.actors.resolver import ActorMatcher
from dyadwatch.events.dates import _calendar_date, dateparser_reading, resolve_expression
from dyadwatch.ingest.language import _ENGLISH, ENGLISH_SHARE, _identifier, detect

# Publication days where dateparser's year and day rules have edges: month ends, leap days, New Year.
PUBLISHED = [
    date(2023, 1, 31),
    date(2023, 2, 28),
    date(2023, 12, 31),
    date(2024, 1, 1),
    date(2024, 1, 31),
    date(2024, 2, 29),
    date(2024, 3, 14),
    date(2024, 4, 30),
    date(2024, 10, 31),
]
CALENDAR_TEXTS = [
    "March",
    "march",
    "Feb.",
    "Sept",
    "December 2023",
    "Jan, 2024",
    "2019",
    "3 March",
    "14 March",
    "29 February",
    "31 April",
    "March 15",
    "Dec. 31",
    "1 January 2024",
    "February 29, 2024",
    "Oct 7 2023",
    "next month",
    "last month",
    "Next Year",
    "last year",
    "last week",
    "This week",
    "yesterday",
    "tomorrow",
]


@pytest.mark.parametrize("future", [False, True])
@pytest.mark.parametrize("published", PUBLISHED)
def test_calendar_dates_read_as_dateparser_reads_them(published, future):
    read = 0
    for text in CALENDAR_TEXTS:
        fast = _calendar_date(text, published, future)
        if fast is not None:
            read += 1
            assert fast == dateparser_reading(text, published, future), (text, published, future)
        assert resolve_expression(text, published, future) == dateparser_reading(text, published, future)
    assert read >= len(CALENDAR_TEXTS) // 2  # the short cut is taken, not always declined


def test_english_by_function_words_is_what_the_classifier_path_gave():
    story = (
        "The foreign minister of Kenya said on Tuesday that the talks with Ethiopia had been useful and that "
        "a second round would be held in Addis Ababa after the rains, which have flooded the north."
    )
    words = story.lower().replace(",", "").replace(".", "").split()
    assert sum(w in _ENGLISH for w in words) / len(words) >= ENGLISH_SHARE
    assert _identifier().classify(story)[0] == "en"
    assert detect(story).is_english
    german = (
        "Der kenianische Außenminister sagte am Dienstag, die Gespräche mit Äthiopien seien nützlich gewesen "
        "und eine zweite Runde werde nach der Regenzeit in Addis Abeba stattfinden."
    )
    assert detect(german).code == _identifier().classify(german)[0] == "de"


def test_every_surface_is_matched_as_itself(pipeline):
    kb = pipeline.coder.kb
    matcher: ActorMatcher = pipeline.coder.matcher
    surfaces = [s for s in list(kb.surfaces)[::97] if s.strip()]
    doc = pipeline.nlp.make_doc(" ; ".join(surfaces))
    found = {span.text: listed for span, listed in matcher.matches(doc)}
    for surface in surfaces:
        assert found.get(surface) == kb.surfaces[surface], surface
