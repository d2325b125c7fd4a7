"""The demo site, written from the network's own text, in English with Czech and Ukrainian.

Dates and places are those the seed states. The seed names no ambassador: the people below are
fictional samples, and their profiles say so.
"""

import datetime as dt

from .text import T

# Locale roots take the locale code as their slug, so a page's path starts with its locale.
HOME_SLUG = T("en", "cs", "uk")

# --- Topics -----------------------------------------------------------------------------------

TOPICS = [
    {
        "slug": "artificial-intelligence",
        "name": T("Artificial Intelligence", "Umělá inteligence", "Штучний інтелект"),
        "description": T(
            "AI technologies and their use in business and public services, and the Czech and "
            "Ukrainian experts who develop them.",
            "Technologie umělé inteligence a jejich využití ve firmách a veřejných službách, "
            "a čeští a ukrajinští odborníci, kteří je vyvíjejí.",
            "Технології штучного інтелекту та їх застосування в бізнесі й публічних послугах, "
            "а також чеські та українські експерти, які їх розробляють.",
        ),
    },
    {
        "slug": "smart-cities-regions-communities",
        "name": T(
            "Smart Cities-Regions-Communities",
            "Chytrá města, regiony a komunity",
            "Розумні міста, регіони та громади",
        ),
        "description": T(
            "Digital services for towns, regions and communities, and preparing for the "
            "rebuilding of Ukraine.",
            "Digitální služby pro města, regiony a komunity a příprava na obnovu Ukrajiny.",
            "Цифрові послуги для міст, регіонів і громад та підготовка до відбудови України.",
        ),
    },
    {
        "slug": "smart-industry",
        "name": T("Smart Industry", "Chytrý průmysl", "Розумна промисловість"),
        "description": T(
            "Industry 4.0: digital manufacturing, automation and the bilateral agenda of Czech "
            "and Ukrainian industrial clusters.",
            "Průmysl 4.0: digitální výroba, automatizace a bilaterální agenda českých "
            "a ukrajinských průmyslových klastrů.",
            "Індустрія 4.0: цифрове виробництво, автоматизація та двостороння програма чеських "
            "і українських промислових кластерів.",
        ),
    },
    {
        "slug": "cybersecurity",
        "name": T("Cybersecurity", "Kybernetická bezpečnost", "Кібербезпека"),
        "description": T(
            "Protecting businesses and public institutions against cyber attacks, learning from "
            "Ukraine's experience with cybercrime of unprecedented intensity.",
            "Ochrana firem a veřejných institucí před kybernetickými útoky a poučení ze "
            "zkušeností Ukrajiny s kyberkriminalitou nebývalé intenzity.",
            "Захист бізнесу та державних установ від кібератак з урахуванням досвіду України "
            "у протидії кіберзлочинності небаченої інтенсивності.",
        ),
    },
]

# --- Organisations and the award ----------------------------------------------------------------

