"""News of the demo: the network's own (the seed's dates) and those of "now" (days from the
build day). Every item has a main image, in every locale; the Ukrainian version of the forum's
announcement has its own picture (a translator's override), and one call has expired.
"""

import datetime as dt

from .blocks import CallToAction, Image, paragraph
from .text import T
from .when import at, on_day

SEED_NEWS = [
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
            paragraph(
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
            paragraph(
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
            paragraph(
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
            paragraph(
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
            paragraph(
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

CURRENT_NEWS = [
    {
        "key": "forum-registration",
        "slug": T(
            "registration-open-digital-innovation-forum",
            "registrace-forum-digitalni-inovace",
            "reiestratsiia-forum-tsyfrovi-innovatsii",
        ),
        "title": T(
            "Registration is open for the Digital Innovation Forum CZ-UA",
            "Registrace na Fórum digitálních inovací CZ-UA je otevřena",
            "Відкрито реєстрацію на Форум цифрових інновацій CZ-UA",
        ),
        "date": on_day(-3),
        "main_image": "invitation:cz-ua",
        # The picture has text in it: the Ukrainian version shows Ukraine first.
        "image_overrides": {"uk": {"main_image": "invitation:ua-cz"}},
        "topics": ["artificial-intelligence", "smart-cities-regions-communities"],
        "events": ["digital-innovation-forum", "digital-innovation-b2b"],
        "people": ["jana-ukazkova", "petr-vzorovy"],
        "summary": T(
            "Companies, clusters and public institutions can now register for the forum in Prague "
            "and for the B2B matchmaking in the afternoon.",
            "Firmy, klastry a veřejné instituce se nyní mohou registrovat na fórum v Praze i na "
            "odpolední B2B setkání.",
            "Компанії, кластери та державні установи вже можуть зареєструватися на форум у Празі "
            "та на післяобідні B2B-зустрічі.",
        ),
        "body": [
            paragraph(
                T(
                    "The forum on artificial intelligence, smart cities, smart industry and "
                    "cybersecurity takes place at the Ministry of Industry and Trade in Prague.",
                    "Fórum o umělé inteligenci, chytrých městech, chytrém průmyslu a kybernetické "
                    "bezpečnosti se koná na Ministerstvu průmyslu a obchodu v Praze.",
                    "Форум про штучний інтелект, розумні міста, розумну промисловість "
                    "і кібербезпеку відбудеться в Міністерстві промисловості та торгівлі в Празі.",
                )
            ),
            Image(
                "photo:b2b",
                T(
                    "Placeholder picture labelled “B2B meetings”",
                    "Zástupný obrázek s nápisem „B2B meetings“",
                    "Тимчасове зображення з написом «B2B meetings»",
                ),
                T(
                    "In the afternoon, Czech and Ukrainian companies meet in pre-arranged B2B "
                    "meetings.",
                    "Odpoledne se české a ukrajinské firmy setkají na předem domluvených "
                    "B2B schůzkách.",
                    "По обіді чеські та українські компанії зустрінуться на заздалегідь "
                    "узгоджених B2B-зустрічах.",
                ),
                T("Demo picture", "Ukázkový obrázek", "Демонстраційне зображення"),
            ),
            CallToAction(
                T("See the forum's programme", "Program fóra", "Програма форуму"),
                page="digital-innovation-forum",
            ),
        ],
    },
    {
        # Expired: the call closed ten days ago; the page is no longer shown.
        "key": "mission-call",
        "expire": at(-10, 0),
        "slug": T(
            "call-for-ukrainian-experts",
            "vyzva-pro-ukrajinske-experty",
            "zaklyk-dlia-ukrainskykh-ekspertiv",
        ),
        "title": T(
            "Call for Ukrainian experts: join the expert mission",
            "Výzva pro ukrajinské odborníky: připojte se k expertní misi",
            "Заклик до українських експертів: долучайтеся до експертної місії",
        ),
        "date": on_day(-40),
        "topics": ["artificial-intelligence"],
        "events": ["digital-innovation-mission"],
        "people": [],
        "summary": T(
            "Ukrainian experts in artificial intelligence and smart cities could apply for the "
            "expert mission to Prague until ten days ago.",
            "Ukrajinští odborníci na umělou inteligenci a chytrá města se mohli do expertní mise "
            "do Prahy přihlásit do doby před deseti dny.",
            "Українські експерти зі штучного інтелекту та розумних міст могли подати заявку "
            "на участь в експертній місії до Праги до десяти днів тому.",
        ),
        "body": [
            paragraph(
                T(
                    "Applications were collected by the Ukrainian Cluster Alliance.",
                    "Přihlášky shromažďovala Ukrajinská klastrová aliance.",
                    "Заявки збирала Українська кластерна асоціація.",
                )
            ),
        ],
    },
]

NEWS = SEED_NEWS + CURRENT_NEWS
