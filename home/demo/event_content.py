"""Events of the demo: the network's own (the seed's dates) and those of "now" (days from the
build day, so that upcoming events always exist). Every event has a body; a forum's parts (its
expert mission, its B2B meetings) point at it as their parent event.

Events are listed parents first, so that a parent exists before its parts.
"""

import datetime as dt

from .blocks import (
    AgendaItem,
    Bullets,
    CallToAction,
    DocumentLink,
    Embed,
    Heading,
    Image,
    Linked,
    Quote,
    Subheading,
    paragraph,
)
from .states import MachineTranslated, NewSourceText, Outdated
from .text import T
from .when import at, on_day, prague

PRAGUE = T("Prague", "Praha", "Прага")
BRNO = T("Brno", "Brno", "Брно")
MPO_VENUE = T(
    "Ministry of Industry and Trade of the Czech Republic, building Na Františku",
    "Ministerstvo průmyslu a obchodu ČR, budova Na Františku",
    "Міністерство промисловості та торгівлі Чеської Республіки, будівля Na Františku",
)
MPO_ADDRESS = T(
    "Na Františku 32, 110 15 Prague 1, Czech Republic",
    "Na Františku 32, 110 15 Praha 1, Česká republika",
    "Na Františku 32, 110 15 Прага 1, Чеська Республіка",
)
ONLINE = T("Online", "Online", "Онлайн")


OPENING = T("Opening and welcome", "Zahájení a přivítání", "Відкриття та привітання")
B2B_MEETINGS = T("B2B meetings", "B2B jednání", "B2B-зустрічі")
ABOUT_THE_FORUM = T("About the forum", "O fóru", "Про форум")
DEMO_PICTURE = T("Demo picture", "Ukázkový obrázek", "Демонстраційне зображення")
REGISTRATION_URL = "https://example.com/register/digital-innovation-forum"
# Big Buck Bunny (Blender Foundation, CC BY 3.0): a public video that stands in for recordings.
SAMPLE_VIDEO = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"