ORGANISATIONS = [
    {
        "key": "mpo",
        "name": T(
            "Ministry of Industry and Trade of the Czech Republic",
            "Ministerstvo průmyslu a obchodu České republiky",
            "Міністерство промисловості та торгівлі Чеської Республіки",
        ),
        "short_name": T("MIT", "MPO", "МПТ"),
        "kind": "signatory",
        "country": "CZ",
        "website": "https://www.mpo.gov.cz/en/",
        "description": T(
            "Hosts the network's forums in its building Na Františku in Prague and established "
            "Business Club Ukraine in summer 2022.",
            "Pořádá fóra sítě ve své budově Na Františku v Praze a v létě 2022 založilo "
            "Business Club Ukraine.",
            "Приймає форуми мережі у своїй будівлі Na Františku в Празі та влітку 2022 року "
            "заснувало Business Club Ukraine.",
        ),
    },
    {
        "key": "uca",
        "name": T(
            "Ukrainian Cluster Alliance",
            "Ukrajinská klastrová aliance",
            "Українська кластерна асоціація",
        ),
        "short_name": T("UCA", "UCA", "УКА"),
        "kind": "signatory",
        "country": "UA",
        "website": "",
        "description": T(
            "Created in March 2022, the alliance of Ukrainian clusters gives the "
            "Professionals4Ukraine award to the experts who helped it grow.",
            "Aliance ukrajinských klastrů vznikla v březnu 2022 a uděluje cenu "
            "Professionals4Ukraine odborníkům, kteří jí pomohli vyrůst.",
            "Створена в березні 2022 року асоціація українських кластерів вручає нагороду "
            "Professionals4Ukraine експертам, які допомогли їй розвинутися.",
        ),
    },
    {
        "key": "bcu",
        "name": T("Business Club Ukraine", "Business Club Ukraine", "Бізнес-клуб «Україна»"),
        "short_name": T("", "", ""),
        "kind": "partner",
        "country": "CZ",
        "website": "",
        "description": T(
            "Established by the Ministry of Industry and Trade in summer 2022 to support "
            "Czech-Ukrainian B2B collaboration.",
            "Založen Ministerstvem průmyslu a obchodu v létě 2022 na podporu česko-ukrajinské "
            "spolupráce mezi firmami.",
            "Заснований Міністерством промисловості та торгівлі влітку 2022 року для підтримки "
            "чесько-української співпраці між компаніями.",
        ),
    },
    {
        "key": "sample-cluster",
        "name": T(
            "Sample Digital Cluster (fictional)",
            "Ukázkový digitální klastr (smyšlený)",
            "Зразковий цифровий кластер (вигаданий)",
        ),
        "short_name": T("", "", ""),
        "kind": "member",
        "country": "CZ",
        "website": "",
        "description": T(
            "A fictional member organisation of the demo site; it does not exist.",
            "Smyšlená členská organizace ukázkového webu; ve skutečnosti neexistuje.",
            "Вигадана організація-член демонстраційного сайту; насправді її не існує.",
        ),
    },
]

AWARD = {
    "key": "professionals4ukraine",
    "name": T(
        "Professionals4Ukraine",
        "Professionals4Ukraine",
        "Professionals4Ukraine — «Професіонали для України»",
    ),
    "awarded_by": "uca",
    "description": T(
        "Given by the Ukrainian Cluster Alliance to the European and American experts whose help "
        "made its creation and rapid development possible. In 2022 it went to 13 ambassadors "
        "from the EU and the USA, two of them from the Czech Republic.",
        "Uděluje ji Ukrajinská klastrová aliance evropským a americkým odborníkům, bez jejichž "
        "pomoci by nevznikla a tak rychle se nerozvíjela. V roce 2022 ji získalo 13 ambasadorů "
        "z EU a USA, z toho dva z České republiky.",
        "Українська кластерна асоціація вручає її європейським та американським експертам, чия "
        "допомога зробила можливими її створення та швидкий розвиток. У 2022 році її отримали "
        "13 амбасадорів з ЄС і США, двоє з них — з Чеської Республіки.",
    ),
}

# --- Pages --------------------------------------------------------------------------------------

