"""The claims ledger over a corpus written for the project (tests/data/claims/documents.jsonl).

15 short news-style documents, 43 claims. Each expected claim is checked case by case:
its speaker (country and sector, through the actor layer, not the outlet), its stance, a
piece of its content, and its claim key. Claims with the same label in EXPECTED share a key;
claims with different labels have different keys. The corpus has claims asserted in one
document and denied or admitted in another (Pakistan's five jets, claims-01/-02; the US
brokering of the ceasefire, claims-03/-04; Rwandan troops with the M23, claims-10/-11),
different propositions about the same pair kept apart (the jets and the mosques, both
Pakistan against India, claims-01; Ukrainian and Russian drone tallies, claims-09), and
sentences that make no claim ("declined to comment", "did not confirm", a promise of one's
own side, thanks, demands).
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from dyadwatch.claims.keys import ClaimKeyer
from dyadwatch.ingest import read_paths
from dyadwatch.records import Document

CORPUS = Path(__file__).parent / "data" / "claims" / "documents.jsonl"

# (document, speaker country, speaker sector, stance, words of the content, key label)
EXPECTED = [
    # Pakistan says it shot down five Indian jets; India denies it, later admits losses (claims-02).
    ("claims-01", "PAK", "MIL", "assert", "shot down five Indian fighter jets", "jets"),
    ("claims-01", "IND", "GOV", "deny", "Indian fighter jets had been shot down", "jets"),
    # A different proposition about the same pair: "..., a charge New Delhi rejected".
    ("claims-01", "PAK", "MIL", "assert", "striking mosques in Muzaffarabad", "mosques"),
    ("claims-01", "IND", "GOV", "deny", "striking mosques in Muzaffarabad", "mosques"),
    ("claims-02", "IND", "MIL", "admit", "Pakistan had shot down some Indian fighter jets", "jets"),
    ("claims-02", "IND", "MIL", "assert", "the number was lower than five", "fewer-than-five"),
    ("claims-02", "PAK", "GOV", "assert", "five Indian fighter jets had been shot down", "jets"),
    # The US says it brokered the ceasefire (claims-03); India rejects that claim (claims-04).
    ("claims-03", "USA", "GOV", "assert", "the United States had brokered a full ceasefire", "brokered"),
    ("claims-04", "IND", "GOV", "assert", "agreed directly between the two militaries", "agreed-directly"),
    ("claims-04", "IND", "GOV", "deny", "the United States had brokered the ceasefire", "brokered"),
    ("claims-04", "PAK", "GOV", "assert", "the ceasefire was holding", "holding"),
    # "dismissed Moscow's account": the account is Russia's claim in the same document.
    ("claims-05", "POL", "GOV", "assert", "violated Polish airspace 19 times", "airspace"),
    ("claims-05", "RUS", "GOV", "assert", "targeting military sites in western Ukraine", "targeting-ukraine"),
    ("claims-05", "POL", "GOV", "deny", "targeting military sites in western Ukraine", "targeting-ukraine"),
    # "..., an accusation Moscow denied"; a quotation with its speaker; "according to the police" in London.
    ("claims-06", "GBR", "GOV", "assert", "had planned the poisoning", "poisoning"),
    ("claims-06", "RUS", "GOV", "deny", "had planned the poisoning", "poisoning"),
    ("claims-06", "RUS", "GOV", "deny", "Russia had nothing to do with the poisoning", "poisoning"),
    ("claims-06", "GBR", "GOV", "assert", "two suspects left Britain", "suspects"),
    # "initially denied ... but later admitted it".
    ("claims-07", "CAN", "GOV", "assert", "an Iranian missile had shot down the Ukrainian airliner", "airliner"),
    ("claims-07", "IRN", "MIL", "deny", "they had shot down the Ukrainian airliner", "airliner"),
    ("claims-07", "IRN", "MIL", "admit", "they had shot down the Ukrainian airliner", "airliner"),
    # "questioned the figure": a dispute of the opposition's count (same country, another side).
    ("claims-08", "GEO", "OPP", "assert", "120 protesters had been detained", "detained"),
    ("claims-08", "GEO", "GOV", "dispute", "120 protesters had been detained", "detained"),
    ("claims-08", "GEO", "GOV", "assert", "the parliament was illegitimate", "parliament"),
    # Two tallies of one night, two propositions.
    ("claims-09", "UKR", "MIL", "assert", "destroyed 40 Russian drones", "ukrainian-tally"),
    ("claims-09", "RUS", "GOV", "assert", "downed 12 Ukrainian drones", "russian-tally"),
    # Rebels (a side of their own in Congo) and the army; Kinshasa accuses Rwanda, Rwanda denies.
    ("claims-10", "COD", "REB", "assert", "captured the town of Sake", "sake"),
    ("claims-10", "COD", "MIL", "deny", "Sake had fallen", "sake"),
    ("claims-10", "COD", "GOV", "assert", "Rwanda of deploying troops to fight alongside the M23", "rwandan-troops"),
    ("claims-10", "RWA", "GOV", "deny", "Rwanda of deploying troops to fight alongside the M23", "rwandan-troops"),
    ("claims-11", "RWA", "GOV", "deny", "its troops were fighting alongside the M23", "rwandan-troops"),
    ("claims-11", "RWA", "GOV", "assert", "defensive measures along its border", "defensive-measures"),
    # "contradicting Houthi claims of a direct hit": a denial, and the Houthis' claim it names.
    ("claims-12", "YEM", "REB", "assert", "hit the tanker Coral Vega", "coral-vega"),
    ("claims-12", "USA", "MIL", "deny", "the tanker suffered no damage", "coral-vega"),
    ("claims-12", "YEM", "REB", "assert", "a direct hit", "coral-vega"),
    # "according to the UN"; "said the figures were exaggerated"; an admission of part of it.
    ("claims-13", "UN", "IGO", "assert", "More than 300 civilians were killed in Khartoum", "khartoum-dead"),
    ("claims-13", "SDN", "MIL", "dispute", "More than 300 civilians were killed in Khartoum", "khartoum-dead"),
    ("claims-13", "SDN", "GOV", "admit", "civilians had been killed in Khartoum in March", "khartoum-dead"),
    # A quotation with its speaker, and "rejected Beijing's claim".
    ("claims-14", "CHN", "GOV", "assert", "The Philippine vessel deliberately rammed our ship", "rammed"),
    ("claims-14", "PHL", "GOV", "deny", "The Philippine vessel deliberately rammed our ship", "rammed"),
    ("claims-14", "PHL", "GOV", "assert", "three Filipino sailors had been injured", "injured"),
    ("claims-15", "RUS", "GOV", "assert", "Ukrainian forces lost 1,200 soldiers", "kursk-losses"),
    ("claims-15", "UKR", "GOV", "dispute", "Ukrainian forces lost 1,200 soldiers", "kursk-losses"),
]

# Sentences that make no claim.
NO_CLAIM = [
    ("claims-01", "declined to comment"),  # withheld
    ("claims-01", "would respond to any further attack"),  # a promise of one's own side: an event
    ("claims-02", "did not confirm the figure"),  # withheld
    ("claims-03", "thanked Washington"),  # an act, not a statement of fact
    ("claims-07", "demanded a full investigation"),  # a demand
    ("claims-09", "declined to comment"),
]


@pytest.fixture(scope="module")
def coded(pipeline):
    """The corpus's claims, keyed document by document in input order, as an ingest keys them."""
    documents = [d for d in read_paths([str(CORPUS)]) if isinstance(d, Document)]
    keyer = ClaimKeyer()
    by_doc = {}
    for document, _events, claims in pipeline.code(documents, with_claims=True):
        keyer.assign(claims)
        by_doc[document.id] = claims
    return by_doc


