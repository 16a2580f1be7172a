"""Speech text in the languages added by issue 9, on sentences written the way news pages write them.

Each case is a whole sentence (not a NeMo test line) and its exact expected reading, so a broken rule
(agreement, case after a preposition, a date's ordinal, an abbreviation) fails here by name.
"""

from __future__ import annotations

import pytest

from readaloud.prepare import speech_text, split_sentences


def _check(cases: list[tuple[str, str]], lang: str) -> None:
    failures = [(text, expected, speech_text(text, lang)) for text, expected in cases
                if speech_text(text, lang) != expected]
    assert not failures, "\n".join(f"{t!r}: expected {e!r}, got {g!r}" for t, e, g in failures)


RUSSIAN_AGREEMENT = [
    # 1 / 2 / 5 with the noun's forms, and the feminine "две", "одна" (Rosental).
    ("Билет стоит 1 руб., абонемент 2 руб., а годовой 5 руб.",
     "Билет стоит один рубль, абонемент два рубля, а годовой пять рублей."),
    ("За неделю выпало 2 тыс. заявок.", "За неделю выпало две тысячи заявок."),
    ("Прошла 1 неделя, потом ещё 2 минуты.", "Прошла одна неделя, потом ещё две минуты."),
    ("Открыто 21 новое место.", "Открыто двадцать одно новое место."),
    ("Вышли 2 новые книги и 2 крупных банка.", "Вышли две новые книги и два крупных банка."),
    ("Бюджет составил 2,5 млн руб.", "Бюджет составил две целых пять десятых миллиона рублей."),
    ("Курс — 6 руб. 35 коп. за штуку.", "Курс, шесть рублей тридцать пять копеек за штуку."),
    ("Компания заработала $3 млрд.", "Компания заработала три миллиарда долларов."),
    ("Инфляция составила 7,4% за год.", "Инфляция составила семь целых четыре десятых процента за год."),
]

RUSSIAN_CASES = [
    # The preposition governs the number's case.
    ("Дети от 5 до 10 лет.", "Дети от пяти до десяти лет."),
    ("Это более 2 млн человек.", "Это более двух миллионов человек."),
    ("Магазин работает с 9:00 до 18:00.", "Магазин работает с девяти часов до восемнадцати часов."),
    ("Ремонт займёт 1 неделю.", "Ремонт займёт одну неделю."),
    ("Вода поднялась на 1,5 м.", "Вода поднялась на одну целую пять десятых метра."),
    ("Акция прошла в 21 регионе и в 5 странах.", "Акция прошла в двадцати одном регионе и в пяти странах."),
    ("Матч завершился со счётом 2:1.", "Матч завершился со счётом два один."),
    ("Смесь в соотношении 1:3.", "Смесь в соотношении один к трём."),
]

RUSSIAN_DATES = [
    ("21 мая", "двадцать первое мая"),
    ("Это случилось 21 мая 2021 года в Москве.",
     "Это случилось двадцать первого мая две тысячи двадцать первого года в Москве."),
    ("Выставка открыта с 1 по 10 мая.", "Выставка открыта с первого по десятое мая."),
    ("Фестиваль пройдёт 1–3 июня.", "Фестиваль пройдёт с первого по третье июня."),
    ("Сегодня 9 мая.", "Сегодня девятое мая."),
    ("Москва, 15 мая — РИА Новости.", "Москва, пятнадцатое мая, РИА Новости."),
    ("Документ от 06.03.2006 утратил силу.", "Документ от шестого марта две тысячи шестого утратил силу."),
]

RUSSIAN_YEARS_AND_ORDINALS = [
    ("В 1999 году завод закрыли.", "В тысяча девятьсот девяносто девятом году завод закрыли."),
    ("В 2021 г. цены выросли.", "В две тысячи двадцать первом году цены выросли."),
    ("Расцвет пришёлся на 1990-е годы.", "Расцвет пришёлся на тысяча девятьсот девяностые годы."),
    ("Команда заняла 2-е место, а в 2-м туре — 1-е.",
     "Команда заняла второе место, а во втором туре, первые."),
    ("Это случилось в XIX веке.", "Это случилось в девятнадцатом веке."),
    ("Дом построен в конце XVIII в.", "Дом построен в конце восемнадцатого века."),
    ("Издание в 3-х томах.", "Издание в трёх томах."),
    ("К 2030 году планируется открыть 5 станций.", "К две тысячи тридцатому году планируется открыть пять станций."),
    ("В 1941–1945 гг. завод выпускал танки.",
     "В тысяча девятьсот сорок первом, тысяча девятьсот сорок пятом годах завод выпускал танки."),
    ("Город основал Пётр I.", "Город основал Пётр первый."),
    # the dot of a sentence-final "г." is its full stop too: kept, so the voice pauses there
    ("Завод закрыли в 2020 г.", "Завод закрыли в две тысячи двадцатом году."),
    ("Вес пакета 200 г.", "Вес пакета двести граммов."),
]

