"""Who acts, on text written for the project: the story's country, organisations named again
("the council", "the bloc"), titles of IGO heads, people known only by their title, pronouns.

Each test resolves phrases with the real spaCy model and the shipped knowledge base.
"""

from __future__ import annotations

from dyadwatch.actors.resolver import DocumentActors


def document(pipeline, text: str, published: str):
    doc = pipeline.nlp(text)
    return doc, DocumentActors(pipeline.coder.kb, pipeline.coder.matcher, doc, published)


def token(doc, word: str, nth: int = 1):
    """The nth occurrence (1-based) of a word in the document."""
    return [t for t in doc if t.text == word][nth - 1]


def resolve(actors, doc, word: str, day: str, nth: int = 1):
    return actors.resolve(token(doc, word, nth), day)


# -- the country a story is about ------------------------------------------------------------------
def test_the_people_named_count_towards_the_story_s_country(pipeline):
    # Each person counts once: a foreign leader named again and again does not take the story over.
    # Kenya is named twice, Tanzania never: but three Tanzanian leaders make it Tanzania's story.
    day = "2024-05-10"
    text = (
        "Kenyan traders blocked the road on Monday, saying Kenya's trade ministry had ignored them. "
        "President Samia Suluhu Hassan said the dispute would be settled within days. "
        "Kassim Majaliwa promised to visit the border post, and January Makamba went there first. "
        "Police arrested twelve traders."
    )
    doc, actors = document(pipeline, text, day)
    assert actors.focus_country == "TZA"
    assert resolve(actors, doc, "Police", day).ref.country == "TZA"


def test_a_dateline_in_capitals_counts_for_the_story_s_country(pipeline):
    day = "2024-05-10"
    text = (
        "LIMA — Chile's ambassador was summoned on Monday over remarks about Chile's mining code.\n\n"
        "Police later dispersed a protest outside the embassy."
    )
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "Police", day).ref.country == "PER"


def test_a_dateline_with_its_country_date_and_agency_is_a_sentence_of_its_own(pipeline):
    text = "KYIV, Ukraine, Oct 3 (Wire) — Hungary's prime minister arrived in Kyiv on Tuesday."
    sentences = [s.text.strip() for s in pipeline.nlp(text).sents]
    assert sentences[0] == "KYIV, Ukraine, Oct 3 (Wire) —"
    assert sentences[1].startswith("Hungary's prime minister arrived")


def test_its_is_not_a_plural_subject_s_but_the_state_before(pipeline):
    day = "2024-04-06"
    text = "Mexico cut ties with Ecuador on Friday after Ecuadorian police raided its embassy in Quito."
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "embassy", day).ref.country == "MEX"
    text = "Qatar hosted the talks. The United Arab Emirates then withdrew its delegation."
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "delegation", day).ref.country == "ARE"  # a plural name is one state
    text = "Ecuador recalled its ambassador from Mexico on Friday."
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "ambassador", day).ref.country == "ECU"


def test_a_live_blog_time_stamp_is_no_part_of_its_entry_s_sentence(pipeline):
    text = "Soldiers sealed the bridges.\n\n12:40 - Thousands of demonstrators spent a seventh night outside the base."
    sentences = [s.text.strip() for s in pipeline.nlp(text).sents]
    assert "12:40 -" in sentences
    assert "Thousands of demonstrators spent a seventh night outside the base." in sentences


def test_a_region_is_where_its_country_s_people_are(pipeline):
    day = "2021-01-15"
    doc, actors = document(pipeline, "Police in Tigray arrested 20 people on Friday.", day)
    assert resolve(actors, doc, "Police", day).ref.country == "ETH"
    region = resolve(actors, doc, "Tigray", day).ref
    assert (region.country, region.sector) == ("ETH", "CVL")


# -- organisations named again ---------------------------------------------------------------------
def test_the_council_is_the_council_named_before_not_the_story_s_government(pipeline):
    day = "2023-12-01"
    text = (
        "The UN Security Council met on Friday to discuss Somalia. Somalia's government welcomed the meeting, "
        "and the council lifted the arms embargo."
    )
    doc, actors = document(pipeline, text, day)
    council = resolve(actors, doc, "council", day).ref
    assert (council.actor_id, council.sector) == ("igo:UNSC", "IGO")


