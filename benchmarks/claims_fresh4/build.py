"""Build the fourth fresh claims set (documents.jsonl, claims.jsonl) from the texts below.

Twelve short news-style documents written for dyadwatch on 2026-11-23 (14:50 UTC), annotated before
the system was run on them and frozen by sha256 (README). Unlike the earlier sets they are not written
around one phenomenon: ordinary wire copy, several stories told over two or three days, some stories
told once, and unrelated stories about the same countries and shapes (troops said to have crossed a
border in two different conflicts), as a news feed holds them. Kept for before/after checks, never
tuned on. The events are invented; the countries and offices are real. Gold follows docs/annotation.md.

    python benchmarks/claims_fresh4/build.py   # rewrites the two .jsonl files beside it
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from claims_sets import write_claims_set  # noqa: E402


def text(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


# (id, outlet, published, title, text, [(sentence, speaker name, country, sector, content, stance, key)])
DOCS = [
    (
        "f4-01",
        "Mekong Wire",
        "2026-06-02",
        "Thai and Cambodian troops exchange fire near border temple",
        text(
            "BANGKOK, June 2 (Mekong Wire) - Thailand's army said on Tuesday that Cambodian troops had opened fire "
            "on a Thai patrol near the Ta Krabey temple, wounding two soldiers.",
            "The two countries have disputed the land around the temple for decades, and their troops clashed "
            "there in 2011.",
            "Cambodia's defence ministry denied that its soldiers had fired first.",
            "A ministry spokeswoman said Thai troops had crossed into Cambodian territory before dawn.",
            "The Thai army said its patrol had stayed on the Thai side of the border throughout.",
            "Thailand's foreign ministry said it would summon the Cambodian ambassador on Wednesday.",
        ),
        [
            (
                "BANGKOK, June 2 (Mekong Wire) - Thailand's army said on Tuesday that Cambodian troops had opened "
                "fire on a Thai patrol near the Ta Krabey temple, wounding two soldiers.",
                "Thailand's army",
                "THA",
                "MIL",
                "Cambodian troops opened fire on a Thai patrol near Ta Krabey, wounding two soldiers",
                "assert",
                "f4-takrabey-cambodia-fired",
            ),
            (
                "Cambodia's defence ministry denied that its soldiers had fired first.",
                "Cambodia's defence ministry",
                "KHM",
                "MIL",
                "Cambodian soldiers fired first",
                "deny",
                "f4-takrabey-cambodia-fired",
            ),
            (
                "A ministry spokeswoman said Thai troops had crossed into Cambodian territory before dawn.",
                "A ministry spokeswoman",
                "KHM",
                "MIL",
                "Thai troops crossed into Cambodian territory",
                "assert",
                "f4-takrabey-thai-crossed",
            ),
            (
                "The Thai army said its patrol had stayed on the Thai side of the border throughout.",
                "The Thai army",
                "THA",
                "MIL",
                "Thai troops crossed into Cambodian territory",
                "deny",
                "f4-takrabey-thai-crossed",
            ),
        ],
    ),
    (
        "f4-02",
        "Phnom Penh Daily",
        "2026-06-03",
        "Hun Manet says Thai soldiers entered Cambodia before clash",
        text(
            "PHNOM PENH, June 3 - Cambodia's prime minister said on Wednesday that Thai soldiers had entered "
            "Cambodian land near Ta Krabey temple before the shooting began.",
            "Thailand's foreign ministry rejected the claim and said Cambodia should stop spreading false information.",
            "The Thai army said the two wounded soldiers were in stable condition at a hospital in Surin.",
            "Cambodia also said it would ask the Association of Southeast Asian Nations to send observers to the area.",
        ),
        [
            (
                "PHNOM PENH, June 3 - Cambodia's prime minister said on Wednesday that Thai soldiers had entered "
                "Cambodian land near Ta Krabey temple before the shooting began.",
                "Cambodia's prime minister",
                "KHM",
                "GOV",
                "Thai soldiers entered Cambodian land near Ta Krabey before the shooting",
                "assert",
                "f4-takrabey-thai-crossed",
            ),
            (
                "Thailand's foreign ministry rejected the claim and said Cambodia should stop spreading false "
                "information.",
                "Thailand's foreign ministry",
                "THA",
                "GOV",
                "Thai soldiers entered Cambodian land before the shooting",
                "deny",
                "f4-takrabey-thai-crossed",
            ),
            (
                "The Thai army said the two wounded soldiers were in stable condition at a hospital in Surin.",
                "The Thai army",
                "THA",
                "MIL",
                "The two wounded Thai soldiers are in stable condition",
                "assert",
                "f4-takrabey-wounded-stable",
            ),
        ],
    ),
    (
        "f4-03",
        "Mekong Wire",
        "2026-06-05",
        "Cambodia says soldier fired warning shot in border incident",
        text(
            "BANGKOK, June 5 (Mekong Wire) - Cambodia's defence ministry acknowledged on Friday that one of its "
            "soldiers had fired a warning shot during the incident at Ta Krabey temple.",
            "It said the shot was aimed into the air and could not have wounded anyone.",
            "The Thai army said video taken by the patrol showed Cambodian soldiers firing directly at its men.",
            "Thai Prime Minister Anutin Charnvirakul said Bangkok wanted the dispute settled through talks.",
        ),
        [
            (
                "BANGKOK, June 5 (Mekong Wire) - Cambodia's defence ministry acknowledged on Friday that one of its "
                "soldiers had fired a warning shot during the incident at Ta Krabey temple.",
                "Cambodia's defence ministry",
                "KHM",
                "MIL",
                "A Cambodian soldier fired a shot during the Ta Krabey incident",
                "admit",
                "f4-takrabey-cambodia-fired",
            ),
            (
                "It said the shot was aimed into the air and could not have wounded anyone.",
                "It",
                "KHM",
                "MIL",
                "The Cambodian fire wounded the Thai soldiers",
                "deny",
                "f4-takrabey-cambodia-fired",
            ),
            (
                "The Thai army said video taken by the patrol showed Cambodian soldiers firing directly at its men.",
                "The Thai army",
                "THA",
                "MIL",
                "Cambodian soldiers fired directly at the Thai patrol",
                "assert",
                "f4-takrabey-cambodia-fired",
            ),
        ],
    ),
    (
        "f4-04",
        "Lagos Ledger",
        "2026-03-10",
        "Nigeria inflation eases for third month, central bank says",
        text(
            "ABUJA, March 10 - Nigeria's central bank said on Tuesday that annual inflation had fallen to 21 "
            "percent in February, the third monthly decline in a row.",
            "The International Monetary Fund said in a statement that Nigeria's reforms were beginning to bear fruit.",
            "The Nigeria Labour Congress questioned the figures, saying food prices in markets had doubled since "
            "last year.",
            "The bank's governor said interest rates would stay unchanged until inflation fell further.",
        ),
        [
            (
                "ABUJA, March 10 - Nigeria's central bank said on Tuesday that annual inflation had fallen to 21 "
                "percent in February, the third monthly decline in a row.",
                "Nigeria's central bank",
                "NGA",
                "GOV",
                "Nigeria's annual inflation fell to 21 percent in February",
                "assert",
                "f4-nga-inflation-fell",
            ),
            (
                "The International Monetary Fund said in a statement that Nigeria's reforms were beginning to bear "
                "fruit.",
                "The International Monetary Fund",
                "IMF",
                "IGO",
                "Nigeria's economic reforms are working",
                "assert",
                "f4-nga-reforms-working",
            ),
            (
                "The Nigeria Labour Congress questioned the figures, saying food prices in markets had doubled since "
                "last year.",
                "The Nigeria Labour Congress",
                "NGA",
                "LAB",
                "Nigeria's annual inflation fell to 21 percent in February",
                "dispute",
                "f4-nga-inflation-fell",
            ),
        ],
    ),
    (
        "f4-05",
        "Lagos Ledger",
        "2026-03-12",
        "Finance minister says inflation data show reforms working",
        text(
            "ABUJA, March 12 - Nigeria's finance minister said on Thursday that the latest inflation data showed "
            "the government's reforms were working.",
            "The Nigeria Labour Congress said the official figures did not reflect the prices families paid in "
            "markets.",
            "The union said it would meet on Monday to decide whether to call a general strike.",
        ),
        [
            (
                "ABUJA, March 12 - Nigeria's finance minister said on Thursday that the latest inflation data showed "
                "the government's reforms were working.",
                "Nigeria's finance minister",
                "NGA",
                "GOV",
                "Nigeria's economic reforms are working",
                "assert",
                "f4-nga-reforms-working",
            ),
            (
                "The Nigeria Labour Congress said the official figures did not reflect the prices families paid in "
                "markets.",
                "The Nigeria Labour Congress",
                "NGA",
                "LAB",
                "Nigeria's annual inflation fell to 21 percent in February",
                "dispute",
                "f4-nga-inflation-fell",
            ),
        ],
    ),
    (
        "f4-06",
        "Balkan Insight Wire",
        "2026-09-14",
        "Kosovo police arrest three armed men in north",
        text(
            "PRISTINA, Sept 14 - Kosovo police said on Monday they had arrested three armed men who crossed from "
            "Serbia near the village of Jarinje.",
            "Serbian President Aleksandar Vucic said the men were local Serbs who lived in Kosovo and denied that "
            "they had come from Serbia.",
            "Kosovo Prime Minister Albin Kurti accused Belgrade of sending armed groups to destabilise the north.",
            "Serbia's foreign ministry called the accusation absurd.",
            "Police said the men were carrying two rifles and a hand grenade.",
        ),
        [
            (
                "PRISTINA, Sept 14 - Kosovo police said on Monday they had arrested three armed men who crossed from "
                "Serbia near the village of Jarinje.",
                "Kosovo police",
                "XKX",
                "GOV",
                "Three armed men who crossed from Serbia were arrested near Jarinje",
                "assert",
                "f4-jarinje-men-from-serbia",
            ),
            (
                "Serbian President Aleksandar Vucic said the men were local Serbs who lived in Kosovo and denied that "
                "they had come from Serbia.",
                "Serbian President Aleksandar Vucic",
                "SRB",
                "GOV",
                "The arrested men came from Serbia",
                "deny",
                "f4-jarinje-men-from-serbia",
            ),
            (
                "Kosovo Prime Minister Albin Kurti accused Belgrade of sending armed groups to destabilise the north.",
                "Kosovo Prime Minister Albin Kurti",
                "XKX",
                "GOV",
                "Serbia sends armed groups to destabilise northern Kosovo",
                "assert",
                "f4-serbia-sends-armed-groups",
            ),
            (
                "Serbia's foreign ministry called the accusation absurd.",
                "Serbia's foreign ministry",
                "SRB",
                "GOV",
                "Serbia sends armed groups to destabilise northern Kosovo",
                "deny",
                "f4-serbia-sends-armed-groups",
            ),
            (
                "Police said the men were carrying two rifles and a hand grenade.",
                "Police",
                "XKX",
                "GOV",
                "The arrested men carried two rifles and a hand grenade",
                "assert",
                "f4-jarinje-men-armed",
            ),
        ],
    ),
    (
        "f4-07",
        "Eastern Front Report",
        "2026-08-20",
        "Drones hit oil depot in Russia's Bryansk region, Kyiv says",
        text(
            "KYIV, Aug 20 - Ukraine's General Staff said on Thursday that its drones had struck an oil depot in "
            "Russia's Bryansk region overnight, setting it on fire.",
            "Russia's defence ministry said its air defences had shot down 41 Ukrainian drones over Bryansk and "
            "neighbouring regions.",
            "The Bryansk regional governor said falling debris had caused a fire at an industrial site, without "
            "naming it.",
            "A resident said he had heard at least six explosions before dawn.",
        ),
        [
            (
                "KYIV, Aug 20 - Ukraine's General Staff said on Thursday that its drones had struck an oil depot in "
                "Russia's Bryansk region overnight, setting it on fire.",
                "Ukraine's General Staff",
                "UKR",
                "MIL",
                "Ukrainian drones struck an oil depot in Bryansk, setting it on fire",
                "assert",
                "f4-bryansk-depot-hit",
            ),
            (
                "Russia's defence ministry said its air defences had shot down 41 Ukrainian drones over Bryansk and "
                "neighbouring regions.",
                "Russia's defence ministry",
                "RUS",
                "MIL",
                "Russian air defences shot down 41 Ukrainian drones",
                "assert",
                "f4-bryansk-41-drones-downed",
            ),
            (
                "The Bryansk regional governor said falling debris had caused a fire at an industrial site, without "
                "naming it.",
                "The Bryansk regional governor",
                "RUS",
                "GOV",
                "Falling drone debris caused a fire at an industrial site in Bryansk",
                "assert",
                "f4-bryansk-debris-fire",
            ),
            (
                "A resident said he had heard at least six explosions before dawn.",
                "A resident",
                "RUS",
                "CVL",
                "At least six explosions were heard before dawn",
                "assert",
                "f4-bryansk-explosions-heard",
            ),
        ],
    ),
    (
        "f4-08",
        "Eastern Front Report",
        "2026-08-21",
        "Kyiv says strike destroyed fuel tanks; Moscow says no energy site hit",
        text(
            "KYIV, Aug 21 - Ukraine's General Staff said on Friday that Thursday's strike had destroyed four "
            "fuel tanks at the Bryansk depot.",
            "Russia's defence ministry said no energy facility had been damaged in the attack.",
            "Ukrainian President Volodymyr Zelenskiy said Russia should feel the cost of its war.",
        ),
        [
            (
                "KYIV, Aug 21 - Ukraine's General Staff said on Friday that Thursday's strike had destroyed four "
                "fuel tanks at the Bryansk depot.",
                "Ukraine's General Staff",
                "UKR",
                "MIL",
                "The Ukrainian strike destroyed four fuel tanks at the Bryansk depot",
                "assert",
                "f4-bryansk-depot-hit",
            ),
            (
                "Russia's defence ministry said no energy facility had been damaged in the attack.",
                "Russia's defence ministry",
                "RUS",
                "MIL",
                "An energy facility in Bryansk was damaged in the attack",
                "deny",
                "f4-bryansk-depot-hit",
            ),
        ],
    ),
    (
        "f4-09",
        "Mekong Wire",
        "2026-06-04",
        "Thai exports to Cambodia rise despite border tension",
        text(
            "BANGKOK, June 4 (Mekong Wire) - Thailand's commerce ministry said on Thursday that exports to "
            "Cambodia had risen 12 percent in the first five months of the year.",
            "A ministry official said the border crossings at Aranyaprathet remained open to trucks.",
            "Cambodia's commerce ministry said trade between the two countries was not affected by the incident "
            "at the temple.",
        ),
        [
            (
                "BANGKOK, June 4 (Mekong Wire) - Thailand's commerce ministry said on Thursday that exports to "
                "Cambodia had risen 12 percent in the first five months of the year.",
                "Thailand's commerce ministry",
                "THA",
                "GOV",
                "Thai exports to Cambodia rose 12 percent in the first five months",
                "assert",
                "f4-thai-exports-cambodia-rose",
            ),
            (
                "A ministry official said the border crossings at Aranyaprathet remained open to trucks.",
                "A ministry official",
                "THA",
                "GOV",
                "The Aranyaprathet border crossings remain open to trucks",
                "assert",
                "f4-aranyaprathet-open",
            ),
            (
                "Cambodia's commerce ministry said trade between the two countries was not affected by the incident "
                "at the temple.",
                "Cambodia's commerce ministry",
                "KHM",
                "GOV",
                "Thai-Cambodian trade was affected by the temple incident",
                "deny",
                "f4-trade-affected-by-incident",
            ),
        ],
    ),
    (
        "f4-10",
        "Lilongwe Times",
        "2026-09-20",
        "Malawi opposition alleges vote rigging; commission rejects claims",
        text(
            "LILONGWE, Sept 20 - Malawi's main opposition party said on Sunday that the presidential vote had been "
            "rigged in at least four districts.",
            "The electoral commission rejected the allegations and said results had been checked at every polling "
            "station.",
            "African Union observers said the vote had been largely peaceful and transparent.",
            "The opposition said it would challenge the result in the Constitutional Court.",
            "Police said two people had been injured when protesters clashed with officers in Blantyre.",
        ),
        [
            (
                "LILONGWE, Sept 20 - Malawi's main opposition party said on Sunday that the presidential vote had "
                "been rigged in at least four districts.",
                "Malawi's main opposition party",
                "MWI",
                "OPP",
                "The Malawi presidential vote was rigged in at least four districts",
                "assert",
                "f4-mwi-vote-rigged",
            ),
            (
                "The electoral commission rejected the allegations and said results had been checked at every "
                "polling station.",
                "The electoral commission",
                "MWI",
                "GOV",
                "The Malawi presidential vote was rigged",
                "deny",
                "f4-mwi-vote-rigged",
            ),
            (
                "African Union observers said the vote had been largely peaceful and transparent.",
                "African Union observers",
                "AU",
                "IGO",
                "The Malawi vote was largely peaceful and transparent",
                "assert",
                "f4-mwi-vote-transparent",
            ),
            (
                "Police said two people had been injured when protesters clashed with officers in Blantyre.",
                "Police",
                "MWI",
                "GOV",
                "Two people were injured in a clash between protesters and police in Blantyre",
                "assert",
                "f4-blantyre-two-injured",
            ),
        ],
    ),
    (
        "f4-11",
        "Himalayan Dispatch",
        "2026-06-03",
        "India says Chinese troops tried to cross line in Arunachal",
        text(
            "NEW DELHI, June 3 - India's defence ministry said on Wednesday that Chinese troops had tried to cross "
            "the Line of Actual Control in the Tawang sector and were pushed back.",
            "It said several soldiers on both sides suffered minor injuries.",
            "China's foreign ministry said its troops had been patrolling on the Chinese side of the line.",
            "A spokesman, Lin Jian, said India should stop provocative actions along the border.",
        ),
        [
            (
                "NEW DELHI, June 3 - India's defence ministry said on Wednesday that Chinese troops had tried to cross "
                "the Line of Actual Control in the Tawang sector and were pushed back.",
                "India's defence ministry",
                "IND",
                "MIL",
                "Chinese troops tried to cross the Line of Actual Control in Tawang",
                "assert",
                "f4-tawang-china-crossed",
            ),
            (
                "It said several soldiers on both sides suffered minor injuries.",
                "It",
                "IND",
                "MIL",
                "Soldiers on both sides suffered minor injuries in Tawang",
                "assert",
                "f4-tawang-injuries",
            ),
            (
                "China's foreign ministry said its troops had been patrolling on the Chinese side of the line.",
                "China's foreign ministry",
                "CHN",
                "GOV",
                "Chinese troops tried to cross the Line of Actual Control in Tawang",
                "deny",
                "f4-tawang-china-crossed",
            ),
        ],
    ),
    (
        "f4-12",
        "Sahel Monitor",
        "2026-10-08",
        "Mali accuses France of airspace violations; Paris says flights were routine",
        text(
            "BAMAKO, Oct 8 - Mali's transitional government said on Wednesday that French military aircraft had "
            "violated its airspace more than 50 times since January.",
            "It also accused France of supplying intelligence to armed groups in the north.",
            "France's armed forces ministry said the flights had been routine transits over international "
            "waters and neighbouring states, and had never entered Malian airspace.",
            "A French diplomat described the charge of helping armed groups as baseless.",
        ),
        [
            (
                "BAMAKO, Oct 8 - Mali's transitional government said on Wednesday that French military aircraft had "
                "violated its airspace more than 50 times since January.",
                "Mali's transitional government",
                "MLI",
                "GOV",
                "French military aircraft violated Malian airspace more than 50 times",
                "assert",
                "f4-mli-french-airspace",
            ),
            (
                "It also accused France of supplying intelligence to armed groups in the north.",
                "It",
                "MLI",
                "GOV",
                "France supplies intelligence to armed groups in northern Mali",
                "assert",
                "f4-mli-france-helps-armed-groups",
            ),
            (
                "France's armed forces ministry said the flights had been routine transits over international "
                "waters and neighbouring states, and had never entered Malian airspace.",
                "France's armed forces ministry",
                "FRA",
                "MIL",
                "French military aircraft violated Malian airspace",
                "deny",
                "f4-mli-french-airspace",
            ),
            (
                "A French diplomat described the charge of helping armed groups as baseless.",
                "A French diplomat",
                "FRA",
                "GOV",
                "France supplies intelligence to armed groups in northern Mali",
                "deny",
                "f4-mli-france-helps-armed-groups",
            ),
        ],
    ),
]


def main() -> None:
    write_claims_set(HERE, DOCS)


if __name__ == "__main__":
    main()