RUSSIAN_MEASURES_AND_ABBREVIATIONS = [
    ("Вес — 12 кг, скорость 60 км/ч.", "Вес, двенадцать килограммов, скорость шестьдесят километров в час."),
    ("Квартира 54 м² в д. 5 по ул. Ленина.",
     "Квартира пятьдесят четыре квадратных метра в доме пять по улице Ленина."),
    ("Ночью до -15 °C.", "Ночью до минус пятнадцати градусов Цельсия."),
    ("Звоните: 8-913-983-56-01.",
     "Звоните: восемь девятьсот тринадцать девятьсот восемьдесят три пятьдесят шесть ноль один."),
    ("Овощи, фрукты и т. д.", "Овощи, фрукты и так далее."),
    ("Цены выросли, т. е. спрос упал.", "Цены выросли, то есть спрос упал."),
    ("Доставка займёт 5–7 дней.", "Доставка займёт от пяти до семи дней."),
    ("Курьер едет 2–3 дня.", "Курьер едет два, три дня."),
    ("Днём +25 °C, ночью -3.", "Днём плюс двадцать пять градусов Цельсия, ночью минус три."),
    ("Дело возбуждено по ст. 228 УК РФ.", "Дело возбуждено по статье двести двадцать восемь УК РФ."),
    ("Выборы 2024 г. прошли спокойно.", "Выборы две тысячи двадцать четвёртого года прошли спокойно."),
]


@pytest.mark.parametrize("cases", [RUSSIAN_AGREEMENT, RUSSIAN_CASES, RUSSIAN_DATES, RUSSIAN_YEARS_AND_ORDINALS,
                                   RUSSIAN_MEASURES_AND_ABBREVIATIONS],
                         ids=["agreement", "cases", "dates", "years-ordinals", "measures-abbreviations"])
def test_russian(cases: list[tuple[str, str]]) -> None:
    _check(cases, "ru")


def test_russian_huge_number_does_not_raise() -> None:
    """A number too long for a cardinal is read digit by digit instead of failing."""
    spoken = speech_text("Код " + "7" * 40 + " принят.", "ru")
    assert spoken.count("семь") == 40


@pytest.mark.parametrize(("lang", "grouped", "nine"), [
    ("ru", " ".join(["999"] * 1700) + " руб.", "девять"), ("it", ".".join(["999"] * 1700) + " euro", "nove"),
    ("pt", "R$ " + ".".join(["999"] * 1700), "nove"), ("nl", ".".join(["999"] * 1700) + ",5", "negen"),
])
def test_grouped_number_past_the_int_limit_is_read(lang: str, grouped: str, nine: str) -> None:
    """5,100 digits in thousands groups (past Python's 4,300-digit int() limit) are read digit by digit."""
    assert speech_text(grouped, lang).count(nine) == 5100


ITALIAN = [
    ("Il 21 maggio 2021 il sig. Rossi ha pagato 3,23 €.",
     "Il ventuno maggio duemilaventuno il signor Rossi ha pagato tre euro e ventitré centesimi."),
    ("Il 1° maggio è la festa dei lavoratori.", "Il primo maggio è la festa dei lavoratori."),
    ("Il treno parte alle 16.30 e arriva alle 19:05.",
     "Il treno parte alle sedici e trenta e arriva alle diciannove e cinque."),
    ("La popolazione è di 3.453.243 abitanti.",
     "La popolazione è di tre milioni quattrocentocinquantatremiladuecentoquarantatré abitanti."),
    ("Il debito ha superato i 2.700 miliardi.", "Il debito ha superato i duemilasettecento miliardi."),
    ("Il Pil è cresciuto dello 0,5% nel 2023.",
     "Il Pil è cresciuto dello zero virgola cinque per cento nel duemilaventitré."),
    ("Ha percorso 42,2 km in 2 ore.", "Ha percorso quarantadue virgola due chilometri in due ore."),
    ("Ne servono 3/4 di litro.", "Ne servono tre quarti di litro."),
    ("Ha ricevuto la dott.ssa Bianchi in p.za Garibaldi.",
     "Ha ricevuto la dottoressa Bianchi in piazza Garibaldi."),
    ("Resta 1 settimana e 1 giorno.", "Resta una settimana e un giorno."),
    ("Il re Carlo III arrivò alle 10:00.", "Il re Carlo terzo arrivò alle dieci."),
    ("Libri, quaderni, penne ecc.", "Libri, quaderni, penne eccetera."),
    ("Nel 2023 l'Istat ha contato meno nascite.", "Nel duemilaventitré l'Istat ha contato meno nascite."),
    ("Il 2° posto va alla Ferrari, con 30° all'ombra.",
     "Il secondo posto va alla Ferrari, con trenta gradi all'ombra."),
    ("Nel XX secolo la città crebbe.", "Nel ventesimo secolo la città crebbe."),
    ("Ha vinto 1-0 in trasferta.", "Ha vinto uno a zero in trasferta."),
    ("Apertura alle ore 9.30.", "Apertura alle ore nove e trenta."),
    ("Papa Giovanni Paolo II incontrò la regina Elisabetta II.",
     "Papa Giovanni Paolo secondo incontrò la regina Elisabetta seconda."),
    ("Leggete il Capitolo II.", "Leggete il Capitolo due."),
    ("Il rapporto è 3:1 e il formato 16:9.", "Il rapporto è tre a uno e il formato sedici a nove."),
    ("Per informazioni tel. 06 1234567, dal lun. al ven.",
     "Per informazioni telefono zero sei, uno due tre quattro cinque sei sette, dal lunedì al venerdì."),
    ("Il bilancio vale 3453243534 euro.",
     "Il bilancio vale tre miliardi quattrocentocinquantatré milioni duecentoquarantatremilacinquecentotrentaquattro "
     "euro."),
]


