"""Build the third claims set (documents.jsonl, claims.jsonl): a TUNING set for claim keys.

Eleven short news-style documents written for dyadwatch on 2026-11-23 (11:50 UTC), annotated
before the system was run on them. Unlike benchmarks/claims_fresh2 (kept for confirmation only),
this set is meant to be tuned on, beside gold/dev: gold/dev holds only three wrong claim-key
merges, too few to choose rules that keep them apart. Its documents are written around that
shape: an accuser making two or three different statements about the other side in one story,
the other side denying one of them (or denying something the story states without a speaker);
same-party restatements across documents; figures disputed. The events are invented; the
countries and offices are real. Gold follows docs/annotation.md ("Claims").

    python benchmarks/claims_fresh3/build.py   # rewrites the two .jsonl files beside it
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
        "f3-01",
        "Demerara Gazette",
        "2026-03-03",
        "Guyana says Venezuelan soldiers fired at patrol boat",
        "GEORGETOWN, March 3 (Demerara Gazette) - Guyana's army said on Monday that Venezuelan soldiers had "
        "fired at a Guyanese patrol boat on the Cuyuni River.\n\n"
        "The army also said Venezuela had built a new airstrip near the border on Anacoco island.\n\n"
        "Venezuela's defence minister denied that his troops had shot at any Guyanese boat.\n\n"
        "He said the airstrip served only civilian flights.\n\n"
        "Guyana's foreign minister said the patrol had been inside Guyanese waters when it came under fire.",
        [
            (
                "Guyana's army said on Monday that Venezuelan soldiers had fired at a Guyanese patrol boat on the "
                "Cuyuni River.",
                "Guyana's army",
                "GUY",
                "MIL",
                "Venezuelan soldiers fired at a Guyanese patrol boat on the Cuyuni",
                "assert",
                "f3-cuyuni-fired",
            ),
            (
                "The army also said Venezuela had built a new airstrip near the border on Anacoco island.",
                "The army",
                "GUY",
                "MIL",
                "Venezuela built a new airstrip near the border on Anacoco",
                "assert",
                "f3-anacoco-airstrip",
            ),
            (
                "Venezuela's defence minister denied that his troops had shot at any Guyanese boat.",
                "Venezuela's defence minister",
                "VEN",
                "MIL",
                "Venezuelan troops shot at a Guyanese boat",
                "deny",
                "f3-cuyuni-fired",
            ),
            (
                "He said the airstrip served only civilian flights.",
                "He",
                "VEN",
                "MIL",
                "The Anacoco airstrip serves only civilian flights",
                "assert",
                "f3-airstrip-civilian",
            ),
            (
                "Guyana's foreign minister said the patrol had been inside Guyanese waters when it came under fire.",
                "Guyana's foreign minister",
                "GUY",
                "GOV",
                "The patrol was inside Guyanese waters when it came under fire",
                "assert",
                "f3-patrol-in-guyanese-waters",
            ),
        ],
    ),
    (
        "f3-02",
        "Horn Dispatch",
        "2026-05-12",
        "Ethiopia accuses Eritrean troops of looting grain in Zalambessa",
        "ADDIS ABABA, May 12 (Horn Dispatch) - Ethiopia's government said on Tuesday that Eritrean troops had "
        "looted grain stores in the border town of Zalambessa.\n\n"
        "The government also said Eritrea was training fighters of the Fano militia.\n\n"
        "Eritrea's information minister said the claims about Zalambessa were a fabrication.\n\n"
        "He said Eritrea had no contact with any armed group in Ethiopia.\n\n"
        "The African Union declined to comment.",
        [
            (
                "Ethiopia's government said on Tuesday that Eritrean troops had looted grain stores in the border town "
                "of Zalambessa.",
                "Ethiopia's government",
                "ETH",
                "GOV",
                "Eritrean troops looted grain stores in Zalambessa",
                "assert",
                "f3-zalambessa-looting",
            ),
            (
                "The government also said Eritrea was training fighters of the Fano militia.",
                "The government",
                "ETH",
                "GOV",
                "Eritrea is training Fano militia fighters",
                "assert",
                "f3-eritrea-trains-fano",
            ),
            (
                "Eritrea's information minister said the claims about Zalambessa were a fabrication.",
                "Eritrea's information minister",
                "ERI",
                "GOV",
                "Eritrean troops looted grain stores in Zalambessa",
                "deny",
                "f3-zalambessa-looting",
            ),
            (
                "He said Eritrea had no contact with any armed group in Ethiopia.",
                "He",
                "ERI",
                "GOV",
                "Eritrea has contact with an armed group in Ethiopia",
                "deny",
                "f3-eritrea-trains-fano",
            ),
        ],
    ),
    (
        "f3-03",
        "Han River Times",
        "2026-07-09",
        "Seoul says North Korean soldiers crossed border line",
        "SEOUL, July 9 (Han River Times) - South Korea's Joint Chiefs of Staff said on Tuesday that North Korean "
        "soldiers had crossed the military demarcation line and returned after warning shots.\n\n"
        "The Joint Chiefs also said the North had been planting mines along the border for weeks.\n\n"
        "North Korea's defence ministry said the South's warning shots were a serious provocation.\n\n"
        "A North Korean army statement denied that any of its soldiers had crossed the line.",
        [
            (
                "South Korea's Joint Chiefs of Staff said on Tuesday that North Korean soldiers had crossed the "
                "military "
                "demarcation line and returned after warning shots.",
                "South Korea's Joint Chiefs of Staff",
                "KOR",
                "MIL",
                "North Korean soldiers crossed the military demarcation line",
                "assert",
                "f3-dmz-crossing",
            ),
            (
                "The Joint Chiefs also said the North had been planting mines along the border for weeks.",
                "The Joint Chiefs",
                "KOR",
                "MIL",
                "North Korea has been planting mines along the border",
                "assert",
                "f3-dmz-mines",
            ),
            (
                "North Korea's defence ministry said the South's warning shots were a serious provocation.",
                "North Korea's defence ministry",
                "PRK",
                "MIL",
                "South Korea's warning shots were a serious provocation",
                "assert",
                "f3-warning-shots-provocation",
            ),
            (
                "A North Korean army statement denied that any of its soldiers had crossed the line.",
                "A North Korean army statement",
                "PRK",
                "MIL",
                "North Korean soldiers crossed the line",
                "deny",
                "f3-dmz-crossing",
            ),
        ],
    ),
    (
        "f3-04",
        "Saigon Maritime",
        "2026-06-02",
        "Chinese vessels turn water cannon on Vietnamese fishing boat",
        "HANOI, June 2 (Saigon Maritime) - Chinese coast guard vessels fired water cannon at a Vietnamese fishing "
        "boat near the Paracel Islands on Sunday.\n\n"
        "Vietnam's foreign ministry said Chinese officers had boarded the boat and seized its catch.\n\n"
        "The ministry said the boat had been fishing in Vietnamese waters.\n\n"
        "China's foreign ministry denied that its vessels had used water cannon.",
        [
            (
                "Vietnam's foreign ministry said Chinese officers had boarded the boat and seized its catch.",
                "Vietnam's foreign ministry",
                "VNM",
                "GOV",
                "Chinese officers boarded the Vietnamese boat and seized its catch",
                "assert",
                "f3-paracel-seized-catch",
            ),
            (
                "The ministry said the boat had been fishing in Vietnamese waters.",
                "The ministry",
                "VNM",
                "GOV",
                "The boat was fishing in Vietnamese waters",
                "assert",
                "f3-paracel-vietnamese-waters",
            ),
            (
                "China's foreign ministry denied that its vessels had used water cannon.",
                "China's foreign ministry",
                "CHN",
                "GOV",
                "Chinese vessels used water cannon on the Vietnamese boat",
                "deny",
                "f3-paracel-water-cannon",
            ),
        ],
    ),
    (
        "f3-05",
        "Chisinau Courier",
        "2026-10-29",
        "Moldova says Russia paid 15 million dollars to buy votes",
        "CHISINAU, October 29 (Chisinau Courier) - Moldova's intelligence service said on Thursday that Russia "
        "had paid 15 million dollars to buy votes in Sunday's election.\n\n"
        "The service also said Russian hackers had attacked the electoral commission's website on election "
        "day.\n\n"
        "The Kremlin denied that Russian hackers had attacked any Moldovan website.\n\n"
        "Russian foreign ministry spokeswoman Maria Zakharova said the claims about vote buying were absurd.\n\n"
        "The electoral commission said its website had been down for three hours.",
        [
            (
                "Moldova's intelligence service said on Thursday that Russia had paid 15 million dollars to buy "
                "votes in "
                "Sunday's election.",
                "Moldova's intelligence service",
                "MDA",
                "GOV",
                "Russia paid 15 million dollars to buy votes in Moldova's election",
                "assert",
                "f3-mda-vote-buying",
            ),
            (
                "The service also said Russian hackers had attacked the electoral commission's website on election "
                "day.",
                "The service",
                "MDA",
                "GOV",
                "Russian hackers attacked the electoral commission's website",
                "assert",
                "f3-mda-website-hack",
            ),
            (
                "The Kremlin denied that Russian hackers had attacked any Moldovan website.",
                "The Kremlin",
                "RUS",
                "GOV",
                "Russian hackers attacked a Moldovan website",
                "deny",
                "f3-mda-website-hack",
            ),
            (
                "Russian foreign ministry spokeswoman Maria Zakharova said the claims about vote buying were absurd.",
                "Maria Zakharova",
                "RUS",
                "GOV",
                "Russia paid to buy votes in Moldova's election",
                "deny",
                "f3-mda-vote-buying",
            ),
            (
                "The electoral commission said its website had been down for three hours.",
                "The electoral commission",
                "MDA",
                "GOV",
                "The electoral commission's website was down for three hours",
                "assert",
                "f3-mda-website-down",
            ),
        ],
    ),
    (
        "f3-06",
        "Volga Herald",
        "2026-10-30",
        "Kremlin says it spent nothing on Moldova's vote",
        "MOSCOW, October 30 (Volga Herald) - Kremlin spokesman Dmitry Peskov said on Friday that Russia had not "
        "spent a single rouble on Moldova's election.\n\n"
        "Moldova's president repeated that Russia had spent 15 million dollars buying votes.\n\n"
        "Moldovan police said they had detained 12 people suspected of handing out cash to voters.",
        [
            (
                "Kremlin spokesman Dmitry Peskov said on Friday that Russia had not spent a single rouble on Moldova's "
                "election.",
                "Dmitry Peskov",
                "RUS",
                "GOV",
                "Russia spent money on Moldova's election",
                "deny",
                "f3-mda-vote-buying",
            ),
            (
                "Moldova's president repeated that Russia had spent 15 million dollars buying votes.",
                "Moldova's president",
                "MDA",
                "GOV",
                "Russia spent 15 million dollars buying votes",
                "assert",
                "f3-mda-vote-buying",
            ),
            (
                "Moldovan police said they had detained 12 people suspected of handing out cash to voters.",
                "Moldovan police",
                "MDA",
                "GOV",
                "Police detained 12 people suspected of handing out cash to voters",
                "assert",
                "f3-mda-12-detained",
            ),
        ],
    ),
    (
        "f3-07",
        "Frontier Post Online",
        "2026-09-14",
        "Pakistan says militants from Afghanistan killed six soldiers",
        "ISLAMABAD, September 14 (Frontier Post Online) - Pakistan's army said on Sunday that militants based in "
        "Afghanistan had killed six Pakistani soldiers in an attack on a checkpoint in North Waziristan.\n\n"
        "The army said Kabul had ignored repeated warnings about the militants' camps.\n\n"
        "The Taliban government's spokesman denied that Afghan soil had been used for the attack.\n\n"
        "Pakistan's foreign office said it had handed Afghan diplomats a list of the camps.",
        [
            (
                "Pakistan's army said on Sunday that militants based in Afghanistan had killed six Pakistani "
                "soldiers in "
                "an attack on a checkpoint in North Waziristan.",
                "Pakistan's army",
                "PAK",
                "MIL",
                "Militants based in Afghanistan killed six Pakistani soldiers in North Waziristan",
                "assert",
                "f3-waziristan-attack-from-afghanistan",
            ),
            (
                "The army said Kabul had ignored repeated warnings about the militants' camps.",
                "The army",
                "PAK",
                "MIL",
                "Kabul ignored repeated warnings about the militants' camps",
                "assert",
                "f3-kabul-ignored-warnings",
            ),
            (
                "The Taliban government's spokesman denied that Afghan soil had been used for the attack.",
                "The Taliban government's spokesman",
                "AFG",
                "GOV",
                "Afghan soil was used for the attack",
                "deny",
                "f3-waziristan-attack-from-afghanistan",
            ),
            (
                "Pakistan's foreign office said it had handed Afghan diplomats a list of the camps.",
                "Pakistan's foreign office",
                "PAK",
                "GOV",
                "Pakistan handed Afghan diplomats a list of the camps",
                "assert",
                "f3-list-of-camps",
            ),
        ],
    ),
    (
        "f3-08",
        "Nile Chronicle",
        "2026-08-03",
        "Sudan army says 300 RSF fighters killed near El Fasher",
        "PORT SUDAN, August 3 (Nile Chronicle) - Sudan's army said on Monday that its forces had killed 300 "
        "fighters of the Rapid Support Forces in battles around El Fasher.\n\n"
        "The army also said the RSF had shelled a hospital in the city, killing 14 patients.\n\n"
        "The RSF said the army's figures were invented.\n\n"
        "An RSF commander denied that his forces had shelled any hospital.\n\n"
        "Doctors in El Fasher said the hospital had been hit by at least five shells.",
        [
            (
                "Sudan's army said on Monday that its forces had killed 300 fighters of the Rapid Support Forces in "
                "battles around El Fasher.",
                "Sudan's army",
                "SDN",
                "MIL",
                "The army killed 300 RSF fighters around El Fasher",
                "assert",
                "f3-fasher-300-killed",
            ),
            (
                "The army also said the RSF had shelled a hospital in the city, killing 14 patients.",
                "The army",
                "SDN",
                "MIL",
                "The RSF shelled a hospital in El Fasher, killing 14 patients",
                "assert",
                "f3-fasher-hospital-shelled",
            ),
            (
                "The RSF said the army's figures were invented.",
                "The RSF",
                "SDN",
                "REB",
                "The army killed 300 RSF fighters",
                "deny",
                "f3-fasher-300-killed",
            ),
            (
                "An RSF commander denied that his forces had shelled any hospital.",
                "An RSF commander",
                "SDN",
                "REB",
                "RSF forces shelled a hospital",
                "deny",
                "f3-fasher-hospital-shelled",
            ),
            (
                "Doctors in El Fasher said the hospital had been hit by at least five shells.",
                "Doctors in El Fasher",
                "SDN",
                "CVL",
                "The El Fasher hospital was hit by shells",
                "assert",
                "f3-fasher-hospital-shelled",
            ),
        ],
    ),
    (
        "f3-09",
        "Delhi Ledger",
        "2026-02-11",
        "India accuses Canadian diplomats of interference",
        "NEW DELHI, February 11 (Delhi Ledger) - India's foreign ministry said on Wednesday that Canada had given "
        "shelter to people wanted for terrorism in India.\n\n"
        "The ministry also said Canadian diplomats had interfered in India's internal affairs.\n\n"
        "Canada's foreign minister rejected the charge of interference, saying its diplomats had acted within "
        "the Vienna Convention.\n\n"
        "An Indian foreign ministry spokesman repeated that Canadian diplomats had meddled in Indian politics.",
        [
            (
                "India's foreign ministry said on Wednesday that Canada had given shelter to people wanted for "
                "terrorism "
                "in India.",
                "India's foreign ministry",
                "IND",
                "GOV",
                "Canada shelters people wanted for terrorism in India",
                "assert",
                "f3-canada-shelters-wanted",
            ),
            (
                "The ministry also said Canadian diplomats had interfered in India's internal affairs.",
                "The ministry",
                "IND",
                "GOV",
                "Canadian diplomats interfered in India's internal affairs",
                "assert",
                "f3-canadian-diplomats-interfered",
            ),
            (
                "Canada's foreign minister rejected the charge of interference, saying its diplomats had acted "
                "within the "
                "Vienna Convention.",
                "Canada's foreign minister",
                "CAN",
                "GOV",
                "Canadian diplomats interfered in India's internal affairs",
                "deny",
                "f3-canadian-diplomats-interfered",
            ),
            (
                "An Indian foreign ministry spokesman repeated that Canadian diplomats had meddled in Indian politics.",
                "An Indian foreign ministry spokesman",
                "IND",
                "GOV",
                "Canadian diplomats meddled in Indian politics",
                "assert",
                "f3-canadian-diplomats-interfered",
            ),
        ],
    ),
    (
        "f3-10",
        "Ottawa Record",
        "2026-02-12",
        "Ottawa says no diplomat meddled in Indian politics",
        "OTTAWA, February 12 (Ottawa Record) - Canada's foreign minister said on Thursday that no Canadian diplomat "
        "had meddled in India's politics.\n\n"
        "Canada's public safety minister said none of the people named by India had been charged with a crime in "
        "Canada.\n\n"
        "India's high commissioner said Ottawa had ignored 26 extradition requests.",
        [
            (
                "Canada's foreign minister said on Thursday that no Canadian diplomat had meddled in India's politics.",
                "Canada's foreign minister",
                "CAN",
                "GOV",
                "Canadian diplomats meddled in India's politics",
                "deny",
                "f3-canadian-diplomats-interfered",
            ),
            (
                "Canada's public safety minister said none of the people named by India had been charged with a "
                "crime in "
                "Canada.",
                "Canada's public safety minister",
                "CAN",
                "GOV",
                "People named by India were charged with a crime in Canada",
                "deny",
                "f3-named-not-charged",
            ),
            (
                "India's high commissioner said Ottawa had ignored 26 extradition requests.",
                "India's high commissioner",
                "IND",
                "GOV",
                "Ottawa ignored 26 extradition requests",
                "assert",
                "f3-26-extradition-requests",
            ),
        ],
    ),
    (
        "f3-11",
        "Kanto Shimbun English",
        "2026-04-24",
        "Japan says Chinese warship locked radar on destroyer",
        "TOKYO, April 24 (Kanto Shimbun English) - Japan's defence ministry said on Friday that a Chinese warship "
        "had locked its fire-control radar on a Japanese destroyer in the East China Sea.\n\n"
        "The ministry said Chinese aircraft had also flown close to Japanese surveillance planes twice that "
        "week.\n\n"
        "China's defence ministry said the Japanese destroyer had dangerously approached a Chinese naval "
        "exercise.\n\n"
        "It denied that its warship had used fire-control radar.\n\n"
        "Japan's chief cabinet secretary said the destroyer had stayed at a safe distance from the exercise.",
        [
            (
                "Japan's defence ministry said on Friday that a Chinese warship had locked its fire-control radar on a "
                "Japanese destroyer in the East China Sea.",
                "Japan's defence ministry",
                "JPN",
                "MIL",
                "A Chinese warship locked its fire-control radar on a Japanese destroyer",
                "assert",
                "f3-radar-lock",
            ),
            (
                "The ministry said Chinese aircraft had also flown close to Japanese surveillance planes twice that "
                "week.",
                "The ministry",
                "JPN",
                "MIL",
                "Chinese aircraft flew close to Japanese surveillance planes",
                "assert",
                "f3-close-flights",
            ),
            (
                "China's defence ministry said the Japanese destroyer had dangerously approached a Chinese naval "
                "exercise.",
                "China's defence ministry",
                "CHN",
                "MIL",
                "The Japanese destroyer dangerously approached a Chinese naval exercise",
                "assert",
                "f3-destroyer-approached",
            ),
            (
                "It denied that its warship had used fire-control radar.",
                "It",
                "CHN",
                "MIL",
                "The Chinese warship used fire-control radar",
                "deny",
                "f3-radar-lock",
            ),
            (
                "Japan's chief cabinet secretary said the destroyer had stayed at a safe distance from the exercise.",
                "Japan's chief cabinet secretary",
                "JPN",
                "GOV",
                "The Japanese destroyer dangerously approached the exercise",
                "deny",
                "f3-destroyer-approached",
            ),
        ],
    ),
]


def main() -> None:
    write_claims_set(HERE, DOCS)


if __name__ == "__main__":
    main()