HOME = {
    "title": T(
        "Czech – Ukrainian Cooperation in the Field of Digital Innovation",
        "Česko-ukrajinská spolupráce v oblasti digitálních inovací",
        "Чесько-українська співпраця у сфері цифрових інновацій",
    ),
    "intro": T(
        "Informational, contacting and networking events that support Czech – Ukrainian B2B "
        "cooperation in artificial intelligence, smart cities, smart industry and cybersecurity.",
        "Informační, kontaktní a networkingové akce na podporu česko-ukrajinské spolupráce firem "
        "v oblasti umělé inteligence, chytrých měst, chytrého průmyslu a kybernetické bezpečnosti.",
        "Інформаційні, контактні та нетворкінгові заходи для підтримки чесько-української "
        "співпраці бізнесу у сферах штучного інтелекту, розумних міст, розумної промисловості "
        "та кібербезпеки.",
    ),
    "body": [
        ("heading", T("Where did we start?", "Kde jsme začínali?", "З чого ми почали?")),
        (
            "paragraph",
            T(
                "The Russian invasion to Ukraine in February 2022 started new era of our "
                "cooperation: we knew each other from joint projects before and we promised "
                "ourselves already in 2021 that we will strengthen our collaboration.",
                "Ruská invaze na Ukrajinu v únoru 2022 zahájila novou éru naší spolupráce: znali "
                "jsme se už ze společných projektů a již v roce 2021 jsme si slíbili, že naši "
                "spolupráci posílíme.",
                "Російське вторгнення в Україну в лютому 2022 року започаткувало нову епоху нашої "
                "співпраці: ми знали одне одного зі спільних проєктів і ще у 2021 році пообіцяли "
                "собі посилити нашу співпрацю.",
            ),
        ),
        (
            "paragraph",
            T(
                "But the urgent imperatives of wartimes brought us more together and showed that "
                "the Czechs (and other Europeans) can bring a lot of added value to the "
                "cooperation with Ukrainian digital experts and, on the opposite, can learn from "
                "the Ukrainian side how to cope with intensity of cybercrimes that was never seen "
                "before or how to continue a successful business under unpredictable conditions. "
                "This gave us a kick towards further collaboration.",
                "Naléhavé potřeby válečné doby nás však sblížily ještě víc a ukázaly, že Češi "
                "(i další Evropané) mohou spolupráci s ukrajinskými digitálními odborníky přinést "
                "velkou přidanou hodnotu, a naopak se od ukrajinské strany mohou naučit, jak čelit "
                "kyberkriminalitě dosud nevídané intenzity nebo jak úspěšně podnikat "
                "v nepředvídatelných podmínkách. To nás povzbudilo k další spolupráci.",
                "Проте нагальні потреби воєнного часу ще більше зблизили нас і показали, що чехи "
                "(та інші європейці) можуть принести багато доданої вартості у співпрацю з "
                "українськими цифровими експертами, а натомість навчитися в української сторони, "
                "як протидіяти кіберзлочинності небаченої досі інтенсивності чи як успішно вести "
                "бізнес у непередбачуваних умовах. Це дало нам поштовх до подальшої співпраці.",
            ),
        ),
        ("heading", T("What happens now?", "Co se děje nyní?", "Що відбувається зараз?")),
        (
            "paragraph",
            T(
                "During summer 2022, the Ministry of Industry and Trade of the Czech Republic has "
                "established Business Club Ukraine intended to support Czech-Ukrainian B2B "
                "collaboration. In October 2022, the Czech Government has approved its Program of "
                "humanitarian, stabilization, reconstruction and economic assistance to Ukraine "
                "in 2023-2025 (shortly referred as “Programme Ukraine”). In January 2023, "
                "Mr Tomáš Kopečný was appointed into the position of the new governmental envoy "
                "for the reconstruction of Ukraine. Our network continues its cooperation and "
                "regularly organises its events and project activities.",
                "V létě 2022 založilo Ministerstvo průmyslu a obchodu České republiky Business "
                "Club Ukraine na podporu česko-ukrajinské spolupráce firem. V říjnu 2022 schválila "
                "vláda České republiky Program humanitární, stabilizační, rekonstrukční "
                "a hospodářské pomoci Ukrajině na léta 2023–2025 (zkráceně „Program Ukrajina“). "
                "V lednu 2023 byl Tomáš Kopečný jmenován novým vládním zmocněncem pro obnovu "
                "Ukrajiny. Naše síť ve spolupráci pokračuje a pravidelně pořádá své akce "
                "a projektové aktivity.",
                "Влітку 2022 року Міністерство промисловості та торгівлі Чеської Республіки "
                "заснувало Business Club Ukraine для підтримки чесько-української співпраці "
                "бізнесу. У жовтні 2022 року уряд Чехії затвердив Програму гуманітарної, "
                "стабілізаційної, відновлювальної та економічної допомоги Україні на 2023–2025 "
                "роки (скорочено «Програма Україна»). У січні 2023 року пана Томаша Копечного "
                "призначено новим урядовим уповноваженим з питань відбудови України. Наша мережа "
                "продовжує співпрацю та регулярно організовує свої заходи й проєктну діяльність.",
            ),
        ),
    ],
}