def _find(coded, doc, country, sector, stance, words):
    found = [
        c
        for c in coded[doc]
        if c.speaker.country == country and c.speaker.sector == sector and c.stance == stance and words in c.content
    ]
    found_here = [(c.speaker, c.stance, c.content) for c in coded[doc]]
    assert len(found) == 1, (doc, country, sector, stance, words, found_here)
    return found[0]


def test_the_corpus_is_large_enough():
    assert len(EXPECTED) >= 40
    assert len({e[0] for e in EXPECTED}) >= 10


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: f"{e[0]}-{e[3]}-{e[5]}")
def test_each_claim_has_its_speaker_stance_and_content(coded, expected):
    doc, country, sector, stance, words, _ = expected
    claim = _find(coded, doc, country, sector, stance, words)
    assert claim.claim_key and claim.sentence and claim.start < claim.end


def test_no_other_claims_are_found(coded):
    expected_per_doc = {}
    for e in EXPECTED:
        expected_per_doc[e[0]] = expected_per_doc.get(e[0], 0) + 1
    assert {doc: len(claims) for doc, claims in coded.items()} == expected_per_doc


@pytest.mark.parametrize("doc, words", NO_CLAIM)
def test_sentences_without_claims(coded, doc, words):
    assert not [c for c in coded[doc] if words in c.sentence]