def test_a_council_with_its_own_description_is_not_the_one_named_before(pipeline):
    day = "2019-05-10"
    text = (
        "The African Union's Peace and Security Council met in Addis Ababa on Monday. "
        "In Khartoum, Sudanese officials said the transitional council would hand over power."
    )
    doc, actors = document(pipeline, text, day)
    council = resolve(actors, doc, "council", day).ref
    assert council.country == "SDN" and council.actor_id != "igo:AUPSC"


def test_the_agency_and_the_bloc_refer_back_to_the_organisation(pipeline):
    day = "2024-05-10"
    text = (
        "The IAEA said on Monday that Iran had expanded its enrichment. Israel urged the agency to act. "
        "Leaders of ECOWAS met in Abuja. Gambia rejected the West African bloc's demands."
    )
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "agency", day).ref.actor_id == "igo:IAEA"
    assert resolve(actors, doc, "bloc", day).ref.actor_id == "igo:ECOWAS"


def test_the_bloc_s_foreign_policy_chief_is_the_office_holder_of_its_organ(pipeline):
    day = "2025-03-01"
    text = "The European Union adopted new measures on Monday. The bloc's foreign-policy chief criticised Budapest."
    doc, actors = document(pipeline, text, day)
    chief = resolve(actors, doc, "chief", day).ref
    assert (chief.actor_id, chief.sector) == ("person:kaja-kallas", "IGO")


def test_the_office_of_an_igo_head_belongs_to_the_igo(pipeline):
    day = "2016-10-12"
    text = "Burundi suspended its cooperation with the office of the UN High Commissioner for Human Rights."
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "office", day).ref.country == "UN"


# -- titles ------------------------------------------------------------------------------------------
def test_an_igo_title_in_front_of_a_name_wins_over_an_old_national_role(pipeline):
    # The knowledge base knows Boris Johnson only as a British minister, in offices he had left by 2024.
    day = "2024-05-10"
    doc, actors = document(pipeline, "NATO envoy Boris Johnson met Serbian officials in Belgrade.", day)
    johnson = resolve(actors, doc, "Johnson", day).ref
    assert (johnson.actor_id, johnson.country, johnson.sector) == ("person:boris-johnson", "NATO", "IGO")


def test_an_igo_head_from_the_shipped_data(pipeline):
    day = "2019-04-02"
    doc, actors = document(pipeline, "OAS Secretary General Luis Almagro condemned the arrests.", day)
    assert resolve(actors, doc, "Almagro", day).ref.country == "OAS"


def test_possessed_offices_and_diplomatic_titles_belong_to_their_country(pipeline):
    day = "2024-05-10"
    text = (
        "President William Ruto's office praised the deal on Monday. "
        "Sudan's foreign ministry summoned Chad's chargé d'affaires on Tuesday."
    )
    doc, actors = document(pipeline, text, day)
    office = resolve(actors, doc, "office", day).ref
    assert (office.country, office.sector) == ("KEN", "GOV")
    assert resolve(actors, doc, "d'affaires", day).ref.country == "TCD"


def test_group_words_for_officers_vessels_and_consumers(pipeline):
    day = "2024-05-10"
    text = (
        "The 400 Kenyan officers began patrols on Thursday. A Philippine supply boat was blocked near the shoal. "
        "Chinese consumers staged boycotts of Korean goods."
    )
    doc, actors = document(pipeline, text, day)
    found = {word: resolve(actors, doc, word, day).ref for word in ("officers", "boat", "consumers")}
    assert {w: (r.country, r.sector) for w, r in found.items()} == {
        "officers": ("KEN", "GOV"),
        "boat": ("PHL", "MIL"),
        "consumers": ("CHN", "CVL"),
    }