STANDARD_PAGES = [
    {
        "key": "who-are-we",
        "parent": None,
        "slug": T("who-are-we", "kdo-jsme", "khto-my"),
        "title": T("Who are we?", "Kdo jsme?", "Хто ми?"),
        "intro": T(
            "A group of stakeholders – signatories of the Czech-Ukrainian Memorandum on "
            "cooperation in the field of digital innovation – and our member and partnering "
            "organisations.",
            "Skupina zúčastněných stran – signatářů Česko-ukrajinského memoranda o spolupráci "
            "v oblasti digitálních inovací – a naše členské a partnerské organizace.",
            "Група зацікавлених сторін – підписантів Чесько-українського меморандуму про "
            "співпрацю у сфері цифрових інновацій – а також наші організації-члени та партнери.",
        ),
        "body": [
            (
                "paragraph",
                T(
                    "Ministries, clusters and companies from the Czech Republic and Ukraine run "
                    "forums and expert missions on artificial intelligence, smart cities, regions "
                    "and communities, smart industry and cybersecurity.",
                    "Ministerstva, klastry a firmy z České republiky a Ukrajiny pořádají fóra "
                    "a expertní mise o umělé inteligenci, chytrých městech, regionech "
                    "a komunitách, chytrém průmyslu a kybernetické bezpečnosti.",
                    "Міністерства, кластери та компанії з Чеської Республіки та України проводять "
                    "форуми й експертні місії зі штучного інтелекту, розумних міст, регіонів "
                    "і громад, розумної промисловості та кібербезпеки.",
                ),
            ),
        ],
    },
    {
        "key": "memorandum",
        "parent": "who-are-we",
        "slug": T("memorandum", "memorandum", "memorandum"),
        "title": T(
            "Memorandum on cooperation in the field of digital innovation",
            "Memorandum o spolupráci v oblasti digitálních inovací",
            "Меморандум про співпрацю у сфері цифрових інновацій",
        ),
        "intro": T(
            "The founding document of our network.",
            "Zakládající dokument naší sítě.",
            "Установчий документ нашої мережі.",
        ),
        "body": [
            (
                "paragraph",
                T(
                    "Its signatories committed to strengthen Czech-Ukrainian cooperation in "
                    "digital innovation and to organise joint forums, expert missions and project "
                    "activities together with member and partnering organisations.",
                    "Jeho signatáři se zavázali posilovat česko-ukrajinskou spolupráci v oblasti "
                    "digitálních inovací a společně s členskými a partnerskými organizacemi "
                    "pořádat fóra, expertní mise a projektové aktivity.",
                    "Його підписанти зобов'язалися посилювати чесько-українську співпрацю у сфері "
                    "цифрових інновацій і разом з організаціями-членами та партнерами проводити "
                    "спільні форуми, експертні місії та проєктну діяльність.",
                ),
            ),
        ],
    },
]

NEWS_INDEX = {
    "slug": T("news", "aktuality", "novyny"),
    "title": T("What's new?", "Co je nového?", "Що нового?"),
    "intro": T(
        "News from the network's forums, missions and awards.",
        "Novinky z fór, misí a ocenění naší sítě.",
        "Новини з форумів, місій і нагород нашої мережі.",
    ),
}

EVENT_INDEX = {
    "slug": T("events", "akce", "podii"),
    "title": T("Events", "Akce", "Події"),
    "intro": T(
        "Forums, expert missions, webinars and fairs of the Czech – Ukrainian network.",
        "Fóra, expertní mise, webináře a veletrhy česko-ukrajinské sítě.",
        "Форуми, експертні місії, вебінари та ярмарки чесько-української мережі.",
    ),
}

PEOPLE_INDEX = {
    "slug": T("ambassadors", "ambasadori", "ambasadory"),
    "title": T("Ambassadors", "Ambasadoři", "Амбасадори"),
    "intro": T(
        "Experts who received the Professionals4Ukraine award. The profiles on this demo site are "
        "fictional samples, not real people.",
        "Odborníci, kteří získali ocenění Professionals4Ukraine. Profily na tomto ukázkovém webu "
        "jsou smyšlené, nejde o skutečné osoby.",
        "Експерти, які отримали нагороду Professionals4Ukraine. Профілі на цьому "
        "демонстраційному сайті вигадані й не належать реальним людям.",
    ),
}

FICTIONAL_NOTE = T(
    "Fictional sample profile of the demo site: this person does not exist.",
    "Smyšlený ukázkový profil demo webu: tato osoba neexistuje.",
    "Вигаданий зразковий профіль демонстраційного сайту: такої людини не існує.",
)