def test_claim_keys_group_the_same_proposition_and_only_it(coded):
    claims = [(_find(coded, *e[:5]), e[5]) for e in EXPECTED]
    for (a, label_a), (b, label_b) in combinations(claims, 2):
        if label_a == label_b:
            assert a.claim_key == b.claim_key, (label_a, a.content, b.content)
        else:
            assert a.claim_key != b.claim_key, (label_a, label_b, a.content, b.content)


def test_a_claim_asserted_in_one_document_is_denied_and_admitted_in_others(coded):
    asserted = _find(coded, "claims-01", "PAK", "MIL", "assert", "shot down five Indian fighter jets")
    denied = _find(coded, "claims-01", "IND", "GOV", "deny", "Indian fighter jets had been shot down")
    admitted = _find(coded, "claims-02", "IND", "MIL", "admit", "Pakistan had shot down some Indian fighter jets")
    assert asserted.doc_id != admitted.doc_id and asserted.claim_key == denied.claim_key == admitted.claim_key
    accused = _find(coded, "claims-10", "COD", "GOV", "assert", "Rwanda of deploying troops")
    denied_elsewhere = _find(coded, "claims-11", "RWA", "GOV", "deny", "its troops were fighting alongside the M23")
    assert accused.doc_id != denied_elsewhere.doc_id and accused.claim_key == denied_elsewhere.claim_key


def test_the_speaker_is_the_actor_not_the_outlet(coded):
    claim = _find(coded, "claims-02", "PAK", "GOV", "assert", "five Indian fighter jets had been shot down")
    assert claim.speaker.text == "Pakistan's military spokesman"  # in a Delhi outlet
    peskov = _find(coded, "claims-06", "RUS", "GOV", "deny", "Russia had nothing to do with the poisoning")
    assert "Peskov" in peskov.speaker.text and peskov.speaker.actor_id == "person:dmitry-peskov"


def test_links_dates_and_spans(coded):
    rejected = _find(coded, "claims-01", "IND", "GOV", "deny", "striking mosques")
    accused = _find(coded, "claims-01", "PAK", "MIL", "assert", "striking mosques")
    assert rejected.link == accused.claim_id  # "a charge New Delhi rejected" answers the accusation
    assert rejected.cue == "charge … rejected"
    assert accused.date == "2025-05-08" and accused.date_precision == "day"
    # "Britain's foreign secretary said on Monday" in a story of Monday 2018-03-12.
    said = _find(coded, "claims-06", "GBR", "GOV", "assert", "had planned the poisoning")
    assert said.date == "2018-03-12"
    documents = {d.id: d for d in read_paths([str(CORPUS)]) if isinstance(d, Document)}
    for claims in coded.values():
        for claim in claims:
            text = documents[claim.doc_id].text
            assert text[claim.start : claim.end] == claim.sentence
            if claim.content_start is not None and not claim.link:
                assert text[claim.content_start : claim.content_end] in claim.content


def _claims_of(pipeline, text: str, published: str = "2024-03-05") -> list:
    document = Document(id="claims-text", text=text, published=published)
    return [c for _doc, _events, claims in pipeline.code([document], with_claims=True) for c in claims]


def test_a_reported_clause_keeps_its_verb_not_what_trails_the_cue(pipeline):
    # "P, the command said, a day after Q": P is claimed; Q only dates the statement, even when longer.
    claims = _claims_of(
        pipeline,
        "Navy jets struck three radar sites near the port of Hodeidah on Monday, the Pentagon said, "
        "a day after the rebel movement launched a salvo of drones at a container ship sailing north "
        "through the Bab el-Mandeb strait.",
    )
    [claim] = claims
    assert claim.speaker.country == "USA"
    assert claim.content.startswith("Navy jets struck three radar sites")
    assert "salvo" not in claim.content


def test_a_that_clause_after_a_colon_is_what_is_claimed(pipeline):
    # "did not alter the central point: that P": P is asserted, and nothing in it is negated.
    [claim] = _claims_of(
        pipeline,
        "Norway's foreign minister said the new sanctions did not alter the central point: that the Kremlin "
        "was responsible for the cyberattack on the gas pipeline.",
    )
    assert claim.speaker.country == "NOR" and claim.stance == "assert"
    assert claim.content == "the Kremlin was responsible for the cyberattack on the gas pipeline"
    assert not claim.negative