# -- people known only by a title, and pronouns ------------------------------------------------------
def test_a_person_with_a_title_but_no_country_is_found_again_but_never_stored(pipeline):
    day = "2024-05-10"
    text = (
        "NEW DELHI: India rejected the protest that Pakistan lodged on Tuesday. "
        '"The allegation is baseless," ministry spokesperson Rohan Mehta told reporters. '
        "He accused Islamabad of helping militants."
    )
    doc, actors = document(pipeline, text, day)
    he = resolve(actors, doc, "He", day)
    assert (he.ref.name, he.ref.country, he.ref.actor_id) == ("Rohan Mehta", "IND", None)
    assert he.certainty <= 0.5
    assert not any(a.name == "Rohan Mehta" for a in actors.local.values())
    assert not any(a.name == "Rohan Mehta" for _, a in actors.people)


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause(pipeline):
    day = "2019-11-11"
    text = (
        "Evo Morales resigned on Sunday. Hours earlier, Bolivia's army commander, "
        "General Tomas Ibarra, had urged him to step down."
    )
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "Ibarra", day).ref.country == "BOL"  # a person of this document
    assert resolve(actors, doc, "him", day).ref.actor_id == "person:evo-morales"


def test_a_former_office_holder_described_in_the_text_is_not_the_state(pipeline):
    day = "2024-04-06"
    text = "QUITO — Ecuadorian police arrested former vice president Ramon Ortiz at his home on Friday."
    doc, actors = document(pipeline, text, day)
    ortiz = resolve(actors, doc, "Ortiz", day).ref
    police = resolve(actors, doc, "police", day).ref
    assert ortiz.country == police.country == "ECU"
    assert police.sector == "GOV" and ortiz.sector != "GOV"


def test_a_country_named_with_a_place_word_is_still_the_country(pipeline):
    day = "2022-04-20"
    doc, actors = document(pipeline, "Solomon Islands signed a security pact with China last week.", day)
    assert resolve(actors, doc, "Islands", day).ref.actor_id == "country:SLB"


def test_an_apposition_after_a_name_is_that_person(pipeline):
    # "a former Uruguayan foreign minister" describes Almagro: it is not Uruguay's foreign minister of the day.
    day = "2019-04-02"
    text = "OAS Secretary General Luis Almagro, a former Uruguayan foreign minister, spoke in Washington."
    doc, actors = document(pipeline, text, day)
    minister = resolve(actors, doc, "minister", day).ref
    assert (minister.actor_id, minister.country) == ("person:luis-almagro", "OAS")


def test_an_igo_s_own_people_and_bodies_belong_to_it(pipeline):
    day = "2024-03-01"
    text = (
        "The European Union's trade commissioner accused Indonesia of blocking the talks. "
        "A World Trade Organization dispute panel ruled on Tuesday. China welcomed the panel's ruling."
    )
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "commissioner", day).ref.country == "EU"
    assert resolve(actors, doc, "panel", day, 2).ref.actor_id == "igo:WTO"


def test_the_company_is_the_company_named_before_not_an_igo(pipeline):
    day = "2024-03-01"
    text = (
        "The IMF approved a loan on Monday. Canadian miner Northfield Copper Ltd said it would expand the mine, "
        "and the company later signed a deal with Peru's government."
    )
    doc, actors = document(pipeline, text, day)
    company = resolve(actors, doc, "company", day).ref
    assert (company.name, company.country, company.sector) == ("Northfield Copper Ltd", "CAN", "BUS")


def test_a_pair_of_people_after_a_verb_leaves_out_the_clause_s_subject(pipeline):
    day = "2024-07-30"
    text = (
        "President William Ruto met President Samia Suluhu Hassan on Monday. "
        "Later, President Yoweri Museveni hosted the two leaders in Kampala."
    )
    doc, actors = document(pipeline, text, day)
    pair = actors.resolve_pair(token(doc, "leaders"), day)
    assert [r.ref.actor_id for r in pair] == ["person:william-ruto", "person:samia-suluhu-hassan"]


def test_a_family_name_first_is_the_person_again_in_the_same_story(pipeline):
    day = "2016-11-05"
    text = (
        "SEOUL — President Park Geun-hye apologised again on Friday. "
        "Park, whose approval rating has fallen sharply, said she would cooperate with prosecutors."
    )
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "Park", day, 2).ref.actor_id == "person:park-geun-hye"