PEOPLE = [
    {
        "key": "jana-ukazkova",
        "slug": T("jana-ukazkova-sample", "jana-ukazkova-ukazka", "yana-ukazkova-zrazok"),
        "title": T("Jana Ukázková (sample)", "Jana Ukázková (ukázka)", "Яна Указкова (зразок)"),
        "role": T(
            "Cluster manager, digital innovation",
            "Manažerka klastru pro digitální inovace",
            "Менеджерка кластера з цифрових інновацій",
        ),
        "organisation": "sample-cluster",
        "country": "CZ",
        "biography": [
            T(
                "Jana helped Ukrainian clusters find Czech partners for Industry 4.0 projects.",
                "Jana pomáhala ukrajinským klastrům najít české partnery pro projekty Průmyslu 4.0.",
                "Яна допомагала українським кластерам знаходити чеських партнерів для проєктів "
                "Індустрії 4.0.",
            ),
        ],
        "links": [("https://example.com/jana-ukazkova", T("Website", "Web", "Вебсайт"))],
        "awards": [
            (
                2022,
                T(
                    "For connecting Ukrainian and Czech industrial clusters in the first months "
                    "of the war.",
                    "Za propojení ukrajinských a českých průmyslových klastrů v prvních měsících "
                    "války.",
                    "За поєднання українських і чеських промислових кластерів у перші місяці "
                    "війни.",
                ),
            )
        ],
    },
    {
        "key": "petr-vzorovy",
        "slug": T("petr-vzorovy-sample", "petr-vzorovy-ukazka", "petr-vzorovyi-zrazok"),
        "title": T("Petr Vzorový (sample)", "Petr Vzorový (ukázka)", "Петр Взоровий (зразок)"),
        "role": T(
            "Cybersecurity consultant",
            "Konzultant pro kybernetickou bezpečnost",
            "Консультант з кібербезпеки",
        ),
        "organisation": "sample-cluster",
        "country": "CZ",
        "biography": [
            T(
                "Petr shares Czech know-how in protecting public institutions against cyber "
                "attacks.",
                "Petr sdílí české know-how v ochraně veřejných institucí před kybernetickými "
                "útoky.",
                "Петр ділиться чеським досвідом захисту державних установ від кібератак.",
            ),
        ],
        "links": [],
        "awards": [
            (
                2022,
                T(
                    "For mentoring Ukrainian cybersecurity experts and start-ups.",
                    "Za mentoring ukrajinských odborníků a start-upů v kybernetické bezpečnosti.",
                    "За наставництво українських експертів і стартапів у сфері кібербезпеки.",
                ),
            )
        ],
    },
    {
        "key": "emily-example",
        "slug": T("emily-example-sample", "emily-example-ukazka", "emili-eksampl-zrazok"),
        "title": T("Emily Example (sample)", "Emily Example (ukázka)", "Емілі Екзампл (зразок)"),
        "role": T(
            "Smart city adviser",
            "Poradkyně pro chytrá města",
            "Радниця з питань розумних міст",
        ),
        "organisation": None,
        "country": "US",
        "biography": [
            T(
                "Emily advises cities on digital services and spoke at the Smart City & Smart "
                "Region webinar.",
                "Emily radí městům s digitálními službami a vystoupila na webináři Smart City "
                "& Smart Region.",
                "Емілі консультує міста з питань цифрових послуг і виступила на вебінарі Smart "
                "City & Smart Region.",
            ),
        ],
        "links": [],
        "awards": [
            (
                2022,
                T(
                    "For her support of Ukrainian communities planning their reconstruction.",
                    "Za podporu ukrajinských komunit při plánování jejich obnovy.",
                    "За підтримку українських громад у плануванні їхньої відбудови.",
                ),
            )
        ],
    },
]

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


def prague(year, month, day, hour=9, minute=0):
    """A naive local time; the builder makes it aware in the event's time zone."""
    return dt.datetime(year, month, day, hour, minute)


# Events are listed parents first, so a forum's mission exists before the forum.
EVENTS = [
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
            {
                "start": dt.time(9, 0),
                "end": dt.time(9, 30),
                "title": T(
                    "Opening and welcome", "Zahájení a přivítání", "Відкриття та привітання"
                ),
                "speakers": [],
            },
            {
                "start": dt.time(9, 30),
                "end": dt.time(11, 0),
                "title": T(
                    "Panel: AI in Czech and Ukrainian companies",
                    "Panel: AI v českých a ukrajinských firmách",
                    "Панель: ШІ в чеських і українських компаніях",
                ),
                "speakers": ["jana-ukazkova", "petr-vzorovy"],
            },
            {
                "start": dt.time(11, 0),
                "end": dt.time(13, 0),
                "title": T("B2B meetings", "B2B jednání", "B2B-зустрічі"),
                "speakers": [],
            },
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
    },
]