# The network's own events, with the seed's dates; a mission is listed before its forum.
SEED_EVENTS = [
    {
        "key": "ai-mission-2024",
        "slug": T("ai-expert-mission-2024", "expertni-mise-ai-2024", "ekspertna-misiia-shi-2024"),
        "title": T(
            "Mission of Ukrainian experts on Artificial Intelligence",
            "Mise ukrajinských expertů v oblasti umělé inteligence",
            "Місія українських експертів у сфері штучного інтелекту",
        ),
        "kind": "expert_mission",
        "start": prague(2024, 4, 22),
        "end": prague(2024, 4, 26, 17),
        "city": PRAGUE,
        "topics": ["artificial-intelligence"],
        "organisers": ["mpo", "uca"],
        "summary": T(
            "Mission of Ukrainian experts related to the AI technology, planned for "
            "22 – 26 April 2024.",
            "Mise ukrajinských expertů zaměřená na technologie umělé inteligence, plánovaná "
            "na 22.–26. dubna 2024.",
            "Місія українських експертів, присвячена технологіям штучного інтелекту, "
            "запланована на 22–26 квітня 2024 року.",
        ),
        "body": [
            paragraph(
                T(
                    "The mission brought Ukrainian experts in artificial intelligence to Prague to "
                    "meet Czech companies, research teams and public institutions, and to take part "
                    "in the AI Forum CZ-UA 2024.",
                    "Mise přivedla ukrajinské odborníky na umělou inteligenci do Prahy, kde se "
                    "setkali s českými firmami, výzkumnými týmy a veřejnými institucemi "
                    "a zúčastnili se AI fóra CZ-UA 2024.",
                    "Місія привезла українських експертів зі штучного інтелекту до Праги, де вони "
                    "зустрілися з чеськими компаніями, дослідницькими командами та державними "
                    "установами й взяли участь в AI-форумі CZ-UA 2024.",
                )
            ),
        ],
    },
    {
        "key": "ai-forum-2024",
        "parent": "ai-mission-2024",
        "slug": T("ai-forum-cz-ua-2024", "ai-forum-cz-ua-2024", "ai-forum-cz-ua-2024"),
        "title": T("AI Forum CZ-UA 2024", "AI fórum CZ-UA 2024", "AI-форум CZ-UA 2024"),
        "kind": "forum",
        "start": prague(2024, 4, 24, 9),
        "end": prague(2024, 4, 24, 13),
        "city": PRAGUE,
        "venue": MPO_VENUE,
        "address": MPO_ADDRESS,
        "topics": ["artificial-intelligence"],
        "organisers": ["mpo", "uca"],
        "speakers": ["jana-ukazkova", "petr-vzorovy"],
        "participants": ["emily-example"],
        "summary": T(
            "The Czech – Ukrainian forum on artificial intelligence at the Ministry of Industry "
            "and Trade in Prague, part of the AI expert mission.",
            "Česko-ukrajinské fórum o umělé inteligenci na Ministerstvu průmyslu a obchodu "
            "v Praze, součást expertní mise o AI.",
            "Чесько-український форум зі штучного інтелекту в Міністерстві промисловості "
            "та торгівлі в Празі, частина експертної місії зі ШІ.",
        ),
        "programme": [
            AgendaItem(dt.time(9, 0), dt.time(9, 30), OPENING),
            AgendaItem(
                dt.time(9, 30),
                dt.time(11, 0),
                T(
                    "Panel: AI in Czech and Ukrainian companies",
                    "Panel: AI v českých a ukrajinských firmách",
                    "Панель: ШІ в чеських і українських компаніях",
                ),
                speakers=("jana-ukazkova", "petr-vzorovy"),
            ),
            AgendaItem(dt.time(11, 0), dt.time(13, 0), B2B_MEETINGS),
        ],
        "body": [
            Heading(ABOUT_THE_FORUM),
            paragraph(
                T(
                    "The forum brought together Czech and Ukrainian companies, clusters and public "
                    "institutions working with artificial intelligence. The morning programme was "
                    "followed by B2B meetings and, in the afternoon, a networking event.",
                    "Fórum propojilo české a ukrajinské firmy, klastry a veřejné instituce, které "
                    "pracují s umělou inteligencí. Na dopolední program navázala B2B jednání "
                    "a odpoledne networkingové setkání.",
                    "Форум об'єднав чеські та українські компанії, кластери й державні установи, "
                    "що працюють зі штучним інтелектом. Після ранкової програми відбулися "
                    "B2B-зустрічі, а по обіді — нетворкінг.",
                )
            ),
        ],
    },
    {
        "key": "ai-networking-2024",
        "parent": "ai-mission-2024",
        "slug": T("ai-networking-event-2024", "networking-ai-2024", "netvorking-shi-2024"),
        "title": T(
            "Czech – Ukrainian networking event on Artificial Intelligence",
            "Česko-ukrajinské networkingové setkání o umělé inteligenci",
            "Чесько-український нетворкінг зі штучного інтелекту",
        ),
        "kind": "other",
        "start": prague(2024, 4, 24, 14),
        "end": prague(2024, 4, 24, 18),
        "city": PRAGUE,
        "venue": MPO_VENUE,
        "address": MPO_ADDRESS,
        "topics": ["artificial-intelligence"],
        "organisers": ["mpo"],
        "summary": T(
            "Czech – Ukrainian informational, contacting and networking event to support B2B "
            "cooperation in the field of Artificial Intelligence.",
            "Česko-ukrajinská informační, kontaktní a networkingová akce na podporu spolupráce "
            "firem v oblasti umělé inteligence.",
            "Чесько-український інформаційний, контактний і нетворкінговий захід для підтримки "
            "співпраці бізнесу у сфері штучного інтелекту.",
        ),
        "body": [
            paragraph(
                T(
                    "An afternoon for contacts between Czech and Ukrainian companies working with "
                    "artificial intelligence, after the AI Forum CZ-UA 2024.",
                    "Odpoledne věnované kontaktům mezi českými a ukrajinskými firmami, které "
                    "pracují s umělou inteligencí, po AI fóru CZ-UA 2024.",
                    "Післяобідня зустріч для контактів між чеськими та українськими компаніями, "
                    "що працюють зі штучним інтелектом, після AI-форуму CZ-UA 2024.",
                )
            ),
        ],
    },
    {
        "key": "smart-cities-mission-2023",
        "slug": T(
            "smart-cities-expert-mission-2023",
            "expertni-mise-chytra-mesta-2023",
            "ekspertna-misiia-rozumni-mista-2023",
        ),
        "title": T(
            "Mission of Ukrainian experts on Smart Cities, Regions & Communities",
            "Mise ukrajinských expertů – chytrá města, regiony a komunity",
            "Місія українських експертів: розумні міста, регіони та громади",
        ),
        "kind": "expert_mission",
        "start": prague(2023, 4, 24),
        "end": prague(2023, 4, 28, 17),
        "city": PRAGUE,
        "topics": ["smart-cities-regions-communities"],
        "organisers": ["mpo", "uca"],
        "summary": T(
            "Mission of Ukrainian experts related to the Smart Cities, Regions & Communities "
            "topic, planned for 24 – 28 April 2023.",
            "Mise ukrajinských expertů k tématu chytrých měst, regionů a komunit, plánovaná "
            "na 24.–28. dubna 2023.",
            "Місія українських експертів з теми розумних міст, регіонів і громад, запланована "
            "на 24–28 квітня 2023 року.",
        ),
        "body": [
            paragraph(
                T(
                    "Ukrainian experts on smart cities, regions and communities visited Czech "
                    "towns and regions to learn how they plan and run digital services, and took "
                    "part in the forum in Prague.",
                    "Ukrajinští odborníci na chytrá města, regiony a komunity navštívili česká "
                    "města a regiony, aby poznali, jak plánují a provozují digitální služby, "
                    "a zúčastnili se fóra v Praze.",
                    "Українські експерти з розумних міст, регіонів і громад відвідали чеські міста "
                    "та регіони, щоб дізнатися, як вони планують і надають цифрові послуги, "
                    "і взяли участь у форумі в Празі.",
                )
            ),
        ],
    },
    {
        "key": "smart-cities-forum-2023",
        "parent": "smart-cities-mission-2023",
        "slug": T(
            "smart-cities-forum-cz-ua-2023",
            "forum-chytra-mesta-cz-ua-2023",
            "forum-rozumni-mista-cz-ua-2023",
        ),
        "title": T(
            "Smart Cities-Regions-Communities Forum CZ-UA 2023",
            "Fórum Chytrá města, regiony a komunity CZ-UA 2023",
            "Форум «Розумні міста, регіони та громади» CZ-UA 2023",
        ),
        "kind": "forum",
        "start": prague(2023, 4, 26, 9),
        "end": prague(2023, 4, 26, 16),
        "city": PRAGUE,
        "topics": ["smart-cities-regions-communities"],
        "organisers": ["mpo", "uca"],
        "summary": T(
            "The Czech – Ukrainian forum on smart cities, regions and communities in Prague.",
            "Česko-ukrajinské fórum o chytrých městech, regionech a komunitách v Praze.",
            "Чесько-український форум про розумні міста, регіони та громади в Празі.",
        ),
        "body": [
            paragraph(
                T(
                    "Czech and Ukrainian towns, regions and companies discussed digital services "
                    "that will help communities in the rebuilding of Ukraine.",
                    "Česká a ukrajinská města, regiony a firmy diskutovaly o digitálních službách, "
                    "které pomohou komunitám při obnově Ukrajiny.",
                    "Чеські та українські міста, регіони й компанії обговорили цифрові послуги, "
                    "які допоможуть громадам у відбудові України.",
                )
            ),
        ],
    },
    {
        "key": "smart-industry-mission-2023",
        "slug": T(
            "smart-industry-expert-mission-2023",
            "expertni-mise-chytry-prumysl-2023",
            "ekspertna-misiia-rozumna-promyslovist-2023",
        ),
        "title": T(
            "Mission of Ukrainian experts on Smart Industry",
            "Mise ukrajinských expertů – chytrý průmysl",
            "Місія українських експертів: розумна промисловість",
        ),
        "kind": "expert_mission",
        # The seed gives these dates for the mission and 12 October 2023 for its forum.
        "start": prague(2023, 4, 24),
        "end": prague(2023, 4, 28, 17),
        "city": BRNO,
        "topics": ["smart-industry"],
        "organisers": ["mpo", "uca"],
        "summary": T(
            "Mission of Ukrainian experts related to the Smart Industry topic, planned for "
            "24 – 28 April 2023, in line with the dates of the International Engineering Fair "
            "2023 in Brno.",
            "Mise ukrajinských expertů k tématu chytrého průmyslu, plánovaná na 24.–28. dubna "
            "2023 v návaznosti na termín Mezinárodního strojírenského veletrhu 2023 v Brně.",
            "Місія українських експертів з теми розумної промисловості, запланована на "
            "24–28 квітня 2023 року відповідно до дат Міжнародного машинобудівного ярмарку "
            "2023 у Брно.",
        ),
        "body": [
            paragraph(
                T(
                    "The mission's dates followed the International Engineering Fair in Brno, "
                    "where Ukrainian experts met Czech industrial companies and clusters.",
                    "Termín mise navazoval na Mezinárodní strojírenský veletrh v Brně, kde se "
                    "ukrajinští odborníci setkali s českými průmyslovými firmami a klastry.",
                    "Дати місії було узгоджено з Міжнародним машинобудівним ярмарком у Брно, де "
                    "українські експерти зустрілися з чеськими промисловими компаніями "
                    "та кластерами.",
                )
            ),
        ],
    },
    {
        "key": "smart-industry-forum-2023",
        "parent": "smart-industry-mission-2023",
        "slug": T(
            "smart-industry-forum-cz-ua-2023",
            "forum-chytry-prumysl-cz-ua-2023",
            "forum-rozumna-promyslovist-cz-ua-2023",
        ),
        "title": T(
            "Smart Industry Forum CZ-UA 2023",
            "Fórum Chytrý průmysl CZ-UA 2023",
            "Форум «Розумна промисловість» CZ-UA 2023",
        ),
        "kind": "forum",
        "start": prague(2023, 10, 12, 9),
        "end": prague(2023, 10, 12, 16),
        "city": BRNO,
        "topics": ["smart-industry"],
        "organisers": ["mpo", "uca"],
        "summary": T(
            "The Czech – Ukrainian forum on smart industry in Brno.",
            "Česko-ukrajinské fórum o chytrém průmyslu v Brně.",
            "Чесько-український форум про розумну промисловість у Брно.",
        ),
        "body": [
            paragraph(
                T(
                    "Industry 4.0 in practice: digital manufacturing, automation and the bilateral "
                    "agenda of Czech and Ukrainian industrial clusters.",
                    "Průmysl 4.0 v praxi: digitální výroba, automatizace a bilaterální agenda "
                    "českých a ukrajinských průmyslových klastrů.",
                    "Індустрія 4.0 на практиці: цифрове виробництво, автоматизація та двостороння "
                    "програма чеських і українських промислових кластерів.",
                )
            ),
        ],
    },
    {
        "key": "cybersecurity-mission-2023",
        "slug": T(
            "cybersecurity-expert-mission-2023",
            "expertni-mise-kyberbezpecnost-2023",
            "ekspertna-misiia-kiberbezpeka-2023",
        ),
        "title": T(
            "Mission of Ukrainian experts on Cybersecurity",
            "Mise ukrajinských expertů – kybernetická bezpečnost",
            "Місія українських експертів: кібербезпека",
        ),
        "kind": "expert_mission",
        "start": prague(2023, 11, 27),
        "end": prague(2023, 12, 1, 17),
        "city": BRNO,
        "topics": ["cybersecurity"],
        "organisers": ["mpo", "uca"],
        "summary": T(
            "Mission of Ukrainian experts related to the Cybersecurity topic, planned for "
            "27 November – 1 December 2023.",
            "Mise ukrajinských expertů k tématu kybernetické bezpečnosti, plánovaná "
            "na 27. listopadu – 1. prosince 2023.",
            "Місія українських експертів з теми кібербезпеки, запланована на 27 листопада – "
            "1 грудня 2023 року.",
        ),
        "body": [
            paragraph(
                T(
                    "Ukrainian cybersecurity experts shared how they cope with cybercrime of an "
                    "intensity never seen before, and met Czech companies and institutions in Brno.",
                    "Ukrajinští odborníci na kybernetickou bezpečnost se podělili o to, jak čelí "
                    "kyberkriminalitě dosud nevídané intenzity, a v Brně se setkali s českými "
                    "firmami a institucemi.",
                    "Українські експерти з кібербезпеки розповіли, як протидіють кіберзлочинності "
                    "небаченої досі інтенсивності, і зустрілися з чеськими компаніями та "
                    "установами в Брно.",
                )
            ),
        ],
    },
    {
        "key": "cybersecurity-forum-2023",
        "parent": "cybersecurity-mission-2023",
        "slug": T(
            "cybersecurity-forum-cz-ua-2023",
            "forum-kyberbezpecnost-cz-ua-2023",
            "forum-kiberbezpeka-cz-ua-2023",
        ),
        "title": T(
            "Cybersecurity Forum CZ-UA 2023",
            "Fórum Kybernetická bezpečnost CZ-UA 2023",
            "Форум «Кібербезпека» CZ-UA 2023",
        ),
        "kind": "forum",
        "start": prague(2023, 11, 29, 9),
        "end": prague(2023, 11, 29, 16),
        "city": BRNO,
        "topics": ["cybersecurity"],
        "organisers": ["mpo", "uca"],
        "speakers": ["petr-vzorovy"],
        "summary": T(
            "The Czech – Ukrainian forum on cybersecurity in Brno.",
            "Česko-ukrajinské fórum o kybernetické bezpečnosti v Brně.",
            "Чесько-український форум з кібербезпеки у Брно.",
        ),
        "body": [
            paragraph(
                T(
                    "Protecting businesses and public institutions against cyber attacks: Czech and "
                    "Ukrainian experts compared their experience.",
                    "Ochrana firem a veřejných institucí před kybernetickými útoky: čeští "
                    "a ukrajinští odborníci porovnali své zkušenosti.",
                    "Захист бізнесу та державних установ від кібератак: чеські та українські "
                    "експерти порівняли свій досвід.",
                )
            ),
        ],
    },
    {
        "key": "msv-business-mission-2022",
        "slug": T(
            "uca-business-mission-msv-brno-2022",
            "obchodni-mise-uca-msv-brno-2022",
            "biznes-misiia-uka-msv-brno-2022",
        ),
        "title": T(
            "UCA business mission to the MSV International Engineering Fair",
            "Obchodní mise UCA na Mezinárodní strojírenský veletrh",
            "Бізнес-місія УКА на Міжнародний машинобудівний ярмарок MSV",
        ),
        "kind": "trade_fair",
        "start": prague(2022, 10, 5),
        "end": prague(2022, 10, 7, 17),
        "city": BRNO,
        "topics": ["smart-industry"],
        "organisers": ["uca"],
        "summary": T(
            "Ukrainian Cluster Alliance business mission to the MSV International Engineering "
            "Fair in Brno. The Ukrainian delegation consisted of 18 people from 5 UCA clusters.",
            "Obchodní mise Ukrajinské klastrové aliance na Mezinárodní strojírenský veletrh "
            "v Brně. Ukrajinskou delegaci tvořilo 18 lidí z 5 klastrů UCA.",
            "Бізнес-місія Української кластерної асоціації на Міжнародний машинобудівний "
            "ярмарок у Брно. До української делегації увійшли 18 осіб з 5 кластерів УКА.",
        ),
        "body": [
            paragraph(
                T(
                    "The Ukrainian delegation of 18 people from 5 UCA clusters visited the fair and "
                    "met Czech industrial companies.",
                    "Ukrajinská delegace 18 lidí z 5 klastrů UCA navštívila veletrh a setkala se "
                    "s českými průmyslovými firmami.",
                    "Українська делегація з 18 осіб від 5 кластерів УКА відвідала ярмарок "
                    "і зустрілася з чеськими промисловими компаніями.",
                )
            ),
        ],
    },
    {
        "key": "smart-city-webinar-2023",
        "slug": T(
            "smart-city-smart-region-webinar-2023",
            "webinar-smart-city-smart-region-2023",
            "vebinar-smart-city-smart-region-2023",
        ),
        "title": T(
            "Smart City & Smart Region: Preparing for Rebuilding Ukraine",
            "Smart City & Smart Region: příprava na obnovu Ukrajiny",
            "Smart City & Smart Region: підготовка до відбудови України",
        ),
        "kind": "webinar",
        "start": prague(2023, 2, 3, 10),
        "end": prague(2023, 2, 3, 12),
        "city": ONLINE,
        "online_url": "https://example.com/webinars/smart-city-smart-region",
        "topics": ["smart-cities-regions-communities"],
        "organisers": ["uca", "mpo"],
        "speakers": ["emily-example"],
        "summary": T(
            "Czech-Ukrainian webinar “Smart City & Smart Region – Preparing for Rebuilding "
            "Ukraine”, organised on 3 February 2023.",
            "Česko-ukrajinský webinář „Smart City & Smart Region – příprava na obnovu "
            "Ukrajiny“, uspořádaný 3. února 2023.",
            "Чесько-український вебінар «Smart City & Smart Region – підготовка до відбудови "
            "України», проведений 3 лютого 2023 року.",
        ),
        "body": [
            paragraph(
                T(
                    "Czech and Ukrainian speakers presented digital tools that help cities and "
                    "regions prepare for the rebuilding of Ukraine.",
                    "Čeští a ukrajinští řečníci představili digitální nástroje, které pomáhají "
                    "městům a regionům připravit se na obnovu Ukrajiny.",
                    "Чеські та українські доповідачі представили цифрові інструменти, які "
                    "допомагають містам і регіонам готуватися до відбудови України.",
                )
            ),
        ],
    },
]


