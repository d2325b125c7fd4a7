"""The demo site, written from the network's own text, in English with Czech and Ukrainian:
its structure, snippets, pages, people, pictures and documents. Events are in event_content.py,
news in news_content.py.

The seed names no ambassador: the people below are fictional samples, and their profiles say so.
"""

from .blocks import DocumentLink, Heading, paragraph
from .images import BANNER
from .states import InReview
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
        # Awaiting review: a Ukrainian translator revised the description and submitted the
        # draft; the public reads the approved text until a reviewer approves.
        "after_translation": InReview(
            "uk",
            "description",
            "Індустрія 4.0: цифрове виробництво, автоматизація та спільна програма чеських "
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
        Heading(T("Where did we start?", "Kde jsme začínali?", "З чого ми почали?")),
        paragraph(
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
        paragraph(
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
        Heading(T("What happens now?", "Co se děje nyní?", "Що відбувається зараз?")),
        paragraph(
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
            paragraph(
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
            paragraph(
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
            DocumentLink(
                "memorandum",
                T(
                    "The memorandum (PDF, a placeholder file of the demo)",
                    "Memorandum (PDF, zástupný soubor ukázkového webu)",
                    "Меморандум (PDF, тимчасовий файл демонстраційного сайту)",
                ),
            ),
        ],
    },
    {
        # Private: a view restriction (signed-in users only) in every locale; the API never
        # shows it.
        "key": "members-area",
        "parent": "who-are-we",
        "private": True,
        "slug": T("members-area", "pro-cleny", "dlia-chleniv"),
        "title": T(
            "Members' area: working group",
            "Pro členy: pracovní skupina",
            "Для членів: робоча група",
        ),
        "intro": T(
            "Working documents of the memorandum's signatories. Only signed-in members can see "
            "this page.",
            "Pracovní dokumenty signatářů memoranda. Tuto stránku vidí jen přihlášení členové.",
            "Робочі документи підписантів меморандуму. Цю сторінку бачать лише члени, які "
            "увійшли в систему.",
        ),
        "body": [
            paragraph(
                T(
                    "Minutes of the working group and the contacts of its coordinators are "
                    "shared here.",
                    "Zde sdílíme zápisy pracovní skupiny a kontakty na její koordinátory.",
                    "Тут ми ділимося протоколами робочої групи та контактами її координаторів.",
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


# --- The home page's featured items, redirects ---------------------------------------------------

FEATURED_NEWS = ["forum-registration", "professionals4ukraine-award", "smart-city-webinar"]
FEATURED_EVENTS = ["digital-innovation-forum", "ai-forum-2024", "cybersecurity-forum-2023"]

# Old addresses editors redirect (wagtail.contrib.redirects): (old path, page key or external
# address, permanent).
REDIRECTS = [
    ("/en/events/ai-forum-2024/", "ai-forum-2024", True),
    ("/register/", "https://example.com/register/digital-innovation-forum", False),
]

# --- Pictures and documents ------------------------------------------------------------------------

TOPIC_COLOURS = {
    "artificial-intelligence": (88, 44, 131),
    "smart-cities-regions-communities": (0, 122, 94),
    "smart-industry": (190, 75, 20),
    "cybersecurity": (40, 40, 60),
}

# Pictures of the bodies and of the news, beside the banner, topic pictures, portraits and logos:
# (key, title, label, colour, size, focal point as centre x, centre y, width, height).
PICTURES = [
    (
        "photo:forum-hall",
        "Demo photo: forum hall in Prague",
        "Forum hall\nPrague",
        (60, 90, 120),
        BANNER,
        (800, 450, 560, 220),
    ),
    (
        "photo:b2b",
        "Demo photo: B2B meetings",
        "B2B meetings",
        (30, 110, 90),
        BANNER,
        (800, 450, 600, 120),
    ),
    # A picture with text in it, and the version a Ukrainian translator puts in its place (the
    # Ukrainian news item overrides its main image).
    (
        "invitation:cz-ua",
        "Demo: forum invitation (CZ – UA)",
        "Digital Innovation Forum\nCZ – UA",
        (17, 69, 126),
        BANNER,
        None,
    ),
    (
        "invitation:ua-cz",
        "Demo: forum invitation (UA – CZ)",
        "Digital Innovation Forum\nUA – CZ",
        (17, 69, 126),
        BANNER,
        None,
    ),
]

# (key, title, text on the page, file name): placeholder PDFs that bodies link to.
DOCUMENTS = [
    (
        "memorandum",
        "Memorandum on cooperation in the field of digital innovation (demo file)",
        "Memorandum on cooperation\nin the field of digital innovation\n\n(placeholder of the demo)",
        "memorandum-digital-innovation-demo.pdf",
    ),
    (
        "forum-programme",
        "Programme of the Digital Innovation Forum CZ-UA (demo file)",
        "Digital Innovation Forum CZ-UA\nProgramme\n\n(placeholder of the demo)",
        "digital-innovation-forum-programme-demo.pdf",
    ),
]