NEWS = [
    {
        "key": "industry-4-0-agenda",
        "slug": T(
            "industry-4-0-bilateral-agenda",
            "bilateralni-agenda-prumysl-4-0",
            "dvostoronnia-prohrama-industriia-4-0",
        ),
        "title": T(
            "Development of Ukraine-Czech Republic bilateral agenda on Industry 4.0",
            "Rozvoj bilaterální agendy Ukrajina – Česká republika v oblasti Průmyslu 4.0",
            "Розвиток двосторонньої програми Україна – Чеська Республіка з Індустрії 4.0",
        ),
        "date": dt.date(2022, 5, 31),
        "topics": ["smart-industry"],
        "events": [],
        "people": ["jana-ukazkova"],
        "summary": T(
            "In May 2022, as a part of the ‘Ambassadors of Industry4Ukraine’ program, the "
            "Ukrainian Cluster Alliance (UCA) proposed a separate initiative to prepare for "
            "deepening and development of bilateral relations with the most mature ambassadors.",
            "V květnu 2022 navrhla Ukrajinská klastrová aliance (UCA) v rámci programu "
            "‚Ambasadoři Industry4Ukraine‘ samostatnou iniciativu k prohloubení a rozvoji "
            "bilaterálních vztahů s nejzkušenějšími ambasadory.",
            "У травні 2022 року в межах програми «Амбасадори Industry4Ukraine» Українська "
            "кластерна асоціація (УКА) запропонувала окрему ініціативу для поглиблення "
            "та розвитку двосторонніх відносин з найдосвідченішими амбасадорами.",
        ),
        "body": [
            (
                "paragraph",
                T(
                    "The initiative prepares sectoral agendas with the partner countries of the "
                    "ambassadors, starting with the Czech Republic.",
                    "Iniciativa připravuje odvětvové agendy s partnerskými zeměmi ambasadorů, "
                    "počínaje Českou republikou.",
                    "Ініціатива готує галузеві програми з країнами-партнерами амбасадорів, "
                    "починаючи з Чеської Республіки.",
                ),
            )
        ],
    },
    {
        "key": "msv-brno-mission",
        "slug": T(
            "uca-mission-to-msv-brno",
            "mise-uca-na-msv-brno",
            "misiia-uka-na-msv-brno",
        ),
        "title": T(
            "Development of bilateral sectoral agendas – the first experience from the Czech "
            "Republic",
            "Rozvoj bilaterálních odvětvových agend – první zkušenost z České republiky",
            "Розвиток двосторонніх галузевих програм – перший досвід з Чеської Республіки",
        ),
        "date": dt.date(2022, 10, 10),
        "topics": ["smart-industry"],
        "events": ["msv-business-mission-2022"],
        "people": [],
        "summary": T(
            "Ukrainian Cluster Alliance (UCA) business mission to the MSV International "
            "Engineering Fair in Brno took place on October 5-7, 2022. Ukrainian delegation "
            "consisted of 18 people from 5 UCA clusters.",
            "Obchodní mise Ukrajinské klastrové aliance (UCA) na Mezinárodní strojírenský "
            "veletrh v Brně se konala 5.–7. října 2022. Ukrajinskou delegaci tvořilo 18 lidí "
            "z 5 klastrů UCA.",
            "Бізнес-місія Української кластерної асоціації (УКА) на Міжнародний "
            "машинобудівний ярмарок у Брно відбулася 5–7 жовтня 2022 року. До української "
            "делегації увійшли 18 осіб з 5 кластерів УКА.",
        ),
        "body": [
            (
                "paragraph",
                T(
                    "It was the first mission of the bilateral sectoral agendas and opened "
                    "contacts between Ukrainian clusters and Czech industry.",
                    "Byla to první mise bilaterálních odvětvových agend a otevřela kontakty mezi "
                    "ukrajinskými klastry a českým průmyslem.",
                    "Це була перша місія двосторонніх галузевих програм, яка відкрила контакти "
                    "між українськими кластерами та чеською промисловістю.",
                ),
            )
        ],
    },
    {
        "key": "professionals4ukraine-award",
        "slug": T(
            "professionals4ukraine-award",
            "oceneni-professionals4ukraine",
            "nahoroda-professionals4ukraine",
        ),
        "title": T(
            "European experts including two of the Czech ones awarded by a prize "
            "“Professionals4Ukraine”",
            "Evropští odborníci včetně dvou českých oceněni cenou „Professionals4Ukraine“",
            "Європейських експертів, серед них двох чеських, відзначено нагородою "
            "«Professionals4Ukraine»",
        ),
        "date": dt.date(2023, 1, 20),
        "topics": [],
        "events": [],
        "people": ["jana-ukazkova", "petr-vzorovy", "emily-example"],
        "summary": T(
            "Creation of Ukrainian Cluster Alliance (UCA) in March 2022 and further rapid "
            "development would not have been possible without strong international assistance.",
            "Vznik Ukrajinské klastrové aliance (UCA) v březnu 2022 a její další rychlý rozvoj "
            "by nebyly možné bez silné mezinárodní pomoci.",
            "Створення Української кластерної асоціації (УКА) у березні 2022 року та її "
            "подальший стрімкий розвиток були б неможливі без потужної міжнародної допомоги.",
        ),
        "body": [
            (
                "paragraph",
                T(
                    "So, who made the biggest contribution to UCA development in 2022? In this "
                    "publication, we provide an overview of our 13 ambassadors from the EU and "
                    "the USA, who get the Award Professionals4Ukraine.",
                    "Kdo tedy v roce 2022 nejvíce přispěl k rozvoji UCA? V tomto článku "
                    "představujeme našich 13 ambasadorů z EU a USA, kteří získali cenu "
                    "Professionals4Ukraine.",
                    "То хто ж зробив найбільший внесок у розвиток УКА у 2022 році? У цій "
                    "публікації ми представляємо наших 13 амбасадорів з ЄС і США, які отримали "
                    "нагороду Professionals4Ukraine.",
                ),
            ),
            (
                "paragraph",
                T(
                    "The profiles on this demo site are fictional samples; the real ambassadors "
                    "are not named here.",
                    "Profily na tomto ukázkovém webu jsou smyšlené; skuteční ambasadoři zde "
                    "nejsou jmenováni.",
                    "Профілі на цьому демонстраційному сайті вигадані; справжніх амбасадорів "
                    "тут не названо.",
                ),
            ),
        ],
    },
    {
        "key": "smart-city-webinar",
        "slug": T(
            "smart-city-smart-region-webinar",
            "webinar-smart-city-smart-region",
            "vebinar-smart-city-smart-region",
        ),
        "title": T(
            "Czech-Ukrainian webinar “Smart City & Smart Region Preparing for Rebuilding Ukraine”",
            "Česko-ukrajinský webinář „Smart City & Smart Region – příprava na obnovu Ukrajiny“",
            "Чесько-український вебінар «Smart City & Smart Region – підготовка до відбудови "
            "України»",
        ),
        "date": dt.date(2023, 2, 3),
        "topics": ["smart-cities-regions-communities"],
        "events": ["smart-city-webinar-2023"],
        "people": ["emily-example"],
        "summary": T(
            "The webinar, organised on 3 February 2023, brought together Czech and Ukrainian "
            "cities and regions preparing for the rebuilding of Ukraine.",
            "Webinář uspořádaný 3. února 2023 spojil česká a ukrajinská města a regiony, "
            "které se připravují na obnovu Ukrajiny.",
            "Вебінар, проведений 3 лютого 2023 року, об'єднав чеські та українські міста "
            "й регіони, що готуються до відбудови України.",
        ),
        "body": [
            (
                "paragraph",
                T(
                    "Speakers shared how digital services help communities plan reconstruction.",
                    "Řečníci sdíleli, jak digitální služby pomáhají komunitám plánovat obnovu.",
                    "Доповідачі розповіли, як цифрові послуги допомагають громадам планувати "
                    "відбудову.",
                ),
            )
        ],
    },
]

FEATURED_NEWS = ["professionals4ukraine-award", "smart-city-webinar"]
FEATURED_EVENTS = ["ai-forum-2024", "cybersecurity-forum-2023"]

# Image titles, shared alt texts and captions of the placeholder pictures.
HERO_ALT = T(
    "Placeholder banner of the Czech – Ukrainian digital innovation network",
    "Zástupný banner česko-ukrajinské sítě digitálních inovací",
    "Тимчасовий банер чесько-української мережі цифрових інновацій",
)