def test_a_claim_in_a_relative_clause_reads_from_its_cue_on(pipeline):
    # "the ferry X, which Myanmar's army said it sank ...": the army claims "it sank" the ferry; the
    # relative pronoun and the speaker are not part of the content.
    claims = _claims_of(
        pipeline,
        "The river ferry Golden Lotus, which Myanmar's army said it sank with artillery fire on Tuesday, "
        "reached Sittwe on Thursday with only minor damage, port officials said.",
    )
    army = [c for c in claims if c.speaker.country == "MMR" and c.speaker.sector == "MIL"]
    assert [c.content for c in army] == ["The river ferry Golden Lotus: it sank with artillery fire on Tuesday"]


def test_reports_years_apart_do_not_share_a_key(tmp_path):
    # The same words about a border clash in 2019 and in 2022 are two events; two days apart, one.
    from dyadwatch.records import ActorRef, Claim

    def claim(doc: str, day: str) -> Claim:
        sentence = "The ministry said troops from across the river had fired mortars at three border posts overnight."
        return Claim(
            claim_id=f"{doc}-c1",
            doc_id=doc,
            sentence=sentence,
            start=0,
            end=len(sentence),
            speaker=ActorRef("The ministry", None, None, "TJK", "GOV"),
            content="troops from across the river had fired mortars at three border posts overnight",
            stance="assert",
            date=day,
            date_precision="day",
        )

    keyer = ClaimKeyer()
    first, repeated = claim("clash-a", "2019-05-01"), claim("clash-b", "2019-05-03")
    later = claim("clash-c", "2022-06-10")
    for c in (first, repeated, later):
        keyer.assign([c])
    assert repeated.claim_key == first.claim_key
    assert later.claim_key != first.claim_key


def test_a_statement_not_yet_made_is_no_claim(pipeline):
    # "before Moscow had confirmed it", "unless Tbilisi confirms it": nobody has said anything yet.
    claims = _claims_of(
        pipeline,
        "Armenia's foreign ministry said the accord guaranteed free transit on the northern road. "
        "The ministry published its text on Friday before Moscow had confirmed it. "
        "The accord will not take effect unless Tbilisi confirms it in writing.",
    )
    assert [c.speaker.country for c in claims] == ["ARM"]


def test_a_thing_denied_answers_the_claim_made_before_it(pipeline):
    # "denied any use of live rounds" says nothing of its own: it answers the opposition's claim.
    claims = _claims_of(
        pipeline,
        "Kenya's opposition said police had shot three protesters dead in Kisumu on Tuesday. "
        "The interior ministry denied any use of live rounds.",
    )
    [said] = [c for c in claims if c.stance == "assert"]
    [denied] = [c for c in claims if c.stance == "deny"]
    assert said.speaker.country == denied.speaker.country == "KEN"
    assert denied.content == "any use of live rounds" and denied.link == said.claim_id
    ClaimKeyer().assign(claims)
    assert denied.claim_key == said.claim_key


def test_a_denial_taken_back_with_other_words_is_one_proposition(pipeline):
    # "initially denied that P, but later admitted that Q": Q is worded apart from P, and answers it.
    claims = _claims_of(
        pipeline,
        "Ethiopia's army initially denied that its soldiers had fired on the aid convoy near Shire, "
        "but later admitted that a unit had opened fire by mistake.",
    )
    [denied] = [c for c in claims if c.stance == "deny"]
    [admitted] = [c for c in claims if c.stance == "admit"]
    assert admitted.content == "a unit had opened fire by mistake" and admitted.link == denied.claim_id
    ClaimKeyer().assign(claims)
    assert admitted.claim_key == denied.claim_key


def test_two_stances_without_a_change_of_position_stay_apart(pipeline):
    # "denied P but admitted Q" with no word of change: two statements, each keyed on its own words.
    claims = _claims_of(
        pipeline,
        "Ethiopia's army denied that its soldiers had fired on the aid convoy near Shire "
        "but admitted that a unit had been stationed in the town.",
    )
    [admitted] = [c for c in claims if c.stance == "admit"]
    assert admitted.link is None


def test_a_participle_after_a_statement_not_made_is_the_main_speakers(pipeline):
    # The parser may hang "saying" on "confirmed"; nobody confirmed, so the announcer says it.
    claims = _claims_of(
        pipeline,
        "Azerbaijan's president announced the accord on Friday before Yerevan had confirmed it, "
        "saying both sides had agreed to reopen the mountain road to lorries.",
    )
    assert [(c.speaker.country, c.content) for c in claims] == [
        ("AZE", "both sides had agreed to reopen the mountain road to lorries")
    ]