def test_italian() -> None:
    _check(ITALIAN, "it")


PORTUGUESE = [
    ("No dia 21 de maio de 2021, o Sr. Silva pagou R$ 1.234,56.",
     "No dia vinte e um de maio de dois mil e vinte e um, o senhor Silva pagou mil duzentos e trinta e quatro "
     "reais e cinquenta e seis centavos."),
    ("O 1º de maio é feriado.", "O primeiro de maio é feriado."),
    ("A reunião começa às 14h30 e termina às 16h.",
     "A reunião começa às catorze e trinta e termina às dezesseis horas."),
    ("Vieram 2 pessoas e 200 toneladas de carga.", "Vieram duas pessoas e duzentas toneladas de carga."),
    ("A empresa vale R$ 2 bilhões.", "A empresa vale dois bilhões de reais."),
    ("Ficou na 2.ª posição.", "Ficou na segunda posição."),
    ("Eram 1.500 pessoas.", "Eram mil e quinhentas pessoas."),
    ("Vieram 32 mil pessoas ao estádio.", "Vieram trinta e duas mil pessoas ao estádio."),
    ("O jogo terminou 2 a 1.", "O jogo terminou dois a um."),
    ("O 1° lugar ficou com ele, com 35° no verão.",
     "O primeiro lugar ficou com ele, com trinta e cinco graus no verão."),
    ("Ligue (11) 98765-4321.", "Ligue um um, nove oito sete seis cinco, quatro três dois um."),
]

DUTCH = [
    ("Op 21 mei 2021 betaalde dhr. Jansen € 12,50.",
     "Op eenentwintig mei tweeduizendeenentwintig betaalde de heer Jansen twaalf euro vijftig."),
    ("De trein vertrekt om 14.30 uur.", "De trein vertrekt om veertien uur dertig."),
    ("Er zijn 101 gemeenten, o.a. in Zeeland.", "Er zijn honderdeen gemeenten, onder andere in Zeeland."),
    ("In 1999 stond hij op de 3e plaats.", "In negentienhonderdnegenennegentig stond hij op de derde plaats."),
    ("De inflatie was 2,9% in 2023.", "De inflatie was twee komma negen procent in tweeduizenddrieëntwintig."),
    ("Voeg 1 1/2 kopje toe.", "Voeg anderhalf kopje toe."),
    ("Ongeveer 1/3 van de kiezers stemde.", "Ongeveer een derde van de kiezers stemde."),
    ("Ajax won voor de 36e keer.", "Ajax won voor de zesendertigste keer."),
    ("Prof. dr. Jansen was er, enz.", "professor doctor Jansen was er, enzovoort."),
    ("Bel 020-1234567 of +31 6 12345678.",
     "Bel nul twee nul, één twee drie vier vijf zes zeven of plus eenendertig, zes, één twee drie vier vijf zes "
     "zeven acht."),
]


def test_portuguese() -> None:
    _check(PORTUGUESE, "pt")


def test_dutch() -> None:
    _check(DUTCH, "nl")


@pytest.mark.parametrize(("lang", "text", "sentences"), [
    ("it", "Il sig. Rossi e la dott.ssa Bianchi sono arrivati. Poi sono usciti.",
     ["Il sig. Rossi e la dott.ssa Bianchi sono arrivati.", "Poi sono usciti."]),
    ("ru", "Подробнее см. с. 5 и т. д. Затем он живёт в д. 5 на ул. Ленина.",
     ["Подробнее см. с. 5 и т. д.", "Затем он живёт в д. 5 на ул. Ленина."]),
    ("pt", "O Sr. Silva chegou às 14h30. Depois saiu.", ["O Sr. Silva chegou às 14h30.", "Depois saiu."]),
    ("nl", "Dhr. Jansen betaalde € 12,50, enz. Daarna ging hij weg.",
     ["Dhr. Jansen betaalde € 12,50, enz.", "Daarna ging hij weg."]),
])
def test_abbreviations_do_not_split_sentences(lang: str, text: str, sentences: list[str]) -> None:
    """A title or street abbreviation's full stop is not a sentence end; "etc." before an opener is."""
    assert [text[start:end] for start, end in split_sentences(text, lang)] == sentences