def test_people_of_a_place_belong_to_its_country_but_diplomats_there_do_not(pipeline):
    day = "2024-12-05"
    text = (
        "MADRID — Spain's foreign minister spoke on Monday. Police in Maputo fired tear gas at marchers, "
        "and Western diplomats in Maputo urged calm."
    )
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "Police", day).ref.country == "MOZ"
    diplomats = resolve(actors, doc, "diplomats", day)  # "Western" diplomats are no one state's
    assert diplomats is None or diplomats.ref.country != "MOZ"


def test_a_leader_of_a_named_country_is_the_person_of_that_country_named_before(pipeline):
    day = "2019-11-11"
    text = (
        "Mexico granted asylum to Evo Morales, Foreign Minister Marcelo Ebrard said on Monday, "
        "a day after the Bolivian leader resigned. Hours before he stepped down, protesters had surrounded his home."
    )
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "leader", day).ref.actor_id == "person:evo-morales"
    assert resolve(actors, doc, "he", day).ref.actor_id == "person:evo-morales"


def test_both_sides_after_a_verb_are_not_the_one_who_speaks_to_them(pipeline):
    day = "2023-05-10"
    text = (
        "Fighting between Armenia and Azerbaijan resumed on Monday. "
        "UN Secretary-General Antonio Guterres urged both sides to show restraint."
    )
    doc, actors = document(pipeline, text, day)
    pair = actors.resolve_pair(token(doc, "sides"), day)
    assert [r.ref.country for r in pair] == ["ARM", "AZE"]


def test_his_in_a_reported_clause_is_the_speaker(pipeline):
    day = "2018-07-10"
    text = (
        "Ethiopian Prime Minister Abiy Ahmed flew to Asmara on Sunday. President Isaias Afwerki praised "
        "the Ethiopian leader and said his government would send a delegation to Addis Ababa."
    )
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "government", day).ref.country == "ERI"


def test_military_aircraft_and_branches_are_their_country_s_forces(pipeline):
    day = "2015-11-24"
    text = (
        "A Turkish F-16 shot down a Russian Su-24. RAF flights later carried aid to the region. "
        "In another incident an F-16 crashed near the coast."
    )
    doc, actors = document(pipeline, text, day)
    found = [resolve(actors, doc, word, day).ref for word in ("F-16", "Su-24", "flights")]
    assert [(r.country, r.sector) for r in found] == [("TUR", "MIL"), ("RUS", "MIL"), ("GBR", "MIL")]
    assert resolve(actors, doc, "F-16", day, 2) is None  # no country named: not a guess


def test_a_person_described_as_working_for_someone(pipeline):
    day = "2023-09-01"
    text = "Ahmed Warsame, an adviser to Somalia's president, accused Ethiopia of interference. Warsame later left."
    doc, actors = document(pipeline, text, day)
    warsame = resolve(actors, doc, "Warsame", day, 2).ref
    assert (warsame.actor_id, warsame.country) == ("person:ahmed-warsame", "SOM")


def test_the_same_group_again_is_the_group_named_before(pipeline):
    day = "2024-06-27"
    text = (
        "Four hundred Kenyan officers landed in Port-au-Prince on Tuesday. Haitian police and Haiti's prime "
        "minister met them at Haiti's main airport. The officers will patrol the capital with local units."
    )
    doc, actors = document(pipeline, text, day)
    officers = resolve(actors, doc, "officers", day, 2).ref
    assert actors.focus_country == "HTI" and officers.country == "KEN"


def test_a_state_s_envoy_with_an_igo_sounding_title_is_the_state_s(pipeline):
    day = "2019-08-07"
    text = "Pakistan expelled India's high commissioner, Ajay Bisaria, on Wednesday. Bisaria left on Thursday."
    doc, actors = document(pipeline, text, day)
    envoy = resolve(actors, doc, "commissioner", day).ref
    bisaria = resolve(actors, doc, "Bisaria", day, 2).ref
    assert (envoy.country, envoy.sector) == ("IND", "GOV")
    assert (bisaria.country, bisaria.sector) == ("IND", "GOV")


def test_a_person_named_again_and_again_counts_once_for_the_story_s_country(pipeline):
    day = "2019-08-27"
    text = (
        "BRASÍLIA — Brazil rejected the aid offer on Monday, and Brazil's government called it an insult. "
        "Emmanuel Macron had announced the offer; Macron defended it on Tuesday, Macron's aides said French "
        "officials would not withdraw it, and Macron's office said France was disappointed. "
        "The government demanded an apology."
    )
    doc, actors = document(pipeline, text, day)
    assert actors.focus_country == "BRA"