def test_a_claims_word_file_missing_a_list_says_which(tmp_path):
    from dyadwatch.claims.words import load_claim_words

    words = tmp_path / "claims.yaml"
    words.write_text("assert_verbs: [say]\n")
    with pytest.raises(ValueError, match="missing word lists deny_verbs"):
        load_claim_words(str(words))


def test_a_claims_word_file_written_before_the_accusation_lists_still_loads(tmp_path):
    from importlib import resources

    import yaml

    from dyadwatch.claims.words import load_claim_words

    shipped = yaml.safe_load(resources.files("dyadwatch").joinpath("data/claims.yaml").read_text())
    older = {key: value for key, value in shipped.items() if key not in ("accusation_nouns", "accusing_verbs")}
    words = tmp_path / "claims.yaml"
    words.write_text(yaml.safe_dump(older))
    loaded = load_claim_words(str(words))
    assert loaded.accusation_nouns == frozenset() and loaded.deny_verbs == load_claim_words().deny_verbs


def test_a_denial_taken_back_in_a_later_sentence_is_one_proposition(pipeline):
    # The same party first denies P, then (in a later sentence, with other words around it) admits P:
    # a change of position on one proposition, one key.
    claims = _claims_of(
        pipeline,
        "GOMA, Congo — The army at first denied that its soldiers had fired on the relief convoy near Sake. "
        "Aid workers said two drivers were wounded. "
        "On Thursday the army admitted that its soldiers had fired on the convoy.",
    )
    [denied] = [c for c in claims if c.stance == "deny"]
    [admitted] = [c for c in claims if c.stance == "admit"]
    assert denied.speaker.country == admitted.speaker.country == "COD"
    assert admitted.link is None  # nothing in its sentence links it: the keys do
    ClaimKeyer().assign(claims)
    assert admitted.claim_key == denied.claim_key
    [workers] = [c for c in claims if c.stance == "assert"]
    assert workers.claim_key != denied.claim_key


def test_according_to_elders_vouches_for_the_whole_clause(pipeline):
    # Elders are speakers in their own right (claims.yaml speaker_nouns), and "according to" parsed on the
    # trailing participle still vouches for the whole clause, not for "killing eleven herders" alone.
    claims = _claims_of(
        pipeline,
        "JUBA, May 3 (Nile Wire) - Militiamen raided cattle camps near the town of Pibor on Friday, "
        "killing eleven herders, according to community elders.",
    )
    [said] = claims
    assert said.speaker.text.endswith("elders") and said.speaker.sector == "CVL"
    assert said.speaker.country == "SSD" and said.cue == "according to"
    assert said.content.startswith("Militiamen raided cattle camps") and said.content.endswith("killing eleven herders")


def test_the_claims_about_a_thing_answer_the_claim_about_it_not_the_accusers_latest(pipeline):
    # "the claims about Wajir" name which of Somalia's two statements is denied: the one about Wajir,
    # although the other came last.
    claims = _claims_of(
        pipeline,
        "NAIROBI, March 9 (Rift Courier) - Somalia's government said on Sunday that Kenyan troops had "
        "burned market stalls in the border town of Wajir. The government also said Kenya was arming a "
        "clan militia in Gedo. Kenya's interior minister said the claims about Wajir were a fabrication.",
    )
    [burned] = [c for c in claims if "stalls" in c.content and c.stance == "assert"]
    [arming] = [c for c in claims if "militia" in c.content]
    [denied] = [c for c in claims if c.stance == "deny"]
    assert denied.speaker.country == "KEN" and denied.link == burned.claim_id
    ClaimKeyer().assign(claims)
    assert denied.claim_key == burned.claim_key != arming.claim_key


def test_according_to_after_a_trailing_participle_vouches_for_the_main_clause(pipeline):
    claims = _claims_of(
        pipeline,
        "KHARTOUM, July 8 (Sahel Post) - Soldiers fired on protesters in the town of Kassala on Friday, "
        "wounding six students, according to witnesses.",
    )
    [said] = claims
    assert said.speaker.sector == "CVL" and said.content.startswith("Soldiers fired on protesters")


