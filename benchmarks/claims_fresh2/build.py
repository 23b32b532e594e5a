"""Build the second fresh claims set (documents.jsonl, claims.jsonl) from the texts below.

Ten short news-style documents written for dyadwatch on 2026-11-23 (11:40 UTC), annotated
before the system was run on them, to confirm claim-key changes tuned on gold/dev, its
cross-validation and benchmarks/claims_fresh (never tuned on this set). The events are
invented; the countries and offices are real. Gold follows docs/annotation.md ("Claims").
Shapes: an accuser making two statements in one story and the other side denying one of them;
one party restating its claim in other words in a later document; "according to local elders".

    python benchmarks/claims_fresh2/build.py   # rewrites the two .jsonl files beside it
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from claims_sets import write_claims_set  # noqa: E402

# (id, outlet, published, title, text, [(sentence, speaker name, country, sector, content, stance, key)])
DOCS = [
    (
        "f2-01",
        "Luzon Courier",
        "2026-04-07",
        "Manila says Chinese ship fired water cannon at supply boat",
        "MANILA, April 7 (Luzon Courier) - The Philippine coast guard said on Tuesday that a Chinese coast "
        "guard ship had fired a water cannon at a Philippine supply boat near Iroquois Reef, injuring two "
        "crew members.\n\n"
        "The coast guard also said Chinese vessels had rammed a second boat, damaging its hull.\n\n"
        "China's foreign ministry denied that its ships had fired water cannon at the Philippine boat.\n\n"
        "A Chinese foreign ministry spokesman said the Philippine boats had entered Chinese waters without "
        "permission.\n\n"
        "The Philippine foreign ministry rejected that assertion, saying the reef lies within the "
        "Philippines' exclusive economic zone.",
        [
            (
                "The Philippine coast guard said on Tuesday that a Chinese coast guard ship had fired a water cannon "
                "at a Philippine supply boat near Iroquois Reef, injuring two crew members.",
                "The Philippine coast guard",
                "PHL",
                "GOV",
                "A Chinese coast guard ship fired a water cannon at a Philippine supply boat, injuring two crew",
                "assert",
                "f2-iroquois-water-cannon",
            ),
            (
                "The coast guard also said Chinese vessels had rammed a second boat, damaging its hull.",
                "The coast guard",
                "PHL",
                "GOV",
                "Chinese vessels rammed a second Philippine boat",
                "assert",
                "f2-iroquois-ramming",
            ),
            (
                "China's foreign ministry denied that its ships had fired water cannon at the Philippine boat.",
                "China's foreign ministry",
                "CHN",
                "GOV",
                "Chinese ships fired water cannon at the Philippine boat",
                "deny",
                "f2-iroquois-water-cannon",
            ),
            (
                "A Chinese foreign ministry spokesman said the Philippine boats had entered Chinese waters without "
                "permission.",
                "A Chinese foreign ministry spokesman",
                "CHN",
                "GOV",
                "The Philippine boats entered Chinese waters without permission",
                "assert",
                "f2-iroquois-chinese-waters",
            ),
            (
                "The Philippine foreign ministry rejected that assertion, saying the reef lies within the "
                "Philippines' exclusive economic zone.",
                "The Philippine foreign ministry",
                "PHL",
                "GOV",
                "The Philippine boats entered Chinese waters",
                "deny",
                "f2-iroquois-chinese-waters",
            ),
        ],
    ),
    (
        "f2-02",
        "China Coastal Daily",
        "2026-04-08",
        "China says coast guard drove off Philippine vessels",
        "BEIJING, April 8 (China Coastal Daily) - China's coast guard said on Wednesday that it had used water "
        "cannon to drive away Philippine vessels that had intruded near Tiexian Jiao, which Manila calls "
        "Iroquois Reef.\n\n"
        "The coast guard said the Philippine boats had been carrying construction materials to reinforce a "
        "grounded ship.\n\n"
        "The Philippine coast guard repeated that two of its crew had been hurt when the Chinese ship turned "
        "its water cannon on the supply boat.\n\n"
        "Philippine officials denied that the boats had carried anything but food and water.",
        [
            (
                "China's coast guard said on Wednesday that it had used water cannon to drive away Philippine "
                "vessels that had intruded near Tiexian Jiao, which Manila calls Iroquois Reef.",
                "China's coast guard",
                "CHN",
                "GOV",
                "The Chinese coast guard used water cannon on Philippine vessels near the reef",
                "admit",
                "f2-iroquois-water-cannon",
            ),
            (
                "The coast guard said the Philippine boats had been carrying construction materials to reinforce "
                "a grounded ship.",
                "The coast guard",
                "CHN",
                "GOV",
                "The Philippine boats carried construction materials for the grounded ship",
                "assert",
                "f2-iroquois-construction-materials",
            ),
            (
                "The Philippine coast guard repeated that two of its crew had been hurt when the Chinese ship "
                "turned its water cannon on the supply boat.",
                "The Philippine coast guard",
                "PHL",
                "GOV",
                "A Chinese ship's water cannon hurt two Philippine crew on the supply boat",
                "assert",
                "f2-iroquois-water-cannon",
            ),
            (
                "Philippine officials denied that the boats had carried anything but food and water.",
                "Philippine officials",
                "PHL",
                "GOV",
                "The Philippine boats carried construction materials",
                "deny",
                "f2-iroquois-construction-materials",
            ),
        ],
    ),
    (
        "f2-03",
        "Sahel Monitor",
        "2026-08-14",
        "Elders say drone strike killed 12 at wedding in central Mali",
        "BAMAKO, August 14 (Sahel Monitor) - A drone strike on a wedding in the village of Toguere in central "
        "Mali killed at least 12 civilians on Sunday, according to local elders.\n\n"
        "The elders said soldiers had later blocked the road to the village, preventing families from "
        "reaching the wounded.\n\n"
        "Mali's army denied that any civilians had been killed in the strike.\n\n"
        "The army said the drone had hit a gathering of armed terrorists preparing an attack.\n\n"
        "An army spokesman said no roads had been closed in the area.\n\n"
        "The United Nations mission in Mali said civilians had been killed in the strike on Toguere.",
        [
            (
                "A drone strike on a wedding in the village of Toguere in central Mali killed at least 12 civilians "
                "on Sunday, according to local elders.",
                "local elders",
                "MLI",
                "CVL",
                "A drone strike on a wedding in Toguere killed at least 12 civilians",
                "assert",
                "f2-toguere-civilians-killed",
            ),
            (
                "The elders said soldiers had later blocked the road to the village, preventing families from "
                "reaching the wounded.",
                "The elders",
                "MLI",
                "CVL",
                "Soldiers blocked the road to Toguere, keeping families from the wounded",
                "assert",
                "f2-toguere-road-blocked",
            ),
            (
                "Mali's army denied that any civilians had been killed in the strike.",
                "Mali's army",
                "MLI",
                "MIL",
                "Civilians were killed in the strike",
                "deny",
                "f2-toguere-civilians-killed",
            ),
            (
                "The army said the drone had hit a gathering of armed terrorists preparing an attack.",
                "The army",
                "MLI",
                "MIL",
                "The drone hit a gathering of armed terrorists",
                "assert",
                "f2-toguere-hit-terrorists",
            ),
            (
                "An army spokesman said no roads had been closed in the area.",
                "An army spokesman",
                "MLI",
                "MIL",
                "Roads to Toguere were closed",
                "deny",
                "f2-toguere-road-blocked",
            ),
            (
                "The United Nations mission in Mali said civilians had been killed in the strike on Toguere.",
                "The United Nations mission in Mali",
                "UN",
                "IGO",
                "Civilians were killed in the strike on Toguere",
                "assert",
                "f2-toguere-civilians-killed",
            ),
        ],
    ),
    (
        "f2-04",
        "Bamako Evening",
        "2026-08-18",
        "Mali government admits civilian deaths in Toguere strike",
        "BAMAKO, August 18 (Bamako Evening) - Mali's transitional government acknowledged on Thursday that "
        "civilians had died in the drone strike at Toguere, but said the toll was lower than reported.\n\n"
        "The government repeated that the strike had targeted terrorists.\n\n"
        "Residents of Toguere told reporters that soldiers had stopped families on the road to the village "
        "after the strike.\n\n"
        "A government spokesman dismissed the residents' account of the roadblock as fabricated.",
        [
            (
                "Mali's transitional government acknowledged on Thursday that civilians had died in the drone strike "
                "at Toguere, but said the toll was lower than reported.",
                "Mali's transitional government",
                "MLI",
                "GOV",
                "Civilians died in the drone strike at Toguere",
                "admit",
                "f2-toguere-civilians-killed",
            ),
            (
                "The government repeated that the strike had targeted terrorists.",
                "The government",
                "MLI",
                "GOV",
                "The strike targeted terrorists",
                "assert",
                "f2-toguere-hit-terrorists",
            ),
            (
                "Residents of Toguere told reporters that soldiers had stopped families on the road to the village "
                "after the strike.",
                "Residents of Toguere",
                "MLI",
                "CVL",
                "Soldiers stopped families on the road to Toguere after the strike",
                "assert",
                "f2-toguere-road-blocked",
            ),
            (
                "A government spokesman dismissed the residents' account of the roadblock as fabricated.",
                "A government spokesman",
                "MLI",
                "GOV",
                "Soldiers stopped families on the road to Toguere",
                "deny",
                "f2-toguere-road-blocked",
            ),
        ],
    ),
    (
        "f2-05",
        "Mekong Post",
        "2026-05-20",
        "Cambodia accuses Thai troops of crossing border near temple",
        "PHNOM PENH, May 20 (Mekong Post) - Cambodia's defence ministry said on Wednesday that Thai soldiers had "
        "crossed into Cambodian territory near the Ta Krabey temple and dug trenches.\n\n"
        "The ministry said the Thai troops had also laid new landmines along the path to the temple.\n\n"
        "Thailand's army denied that its soldiers had crossed the border, saying the trenches were on the Thai "
        "side.\n\n"
        "A Thai army spokesman said Cambodian drones had flown over Thai positions twice that week.\n\n"
        "Cambodia's foreign ministry said no Cambodian drone had entered Thai airspace.",
        [
            (
                "Cambodia's defence ministry said on Wednesday that Thai soldiers had crossed into Cambodian "
                "territory near the Ta Krabey temple and dug trenches.",
                "Cambodia's defence ministry",
                "KHM",
                "MIL",
                "Thai soldiers crossed into Cambodia near Ta Krabey and dug trenches",
                "assert",
                "f2-takrabey-thai-incursion",
            ),
            (
                "The ministry said the Thai troops had also laid new landmines along the path to the temple.",
                "The ministry",
                "KHM",
                "MIL",
                "Thai troops laid new landmines on the path to the temple",
                "assert",
                "f2-takrabey-landmines",
            ),
            (
                "Thailand's army denied that its soldiers had crossed the border, saying the trenches were on the "
                "Thai side.",
                "Thailand's army",
                "THA",
                "MIL",
                "Thai soldiers crossed the border",
                "deny",
                "f2-takrabey-thai-incursion",
            ),
            (
                "A Thai army spokesman said Cambodian drones had flown over Thai positions twice that week.",
                "A Thai army spokesman",
                "THA",
                "MIL",
                "Cambodian drones flew over Thai positions",
                "assert",
                "f2-takrabey-drones",
            ),
            (
                "Cambodia's foreign ministry said no Cambodian drone had entered Thai airspace.",
                "Cambodia's foreign ministry",
                "KHM",
                "GOV",
                "A Cambodian drone entered Thai airspace",
                "deny",
                "f2-takrabey-drones",
            ),
        ],
    ),
    (
        "f2-06",
        "Siam Observer",
        "2026-05-21",
        "Thai army chief says no soldier set foot in Cambodia",
        "BANGKOK, May 21 (Siam Observer) - Thailand's army chief said on Thursday that no Thai soldier had set "
        "foot on Cambodian soil near Ta Krabey.\n\n"
        "The army chief also denied that Thai troops had planted any mines.\n\n"
        "Cambodia's prime minister said Thai soldiers were still occupying ground near the temple.\n\n"
        "Thailand's foreign ministry said the two countries had agreed to hold border talks next week.",
        [
            (
                "Thailand's army chief said on Thursday that no Thai soldier had set foot on Cambodian soil near "
                "Ta Krabey.",
                "Thailand's army chief",
                "THA",
                "MIL",
                "Thai soldiers set foot on Cambodian soil near Ta Krabey",
                "deny",
                "f2-takrabey-thai-incursion",
            ),
            (
                "The army chief also denied that Thai troops had planted any mines.",
                "The army chief",
                "THA",
                "MIL",
                "Thai troops planted mines",
                "deny",
                "f2-takrabey-landmines",
            ),
            (
                "Cambodia's prime minister said Thai soldiers were still occupying ground near the temple.",
                "Cambodia's prime minister",
                "KHM",
                "GOV",
                "Thai soldiers are occupying ground near the temple",
                "assert",
                "f2-takrabey-thai-incursion",
            ),
            (
                "Thailand's foreign ministry said the two countries had agreed to hold border talks next week.",
                "Thailand's foreign ministry",
                "THA",
                "GOV",
                "Thailand and Cambodia agreed to hold border talks",
                "assert",
                "f2-thai-cambodia-talks",
            ),
        ],
    ),
    (
        "f2-07",
        "Dnipro Wire",
        "2026-10-09",
        "Russian drones hit Kharkiv power plant, Kyiv says",
        "KYIV, October 9 (Dnipro Wire) - Ukraine's air force said on Friday that Russia had launched 86 drones "
        "and four missiles overnight.\n\n"
        "Ukraine's energy ministry said a strike had damaged a thermal power plant in the Kharkiv region, "
        "cutting power to 200,000 homes.\n\n"
        "Russia's defence ministry said its forces had struck facilities of Ukraine's military-industrial "
        "complex with precision weapons.\n\n"
        "The ministry denied that any civilian energy infrastructure had been targeted.\n\n"
        "Ukraine's energy minister said the plant supplied only homes and hospitals.",
        [
            (
                "Ukraine's air force said on Friday that Russia had launched 86 drones and four missiles overnight.",
                "Ukraine's air force",
                "UKR",
                "MIL",
                "Russia launched 86 drones and four missiles overnight",
                "assert",
                "f2-kharkiv-86-drones",
            ),
            (
                "Ukraine's energy ministry said a strike had damaged a thermal power plant in the Kharkiv region, "
                "cutting power to 200,000 homes.",
                "Ukraine's energy ministry",
                "UKR",
                "GOV",
                "A Russian strike damaged a thermal power plant in Kharkiv region, cutting power to 200,000 homes",
                "assert",
                "f2-kharkiv-power-plant",
            ),
            (
                "Russia's defence ministry said its forces had struck facilities of Ukraine's military-industrial "
                "complex with precision weapons.",
                "Russia's defence ministry",
                "RUS",
                "MIL",
                "Russian forces struck Ukrainian military-industrial facilities",
                "assert",
                "f2-kharkiv-military-targets",
            ),
            (
                "The ministry denied that any civilian energy infrastructure had been targeted.",
                "The ministry",
                "RUS",
                "MIL",
                "Civilian energy infrastructure was targeted",
                "deny",
                "f2-kharkiv-power-plant",
            ),
            (
                "Ukraine's energy minister said the plant supplied only homes and hospitals.",
                "Ukraine's energy minister",
                "UKR",
                "GOV",
                "The Kharkiv plant supplied only homes and hospitals",
                "assert",
                "f2-kharkiv-plant-civilian-use",
            ),
        ],
    ),
    (
        "f2-08",
        "Volga Herald",
        "2026-10-10",
        "Moscow says overnight strikes hit only military targets",
        "MOSCOW, October 10 (Volga Herald) - Russia's defence ministry said on Saturday that its overnight "
        "strikes had hit only military targets in Ukraine.\n\n"
        "Kremlin spokesman Dmitry Peskov said Ukrainian drones had attacked an oil depot in Russia's Belgorod "
        "region the previous day.\n\n"
        "Ukraine's military intelligence declined to comment on the depot.\n\n"
        "Ukraine's energy ministry said repair crews had restored power to half of the homes cut off by the "
        "strike on the Kharkiv plant.",
        [
            (
                "Russia's defence ministry said on Saturday that its overnight strikes had hit only military targets "
                "in Ukraine.",
                "Russia's defence ministry",
                "RUS",
                "MIL",
                "Russia's overnight strikes hit only military targets in Ukraine",
                "assert",
                "f2-kharkiv-military-targets",
            ),
            (
                "Kremlin spokesman Dmitry Peskov said Ukrainian drones had attacked an oil depot in Russia's "
                "Belgorod region the previous day.",
                "Dmitry Peskov",
                "RUS",
                "GOV",
                "Ukrainian drones attacked an oil depot in Belgorod region",
                "assert",
                "f2-belgorod-oil-depot",
            ),
            (
                "Ukraine's energy ministry said repair crews had restored power to half of the homes cut off by the "
                "strike on the Kharkiv plant.",
                "Ukraine's energy ministry",
                "UKR",
                "GOV",
                "Repair crews restored power to half of the homes cut off by the Kharkiv strike",
                "assert",
                "f2-kharkiv-power-restored",
            ),
        ],
    ),
    (
        "f2-09",
        "Kosovo Chronicle",
        "2026-02-02",
        "Kosovo says weapons smuggled from Serbia found near Zubin Potok",
        "PRISTINA, February 2 (Kosovo Chronicle) - Kosovo's interior minister said on Monday that police had "
        "found a cache of weapons smuggled from Serbia in a village near the northern town of Zubin Potok.\n\n"
        "He said the weapons included anti-tank rockets and had been bought with money from Belgrade.\n\n"
        "Serbia's government denied that it had financed any armed group in Kosovo.\n\n"
        "Serbian President Aleksandar Vucic said Pristina was inventing incidents to justify police raids on "
        "Serbs.\n\n"
        "Kosovo's prime minister rejected Vucic's accusation.",
        [
            (
                "Kosovo's interior minister said on Monday that police had found a cache of weapons smuggled from "
                "Serbia in a village near the northern town of Zubin Potok.",
                "Kosovo's interior minister",
                "XKX",
                "GOV",
                "Police found a cache of weapons smuggled from Serbia near Zubin Potok",
                "assert",
                "f2-zubin-weapons-cache",
            ),
            (
                "He said the weapons included anti-tank rockets and had been bought with money from Belgrade.",
                "He",
                "XKX",
                "GOV",
                "The weapons were bought with money from Belgrade",
                "assert",
                "f2-zubin-belgrade-money",
            ),
            (
                "Serbia's government denied that it had financed any armed group in Kosovo.",
                "Serbia's government",
                "SRB",
                "GOV",
                "Serbia financed an armed group in Kosovo",
                "deny",
                "f2-zubin-belgrade-money",
            ),
            (
                "Serbian President Aleksandar Vucic said Pristina was inventing incidents to justify police raids on "
                "Serbs.",
                "Aleksandar Vucic",
                "SRB",
                "GOV",
                "Pristina invents incidents to justify police raids on Serbs",
                "assert",
                "f2-pristina-invents-incidents",
            ),
            (
                "Kosovo's prime minister rejected Vucic's accusation.",
                "Kosovo's prime minister",
                "XKX",
                "GOV",
                "Pristina invents incidents to justify police raids on Serbs",
                "deny",
                "f2-pristina-invents-incidents",
            ),
        ],
    ),
    (
        "f2-10",
        "Danube Press",
        "2026-02-04",
        "Belgrade says it never paid for weapons in Kosovo",
        "BELGRADE, February 4 (Danube Press) - Serbia's foreign minister said on Wednesday that Belgrade had "
        "never paid for weapons for Serbs in Kosovo.\n\n"
        "Kosovo police said they had seized a second weapons cache, containing hand grenades, near "
        "Leposavic.\n\n"
        "Kosovo's interior minister repeated that the rockets found near Zubin Potok had been paid for by "
        "Belgrade.\n\n"
        "NATO's peacekeeping force in Kosovo said it had not been informed of either find.",
        [
            (
                "Serbia's foreign minister said on Wednesday that Belgrade had never paid for weapons for Serbs in "
                "Kosovo.",
                "Serbia's foreign minister",
                "SRB",
                "GOV",
                "Belgrade paid for weapons for Serbs in Kosovo",
                "deny",
                "f2-zubin-belgrade-money",
            ),
            (
                "Kosovo police said they had seized a second weapons cache, containing hand grenades, near Leposavic.",
                "Kosovo police",
                "XKX",
                "GOV",
                "Kosovo police seized a second weapons cache near Leposavic",
                "assert",
                "f2-leposavic-second-cache",
            ),
            (
                "Kosovo's interior minister repeated that the rockets found near Zubin Potok had been paid for by "
                "Belgrade.",
                "Kosovo's interior minister",
                "XKX",
                "GOV",
                "The rockets found near Zubin Potok were paid for by Belgrade",
                "assert",
                "f2-zubin-belgrade-money",
            ),
            (
                "NATO's peacekeeping force in Kosovo said it had not been informed of either find.",
                "NATO's peacekeeping force in Kosovo",
                "NATO",
                "IGO",
                "KFOR was informed of the weapons finds",
                "deny",
                "f2-kfor-not-informed",
            ),
        ],
    ),
]


def main() -> None:
    write_claims_set(HERE, DOCS)


if __name__ == "__main__":
    main()