def test_a_title_with_its_owner_named_is_not_a_person_of_another_country(pipeline):
    day = "2024-05-10"
    text = (
        '"We object to the claims," foreign ministry spokeswoman Lan Pham told reporters in Hanoi. '
        "Hanoi has long rejected Chinese claims in the sea, and Vietnam's navy patrols the area. "
        "A U.S. State Department spokeswoman said Washington was concerned."
    )
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "spokeswoman", day, 2).ref.country == "USA"


def test_a_described_bloc_not_named_before_is_the_one_organisation_so_described(pipeline):
    day = "2017-01-19"
    text = (
        "The UN Security Council endorsed the West African bloc's efforts on Thursday. "
        "China criticised the Southeast Asian bloc, and Russia criticised the European bloc."
    )
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "bloc", day, 1).ref.actor_id == "igo:ECOWAS"
    assert resolve(actors, doc, "bloc", day, 2).ref.actor_id == "igo:ASEAN"
    assert resolve(actors, doc, "bloc", day, 3) is None  # several European organisations: no guess


def test_both_countries_are_the_pair_named_before_other_than_the_one_urging_them(pipeline):
    day = "2024-01-12"
    text = (
        "Somalia and Ethiopia traded accusations on Tuesday. Kenya's foreign minister told reporters that "
        "Kenya would not take sides and urged both countries to resolve the dispute."
    )
    doc, actors = document(pipeline, text, day)
    pair = actors.resolve_pair(token(doc, "countries"), day)
    assert pair is not None and {r.ref.country for r in pair} == {"SOM", "ETH"}


def test_the_country_is_the_country_named_last_before_it(pipeline):
    day = "2024-06-03"
    text = "Canada, which kept a training mission in Latvia for years, began its withdrawal from the country in May."
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "country", day).ref.country == "LVA"
    doc, actors = document(pipeline, "Chad said the whole country was mourning.", day)
    assert resolve(actors, doc, "country", day) is None


def test_a_group_of_a_region_is_its_organisation_or_no_one(pipeline):
    day = "2024-06-20"
    text = (
        "Mali's junta met the envoys. West African leaders urged Bamako to hold elections. Western governments agreed."
    )
    doc, actors = document(pipeline, text, day)
    assert resolve(actors, doc, "leaders", day).ref.actor_id == "igo:ECOWAS"
    assert resolve(actors, doc, "governments", day) is None


def test_a_shorter_name_of_an_organisation_named_before(code):
    text = "The UN Security Council met on Monday to discuss Sudan. On Tuesday, the Security Council condemned the RSF."
    condemned = [e for e in code(text, "2025-07-09") if e.event_type == "ACCUSE"]
    assert condemned and condemned[0].source.actor_id == "igo:UNSC"
    text = "Russia's Security Council met on Monday. The Security Council condemned Ukraine."
    condemned = [e for e in code(text, "2025-07-09") if e.event_type == "ACCUSE"]
    assert condemned and condemned[0].source.country == "RUS"


def test_the_two_countries_are_not_the_host_named_as_a_place(code):
    text = (
        "Turkish President Recep Tayyip Erdogan hosted Ethiopian Prime Minister Abiy Ahmed and Somali President "
        "Hassan Sheikh Mohamud in Ankara on Wednesday. Under the Ankara Declaration, the two countries agreed to "
        "start technical negotiations."
    )
    agreed = [e for e in code(text, "2024-12-12") if e.event_type == "AGREE"]
    assert agreed and {agreed[0].source.country, agreed[0].target.country} == {"ETH", "SOM"}


def test_the_country_told_on_a_warplane_model(code):
    text = "Thailand accused Cambodia of laying mines.\n\nPhnom Penh denied it.\n\nThai F-16 jets bombed Cambodia."
    bombed = [e for e in code(text, "2025-07-29") if e.event_type == "ASSAULT"]
    assert bombed and (bombed[0].source.country, bombed[0].target.country) == ("THA", "KHM")