# --- What the network does now: dates counted from the build day --------------------------------
# A forum with its expert mission and B2B meetings as parts of it, a webinar given from Kyiv (in
# Kyiv time), a business mission under way, a webinar that took place three weeks ago, and the
# next AI forum's announcement, written and scheduled to go live later.

CURRENT_EVENTS = [
    {
        "key": "digital-innovation-forum",
        "slug": T(
            "digital-innovation-forum-cz-ua",
            "forum-digitalni-inovace-cz-ua",
            "forum-tsyfrovi-innovatsii-cz-ua",
        ),
        "title": T(
            "Digital Innovation Forum CZ-UA: Rebuilding Ukraine",
            "Fórum digitálních inovací CZ-UA: obnova Ukrajiny",
            "Форум цифрових інновацій CZ-UA: відбудова України",
        ),
        "kind": "forum",
        "start": at(45, 9),
        "end": at(45, 13),
        "city": PRAGUE,
        "venue": MPO_VENUE,
        "address": MPO_ADDRESS,
        "registration_url": REGISTRATION_URL,
        "main_image": "invitation:cz-ua",
        "topics": [
            "artificial-intelligence",
            "smart-cities-regions-communities",
            "smart-industry",
            "cybersecurity",
        ],
        "organisers": ["mpo", "uca", "bcu"],
        "speakers": ["jana-ukazkova", "petr-vzorovy"],
        "participants": ["emily-example"],
        "summary": T(
            "The network's next forum brings Czech and Ukrainian companies, clusters and public "
            "institutions together on artificial intelligence, smart cities, smart industry and "
            "cybersecurity for the rebuilding of Ukraine.",
            "Příští fórum sítě spojí české a ukrajinské firmy, klastry a veřejné instituce "
            "v oblasti umělé inteligence, chytrých měst, chytrého průmyslu a kybernetické "
            "bezpečnosti pro obnovu Ukrajiny.",
            "Наступний форум мережі об'єднає чеські та українські компанії, кластери й державні "
            "установи у сферах штучного інтелекту, розумних міст, розумної промисловості "
            "та кібербезпеки заради відбудови України.",
        ),
        "programme": [
            AgendaItem(
                dt.time(9, 0),
                dt.time(9, 30),
                OPENING,
                T(
                    "The Ministry of Industry and Trade and the Ukrainian Cluster Alliance open "
                    "the forum.",
                    "Fórum zahájí Ministerstvo průmyslu a obchodu a Ukrajinská klastrová aliance.",
                    "Форум відкриють Міністерство промисловості та торгівлі й Українська "
                    "кластерна асоціація.",
                ),
            ),
            AgendaItem(
                dt.time(9, 30),
                dt.time(11, 0),
                T(
                    "Panel: digital services for rebuilding cities and regions",
                    "Panel: digitální služby pro obnovu měst a regionů",
                    "Панель: цифрові послуги для відбудови міст і регіонів",
                ),
                T(
                    "Cluster managers and experts on what Czech and Ukrainian partners can build "
                    "together.",
                    "Manažeři klastrů a odborníci o tom, co mohou čeští a ukrajinští partneři "
                    "vybudovat společně.",
                    "Менеджери кластерів та експерти про те, що чеські й українські партнери "
                    "можуть створити разом.",
                ),
                speakers=("jana-ukazkova", "petr-vzorovy"),
            ),
            AgendaItem(
                dt.time(11, 0),
                dt.time(11, 15),
                T("Coffee break", "Přestávka na kávu", "Кава-брейк"),
            ),
            AgendaItem(
                dt.time(11, 15),
                dt.time(13, 0),
                T(
                    "Cybersecurity for public institutions",
                    "Kybernetická bezpečnost pro veřejné instituce",
                    "Кібербезпека для державних установ",
                ),
                T(
                    "What Ukraine learnt about protecting public services under attack.",
                    "Co se Ukrajina naučila o ochraně veřejných služeb pod útokem.",
                    "Чого Україна навчилася про захист публічних послуг під час атак.",
                ),
                speakers=("petr-vzorovy",),
            ),
        ],
        # Every block type of the shared library (cms/blocks.py), rich text with page and
        # document links, a list and a subheading.
        "body": [
            Heading(T("Why this forum?", "Proč toto fórum?", "Чому цей форум?")),
            paragraph(
                Linked(
                    T(
                        "The forum continues the network's series on artificial intelligence, "
                        "smart cities, smart industry and cybersecurity, in the spirit of the "
                        '<a id="a1">memorandum on cooperation in the field of digital '
                        "innovation</a>.",
                        "Fórum navazuje na řadu akcí sítě o umělé inteligenci, chytrých městech, "
                        "chytrém průmyslu a kybernetické bezpečnosti v duchu "
                        '<a id="a1">memoranda o spolupráci v oblasti digitálních inovací</a>.',
                        "Форум продовжує серію заходів мережі про штучний інтелект, розумні "
                        "міста, розумну промисловість і кібербезпеку в дусі "
                        '<a id="a1">меморандуму про співпрацю у сфері цифрових інновацій</a>.',
                    ),
                    links=(("page", "memorandum"),),
                ),
                Subheading(T("Who should come", "Pro koho je fórum", "Для кого форум")),
                Bullets(
                    (
                        T(
                            "Czech and Ukrainian companies looking for <b>B2B partners</b>",
                            "České a ukrajinské firmy, které hledají <b>partnery pro B2B "
                            "spolupráci</b>",
                            "Чеські та українські компанії, які шукають <b>партнерів для "
                            "B2B-співпраці</b>",
                        ),
                        T(
                            "Clusters, cities and regions preparing reconstruction projects",
                            "Klastry, města a regiony, které připravují projekty obnovy",
                            "Кластери, міста та регіони, що готують проєкти відбудови",
                        ),
                        T(
                            "Public institutions that want to protect their services against "
                            "<i>cyber attacks</i>",
                            "Veřejné instituce, které chtějí chránit své služby před "
                            "<i>kybernetickými útoky</i>",
                            "Державні установи, які хочуть захистити свої послуги від "
                            "<i>кібератак</i>",
                        ),
                    )
                ),
                Linked(
                    T(
                        'The <a id="a1">programme of the forum</a> can be downloaded as a PDF.',
                        '<a id="a1">Program fóra</a> si můžete stáhnout jako PDF.',
                        '<a id="a1">Програму форуму</a> можна завантажити у форматі PDF.',
                    ),
                    links=(("document", "forum-programme"),),
                ),
            ),
            Image(
                "photo:forum-hall",
                T(
                    "Placeholder picture labelled “Forum hall Prague”",
                    "Zástupný obrázek s nápisem „Forum hall Prague“",
                    "Тимчасове зображення з написом «Forum hall Prague»",
                ),
                T(
                    "The forum takes place in the building Na Františku of the Ministry of "
                    "Industry and Trade.",
                    "Fórum se koná v budově Ministerstva průmyslu a obchodu Na Františku.",
                    "Форум відбудеться в будівлі Міністерства промисловості та торгівлі "
                    "Na Františku.",
                ),
                DEMO_PICTURE,
            ),
            Quote(
                T(
                    "We knew each other from joint projects before and we promised ourselves "
                    "already in 2021 that we will strengthen our collaboration.",
                    "Znali jsme se už ze společných projektů a již v roce 2021 jsme si slíbili, "
                    "že naši spolupráci posílíme.",
                    "Ми знали одне одного зі спільних проєктів і ще у 2021 році пообіцяли собі "
                    "посилити нашу співпрацю.",
                ),
                T(
                    "The Czech – Ukrainian network, “Where did we start?”",
                    "Česko-ukrajinská síť, „Kde jsme začínali?“",
                    "Чесько-українська мережа, «З чого ми почали?»",
                ),
            ),
            Heading(
                T(
                    "A video invitation (a public sample video)",
                    "Videopozvánka (veřejné ukázkové video)",
                    "Відеозапрошення (публічне зразкове відео)",
                ),
                level="h3",
            ),
            Embed(SAMPLE_VIDEO),
            CallToAction(
                T("Register for the forum", "Registrovat se na fórum", "Зареєструватися на форум"),
                url=REGISTRATION_URL,
            ),
            CallToAction(
                T("All events of the network", "Všechny akce sítě", "Усі заходи мережі"),
                page="events-index",
            ),
            DocumentLink(
                "forum-programme",
                T("Programme of the forum (PDF)", "Program fóra (PDF)", "Програма форуму (PDF)"),
            ),
        ],
    },
    {
        "key": "digital-innovation-mission",
        "parent": "digital-innovation-forum",
        "slug": T(
            "digital-innovation-expert-mission",
            "expertni-mise-digitalni-inovace",
            "ekspertna-misiia-tsyfrovi-innovatsii",
        ),
        "title": T(
            "Mission of Ukrainian experts to the Digital Innovation Forum",
            "Mise ukrajinských expertů na Fórum digitálních inovací",
            "Місія українських експертів на Форум цифрових інновацій",
        ),
        "kind": "expert_mission",
        "start": at(43, 9),
        "end": at(47, 17),
        "city": PRAGUE,
        "topics": ["artificial-intelligence", "smart-cities-regions-communities"],
        "organisers": ["mpo", "uca"],
        "participants": ["emily-example"],
        "summary": T(
            "Five days of visits to Czech companies, research teams and towns for Ukrainian "
            "experts, with the forum in the middle of the week.",
            "Pět dní návštěv českých firem, výzkumných týmů a měst pro ukrajinské odborníky, "
            "uprostřed týdne s fórem.",
            "П'ять днів візитів до чеських компаній, дослідницьких команд і міст для українських "
            "експертів, із форумом посередині тижня.",
        ),
        "programme": [
            AgendaItem(
                dt.time(9, 0),
                dt.time(12, 0),
                T(
                    "Arrival and meeting at the Ministry of Industry and Trade",
                    "Příjezd a setkání na Ministerstvu průmyslu a obchodu",
                    "Прибуття та зустріч у Міністерстві промисловості та торгівлі",
                ),
                day=on_day(43),
            ),
            AgendaItem(
                dt.time(10, 0),
                dt.time(16, 0),
                T(
                    "Visits to Czech AI companies and research teams",
                    "Návštěvy českých firem a výzkumných týmů v oblasti AI",
                    "Візити до чеських компаній і дослідницьких команд у сфері ШІ",
                ),
                day=on_day(44),
            ),
            AgendaItem(
                dt.time(9, 0),
                dt.time(13, 0),
                T(
                    "The Digital Innovation Forum",
                    "Fórum digitálních inovací",
                    "Форум цифрових інновацій",
                ),
                day=on_day(45),
            ),
            AgendaItem(
                dt.time(10, 0),
                dt.time(15, 0),
                T(
                    "Smart city visit to Brno",
                    "Návštěva chytrého města Brna",
                    "Візит до розумного міста Брно",
                ),
                T(
                    "How Brno plans and runs its digital services, with a smart city adviser.",
                    "Jak Brno plánuje a provozuje své digitální služby, s poradkyní pro chytrá "
                    "města.",
                    "Як Брно планує та надає свої цифрові послуги, разом з радницею з питань "
                    "розумних міст.",
                ),
                speakers=("emily-example",),
                day=on_day(47),
            ),
        ],
        "body": [
            paragraph(
                Linked(
                    T(
                        'The mission is part of the <a id="a1">Digital Innovation Forum CZ-UA</a>: '
                        "its participants join the forum and the B2B matchmaking.",
                        'Mise je součástí <a id="a1">Fóra digitálních inovací CZ-UA</a>: její '
                        "účastníci se zapojí do fóra i do B2B setkání.",
                        'Місія є частиною <a id="a1">Форуму цифрових інновацій CZ-UA</a>: її '
                        "учасники долучаться до форуму та B2B-зустрічей.",
                    ),
                    links=(("page", "digital-innovation-forum"),),
                )
            ),
        ],
    },
    {
        "key": "digital-innovation-b2b",
        "parent": "digital-innovation-forum",
        "slug": T(
            "b2b-matchmaking-digital-innovation",
            "b2b-setkani-digitalni-inovace",
            "b2b-zustrichi-tsyfrovi-innovatsii",
        ),
        "title": T(
            "B2B matchmaking for Czech and Ukrainian digital companies",
            "B2B setkání českých a ukrajinských digitálních firem",
            "B2B-зустрічі чеських і українських цифрових компаній",
        ),
        "kind": "other",
        "start": at(45, 14),
        "end": at(45, 18),
        "city": PRAGUE,
        "venue": MPO_VENUE,
        "address": MPO_ADDRESS,
        "registration_url": REGISTRATION_URL,
        "main_image": "photo:b2b",
        "topics": ["artificial-intelligence"],
        "organisers": ["mpo", "bcu"],
        "summary": T(
            "Pre-arranged meetings between Czech and Ukrainian companies in the afternoon after "
            "the forum, organised with Business Club Ukraine.",
            "Předem domluvené schůzky českých a ukrajinských firem odpoledne po fóru, pořádané "
            "s Business Club Ukraine.",
            "Заздалегідь узгоджені зустрічі чеських і українських компаній по обіді після "
            "форуму, організовані разом з Business Club Ukraine.",
        ),
        "body": [
            paragraph(
                T(
                    "Companies register their offer and demand in advance; the organisers prepare "
                    "a schedule of 20-minute meetings.",
                    "Firmy předem zaregistrují svou nabídku a poptávku; pořadatelé připraví "
                    "rozpis dvacetiminutových schůzek.",
                    "Компанії заздалегідь реєструють свою пропозицію та попит; організатори "
                    "готують розклад 20-хвилинних зустрічей.",
                )
            ),
        ],
        # Outdated: the English summary changes after the translations were made.
        "after_translation": Outdated(
            summary="Pre-arranged meetings between Czech and Ukrainian companies in the "
            "afternoon after the forum, organised with Business Club Ukraine. Registration "
            "closes a week before the forum."
        ),
    },
    {
        "key": "cybersecurity-webinar",
        "slug": T(
            "cybersecurity-lessons-webinar",
            "webinar-kyberbezpecnost-zkusenosti-ukrajiny",
            "vebinar-kiberbezpeka-dosvid-ukrainy",
        ),
        "title": T(
            "Webinar: Cybersecurity lessons from Ukraine",
            "Webinář: Kybernetická bezpečnost – zkušenosti Ukrajiny",
            "Вебінар: Кібербезпека — досвід України",
        ),
        "kind": "webinar",
        # Given from Kyiv: the times are Kyiv time.
        "time_zone": "Europe/Kyiv",
        "start": at(14, 11),
        "end": at(14, 12, 30),
        "city": ONLINE,
        "online_url": "https://example.com/webinars/cybersecurity-lessons",
        "topics": ["cybersecurity"],
        "organisers": ["uca", "mpo"],
        "speakers": ["petr-vzorovy"],
        "summary": T(
            "How to cope with cybercrime of an intensity never seen before: Ukrainian experts "
            "share what works, for Czech companies and public institutions.",
            "Jak čelit kyberkriminalitě dosud nevídané intenzity: ukrajinští odborníci sdílejí, "
            "co funguje, pro české firmy a veřejné instituce.",
            "Як протидіяти кіберзлочинності небаченої досі інтенсивності: українські експерти "
            "діляться тим, що працює, з чеськими компаніями та державними установами.",
        ),
        "body": [
            paragraph(
                T(
                    "The webinar is given from Kyiv; its times are Kyiv time. Questions can be "
                    "sent in advance.",
                    "Webinář se vysílá z Kyjeva; jeho časy jsou v kyjevském čase. Dotazy je "
                    "možné poslat předem.",
                    "Вебінар транслюється з Києва; час указано за київським часом. Запитання "
                    "можна надіслати заздалегідь.",
                )
            ),
            CallToAction(
                T("Join the webinar", "Připojit se k webináři", "Приєднатися до вебінару"),
                url="https://example.com/webinars/cybersecurity-lessons",
            ),
        ],
    },
    {
        "key": "industry-business-mission",
        "slug": T(
            "uca-business-mission-industry-4-0",
            "obchodni-mise-uca-prumysl-4-0",
            "biznes-misiia-uka-industriia-4-0",
        ),
        "title": T(
            "UCA business mission to Czech Industry 4.0 companies",
            "Obchodní mise UCA do českých firem Průmyslu 4.0",
            "Бізнес-місія УКА до чеських компаній Індустрії 4.0",
        ),
        "kind": "trade_fair",
        # Under way: it started yesterday.
        "start": at(-1, 9),
        "end": at(2, 17),
        "city": BRNO,
        "topics": ["smart-industry"],
        "organisers": ["uca", "sample-cluster"],
        "summary": T(
            "A delegation of Ukrainian clusters visits Czech Industry 4.0 companies in and around "
            "Brno, continuing the bilateral agenda on Industry 4.0.",
            "Delegace ukrajinských klastrů navštěvuje české firmy Průmyslu 4.0 v Brně a okolí "
            "a pokračuje tak v bilaterální agendě Průmyslu 4.0.",
            "Делегація українських кластерів відвідує чеські компанії Індустрії 4.0 у Брно "
            "та околицях, продовжуючи двосторонню програму з Індустрії 4.0.",
        ),
        "body": [
            paragraph(
                T(
                    "The mission started with a visit to the Brno exhibition centre and continues "
                    "with meetings at manufacturing companies and a cluster workshop.",
                    "Mise začala návštěvou brněnského výstaviště a pokračuje setkáními ve "
                    "výrobních firmách a workshopem klastrů.",
                    "Місія розпочалася з відвідування виставкового центру в Брно і триває "
                    "зустрічами на виробничих підприємствах та воркшопом кластерів.",
                )
            ),
        ],
        # In progress: English text added after the translations, synced, not yet translated.
        "after_translation": NewSourceText(
            paragraph(
                "Update: the cluster workshop on the last day moves to the Brno University of "
                "Technology."
            )
        ),
    },
    {
        "key": "ai-public-services-webinar",
        "slug": T(
            "ai-in-public-services-webinar",
            "webinar-ai-ve-verejnych-sluzbach",
            "vebinar-shi-u-publichnykh-posluhakh",
        ),
        "title": T(
            "Webinar: AI in public services",
            "Webinář: AI ve veřejných službách",
            "Вебінар: ШІ в публічних послугах",
        ),
        "kind": "webinar",
        "start": at(-21, 10),
        "end": at(-21, 11, 30),
        "city": ONLINE,
        "online_url": "https://example.com/webinars/ai-public-services",
        "topics": ["artificial-intelligence"],
        "organisers": ["mpo"],
        "speakers": ["jana-ukazkova"],
        "summary": T(
            "Czech and Ukrainian experts showed how artificial intelligence helps public "
            "services; the recording is available.",
            "Čeští a ukrajinští odborníci ukázali, jak umělá inteligence pomáhá veřejným službám; "
            "záznam je k dispozici.",
            "Чеські та українські експерти показали, як штучний інтелект допомагає публічним "
            "послугам; запис доступний.",
        ),
        "body": [
            Heading(T("Recording", "Záznam", "Запис")),
            paragraph(
                T(
                    "Slides and the recording are shared with the participants; the video below "
                    "is a public sample that stands in for the recording.",
                    "Prezentace a záznam dostanou účastníci; video níže je veřejná ukázka, která "
                    "záznam zastupuje.",
                    "Презентації та запис отримають учасники; відео нижче — публічний зразок, "
                    "що замінює запис.",
                )
            ),
            Embed(SAMPLE_VIDEO),
        ],
        # Machine-translated into Czech, not yet edited by a person.
        "after_translation": MachineTranslated("cs"),
    },
    {
        # Scheduled: written and published for a later moment; English only so far (the
        # report shows its translations as missing).
        "key": "ai-forum-next",
        "go_live": at(10, 9),
        "slug": T("ai-forum-cz-ua-next", "ai-forum-cz-ua-pristi", "ai-forum-cz-ua-nastupnyi"),
        "title": T(
            "AI Forum CZ-UA: the next edition",
            "AI fórum CZ-UA: příští ročník",
            "AI-форум CZ-UA: наступний випуск",
        ),
        "kind": "forum",
        "start": at(100, 9),
        "end": at(100, 13),
        "city": PRAGUE,
        "venue": MPO_VENUE,
        "address": MPO_ADDRESS,
        "topics": ["artificial-intelligence"],
        "organisers": ["mpo", "uca"],
        "summary": T(
            "The next Czech – Ukrainian forum on artificial intelligence at the Ministry of "
            "Industry and Trade in Prague.",
            "Příští česko-ukrajinské fórum o umělé inteligenci na Ministerstvu průmyslu "
            "a obchodu v Praze.",
            "Наступний чесько-український форум зі штучного інтелекту в Міністерстві "
            "промисловості та торгівлі в Празі.",
        ),
        "body": [
            paragraph(
                T(
                    "The programme and the registration follow with the announcement.",
                    "Program a registrace budou zveřejněny s oznámením.",
                    "Програму та реєстрацію буде оприлюднено разом з оголошенням.",
                )
            ),
        ],
    },
]

EVENTS = SEED_EVENTS + CURRENT_EVENTS