def test_a_denial_takes_the_accusation_it_shares_words_with_not_another_of_the_accusers(pipeline):
    # The accuser says two things of the other side; the denial's words ("the raid") are those of the first,
    # though its content is as close to the second: it is not keyed with the second (accused_elsewhere).
    claims = _claims_of(
        pipeline,
        "ISLAMABAD, September 14 (Indus Courier) - Pakistan's army said on Sunday that fighters sheltered in "
        "Afghanistan had killed four Pakistani policemen in a raid on a police post in Bajaur.\n\n"
        "The army said Kabul had ignored repeated warnings about the fighters' hideouts.\n\n"
        "The Taliban government's spokesman denied that Afghan territory had been used for the raid.",
        published="2026-09-14",
    )
    [raid] = [c for c in claims if "policemen" in c.content]
    [warnings] = [c for c in claims if "warnings" in c.content]
    [denied] = [c for c in claims if c.stance == "deny"]
    ClaimKeyer().assign(claims)
    assert denied.claim_key != warnings.claim_key
    assert raid.claim_key != warnings.claim_key


def test_an_answer_to_the_claims_about_a_topic_carries_the_claim_it_answers(pipeline):
    # A state's service speaks for its state (speaker_nouns); "the claims about vote buying" name a topic,
    # not what is claimed: the denial's content is that of the claim it answers, for keys across documents.
    claims = _claims_of(
        pipeline,
        "CHISINAU, October 29 (Prut Courier) - Moldova's security service said on Thursday that Russia had "
        "paid 9 million euros to buy votes in the mayoral election.\n\n"
        "A Russian foreign ministry spokeswoman said the claims about vote buying were absurd.",
        published="2026-10-29",
    )
    [said] = [c for c in claims if c.stance == "assert"]
    [denied] = [c for c in claims if c.stance == "deny"]
    assert said.speaker.country == "MDA" and said.speaker.sector == "GOV"
    assert denied.link == said.claim_id and denied.content == said.content


def test_a_denial_months_after_an_accusation_answers_another_incident():
    # "China denied that its ships had fired water cannon", two days after the Philippine accusation, answers
    # it; the same denial three months later is about another incident: across documents more than
    # answer_days apart only the contents' likeness counts, not the answer's bonuses.
    from dyadwatch.records import ActorRef, Claim

    def claim(doc: str, day: str, country: str, stance: str, content: str, about: list[str]) -> Claim:
        sentence = f"A spokesman said {content}."
        return Claim(
            claim_id=f"{doc}-c1",
            doc_id=doc,
            sentence=sentence,
            start=0,
            end=len(sentence),
            speaker=ActorRef("A spokesman", None, None, country, "GOV"),
            content=content,
            stance=stance,
            date=day,
            date_precision="day",
            about=about,
        )

    accused = "Chinese coast guard ships had fired water cannon at a Philippine supply boat near the shoal"
    denial = "its ships had fired water cannon at any Philippine vessel"
    keyer = ClaimKeyer()
    first = claim("shoal-a", "2026-01-10", "PHL", "assert", accused, ["CHN", "PHL"])
    answer = claim("shoal-b", "2026-01-12", "CHN", "deny", denial, ["PHL"])
    elsewhere = "its coast guard had used water cannon against Vietnamese fishermen near the Paracels"
    later = claim("shoal-c", "2026-04-20", "CHN", "deny", elsewhere, ["VNM"])
    for c in (first, answer, later):
        keyer.assign([c])
    assert answer.claim_key == first.claim_key
    assert later.claim_key != first.claim_key


def test_a_denial_of_what_the_story_tells_is_not_keyed_with_another_statement_of_its_accuser(pipeline):
    # The story tells the water cannon without a speaker; the accuser speaks only of the boarding. The denial
    # of the water cannon answers the story's account (much closer to it than to the boarding), not the
    # boarding, though the accuser's claim names China (accused_elsewhere through Claim.narration).
    claims = _claims_of(
        pipeline,
        "MANILA, May 4 (Luzon Courier) - Chinese coast guard ships fired water cannon at a Philippine fishing "
        "boat near Scarborough Shoal on Sunday.\n\n"
        "The Philippine coast guard said Chinese officers had boarded the boat and thrown its catch overboard.\n\n"
        "China's foreign ministry denied that its ships had used water cannon.",
        published="2026-05-04",
    )
    [boarded] = [c for c in claims if "boarded" in c.content]
    [denied] = [c for c in claims if c.stance == "deny"]
    assert boarded.speaker.country == "PHL" and denied.speaker.country == "CHN"
    assert denied.narration is not None and "fired water cannon" in denied.narration
    ClaimKeyer().assign(claims)
    assert denied.claim_key != boarded.claim_key
