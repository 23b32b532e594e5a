"""Build the fresh claims set (documents.jsonl, claims.jsonl) from the texts below.

Ten short news-style documents written for dyadwatch on 2026-11-23, after the claim-key
weights were fixed and before any change to them was tried: a check of claim keying on text
the tuning never saw, beside the cross-validation over gold/dev. The events are invented;
the countries and offices are real. Gold follows docs/annotation.md ("Claims").

    python benchmarks/claims_fresh/build.py   # rewrites the two .jsonl files beside it
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
        "fr-01",
        "Caucasus Wire",
        "2026-03-04",
        "Armenia says soldier killed in Azerbaijani fire near Sotk",
        "YEREVAN, March 4 (Caucasus Wire) - Armenia's defence ministry said on Wednesday that Azerbaijani "
        "troops had opened fire on Armenian positions near the village of Sotk, killing one soldier.\n\n"
        "Azerbaijan's defence ministry denied that its forces had fired on Armenian positions and said "
        "the report was a provocation.\n\n"
        "The Armenian ministry also said Azerbaijan had moved heavy artillery to the border overnight.\n\n"
        "Baku did not respond to that claim.\n\n"
        "The European Union's monitoring mission declined to comment on the incident.",
        [
            (
                "Armenia's defence ministry said on Wednesday that Azerbaijani troops had opened fire on Armenian "
                "positions near the village of Sotk, killing one soldier.",
                "Armenia's defence ministry",
                "ARM",
                "MIL",
                "Azerbaijani troops fired on Armenian positions near Sotk, killing a soldier",
                "assert",
                "fr-sotk-azerbaijan-fired",
            ),
            (
                "Azerbaijan's defence ministry denied that its forces had fired on Armenian positions and said the "
                "report was a provocation.",
                "Azerbaijan's defence ministry",
                "AZE",
                "MIL",
                "Azerbaijani forces fired on Armenian positions",
                "deny",
                "fr-sotk-azerbaijan-fired",
            ),
            (
                "The Armenian ministry also said Azerbaijan had moved heavy artillery to the border overnight.",
                "The Armenian ministry",
                "ARM",
                "MIL",
                "Azerbaijan moved heavy artillery to the border",
                "assert",
                "fr-aze-artillery-to-border",
            ),
        ],
    ),
    (
        "fr-02",
        "Baku Daily Report",
        "2026-03-05",
        "Baku says Armenian forces fired first at Sotk",
        "BAKU, March 5 (Baku Daily Report) - Azerbaijan's defence ministry said on Thursday that Armenian "
        "forces had fired first near Sotk and that its units had only returned fire.\n\n"
        "Armenia's foreign ministry rejected the claim that its troops had started the shooting.\n\n"
        "An Azerbaijani defence ministry spokesman acknowledged that its units had fired across the "
        "border on Tuesday night, but said they had aimed only at positions that were shooting at them.\n\n"
        "The spokesman also denied that any artillery had been moved to the border.\n\n"
        "President Ilham Aliyev said Azerbaijan wanted a peace treaty signed this year.",
        [
            (
                "Azerbaijan's defence ministry said on Thursday that Armenian forces had fired first near Sotk and "
                "that its units had only returned fire.",
                "Azerbaijan's defence ministry",
                "AZE",
                "MIL",
                "Armenian forces fired first near Sotk",
                "assert",
                "fr-sotk-armenia-fired-first",
            ),
            (
                "Armenia's foreign ministry rejected the claim that its troops had started the shooting.",
                "Armenia's foreign ministry",
                "ARM",
                "GOV",
                "Armenian forces fired first near Sotk",
                "deny",
                "fr-sotk-armenia-fired-first",
            ),
            (
                "An Azerbaijani defence ministry spokesman acknowledged that its units had fired across the border "
                "on Tuesday night, but said they had aimed only at positions that were shooting at them.",
                "An Azerbaijani defence ministry spokesman",
                "AZE",
                "MIL",
                "Azerbaijani units fired across the border",
                "admit",
                "fr-sotk-azerbaijan-fired",
            ),
            (
                "The spokesman also denied that any artillery had been moved to the border.",
                "The spokesman",
                "AZE",
                "MIL",
                "Azerbaijan moved artillery to the border",
                "deny",
                "fr-aze-artillery-to-border",
            ),
            (
                "President Ilham Aliyev said Azerbaijan wanted a peace treaty signed this year.",
                "President Ilham Aliyev",
                "AZE",
                "GOV",
                "Azerbaijan wants a peace treaty signed this year",
                "assert",
                "fr-aze-wants-treaty-2026",
            ),
        ],
    ),
    (
        "fr-03",
        "Horn Observer",
        "2026-06-11",
        "Gedo elders say Kenyan jets bombed village; Nairobi denies",
        "MOGADISHU, June 11 (Horn Observer) - Kenyan fighter jets bombed the village of Buulo Haawo in "
        "Somalia's Gedo region on Monday, killing at least nine civilians, according to local elders.\n\n"
        "The Kenya Defence Forces denied that their aircraft had struck any village and said the "
        "operation had targeted an al-Shabaab training camp.\n\n"
        "Somalia's information minister said the government was investigating the reports of civilian "
        "deaths.\n\n"
        "Al-Shabaab said on its radio station that 40 civilians had died in the raid, a figure the "
        "elders did not repeat.\n\n"
        "A Kenyan military spokesman said the camp had been used to plan attacks on Kenyan towns.",
        [
            (
                "Kenyan fighter jets bombed the village of Buulo Haawo in Somalia's Gedo region on Monday, killing "
                "at least nine civilians, according to local elders.",
                "local elders",
                "SOM",
                "CVL",
                "Kenyan jets bombed Buulo Haawo village, killing civilians",
                "assert",
                "fr-gedo-kenya-bombed-village",
            ),
            (
                "The Kenya Defence Forces denied that their aircraft had struck any village and said the operation "
                "had targeted an al-Shabaab training camp.",
                "The Kenya Defence Forces",
                "KEN",
                "MIL",
                "Kenyan aircraft struck a village",
                "deny",
                "fr-gedo-kenya-bombed-village",
            ),
            (
                "Al-Shabaab said on its radio station that 40 civilians had died in the raid, a figure the elders "
                "did not repeat.",
                "Al-Shabaab",
                "SOM",
                "REB",
                "40 civilians died in the Kenyan raid",
                "assert",
                "fr-gedo-40-dead",
            ),
            (
                "A Kenyan military spokesman said the camp had been used to plan attacks on Kenyan towns.",
                "A Kenyan military spokesman",
                "KEN",
                "MIL",
                "The camp was used to plan attacks on Kenyan towns",
                "assert",
                "fr-gedo-camp-planned-attacks",
            ),
        ],
    ),
    (
        "fr-04",
        "East Africa Ledger",
        "2026-06-19",
        "Kenya admits strike killed civilians in Gedo",
        "NAIROBI, June 19 (East Africa Ledger) - Kenya's defence minister acknowledged on Friday that the "
        "air strike in Gedo last week had killed civilians, but said the number was far below the figures "
        "reported.\n\n"
        "Somali elders said nine civilians had been killed when Kenyan jets hit Buulo Haawo.\n\n"
        "The minister questioned the death toll of 40 given by al-Shabaab.\n\n"
        "Somalia's foreign ministry said the strike had violated Somali sovereignty.\n\n"
        "Kenya's foreign ministry rejected that charge, saying the operation had been agreed with "
        "Mogadishu.",
        [
            (
                "Kenya's defence minister acknowledged on Friday that the air strike in Gedo last week had killed "
                "civilians, but said the number was far below the figures reported.",
                "Kenya's defence minister",
                "KEN",
                "GOV",
                "The Kenyan air strike in Gedo killed civilians",
                "admit",
                "fr-gedo-kenya-bombed-village",
            ),
            (
                "Somali elders said nine civilians had been killed when Kenyan jets hit Buulo Haawo.",
                "Somali elders",
                "SOM",
                "CVL",
                "Kenyan jets hit Buulo Haawo, killing nine civilians",
                "assert",
                "fr-gedo-kenya-bombed-village",
            ),
            (
                "The minister questioned the death toll of 40 given by al-Shabaab.",
                "The minister",
                "KEN",
                "GOV",
                "40 civilians died in the Kenyan raid",
                "dispute",
                "fr-gedo-40-dead",
            ),
            (
                "Somalia's foreign ministry said the strike had violated Somali sovereignty.",
                "Somalia's foreign ministry",
                "SOM",
                "GOV",
                "The Kenyan strike violated Somali sovereignty",
                "assert",
                "fr-gedo-violated-sovereignty",
            ),
            (
                "Kenya's foreign ministry rejected that charge, saying the operation had been agreed with Mogadishu.",
                "Kenya's foreign ministry",
                "KEN",
                "GOV",
                "The Kenyan strike violated Somali sovereignty",
                "deny",
                "fr-gedo-violated-sovereignty",
            ),
        ],
    ),
    (
        "fr-05",
        "Baltic Times Online",
        "2026-09-02",
        "Estonia blames Russian military intelligence for ministry hack",
        "TALLINN, September 2 (Baltic Times Online) - Estonia's government said on Tuesday that Russian "
        "military intelligence was behind a cyberattack that shut down the finance ministry's systems "
        "last week.\n\n"
        "The Kremlin dismissed the accusation as unfounded.\n\n"
        "A Finnish security company said the malicious code matched tools used in earlier attacks on "
        "Ukrainian power companies.\n\n"
        "Estonian officials said no taxpayer data had been stolen.\n\n"
        "Prime Minister Kristen Michal said Estonia would ask NATO allies for help in tracing the attack.",
        [
            (
                "Estonia's government said on Tuesday that Russian military intelligence was behind a cyberattack "
                "that shut down the finance ministry's systems last week.",
                "Estonia's government",
                "EST",
                "GOV",
                "Russian military intelligence was behind the cyberattack on Estonia's finance ministry",
                "assert",
                "fr-est-hack-russia-behind",
            ),
            (
                "The Kremlin dismissed the accusation as unfounded.",
                "The Kremlin",
                "RUS",
                "GOV",
                "Russian military intelligence was behind the cyberattack on Estonia's finance ministry",
                "deny",
                "fr-est-hack-russia-behind",
            ),
            (
                "A Finnish security company said the malicious code matched tools used in earlier attacks on "
                "Ukrainian power companies.",
                "A Finnish security company",
                "FIN",
                "BUS",
                "The code matched tools used against Ukrainian power companies",
                "assert",
                "fr-est-hack-code-match",
            ),
            (
                "Estonian officials said no taxpayer data had been stolen.",
                "Estonian officials",
                "EST",
                "GOV",
                "Taxpayer data was stolen in the hack",
                "deny",
                "fr-est-hack-no-data-stolen",
            ),
        ],
    ),
    (
        "fr-06",
        "Nordic Policy Review",
        "2026-09-04",
        "Moscow calls Estonian hacking charge 'Russophobic fantasy'",
        "MOSCOW, September 4 (Nordic Policy Review) - Russia's foreign ministry spokeswoman said on Thursday "
        "that Moscow had nothing to do with the cyberattack on Estonia's finance ministry.\n\n"
        "Estonia's foreign minister said the evidence that Russian military intelligence carried out the "
        "attack was conclusive.\n\n"
        "The spokeswoman also accused Tallinn of spying on Russian diplomats in the Estonian capital.\n\n"
        "Estonia denied spying on the diplomats.\n\n"
        "A Russian hacker group said in a post on Telegram that it had broken into the ministry's "
        "network.",
        [
            (
                "Russia's foreign ministry spokeswoman said on Thursday that Moscow had nothing to do with the "
                "cyberattack on Estonia's finance ministry.",
                "Russia's foreign ministry spokeswoman",
                "RUS",
                "GOV",
                "Russia was behind the cyberattack on Estonia's finance ministry",
                "deny",
                "fr-est-hack-russia-behind",
            ),
            (
                "Estonia's foreign minister said the evidence that Russian military intelligence carried out the "
                "attack was conclusive.",
                "Estonia's foreign minister",
                "EST",
                "GOV",
                "Russian military intelligence carried out the cyberattack",
                "assert",
                "fr-est-hack-russia-behind",
            ),
            (
                "The spokeswoman also accused Tallinn of spying on Russian diplomats in the Estonian capital.",
                "The spokeswoman",
                "RUS",
                "GOV",
                "Estonia spies on Russian diplomats in Tallinn",
                "assert",
                "fr-est-spying-on-diplomats",
            ),
            (
                "Estonia denied spying on the diplomats.",
                "Estonia",
                "EST",
                "GOV",
                "Estonia spies on Russian diplomats in Tallinn",
                "deny",
                "fr-est-spying-on-diplomats",
            ),
            (
                "A Russian hacker group said in a post on Telegram that it had broken into the ministry's network.",
                "A Russian hacker group",
                "RUS",
                "CVL",
                "A Russian hacker group broke into the ministry's network",
                "assert",
                "fr-est-hack-group-claims",
            ),
        ],
    ),
    (
        "fr-07",
        "Nile Basin Monitor",
        "2026-08-20",
        "Egypt says dam filling cut Nile flow; Addis says no harm done",
        "CAIRO, August 20 (Nile Basin Monitor) - Egypt's irrigation minister said on Thursday that the "
        "fourth filling of Ethiopia's Grand Renaissance Dam had cut the Nile's flow into Lake Nasser by "
        "a quarter.\n\n"
        "Ethiopia's water ministry said the filling had caused no significant harm to downstream "
        "countries.\n\n"
        "Sudan's irrigation ministry said sudden releases from the dam had flooded farms along the Blue "
        "Nile.\n\n"
        "Ethiopian officials declined to comment on Sudan's statement.\n\n"
        "Egypt's foreign minister said Ethiopia had broken a promise to share data on the dam's "
        "operation.\n\n"
        "Addis Ababa denied that it had ever agreed to share such data.",
        [
            (
                "Egypt's irrigation minister said on Thursday that the fourth filling of Ethiopia's Grand "
                "Renaissance Dam had cut the Nile's flow into Lake Nasser by a quarter.",
                "Egypt's irrigation minister",
                "EGY",
                "GOV",
                "The dam's filling cut the Nile's flow into Egypt",
                "assert",
                "fr-gerd-filling-harmed-egypt",
            ),
            (
                "Ethiopia's water ministry said the filling had caused no significant harm to downstream countries.",
                "Ethiopia's water ministry",
                "ETH",
                "GOV",
                "The dam's filling harmed downstream countries",
                "deny",
                "fr-gerd-filling-harmed-egypt",
            ),
            (
                "Sudan's irrigation ministry said sudden releases from the dam had flooded farms along the Blue Nile.",
                "Sudan's irrigation ministry",
                "SDN",
                "GOV",
                "Releases from the dam flooded Sudanese farms",
                "assert",
                "fr-gerd-releases-flooded-sudan",
            ),
            (
                "Egypt's foreign minister said Ethiopia had broken a promise to share data on the dam's operation.",
                "Egypt's foreign minister",
                "EGY",
                "GOV",
                "Ethiopia promised to share data on the dam and broke the promise",
                "assert",
                "fr-gerd-data-promise",
            ),
            (
                "Addis Ababa denied that it had ever agreed to share such data.",
                "Addis Ababa",
                "ETH",
                "GOV",
                "Ethiopia agreed to share data on the dam",
                "deny",
                "fr-gerd-data-promise",
            ),
        ],
    ),
    (
        "fr-08",
        "Sahel Dispatch",
        "2026-02-10",
        "Nigerian army admits strike hit wedding after initial denial",
        "ABUJA, February 10 (Sahel Dispatch) - The Nigerian army, which had initially denied that one of "
        "its aircraft bombed a wedding party in Zamfara state, admitted on Tuesday that the strike had hit "
        "the gathering by mistake.\n\n"
        "Amnesty International said at least 31 people had been killed, most of them women and "
        "children.\n\n"
        "The army disputed that figure and said it was still counting the dead.\n\n"
        "Zamfara's governor said the village had been free of bandits for months.\n\n"
        "An army spokesman insisted that bandits had been seen entering the village on the eve of the "
        "strike.",
        [
            (
                "The Nigerian army, which had initially denied that one of its aircraft bombed a wedding party in "
                "Zamfara state, admitted on Tuesday that the strike had hit the gathering by mistake.",
                "The Nigerian army",
                "NGA",
                "MIL",
                "A Nigerian army aircraft bombed a wedding party in Zamfara",
                "deny",
                "fr-zamfara-army-bombed-wedding",
            ),
            (
                "The Nigerian army, which had initially denied that one of its aircraft bombed a wedding party in "
                "Zamfara state, admitted on Tuesday that the strike had hit the gathering by mistake.",
                "The Nigerian army",
                "NGA",
                "MIL",
                "A Nigerian army strike hit the wedding party",
                "admit",
                "fr-zamfara-army-bombed-wedding",
            ),
            (
                "Amnesty International said at least 31 people had been killed, most of them women and children.",
                "Amnesty International",
                None,
                "NGO",
                "At least 31 people were killed in the strike",
                "assert",
                "fr-zamfara-31-dead",
            ),
            (
                "The army disputed that figure and said it was still counting the dead.",
                "The army",
                "NGA",
                "MIL",
                "At least 31 people were killed in the strike",
                "dispute",
                "fr-zamfara-31-dead",
            ),
            (
                "Zamfara's governor said the village had been free of bandits for months.",
                "Zamfara's governor",
                "NGA",
                "GOV",
                "Bandits were in the village",
                "deny",
                "fr-zamfara-bandits-in-village",
            ),
            (
                "An army spokesman insisted that bandits had been seen entering the village on the eve of the strike.",
                "An army spokesman",
                "NGA",
                "MIL",
                "Bandits were in the village",
                "assert",
                "fr-zamfara-bandits-in-village",
            ),
        ],
    ),
    (
        "fr-09",
        "Pacific Current",
        "2026-10-14",
        "Seoul says North jammed GPS near border; Pyongyang blames leaflets",
        "SEOUL, October 14 (Pacific Current) - South Korea's Joint Chiefs of Staff said on Wednesday that "
        "North Korea had jammed GPS signals near the western border islands for a third day, disrupting "
        "fishing boats and civilian flights.\n\n"
        "North Korea's state news agency KCNA said the South's activists had sent balloons carrying "
        "leaflets across the border last week.\n\n"
        "Seoul's unification ministry said it had asked the activists to stop the launches.\n\n"
        "The Joint Chiefs also said North Korean soldiers had crossed the military demarcation line "
        "briefly on Tuesday before withdrawing after warning shots.\n\n"
        "KCNA did not mention the jamming.",
        [
            (
                "South Korea's Joint Chiefs of Staff said on Wednesday that North Korea had jammed GPS signals near "
                "the western border islands for a third day, disrupting fishing boats and civilian flights.",
                "South Korea's Joint Chiefs of Staff",
                "KOR",
                "MIL",
                "North Korea jammed GPS signals near the border islands",
                "assert",
                "fr-nk-gps-jamming",
            ),
            (
                "North Korea's state news agency KCNA said the South's activists had sent balloons carrying "
                "leaflets across the border last week.",
                "KCNA",
                "PRK",
                "GOV",
                "South Korean activists sent leaflet balloons across the border",
                "assert",
                "fr-sk-leaflet-balloons",
            ),
            (
                "Seoul's unification ministry said it had asked the activists to stop the launches.",
                "Seoul's unification ministry",
                "KOR",
                "GOV",
                "The ministry asked activists to stop the launches",
                "assert",
                "fr-sk-asked-activists-stop",
            ),
            (
                "The Joint Chiefs also said North Korean soldiers had crossed the military demarcation line briefly "
                "on Tuesday before withdrawing after warning shots.",
                "The Joint Chiefs",
                "KOR",
                "MIL",
                "North Korean soldiers crossed the demarcation line",
                "assert",
                "fr-nk-soldiers-crossed-mdl",
            ),
        ],
    ),
    (
        "fr-10",
        "Jakarta Commerce Post",
        "2026-05-07",
        "Indonesia says EU forest rules cut palm oil exports; Brussels questions figures",
        "JAKARTA, May 7 (Jakarta Commerce Post) - Indonesia's trade minister said on Thursday that the "
        "European Union's deforestation rules discriminated against palm oil from small farmers.\n\n"
        "A European Commission spokesman said the rules applied equally to every producing country.\n\n"
        "The minister also said Indonesia's palm oil exports to Europe had fallen by 12 percent since "
        "the rules took effect.\n\n"
        "The Commission questioned that figure, saying exports had been falling for years.\n\n"
        "Malaysia's plantation minister said the rules were unfair to small farmers.",
        [
            (
                "Indonesia's trade minister said on Thursday that the European Union's deforestation rules "
                "discriminated against palm oil from small farmers.",
                "Indonesia's trade minister",
                "IDN",
                "GOV",
                "The EU deforestation rules discriminate against smallholder palm oil",
                "assert",
                "fr-eudr-discriminates-palm-oil",
            ),
            (
                "A European Commission spokesman said the rules applied equally to every producing country.",
                "A European Commission spokesman",
                "EU",
                "IGO",
                "The EU deforestation rules discriminate against smallholder palm oil",
                "deny",
                "fr-eudr-discriminates-palm-oil",
            ),
            (
                "The minister also said Indonesia's palm oil exports to Europe had fallen by 12 percent since the "
                "rules took effect.",
                "The minister",
                "IDN",
                "GOV",
                "Indonesia's palm oil exports to Europe fell 12 percent because of the rules",
                "assert",
                "fr-eudr-exports-fell-12",
            ),
            (
                "The Commission questioned that figure, saying exports had been falling for years.",
                "The Commission",
                "EU",
                "IGO",
                "Indonesia's palm oil exports to Europe fell 12 percent because of the rules",
                "dispute",
                "fr-eudr-exports-fell-12",
            ),
            (
                "Malaysia's plantation minister said the rules were unfair to small farmers.",
                "Malaysia's plantation minister",
                "MYS",
                "GOV",
                "The EU deforestation rules discriminate against smallholder palm oil",
                "assert",
                "fr-eudr-discriminates-palm-oil",
            ),
        ],
    ),
]


def main() -> None:
    write_claims_set(HERE, DOCS)


if __name__ == "__main__":
    main()
