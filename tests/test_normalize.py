"""Text normalisation before speech: what the engine is given for what the author wrote."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openleaf.formats.audio.normalize import Normalizer, normalize, site_name


def piper_given(text: str, lang: str = "en-US", *, written: bool = True) -> str:
    """What the Piper voice is given for `text`: as written (normalised first), or as the spoken text already."""
    from openleaf.formats.audio.engines import get_engine

    return get_engine("piper", lang).with_sounds(normalize(text, lang) if written else text)


ENGLISH = [
    # units and medical terms
    ("100 to 125 mg/dL", "100 to 125 milligrams per deciliter"),
    ("a level of 5.5 mmol/L", "a level of 5.5 millimoles per liter"),
    ("in mg/dL or mmol/L", "in milligrams per deciliter or millimoles per liter"),
    ("An A1C of 6.5%", "An A one C of 6.5 percent"),
    ("your HbA1c", "your H B A one C"),
    ("a BMI of 25", "a B M I of 25"),
    ("lose 1 kg, then 2 kg", "lose 1 kilogram, then 2 kilograms"),
    ("drink 2 L of water", "drink 2 liters of water"),
    ("500 mg twice a day", "500 milligrams twice a day"),
    ("0.5 mL per dose", "0.5 milliliters per dose"),
    ("5 mg/kg", "5 milligrams per kilogram"),
    ("130/80 mmHg", "130 over 80 millimeters of mercury"),
    ("a fever of 38°C", "a fever of 38 degrees Celsius"),
    ("1,000 IU of vitamin D", "1000 international units of vitamin D"),
    ("58%.", "58 percent."),
    # ranges
    ("5–10 minutes", "5 to 10 minutes"),
    ("5-10 minutes", "5 to 10 minutes"),
    ("5.7–6.4%", "5.7 to 6.4 percent"),
    ("5%-7%", "5 percent to 7 percent"),
    ("140–199 mg/dL", "140 to 199 milligrams per deciliter"),
    ("a 2-hour test", "a 2-hour test"),
    ("COVID-19 vaccine", "COVID 19 vaccine"),
    # comparison signs
    ("< 5.7%", "less than 5.7 percent"),
    ("> 180 mg/dL", "greater than 180 milligrams per deciliter"),
    ("≤ 7%", "at most 7 percent"),
    ("≥ 126 mg/dL", "at least 126 milligrams per deciliter"),
    ("Insulin & Prediabetes", "Insulin and Prediabetes"),
    # abbreviations
    ("fruit, e.g. apples", "fruit, for example, apples"),
    ("E.g. apples", "For example, apples"),
    ("grains, i.e. oats", "grains, that is, oats"),
    ("A1C vs. fasting glucose", "A one C versus fasting glucose"),
    ("see Dr. Amir Haddad", "see Doctor Amir Haddad"),
    ("beans, lentils, etc.", "beans, lentils, et cetera."),
    ("Knowler WC, et al. Reduction", "Knowler W C, and others. Reduction"),
    ("from 8 a.m. to 5 p.m.", "from 8 A M to 5 P M."),
    ("Dana Whitfield, RD, CDCES", "Dana Whitfield, R D, C D C E S"),
    ("polycystic ovary syndrome (PCOS)", "polycystic ovary syndrome (P C O S)"),
    ("Do NOT stop your medicine", "Do NOT stop your medicine"),
    ("people with AIDS", "people with AIDS"),
    ("ALWAYS carry it. HELP is near.", "ALWAYS carry it. HELP is near."),
    ("The WHO advises", "The W H O advises"),
    ("IV fluids for type II", "I V fluids for type 2"),
    ("CALL YOUR DOCTOR NOW", "CALL YOUR DOCTOR NOW"),
    # dates
    ("Reviewed 2026-11-01.", "Reviewed November 1st, 2026."),
    ("on 2024-02-29", "on February 29th, 2024"),
    ("not a date: 2026-13-45", "not a date: 2026-13-45"),
    # phone numbers, digit by digit
    ("call 1-800-555-0199.", "call 1 800, 5 5 5, 0 1 9 9."),
    ("Or call 555-0134.", "Or call 5 5 5, 0 1 3 4."),  # a local number is not a range
    ("Between 100-1000 mg daily.", "Between 100 to 1000 milligrams daily."),  # a range with a unit is
    ("Ring 020 7946 0958 today.", "Ring 0 2 0, 7 9 4 6, 0 9 5 8 today."),
    ("call (555) 123-4567", "call 5 5 5, 1 2 3, 4 5 6 7"),
    ("+44 20 7946 0958", "plus 4 4, 2 0, 7 9 4 6, 0 9 5 8"),
    ("call 911.", "call, 9 1 1."),
    ("Call 999 straight away", "Call, 9 9 9 straight away"),
    ("from 2020-2024", "from 2020 to 2024"),
    ("about 1500 people", "about 1500 people"),
    # web addresses: the site name, with its dots said
    ("Visit CDC.gov today.", "Visit C D C dot gov today."),
    ("at https://www.niddk.nih.gov/health-information/x.html.", "at N I D D K dot N I H dot gov."),
    ("on www.heart.org", "on heart dot org"),
]


@pytest.mark.parametrize("written, spoken", ENGLISH)
def test_english_text_is_rewritten_into_words(written, spoken):
    assert normalize(written, "en-US") == spoken


@pytest.mark.parametrize(
    "pronounce, written, spoken",
    [
        ({"A1C": "ay one see"}, "Your A1C is high.", "Your ay one see is high."),
        ({"mg/dL": "milligrams in a tenth of a liter"}, "126 mg/dL", "126 milligrams in a tenth of a liter"),
        ({"Metformin": "met-FOR-min"}, "Metformin helps.", "met-FOR-min helps."),
        # whole words only, and case-sensitive
        ({"BP": "blood pressure"}, "BPM and BP and bp", "B P M and blood pressure and bp"),
        ({"PCOS": "P C O S"}, "PCOS", "P C O S"),
        # what the author wrote is final: no later rule rewrites it
        ({"NIH": "the NIH"}, "NIH", "the NIH"),
        ({"5-10": "five or ten"}, "5-10", "five or ten"),
    ],
)
def test_the_articles_pronounce_entries_win_over_the_built_in_table(pronounce, written, spoken):
    assert normalize(written, "en-US", pronounce) == spoken


def test_extra_terms_extend_the_table_and_pronounce_still_wins():
    say = Normalizer("en-US", pronounce={"GLP-1": "G L P one"}, terms={"GLP-1": "glip one", "eGFR": "e G F R"})
    assert say("GLP-1 and eGFR") == "G L P one and e G F R"


@pytest.mark.parametrize(
    "lang, written, spoken",
    [
        ("es-ES", "Revisado el 2026-11-01.", "Revisado el 1 de noviembre de 2026."),
        ("es-ES", "al menos un 60 % de alcohol", "al menos un 60 por ciento de alcohol"),
        ("es-ES", "entre 5–10 minutos", "entre 5 a 10 minutos"),
        ("es-ES", "< 5", "menor de 5"),
        ("es-ES", "llame al 1-800-555-0199", "llame al 1 800, 5 5 5, 0 1 9 9"),
        ("de-DE", "am 2026-11-01", "am 1. November 2026"),
        ("fr-FR", "≥ 7 %", "supérieur ou égal à 7 pour cent"),
        # each language has its own words for units and abbreviations
        ("es-ES", "100 mg/dL, p. ej. BMI", "100 miligramos por decilitro, por ejemplo B M I"),
        # a language whose table has no units leaves them to the engine
        ("de-DE", "z.B. 5 kg", "z.B. 5 kg"),
        # a language we know no words for: pronounce and phone digits only
        ("ja", "2026-11-01 に 03-1234-5678", "2026-11-01 に 0 3, 1 2 3 4, 5 6 7 8"),
    ],
)
def test_other_languages_get_their_own_words(lang, written, spoken):
    assert normalize(written, lang) == spoken


def test_pronounce_applies_in_every_language():
    assert normalize("La HbA1c", "es-ES", {"HbA1c": "hemoglobina glicada"}) == "La hemoglobina glicada"


@pytest.mark.parametrize(
    "url, said",
    [
        ("https://www.cdc.gov/diabetes/index.html", "C D C dot gov"),
        ("https://www.niddk.nih.gov/health-information", "N I D D K dot N I H dot gov"),
        ("https://www.nhs.uk/conditions/dehydration/", "N H S dot U K"),
        ("https://medlineplus.gov/", "medlineplus dot gov"),
        ("https://www.who.int/", "W H O dot I N T"),
    ],
)
def test_sites_are_named_the_way_people_say_them(url, said):
    assert site_name(url) == said


def test_every_dotted_abbreviation_said_here_is_one_the_splitter_never_cuts_at():
    from openleaf.formats.audio.normalize import speech_languages, speech_table
    from openleaf.source.sentences import ABBREVIATIONS, SENTENCE_FINAL_ABBREVIATIONS, split

    tables = [speech_table(language) for language in speech_languages()]
    dotted = [term for table in tables for term in table.get("terms", {}) if term.endswith(".")]
    closing = {term for table in tables for term in table.get("closing", {}).get("terms", ())}
    closing |= {term for term in dotted if term.lower() in SENTENCE_FINAL_ABBREVIATIONS}
    assert dotted
    for term in dotted:
        assert term.split()[-1].lower() in ABBREVIATIONS, term
        if term not in closing:  # these may close a sentence
            assert len(split(f"We met {term} Smith today.")) == 1, term


PIECES = list("abcABC 0123456789.-–%<>≤≥/:()+&@,;!?'\"°") + [
    "mg/dL", "e.g.", "Dr.", "https://www.cdc.gov/x", "2026-11-01", "1-800-555-0199", "PCOS", "911", "a.m.", "et al.",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_any_english_text_normalises_without_error_and_without_comparison_signs(text):
    spoken = ENGLISH_SPEAKER(text)
    assert not set("<>≤≥") & set(spoken)


ENGLISH_SPEAKER = Normalizer("en-US", {"A1C": "A one C"})


# What a clinician writes and what a listener should hear, in each language with a table.
CLINICAL = {
    "en-US": [
        ("BP 130/80 mmHg", "B P 130 over 80 millimeters of mercury"),
        ("a pulse of 60–100/min", "a pulse of 60 to 100 per minute"),
        ("12 breaths/min", "12 breaths per minute"),
        ("Take 1 tablet 3x/day.", "Take 1 tablet 3 times a day."),
        ("2x daily", "2 times daily"),
        ("a BMI in kg/m²", "a B M I in kilograms per square meter"),
        ("He is 5'10\" tall", "He is 5 feet 10 inches tall"),
        ("weighs 160 lb", "weighs 160 pounds"),
        ("98.6 °F or 37 °C", "98.6 degrees Fahrenheit or 37 degrees Celsius"),
        ("50 µg, 50 mcg and 1 µL", "50 micrograms, 50 micrograms and 1 microliter"),
        ("1,000 IU", "1000 international units"),
        ("0.80 g/L", "0.80 grams per liter"),
        ("2 mg/kg/day", "2 milligrams per kilogram per day"),
        ("Take b.i.d. or PRN.", "Take twice a day or as needed."),
        ("q.d., then t.i.d.", "once a day, then three times a day."),
        ("OTC pain relievers and/or metformin ER", "over the counter pain relievers and or metformin extended release"),
        ("Go to the ER now.", "Go to the emergency room now."),
        ("at 8:30 a.m. with food", "at 8:30 A M with food"),
        ("At 8:30 a.m. Then rest.", "At 8:30 A M. Then rest."),
        ("< 100 | 100–129 | ≥ 130", "less than 100 | 100 to 129 | at least 130"),
        # Found by publishing new dense handouts: spellings clinics use as often as the ones above.
        ("Goal 120/80 mm Hg", "Goal 120 over 80 millimeters of mercury"),
        ("Exercise 2–3 times/week, 2–3x/day", "Exercise 2 to 3 times per week, 2 to 3 times a day"),
        ("Take ½ tablet or 1 1/2 tsp", "Take half a tablet or 1 and a half teaspoon"),
        ("Take 2 tsp or 3 tbsp", "Take 2 teaspoons or 3 tablespoons"),
        ("2 puffs Q4H, q4–6h, q6h", "2 puffs every 4 hours, every 4 to 6 hours, every 6 hours"),
        ("Take 1 tab PO QHS x 10 days", "Take 1 tablet by mouth at bedtime for 10 days"),
        ("160 mg/5 mL, max. 5 doses/24 h", "160 milligrams per 5 milliliters, at most 5 doses per 24 hours"),
        ("5 ft 6 in, 2 wks, 3 mos", "5 feet 6 inches, 2 weeks, 3 months"),
        ("Open 24/7.", "Open 24 hours a day, 7 days a week."),
        ("In: Ruiz A, ed. Manual. 3rd ed. 2020:88-104.", "In: Ruiz A, editor. Manual. 3rd edition. 2020, pages 88 to 104."),
        ("at 8:00 a.m., 9:05 pm, 17:00", "at 8 A M, 9 oh 5 P M, 5 P M"),
        ("2 g–4 g, 68°F–77°F, 6 a.m.–10 p.m.", "2 grams to 4 grams, 68 to 77 degrees Fahrenheit, 6 A M to 10 P M."),
        ("Tues. 05/12/2026, Mon–Fri, ext. 4", "Tuesday May 12th, 2026, Monday to Friday, extension 4"),
        ("LDL ↑, ↓ risk, F/U x 2 wks, SOB", "L D L higher, lower risk, follow-up for 2 weeks, shortness of breath"),
        ("a DVT/PE or pink/red urine, in mg/dL", "a D V T or P E or pink or red urine, in milligrams per deciliter"),
        ("risk 1/250 for a 10 yo, pub. No. 19-0071", "risk 1 in 250 for a 10 year old, publication number 19-0071"),
        ("an eGFR of 45 mL/min/1.73 m²", "an e G F R of 45 milliliters per minute per 1.73 square meters"),
        ("The 21st ed. is out.", "The 21st edition is out."),
        ("Come at 0800 hours or at 1730 hrs.", "Come at oh 8 hundred hours or at 17 30 hours."),
        ("Pt. to use 1 gtt OU. N.B. shake it.", "Patient to use 1 drop in both eyes. note: shake it."),
        ("40 mg SC daily; Charleston, SC; the OU campus", "40 milligrams under the skin daily; Charleston, S C; the O U campus"),
        ("Shots from 9/10 to 9/14, Zestoretic 10/10 mg", "Shots from 9/10 to 9/14, Zestoretic 10 and 10 milligrams"),
        ("Open Tues/Thurs, Sat/Sun and Mon–Sat", "Open Tuesday, Thursday, Saturday and Sunday and Monday to Saturday"),
        ("It lasts 1000 hours; come at 1700 hours", "It lasts 1000 hours; come at 17 hundred hours"),
        ("1 tab t.d.s. or 2 b.d., TDS, 1 mg/kg s.c. q4wk", "1 tablet three times a day or 2 twice a day, three times a day, "
                                                       "1 milligram per kilogram under the skin every 4 weeks"),
        ("Clinic Mon/Wed/Fri. Appt on 14 Jan. at 10.", "Clinic Monday, Wednesday, Friday. Appointment on the 14th of January at 10."),
        ("2 puffs of 100 mcg/puff, Hb 12 g/dL", "2 puffs of 100 micrograms per puff, hemoglobin 12 grams per deciliter"),
        ("pain 7/10 at worst", "pain 7 out of 10 at worst"),
        ("St. John's wort from 12 Oak St. today", "Saint John's wort from 12 Oak Street today"),
        ("[cited 2026 Jun 1]; 2020 Sep;6:1. Jan Smith", "[cited 2026 June 1st]; 2020 September;6:1. Jan Smith"),
        ("2020 Mar 1–Apr 15; since 2019 Jan has run", "2020 March 1st to April 15th; since 2019 Jan has run"),
    ],
    "es-ES": [
        ("PA 130/80 mmHg", "P A 130 sobre 80 milímetros de mercurio"),
        ("Tome 1 comp. 3 veces/día.", "Tome un comprimido 3 veces al día."),
        ("p. ej. a las 8:30 a. m.", "por ejemplo a las 8:30 de la mañana."),
        ("una glucosa de 0,80 g/L", "una glucosa de 0 coma 80 gramos por litro"),
        ("4,4 mmol/L y/o 80 mg/dL", "4 coma 4 milimoles por litro y o 80 miligramos por decilitro"),
        ("1.000 UI/día", "1000 unidades internacionales por día"),
        ("38,5 °C, etc.", "38 coma 5 grados Celsius, etcétera."),
        ("c/8 h", "cada 8 horas"),
        ("Llame al 112.", "Llame al 1 1 2."),
        ("≥ 7 %", "mayor o igual a 7 por ciento"),
        ("180/110 mm Hg", "180 sobre 110 milímetros de mercurio"),
        ("1 vez/día, 2–3 veces/semana", "una vez al día, 2 a 3 veces a la semana"),
        ("½ comprimido c/6-8 h", "medio comprimido cada 6 a 8 horas"),
        ("el 1.º de mayo, la 1.ª dosis, 38º", "el primero de mayo, la primera dosis, 38 grados"),
        ("a las 9 p. m. o a las 20:00 h", "a las 9 de la noche o a las 20 horas"),
        ("TFG 45 mL/min/1,73 m²", "T F G 45 mililitros por minuto por 1 coma 73 metros cuadrados"),
        ("el 12 oct., 100 mcg/disparo s.c. y VO", "el 12 de octubre, 100 microgramos por disparo por vía subcutánea y por vía oral"),
        ("Use O2; DM2; 40 resp/min; ext. 204", "Use oxígeno; diabetes tipo 2; 40 respiraciones por minuto; extensión 204"),
        ("uso ext., el 3/10", "uso ext., el 3 de octubre"),  # a day and month after the article
        ("dolor 5/10", "dolor 5 sobre 10"),
        ("250 mg/5 ml, 15 mg/kg/dosis", "250 miligramos por 5 mililitros, 15 miligramos por kilogramo por dosis"),
        ("Llame al 900 123 456.", "Llame al 900, 123, 456."),
        ("En: Ruiz A, ed. Manual. 3.ª ed. (s. f.), p. 12", "En: Ruiz A, editor. Manual. tercera edición. (sin fecha), página 12"),
        ("el 02/03/2026 a las 8:00, de 8:00 a 15:00 h", "el 2 de marzo de 2026 a las 8, de 8 a 15 horas"),
        ("x 6 sem., L–V, FPS 50+", "durante 6 semanas, de lunes a viernes, F P S 50 más"),
        ("1 tab. cada 8 hrs", "una tableta cada 8 horas"),
        ("riesgo 1/250, pp. 12 y ss.", "riesgo 1 de cada 250, páginas 12 y siguientes."),
        ("a las 20.30 h, 24 h/7 días, SatO2", "a las 20:30 horas, 24 horas, 7 días a la semana, saturación de oxígeno"),
    ],
    "fr-FR": [
        ("PA 130/80 mmHg", "pression artérielle 130 sur 80 millimètres de mercure"),
        ("p. ex. 3 fois/jour", "par exemple 3 fois par jour"),
        ("1 µL, c.-à-d. peu", "1 microlitre, c'est-à-dire peu"),
        ("0,80 g/L ou 4,4 mmol/L", "0 virgule 80 gramme par litre ou 4 virgule 4 millimoles par litre"),
        ("à 8 h 30", "à 8 heures 30"),
        ("un IMC de 25 kg/m²", "un I M C de 25 kilogrammes par mètre carré"),
        ("DFG 45 mL/min/1,73 m²", "débit de filtration glomérulaire 45 millilitres par minute par 1 virgule 73 mètre carré"),
        ("le 15 sept., du lun. au ven., 1 gtte", "le 15 septembre, du lundi au vendredi, 1 goutte"),
        ("Prenez-en sept. C'est un jeu, à la mer, mar. 7 oct.", "Prenez-en sept. C'est un jeu, à la mer, mardi 7 octobre."),
        ("douleur 5/10", "douleur 5 sur 10"),
        ("J. 3 sept 2020;6:1. Il en a sept.", "J. 3 septembre 2020;6:1. Il en a sept."),
        ("Les sept 1000 personnes, sept 2020;6", "Les sept 1000 personnes, septembre 2020;6"),
        ("38,5 °C, etc.", "38 virgule 5 degrés Celsius, et cetera."),
        ("2 000 UI/j", "2000 unités internationales par jour"),
        ("< 5,7 %", "inférieur à 5 virgule 7 pour cent"),
        ("180/110 mm Hg", "180 sur 110 millimètres de mercure"),
        ("2 gélules/j, 2–3 fois/semaine", "2 gélules par jour, 2 à 3 fois par semaine"),
        ("½ cp, 1 g/6 h, max. 4 g/24 h", "un demi comprimé, 1 gramme par 6 heures, maximum 4 grammes par 24 heures"),
        ("ouvert 24 h/24 et 7 j/7", "ouvert 24 heures sur 24 et 7 jours sur 7"),
        ("150 min/sem. d'activité", "150 minutes par semaine d'activité"),
        ("Manuel. 4ᵉ éd. (s. d.) 2015:145‑160", "Manuel. quatrième édition. (sans date) 2015, pages 145 à 160"),
        ("le 15/09/2026 à 7h00 ou 14:15", "le 15 septembre 2026 à 7 heures ou 14 heures 15"),
        ("J1–J5, RDV x 6 sem., 1 gél.", "jours 1 à 5, rendez-vous pendant 6 semaines, une gélule."),
        ("urines rouge/brun, en mg/kg/j", "urines rouge ou brun, en milligrammes par kilogramme par jour"),
        ("1 cp x 3/j, 60 batt/min", "1 comprimé 3 fois par jour, 60 battements par minute"),
        ("risque 1/1000, p. 45 et suiv.", "risque 1 sur 1000, page 45 et suivantes."),
        ("Fontaine (éds.), Girard (4ᵉ éd.).", "Fontaine (éditeurs), Girard (quatrième édition)."),
    ],
}


@pytest.mark.parametrize("lang, written, spoken", [(lang, w, s) for lang, pairs in CLINICAL.items() for w, s in pairs])
def test_clinical_notation_is_said_as_words_in_each_language(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang", ["en-US", "es-ES", "fr-FR"])
def test_pronounce_wins_over_every_rule(lang):
    said = normalize("130/80 mmHg b.i.d. now", lang, {"130/80": "one-thirty over eighty", "b.i.d.": "bid"})
    assert said == "one-thirty over eighty " + normalize("mmHg", lang) + " bid now"


def test_a_language_is_a_data_file(tmp_path, monkeypatch):
    """Adding a language is adding speech/<language>.toml: no code knows any language."""
    from openleaf.formats.audio import normalize as module

    (tmp_path / "nl.toml").write_text('[words]\nover = "over"\nper = "per"\n[units]\nmg = ["milligram", "milligram"]\n',
                                      encoding="utf-8")
    monkeypatch.setattr(module, "SPEECH_DATA", tmp_path)
    module.speech_table.cache_clear()
    try:
        assert normalize("120/80 en 5 mg", "nl-NL") == "120 over 80 en 5 milligram"
    finally:
        module.speech_table.cache_clear()


@pytest.mark.parametrize("lang, text, sentences", [
    ("fr-FR", "Pendant 1 sem. Attendez 5 minutes. Revenez le 15 sept. Consultation mardi.",
     ["Pendant 1 semaine.", "Attendez 5 minutes.", "Revenez le 15 septembre.", "Consultation mardi."]),
    ("es-ES", "Durante 2 sem. Después pare. Tome 1 comprimido v.o. Después descanse.",
     ["Durante 2 semanas.", "Después pare.", "Tome un comprimido por vía oral.", "Después descanse."]),
    ("en-US", "Keep the lights dim. Avoid screens. Ask Sam. He can help.",
     ["Keep the lights dim.", "Avoid screens.", "Ask Sam.", "He can help."]),
    ("en-GB", "Take 1 tablet t.d.s. Then rest. Wait 24 hrs. For a child, 8 hrs. Next visit 3 Sept. Smith calls.",
     ["Take 1 tablet three times a day.", "Then rest.", "Wait 24 hours.", "For a child, 8 hours.",
      "Next visit the 3rd of September.", "Smith calls."]),
])
def test_a_short_month_or_length_of_time_may_end_a_sentence_and_the_next_one_is_still_said_apart(lang, text, sentences):
    from openleaf.source.sentences import split

    said = [normalize(sentence, lang) for sentence in split(text)]
    assert said == sentences


@pytest.mark.parametrize("lang, written, spoken", [
    # Mexico writes a point for decimals and a comma between thousands: 1,000 mg is a thousand, not one
    ("es-MX", "máx. 1,000 mg/día; mide 1.05 m", "máximo 1000 miligramos por día; mide 1 punto 05 metros"),
    ("es-MX", "(100.4 °F) en 1,250 niños", "(100 punto 4 grados Fahrenheit) en 1250 niños"),
    ("es-ES", "máx. 1.000 mg/día; mide 1,05 m", "máximo 1000 miligramos por día; mide 1 coma 05 metros"),
    ("en-US", "2,500 people took 1.5 mg", "2500 people took 1.5 milligrams"),
    ("fr-FR", "3 000 personnes", "3000 personnes"),
    ("es-ES", "25 000 UI", "25000 unidades internacionales"),  # Spanish voices said "veinticinco cero cero cero"
    ("es-MX", "25 000 UI", "25000 unidades internacionales"),
    # Mexico writes decimal commas too: "1,5 mg" keeps its unit, "0,125 mg" its comma (the voice says "coma")
    ("es-MX", "1,5 mg, mide 1,75 m, 0,125 mg, 1,250 niños", "1,5 miligramos, mide 1,75 metros, 0,125 miligramos, 1250 niños"),
])
def test_a_number_is_said_with_the_decimal_mark_of_the_articles_region(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written, spoken", [
    ("fr-CA", "Appelez le 514 555-0148.", "Appelez le 5 1 4, 5 5 5, 0 1 4 8."),
    ("en-US", "Call 212 555-0148 or 1 800 555 0199.", "Call 2 1 2, 5 5 5, 0 1 4 8 or 1 800, 5 5 5, 0 1 9 9."),
    ("es-MX", "Llame al 55 5123 4567.", "Llame al 5 5, 5 1 2 3, 4 5 6 7."),
    ("en-US", "Doses of 10 20 30 mg; 100-1000 mg.", "Doses of 10 20 30 milligrams; 100 to 1000 milligrams."),
])
def test_a_phone_number_in_groups_of_ten_digits_is_said_digit_by_digit_not_as_a_range(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written, spoken", [
    # "at least" reads right after a verb and in a table; in French and Spanish a sign before a
    # quantity is "au moins", "al menos", before a measure "supérieur ou égal à", "mayor o igual a"
    # (French "supérieur" and "supérieure" sound the same, so it agrees with any noun)
    ("en-US", "Drink ≥ 2 L; BMI ≥ 30; ≤ 7%", "Drink at least 2 liters; B M I at least 30; at most 7 percent"),
    ("fr-FR", "Buvez ≥ 2 L, réduit de ≥ 50 %, fièvre ≥ 38,5 °C",
     "Buvez au moins 2 litres, réduit d'au moins 50 pour cent, fièvre supérieure ou égale à 38 virgule 5 degrés Celsius"),
    ("es-ES", "separe ≥ 2 h; ≤ 140", "separe al menos 2 horas; menor o igual a 140"),
])
def test_a_comparison_sign_is_said_so_that_the_sentence_still_reads(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written, spoken", [
    ("en-GB", "usually 18:00, 08:00–20:00, 13:05 or 13:30", "usually 6 P M, 8 A M to 8 P M, 1 oh 5 P M or 1:30 P M"),
    ("en-GB", "at 2.30pm or 9.00 a.m.; a ratio of 2.30", "at 2:30 P M or 9 A M; a ratio of 2.30"),
    ("en-GB", "½ a tablet mane, 2 nocte", "half a tablet in the morning, 2 at night"),
    ("en-GB", "11 st 6 lb, or 9 st. The 1st dose", "11 stone 6 pounds, or 9 stone. The 1st dose"),
    ("fr-CA", "2 co. BID puis 1 co. DIE, HS ou PRN, q4–6h",
     "2 comprimés deux fois par jour puis 1 comprimé une fois par jour, au coucher ou au besoin, toutes les 4 à 6 heures"),
    ("fr-CA", "5 pi 9 po, 210 lb; la TA, le DFGe; Info-Santé 811",
     "5 pieds 9 pouces, 210 livres; la tension artérielle, le débit de filtration glomérulaire estimé; "
     "Info-Santé 8 1 1"),
    ("fr-CA", "la bière (≤ 1 consommation/sem.) et", "la bière (au plus 1 consommation par semaine) et"),
    ("fr-FR", "ouvert lun.–ven. et lun. au ven. matin", "ouvert du lundi au vendredi et lundi au vendredi matin"),
    ("es-MX", "pálido/a; ½ cucharadita y ½ vaso; 2 cdta. al día",
     "pálido o pálida; media cucharadita y medio vaso; 2 cucharaditas al día"),
    ("es-MX", "lun.–vie. de 9:00–18:00 hrs; 30 min a.c.; 1 g s/p",
     "de lunes a viernes de 9 a 18 horas; 30 minutos antes de las comidas; un gramo si precisa"),
    ("es-ES", "la Hb, la TA y la FC; base CIMA; llame al 911",
     "la hemoglobina, la tensión arterial y la frecuencia cardiaca; base CIMA; llame al 9 1 1"),
])
def test_handouts_from_other_regions_are_said_as_their_readers_say_them(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang", ["en-US", "en-GB", "es-ES", "fr-FR"])
def test_a_journals_volume_and_pages_are_not_a_clock_time(lang):
    # NLM prints "2020;13:45-52": volume 13, pages 45 to 52
    assert "13:45" in normalize("Sleep. 2020;13:45-52.", lang)
    assert "14:05" in normalize("Sleep. 2019;14:05.", lang)


@pytest.mark.parametrize("lang, written, spoken", [
    # a second reading of six more handouts: what they found said wrongly
    ("en-US", "go to the nearest ER.", "go to the nearest emergency room."),
    ("en-US", "q1h; Symbicort 200/6 mcg; Zestoretic 10/12.5 mg", "every hour; Symbicort 200 and 6 micrograms; "
     "Zestoretic 10 and 12.5 milligrams"),
    ("en-US", "T-score −2.5; 75 nmol/L", "T-score minus 2.5; 75 nanomoles per liter"),
    ("en-GB", "Take 1 g t.d.s. PRN for pain.", "Take 1 gram three times a day as needed for pain."),
    ("en-GB", "Call +44 20 7946 0958.", "Call plus 4 4, 2 0, 7 9 4 6, 0 9 5 8."),
    ("es-ES", "500 mg/12 h; 8 comprimidos/24 h", "500 miligramos cada 12 horas; 8 comprimidos cada 24 horas"),
    ("es-ES", "T ≤ −2,5; 75 nmol/L; (h.s.), i. e., en EE. UU.",
     "T menor o igual a menos 2 coma 5; 75 nanomoles por litro; (al acostarse), es decir, en Estados Unidos."),
    ("es-ES", "Symbicort 160/4,5 µg; +34 912 345 678", "Symbicort 160 y 4 coma 5 microgramos; más 3 4, 9 1 2, 3 4 5, 6 7 8"),
    ("es-ES", "25 000 UI; levotiroxina 0.125 mg", "25000 unidades internacionales; levotiroxina 0.125 miligramos"),
    ("fr-FR", "Formotérol 6/200 µg, FR 20/min, 25 cig./jour", "Formotérol 6 et 200 microgrammes, fréquence respiratoire "
     "20 par minute, 25 cigarettes par jour"),
    # and what the rules must leave alone
    ("fr-FR", "L'ascenseur est HS. Le FC Nantes, Merck & Co., sur 811 participants, Chepkin SC, 40 mg SC",
     "L'ascenseur est H S. Le F C Nantes, Merck et Co., sur 811 participants, Chepkin S C, 40 milligrammes en sous-cutané"),
    ("es-ES", "el FC Barcelona; en 911 casos; Ruiz SC; llame al 911", "el F C Barcelona; en 911 casos; Ruiz S C; llame al 9 1 1"),
    ("en-GB", "Take 1 ½ a day; clinic at 14:00 hrs; 15:00 minutes", "Take 1 and a half a day; clinic at 14 hundred hours; "
     "15:00 minutes"),
    ("en-US", "doses of 250 500 1000 mg", "doses of 250 500 1000 milligrams"),
    ("es-ES", "Pida cita en el 91 123 45 67 o 900 123 456", "Pida cita en el 91, 123, 45, 67 o 900, 123, 456"),
    ("fr-CA", "50 mg (½ co.) puis 2 co. le soir; Merck & Co.", "50 milligrammes (un demi-comprimé) puis 2 comprimés le soir; "
     "Merck et Co."),
])
def test_what_a_second_reading_of_unseen_handouts_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang", ["en-US", "es-ES", "fr-FR"])
@pytest.mark.parametrize("written", ["J Hyp 13:45–52", "(2020) 13:45–52", "2020; 13:45-52"])
def test_a_volume_and_its_pages_in_any_reference_style_are_not_a_clock_time(lang, written):
    assert "13:45 " in normalize(written, lang)


@pytest.mark.parametrize("lang, written, spoken", [
    # a third reading: wrong doses and clock times a second read found in the rules above
    ("en-US", "Take 1/2 mg or 3/4 mg at bedtime", "Take one half milligrams or three quarters milligrams at bedtime"),
    ("fr-FR", "Prenez 1/4 mg", "Prenez un quart milligrammes"),
    ("en-GB", "Drop-in 9:30-11am or 2:30-4pm", "Drop-in 9:30 to 11 A M or 2:30 to 4 P M"),
    ("fr-FR", "Ouvert de 8:30-17 h", "Ouvert de 8 heures 30 à 17 heures"),
    ("es-MX", "de 9:30-11 am", "de 9:30 a 11 de la mañana"),
    ("fr-FR", "Faites 150 minutes d'activité. Appelez le 811, 24 h/24. En cas d'urgence, le 911.",
     "Faites 150 minutes d'activité. Appelez le 8 1 1, 24 heures sur 24. En cas d'urgence, le 9 1 1."),
    ("es-ES", "Emergencias: 911. En 911 casos; marque 150 minutos", "Emergencias: 9 1 1. En 911 casos; marque 150 minutos"),
    ("fr-CA", "Prenez 1 ½ co. ou 2 ½ co. le soir", "Prenez 1 comprimé et demi ou 2 comprimés et demi le soir"),
    ("fr-FR", "Votre FC dépasse 100; TA systolique; injection SC, 10 unités SC, 1 dose IM",
     "Votre fréquence cardiaque dépasse 100; tension artérielle systolique; injection sous-cutánée, "
     "10 unités en sous-cutané, une dose en intramusculaire".replace("cutánée", "cutanée")),
    ("es-AR", "La FC en reposo; por vía SC; 2 dosis IM; lun. a vie. de 8 a 14 hs.",
     "La frecuencia cardiaca en reposo; por vía subcutánea; 2 dosis por vía intramuscular; de lunes a viernes de 8 a 14 horas."),
    ("en-US", "Take 1−2 tablets; T-score −2.5", "Take 1 to 2 tablets; T-score minus 2.5"),
    ("en-US", "The infusion takes 1:30 hours", "The infusion takes 1:30 hours"),
    ("es-MX", "En 2020 1,500 personas", "En 2020 1500 personas"),
    ("en-US", "Ask in Sept. IV fluids may help.", "Ask in September. I V fluids may help."),
    # and what the unseen handouts of the third reading found
    ("en-GB", "White cells 4.0–11.0 × 10⁹/L", "White cells 4.0 to 11.0 times 10 to the power of 9 per liter"),
    ("fr-CH", "2'000–3'000 mg; le 15.03.2027; tél. 027 603 40 00",
     "2000 à 3000 milligrammes; le 15 mars 2027; téléphone 0 2 7, 6 0 3, 40, 0 0"),
    ("en-US", "semaglutide 1 mg q.wk. on Mondays", "semaglutide 1 milligram once a week on Mondays"),
    ("es-AR", "Atovacuona/proguanil 250/100 mg", "Atovacuona con proguanil 250 y 100 miligramos"),
    ("fr-FR", "Formotérol/budésonide 6/200 µg; évitez le bain seul(e)",
     "Formotérol et budésonide 6 et 200 microgrammes; évitez le bain seul ou seule"),
])
def test_what_a_third_reading_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written, spoken", [
    # what the third reading left: a pharmacist's letters, a morning-noon-night schedule, Swiss days and prices
    ("en-GB", "Reviewed by A. Shah, MRPharmS, and B. Lee, PharmD", "Reviewed by A. Shah, M R Pharm S, and B. Lee, Pharm D"),
    ("es-ES", "Tome 1-0-1 durante 7 días; después 1-1-1-1.",
     "Tome 1 por la mañana y 1 por la noche durante 7 días; "
     "después 1 por la mañana, 1 al mediodía, 1 por la tarde y 1 por la noche."),
    ("fr-FR", "Posologie, 1-0-1.", "Posologie, 1 le matin et 1 le soir."),
    ("es-ES", "El 2026-1-1 y el 5-10-15", "El 2026-1-1 y el 5-10-15"),  # not schedules: leave them to the voice
    ("es-ES", "Tome 0,5-0-0,5.", "Tome 0 coma 5 por la mañana y 0 coma 5 por la noche."),  # half a tablet
    ("fr-CH", "Permanence lu–ve; appel CHF 3.23/min. Consultation 20.– CHF.",
     "Permanence du lundi au vendredi; appel 3 francs 23 par minute. Consultation 20 francs."),
    # and what a second read of those found: thousands, centimes, one franc, "lu – sa" in a sentence
    ("fr-CH", "CHF 1'200.–, 2'500 CHF, CHF 0.05/min, CHF 1.–, CHF 1.50, CHF 15",
     "1200 francs, 2500 francs, 5 centimes par minute, 1 franc, 1 franc 50, 15 francs"),
    ("fr-FR", "Il l'a lu – sa fille aussi. Ouvert Lu–Ve.", "Il l'a lu – sa fille aussi. Ouvert du lundi au vendredi."),
    ("fr-FR", "Réglez le débit en mL/min. Ensuite", "Réglez le débit en millilitres par minute. Ensuite"),
    ("es-ES", "Tome 1 c/día", "Tome 1 cada día"),
    ("es-ES", "Los paciente/s con 10 latidos/s", "Los pacientes con 10 latidos por segundo"),
    ("fr-FR", "Prendre 2 fois/j. Ensuite, 3 fois/sem. Puis x 3/j. au repas", "Prendre 2 fois par jour. Ensuite, "
     "3 fois par semaine. Puis 3 fois par jour au repas"),  # a sentence that ends on the shorthand keeps its stop
    ("fr-FR", "12 à 20 respirations/min. Ensuite", "12 à 20 respirations par minute. Ensuite"),
    # a British number with a five-digit area code; a count of people stays a number
    ("en-GB", "Call 01632 960123 today. In 2020 12345 people", "Call 0 1 6 3 2, 9 6 0 1 2 3 today. In 2020 12345 people"),
])
def test_what_the_third_reading_left(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written, spoken", [
    # a power of ten is a number its unit is said with
    ("en-US", "Platelets 150–400 × 10³/µL; 10³/mm³", "Platelets 150 to 400 times 10 to the power of 3 per microliter; "
     "10 to the power of 3 per cubic millimeter"),
    ("fr-FR", "Leucocytes 4,0–11,0 × 10⁹/L", "Leucocytes 4 virgule 0 à 11 virgule 0 fois 10 puissance 9 par litre"),
    ("es-ES", "plaquetas × 10⁹/l", "plaquetas por 10 elevado a 9 por litro"),
    # a unit, "and/or" and "per day" are not two medicines; a real strength "5/5 mg" is two doses
    ("en-US", "15 mg/kg 10/20 mg; tablets/day 10/20 mg; and/or 1/2 glass",
     "15 milligrams per kilogram 10 and 20 milligrams; tablets per day 10 and 20 milligrams; and or half a glass"),
    ("en-US", "perindopril/amlodipine 5/5 mg", "perindopril and amlodipine 5 and 5 milligrams"),
    # a date with points is day first in every language; a version number is not a date
    ("en-US", "on 15.03.2027, v3.1.2024", "on March 15th, 2027, v3.1.2024"),
    ("es-ES", "Llame 112 o marque el 061; marque 150 minutos", "Llame 1 1 2 o marque el 0 6 1; marque 150 minutos"),
    ("fr-FR", "Composez 112; Voie IM", "Composez 112; Voie intramusculaire"),  # « cent douze »
    ("es-AR", "Lun. a Vie. de 8 a 14hs", "de lunes a viernes de 8 a 14 horas"),
    ("en-US", "Take 1 mg q.wk. Then rest.", "Take 1 milligram once a week. Then rest."),
])
def test_what_a_last_read_of_the_third_reading_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written, spoken", [
    # espeak-ng, which Piper uses too, says a Roman numeral "roman two"
    ("en-US", "type II diabetes, Stage IV cancer, a Phase III trial; an IV line",
     "type 2 diabetes, Stage 4 cancer, a Phase 3 trial; an I V line"),
    ("fr-FR", "les sartans (ARA II), le diabète de type II", "les sartans (A R A 2), le diabète de type 2"),
])
def test_a_roman_numeral_after_type_or_stage_is_said_as_a_number(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written, spoken", [
    # a national number starts with a trunk 0, in groups of two to four digits
    ("fr-BE", "Appelez le 02 555 12 34 ou le 0471 23 45 67 ou le 02/555.12.34.",
     "Appelez le 0 2, 5 5 5, 12, 34 ou le 0 4 7 1, 23, 45, 67 ou le 0 2, 5 5 5, 12, 34."),
    ("fr-FR", "le 04 72 11 52 36; 1/2 verre; de 0 à 5", "le 0 4, 72, 11, 52, 36; un demi verre; de 0 à 5"),
])
def test_a_national_phone_number_is_said_digit_by_digit(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written, spoken", [
    # what a fourth reading of six unseen handouts found (2026-12-06)
    ("fr-FR", "Ramipril (1-0-0), puis (1-1-0).", "Ramipril (1 le matin), puis (1 le matin et 1 le midi)."),
    ("fr-FR", "Un rapport albumine/créatinine élevé", "Un rapport albumine sur créatinine élevé"),
    ("en-US", "Your urine albumin/creatinine ratio", "Your urine albumin to creatinine ratio"),
    ("es-ES", "El cociente albúmina/creatinina", "El cociente albúmina sobre creatinina"),
    ("fr-FR", "Rouge/brun", "Rouge ou brun"),  # not a ratio: still one or the other
    ("fr-FR", "Pas d'AINS ni d'IPP.", "Pas d'A I N S ni d'I P P."),
    ("fr-CA", "Pouls > 100 batt./min", "Pouls supérieur à 100 battements par minute"),
    ("fr-CA", "Voir Québec.ca et Santé.fr", "Voir Québec point C A et Santé point F R"),
    ("en-GB", "Breathe in, wait 30–60 s, then repeat.", "Breathe in, wait 30 to 60 seconds, then repeat."),
    ("en-GB", "Most people in their 50s", "Most people in their fifties"),  # an age, not seconds
    ("es-ES", "Entre las sem. 24–28, y en la sem. 32", "Entre las semanas 24 a 28, y en la semana 32"),
    ("es-MX", "1 cdita. no siempre es 5 mL", "una cucharadita no siempre es 5 mililitros"),
    ("es-ES", "Sr./Sra. García", "señor o señora García"),
    # and in references in APA's style: a stop before a comma, Mexico's "s/f", "Nᵒ"
    ("es-MX", "Tratado (2.ª ed., pp. 88–104). (s/f).", "Tratado (segunda edición, páginas 88 a 104). (sin fecha)."),
    ("fr-FR", "L'état de santé (Nᵒ 1180). DREES.", "L'état de santé (numéro 1180). D R E E S."),
    ("fr-FR", "Version 1.2.2024 du 3.2.2024", "Version 1.2.2024 du 3 février 2024"),  # a release, then a day
])
def test_what_a_fourth_reading_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written, spoken", [
    ("en-GB", "BTS/SIGN. British guideline on the management of asthma. 2024.",
     "BTS and SIGN. British guideline on the management of asthma. 2024."),
    ("fr-FR", "ESC/ESH. Recommandations. 2024.", "ESC et ESH. Recommandations. 2024."),
    ("en-US", "AHA/ACC/HRS guideline. 2023.", "AHA, ACC and HRS guideline. 2023."),
    ("en-US", "ADA/AGS/APhA/ASPC guideline. 2019.", "ADA, AGS, APhA and ASPC guideline. 2019."),  # a member in mixed case
])
def test_bodies_that_publish_a_reference_together_are_both_said(lang, written, spoken):
    from openleaf.formats.edition import spoken_reference
    from openleaf.formats.labels import spoken_labels_for

    assert spoken_reference(written, {}, spoken_labels_for(lang)) == spoken


@pytest.mark.parametrize("lang, written, spoken", [
    # what a fifth reading of six more unseen handouts found (2026-12-06)
    ("en-GB", "Enoxaparin 40 mg s/c OD for 14/7, then review in 6/52 and after 3/12.",
     "Enoxaparin 40 milligrams under the skin once a day for 14 days, then review in 6 weeks and after 3 months."),
    ("en-GB", "Oxycodone 5 mg 4-hrly PRN; 15 mg o.n.; an overdose (OD)",
     "Oxycodone 5 milligrams every 4 hours as needed; 15 milligrams at night; an overdose (O D)"),
    ("en-GB", "Call NHS 111, or 999.", "Call N H S 1 1 1, or 9 9 9."),
    ("en-GB", "Dose: 40 mg s/c; When: OD at 18:00", "Dose: 40 milligrams under the skin; When: once a day at 6 P M"),
    ("fr-CH", "Typhoïde (Vivotif®)", "Typhoïde (Vivotif)"),
    ("fr-CH", "Voir Healthytravel.ch et sante.gouv.fr", "Voir Healthytravel point C H et sante point gouv point F R"),
    ("es-AR", "FPP: 28/11/2026; argentina.gob.ar", "fecha probable de parto: 28 de noviembre de 2026; argentina punto gob punto A R"),
    ("en-US", "LDL-C 2.1, Lp(a) high; Na⁺ 140, HCO3⁻ 28; FEV1/FVC 0.55; GOLD 3",
     "L D L cholesterol 2.1, L P little a high; sodium 140, bicarbonate 28; F E V 1 over F V C 0.55; GOLD 3"),
    ("es-AR", "Tome (8:00 y 20:00 hs) y a las 10.30 hs; brazo izq.; int. 1234",
     "Tome (8 y 20 horas) y a las 10:30 horas; brazo izquierdo; interno 1234"),
    ("es-ES", "Practice Bulletin No. 222. Tª ≥ 38,5 ºC; 250 mOsm/L",
     "Practice Bulletin número 222. temperatura mayor o igual a 38 coma 5 grados Celsius; 250 miliosmoles por litro"),
    ("fr-CH", "ALAT > 5 × N; 5 j/7; 1 caps. de J-1 à J+7; ½ cp/j",
     "A L A T supérieur à 5 fois la normale; 5 jours sur 7; 1 capsule de jour moins 1 à jour plus 7; un demi comprimé par jour"),
    # and in references: a chapter's pages, a report's number, NLM's French months and "nᵒ"
    ("es-ES", "Tratado. 2018. p. 88-104. Informe (2020-07).", "Tratado. 2018. páginas 88 a 104. Informe (2020-07)."),
    ("fr-FR", "Traité. p. 88‑104. Rapport nᵒ : 1180. 1 juill 2020.",
     "Traité. pages 88 à 104. Rapport numéro: 1180. 1 juillet 2020."),
])
def test_what_a_fifth_reading_found(lang, written, spoken):
    assert normalize(written, lang) == spoken



@pytest.mark.parametrize("lang, written", [
    # what a second read of the day's change found said wrongly: each stays as written
    ("en-US", "In 5/12 patients the drug failed; over 7/12 of the time; for 1/7 of adults"),
    ("en-US", "Up to 999 people came."),
    ("fr-FR", "C'EST URGENT, D'ACCORD."),
    ("fr-FR", "Score de Glasgow 4-1-1"),
    ("es-ES", "¿Fuma? No. 20 cigarrillos al día."),
    ("es-ES", "la relación médico"),
])
def test_what_looks_like_new_notation_but_is_not_is_left_alone(lang, written):
    assert normalize(written, lang) == written


@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Give 2 s.c. injections; 1 s/c injection", "Give 2 under the skin injections; 1 under the skin injection"),
    ("en-GB", "Review in 1/52.", "Review in 1 week."),
    ("es-ES", "máx.de 4 g", "máximode 4 gramos"),  # an abbreviation and a missing space, not a site ".de"
    ("en-GB", "Take it at 08:00, 12:00 and 18:00.", "Take it at 8 A M, 12 noon and 6 P M."),  # not "12 o'clock"
    # a French number in pairs, as France, Belgium and Switzerland say it; in Quebec digit by digit
    ("fr-FR", "Appelez le 01 42 16 00 00.", "Appelez le 0 1, 42, 16, 0 0, 0 0."),
    ("fr-CA", "Appelez le 514 555-0148.", "Appelez le 5 1 4, 5 5 5, 0 1 4 8."),
    # and a last reading of three more handouts
    ("en-US", "CHA₂DS₂-VASc 3; age ≥80 y; wt ≤60 kg; Cr ≥1.5 mg/dL; 2 bleeds per yr; a.m./p.m.",
     "chads vasc 3; age at least 80 years; weight at most 60 kilograms; creatinine at least 1.5 milligrams per "
     "deciliter; 2 bleeds per year; A M and P M."),
    ("es-MX", "su hijo(a) y sus niños(as); SpO₂ < 92%", "su hijo o hija y sus niños o niñas; saturación de oxígeno menor de 92 por ciento"),
    ("fr-FR", "3e étage; 2e éd.; 39 SA + 2 j; à 24 SA; au petit-déj.",
     "troisième étage; deuxième édition; 39 semaines d'aménorrhée et 2 jours; à 24 semaines d'aménorrhée; au petit-déjeuner."),
])
def test_what_a_second_read_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written, spoken", [
    # a normal range for men and one for women, marked after the value
    ("fr-FR", "Hémoglobine : 13–17 g/dL (H), 12–15 g/dL (F).",
     "Hémoglobine: 13 à 17 grammes par décilitre chez l'homme, 12 à 15 grammes par décilitre chez la femme."),
    ("es-ES", "Hemoglobina: 13–17 g/dL (H), 12–15 g/dL (F).",
     "Hemoglobina: 13 a 17 gramos por decilitro en hombres, 12 a 15 gramos por decilitro en mujeres."),
    ("en-US", "Hemoglobin: 13.5–17.5 g/dL (M), 12.0–15.5 g/dL (F).",
     "Hemoglobin: 13.5 to 17.5 grams per deciliter in men, 12.0 to 15.5 grams per deciliter in women."),
    # three English handouts on warfarin, a child's fever and asthma
    ("en-US", "1 tsp ≠ 5 mL (✓ when taken).", "1 teaspoon is not equal to 5 milliliters (check mark when taken)."),
    ("en-US", "Bruises bigger than 2 in. (5 cm) or 1 in (2.5 cm).",
     "Bruises bigger than 2 inches (5 centimeters) or 1 inch (2.5 centimeters)."),
    ("en-US", "Your PT/INR; TMP/SMX can raise it by 1.5×–2×.",
     "Your P T I N R; T M P S M X can raise it by 1.5 to 2 times."),
    ("en-GB", "Ring 01632 960 123.", "Ring 0 1 6 3 2, 9 6 0, 1 2 3."),
    ("en-US", "Text FEVER to 55555.", "Text FEVER to 5 5 5 5 5."),
    ("en-GB", "You pay £0; each item costs £9.90, or $1, or €12.", "You pay 0 pounds; each item costs 9 pounds 90, or 1 dollar, or 12 euros."),
    ("en-GB", "Wash it 1x/month, take it 1x/day, 2x/month.", "Wash it once a month, take it once a day, 2 times a month."),
    ("en-US", "Age 4 yr +, Sat + Sun (morning + evening), Asthma + Lung UK, 60+",
     "Age 4 years and over, Saturday and Sunday (morning and evening), Asthma and Lung U K, 60 plus"),
    ("en-GB", "within 15 mins; 5 mg tablets; a 33-lb toddler; 2 mg/kg doses",
     "within 15 minutes; 5 milligram tablets; a 33 pound toddler; 2 milligrams per kilogram doses"),
    ("en-US", "Guideline (NG245), CD4 count, SF36 score", "Guideline (N G 245), C D 4 count, S F 36 score"),
    ("en-US", "under 18 y/o; a 5 y/o child; a 10 yo", "under 18 years old; a 5 year old child; a 10 year old"),
    ("en-GB", "See www.nhs.uk/conditions/asthma or nice.org.uk/guidance/ng245.",
     "See N H S dot U K slash conditions slash asthma or nice dot org dot U K."),
    # and four Spanish and French ones, on anticoagulants, asthma, the kidneys and anaemia
    ("fr-CA", "1 inh. 2 f.p.j. (matin et soir), 100 mcg/inh., max 8 inh./24 h; le 9-1-1, 24/7.",
     "1 inhalation 2 fois par jour (matin et soir), 100 microgrammes par inhalation, max 8 inhalations par 24 "
     "heures; le 9 1 1, 24 heures sur 24, 7 jours sur 7."),
    ("fr-FR", "Votre infirmier(ère), porteur(euse). Écrivez à avk.cardio@chu-nantes.fr.",
     "Votre infirmier ou infirmière, porteur ou porteuse. Écrivez à A V K point cardio arobase C H U tiret nantes point F R."),
    ("fr-CA", "Le coût : 25 $.", "Le coût: 25 dollars."),
    ("es-MX", "Su 1a consulta, en el 2do piso; 2 v/día, 24/7; $250 MXN.",
     "Su primera consulta, en el segundo piso; 2 veces al día, las 24 horas, los 7 días; 250 pesos."),
    ("es-MX", "NOM-007-SSA2-2016", "NOM 007, S S A 2, de 2016"),  # a standard's code, not a range "SSA2 a 2016"
])
def test_what_a_sixth_reading_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written", [
    # what a second read of the day's change found said wrongly: each stays as written
    ("en-US", "Men (M) and women (F) were asked."),  # a letter after a word names a group, not a value's sex
    ("en-US", "Fever above 100.4 (F); ask Dr Lim (F)."),  # Fahrenheit, and a name
    ("es-ES", "Hemoglobina (M) de 14."),  # (M) is "mujeres" in some tables and "masculino" in others
    ("en-US", "Press + to zoom. Use the + button. Click + Add. Rh + blood. Blood type O + is common."),
    ("en-US", "At 37 weeks + 3 days; send text reminders to 10000 patients; $5K; $100s."),
    ("fr-FR", "SANTÉ, PRÉVENTION, ARRÊTER, D'ACCORD, L'EAU."),
    ("es-ES", "ATENCIÓN: TELÉFONO; estadio 3a de la enfermedad, tipo 1a de; copago de $20."),
    ("en-US", "Her HER2 status and COX2, SCORE2, QRISK3."),  # said as words, not spelled
    ("en-US", "A 21st Century Cures Act."),
])
def test_what_looks_like_todays_notation_but_is_not_is_left_alone(lang, written):
    assert normalize(written, lang) == written


@pytest.mark.parametrize("lang, written, spoken", [
    ("fr-FR", "10 000 €, 1 €, 0,50 €", "10000 euros, 1 euro, 50 centimes"),  # the group mark is the numbers' rule's
    ("es-ES", "10 000 €, $50 USD, $250 MXN", "10000 euros, 50 dólares, 250 pesos"),
    ("en-US", "$0.50, $1.50, $15.00, $2 million, US$50", "50 cents, 1 dollar 50, 15 dollars, 2 million dollars, 50 dollars"),
    # a thing named by its price: the currency in the singular, as "a 10 milligram dose"
    ("en-US", "A $10 gift card; a $20 co-pay; it costs $10 per visit", "A 10 dollar gift card; a 20 dollar co-pay; it costs 10 dollars per visit"),
    ("en-US", "CKD3-4 patients; a 10-mg dose", "CKD3 to 4 patients; a 10 milligram dose"),
    ("fr-FR", "analyse sur 24-h", "analyse sur 24-h"),  # the singular before a noun is English only
    ("en-US", "See cdc.gov/std or cdc.gov/flu; mailto:info@cdc.gov", "See C D C dot gov slash S T D or C D C dot gov slash flu; info at C D C dot gov"),
    ("en-US", "HIV/AIDS", "H I V and AIDS"),
    ("fr-FR", "Traité. 2018. p. 101-24.", "Traité. 2018. pages 101 à 124."),  # a shortened last page, said in full
    # an eighth reading: four English handouts on gout, heart failure, osteoporosis, gestational diabetes
    ("en-US", "Take it qHS; raise it q3 days; check q6 months; Mon–Thurs; NT-proBNP; 25-OH vitamin D; FRAX",
     "Take it at bedtime; raise it every 3 days; check every 6 months; Monday to Thursday; N T pro B N P; "
     "25 hydroxy vitamin D; FRAX"),
    ("en-GB", "The max is 800 mg/day; max 3,000 mg; a glass (200 ml / 7 fl oz); a 75-g, 2-hr test; see 111.nhs.uk",
     "The maximum is 800 milligrams per day; at most 3000 milligrams; a glass (200 milliliters or 7 fluid ounces); "
     "a 75 gram, 2 hour test; see 1 1 1 dot N H S dot U K"),
    ("en-US", "10 mg / 2 mL; 2 kg / 4.4 lb", "10 milligrams per 2 milliliters; 2 kilograms or 4.4 pounds"),  # a strength, two weights
    # and four French and four Spanish ones on heart failure, gout, a child's dehydration, osteoporosis
    ("fr-FR", "T-score ≤ -2,5 ; entre -1,0 et -2,5 ; perfusion IV ; injection s.-c. ; < 100 pg/mL ; lait à 0 % MG",
     "T-score inférieur ou égal à moins 2 virgule 5; entre moins 1 virgule 0 et moins 2 virgule 5; perfusion intraveineuse; "
     "injection sous-cutanée; inférieur à 100 picogrammes par millilitre; lait à 0 pour cent de matières grasses"),
    ("fr-FR", "pesée le 3/10, du 3/4 au 5/4, RDV le 24/7 ; poste 12345", "pesée le 3 octobre, du 3 avril au 5 avril, "
     "rendez-vous le 24 juillet; poste 1 2 3 4 5"),
    ("es-AR", "1.000-1.500 ml; cita 14-09-2026; 1° día, 2° control, 5° de fiebre; del 3/4 al 5/4; 5 cc; "
     "de lun. a vie.", "1000 a 1500 mililitros; cita 14 de septiembre de 2026; primer día, segundo control, 5 grados de "
     "fiebre; del 3 de abril al 5 de abril; 5 centímetros cúbicos; de lunes a viernes."),
    ("en-US", "a T-score between -1.0 and -2.5; 10 -20", "a T-score between minus 1.0 and minus 2.5; 10 to 20"),
    # a sign before a measure is a comparison, before a quantity an amount: "une uricémie inférieure à 360"
    ("fr-FR", "Visez une uricémie < 360 µmol/L ; < 18 ans ; buvez ≥ 1,5 L/j ; ≥ 3 fois/sem.",
     "Visez une uricémie inférieur à 360 micromoles par litre; moins de 18 ans; buvez au moins 1 virgule 5 litre par jour; "
     "au moins 3 fois par semaine."),
    ("es-ES", "Una hemoglobina < 7 g/dL; > 65 años; beba ≥ 2 L/día", "Una hemoglobina menor de 7 gramos por decilitro; "
     "más de 65 años; beba al menos 2 litros por día"),
    ("es-ES", "tome el 1/2 comprimido; el 16/3", "tome el medio comprimido; el 16 de marzo"),  # a half, not 1 February
    ("fr-FR", "le 1/4 de la dose ; le 3/10", "le un quart de la dose; le 3 octobre"),
    # and what a second read of the eighth found said wrongly
    ("en-US", "Store at 2°-8°C; 9am -5pm; +/-2 mmHg; a T-score of -2.5", "Store at 2 degrees-8 degrees Celsius; 9 A M to 5 P M; "
     "plus or minus 2 millimeters of mercury; a T-score of minus 2.5"),
    ("en-US", "Call 01-23-4567; 5 mg / 2 kg; Max Planck", "Call 0 1, 2 3, 4 5 6 7; 5 milligrams per 2 kilograms; Max Planck"),
    ("fr-FR", "Consommez < 5 g de sel ; Si vous prenez > 2 kg en 3 jours ; Mangez ≥ 5 fruits ; Limitez le café à ≤ 400 mg",
     "Consommez moins de 5 grammes de sel; Si vous prenez plus de 2 kilogrammes en 3 jours; Mangez au moins 5 fruits; "
     "Limitez le café à au plus 400 milligrammes"),
    ("fr-FR", "DFG < 30 mL/min ; du 1/4 au 3/4 de la dose ; injection s.-c. ou en s.-c., le 35/2",
     "débit de filtration glomérulaire inférieur à 30 millilitres par minute; du un quart au trois quarts de la dose; "
     "injection sous-cutanée ou en sous-cutané, le 35/2"),
    ("es-ES", "Coma ≥ 5 frutas; Conserve entre 2° y 8 °C; 5° bajo cero; 1° de mayo; el 3/10 mg",
     "Coma al menos 5 frutas; Conserve entre 2 grados y 8 grados Celsius; 5 grados bajo cero; primero de mayo; el 3 y 10 miligramos"),
    ("es-ES", "Llame al 91-123-45-67 y/o al 112", "Llame al 9 1, 1 2 3, 4 5, 6 7 y o al 1 1 2"),  # a phone number before "y/o"
    # and what a fourth read found
    ("en-US", "Your T-score at 65 was -2.6; HbA1c -0.5% after 3 months; -1.2 vs -0.3; 10 mg -20 mg; 9am -5pm",
     "Your T-score at 65 was minus 2.6; H B A one C minus 0.5 percent after 3 months; minus 1.2 versus minus 0.3; "
     "10 milligrams -20 milligrams; 9 A M to 5 P M"),
    ("en-US", "Max Daily Dose: 4 g. Dose (Max): 40 mg. Max Planck.", "Maximum Daily Dose: 4 grams. Dose (Maximum): 40 milligrams. Max Planck."),
    ("es-ES", "Tome del 1° al 5° día. El 2° y 3° trimestre. Quemaduras de 1° y 2° grado. El turno es el 16/3 de las 8 a las 12.",
     "Tome del primer al quinto día. El segundo y tercer trimestre. Quemaduras de primer y segundo grado. El turno es el "
     "16 de marzo de las 8 a las 12."),
    ("es-ES", "Si su glucosa baja < 70 mg/dL; La toma > 4 g es peligrosa", "Si su glucosa baja menor de 70 miligramos por "
     "decilitro; La toma mayor de 4 gramos es peligrosa"),
    ("fr-FR", "Le 12/10 des années paires ; le 5/5 de l'année prochaine", "Le 12 octobre des années paires; le 5 mai de l'année prochaine"),
    ("en-US", "T-score (hip) -2.6; weight change at 6 mo -4.5 kg", "T-score (hip) minus 2.6; weight change at 6 months minus 4.5 kilograms"),
    ("es-ES", "Es el 2° más común.", "Es el segundo más común."),
    ("es-ES", "Entre la 1° y la 2° dosis; la 1° semana", "Entre la primera y la segunda dosis; la primera semana"),
    # and what a third read found
    ("en-US", "The z-score was -1.5; keep below -18 °C; Day -1; 4 oz / 113 g; born 12-25-1850; Max heart rate; Max daily dose: 4 g",
     "The z-score was minus 1.5; keep below minus 18 degrees Celsius; Day minus 1; 4 ounces or 113 grams; born December 25th, "
     "1850; Maximum heart rate; Maximum daily dose: 4 grams"),
    ("fr-FR", "150.000-400.000 plaquettes/mm³ ; le 15/10 de 9 h à 17 h ; du 24/12 au 2/1 de chaque année",
     "150.000 à 400.000 plaquettes par millimètre cube; le 15 octobre de 9 heures à 17 heures; du 24 décembre au 2 janvier "
     "de chaque année"),
    ("es-ES", "1° línea; 2° y 8 °C; Glucemia capilar < 70 mg/dL; La HbA1c debe ser < 7 %; ≥ 2 L/día; el 8/10 de dolor",
     "primer línea; 2 grados y 8 grados Celsius; Glucemia capilar menor de 70 miligramos por decilitro; La H B A 1 C debe ser "
     "menor de 7 por ciento; al menos 2 litros por día; el 8/10 de dolor"),
    # opening hours: a morning time before an evening one on the 24-hour clock is on it too
    ("en-GB", "Open 8:00–18:30, 08:30-17:00, 14:00–18:00, 8:30–9:15.",
     "Open 8 A M to 6:30 P M, 8:30 A M to 5 P M, 2 P M to 6 P M, 8:30 A M to 9:15 A M."),
])
def test_what_a_second_read_of_the_sixth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A ninth reading: four English handouts on kidney disease, an underactive thyroid, blood pressure at
# home (en-AU) and basal insulin, written by a reader who had not seen these tables.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "It affects 1 in 7 U.S. adults; record systolic/diastolic", "It affects 1 in 7 U S adults; record systolic over diastolic"),
    ("en-US", "Check every 6 mo. in stage 3a; 1 mcg per kg of body weight; TSH > 10 mU/L",
     "Check every 6 months in stage 3a; 1 microgram per kilogram of body weight; T S H greater than 10 milliunits per liter"),
    ("en-US", "Your K+ is > 5.0 (ref. range 3.5-5.0), esp. at night; clinic avg. 138/85; c. 10× higher",
     "Your potassium is greater than 5.0 (reference range 3.5 to 5.0), especially at night; clinic average 138 over 85; "
     "about 10 times higher"),
    ("en-US", "Visit 2200 W. Lake St., Suite 310, Chicago, IL 60612", "Visit 2200 West Lake Street, Suite 310, Chicago, I L 6 0 6 1 2"),
    ("en-US", "U-100 insulin, a 32G pen needle, the exp. date; M–F 8:30 a.m.; Sat 9–12",
     "U 100 insulin, a 32 gauge pen needle, the expiry date; Monday to Friday 8:30 A M; Saturday 9 to 12"),
    ("en-AU", "approx. $60–$90; 30+ min a day; seen 23 Feb 2026; (dd/mm/yyyy)",
     "about 60 to 90 dollars; 30 or more minutes a day; seen the 23rd of February 2026; (day, month, year)"),
    ("en-AU", "Emergency: 000, or 112 from a mobile; call 1800 022 222",
     "Emergency: triple zero, or 1 1 2 from a mobile; call 1 800, 0 2 2, 2 2 2"),
    ("en-US", "Take 5 mg. Then rest. The U.S. Food and Drug Administration; 30+ is fine; MBChB",
     "Take 5 milligrams. Then rest. The U S Food and Drug Administration; 30 plus is fine; M B Ch B"),
    ("en-US", "Born in the U.S.A. in 1990", "Born in the U S A in 1990"),  # had been "U SA."
    # a day of a log after its weekday, without its year: the day or the month first as the article's dates
    ("en-US", "Mon 9/3, Tue, 10/3; Mon 2/30", "Monday September 3rd, Tuesday, October 3rd; Monday 2/30"),
    ("en-AU", "Mon 9/3, Sunday 29/2", "Monday the 9th of March, Sunday the 29th of February"),
    ("es-AR", "lunes 16/3", "lunes 16 de marzo"),
    ("fr-FR", "mardi 1/5", "mardi 1er mai"),
])
def test_what_a_ninth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written", [
    ("en-US", "Sun is bright. Sat down. Between 1800 and 2000 people."),
    ("en-US", "Page 3 of the M-F ratio; a 10G network"),
])
def test_what_the_ninth_reading_looks_like_but_is_not_is_left_alone(lang, written):
    assert normalize(written, lang) == written


# What a second reader of the ninth reading's rules found them saying wrongly, on sentences written to
# find their edges.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Keep the room 18-21 °C; go to room 2-105.", "Keep the room 18 to 21 degrees Celsius; go to room 2 dash 105."),
    ("fr-FR", "Appliquez en usage local 2-3 fois par jour ; local 2-105.", "Appliquez en usage local 2 à 3 fois par jour; local 2 tiret 105."),
    ("en-US", "Sat 1/2 dose only", "Sat one half dose only"),  # a weekday before a half is no date
    ("fr-FR", "Mardi 1/2 comprimé", "Mardi un demi comprimé"),
    ("fr-FR", "Le docteur M. Durand ; la taille M. Si elle serre ; chez M. Roy",
     "Le docteur M. Durand; la taille M. Si elle serre; chez monsieur Roy"),
    ("en-US", "Talk to your Dr, nurse or pharmacist; 45 Oak Ave, Boston", "Talk to your Dr, nurse or pharmacist; 45 Oak Avenue, Boston"),
    ("en-US", "Vitamin C. 500 mg daily", "Vitamin C. 500 milligrams daily"),
    ("en-US", "In 2003 W. Bush signed it; Heparin SC 10000 units", "In 2003 W. Bush signed it; Heparin S C 10000 units"),
    ("en-US", "Avoid the Sun 10 am to 4 pm; She Sat 20 minutes; Sizes M–F 2 fit most",
     "Avoid the Sun 10 A M to 4 P M; She Sat 20 minutes; Sizes M–F 2 fit most"),
    ("en-US", "Emergencies 300 per day; give 100 or 112 units", "Emergencies 300 per day; give 100 or 112 units"),
    ("en-US", "Give 5 mL. eGFR will be checked.", "Give 5 milliliters. e G F R will be checked."),
    ("en-US", "See www.pfizer.com; email sara.khan@clinic.org or li.wu@my-clinic.org",
     "See pfizer dot com; email sara dot khan at clinic dot org or li dot wu at my dash clinic dot org"),
    ("fr-FR", "Voir www.mes-droits.fr ou contact@mon-medecin.fr", "Voir mes tiret droits point F R ou contact arobase mon tiret medecin point F R"),
    ("fr-FR", "Schéma 1 – 0 – 1 pendant 5 jours ; du Lu au Ve de 8 h à 18 h ; au Ve siècle",
     "Schéma 1 – 0 – 1 pendant 5 jours; du Lu au Ve de 8 heures à 18 heures; au cinquième siècle"),
])
def test_what_a_second_read_of_the_ninth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A tenth reading: four English handouts on DOACs, COPD inhalers, stopping smoking and statins.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Re-check labs q6mo; if your CrCl falls < 30 mL/min; a 7-day AM/PM pill box",
     "Re-check labs every 6 months; if your creatinine clearance falls less than 30 milliliters per minute; "
     "a 7 day A M and P M pill box"),
    ("en-US", "An alarm at 0800 and 2000 helps. At 0730. Come at 0800 hours.",
     "An alarm at 8 A M and 8 P M helps. At 7:30 A M. Come at oh 8 hundred hours."),
    ("en-US", "Next visit Tues., 4/14/26 at 10:15 AM", "Next visit Tuesday, April 14th, 2026 at 10:15 A M"),
    ("en-GB", "A CAT score of 19/40; wait 30–60 secs; if you need it > every 2 h; with Sr Cairncross",
     "a C A T score of 19 out of 40; wait 30 to 60 seconds; if you need it more often than every 2 hours; "
     "with Sister Cairncross"),
    ("en-GB", "Trimbow (beclometasone/formoterol/glycopyrronium); yes/no; paracetamol/ibuprofen", "Trimbow (beclometasone, "
     "formoterol and glycopyrronium); yes or no; paracetamol or ibuprofen"),  # one inhaler of three medicines; two, a choice
    ("en-CA", "Text iQuit to 123456; over wks 9–12; TTY 711", "Text iQuit to 1 2 3 4 5 6; over weeks 9 to 12; TTY, 7 1 1"),
    ("en-US", "Your TC:HDL ratio is 6.5:1 (ideal is ≤ 4:1); 2020 Sep;6:1.", "Your T C to H D L ratio is 6.5 to 1 "
     "(ideal is at most 4 to 1); 2020 September;6:1."),
])
def test_what_a_tenth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# What a second reader of the tenth reading's rules found them saying wrongly, on sentences written to
# find their edges: each is left as it was, or said as it should be.
@pytest.mark.parametrize("lang, written, spoken", [
    ("fr-FR", "Posologie : 1 cp matin –1 cp soir ; 25 € –30 € ; –20 % ; niveau –1",
     "Posologie: 1 comprimé matin –1 comprimé soir; 25 euros –30 euros; moins 20 pour cent; niveau moins 1"),
    ("en-GB", "Call Childline at 0800 1111. Take 1000 mg at 0800 and 2000 mg at night.",
     "Call Childline at 0800 1111. Take 1000 milligrams at 8 A M and 2000 milligrams at night."),
    ("en-US", "Jane Doe, Sr. Director; our Sr Nurse Practitioner; Smith Sr. Memorial",
     "Jane Doe, Senior Director; our Sr Nurse Practitioner; Smith Senior Memorial"),
    ("en-US", "Her Apgar score was 7/9; Psalm 23:1; about c. 2 cups", "Her Apgar score was 7/9; Psalm 23:1; about c. 2 cups"),
    ("en-US", "Email kurt.vogt@clinic.org or chris.lee@clinic.org or niamh.kelly@clinic.org",
     "Email kurt dot vogt at clinic dot org or chris dot lee at clinic dot org or niamh dot kelly at clinic dot org"),
    ("es-MX", "Vacíe la bolsa c/ 4-6 h; caja c/60 tabletas; ciudad/campo; Col. Malo: 130; primera parte IV",
     "Vacíe la bolsa cada 4 a 6 horas; caja con 60 tabletas; ciudad o campo; Col. Malo: 130; primera parte IV"),
    ("fr-FR", "Notez les min. et les max. ; en octobre–novembre ; le lundi–jeudi ; Passez au 10/10/10 UI ; disponible 7/24 h",
     "Notez les minimum et les maximum; en octobre–novembre; le lundi–jeudi; Passez au 10/10/10 unités internationales; "
     "disponible 7 jours sur 7, 24 heures sur 24"),
])
def test_what_a_second_read_of_the_tenth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# An eleventh reading: three English handouts (migraine, a child's anaphylaxis pens, bowel preparation)
# and three French ones (migraine, a child's fever, stopping smoking).
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "A MIDAS score of 24; then ↑ by 25 mg weekly; may repeat ×1 after 2 h",
     "a MIDAS score of 24; then increase by 25 milligrams weekly; may repeat once after 2 hours"),
    ("en-GB", "On 14th Nov 2025; Wed 21st Jan; specific IgE 17.3 kUA/L; EpiPen Jr",
     "On 14th November 2025; Wednesday 21st January; specific I G E 17.3 kilo-units per liter; EpiPen Junior"),
    ("en-GB", "Current expiry: 09/2026. Expiry 11/26.", "Current expiry: September 2026. Expiry November 2026."),
    ("en-US", "12:00 noon; 2 bisacodyl 5 mg tabs; drink 8 oz q15min; NPO after midnight; a $100 no-show fee",
     "12 noon; 2 bisacodyl 5 milligram tablets; drink 8 ounces every 15 minutes; nothing by mouth after midnight; "
     "a 100 dollar no-show fee"),
    # and what a quick second read of these found: days to use by, a reading that rises, a non-profit, a question
    ("en-US", "Use by 12/31; expires 10/15; BP ↑ by 10 mmHg; our NPO partner; Q3 min score; on the 21st Jan.",
     "Use by 12/31; expires 10/15; B P higher by 10 millimeters of mercury; our N P O partner; Q3 min score; "
     "on the 21st January."),
    ("fr-FR", "Max./24 h : 2 cp ; ou a < 4 langes mouillés ; Patrice Lavoie, Pharm. D.",
     "Maximum par 24 heures: 2 comprimés; ou a moins de 4 langes mouillés; Patrice Lavoie, docteur en pharmacie."),
    # Britain's clock with a point, which had been read as decimals; decimals stay decimals
    ("en-GB", "Clinic (Mon–Fri 08.30–17.00); Wed 21st Jan, 15.30–16.15; 2.5–5.0 mg; 2.50–5.00 mg",
     "Clinic (Monday to Friday 8:30 A M to 5 P M); Wednesday 21st January, 3:30 P M to 4:15 P M; 2.5 to 5.0 milligrams; "
     "2.50 to 5.00 milligrams"),
])
def test_what_an_eleventh_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# What the readings had found and left: a course written with a range, a price range with one sign, a
# share after "a", and a morning time without its zero beside the 24-hour clock's afternoon.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Take it × 2–4 wk, then x 2-4 weeks more.", "Take it for 2 to 4 weeks, then for 2 to 4 weeks more."),
    ("en-US", "It costs $10-15 a month; $5–$10 per fill.", "It costs 10 to 15 dollars a month; 5 to 10 dollars per fill."),
    ("en-US", "Success means a ≥ 50% drop; aim for a ≤ 5% loss; keep it ≤ 7%.",
     "Success means a 50 percent or greater drop; aim for a 5 percent or lower loss; keep it at most 7 percent."),
    ("en-GB", "Doses at 8:00 – 14:00 – 20:00. Give at 8:00 and 20:00.",
     "Doses at 8 A M, 2 P M and 8 P M. Give at 8 A M and 8 P M."),
    # a morning time with its own a.m., or with no 24-hour time beside it, is left as it was
    ("en-US", "Take at 8:00 a.m. and 20:00.", "Take at 8 A M and 8 P M."),
    ("en-US", "Doses at 8:00 and 12:00.", "Doses at 8 o'clock and 12 noon."),
])
def test_what_earlier_readings_left_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A twelfth reading: six English handouts (a prednisone taper, kidney stones, iron in Canada, a child's
# rescue medicine in Britain, malaria tablets in Australia, diabetes tablets).
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Take 1 × 10 mg + 1 × 5 mg; repeat ×1.", "Take 1 times 10 milligrams + 1 times 5 milligrams; repeat once."),
    ("en-US", "Check BG a.c. breakfast and p.c. supper; a.c. and h.s.",
     "Check B G before breakfast and after supper; before meals and at bedtime."),
    ("en-US", "Dark urine = drink more. BMI = 25.", "Dark urine means drink more. B M I equals 25."),
    ("en-US", "Strain urine x 12 hrs. Acetaminophen 500 mg prn pain.",
     "Strain urine for 12 hours. Acetaminophen 500 milligrams as needed for pain."),
    ("en-US", "Smith J. Stones. 3rd Ed. Boston; 2020. The 2nd edn.", "Smith J. Stones. 3rd edition. Boston; 2020. The 2nd edition."),
    ("en-CA", "Transferrin sat. 12%; O2 sat 92%", "Transferrin saturation 12 percent; O2 saturation 92 percent"),
    ("en-CA", "Go to the nearest ED. Ask about ED medicines.", "Go to the nearest emergency department. Ask about E D medicines."),
    ("en-CA", "Call 9-1-1 or Health 811.", "Call 9 1 1 or Health 8 1 1."),
    ("en-CA", "Email rideaufht@gmail.com", "Email rideau F H T at gmail dot com"),
    # a table's column of dates, and a month before its year
    ("en-US", "Row 1. Days: 1–5; Dates: 2/9 – 2/13; Dates: 3/4–3/6; Date: 3/7.",
     "Row 1. Days: 1 to 5; Dates: February 9th to February 13th; Dates: March 4th to March 6th; Date: March 7th."),
    ("en-GB", "Dates: 9/2 – 13/2. Reviewed Aug 2026; in Sept 2025.",
     "Dates: the 9th of February to the 13th of February. Reviewed August 2026; in September 2025."),
    # hours written short, with their weekdays and time zones
    ("en-US", "Call (M–F, 8:30a–5p) or M–F 8:00am-5:00pm; Sat 9am-12pm; Friday 9am–5pm ET; 7 p.m.–7 a.m.",
     "Call (Monday to Friday, 8:30 A M to 5 P M) or Monday to Friday 8 A M to 5 P M; Saturday 9 A M to 12 P M; "
     "Friday 9 A M to 5 P M Eastern Time; 7 P M to 7 A M."),
    ("en-GB", "Training on Tue 11th March, 3.30–5pm; 10.15-11.45am; 2.5–5 mg",
     "Training on Tuesday 11th March, 3:30 to 5 P M; 10:15 to 11:45 A M; 2.5 to 5 milligrams"),
    ("en-AU", "Clinic 9:30 AM ET; your 10 am CT; Sat 9am-12pm AEST", "Clinic 9:30 A M Eastern Time; your 10 A M C T; Saturday 9 A M to 12 P M Australian Eastern Standard Time"),
    # bands, combinations, shorthand
    ("en-GB", "Age 3 mths – <1 yr; 1 – <5 yrs; weight 5–<8 kg",
     "Age 3 months to under 1 year; 1 to under 5 years; weight 5 to under 8 kilograms"),
    ("en-AU", "Malarone 250 mg/100 mg daily; 5 mg/5 mL; 1 mg/kg",
     "Malarone 250 milligrams and 100 milligrams daily; 5 milligrams per 5 milliliters; 1 milligram per kilogram"),
    ("en-GB", "clobazam 5 mg bd, valproate 200 mg tds, 500 mg qds, 20 mg BD, 1g TDS; a BD syringe",
     "clobazam 5 milligrams twice a day, valproate 200 milligrams three times a day, 500 milligrams four times a day, "
     "20 milligrams twice a day, 1 gram three times a day; a B D syringe"),
    ("en-US", "h/o seizures; N/V/D; in the a.m.; first thing in the AM; every hr; an SGLT2i; SGLT2is",
     "history of seizures; nausea, vomiting or diarrhea; in the morning; first thing in the morning; every hour; "
     "an S G L T 2 inhibitor; S G L T 2 inhibitors"),
    ("en-US", "Call 1-800-DIABETES. HOLD metformin.", "Call 1 800, DIABETES. HOLD metformin."),
])
def test_what_a_twelfth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A thirteenth reading: four English handouts (heart-attack medicines, a child's eczema, an opioid taper in
# Canada, sleep apnoea and CPAP).
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Used 5h 12m; ran 5 m. Pressure 10 cm H2O; 8 cmH2O.",
     "Used 5 hours 12 minutes; ran 5 meters. Pressure 10 centimeters of water; 8 centimeters of water."),
    ("en-GB", "Cetirizine 1mg 4-6 hrly; 2 x 500g tubs; apply oint. bd",
     "Cetirizine 1 milligram every 4 to 6 hours; 2 times 500 gram tubs; apply ointment twice a day"),
    ("en-CA", "Week 2: Jan 28–Feb 3; Jan 5 mg; call Health811.", "Week 2: January 28th to February 3rd; Jan 5 milligrams; call Health 8 1 1."),
    ("en-US", "Repeat every 5 min x3; IV x 3; x 2 readings; may repeat ×1 after 2 h.",
     "Repeat every 5 minutes 3 times; I V 3 times; x 2 readings; may repeat once after 2 hours."),
    ("en-US", "Dr Jane Roe, DO. Do not stop. Aspirin 81 mg EC daily; NTG 0.4 mg SL.",
     "Dr Jane Roe, D O. Do not stop. Aspirin 81 milligrams enteric-coated daily; N T G 0.4 milligrams under the tongue."),
    ("en-US", "SBP > 160; HR 50; LFTs. Bldg C, 2nd fl. 45 Main St. Call us.",
     "systolic blood pressure greater than 160; heart rate 50; liver function tests. Building C, 2nd floor. "
     "45 Main Street. Call us."),
    ("en-US", "Seen on 9/12/25; date: 3/4/26; 5/10/20 mg.", "Seen on September 12th, 2025; date: March 4th, 2026; 5/10/20 milligrams."),
    ("en-GB", "Seen on 02/06/25.", "Seen on the 2nd of June 2025."),
])
def test_what_a_thirteenth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# What a second read of the twelfth and thirteenth readings' rules found them reading wrongly, now read as
# before: a time outside a run of times, a stage, a scan, a label's value, a syringe's maker, erectile
# dysfunction, a nutrition label, a formula, a course's number.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Lunch 12:30–1:30; clinic 14:00–17:00.",
     "Lunch 12:30 to 1:30; clinic 2 P M to 5 P M."),
    ("en-US", "Start: 14:00; Duration: 1:30; Rate: 100 mL/h.",
     "Start: 2 P M; Duration: 1:30; Rate: 100 milliliters per hour."),
    ("en-US", "Stage 1A–2A breast cancer is treated with surgery.",
     "Stage 1A to 2A breast cancer is treated with surgery."),
    ("en-US", "Call us 9am-5pm. We are closed on holidays.",
     "Call us 9 A M to 5 P M. We are closed on holidays."),
    ("en-US", "Your 8 am CT scan is booked.",
     "Your 8 A M C T scan is booked."),
    ("en-US", "Normal – <5.7%; prediabetes – 5.7 to 6.4%.",
     "Normal – less than 5.7 percent; prediabetes – 5.7 to 6.4 percent."),
    ("en-US", "High: more than 22.5g/100g of total sugars.",
     "High: more than 22.5 grams per 100 grams of total sugars."),
    ("en-GB", "Use a 1 mL BD syringe.",
     "Use a 1 milliliter B D syringe."),
    ("en-US", "If the ED persists, see your GP.",
     "If the E D persists, see your G P."),
    ("en-US", "Expiry Date: 08/27",
     "Expiry Date: 08/27"),
    ("en-US", "Pain score by date: 7/10",
     "Pain score by date: 7 out of 10"),
    ("en-US", "Dialysis 3 x 4 hrs a week.",
     "Dialysis 3 times 4 hours a week."),
    ("en-US", "Take your PRN pain medicine before physio.",
     "Take your as needed pain medicine before physio."),
    ("en-US", "Total daily dose = weight × 0.5.",
     "Total daily dose equals weight times 0.5."),
    ("en-US", "The plan was announced by the PM on Monday.",
     "The plan was announced by the P M on Monday."),
    ("en-US", "Class A ≥ 50% of the time.",
     "Class A at least 50 percent of the time."),
    ("en-US", "Take the Mental Health 101 course.",
     "Take the Mental Health 101 course."),
])
def test_what_the_new_english_rules_must_leave_alone(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A fourteenth reading: four English handouts (type 1 diabetes at school, a hip replacement in Britain, croup in
# Australia, hepatitis B vaccination).
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-GB", "No driving for 6/52; stop codeine at 2/52; review 6–8/52; cough >3/52; in 1/52",
     "No driving for 6 weeks; stop codeine at 2 weeks; review 6 to 8 weeks; cough greater than 3 weeks; in 1 week"),
    ("en-AU", "Adrenaline 1:1000; a ratio of 1:12; correction 1u:50; Psalm 1:12; at 1:15",
     "Adrenaline 1 in 1000; a ratio of 1 to 12; correction 1 unit per 50; Psalm 1:12; at 1:15"),
    ("en-US", "Go home / ER. Metformin ER 500 mg. Call ext. 2214. Open M–F.",
     "Go home or the emergency room. Metformin extended release 500 milligrams. Call extension 2 2 1 4. Open Monday to Friday."),
    ("en-GB", "Laxido OD–BD; 10 reps x 3 sets; 40 mg BD", "Laxido once or twice a day; 10 reps, 3 sets; 40 milligrams twice a day"),
    ("en-GB", "Clinic 0800–1600 h daily; ward 1300-1500 hrs; open 0830-1700; take 1000-2000 mg; call 0800 1111",
     "Clinic 8 A M to 4 P M daily; ward 1 P M to 3 P M; open 8:30 A M to 5 P M; take 1000 to 2000 milligrams; call 0800 1111"),
    ("en-AU", "Croup peaks in autumn (Apr–Jun). Call 1300 60 60 24.", "Croup peaks in autumn (April to June). Call 13 hundred 60 60 24."),
    ("en-US", "Baqsimi 3 mg IN; 1 mL IM; pause x 60 min; 4.5u; grams of CHO; resp rate",
     "Baqsimi 3 milligrams into the nose; 1 milliliter into the muscle; pause for 60 minutes; 4.5 units; grams of carbohydrate; "
     "respiratory rate"),
])
def test_what_a_fourteenth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# What a second read of the thirteenth and fourteenth readings' rules found them reading wrongly, now read as
# a listener means it, or as before.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "DOB: 3/4/55; born 6/1/45; seen on 9/12/25.", "date of birth: March 4th, 1955; born June 1st, 1945; seen on September 12th, 2025."),
    ("en-US", "Take 1 tablet IN THE MORNING; Baqsimi 3 mg IN or Gvoke.", "Take 1 tablet IN THE MORNING; Baqsimi 3 milligrams into the nose or Gvoke."),
    ("en-US", "(HR 0.74; 95% CI 0.6–0.9); HR-positive cancer; contact HR; resting HR above 100; HR 50",
     "(H R 0.74; 95 percent C I 0.6 to 0.9); HR-positive cancer; contact H R; resting heart rate above 100; heart rate 50"),
    ("en-AU", "Send forms to Unit 6/52 Smith Street; review 6/52.", "Send forms to Unit 6/52 Smith Street; review 6 weeks."),
    ("en-US", "Week 3 – Mar 10: start physio. Closed Dec 24–Jan 2 for the holidays. Jan, your nurse, will call.",
     "Week 3 – March 10th: start physio. Closed December 24th to January 2nd for the holidays. Jan, your nurse, will call."),
    ("en-US", "SBP (spontaneous bacterial peritonitis); SBP > 160", "S B P (spontaneous bacterial peritonitis); systolic blood pressure greater than 160"),
    ("en-US", "Levonorgestrel 1.5 mg EC; aspirin 81 mg EC; omeprazole EC capsules",
     "Levonorgestrel 1.5 milligrams E C; aspirin 81 milligrams enteric-coated; omeprazole enteric-coated capsules"),
    ("en-AU", "The CHO's advice; 54 g CHO; CHO counting", "The C H O's advice; 54 grams carbohydrate; carbohydrate counting"),
    ("en-GB", "Level 3 East Wing St. Joseph's; bank staff earn £15-18 hourly", "Level 3 East Wing Saint Joseph's; bank staff earn 15 to 18 pounds hourly"),
    ("en-US", "Tips 4 u: drink water. Bolus 2.5 u if BG > 250.", "Tips 4 u: drink water. Bolus 2.5 units if B G greater than 250."),
    ("en-US", "If in doubt, DO. Dr. Lee, DO, 3rd fl.", "If in doubt, DO. Doctor Lee, D O, 3rd floor."),
    ("en-US", "Dose (mL) = weight x 2; metformin/ER 500 mg; call urgent care/ER.",
     "Dose (milliliters) equals weight x 2; metformin extended release 500 milligrams; call urgent care or the emergency room."),
    ("en-US", "Cite 2019;1:100. Map scale 1:500. 4 rounds x 4 min. ext 180 degrees.",
     "Cite 2019;1:100. Map scale 1:500. 4 rounds x 4 minutes ext 180 degrees."),
    ("en-US", "Season Apr–Jun; Jan–May; Jan–Dec 2025; Dec: 12 visits.",
     "Season April to June; January to May; January to December 2025; December: 12 visits."),
])
def test_what_a_second_read_of_the_thirteenth_and_fourteenth_readings_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written, spoken", [
    # three rising figures before what they count are a scheme, not a date with a short year
    ("en-US", "Increase your walks by 5/10/15 minutes; walk by 12/15/18 months; you are on 10/8/12 units.",
     "Increase your walks by 5/10/15 minutes; walk by 12/15/18 months; you are on 10/8/12 units."),
    ("en-US", "Ask your HR department. Ulipristal 30 mg EC. We'll text 2 u when it's ready.",
     "Ask your H R department. Ulipristal 30 milligrams E C. We'll text 2 u when it's ready."),
])
def test_what_a_second_read_found_the_new_english_rules_must_leave_as_they_were(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A fifteenth reading: four English handouts (lithium, early pregnancy in Britain, a child's methylphenidate in
# Canada, the shingles vaccine).
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-GB", "Arrive at 08.30; sample at 10.45; weigh 2.30 kg; dose 10.45 mg",
     "Arrive at 8:30 A M; sample at 10:45; weigh 2.30 kilograms; dose 10.45 milligrams"),
    ("en-GB", "Scans at 11+2, at 20+6; at 18+0; 32+4 weeks; booking at 10/40; a score of 19/40; 10+2 mg; Gleason 4+3",
     "Scans at 11 weeks and 2 days, at 20 weeks and 6 days; at 18 weeks; 32 weeks and 4 days; booking at 10/40; "
     "a score of 19 out of 40; 10+2 milligrams; Gleason 4+3"),
    ("en-CA", "Give q AM; review q1wk; 50th %ile; OROS-MPH; call 8-1-1; check BP and HR; back at 1500h",
     "Give every morning; review every week; 50th percentile; OROS-methylphenidate; call 8 1 1; check B P and heart rate; "
     "back at 3 P M"),
    ("en-US", "Na 138, K 4.1; plt 250; Vol 71; BSc (Hons); OD–TDS",
     "sodium 138, potassium 4.1; platelets 250; Volume 71; BSc (Honours); one to three times a day"),
])
def test_what_a_fifteenth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A sixteenth reading: four English handouts (atrial flutter and amiodarone, a child's constipation, gestational
# hypertension in Australia, hand washing in flu season).
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-AU", "Check at e.g. 0800 and 1800; Mon-Fri 8.00–4.30; open 8:00-4:30 daily; 8.5–4.2 mg",
     "Check at for example, 8 A M and 6 P M; Monday to Friday 8 A M to 4:30 P M; open 8 A M to 4:30 P M daily; "
     "8.5 to 4.2 milligrams"),
    ("en-AU", "plt >150 x10^9/L; 32+4 weeks; 37+0 wks; urine PCR; a PCR test",
     "platelets greater than 150 times 10 to the power of 9 per liter; 32 weeks and 4 days; 37 weeks; "
     "urine protein to creatinine ratio; a P C R test"),
    ("en-US", "QTc 500 ms; a fever of 103 F; temp 38.5 C; Vitamin C; Sat 9-noon; take x3/day; ULN; CXR",
     "QTc 500 milliseconds; a fever of 103 degrees Fahrenheit; temp 38.5 degrees Celsius; Vitamin C; Saturday 9 A M to noon; "
     "take 3 times a day; upper limit of normal; chest X-ray"),
])
def test_what_a_sixteenth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# What a second read of the fifteenth and sixteenth readings' rules found them reading wrongly (182 of 655
# sentences), now read as before.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Vision corrected to 20/40; Vitamin K 1.0 mg; INR at 2.50; reduce by 0.25; Expiry: 08.25",
     "Vision corrected to 20 40; Vitamin K 1.0 milligram; I N R at 2.50; reduce by 0.25; Expiry: 08.25"),  # (26th reading: "20 40")
    ("en-US", "pH 7.35–7.45; bedtime 10:30-6:30; arrive between 7:30-7:45; Gleason score 4+3; a 5+2 diet",
     "pH 7.35 to 7.45; bedtime 10:30 to 6:30; arrive between 7:30 to 7:45; Gleason score 4+3; a 5+2 diet"),
    ("en-US", "1000–1200 hours of placement; ISSN 0028-0836; battery lasts 2000h; Bra size 36C; Apt 102F",
     "1000 to 1200 hours of placement; I S S N 0028-0836; battery lasts 2000 hours; Bra size 36C; Apt 102F"),
    ("en-US", "Calls to 0800 and 1800 numbers; file with the EDD; an MD-MPH; a 20-MPH zone",
     "Calls to 0800 and 1800 numbers; file with the E D D; an MD-MPH; a 20-MPH zone"),
    ("en-US", "Appointments 10:30-noon; your EDD; K 4.1 mmol/L", "Appointments 10:30 A M to noon; your due date; potassium 4.1 millimoles per liter"),
    ("fr-FR", "SA : semaines d'aménorrhée ; jusqu'à S1 ; Sel : 0,3 g/30 g de pain ; 1 g/125 mg ; Biopsie perc.",
     "S A: semaines d'aménorrhée; jusqu'à S1; Sel: 0 virgule 3 gramme par 30 grammes de pain; 1 gramme et 125 milligrammes; "
     "Biopsie perc."),
])
def test_what_the_fifteenth_and_sixteenth_readings_rules_must_leave_as_they_were(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A seventeenth reading: four English handouts (a GLP-1 injection, after a heart attack in Britain, head lice and
# scabies in Canada, sun safety).
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-GB", "Atorvastatin 80mg ON; GTN 400 mcg s/l; EF 35%; turn it ON now",
     "Atorvastatin 80 milligrams at night; G T N 400 micrograms under the tongue; ejection fraction 35 percent; turn it ON now"),
    ("en-US", "Store (2°C-8°C); 0.25 mg SC weekly; fast x24h; a 3\" brim; Jane Roe, PA-C; HTN, T2DM, OSA",
     "Store (2 to 8 degrees Celsius); 0.25 milligrams under the skin weekly; fast for 24 hours; a 3-inch brim; Jane Roe, P A C; "
     "high blood pressure, type 2 diabetes, O S A"),
    ("en-CA", "If you treat on Sat. Oct. 11, repeat on Sat. Oct. 18.", "If you treat on Saturday October 11th, repeat on Saturday October 18th."),
])
def test_what_a_seventeenth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


def test_a_short_saturday_before_its_date_does_not_end_a_sentence():
    from openleaf.source.sentences import split

    assert split("If you treat on Sat. Oct. 11, repeat on Sat. Oct. 18. Then wash.") == [
        "If you treat on Sat. Oct. 11, repeat on Sat. Oct. 18.", "Then wash."]
    assert split("The clinic is closed Sat. Call us Monday.") == ["The clinic is closed Sat.", "Call us Monday."]


@pytest.mark.parametrize("lang, written, spoken", [
    # a gloss in brackets that says again what was just said is said once
    ("en-US", "HTN (high blood pressure) is common; warfarin once a day (q.d.); Hemoglobin (Hb) 12",
     "high blood pressure is common; warfarin once a day; Hemoglobin 12"),
    ("fr-CA", "Un verre d'eau au coucher (HS) aide aussi.", "Un verre d'eau au coucher aide aussi."),
    # and what a second read of the seventeenth reading's rules found them reading wrongly
    ("en-US", "Store between -2°C-8°C; press \"2\" long enough; set the dial to 10 mg ON, then start; use code EF 15% off",
     "Store between minus 2 degrees Celsius-8 degrees Celsius; press \"2\" long enough; set the dial to 10 milligrams ON, "
     "then start; use code E F 15 percent off"),
])
def test_what_is_said_once_and_what_a_second_read_of_the_seventeenth_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


def test_a_weekday_before_another_sentence_still_ends_its_own():
    from openleaf.source.sentences import split

    assert split("We are closed Sat. Call 111 for urgent help. Avoid the sun. Even 10 minutes can burn.") == [
        "We are closed Sat.", "Call 111 for urgent help.", "Avoid the sun.", "Even 10 minutes can burn."]


# An eighteenth reading: four English handouts (weekly methotrexate, a child's sick-day rules in Britain, fasting
# before day surgery in Australia, falls at home).
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Grab bars at 33\"-36\"; bulbs 800-1100 lumen; to a max. of 25 mg/wk; SC injection; eye exam 1x/yr; 1x daily",
     "Grab bars at 33 to 36 inches; bulbs 800 to 1100 lumen; to a maximum of 25 milligrams per week; S C injection; "
     "eye exam once a year; once daily"),
    ("en-US", "Give an SC injection; your SC shot; Greenville SC shots", "Give a subcutaneous injection; your subcutaneous shot; "
     "Greenville S C shots"),
    ("en-GB", "For a 20kg child give 100mls; take it ONCE a WEEK, BOTH days",
     "For a 20 kilogram child give 100 milliliters; take it ONCE a WEEK, BOTH days"),
])
def test_what_an_eighteenth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A nineteenth reading: three English handouts (home peritoneal dialysis, an insulin pump in Britain, cellulitis in
# Australia); the two outside Britain were said right but for one notation.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-GB", "Diabetes Centre, Mon–Fri 08:30-17:00: 0121 496 0832",
     "Diabetes Centre, Monday to Friday 8:30 A M to 5 P M: 0 1 2 1, 4 9 6, 0 8 3 2"),
    ("en-GB", "ICR (insulin:carb) 1u:12g; 1:8 g; 1u:3mmol/l; correction 1u:50; 1u drops 3 mmol/L; repeat x3 max",
     "I C R (insulin to carb) 1 unit for every 12 grams; 1 unit for every 8 grams; 1 unit for every 3 millimoles per liter; "
     "correction 1 unit per 50; 1 unit drops 3 millimoles per liter; repeat 3 times at most"),
    ("en-GB", "Basal 00:00–04:00 0.6 u/hr; 10:00–24:00 0.9 u/hr; 20:00-24:00; 17:00:30",
     "Basal midnight to 4 A M 0.6 units per hour; 10 A M to midnight 0.9 units per hour; 8 P M to midnight; 17:00:30"),
    ("en-AU", "Elevate the leg ½–1 hr; Psalm 1:12", "Elevate the leg half to 1 hour; Psalm 1:12"),
])
def test_what_a_nineteenth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


def test_a_pattern_may_name_a_family_of_words_that_several_patterns_share():
    from openleaf.formats.audio.rules import pattern_rule

    tables = {"short_months": {"Jan": "January", "Feb": "February"}}
    rule = pattern_rule(0, {"match": r"\b{words}(?= \d{4})", "say": "{word}", "words": "short_months"}, tables)
    assert rule.pattern.sub(rule.replace, "Feb 2026") == "February 2026"
    inline = pattern_rule(0, {"match": r"\b{words}(?= \d{4})", "say": "{word}", "words": tables["short_months"]})
    assert inline.pattern.sub(inline.replace, "Jan 2026") == "January 2026"


def test_a_pattern_may_name_a_context_that_several_patterns_share():
    from openleaf.formats.audio.rules import pattern_rule

    contexts = {"exercise": r"(?i)\breps\b"}
    rule = pattern_rule(0, {"match": r"\d x \d", "say": "sets", "context": "exercise"}, None, contexts)
    assert rule.when.search("3 x 15 reps") and not rule.when.search("3 x 15 mm")
    with pytest.raises(KeyError):  # a name the language does not have is an error, not a pattern said everywhere
        pattern_rule(0, {"match": r"\d", "say": "x", "context": "excercise"}, None, contexts)


# A second read of the nineteenth reading's rules: a numbered label before an amount is no insulin ratio, nor a
# unit of alcohol, a verse or a journal's year; and what it found still missed.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-GB", "Step 1: 15 g of glucose; Level 1: 3.9 mmol/L; Dose 1: 1 g ceftriaxone",
     "Step 1: 15 grams of glucose; Level 1: 3.9 millimoles per liter; Dose 1: 1 gram ceftriaxone"),
    ("en-GB", "Soak for 1 ½–2 hours; 1 unit: 8 g of pure alcohol",
     "Soak for 1 and a half to 2 hours; 1 unit: 8 grams of pure alcohol"),
    ("en-GB", "Ecclesiastes 3:1: To every thing there is a season.", "Ecclesiastes 3:1: To every thing there is a season."),
    ("en-GB", "BMJ 2019:364:l4321", "B M J 2019:364:l4321"),
    ("en-GB", "ICR 1u:10g CHO; 12:00–24:00; 10:00–24:00 hrs",
     "I C R 1 unit for every 10 grams carbohydrate; 12 noon to midnight; 10 A M to midnight"),
    ("en-GB", "Nil by mouth from 24:00. Basal 0.9 u/hour; correction 1u:50mg/dL",
     "Nil by mouth from midnight. Basal 0.9 units per hour; correction 1 unit for every 50 milligrams per deciliter"),
    ("en-GB", "Basal 04:00-10:00 0.8 u/hr", "Basal 4 A M to 10 A M 0.8 units per hour"),
])
def test_what_a_second_read_of_the_nineteenth_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A twentieth reading: four English handouts (home care in chemotherapy, menopause and HRT in Britain, vaccination in
# Australia, alcohol withdrawal in Canada).
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-GB", "Utrogestan 100 mg ON continuously. Emergency (leg swelling, chest pain): 999",
     "Utrogestan 100 milligrams at night continuously. Emergency (leg swelling, chest pain): 9 9 9"),
    ("en-GB", "| 3/12 after starting | BP | Nurse |", "| 3 months after starting | B P | Nurse |"),
    ("en-US", "| Platelets | 150K-400K | ANC 1,500–8,000/mcL | Hgb <8 g/dL |",
     "| Platelets | 150 thousand to 400 thousand | A N C 1500 to 8000 per microliter | hemoglobin less than 8 grams per "
     "deciliter |"),
    ("en-US", "Filgrastim 5 mcg/kg/day SC x 5-7 days. Ondansetron 8 mg PO/ODT. Olanzapine 5 mg qHS x4 nights.",
     "Filgrastim 5 micrograms per kilogram per day under the skin for 5 to 7 days. Ondansetron 8 milligrams by mouth "
     "or as a dissolving tablet. Olanzapine 5 milligrams at bedtime for 4 nights."),
    ("en-US", "Log in at https://mychart.lakeshorecancer.org. Your next CBC is before C2D1.",
     "Log in at my chart dot lakeshore cancer dot org. Your next C B C is before cycle 2, day 1."),
    ("en-AU", "Call 24 hrs/7 days. Give it in the L thigh, then the R upper arm.",
     "Call 24 hours a day, 7 days a week. Give it in the left thigh, then the right upper arm."),
    ("en-AU", "| 6 wk | DTPa-hepB-IPV-Hib, 13vPCV | MenACWY | Vaccine (abbrev.) |",
     "| 6 weeks | D T P A, hep B, I P V, Hib, 13 valent P C V | Men A C W Y | Vaccine (abbreviation) |"),
    ("en-AU", "Report to SAEFVIC. Queensland: 13 HEALTH. Open 09:00–11:00 weekdays.",
     "Report to Safe Vic. Queensland: 13 HEALTH. Open 9 A M to 11 A M weekdays."),
    ("en-CA", "HealthLink BC: 811, 24/7. Suicide Crisis Helpline: 9-8-8. More than 7+/wk. The RAAM clinic.",
     "HealthLink B C: 8 1 1, 24 hours a day, 7 days a week. Suicide Crisis Helpline: 9 8 8. More than 7 or more a "
     "week. The RAAM clinic."),
    # near misses, said as before
    ("en-US", "set the dial to 10 mg ON, then start; 5 mg ON an empty stomach; Sodium: 111, call us; L 5 mm",
     "set the dial to 10 milligrams ON, then start; 5 milligrams ON an empty stomach; Sodium: 111, call us; L 5 "
     "millimeters"),
    ("en-GB", "See cancerresearchuk.org, staldhelms.nhs.uk and stjohnambulance.org.uk",
     "See cancer research U K dot org, staldhelms dot N H S dot U K and saint john ambulance dot org dot U K"),
    ("en-US", "on 3/12 after lunch; 5K run; Clinic 9:00–11:00; see www.nhlbi.nih.gov",
     "on 3/12 after lunch; 5K run; Clinic 9 o'clock to 11 o'clock; see N H L B I dot N I H dot gov"),
])
def test_what_a_twentieth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


def test_a_temperature_written_short_can_end_a_sentence():
    from openleaf.source.sentences import split

    assert split("Keep a log of your pulse and temp. Call us if it is over 38.") == [
        "Keep a log of your pulse and temp.", "Call us if it is over 38."]


@pytest.mark.parametrize("written, spoken", [
    ("Date of your next test: ____/____/2026.", "Date of your next test: blank, 2026."),
    ("Weight: ______ kg. Sign here: __________", "Weight: blank kilograms. Sign here: blank"),
    ("Date: __/__/____", "Date: blank"),
    ("snake_case_name and __init__", "snake_case_name and __init__"),
])
def test_a_blank_to_fill_in_is_said_blank(written, spoken):
    assert normalize(written, "en-US") == spoken


# A second read of the twentieth reading's rules: what must be said as before.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Eli Lilly's site is www.mounjaro.com; see also www.invokana.com.",
     "Eli Lilly's site is mounjaro dot com; see also invokana dot com."),
    ("en-US", "Your health results: triglycerides: 999 (very high); platelets: 811 (high), call us",
     "Your health results: triglycerides: 999 (very high); platelets: 811 (high), call us"),
    ("en-US", "3/12 after lunch: no solid food. Train for a 5K–10K run.",
     "3/12 after lunch: no solid food. Train for a 5K to 10K run."),
    ("en-GB", "The MRI shows a disc bulge at C7 D1. Order part number C10D2.",
     "The M R I shows a disc bulge at C7 D1. Order part number C10D2."),
    ("en-US", "Ceftriaxone 1 g every 24 h/7 days. Order a size L calf sleeve; a 1 L hand sanitizer; an M/L arm sling.",
     "Ceftriaxone 1 gram every 24 hours per 7 days. Order a size L calf sleeve; a 1 liter hand sanitizer; an M/L arm sling."),
    ("en-US", "Urine protein was 2+/day 1. Give MMR-V at 4 years; her anti-HB level.",
     "Urine protein was 2+/day 1. Give MMR-V at 4 years; her anti-HB level."),
    ("en-US", "Check temp. BID and call. Book an appt. Monday to Friday. Start the stopwatch at 00:00.",
     "Check temperature twice a day and call. Book an appointment Monday to Friday. Start the stopwatch at 00:00."),
    ("en-GB", "ICR 1 : 10 g at lunch. Visiting 10:00-20:00 daily; Saturday 10:00-16:00.",
     "I C R 1 unit for every 10 grams at lunch. Visiting 10 A M to 8 P M daily; Saturday 10 A M to 4 P M."),
])
def test_what_a_second_read_of_the_twentieth_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A twenty-first reading: four English handouts (a sickle cell crisis at home, epilepsy medicines in Britain,
# diabetic foot care in Australia, amoxicillin for a child in Canada).
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Drink about 1.5x your usual intake. Use the spirometer 10x/hr. CBC w/ diff and retic count; platelets <80K.",
     "Drink about 1.5 times your usual intake. Use the spirometer 10 times an hour. C B C with differential and "
     "reticulocyte count; platelets less than 80 thousand."),
    ("en-US", "2 x 500 mg caps + 1 x 200 mg cap qd. Tabs can be taken with food. | Fluids (oz) |",
     "2 of the 500 milligram capsules + one 200 milligram capsule once a day. Tablets can be taken with food. | "
     "Fluids (ounces) |"),
    ("en-US", "- HA, weakness, slurred speech or trouble seeing; an erection lasting >4 hrs",
     "- headache, weakness, slurred speech or trouble seeing; an erection lasting more than 4 hours"),
    ("en-GB", "If a seizure lasts >5 mins, or 3+ seizures happen in 1 hr. The SANAD II study.",
     "If a seizure lasts more than 5 minutes, or 3 or more seizures happen in 1 hour. The SANAD 2 study."),
    ("en-AU", "See a podiatrist q3/12. A 5mm x 8mm ulcer on the R) great toe. Ph (02) 9515 6111, pls ask. Call 000.",
     "See a podiatrist every 3 months. A 5 by 8 millimeters ulcer on the right) great toe. phone 0 2, 9 5 1 5, 6 1 1 1, "
     "please ask. Call triple zero."),
    ("en-CA", "400 mg/5 mL susp. for 10 days. Disc. remaining after 14 d. Rx #: 4471289. Ottawa ON K1S 3Y4. Tel: 613-555-0142",
     "400 milligrams per 5 milliliters suspension for 10 days. Discard remaining after 14 days. prescription number "
     "4 4 7 1 2 8 9. "
     "Ottawa, Ontario K 1 S, 3 Y 4. telephone: 6 1 3, 5 5 5, 0 1 4 2"),
    ("en-CA", "Sun & holidays 10 a.m.–5 p.m. Platt AF Jr. Sickle Cell Anemia.",
     "Sunday and holidays 10 A M to 5 P M. Platt A F Junior Sickle Cell Anemia."),
    # near misses, said as before
    ("en-US", "HA injections for the knee; the 2+ protein on the dipstick; Grade >2 reflux; walk 10 000 steps",
     "H A injections for the knee; the 2 plus protein on the dipstick; Grade greater than 2 reflux; walk 10 000 steps"),
])
def test_what_a_twenty_first_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A twenty-second reading: four English handouts (Parkinson's medicines, a baby's bronchiolitis in Britain, living
# with a stoma in New Zealand, lead exposure in children).
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Carbidopa/Levodopa (Sinemet®) tablets; or ibuprofen/paracetamol",
     "Carbidopa and Levodopa (Sinemet) tablets; or ibuprofen or paracetamol"),
    ("en-US", "| 1 | 7:00 a.m. | C/L 25/100 mg x1 | Breakfast |", "| 1 | 7 A M | carbidopa levodopa 25 and 100 milligrams once | Breakfast |"),
    ("en-US", "Do not crush the CR tablet. A 150-lb (68 kg) person. Write ON or OFF.",
     "Do not crush the controlled release tablet. A 150 pound (68 kilograms) person. Write ON or off."),
    ("en-GB", "RR <60/min; keep your appts. See NHS.UK.", "breathing rate less than 60 per minute; keep your appointments. See N H S dot U K."),
    ("en-US", "| ≥70 | Immediately (ER) | ½ c. milk; WIC; 10 µg/ft²; 15 ppb; 1-800-424-LEAD (5323)",
     "| at least 70 | Immediately (emergency room) | one half cup milk; wick; 10 micrograms per square foot; 15 parts per "
     "billion; 1 800, 4 2 4, LEAD, that is 5 3 2 3"),
    ("en-NZ", "code 16915 – 30/box; Na/K check; (NaCl); Sodium (Na) 135–145 mmol/L; (SR/XR)",
     "code 1 6 9 1 5, 30 per box; sodium and potassium check; (sodium chloride); Sodium 135 to 145 millimoles per liter; "
     "(slow release or extended release)"),
    ("en-NZ", "ph (09) 486 8900; stomanurses@waitematadhb.govt.nz; call us by 14/3",
     "phone 0 9, 4 8 6, 8 9 0 0; stoma nurses at waitemata D H B dot G O V T dot N Z; call us by the 14th of March"),
    ("en-US", "Call us by 3/14; reduce by 3/4; by 14/3", "Call us by March 14th; reduce by three quarters; by 14/3"),
    # near misses, said as before
    ("en-US", "Metformin (ER) 500 mg tablets; on 14/3 mg", "Metformin (extended release) 500 milligram tablets; on 14 and 3 milligrams"),
])
def test_what_a_twenty_second_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A second read of the twenty-first reading's rules (321 sentences, 64 read worse at first): what must be said as
# before, or right.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Keep Bluetooth ON. Press ON. Urine PH 6.5; people with PH; HA (hyaluronic acid) injections",
     "Keep Bluetooth ON. Press ON. Urine P H 6.5; people with P H; H A (hyaluronic acid) injections"),
    ("en-US", "Suicide & Crisis Lifeline: 988 (call or text). Next visit: C4D1 on 12 May. Visiting 10:00-11:30.",
     "Suicide and Crisis Lifeline: 9 8 8 (call or text). Next visit: cycle 4, day 1 on the 12th of May. Visiting 10 o'clock "
     "to 11:30."),
    ("en-US", "Referred for susp. appendicitis. You will have 3 x 1 cm cuts. Support is available for 24 hrs/7 days.",
     "Referred for suspected appendicitis. You will have 3 times 1 centimeter cuts. Support is available for 24 hours "
     "a day, 7 days a week."),
    ("en-US", "Date: 3/12 after the holiday weekend. Protein 2+ days 1 and 3. Tabs can be found at the top of the page.",
     "Date: 3/12 after the holiday weekend. Protein 2 plus days 1 and 3. Tabs can be found at the top of the page."),
    ("en-CA", "Closed on stat holidays. Martin Luther King Jr. Community Hospital. Mix at a ratio of 1 : 30 g of water.",
     "Closed on statutory holidays. Martin Luther King Junior Community Hospital. Mix at a ratio of 1: 30 grams of "
     "water."),
    ("en-AU", "Basal 00:00–10:00 0.6 u/hr; age 65+ falls each year", "Basal midnight to 10 A M 0.6 units per hour; age 65 plus falls each year"),
])
def test_what_a_second_read_of_the_twenty_first_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A twenty-third reading: four English handouts (kidney transplant medicines, a child's concussion in Canada, an
# urgent cancer referral in England, snake and spider bites in Australia), 93 % and 94 % on a first pass.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-GB", "A 2WW referral. Bilirubin <21 umol/l. CT chest/abdo/pelvis. Open 9am-4.30pm.",
     "A two week wait referral. Bilirubin less than 21 micromoles per liter. C T chest, abdomen and pelvis. Open 9 A M "
     "to 4:30 P M."),
    ("en-AU", "Grad Dip Emerg Nursing. Obs 1/24 then 4/24. Prednisolone daily x5/7. If no signal try 112.",
     "Graduate Diploma Emergency Nursing. Obs every hour then every 4 hours. Prednisolone daily for 5 days. If no "
     "signal try 1 1 2."),
    ("en-AU", "See https://www.healthdirect.gov.au/spider-bites", "See health direct dot gov dot A U slash spider bites"),
    ("en-US", "Labs M/W/F. CMV D+/R- risk. At 8am / 8pm. Check Cr, K+, Mg weekly. Call if temp ≥100.4 F. Pager #4417.",
     "Labs Monday, Wednesday and Friday. C M V donor positive, recipient negative risk. At 8 A M and 8 P M. Check "
     "creatinine, potassium, magnesium weekly. Call if temp of at least 100.4 degrees Fahrenheit. Pager 4 4 1 7."),
    ("en-US", "Email txcoord@lakesidemed.org", "Email T X coord at lakeside med dot org"),
    ("en-CA", "| Symptoms (/22): 14/22 | Return for ½ days.", "| Symptoms (out of 22): 14 out of 22 | Return for half days."),
])
def test_what_a_twenty_third_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A twenty-fourth reading: four English handouts (home oxygen, a child's tonsillectomy in Britain, a baby's jaundice in
# Australia, haemodialysis access in Canada), 95 % and 93 % on a first pass.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-GB", "Make a call to 999. Ward: +44 (0)161 496 0000. FRCS (ORL-HNS)",
     "Make a call to, 9 9 9. Ward: plus 4 4, 1 6 1, 4 9 6, 0 0 0 0. F R C S (O R L, H N S)"),
    ("en-US", "on O2 x2 days; approx 8 hr; 4 LPM; 2 lpm", "on O2 for 2 days; about 8 hours; 4 liters per minute; 2 liters per minute"),
    ("en-CA", "No BP cuffs, IVs or blood draws. Dialysis 0630 to 1500 Mon / Wed / Fri. Binder c̄ meals; K+/day.",
     "No B P cuffs, I V's or blood draws. Dialysis 6:30 A M to 3 P M Monday, Wednesday and Friday. Binder with meals; "
     "potassium per day."),
    ("en-CA", "Replavite 1 tab OD after dialysis.", "Replavite 1 tablet once a day after dialysis."),
    ("en-AU", "Born at 38+2/40. Review Sun 8 Mar. Feeds 8–12x/24 hrs.",
     "Born at 38 weeks and 2 days. Review Sunday the 8th of March. Feeds 8 to 12 times per 24 hours."),
    # near misses, said as before
    ("en-US", "Take 1000-2000 mg daily; 3 x 4 hrs; 1000-2000 Units", "Take 1000 to 2000 milligrams daily; 3 times 4 hours; 1000 to 2000 Units"),
])
def test_what_a_twenty_fourth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A second read of the twenty-second and twenty-third readings' rules (420 sentences, 46 read worse at first).
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Ulcer 1 x 2 cm; 6 x 4 mm; you will have 3 x 1 cm cuts",
     "Ulcer 1 by 2 centimeters; 6 by 4 millimeters; you will have 3 times 1 centimeter cuts"),
    ("en-CA", "The hospital is in London, ON.", "The hospital is in London, Ontario."),
    ("en-US", "an L wrist fracture; An R knee X-ray; 200 mcg/kg x1 in clinic",
     "a left wrist fracture; A right knee X-ray; 200 micrograms per kilogram once in clinic"),
    ("en-US", "Symptoms began 3/22. Then 4/24 is your next visit.", "Symptoms began 3/22. Then 4/24 is your next visit."),
    ("en-US", "Carb ratio: 1 : 10 g. Disc. any unused. A prolapsed disc.",
     "Carb ratio: 1 unit for every 10 grams. Discard any unused. A prolapsed disc."),
    ("en-AU", "Tel: 111. Ph 1300 MEDICINE", "telephone: 111. phone 1300 MEDICINE"),
    ("en-US", "Take it 8 am / 8 pm, whichever suits you.", "Take it 8 A M or 8 P M, whichever suits you."),
    ("en-US", "metformin (ER) tablets", "metformin (extended release) tablets"),
    ("en-US", "If so, go now (ER)", "If so, go now (emergency room)"),
    ("en-GB", "BP fell by 13/8 mmHg", "B P fell by 13/8 millimeters of mercury"),
])
def test_what_a_second_read_of_the_twenty_second_and_third_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


def test_susp_before_what_is_suspected_does_not_end_a_sentence():
    from openleaf.source.sentences import split

    assert split("Admitted with susp. UTI and given antibiotics.") == ["Admitted with susp. UTI and given antibiotics."]


@pytest.mark.parametrize("written, given", [
    ("Liver tests: ALT less than 40.", "Liver tests: [[ ˈeɪ ]] L T less than 40."),
    ("Note: A GP will call.", "Note: a G P will call."),
    # At a sentence's start the article and the letter had been told apart by guessing from what came after:
    # "AML is" was "a M L", "A BMI over 30" the letters "A B M I".
    ("AML is a blood cancer.", "[[ ˈeɪ ]] M L is a blood cancer."),
    ("ADHD is common.", "[[ ˈeɪ ]] D H D is common."),
    ("AKI can follow dehydration.", "[[ ˈeɪ ]] K [[ ˈaɪ ]] can follow dehydration."),
    ("A BMI over 30 is obesity.", "a B M [[ ˈaɪ ]] over 30 is obesity."),
    ("A PTT test is done.", "a P T T test is done."),
    ("A&E is open.", "[[ ˈeɪ ænd ˈiː ]] is open."),
    ("Vitamins: A D E and K.", "Vitamins: [[ ˈeɪ ]] D E and K."),  # spelled by its writer: letters
    ("A U-shaped curve.", "a U-shaped curve."),
])
def test_a_capital_a_that_starts_a_spelled_run_is_a_letter_and_the_article_before_one_is_not(written, given):
    assert piper_given(written, "en-GB") == given


# A twenty-fifth reading: two English handouts (a baby's formula and reflux in Australia, a plan for low blood sugar
# in Canada), 92 of 95 and 98 of 103 on a first pass.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-AU", "Feed q2.5-3h; 1 scoop/60 mL; max 2 scoops/100 mL",
     "Feed every 2.5 to 3 hours; 1 scoop per 60 milliliters; at most 2 scoops per 100 milliliters"),
    ("en-CA", "glucagon 1 mg IM or SC; HealthLink BC at 811; Mild–moderate low; Moderate-severe low; a high-low mix",
     "glucagon 1 milligram into the muscle or under the skin; HealthLink B C at 8 1 1; Mild to moderate low; Moderate "
     "to severe low; a high-low mix"),
])
def test_what_a_twenty_fifth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# The twenty-fifth reading's other two handouts (hepatitis C treatment, a hernia repair in Britain): 110 of 119 and
# 116 of 119 on a first pass.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Sofosbuvir/Velpatasvir (Epclusa®) 400/100 mg treats hepatitis C GT 1-6. Platelets 150-400 K/µL. F3–F4.",
     "Sofosbuvir and Velpatasvir (Epclusa) 400 and 100 milligrams treats hepatitis C genotypes 1 to 6. Platelets 150 to "
     "400 thousand per microliter. F 3 to F 4."),
    ("en-GB", "Co-codamol 30/500; lactulose 15ml BD. Call for chest pain/SOB.",
     "Co-codamol 30 and 500; lactulose 15 milliliters twice a day. Call for chest pain or shortness of breath."),
    # near misses, said as before
    ("en-US", "Our GT 3 engine; ibuprofen/paracetamol", "Our G T 3 engine; ibuprofen or paracetamol"),
])
def test_what_the_twenty_fifth_reading_also_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A second read of the twenty-fourth and twenty-fifth readings' rules (301 sentences, 16 kinds of worse reading).
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "go to the nearest emergency room (ER)", "go to the nearest emergency room"),
    ("en-US", "metformin (ER) 500 mg", "metformin (extended release) 500 milligrams"),
    ("en-US", "Take 8 am / 8 pm with or without food. Turn the dose dial to 120 units.",
     "Take 8 A M and 8 P M with or without food. Turn the dose dial to 120 units."),
    ("en-US", "3 x 10 mm polyps; 2 x 5 mm kidney stones; 10 x 2 min walks; 4 in x 1 in; Leave Bluetooth ON.",
     "3 times 10 millimeters polyps; 2 times 5 millimeters kidney stones; 10 times 2 minute walks; 4 in x 1 in; Leave "
     "Bluetooth ON."),
    ("en-US", "sofosbuvir/velpatasvir/voxilaprevir; Number of symptoms: 8/22; Co-morbidities 3/5; Gamma GT 3 in hepatitis C",
     "sofosbuvir, velpatasvir and voxilaprevir; Number of symptoms: 8 out of 22; Co-morbidities 3/5; Gamma G T 3 in "
     "hepatitis C"),
    ("en-GB", "38+2/40 weeks; 38+1/40; 0500 to 1000 Units; Doses given 10/10/20 at 08:00",
     "38 weeks and 2 days; 38 weeks and 1 day; 0500 to 1000 Units; Doses given 10/10/20 at 8 A M"),
])
def test_what_a_second_read_of_the_twenty_fourth_and_fifth_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


def test_susp_before_a_capital_word_ends_its_sentence_but_not_before_an_acronym():
    from openleaf.source.sentences import split

    assert split("Use the oral susp. Discard after 14 days. Admitted with susp. UTI today.") == [
        "Use the oral susp.", "Discard after 14 days.", "Admitted with susp. UTI today."]


# A twenty-sixth reading: seven English handouts (after cataract surgery, clozapine in Canada, latent T B in Britain,
# a wisdom tooth in Australia; and three ordinary U.S. clinic handouts of about 45 notations each: PrEP, pneumonia,
# hydroxychloroquine), 175 of 187, 214 of 235 and 132 of 142 on a first pass.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "1 gtt OD QID; surgery was in the OD (right eye); 1 drop OU at bedtime; from POD 1",
     "1 drop in the right eye four times a day; surgery was in the right eye; 1 drop in both eyes at bedtime; from "
     "post-op day 1"),
    ("en-GB", "1 drop OD", "1 drop O D"),  # Britain's OD is once a day: no eye is named there
    ("en-US", "vision at least 20/40 after cataract surgery; readers (+1.50 to +2.50 D) are fine with glasses",
     "vision at least 20 40 after cataract surgery; readers (+1.50 to +2.50 diopters) are fine with glasses"),
    ("en-CA", "Constipation can be serious: if no BM x3 days, call. Next test Thurs. 2025/07/03",
     "Constipation can be serious: if no bowel movement for 3 days, call. Next test Thursday July 3rd, 2025"),
    ("en-GB", "pyridoxine (vit B6) 10mg OD; Length: 3/12; every Weds at 10:30; Outpatients Dept, NG7 2UH",
     "pyridoxine (vitamin B6) 10 milligrams once a day; Length: 3 months; every Wednesday at 10:30; Outpatients "
     "Department, N G 7, 2 U H"),
    ("en-AU", "Pain on D3-5 after the extraction; When: D1–D7; removed under LA/GA; no driving 24 hrs after GA",
     "Pain on day 3 to 5 after the extraction; When: day 1 to 7; removed under local or general anaesthetic; no driving "
     "24 hours after a general anaesthetic"),
    ("en-AU", "QID / q6h; ice 20 min on / 20 min off; Cnr Darcy & Hawkesbury Rds, Westmead NSW 2145",
     "four times a day or every 6 hours; ice 20 minutes on, 20 minutes off; Corner Darcy and Hawkesbury Roads, "
     "Westmead N S W 2 1 4 5"),
    ("en-AU", "wcoh-enquiries@health.nsw.gov.au; eyecare@lakeside-eye.org",
     "W C O H dash enquiries at health dot N S W dot gov dot A U; eye care at lakeside dash eye dot org"),
    ("en-US", "HIV test (Ag/Ab); take PrEP daily; PEP within 72 hours; Check: RR (breaths per minute)",
     "H I V test (antigen and antibody); take Prep daily; Pep within 72 hours; Check: breathing rate (breaths per "
     "minute)"),
    ("en-US", "Hydroxychloroquine (Plaquenil). Rheumatology.org. Accessed September 14, 2026.",
     "Hydroxychloroquine (Plaquenil). Rheumatology dot org. Accessed, September 14th, 2026."),
    ("en-US", "Go to the emergency department / call 911. Medicine / dose: none",
     "Go to the emergency department or call, 9 1 1. Medicine or dose: none"),
])
def test_what_a_twenty_sixth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Vitamin D3 1000 units a day after surgery", "Vitamin D3 1000 units a day after surgery"),  # no day
    ("en-US", "At 20/40 weeks the scan is done", "At 20/40 weeks the scan is done"),  # no eye in it
    ("en-US", "LA County health department", "L A County health department"),
    ("en-US", "GA 28 weeks at the scan", "G A 28 weeks at the scan"),
    ("en-US", "5 mg/kg/day; 2 puffs/dose; take 5 / 10 tablets",
     "5 milligrams per kilogram per day; 2 puffs per dose; take 5 out of 10 tablets"),
])
def test_what_the_twenty_sixth_readings_rules_leave_as_they_were(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A second read of the twenty-sixth reading's rules (220 sentences; 43 read worse at first): each now as before or right.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Naloxone can reverse an OD; look for pinpoint pupils. Your OD will check your eyes.",
     "Naloxone can reverse an O D; look for pinpoint pupils. Your O D will check your eyes."),
    ("en-CA", "ramipril 5 mg OD, latanoprost 1 drop OU at bedtime; Acetazolamide 250 mg OD for glaucoma",
     "ramipril 5 milligrams once a day, latanoprost 1 drop in both eyes at bedtime; Acetazolamide 250 milligrams once "
     "a day for glaucoma"),
    ("en-US", "Take 2 puffs / dose; up to 8 puffs / day; 2,000 calories / day; Infusion rate: 2 units / hour",
     "Take 2 puffs per dose; up to 8 puffs per day; 2000 calories per day; Infusion rate: 2 units per hour"),
    ("en-US", "BMI = weight (kg) / height (m) squared; Dose / kg is shown",
     "B M I equals weight (kilograms) / height (m) squared; Dose / kilograms is shown"),
    ("en-US", "After bariatric surgery, take D3 2000 IU daily; D50 after surgery; She had D4-D5 spinal surgery",
     "After bariatric surgery, take D3 2000 international units daily; D50 after surgery; She had D4-D5 spinal "
     "surgery"),
    ("en-US", "Savannah, GA 31405 surgery center; Risperidone LA injection; New Orleans, LA 70112: tooth extraction",
     "Savannah, G A 3 1 4 0 5 surgery center; Risperidone L A injection; New Orleans, L A 7 0 1 1 2: tooth extraction"),
    ("en-US", "Babies fed BM have softer stools; BM biopsy results; stool test normal",
     "Babies fed B M have softer stools; B M biopsy results; stool test normal"),
    ("en-US", "Steroid inhalers cut attacks (RR 0.6) in people with breathing problems",
     "Steroid inhalers cut attacks (R R 0.6) in people with breathing problems"),
    ("en-US", "Wear 3 D glasses at the cinema; Ice on for 20 min / off for 20 min; Email hwang@clinic.org",
     "Wear 3 D glasses at the cinema; Ice on for 20 minutes, off for 20 minutes; Email hwang at clinic dot org"),
    ("en-GB", "Go to Ward B3 2ND floor", "Go to Ward B3 2ND floor"),
    ("en-AU", "In NSW 2023 saw a record flu season; In WA 2000 people caught measles",
     "In N S W 2023 saw a record flu season; In W A 2000 people caught measles"),
    ("en-US", "A U.S. study found fewer falls. Dialysis Tuesday / Thursday; Health 811 / Telehealth; 9247 / 9248",
     "a U S study found fewer falls. Dialysis Tuesday and Thursday; Health 8 1 1 or Telehealth; 9247 / 9248"),
])
def test_what_a_second_read_of_the_twenty_sixth_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A twenty-seventh reading: seven English handouts (breast cancer's endocrine therapy in the US, C. difficile in
# Britain, a prostate biopsy in Canada, rheumatic fever in New Zealand; three ordinary British GP handouts), 193 of 208,
# 161 of 180 and 141 of 146 on a first pass.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Your cancer was ER+ and/or PR+; HER2- status; get a DEXA scan; with SSRIs; joint aches (with AIs)",
     "Your cancer was E R positive and or P R positive; HER2 negative status; get a Dexa scan; with S S R I's; joint "
     "aches (with A I's)"),
    ("en-US", "re: your results; Room: Rm. 4B; Start date: ___/___/20___; ASCO guideline",
     "about your results; Room: Room 4B; Start date: blank; ASCO guideline"),
    ("en-GB", "a GDH+/toxin+ result; see www.nhs.uk/conditions/c-difficile; Leaflet v3.1, issued 4 June 2025",
     "a G D H positive and toxin positive result; see N H S dot U K slash conditions slash C difficile; Leaflet "
     "version 3.1, issued the 4th of June 2025"),
    ("en-CA", "Grade Group (GG 1–5) in prostate cancer; call Health Connect Ontario: 811 or 1‑866‑797‑0000",
     "Grade Group (Grade Group 1 to 5) in prostate cancer; call Health Connect Ontario: 8 1 1 or 1, 8 6 6, 7 9 7, "
     "0 0 0 0"),
    ("en-NZ", "Bicillin L-A 1.2 million units (1,200,000 U) IM; or 111 in an emergency; Dose: 600 000 units IM",
     "Bicillin L A 1.2 million units (1200000 units) into the muscle; or 1 1 1 in an emergency; Dose: 600 thousand "
     "units into the muscle"),
    ("en-NZ", "swab (GAS +ve); penicillin V 500 mg bd-tds; Day: Sat; Hours: 9am-12 noon; After that: 09/05/25.",
     "swab (G A S positive); penicillin V 500 milligrams two or three times a day; Day: Saturday; Hours: 9 A M to 12 "
     "noon; After that: the 9th of May 2025."),
    ("en-NZ", "More info: healthify.nz/rheumatic-fever.", "More info: healthify dot N Z slash rheumatic fever."),
    ("en-GB", "800 IU OD; mometasone 50 micrograms/spray, 2 sprays each nostril OD; Grains per m³ of air",
     "800 international units once a day; mometasone 50 micrograms per spray, 2 sprays each nostril once a day; "
     "Grains per cubic meter of air"),
    ("en-US", "labs at week 4 (about 8/11/25); NPO after MN; SpO2 ≥ 92% on RA; Ht 5'6\"; ≤ 2 g Na/day; Tues 11/3 @ 2pm",
     "labs at week 4 (about August 11th, 2025); nothing by mouth after midnight; S P O 2 at least 92 percent on room "
     "air; Height 5 feet 6 inches; at most 2 grams sodium per day; Tuesday November 3rd at 2 P M"),
    ("en-US", "INR 2.0–3.0", "I N R 2.0 to 3.0"),  # one abbreviation and its reading alone: no heading in capitals
    ("en-US", "BP ≥ 140/90", "B P at least 140 over 90"),
])
def test_what_a_twenty_seventh_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "STEP 1", "STEP 1"),  # a heading in capitals is still left to the voice
    ("es-ES", "SAMU: 131.", "SAMU: 131."),
    ("en-US", "Scores: 10/12/14.", "Scores: 10/12/14."),  # no recent year: no date
    ("en-US", "Insulin: 8/10/20 units", "Insulin: 8/10/20 units"),
    ("en-US", "Ms Smith; OKs; NSAIDs", "Miz Smith; OKs; NSAIDs"),  # no plural of letters
    ("en-US", "1 600 000 units; v3.1.2024", "1 600 000 units; v3.1.2024"),
])
def test_what_the_twenty_seventh_readings_rules_leave_as_they_were(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("written, given", [
    ("Take SSRIs and AIs.", "Take S S R [[ ˈaɪz ]] and [[ ˈeɪ ]] [[ ˈaɪz. ]]"),  # the plural of a spelled I: "eyes"
    ("Group A Strep; avoid vitamin A.", "Group [[ ˈeɪ ]] Strep; avoid vitamin [[ ˈeɪ. ]]"),  # the letter, not "uh"
    ("Join a support group a few times.", "Join a support group a few times."),
])
def test_the_plural_of_a_spelled_abbreviation_and_a_group_letter_are_said_as_letters(written, given):
    assert piper_given(written) == given


# A second read of the twenty-seventh reading's rules (255 sentences; 63 read worse at first), mended.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Tablet strengths: 2/4/20; Score: 3/12/25; Next visit: 9/5/25; Date and time: 6/3/26, 2200",
     "Tablet strengths: 2/4/20; Score: 3/12/25; Next visit: September 5th, 2025; Date and time: June 3rd, 2026, 2200"),
    ("en-US", "TABLE 2.1", "TABLE 2.1"),  # a heading in capitals, not one abbreviation and its reading
    ("en-US", "TEMP 37.5", "TEMP 37.5"),
    ("en-US", "FEV1 80%", "F E V 1 80 percent"),
    ("en-US", "Oxygen helps people on RA drugs; SpO2 92% on RA",
     "Oxygen helps people on R A drugs; S P O 2 92 percent on room air"),
    ("en-US", "based at MN Community Health; NPO after MN", "based at M N Community Health; nothing by mouth after midnight"),
    ("en-US", "Days: Sat & Sun", "Days: Saturday and Sunday"),
    ("en-US", "ER+/HER2- cancer; O+ve blood; HER2+ve; V2.1 form; 9 AM-12 noon",
     "E R positive and HER2 negative cancer; O positive blood; HER2 positive; version 2.1 form; 9 A M to 12 noon"),
    ("en-US", "RE: your visit", "about your visit"),
    ("en-GB", "penicillin V 500 mg bd–tds", "penicillin V 500 milligrams two or three times a day"),
    ("en-US", "Type I diabetes and Type II diabetes", "Type 1 diabetes and Type 2 diabetes"),
])
def test_what_a_second_read_of_the_twenty_seventh_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("spoken, given", [
    ("Use during pregnancy is not recommended.", "Use during pregnancy is not recommended."),
    ("Use beyond 7 days can cause rebound congestion.", "Use beyond 7 days can cause rebound congestion."),
    ("Do not use heating pads.", "Do not [[ jˈuːz ]] heating pads."),
    ("Use sunscreen when you are outdoors.", "[[ jˈuːz ]] sunscreen when you are outdoors."),
    ("Use prednisolone acetate.", "[[ jˈuːz ]] prednisolone acetate."),
])
def test_use_is_the_noun_before_its_verb_and_the_verb_beginning_an_instruction(spoken, given):
    assert piper_given(spoken, written=False) == given


# A twenty-eighth reading: eight English handouts, six of them ordinary clinic handouts of about 45 notations (US: low
# back pain, reflux, strep throat; Britain: emergency contraception; Australia: scabies; Canada: folic acid), 141 of 144
# and 143 of 149 on a first pass; two dense (pancreatitis in the US, kidney injury sick-day rules in Britain) 234 of 245.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Raise the head of your bed 6-8 in.", "Raise the head of your bed 6 to 8 inches."),
    ("en-US", "4 in x 1 in", "4 in x 1 in"),
    ("en-AU", "Child 2 mths-5 yrs", "Child 2 months to 5 years"),
    ("en-GB", "Call NHS 111 or, in an emergency, 999. Open Mon-Sat 9am-6pm.",
     "Call N H S 1 1 1 or, in an emergency, 9 9 9. Open Monday to Saturday 9 A M to 6 P M."),
    ("en-CA", "Deaf and hard of hearing: call 7-1-1.", "Deaf and hard of hearing: call 7 1 1."),
    ("en-US", "500 lipase units/kg/meal; ondansetron 4 mg ODT; SAMHSA helpline; e-mail gi.nurses@lakeshore.org",
     "500 lipase units per kilogram per meal; ondansetron 4 milligrams orally dissolving tablet; Samsa helpline; e-mail G I "
     "dot nurses at lake shore dot org"),
    ("en-GB", "furosemide 40 mg o.m.; the word SADMAN; hospital number RX1 234567; check your BG if you take insulin",
     "furosemide 40 milligrams in the morning; the word SADMAN; hospital number R X 1 2 3 4 5 6 7; check your blood "
     "glucose if you take insulin"),
    ("es-ES", "escriba a mi.getafe@salud.madrid.org", "escriba a mi punto getafe arroba salud punto madrid punto org"),
])
def test_what_a_twenty_eighth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


def test_a_site_the_reference_names_is_not_said_twice():
    # the forty-fifth reading heard "heart dot org. Accessed, April 10th, 2026. Online at heart dot org."
    from openleaf.formats.edition import spoken_reference

    labels = {"online": "Online at {site}.", "and": "and"}
    text = "American Heart Association. Angina. heart.org. Accessed April 10, 2026. https://www.heart.org/en/angina"
    assert spoken_reference(text, {}, labels) == "American Heart Association. Angina. heart.org. Accessed April 10, 2026."
    text = "Health Service Executive. H. pylori. HSE.ie. Accessed 20 January 2025. https://www2.hse.ie/conditions/h-pylori/"
    assert spoken_reference(text, {}, labels).endswith("HSE.ie. Accessed 20 January 2025.")
    text = "Southern African HIV Clinicians Society. ART. SAHCS. Accessed 2025. https://sahivsoc.org/patients"
    assert spoken_reference(text, {}, labels).endswith("Online at https://sahivsoc.org/patients.")  # another name
    text = "Assurance Maladie. ameli.fr [Internet]. Disponible sur: https://www.ameli.fr/asthme"
    assert spoken_reference(text, {}, labels).endswith("Disponible sur: https://www.ameli.fr/asthme.")  # after its lead


def test_an_online_article_number_after_the_pages_is_not_said_with_the_year():
    from openleaf.formats.edition import spoken_reference

    text = "Wilson RD. Folic acid. J Obstet Gynaecol Can. 2022;44(6):707-719.e1."
    assert spoken_reference(text, {}, {"online": "Online at {site}.", "and": "and"}).endswith("Can. 2022.")
    # pages that are both online ones, joined by a hyphen that does not break (a twenty-sixth French reading)
    text = "Macones GA. Care. Am J Obstet Gynecol. 2019;221(3):247.e1\u2011247.e9. doi:10.1016/j.ajog.2019.04.012"
    assert spoken_reference(text, {}, {"online": "Online at {site}.", "and": "and"}).endswith("Gynecol. 2019.")


# A second read of the twenty-eighth reading's rules (175 sentences; 54 worse at first, 7 lines of real handouts, all
# of them "use"), mended; and a twenty-ninth reading: nine ordinary clinic handouts of about 48 notations (US: bladder
# control, an ankle sprain, a tick bite; Britain: threadworms, conjunctivitis, chickenpox; Australia: nappy rash;
# Canada: acne; New Zealand: warts), 137 of 148, 145 of 146 and 138 of 145 on a first pass.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "Last reviewed: 3/6/25; Date of birth: 4/7/25", "Last reviewed: March 6th, 2025; Date of birth: April 7th, 2025"),
    ("en-GB", "Nil by mouth after MN; Fasting from MN; SpO2 on RA: 95%; 96% (on RA)",
     "Nil by mouth after midnight; Fasting from midnight; S P O 2 on room air: 95 percent; 96 percent (on room air)"),
    ("en-US", "Box breathing: 4 in, 4 hold, 4 out", "Box breathing: 4 in, 4 hold, 4 out"),
    ("en-US", "a rash > 5 cm (2 in.); a bump (< 2 in.)", "a rash greater than 5 centimeters (2 inches); a bump (less than 2 inches)."),
    ("en-US", "Open Tue-Sat and Thu–Sat", "Open Tuesday to Saturday and Thursday to Saturday"),
    ("en-GB", "RE: 6/9, LE: 6/12", "RE: 6/9, LE: 6/12"),  # the right eye's sight, not "about"
    ("en-US", "HCV GT1 800000 IU/mL", "H C V genotype 1 800000 international units per milliliter"),
    ("en-US", "During the heat emergency, 112 people were admitted. Emergency – 999",
     "During the heat emergency, 112 people were admitted. Emergency – 9 9 9"),
    ("en-US", "Take 2-1-1 tablets; an ODT; PEG 3350 17 g; a PEG tube",
     "Take 2-1-1 tablets; an orally dissolving tablet; P E G 33 50 17 grams; a PEG tube"),
    ("en-US", "Type I and type II diabetes; Type-II diabetes", "Type 1 and type 2 diabetes; Type 2 diabetes"),
    ("en-US", "ER-/PR-/HER2- cancer; HR+/HER2– cancer",
     "E R negative, P R negative and HER2 negative cancer; hormone receptor positive and HER2 negative cancer"),
    ("en-US", "Leak? (Y/N); Urine (small/med/large); start in your 20s or 30s",
     "Leak? (yes or no); Urine (small, medium or large); start in your twenties or thirties"),
    ("en-US", "Hold each stretch for 20 or 30s.", "Hold each stretch for 20 or 30s."),
    ("en-CA", "In Ontario, call Health811 at 811.", "In Ontario, call Health 8 1 1 at 8 1 1."),
    ("en-AU", "Use 1% hydrocortisone BD for 7 days.", "Use 1 percent hydrocortisone twice a day for 7 days."),
    ("en-US", "www.lakeviewuc.com/ankle; orthoinfo.aaos.org; www.cdc.gov/ticks; dermnetnz.org",
     "lakeview U C dot com slash ankle; ortho info dot A A O S dot org; C D C dot gov slash ticks; derm net N Z dot org"),
    ("en-US", "e-mail do-not-reply@x.org or contact.us@x.org", "e-mail do dash not dash reply at X dot org or contact dot us at X dot org"),
    ("en-GB", "Use them in the affected eye(s); take 1 tablet(s)", "Use them in the affected eyes; take 1 tablet"),
])
def test_what_a_second_read_of_the_twenty_eighth_and_a_twenty_ninth_reading_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("written, given", [
    ("How to Plan A Healthy Week", "How to Plan A Healthy Week"),  # a verb before the article
    ("Stage A heart failure", "Stage [[ ˈeɪ ]] heart failure"),
])
def test_a_lone_capital_a_after_a_noun_that_names_letters_is_the_letter(written, given):
    assert piper_given(written) == given


# A second read of the twenty-ninth reading's rules (212 sentences; 43 worse at first, none in real handouts), mended;
# and a thirtieth reading: six ordinary clinic handouts (earwax, mononucleosis, poison ivy in the US; sinusitis in
# Britain, cold sores in Australia, travellers' diarrhoea in Canada), 122 of 124 and 141 of 143 on a first pass.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-GB", "Mr BD Jones; made by BD and Novo; people with BD; hydrocortisone BD",
     "Mr B D Jones; made by B D and Novo; people with B D; hydrocortisone twice a day"),
    ("en-US", "TTY users: 7-1-1; Take 2-1-1 tablets", "T T Y users: 7 1 1; Take 2-1-1 tablets"),
    ("en-US", "Patients coming from MN for surgery; Fasting from MN",
     "Patients coming from M N for surgery; Fasting from midnight"),
    ("en-US", "www.x.org/pcos; www.x.org/ncbi", "X dot org slash P C O S; X dot org slash N C B I"),
    ("en-US", "allergy(ies); child(ren); Mr(s) Smith", "allergies; children; Mr(s) Smith"),
    ("en-GB", "RE: 2 week wait referral", "about 2 weeks wait referral"),
    ("en-US", "ed.smith@x.org", "ed dot smith at X dot org"),
    ("en-US", "NovoRapid: 4/6/20", "NovoRapid: 4/6/20"),  # doses, not a date
    ("en-US", "ER+/PR-/HER2+ cancer", "E R positive, P R negative and HER2 positive cancer"),
    ("en-US", "ENThealth.org; apply t.i.d. (3 times a day); QDS (4 x a day)",
     "E N T health dot org; apply three times a day; four times a day"),
    ("en-CA", "Published by Prairie Travel Health Clinic, Calgary AB. Call Health Link at 811.",
     "Published by Prairie Travel Health Clinic, Calgary, Alberta. Call Health Link at 8 1 1."),
])
def test_what_a_second_read_of_the_twenty_ninth_and_a_thirtieth_reading_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("written, given", [
    ("Medicare Part A covers hospital stays.", "Medicare Part [[ ˈeɪ ]] covers hospital stays."),
    ("Use with caution in people who drink.", "[[ jˈuːz ]] with caution in people who drink."),
    ("Use protection every time you have sex.", "[[ jˈuːz ]] protection every time you have sex."),
    ("Storage and use instructions", "Storage and use instructions"),
])
def test_what_a_second_read_of_the_twenty_ninth_found_in_what_the_voice_is_given(written, given):
    assert piper_given(written) == given


# A second read of the thirtieth reading's rules (219 sentences; 47 worse at first, 3 lines of real handouts: "ed"),
# mended; and a thirty-first reading: six ordinary clinic handouts (a child's burn, haemorrhoids and motion sickness in
# the US; an ingrown toenail in Britain, a bee sting in Australia, teething in New Zealand), 133 of 138 and 136 of 143.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-AU", "ed.smith@x.org; ed.families@x.org; cairns-ed-followup@x.org",
     "ed dot smith at X dot org; E D dot families at X dot org; cairns dash E D dash followup at X dot org"),
    ("en-CA", "Suspected PE. Blood Group AB, Hormonal BC.", "Suspected P E. Blood Group A B, Hormonal B C."),
    ("en-GB", "Nil by mouth from MN", "Nil by mouth from midnight"),
    ("en-US", "Take 2 tablet(s) for 5 day(s)", "Take 2 tablets for 5 days"),
    ("en-GB", "RE: 18 mmHg", "R E: 18 millimeters of mercury"),  # the right eye's pressure
    ("en-GB", "Change from BD to OD", "Change from twice a day to O D"),
    ("en-US", "hydrocortisone 1% cream BID-TID; a blister bigger than 1/2 in.",
     "hydrocortisone 1 percent cream two or three times a day; a blister bigger than half an inch."),
    ("en-NZ", "NZF for Children, v. 155; the 300mcg device", "N Z F for Children, version 155; the 300 microgram device"),
    ("en-GB", "Tues 17 Feb", "Tuesday the 17th of February"),
    ("en-US", "www.riversidefm.org/gi", "riverside F M dot org slash G I"),
    ("en-GB", "CALMzone.org; BCCancer.ca; CDCFoundation.org; NPSmedicinewise.org.au",
     "Calm zone dot org; B C cancer dot C A; C D C foundation dot org; N P S medicine wise dot org dot A U"),
])
def test_what_a_second_read_of_the_thirtieth_and_a_thirty_first_reading_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("spoken, given", [
    ("Use with alcohol increases drowsiness.", "Use with alcohol increases drowsiness."),
    ("Use sunscreen to help prevent burns.", "[[ jˈuːz ]] sunscreen to help prevent burns."),
    # A bracket beside a block of sounds: Piper ran them into the next word and said the stop after it, "colon".
    ("Dose (120 milligrams per 5 milliliters): 3.5 milliliters.",
     "Dose (120 milligrams per 5 [[ mˈɪlᵻlˌiːɾɚz: ]] 3.5 [[ mˈɪlᵻlˌiːɾɚz. ]]"),
    ("Dose (milliliters) twice", "Dose [[ mˈɪlᵻlˌiːɾɚz ]] twice"),
])
def test_what_the_voice_is_given_around_a_bracket_and_after_use(spoken, given):
    assert piper_given(spoken, written=False) == given


# A second read of the thirty-first reading's rules (213 sentences; 43 worse at first), mended; and a thirty-second
# reading: six ordinary clinic handouts (hand, foot and mouth disease, nosebleeds and sleep in the US; a baby's thrush in
# Britain, a sprained wrist in Australia, constipation in Canada), 136 of 138 and 137 of 145 on a first pass.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "A wound longer than 1 1/2 in.", "A wound longer than 1 and a half inches."),
    ("en-US", "6 months v. 12 months", "6 months v. 12 months"),  # versus
    ("en-CA", "Halifax, NS, B3H 4R2", "Halifax, Nova Scotia, B 3 H, 4 R 2"),
    ("en-CA", "Blood Group AB at the hospital clinic", "Blood Group A B at the hospital clinic"),
    ("en-GB", "Re: 6-week check", "about 6 week check"),
    ("en-US", "Patients travelling from MN; Ward 12 Jan Smith", "Patients travelling from M N; Ward 12 Jan Smith"),
    ("en-AU", "PO Box 48, Brisbane", "P O Box 48, Brisbane"),  # not "by mouth Box"
    ("en-US", "TID–QID; BID/TID; the 300mcg inhalers", "three or four times a day; two or three times a day; the 300 "
     "microgram inhalers"),
    ("en-GB", "available from BD. Change from BD to OD.", "available from B D. Change from twice a day to O D."),
    ("en-GB", "Reference: ENThealth. Online at www.enthealth.org/conditions/nosebleeds",
     "Reference: E N T health. Online at E N T health dot org slash conditions slash nosebleeds"),
    ("en-CA", "visit ontario.ca/health811; a quarter of a 5ml spoon", "visit ontario dot C A slash health 8 1 1; a "
     "quarter of a 5 milliliter spoon"),
])
def test_what_a_second_read_of_the_thirty_first_and_a_thirty_second_reading_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("spoken, given", [
    ("Use sunscreen daily – it reduces burns.", "[[ jˈuːz ]] sunscreen daily – it reduces burns."),
    ("Use ice every time your knee is swollen.", "[[ jˈuːz ]] ice every time your knee is swollen."),
    ("Use during pregnancy to treat nausea has not been studied.",
     "Use during pregnancy to treat nausea has not been studied."),
])
def test_use_with_an_object_is_an_instruction_and_with_a_preposition_may_be_a_noun(spoken, given):
    assert piper_given(spoken, written=False) == given


# A thirty-third reading: six ordinary clinic handouts (a dog bite, hives and lactose intolerance in the US; an ear
# after swimming in Britain, a broken toe in Australia, COVID-19 at home in Canada), 139 of 141 and 150 of 150.
def test_a_sentence_in_lower_case_inside_an_utterance_begins_with_a_capital_for_the_voice():
    # Piper ran "Pregnancy. healthdirect." into one sentence; the article "a" before letters stays as it is.
    assert piper_given("Reference 3. Pregnancy. healthdirect dot gov. Accessed, May 2.", written=False) == (
        "Reference 3. Pregnancy. Healthdirect dot gov. Accessed, May 2.")
    assert piper_given("Note. a B M I over 30.", written=False) == "Note. a B M [[ ˈaɪ ]] over 30."


# A thirty-fourth reading: six ordinary clinic handouts (a urinary catheter at home, a sore throat and razor bumps in the
# US; athlete's foot in Britain, a febrile convulsion in Australia, an infected ear piercing in Canada), 152 of 155 and
# 137 of 143 on a first pass.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-US", "A 16 Fr catheter; 3+ loose stools a day", "A 16 French catheter; 3 or more loose stools a day"),
    ("en-US", "larger than 1/4 in. (about 6 mm)", "larger than a quarter of an inch (about 6 millimeters)"),
])
def test_what_a_thirty_fourth_reading_found_is_said_right(lang, written, spoken):
    assert normalize(written, lang) == spoken


# A second read of the last rules (247 sentences; 25 worse at first, 11 lines of real handouts: a capital after "C." and
# "Main St." had made Piper end a sentence there), mended.
@pytest.mark.parametrize("lang, written, spoken", [
    ("en-GB", "from 1 Apr to 30 Apr; Seen on 12 Jan by Dr Patel; Ward 12 Jan Smith",
     "from the 1st of April to the 30th of April; Seen on the 12th of January by Dr Patel; Ward 12 Jan Smith"),
    ("en-US", "Oxygen levels in the 80s", "Oxygen levels in the eighties"),
    ("en-US", "Take 10 mg PO. Box the remaining tablets.", "Take 10 milligrams by mouth. Box the remaining tablets."),
    ("en-GB", "BNF v. 86; Increase to 5 mg and BD.", "B N F version 86; Increase to 5 milligrams and twice a day."),
])
def test_what_a_second_read_of_the_last_rules_found(lang, written, spoken):
    assert normalize(written, lang) == spoken


def test_a_lower_case_word_after_an_abbreviations_stop_stays_in_its_sentence():
    assert piper_given("C. diff is a gut infection. Main St. office.", written=False) == (
        "C. diff is a gut infection. Main St. office.")


# A thirty-fifth reading counted a date's day said as a plain number ("Reviewed on 1 October 2026": "one October",
# "November fifteen") six times in 143 notations: English says the day of a month as an ordinal.
@pytest.mark.parametrize("lang, text, said", [
    ("en-GB", "Reviewed on 1 October 2026.", "Reviewed on the 1st of October 2026."),
    ("en-AU", "Accessed 15 July 2025.", "Accessed, the 15th of July 2025."),
    ("en-CA", "Reviewed on November 15, 2026.", "Reviewed on November 15th, 2026."),
    ("en-GB", "Seen 3–5 June; due 22/9/2026. 14 March 2025.", "Seen the 3rd to the 5th of June; due the 22nd of September 2026. "
     "The 14th of March 2025."),
    ("en-US", "Seen June 3–5; due 9/22/2026; closed Dec 24–Jan 2 for the holidays.",
     "Seen June 3rd to 5th; due September 22nd, 2026; closed December 24th to January 2nd for the holidays."),
    ("en-GB", "The 2 March visit", "The 2nd of March visit"),
    # a month's name beside a number that is no day: said as before
    ("en-US", "2 May help; June 2 patients; in May 2026; Jan 5 mg.", "2 May help; June 2 patients; in May 2026; Jan 5 milligrams."),
])
def test_an_english_day_of_a_month_is_said_as_an_ordinal(lang, text, said):
    assert normalize(text, lang) == said


# The thirty-fifth reading (six ordinary handouts: a knee sprain, Bell's palsy and heat exhaustion in the US; a chest
# infection in Britain, whooping cough in Australia and frostbite in Canada): 170 of 175 and 136 of 143.
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "Keep the A/C set to 72-78°F.", "Keep the air conditioning set to 72 to 78 degrees Fahrenheit."),
    ("en-US", "Check the urine A/C ratio.", "Check the urine A to C ratio."),  # albumin to creatinine, as before
    ("en-US", "Wear the elastic (ACE) wrap; an ACE inhibitor.", "Wear the elastic (Ace) wrap; an A C E inhibitor."),
    ("en-US", "The facial nerve (cranial nerve VII) swells.", "The facial nerve (cranial nerve 7) swells."),
    ("en-US", "Put a ¼-in. strip inside the lid; make a 2-in. cut.",
     "Put a quarter-inch strip inside the lid; make a 2-inch cut."),
    ("en-US", "Set the crutch 1-1½ in. (2-3 fingers) below your armpit.",
     "Set the crutch 1 to 1 and a half inches (2 to 3 fingers) below your armpit."),
    ("en-GB", "Dose: 1g (2 × 500 mg tablets) QDS.", "Dose: 1 gram (2 of the 500 milligram tablets) four times a day."),
    ("en-US", "People with Type I or II diabetes.", "People with Type 1 or 2 diabetes."),
    ("en-AU", "Call healthdirect on 1800 022 222 or 1300 882 924.",
     "Call healthdirect on 1 800, 0 2 2, 2 2 2 or 13 hundred, 8 8 2, 9 2 4."),
])
def test_what_a_thirty_fifth_reading_found_is_said_right(lang, text, said):
    assert normalize(text, lang) == said


def test_a_numbered_line_before_a_word_in_lower_case_ends_for_the_voice():
    # Piper ran "Reference 1. healthdirect Australia" into one sentence: "Reference one healthdirect Australia".
    assert piper_given("Reference 1. healthdirect Australia. Row 12. blood glucose", written=False) == (
        "Reference 1. Healthdirect Australia. Row 12. Blood glucose")


# A second read of the thirty-fifth reading's rules (231 sentences aimed at them) and the thirty-sixth reading
# (six ordinary handouts: 144 of 144 and 144 of 147).
@pytest.mark.parametrize("lang, text, said", [
    # a month's name before a count, a street, a numbered day: no date
    ("en-US", "By May 5 to 10 percent; in June 2 to 3 weeks; In May 1 or 2 doses were missed.",
     "By May 5 to 10 percent; in June 2 to 3 weeks; In May 1 or 2 doses were missed."),
    ("en-AU", "15 May Street; 3 March Road; on day 3 March 2026", "15 May Street; 3 March Road; on day 3 March 2026"),
    # a day after a word that leads to a date, before any word; a reference's bracket; a spaced dash
    ("en-US", "on April 1 if needed; Starting October 2 we close; [cited 2026 Jan 2]; December 31 – January 2",
     "on April 1st if needed; Starting October 2nd we close; [cited 2026 January 2nd]; December 31st – January 2nd"),
    # A/C in its other senses
    ("en-US", "Take insulin A/C (before meals); avoid hot showers.", "Take insulin A or C (before meals); avoid hot showers."),
    ("en-US", "Your A/C joint was injured in the heat.", "Your A or C joint was injured in the heat."),
    ("en-US", "Keep the A/C on in hot weather.", "Keep the air conditioning on in hot weather."),
    # inches as an adjective
    ("en-US", "Cut 1-2-in. pieces; a 1½-in. cut; a 2.5-in. strip; breathe 4-in and 8-out.",
     "Cut 1 to 2-inch pieces; a 1 and a half-inch cut; a 2.5-inch strip; breathe 4-in and 8-out."),
    ("en-US", "Cut a strip 1 1/2 in. long; set it 1-1½ in. below.",
     "Cut a strip 1 and a half inches long; set it 1 to 1 and a half inches below."),
    ("en-US", "CN VII; take 1 × 500 mg tablet; Type I or II hypersensitivity.",
     "C N 7; take one 500 milligram tablet; Type 1 or 2 hypersensitivity."),
    # Australia's numbers, one or the other emergency number
    ("en-AU", "Call 1800-022-222 or 1300 882 924.", "Call 1 800, 0 2 2, 2 2 2 or 13 hundred, 8 8 2, 9 2 4."),
    ("en-IE", "If you are very unwell, call 112/999.", "If you are very unwell, call, 1 1 2 or 9 9 9."),
    # notation the readings had noted and left
    ("en-US", "Use PEG 3350 daily; apply Lamisil AT.", "Use P E G 33 50 daily; apply Lamisil A T."),
    ("en-US", "The ER team will see you. ER visits rose.", "The emergency room team will see you. emergency room visits rose."),
    ("en-GB", "Take it BD/TDS; QID/PRN; 1 puff/dose.",
     "Take it twice a day or three times a day; four times a day or as needed; 1 puff per dose."),
    ("en-NZ", "See www.kidshealth.org.nz/grommets.", "See kids health dot org dot N Z slash grommets."),
])
def test_what_a_second_read_of_the_thirty_fifth_and_a_thirty_sixth_reading_found(lang, text, said):
    assert normalize(text, lang) == said


# The thirty-seventh reading (six ordinary handouts: a colposcopy, a tension headache and a vasectomy in the US; fasting
# bloods in Britain, a toddler's vomiting in Australia, a pre-travel visit in Canada): 177 of 181 and 147 of 151.
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", '"3/14, 3:30 p.m., pain 5/10"', '"March 14th, 3:30 P M, pain 5 out of 10"'),
    ("en-US", "Pain 5/10, 3:30 p.m.", "Pain 5 out of 10, 3:30 P M."),  # a score before an hour, as before
    ("en-US", "Your test was HPV+ and HIV+; AB+ blood; OHIP+ covers it.",
     "Your test was H P V positive and H I V positive; A B positive blood; OHIP+ covers it."),
    ("en-US", "A LEEP removes tissue; see CATMAT.", "a LEEP removes tissue; see CATMAT."),
    ("en-US", "Check the portal at www.northgateuro.com.", "Check the portal at northgate uro dot com."),
    ("en-US", "Visit us at 2250 W. Elm St., or 1200 Main Street. In 2003 W. Bush spoke.",
     "Visit us at 22 50 West Elm Street, or 12 hundred Main Street. In 2003 W. Bush spoke."),
    ("en-US", "Take TMP-SMX DS 1 tab BID.", "Take T M P S M X double strength 1 tablet twice a day."),
    ("en-GB", "Day: 1st Sat of the month.", "Day: 1st Saturday of the month."),
    ("en-AU", "Dilute apple juice 1:4 with water; a temperature ≥ 38.5°C; fever ≥38 °C.",
     "Dilute apple juice 1 part to 4 parts with water; a temperature of at least 38.5 degrees Celsius; "
     "fever of at least 38 degrees Celsius."),
    ("en-CA", "Your prescription: azithromycin 1 g PO x1.", "Your prescription: azithromycin 1 gram by mouth once."),
])
def test_what_a_thirty_seventh_reading_found_is_said_right(lang, text, said):
    assert normalize(text, lang) == said


def test_acetaminophen_is_given_to_piper_as_it_is_said():
    # espeak-ng, which Piper uses for its sounds, says "ASS-it-am-in-AH-fen"
    assert piper_given("Take acetaminophen daily.") == "Take [[ əsˌiːɾəmˈɪnəfən ]] daily."


# A second read of the thirty-sixth reading's rules (228 sentences of the reviewer's own).
@pytest.mark.parametrize("lang, text, said", [
    # a number after a month and a leading word that counts something: no date
    ("en-US", "From April 2 tablets a day. Before June 4 mg. Due June 30 days after. On June 2 of the 10 patients.",
     "From April 2 tablets a day. Before June 4 milligrams. Due June 30 days after. On June 2 of the 10 patients."),
    # a range of days before any other word
    ("en-US", "On May 5 and 6 we are closed. March 1–15 only.", "On May 5th and 6th we are closed. March 1st to 15th only."),
    # two emergency numbers only where an emergency is spoken of
    ("en-GB", "The response rate was 112/999 (11%). If very unwell call 112/999. Call 111/999.",
     "The response rate was 112/999, (11 percent). If very unwell call, 1 1 2 or 9 9 9. Call, 1 1 1 or 9 9 9."),
    # ER: a release's form, a tumour's receptor, a place to go
    ("en-US", "The ER formulation; the ER status; ER-positive tumour; go to the ER; The ER team; hospital/ER.",
     "The extended release formulation; the E R status; E R-positive tumour; go to the emergency room; "
     "The emergency room team; hospital or the emergency room."),
    ("en-US", "Turn on the A/C in the car.", "Turn on the air conditioning in the car."),
    ("en-US", "Apply a 1 1/2-in. strip; take PEG-3350 or PEG3350.", "Apply a 1 and a half-inch strip; take P E G 33 50 or P E G 33 50."),
    # a word of a web path or an e-mail name is itself; a site's name may be two words
    ("en-AU", "See healthdirect.gov.au/platelets or e-mail thanking@northgate.org.",
     "See health direct dot gov dot A U slash platelets or e-mail thanking at north gate dot org."),
])
def test_what_a_second_read_of_the_thirty_sixth_reading_found(lang, text, said):
    assert normalize(text, lang) == said


# Readers noted in every round a gloss heard twice once its abbreviation was said ("once daily (qd)"): said once.
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "Brush it on once daily (qd) at bedtime; take 10 mg at bedtime (qhs).",
     "Brush it on once daily at bedtime; take 10 milligrams at bedtime."),
    ("en-GB", "Haemoglobin (Hb) is low; Bedtime (qhs): 1 tablet.", "Haemoglobin is low; Bedtime: 1 tablet."),
    # a gloss that adds something stays
    ("en-US", "Take it twice a day (morning and night); paracetamol (acetaminophen); one tablet (1 tab).",
     "Take it twice a day (morning and night); paracetamol (acetaminophen); one tablet (1 tablet)."),
])
def test_a_gloss_that_says_again_what_was_just_said_is_said_once(lang, text, said):
    assert normalize(text, lang) == said


# The thirty-eighth reading (six ordinary handouts: starting sertraline, a wrist fracture and a home sleep test in the
# US; a head injury in Britain, a skin biopsy in Australia, a dislocated shoulder in Canada): 142 of 145, 140 of 143;
# and a second read of the thirty-seventh's rules (192 sentences).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "Our 4th St. office; St. John's wort.", "Our 4th Street office; Saint John's wort."),
    ("en-US", "Call or text 988 or visit 988lifeline.org.", "Call or text, 9 8 8 or visit 9 8 8 lifeline dot org."),
    ("en-US", "Turn the device OFF, then ON.", "Turn the device off, then ON."),
    ("en-GB", "Your GCS was 15/15; 7/15 items.", "Your G C S was 15 out of 15; 7 out of 15 items."),
    ("en-AU", "A wider excision with a 1–2 cm margin; a 200 mL glass.",
     "A wider excision with a 1 to 2 centimeter margin; a 200 milliliter glass."),
    # the second read
    ("en-US", "The ER is open 24 hours. The ER formulation lasts longer.",
     "The emergency room is open 24 hours. The extended release formulation lasts longer."),
    ("en-US", "Take it at 1:30 with milk.", "Take it at 1:30 with milk."),  # a time: no word of mixing
    ("en-US", "Dilute 1:4 with sterile water. Mix 1:9 parts water.",
     "Dilute 1 part to 4 parts with sterile water. Mix 1 part to 9 parts water."),
    ("en-US", "By March 31 of each year. On July 4 people gather. On June 2 of the 10 patients.",
     "By March 31st of each year. On July 4th people gather. On June 2 of the 10 patients."),
    ("en-US", "Visit us at 1000 Main Street or 1100 Oak Road.", "Visit us at 1000 Main Street or 11 hundred Oak Road."),
    ("en-GB", "In an emergency, 112/999 (free from any phone).", "In an emergency, 1 1 2 or 9 9 9 (free from any phone)."),
    ("en-US", "Take 1 tab A/C on an empty stomach.", "Take 1 tablet before meals on an empty stomach."),
    ("en-US", "If you have no A/C, use a fan in the heat.", "If you have no air conditioning, use a fan in the heat."),
    ("en-US", "NHS+ scheme; ESPN+; HIV+ result; HBsAg+.", "N H S+ scheme; E S P N+; H I V positive result; HBsAg positive."),
    ("en-US", "3rd Sat-nav; Temp ≥ 38 °C; SMX-TMP DS.", "3rd Sat-nav; Temp of at least 38 degrees Celsius; S M X T M P double strength."),
])
def test_what_a_thirty_eighth_reading_and_a_second_read_found_is_said_right(lang, text, said):
    assert normalize(text, lang) == said


# A second read of the thirty-eighth reading's rules (326 sentences), and the thirty-ninth reading (six ordinary
# handouts: prediabetes, a mammogram callback and a shoulder impingement in the US; carpal tunnel in Britain, a
# child's collarbone in Australia, knee osteoarthritis in Canada): 134 of 135 and 145 of 146.
@pytest.mark.parametrize("lang, text, said", [
    # a gloss naming another thing, or saying more, stays
    ("en-US", "Take prednisone (or prednisolone). Hypertension (or prehypertension). Take it on Monday (every Monday).",
     "Take prednisone (or prednisolone). Hypertension (or prehypertension). Take it on Monday (every Monday)."),
    ("en-GB", "Liver function test (LFTs); anaesthetise (anesthetize) it.", "Liver function test; anaesthetise it."),
    ("en-US", "Turn on the A/C.", "Turn on the air conditioning."),
    ("en-US", "VRE+ and PCR+ swabs; O+ blood; NHS+.", "V R E positive and P C R positive swabs; O positive blood; N H S+."),
    ("en-US", "Mix at 1:10 with water.", "Mix at 1 part to 10 parts with water."),
    ("en-US", "On June 2 of 10 patients. March 12 out of 20 patients.", "On June 2 of 10 patients. March 12 out of 20 patients."),
    ("en-US", "Our ER is open. The IDEA trial.", "Our emergency room is open. The IDEA trial."),
])
def test_what_a_second_read_of_the_thirty_eighth_and_a_thirty_ninth_reading_found(lang, text, said):
    assert normalize(text, lang) == said


# The fortieth reading (six ordinary handouts: allergy shots, morning sickness and a kidney function letter in the US;
# tennis elbow in Britain, impetigo in New Zealand, iron studies in Australia): 142 of 147 and 141 of 148; and a
# second read of the thirty-ninth's rules (189 sentences).
@pytest.mark.parametrize("lang, text, said", [
    ("en-GB", "Some pain (up to 3/10 on a pain scale) is fine.", "Some pain (up to 3 out of 10 on a pain scale) is fine."),
    ("en-GB", "Sets x reps: 1 x 10; Sets x reps: 3 x 15.", "Sets and reps: 1 set of 10; Sets and reps: 3 sets of 15."),
    ("en-AU", "Our centre at 112 High St is open.", "Our centre at 112 High Street is open."),
    ("en-US", "Urine ACR (albumin/creatinine); lose > 5 lb.", "Urine A C R (albumin to creatinine); lose more than 5 pounds."),
    ("en-US", "See ACAAI.org or www.asthmaandlung.org.uk.", "See A C A A I dot org or asthma and lung dot org dot U K."),
    # the second read
    ("en-US", "Take your ER metformin. Our ER is open.", "Take your extended release metformin. Our emergency room is open."),
    ("en-AU", "Check BGL A/C and turn the patient.", "Check B G L A or C and turn the patient."),
    ("en-US", "Drink it at 1:30 with water.", "Drink it at 1:30 with water."),
    ("en-US", "Mix at 1:10 with water.", "Mix at 1 part to 10 parts with water."),
    ("en-GB", "Oesophagus (esophagus); 5 millilitres (milliliters); behaviour (behavior).", "Oesophagus; 5 millilitres; behaviour."),
    ("en-US", "PCR+/-; COVID-19+ result; blood type O+; O- blood; an A+ type rating.",
     "P C R plus or minus; COVID-19 positive result; blood type O positive; O negative blood; an A+ type rating."),
    ("en-US", "On July 4 out of intensive care; after April 1 of 2026; March 12 out of 20.",
     "On July 4th out of intensive care; after April 1st of 2026; March 12 out of 20."),
])
def test_what_a_fortieth_reading_and_a_second_read_found_is_said_right(lang, text, said):
    assert normalize(text, lang) == said


# The forty-first reading (six ordinary handouts: a bone density letter, breastfeeding and a gallbladder operation in
# the US; a cervical screening letter in Britain, an ear infection in Australia, diverticulitis in Ireland): 148 of
# 150 and 143 of 147; and a second read of the fortieth's rules (178 sentences).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "Lumbar spine (L1-L4); a disc at C5–C6.", "Lumbar spine (L1 to L4); a disc at C5 to C6."),
    ("en-GB", "Dear Ms Patel, we will write around Jan 2026.", "Dear Miz Patel, we will write around January 2026."),
    ("en-AU", "Paracetamol every 4–6 hrly as needed; 4–6 hrly.", "Paracetamol every 4 to 6 hours as needed; every 4 to 6 hours."),
    ("en-IE", "Portion: ½ tin (200 g); 1/2 the bottle.", "Portion: half a tin (200 grams); one half the bottle."),
    # the second read
    ("en-US", "Go to your ER right away. Visit your nearest ER. Take your ER metformin.",
     "Go to your emergency room right away. Visit your nearest emergency room. Take your extended release metformin."),
    ("en-US", "Do 3 x 8-12 reps.", "Do 3 times 8 to 12 reps."),
    ("en-US", "Give 2 x 10 units of insulin; the pen sets the dose.", "Give 2 times 10 units of insulin; the pen sets the dose."),
    ("en-US", "Make sure the patient stays in a room with A/C in the heat.",
     "Make sure the patient stays in a room with air conditioning in the heat."),
    ("en-US", "Mix at 1:50 with water.", "Mix at 1 part to 50 parts with water."),
    ("en-US", "Allowed up to 3/10 of next year. Up to 10/10 pain.", "Allowed up to 3/10 of next year. Up to 10 out of 10 pain."),
    ("en-US", "Type A- and B-related. Blood type: O+. In 2019 Mary St was busy.",
     "Type A- and B-related. Blood type: O positive. In 2019 Mary St was busy."),
])
def test_what_a_forty_first_reading_and_a_second_read_found_is_said_right(lang, text, said):
    assert normalize(text, lang) == said


def test_a_sentence_after_a_bracket_begins_with_a_capital_for_the_voice():
    # Piper said "otitis media dot healthdirect"
    assert piper_given("Ear infection (otitis media). healthdirect.", "en-AU", written=False) == (
        "Ear infection (otitis media). Healthdirect.")


# A second read of the forty-first reading's rules (198 sentences).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "Take 1 1/2 tablet or 1 ½ tablet; the ½ tablet; ½ tin.",
     "Take 1 and a half tablet or 1 and a half tablet; the half tablet; half a tin."),
    ("en-GB", "If your blood type is A- and you are pregnant, you need anti-D.",
     "If your blood type is A negative and you are pregnant, you need anti-D."),
    ("en-US", "Mix the powder and drink it at 1:30 with water.", "Mix the powder and drink it at 1:30 with water."),
    ("en-US", "Patient to take glipizide 5 mg A/C; discharge home today.",
     "Patient to take glipizide 5 milligrams before meals; discharge home today."),
    ("en-US", "Switch to your ER metformin.", "Switch to your extended release metformin."),
    ("en-US", "Visit us at 2010 Park St near the bus stop. In 2020 High St was closed.",
     "Visit us at 2010 Park Street near the bus stop. In 2020 High St was closed."),
    ("en-US", "Up to 3/10 of the time.", "Up to 3 out of 10 of the time."),
    ("en-US", "The T1-T2 weighted image; C2-C3-C4.", "The T1-T2 weighted image; C2-C3-C4."),
    ("en-AU", "Every 4–6 hrly as needed.", "Every 4 to 6 hours as needed."),
])
def test_what_a_second_read_of_the_forty_first_reading_found(lang, text, said):
    assert normalize(text, lang) == said


# The forty-second reading (six ordinary handouts: a FIT kit, glaucoma drops and a diet after a gastric sleeve in the
# US; the combined pill in Britain, a dental abscess in New Zealand, a skin excision in Australia): 154 of 154 and
# 142 of 145; and a second read of the forty-first's mends (208 sentences), which found "Go to your ER as soon as
# possible" said as a tablet's release.
@pytest.mark.parametrize("lang, text, said", [
    ("en-GB", "Extra precautions?: No. Driving: No. Your hospital no. and NHS No. 943 476 5919.",
     "Extra precautions?: No. Driving: No. Your hospital number and N H S number 9 4 3, 4 7 6, 5 9 1 9."),
    ("en-US", "Practice Bulletin No. 222; no. of doses; Ref no. 12345.",
     "Practice Bulletin number 222; number of doses; Ref number 12345."),
    ("en-GB", "Microgynon 30 (ethinylestradiol 30 mcg / levonorgestrel 150 mcg).",
     "Microgynon 30 (ethinylestradiol 30 micrograms and levonorgestrel 150 micrograms)."),
    ("en-US", "Take amoxicillin 875 mg/clavulanate 125 mg twice a day.",
     "Take amoxicillin 875 milligrams and clavulanate 125 milligrams twice a day."),
    ("en-GB", "Alternate paracetamol 500 mg / ibuprofen 400 mg every 4 hours.",
     "Alternate paracetamol 500 milligrams or ibuprofen 400 milligrams every 4 hours."),
    ("en-NZ", "bpacnz. Antibiotics. 2022.", "B pac N Z. Antibiotics. 2022."),
    ("en-US", "Call 1-800-784-8669, 1-800-QUIT-NOW or (800) 222-1222; not 1-888-555-0199.",
     "Call 1 800, 7 8 4, 8 6 6 9, 1 800, QUIT-NOW or 800, 2 2 2, 1 2 2 2; not 1, 8 8 8, 5 5 5, 0 1 9 9."),
    ("en-US", "Dialysis is Tue-Thu-Sat; the clinic Mon-Wed-Thu-Fri; open Mon-Fri.",
     "Dialysis is Tuesday, Thursday and Saturday; the clinic Monday, Wednesday, Thursday and Friday; open Monday to Friday."),
    # the second read
    ("en-US", "Go to your ER as soon as possible. Return to your ER if it gets worse.",
     "Go to your emergency room as soon as possible. Return to your emergency room if it gets worse."),
    ("en-US", "Change to your ER tablets next week.", "Change to your extended release tablets next week."),
    ("en-US", "Dilute bleach at 1:10 with water.", "Dilute bleach at 1 part to 10 parts with water."),
    ("en-US", "Take a cool shower and turn on the A/C.", "Take a cool shower and turn on the air conditioning."),
    ("en-US", "Take metformin 500 mg A/C breakfast; metformin 500 mg PO A/C in summer.",
     "Take metformin 500 milligrams before breakfast; metformin 500 milligrams by mouth before meals in summer."),
    ("en-US", "The C5-C6 images; the T1-T2 images; T1-T2 weighted.", "The C5 to C6 images; the T1-T2 images; T1-T2 weighted."),
    ("en-US", "Take 1-1/2 tablets; a 1/2 cup; 1/2 apple; 1-1½ in. wide.",
     "Take 1 and a half tablets; a half cup; half an apple; 1 to 1 and a half inches wide."),
])
def test_what_a_forty_second_reading_and_a_second_read_found_is_said_right(lang, text, said):
    assert normalize(text, lang) == said


# The forty-third reading (six ordinary handouts: a coeliac diet, starting tamsulosin and care after a birth in the
# US; compression stockings in Britain, scarlet fever in Ireland, a bluebottle sting in Australia) and a second read
# of the forty-second's mends.
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "AUA Guideline Part I—Initial Work-up. Phase I trial. Part I think is hard.",
     "A U A Guideline Part 1—Initial Work-up. Phase 1 trial. Part I think is hard."),
    ("en-US", "A score ≥ 10 means you should talk to us.", "A score of at least 10 means you should talk to us."),
    ("en-IE", "Ring SouthDoc on 1850 335 999. Published by Ballincollig Family Practice, Co. Cork. Smith & Co. Ltd.",
     "Ring SouthDoc on 1 8 5 0, 3 3 5, 9 9 9. Published by Ballincollig Family Practice, County Cork. Smith and Co. Ltd."),
    ("en-AU", "Emergency: 000 (112 from a mobile). Open 9am–5pm Sun, ph 13 11 26.",
     "Emergency: triple zero (1 1 2 from a mobile). Open 9 A M to 5 P M Sunday, phone 13 11 26."),
    ("en-GB", "An applicator costs about £10–£15 from a pharmacy.", "An applicator costs about 10 to 15 pounds from a pharmacy."),
    # the second read
    ("en-US", "Bring this leaflet to your ER. Take your child to your ER right away. Report to your ER.",
     "Bring this leaflet to your emergency room. Take your child to your emergency room right away. Report to your emergency room."),
    ("en-US", "Go back to your ER medication. Go back to your ER morphine. Keep to your ER schedule.",
     "Go back to your extended release medication. Go back to your extended release morphine. Keep to your extended release schedule."),
    ("en-US", "In hot weather turn on A/C or use a fan.", "In hot weather turn on air conditioning or use a fan."),
    ("en-US", "Reference: No. AB 12345.", "Reference: number A B 12345."),
    ("en-US", "Adults 500 mg / children 250 mg.", "Adults 500 milligrams or children 250 milligrams."),
])
def test_what_a_forty_third_reading_and_a_second_read_found_is_said_right(lang, text, said):
    assert normalize(text, lang) == said


# The forty-fourth reading (six ordinary handouts: a kidney biopsy, a walking programme for leg arteries and a scratched
# cornea in the US; sulfasalazine blood tests in Britain, boils in New Zealand, ringworm in Australia).
@pytest.mark.parametrize("lang, text, said", [
    ("en-GB", "Stop if WBC < 3.5 x 10⁹/L. Name and DOB.",
     "Stop if W B C less than 3.5 times 10 to the power of 9 per liter. Name and date of birth."),
    ("en-NZ", "1 cap QID x 5/7 ac", "1 capsule four times a day for 5 days before meals"),
    ("en-NZ", "New Zealand Formulary. v.160. Smith v. Jones.", "New Zealand Formulary. version 160. Smith v. Jones."),
    ("en-US", "Walk at 2 mph. Vision: 20/40 in the hurt eye (OD), 20/20 in the other eye (OS).",
     "Walk at 2 miles per hour. Vision: 20 40 in the hurt eye (right eye), 20 20 in the other eye (left eye)."),
    # the second read of the forty-third's mends
    ("en-US", "No. NSAIDs can hurt.", "No. NSAIDs can hurt."),
    ("en-US", "Adults 500 mg/children 250 mg.", "Adults 500 milligrams or children 250 milligrams."),
    ("en-US", "Go to your local ER ASAP. Go to your ER Monday to Friday. Go to your ER alone.",
     "Go to your local emergency room A S A P. Go to your emergency room Monday to Friday. Go to your emergency room alone."),
    ("en-US", "Go back to your ER Seroquel. Switch you to your ER.",
     "Go back to your extended release Seroquel. Switch you to your extended release."),
    ("en-AU", "We recruited 112 from a mobile unit.", "We recruited 112 from a mobile unit."),
    ("en-AU", "3pm Sun is strongest.", "3 P M Sun is strongest."),
    ("en-US", "Phase I/II trial.", "Phase I or II trial."),
    ("en-IE", "Ring 1850 60 90 90.", "Ring 1 8 5 0, 6 0, 9 0, 9 0."),
])
def test_what_a_forty_fourth_reading_found_is_said_right(lang, text, said):
    assert normalize(text, lang) == said


@pytest.mark.parametrize("lang, given", [
    ("en-NZ", "Health Navigator N [[ zˈɛd ]]"), ("en-GB", "Health Navigator N [[ zˈɛd ]]"),
    ("en-CA", "Health Navigator N [[ zˈɛd ]]"), ("en-US", "Health Navigator N Z"),
])
def test_a_spelled_z_is_zed_where_english_says_zed(lang, given):
    # the forty-fourth reading counted "zee" six times in a New Zealand handout, in the one American voice
    assert piper_given("Health Navigator NZ", lang) == given



# A second read of the forty-fourth's mends (184 sentences).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "Go back to your ER 750 mg once daily.", "Go back to your extended release 750 milligrams once daily."),
    ("en-US", "Return to your ER OxyContin.", "Return to your extended release OxyContin."),
    ("en-US", "Go back to your ER hydromorphone.", "Go back to your extended release hydromorphone."),
    ("en-GB", "Call emergency services on 112 from a mobile.", "Call emergency services on 1 1 2 from a mobile."),
    ("en-AU", "Open 9am–1pm Sat only.", "Open 9 A M to 1 P M Saturday only."),
    ("fr-FR", "En Amérique du Nord, LSD, kétamine.", "En Amérique du Nord, L S D, kétamine."),
    ("en-US", "Take 1 (OD) for your eye pressure.", "Take 1 (O D) for your eye pressure."),
])
def test_what_a_second_read_of_the_forty_fourth_reading_found(lang, text, said):
    assert normalize(text, lang) == said


# The forty-fifth reading (141 of 150 in three U.S. handouts; 144 of 147 in Irish, Canadian and South African ones).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "Call if < 2 BMs in 24 h. Goal: 2-3 soft BMs a day.",
     "Call if less than 2 bowel movements in 24 hours. Goal: 2 to 3 soft bowel movements a day."),
    ("en-US", "Low Na can make HE worse. Na: 135 mEq/L.", "Low sodium can make H E worse. sodium: 135 milliequivalents per liter."),
    ("en-US", "Toxins such as ammonia (NH3) build up.", "Toxins such as ammonia build up."),
    ("en-US", "NTG 0.4 mg SL q5min PRN chest pain.",
     "N T G 0.4 milligrams under the tongue every 5 minutes as needed for chest pain."),
    ("en-US", "Give a 240 mL bolus. After 2 days flush the tube.", "Give a 240 milliliter bolus. After 2 days flush the tube."),
    ("en-ZA", "Collect a 2–3 month supply.", "Collect a 2 to 3 month supply."),  # was "months supply"
    ("en-US", "ASPEN Safe Practices.", "ASPEN Safe Practices."),  # said as the word, not "A S P E N"
    ("en-ZA", "Written by Sr. Nomvula Dlamini, RN.", "Written by Sister Nomvula Dlamini, R N."),
    ("en-US", "John Smith Sr. called. Sr. Director Jane Doe.", "John Smith Senior called. Senior Director Jane Doe."),
    ("en-ZA", "In an emergency, call 10177 or 112.", "In an emergency, call 1 0 1 7 7 or 1 1 2."),
    ("en-US", "Call 10177 for details.", "Call 10177 for details."),  # South Africa's ambulance only there
    ("en-IE", "The Maastricht VI/Florence consensus report. The Rome IV criteria.",
     "The Maastricht 6 Florence consensus report. The Rome 4 criteria."),
    ("en-US", "Follow the IV guidelines.", "Follow the I V guidelines."),  # a line into a vein, not a number
])
def test_what_a_forty_fifth_reading_found_is_said_right(lang, text, said):
    assert normalize(text, lang) == said


# A second read of the forty-fourth's mends and the tidy after it (249 sentences).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "If it does not stop, go to your ER NOW. Go to your nearest ER OR call 911.",
     "If it does not stop, go to your emergency room NOW. Go to your nearest emergency room OR call, 9 1 1."),
    ("en-US", "Call your ER telephone number. Go to your ER online.",
     "Call your emergency room telephone number. Go to your emergency room online."),  # not a medicine's release
    ("en-US", "Go back to your ER MS Contin. Go back to your ER sertraline.",
     "Go back to your extended release M S Contin. Go back to your extended release sertraline."),
    ("en-US", "Go back to your ER ADHD medicine.", "Go back to your extended release A D H D medicine."),
    ("en-US", "Eye pressure readings: 24 (OD), 22 (OS). Vision was 6/6 (OU) at the eye check.",
     "Eye pressure readings: 24 (right eye), 22 (left eye). Vision was 6/6 (both eyes) at the eye check."),
    ("en-CA", "Use 1 drop (OU) 4 times a day for dry eyes.", "Use 1 drop (both eyes) 4 times a day for dry eyes."),
    ("en-US", "Take 1 (OD) for your dry eyes.", "Take 1 (O D) for your dry eyes."),  # once a day, not the right eye
])
def test_what_a_second_read_of_the_forty_fifth_changes_found(lang, text, said):
    assert normalize(text, lang) == said


# The forty-sixth reading (148 of 149 in three U.S. handouts; 140 of 149 in British, Australian and Indian ones).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "Write the date, e.g. 10/03: trace.", "Write the date, for example, October 3rd: trace."),  # a diary's day
    ("en-GB", "e.g. 10/03: trace", "for example, the 10th of March: trace"),
    ("en-US", "Score 7/10: good.", "Score 7 out of 10: good."),
    ("en-US", "6+ bloody stools/day", "6 or more bloody stools per day"),
    ("en-IN", "Azithromycin 500 mg tab OD x 7 days.", "Azithromycin 500 milligram tablet once a day for 7 days."),
    ("en-GB", "How often: TDS (3 times a day). Glucagon 1 mg IM or SC.",
     "How often: three times a day. Glucagon 1 milligram into the muscle or under the skin."),
    ("en-IN", "Paracetamol 650 mg tab SOS for fever.", "Paracetamol 650 milligram tablet when needed for fever."),
    ("en-US", "Send an SOS signal.", "Send an S O S signal."),
    ("en-IN", "The Widal titre of 1:80 is not enough.", "The Widal titre of 1 in 80 is not enough."),
    ("en-IN", "Cost: ₹ 800; visit ₹150; Rs. 500.", "Cost: 800 rupees; visit 150 rupees; 500 rupees."),
    ("en-IN", "Nurse: 98220 45610.", "Nurse: 9 8 2 2 0, 4 5 6 1 0."),  # India's mobile, five and five
    ("en-US", "Between 98220 45610 steps.", "Between 98220 45610 steps."),
    ("en-IN", "More information: ncdc.mohfw.gov.in.", "More information: N C D C dot M O H F W dot gov dot I N."),
    ("en-AU", "Priya Natarajan, MBBS, FRANZCOG", "Priya Natarajan, M B B S, F RANZCOG"),
    ("en-US", "calcipotriene/betamethasone gel; UVB at 311 nm", "calcipotriene and betamethasone gel; U V B at 311 nanometers"),
])
def test_what_a_forty_sixth_reading_found_is_said_right(lang, text, said):
    assert normalize(text, lang) == said


# A second read of the forty-fifth's mends (217 sentences).
@pytest.mark.parametrize("lang, text, said", [
    ("en-IN", "Dr. Priya Sharma, Sr. Gynaecologist", "Doctor Priya Sharma, Senior Gynaecologist"),
    ("en-US", "Veterans and Sr. Citizens; call Sr. Services.", "Veterans and Senior Citizens; call Senior Services."),
    ("en-GB", "From Sr. Mary Jones (Sr. Anne Kelly)", "From Sister Mary Jones (Sister Anne Kelly)"),
    ("en-GB", "Ask Sr. Naidoo. Speak with Sr. Brown, the Nurse Unit Manager.",
     "Ask Sister Naidoo. Speak with Sister Brown, the Nurse Unit Manager."),
    ("en-US", "Tom Green, Sr. Nutritionist; Sr. Midwife Rose Adams", "Tom Green, Senior Nutritionist; Senior Midwife Rose Adams"),
    ("en-US", "Instill 1 (OU) at bedtime for your eyes.", "Instill 1 (both eyes) at bedtime for your eyes."),
    ("en-US", "PRN chest pain spray", "as needed chest pain spray"),  # a medicine's name, not what it is for
    ("en-US", "Acetazolamide 250 mg 1 (OD) for eye pressure. Take 10 (OD) for eye pressure.",
     "Acetazolamide 250 milligrams 1 (O D) for eye pressure. Take 10 (O D) for eye pressure."),
    ("en-US", "Generation X report. The Rome IV Criteria; the Rome IV diagnostic criteria.",
     "Generation X report. The Rome 4 Criteria; the Rome 4 diagnostic criteria."),
    ("en-US", "1 to 3 BMs treated with radiosurgery to the brain", "1 to 3 B M's treated with radiosurgery to the brain"),
    ("en-US", "Loose BMs for 3 days. Toxins such as ammonia (NH₃).",
     "Loose bowel movements for 3 days. Toxins such as ammonia."),
    ("en-ZA", "There were 10111 new cases.", "There were 10111 new cases."),
])
def test_what_a_second_read_of_the_forty_fifth_mends_found(lang, text, said):
    assert normalize(text, lang) == said


# The forty-seventh reading (145 of 149 in three U.S. handouts; 140 of 149 in New Zealand, Irish and Canadian ones).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "MRI only if your system is MR-conditional.", "M R I only if your system is M R conditional."),
    ("en-US", "2+ shocks in 24 h: call 911.", "2 or more shocks in 24 hours: call, 9 1 1."),
    ("en-US", "Rinse it in milk or water x 10 sec.", "Rinse it in milk or water for 10 seconds."),
    ("en-NZ", "Given as an IM injection.", "Given as an intramuscular injection."),
    ("en-IE", "Mon–Fri 8.00–16.00, Sat 9.00–12.00.", "Monday to Friday 8 A M to 4 P M, Saturday 9 A M to 12 P M."),
    ("en-US", "Open 8:00-12:00.", "Open 8 o'clock to 12 noon."),
    ("en-IE", "In an emergency, phone 112 or 999.", "In an emergency, phone 1 1 2 or 9 9 9."),
    ("en-AU", "Phone 000.", "Phone triple zero."),
    ("en-IE", "For IVF and ICSI cycles (ESHRE).", "For I V F and ICSI cycles (ESHRE)."),  # said as words
])
def test_what_a_forty_seventh_reading_found_is_said_right(lang, text, said):
    assert normalize(text, lang) == said


def test_a_site_after_a_bracket_starts_a_sentence_for_the_voice():
    # "(I C D). heart dot org." was heard "I C D dot heart dot org", a web address
    assert piper_given("Living with an I C D (implanted device). heart dot org.").endswith("Heart dot org.")


# A second read of the forty-sixth's mends (220 sentences).
@pytest.mark.parametrize("lang, text, said", [
    ("en-ZA", "Call 10111 in an emergency.", "Call 1 0 1 1 1 in an emergency."),
    ("en-US", "A baby on breast milk can have up to 8 soft BMs a day.",
     "A baby on breast milk can have up to 8 soft bowel movements a day."),
    ("en-US", "Rate your pain, e.g. 7/10: severe pain. For example, 12/04: none.",
     "Rate your pain, for example, 7 out of 10: severe pain. For example, December 4th: none."),
    ("en-ZA", "Sr. Thandi's clinic", "Sister Thandi's clinic"),
    ("en-US", "After 30 min light exercise is fine. Use a 30 mL flush and a 311 nm light.",
     "After 30 minutes light exercise is fine. Use a 30 milliliter flush and a 311 nanometer light."),
    ("en-US", "Paracetamol PRN pain max 4 doses a day.", "Paracetamol as needed for pain at most 4 doses a day."),
    ("en-IN", "It costs ₹5 lakh.", "It costs 5 lakh rupees."),
    ("en-IN", "Sr. Creatinine 1.2 mg/dL; Sr. No. 3.", "serum Creatinine 1.2 milligrams per deciliter; serial number 3."),
    ("en-IN", "Take 500 mg tab OD (before breakfast).", "Take 500 milligram tablet once a day (before breakfast)."),
])
def test_what_a_second_read_of_the_forty_sixth_mends_found(lang, text, said):
    assert normalize(text, lang) == said


# The forty-eighth reading (140 of 149 in three U.S. handouts; 141 of 146 in British, Australian and South African ones).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "New shoes every 300-500 mi; about 6 mi a week.", "New shoes every 300 to 500 miles; about 6 miles a week."),
    ("en-US", "Run 1 min / walk 1 min x 10.", "Run 1 minute, then walk 1 minute 10 times."),  # in turn, not one or the other
    ("en-US", "Albumin 6-8 g per L removed.", "Albumin 6 to 8 grams per liter removed."),
    ("en-US", "Labs (BMP, Na, K, Cr)", "Labs (B M P, sodium, potassium, creatinine)"),
    ("en-AU", "Cases peak mostly from Dec to May.", "Cases peak mostly from December to May."),
    ("en-ZA", "150 mg is given IM every 12 weeks; next inj. due 14/07/2026.",
     "150 milligrams is given into the muscle every 12 weeks; next injection due the 14th of July 2026."),
    ("en-ZA", 'SMS "HELP" to 31531.', 'SMS "HELP" to 3 1 5 3 1.'),
    ("en-GB", "FODMAPs are sugars.", "FODMAPs are sugars."),  # a word, not letters
    ("en-US", "UVB uses 311 nm light. Sr Citizens ride free.", "U V B uses 311 nanometer light. Senior Citizens ride free."),
])
def test_what_a_forty_eighth_reading_found_is_said_right(lang, text, said):
    assert normalize(text, lang) == said


# A second read of the forty-seventh's mends (254 sentences).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "Bone marrow biopsy: 2 BMs were taken.", "Bone marrow biopsy: 2 B M's were taken."),
    ("en-US", "e.g. 5/6: mild cramps", "for example, May 6th: mild cramps"),  # a day; "7/10" is a score
    ("en-IN", "Call 98450 12000.", "Call 9 8 4 5 0, 1 2 0 0 0."),
    ("en-IE", "Sat 9.00–12.00, closed Sundays.", "Saturday 9 A M to 12 P M, closed Sundays."),
])
def test_what_a_second_read_of_the_forty_seventh_mends_found(lang, text, said):
    assert normalize(text, lang) == said


# The forty-ninth reading (138 of 148 in three U.S. handouts; 146 of 150 in British, Canadian and New Zealand ones).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", 'Use an 18G 1.5" needle, then a 22G 1-1.5" needle.',
     "Use an 18 gauge, 1.5 inch needle, then a 22 gauge, 1 to 1.5 inch needle."),  # "G" was heard as grams
    ("en-US", 'A 25G 5/8" needle; a 1/2" needle; the 18G needle.',
     "A 25 gauge, five eighths inch needle; a half inch needle; the 18 gauge needle."),
    ("en-US", "Hold the dose if Hct > 54%.", "Hold the dose if hematocrit greater than 54 percent."),
    ("en-US", "100 mg (0.5 mL) IM q1wk", "100 milligrams (0.5 milliliters) into the muscle every week"),
    ("en-US", "Insert at a 90° angle.", "Insert at a 90 degree angle."),
    ("en-US", "Start when your COWS score is ≥ 12.", "Start when your cows score is at least 12."),
    ("en-US", "Take 1 tab prn severe pain.", "Take 1 tablet as needed for severe pain."),
    ("en-CA", "Take it between 9:00 a.m. Sunday and 9:00 a.m. Monday.", "Take it between 9 A M Sunday and 9 A M Monday."),
])
def test_what_a_forty_ninth_reading_found_is_said_right(lang, text, said):
    assert normalize(text, lang) == said


# A second read of the forty-eighth's mends (311 sentences).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "Muscle strength (4/5: against resistance); grip strength 3/5", "Muscle strength (4 out of 5: against resistance); grip strength 3 out of 5"),  # not April 5th
    ("en-US", "Soft BMs after the bone marrow biopsy are normal.", "Soft bowel movements after the bone marrow biopsy are normal."),
    ("en-US", "Check Na, K+ and Mg.", "Check sodium, potassium and magnesium."),  # not "potassium plus"
    ("en-IN", "Sr. Vitamin D 12; Sr. Creat 1.1", "serum Vitamin D 12; serum creatinine 1.1"),
])
def test_what_a_second_read_of_the_forty_eighth_mends_found(lang, text, said):
    assert normalize(text, lang) == said


# A second read of the forty-ninth's mends (249 sentences).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", 'a 22G 1 1/2" needle; a 23G 1 1/4" needle; a 1/2" needle',
     "a 22 gauge, 1 and a half inch needle; a 23 gauge, 1 and a quarter inch needle; a half inch needle"),
    ("en-US", "Avoid the sun between 10 a.m. and 4 p.m. Sun protection matters.",
     "Avoid the sun between 10 A M and 4 P M. Sun protection matters."),  # "Sun" opens a sentence; "Sunday" goes on
    ("en-US", "Losartan-Hct 50/12.5 mg; Hgb/Hct normal", "Losartan-Hct 50 and 12.5 milligrams; hemoglobin or hematocrit normal"),
    ("en-GB", "e.g. 3/4: headache in the morning", "for example, the 3rd of April: headache in the morning"),  # a diary's day
])
def test_what_a_second_read_of_the_forty_ninth_mends_found(lang, text, said):
    assert normalize(text, lang) == said


# The fiftieth reading (138 of 144 in three U.S. handouts; 137 of 146 in Irish, Indian and Australian ones).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "Flush with 10 mL NS before and after (SASH).",
     "Flush with 10 milliliters of normal saline before and after (sash)."),
    ("en-CA", "Halifax, NS B3H 1V7", "Halifax, Nova Scotia B 3 H, 1 V 7"),  # a province, not saline
    ("en-US", "Ann Lee, RN, VA-BC", "Ann Lee, R N, V A B C"),
    ("en-IE", "Use a TENS machine.", "Use a tens machine."),
    ("en-IN", "Call the ambulance on 108, or Casualty on 044-2461 8800 (24 hrs).",
     "Call the ambulance on 1 0 8, or Casualty on 0 4 4, 2 4 6 1, 8 8 0 0, (24 hours)."),  # was "044 to 2461"
    ("en-IN", "Platelets < 1,00,000/µL; it costs ₹5,00,000 or Rs. 1,50,000.",
     "Platelets less than 100000 per microliter; it costs 500000 rupees or 150000 rupees."),  # a lakh, not "1 0 0 thousand"
    ("en-IN", "Tab. Paracetamol 500 mg: 1 tab SOS.", "Tablet Paracetamol 500 milligrams: 1 tablet when needed."),
    ("en-IN", "Priya Raman, B.Pharm", "Priya Raman, B Pharm"),
    ("en-AU", "The vaccine (Q-VAX 0.5 mL SC) is given.", "The vaccine (Q-Vax 0.5 milliliters under the skin) is given."),
])
def test_what_a_fiftieth_reading_found_is_said_right(lang, text, said):
    assert normalize(text, lang) == said


# A second read of the fiftieth's mends (204 sentences).
@pytest.mark.parametrize("lang, text, said", [
    ("en-CA", "If you live in NS, call the health line. The result was NS.", "If you live in N S, call the health line. The result was N S."),
    ("en-US", "Flush with NS. Hang 1 L NS. Use 0.9% NS.", "Flush with normal saline. Hang 1 liter of normal saline. Use 0.9 percent normal saline."),
    ("en-IN", "Fever (101°F or more); stay on 100 units. Ambulance 108.",
     "Fever (101 degrees Fahrenheit or more); stay on 100 units. Ambulance 1 0 8."),  # only an emergency number
    ("en-US", "Open 8 a.m. Saturdays and Sundays; 9 p.m. Mon, Wed and Fri.",
     "Open 8 A M Saturdays and Sundays; 9 P M Monday, Wednesday and Friday."),
    ("en-US", "Hct/Hgb ratio", "hematocrit or hemoglobin ratio"),
    ("en-US", "Record it (12/23: dizzy).", "Record it (December 23rd: dizzy)."),  # a day, not a score out of 23
])
def test_what_a_second_read_of_the_fiftieth_mends_found(lang, text, said):
    assert normalize(text, lang) == said


def test_a_site_whose_name_ends_in_four_consonants_is_spelled():  # "fascrs" was said as one word, "fascars"
    assert normalize("Online at fascrs.org and www.months.org", "en-US") == "Online at F A S C R S dot org and months dot org"


def test_a_piece_of_pattern_several_patterns_share_is_written_once():
    from openleaf.formats.audio.rules import pattern_rule

    rule = pattern_rule(0, {"match": r"\bq{fragment:hours}", "say": "every so often"}, fragments={"hours": r"\d+h\b"})
    assert rule.pattern.pattern == r"\bq\d+h\b"


def test_every_piece_of_pattern_a_table_names_is_in_that_table():  # a misspelt name would match nothing, silently
    import re
    import tomllib
    from pathlib import Path

    import openleaf.formats.audio as audio

    for path in sorted((Path(audio.__file__).parent / "speech").glob("*.toml")):
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        patterns = table.get("patterns", []) + [p for region in table.get("regions", []) for p in region.get("patterns", [])]
        named = {name for p in patterns for name in re.findall(r"\{fragment:(\w+)\}", p["match"])}
        assert named <= set(table.get("fragments", {})), path.name



# The fifty-second reading (140 of 140 in three U.S. handouts; 145 of 147 in British, New Zealand and Canadian ones)
# and a second read of the fifty-first's mends (225 sentences).
@pytest.mark.parametrize("lang, text, said", [
    ("en-GB", "Leaflet ref: END-014, v3.2, Feb 2025.", "Leaflet ref: END-014, version 3.2, February 2025."),
    ("en-NZ", "Dr Aroha Ngata, FRNZCGP", "Dr Aroha Ngata, F R N Z C G P"),
    ("en-US", "Online at lights.org, warmth.org and fascrs.org", "Online at lights dot org, warmth dot org and F A S C R S dot org"),
    ("en-US", "Start NS at 100 mL per hour through the IV. Use an NS flush. Dilute in NS. An NS flush.",
     "Start normal saline at 100 milliliters per hour through the I V. Use a normal saline flush. Dilute in normal saline. A normal saline flush."),
    ("en-CA", "NS Health runs a home IV program. Dr NS Rao. The difference was NS in IV fluids.",
     "N S Health runs a home I V program. Dr N S Rao. The difference was N S in I V fluids."),  # not saline
    ("en-IN", "Dial 108 or 102. Call an ambulance (108). Phone 1098 for the Childline.",
     "Dial 1 0 8 or 1 0 2. Call an ambulance (1 0 8). Phone 1 0 9 8 for the Childline."),
    ("en-IN", "Emergency visits (102); 102 or 104 a week in emergency.", "Emergency visits (102); 102 or 104 a week in emergency."),  # counts
    ("en-IN", "Rx: Tab. Paracetamol 500 mg.", "prescription: Tablet Paracetamol 500 milligrams."),
])
def test_what_a_fifty_second_reading_and_a_second_read_of_the_fifty_first_found(lang, text, said):
    assert normalize(text, lang) == said



# A last second read (158 sentences): the narrower rules of the mends before had lost real cases.
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "Start IV NS at 100 mL/hr. IV fluids (NS). Use D5W and NS. Bolus: NS. Continue NS.",
     "Start I V normal saline at 100 milliliters per hour. I V fluids (normal saline). Use D5W and normal saline. "
     "Bolus: normal saline. Continue normal saline."),
    ("en-CA", "Use NS 811 for advice. Give NS a call.", "Use N S 811 for advice. Give N S a call."),  # Nova Scotia
    ("en-IN", "Ambulance: 108 or 102 in an emergency. Women's helpline (181). Fire (101).",
     "Ambulance: 1 0 8 or 1 0 2 in an emergency. Women's helpline (1 8 1). Fire (1 0 1)."),
    ("en-IN", "Tab. Available in 250 mg.", "Tablet Available in 250 milligrams."),
])
def test_what_a_last_second_read_found(lang, text, said):
    assert normalize(text, lang) == said


def test_the_splitter_and_the_clock_times_agree_on_which_weekdays_go_on_after_the_hour():
    # one fact in two places that cannot share code (the splitter knows no speech table): they must not drift apart
    import tomllib
    from pathlib import Path

    import openleaf.formats.audio as audio
    from openleaf.source import sentences

    table = tomllib.loads((Path(audio.__file__).parent / "speech" / "en.toml").read_text(encoding="utf-8"))
    assert sentences._WEEKDAY_AFTER_THE_HOUR.pattern == table["fragments"]["weekday_after_the_hour"]


# The fifty-third reading (49 of 50, 44 of 46, 46 of 49 in three U.S. handouts; 49 of 50, 48 of 50, 45 of 47 in British,
# Australian and Irish ones), and notation left alone before (weekdays listed with stops, half-strength saline).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "Clinic hours: Mon. Wed. Fri. 8 a.m. to 4 p.m.; Tue. Thu. 9 to 5; labs Mon., Wed., and Fri.; see you Thur. at 3.",
     "Clinic hours: Monday, Wednesday and Friday 8 A M to 4 P M; Tuesday and Thursday 9 to 5; labs Monday, Wednesday and Friday; "
     "see you Thursday at 3."),
    ("en-US", "Open Mon. Wed. Fri. Come in Mon. Sun protection is key.",
     "Open Monday, Wednesday and Friday. Come in Monday. Sun protection is key."),
    ("en-US", "Run D5 1/2 NS at 75 mL/hr, then ½ NS at 50 mL/hr. Take 1/2 tablet.",  # half-strength saline, not "one half N S"
     "Run D5 half normal saline at 75 milliliters per hour, then half normal saline at 50 milliliters per hour. Take half a tablet."),
    ("en-US", "We aim for 85% of your predicted max. Do not go over the max. dose. Take 1 g q6h, max. 4 g/day.",
     "We aim for 85 percent of your predicted maximum. Do not go over the maximum dose. Take 1 gram every 6 hours, at most 4 grams per day."),
    ("en-US", "Food: NPO 4 hrs before your test. NPO 6-8 hours before surgery. An NPO 501 group.",
     "Food: nothing by mouth 4 hours before your test. nothing by mouth 6 to 8 hours before surgery. An N P O 501 group."),
    ("en-US", "The rest goes IM in a muscle. The vaccine goes IM. It is given IM into the upper arm.",
     "The rest goes intramuscularly in a muscle. The vaccine goes into the muscle. It is given intramuscularly into the upper arm."),
    ("en-US", "If day 0 was 4/14/25, the last is due on 4/28/25. Your score was 8/27. The dose was 10/10/10 units.",
     "If day 0 was April 14th, 2025, the last is due on April 28th, 2025. Your score was 8 out of 27. The dose was 10/10/10 units."),
    ("en-US", "ACSM's Guidelines; the CDC's advice; the NHS’s site; NICE's; SSRIs.",
     "A C S M's Guidelines; the C D C's advice; the N H S's site; NICE's; S S R I's."),
    ("en-GB", "Mr Tom Hale, FRCS (Urol); Ms A Shah, FRCS (Tr & Orth); Dr B Lee, MRCP (UK).",
     "Mr Tom Hale, F R C S (Urology); Ms A Shah, F R C S (Trauma and Orthopaedics); Dr B Lee, M R C P (U K)."),
    ("en-IE", "If you have a stiff neck, call 112 or 999 or go to the ED.",
     "If you have a stiff neck, call, 1 1 2 or 9 9 9 or go to the emergency department."),
    ("en-AU", "Call the 1800 My Options line on 1800 696 784. Ring 1800RESPECT. In 1800 Sydney was small.",
     "Call the 1 800 My Options line on 1 800, 6 9 6, 7 8 4. Ring 1 800 RESPECT. In 1800 Sydney was small."),
    ("en-US", "Call the 1800 My Options line.", "Call the 1800 My Options line."),  # Australia's and Ireland's way
    ("en-AU", "Slynd: drospirenone 4 mg daily (24/4). Most combined pills use a 21/7 regimen. Start the pack on 21/7.",
     "Slynd: drospirenone 4 milligrams daily (24 active pills, then 4 inactive). Most combined pills use a 21 plus 7 regimen. "
     "Start the pack on the 21st of July."),
    ("en-GB", "Ring 01632 960 452 (7.30am-8pm) for advice.",  # the number and the hours had run together
     "Ring 0 1 6 3 2, 9 6 0, 4 5 2, (7:30 A M to 8 P M) for advice."),
    ("en-US", "Online at facs.org, acsm.org, labs.org and derm.org.",
     "Online at F A C S dot org, A C S M dot org, labs dot org and derm dot org."),
    ("en-IE", "See www2.hse.ie/conditions/mumps and nhs.uk/conditions/copd.",
     "See W W W 2 dot H S E dot I E slash conditions slash mumps and N H S dot U K slash conditions slash C O P D."),
    ("en-GB", "See bbc.co.uk and stomasupplies.co.nz.", "See B B C dot co dot U K and stoma supplies dot co dot N Z."),
])
def test_what_a_fifty_third_reading_found(lang, text, said):
    assert normalize(text, lang) == said


def test_a_reference_whose_authors_end_in_junior_keeps_a_stop_before_its_title():
    # "Townsend C M Junior Sabiston Textbook": the author ran into the title
    from openleaf.formats.edition import spoken_reference

    labels = {"online": "Online at {site}.", "and": "and"}
    assert spoken_reference("Townsend CM Jr. Sabiston Textbook of Surgery. 21st ed. Elsevier; 2022.", {}, labels) == (
        "Townsend CM Jr. . Sabiston Textbook of Surgery. 21st ed. Elsevier; 2022.")
    assert normalize("Townsend C M Jr. . Sabiston Textbook of Surgery.", "en-US") == "Townsend C M Junior. Sabiston Textbook of Surgery."
    assert spoken_reference("Smith J, Townsend CM Jr, Lee K. Title. 2022.", {}, labels) == "Smith J, Townsend CM Jr, Lee K. Title. 2022."


@pytest.mark.parametrize("lang, text, said", [
    # India's doses by the time of day ("1-0-1 x 5 days" had been "1-0-once 5 days")
    ("en-IN", "Tab. Paracetamol 500 mg 1-0-1 x 5 days.",
     "Tablet Paracetamol 500 milligrams 1 in the morning, none in the afternoon and 1 at night for 5 days."),
    ("en-IN", "Tab. Metformin 500 mg ½-0-½. Syp. Ambroxol 5 mL 1-1-1-1. The score was 1-0-1.",
     "Tablet Metformin 500 milligrams half in the morning, none in the afternoon and half at night. Syrup Ambroxol 5 milliliters "
     "1 in the morning, 1 at noon, 1 in the evening and 1 at night. The score was 1-0-1."),
    ("en-IN", "The fee is 500 Rs. per visit; 500Rs only; Rs. 500 now.",  # rupees after the amount
     "The fee is 500 rupees per visit; 500 rupees only; 500 rupees now."),
])
def test_notation_left_alone_before_is_said(lang, text, said):
    assert normalize(text, lang) == said


# The fifty-fourth reading (141 of 142 in three U.S. handouts; 48 of 48, 43 of 48, 47 of 50 in British, South African and
# Canadian ones) and a second read of the fifty-third's mends (252 sentences, 5 worse).
@pytest.mark.parametrize("lang, text, said", [
    ("en-ZA", "Dose: 1 200 mg; a 60 kg adult takes 2 400 mg.",  # a space's group had been heard "one two hundred"
     "Dose: 1200 milligrams; a 60 kilogram adult takes 2400 milligrams."),
    ("en-ZA", "It costs R150–R250; the test is R85; a visit is R1 500.",
     "It costs 150 to 250 rand; the test is 85 rand; a visit is 1500 rand."),
    ("en-US", "Take 1 200 mg once.", "Take 1 200 milligrams once."),  # South Africa's way only
    ("en-CA", "Written by Anna Roy, OT Reg. (Ont.), and Dr. Li.", "Written by Anna Roy, O T registered (Ontario), and Doctor Li."),
    ("en-CA", "A level I and II systematic review; stages II–III; Part I think so.",
     "A level 1 and 2 systematic review; stages 2 to 3; Part I think so."),
    ("en-AU", "Questions about your pill? Call our nurse line (24/7).",  # a line open all day, not a pill pack
     "Questions about your pill? Call our nurse line (24 hours a day, 7 days a week)."),
    ("en-AU", "Open Mon. Weds. Fri. The 1800 RESPECT line.", "Open Monday, Wednesday and Friday. The 1 800 RESPECT line."),
    ("en-IE", "Mr A Byrne, FRCSI (Urol).", "Mr A Byrne, F R C S I (Urology)."),
    ("en-AU", "Repeat in 2 (3 if needed) weeks. Call 13 11 26 (24 hours).",  # a pause only after a phone number
     "Repeat in 2 (3 if needed) weeks. Call 13 11 26, (24 hours)."),
    ("en-US", "Your PHQ-9 was 14/27; GAD-7: 12/21; BP 130/80.",  # the reading after it is no score
     "Your P H Q 9 was 14 out of 27; G A D 7: 12 out of 21; B P 130 over 80."),
    ("en-US", "Dr. Max Weber will see you. Your son Max. Turn the dial to max. Max daily dose: 4 g.",
     "Doctor Max Weber will see you. Your son Max. Turn the dial to max. Maximum daily dose: 4 grams."),
    ("en-GB", "Repeat 3 times max. Take 2 tablets max. per day.", "Repeat 3 times at most. Take 2 tablets at most per day."),
])
def test_what_a_fifty_fourth_reading_and_a_second_read_of_the_fifty_third_found(lang, text, said):
    assert normalize(text, lang) == said


@pytest.mark.parametrize("lang, text, said", [
    ("en-IN", "Dr. Anil Rao, MD (Gen. Med.), and Sr. Mary, B.Sc. Nursing.",
     "Doctor Anil Rao, M D (General Medicine), and Sister Mary, B Sc Nursing."),
    ("en-IN", "Row: SOS (fever > 100°F). A Widal test costs ₹70–₹120.",
     "Row: when needed (fever greater than 100 degrees Fahrenheit). a Widal test costs 70 to 120 rupees."),
    ("en-NZ", "The insertion costs NZ$95 and a check NZ$45.", "The insertion costs 95 dollars and a check 45 dollars."),
    ("en-GB", "The bottle holds 20 mL of 6M HCl. Metformin HCl 500 mg.",
     "The bottle holds 20 milliliters of 6 molar hydrochloric acid. Metformin HCl 500 milligrams."),
    ("en-US", "We use a 3T MRI scanner. Noise above 85 dB harms hearing. A T2 signal.",
     "We use a 3 tesla M R I scanner. Noise above 85 decibels harms hearing. a T2 signal."),
])
def test_what_a_fifty_fifth_english_reading_found(lang, text, said):
    assert normalize(text, lang) == said


# A second read of the fifty-fourth's mends (296 sentences, 37 worse at first).
@pytest.mark.parametrize("lang, text, said", [
    ("en-ZA", "Take 1 500 mg tablet twice a day; week 4 100 patients; dose: 1 200 mg.",  # a count, not thousands
     "Take 1 500 milligram tablet twice a day; week 4 100 patients; dose: 1200 milligrams."),
    ("en-ZA", "The R21/Matrix-M vaccine. Ward R2. It costs R85.", "The R21/Matrix-M vaccine. Ward R2. It costs 85 rand."),
    ("en-IN", "TPAL: 1-0-0-1. Obstetric score: 2-0-1. Dose: 1-0-1.",
     "T P A L: 1-0-0-1. Obstetric score: 2-0-1. Dose: 1 in the morning, none in the afternoon and 1 at night."),
    ("en-US", "Max Dose per day: 4 g. 40 mg (max). Repeat x3 max. Twice a day max.",
     "Maximum Dose per day: 4 grams. 40 milligrams (maximum). Repeat 3 times at most. Twice a day at most."),
    ("en-US", "Your IPSS was 14/35.", "Your I P S S was 14 out of 35."),  # the name still spelled
    ("en-AU", "The 1800 Calorie Meal Plan.", "The 1800 Calorie Meal Plan."),
    ("en-US", "We are open Sat. Sun. & holidays.", "We are open Saturday and Sunday and holidays."),
    ("en-US", "Vaccines given Fri. Sat. Sun. 9 to 1.", "Vaccines given Friday, Saturday and Sunday 9 to 1."),
    ("en-US", "The lab is closed Sun. Mon is the next day.", "The lab is closed Sunday. Monday is the next day."),
])
def test_what_a_second_read_of_the_fifty_fourth_found(lang, text, said):
    assert normalize(text, lang) == said


def test_what_a_fifty_fifth_reading_found():
    # a date given as an example before its hour; an AMA locator with a supplement, dropped like the others
    from openleaf.formats.edition import spoken_reference

    assert normalize("Write the date and time on the label, e.g. 6/14, 9:30 AM.", "en-US") == (
        "Write the date and time on the label, for example, June 14th, 9:30 A M.")
    labels = {"online": "Online at {site}.", "and": "and"}
    assert spoken_reference("Bernstein IL. Allergy testing. Ann Allergy Asthma Immunol. 2008;100(3 Suppl 3):S1-S148.", {},
                            labels) == "Bernstein IL. Allergy testing. Ann Allergy Asthma Immunol. 2008."


# The fifty-sixth reading (48 of 49, 45 of 49, 36 of 50 in three U.S. handouts; 144 of 144 in British, Australian and
# Canadian ones).
@pytest.mark.parametrize("lang, text, said", [
    ("en-US", "If baby is Rh+ you get RhoGAM. Rh− mothers. An Rh-negative mother.",
     "If baby is Rh positive you get RhoGAM. Rh negative mothers. An Rh-negative mother."),
    ("en-US", "Westbrook OB/GYN. Tc-99m mebrofenin. A dose of 0.4 mSv.",
     "Westbrook O B G Y N. technetium 99 M mebrofenin. A dose of 0.4 millisieverts."),
    ("en-US", "Route: IM", "Route: into the muscle"),  # a table's cell
])
def test_what_a_fifty_sixth_reading_found(lang, text, said):
    assert normalize(text, lang) == said


# A second read of the fifty-fifth's mends (309 sentences, 46 worse at first).
@pytest.mark.parametrize("lang, text, said", [
    ("en-ZA", "About 60 000 South Africans; a baby of 2 800 g; 1 500 ml; Take 1 500 mg tablet; week 4 100 patients.",
     "About 60000 South Africans; a baby of 2800 grams; 1500 milliliters; Take 1 500 milligram tablet; week 4 100 patients."),
    ("en-ZA", "R1 200/month; Ward R2; R21/Matrix-M.", "1200 rand per month; Ward R2; R21/Matrix-M."),
    ("en-US", "Ask for Max Smith. Max will call you. Dose (Max): 40 mg.", "Ask for Max Smith. Max will call you. Dose (Maximum): 40 milligrams."),
    ("en-US", "Mon. Wed. Fri. is dialysis day.", "Monday, Wednesday and Friday is dialysis day."),
    ("en-US", "1 T (1 tablespoon) before your MRI; T 11 T 12 on the MRI.", "1 T (1 tablespoon) before your M R I; T 11 T 12 on the M R I."),
    ("en-GB", "SOS (Stop Overdoses Safely) meets weekly.", "S O S (Stop Overdoses Safely) meets weekly."),  # India's only
    ("en-IN", "Row: SOS (fever > 100°F)", "Row: when needed (fever greater than 100 degrees Fahrenheit)"),
])
def test_what_a_second_read_of_the_fifty_fifth_found(lang, text, said):
    assert normalize(text, lang) == said


# A second read of the fifty-sixth's mends (171 sentences, 22 worse at first, none in the handouts).
@pytest.mark.parametrize("lang, text, said", [
    ("en-ZA", "Call +27 82 123 4567 or 021 555 123. Scores: 120 135 150. 100 200 and 300. Reference number is 123 456 789.",
     "Call plus 2 7, 8 2, 1 2 3, 4 5 6 7 or 0 2 1, 5 5 5, 1 2 3. Scores: 120 135 150. 100 200 and 300. "
     "Reference number is 123 456 789."),  # no thousands there
    ("en-US", "Specialty: IM, Cardiology. ACT: 19/25.", "Specialty: I M, Cardiology. A C T: 19 out of 25."),
    ("en-US", "How: IM, 300 mcg.", "How: into the muscle, 300 micrograms."),
    ("en-US", "A 3T (Siemens) scanner for MRI. Rh- and ABO-incompatible pregnancies. Rh– mothers. Jane Smith, M.Sc. Nutrition.",
     "A 3 tesla (Siemens) scanner for M R I. Rh- and ABO-incompatible pregnancies. Rh negative mothers. Jane Smith, M Sc Nutrition."),
])
def test_what_a_second_read_of_the_fifty_sixth_found(lang, text, said):
    assert normalize(text, lang) == said


def test_the_splitter_knows_every_province_the_speech_table_says_after_reg():
    # one fact in two places (the splitter reads no speech table): "OT Reg. (Ont.)" must stay one sentence
    import tomllib
    from pathlib import Path

    import openleaf.formats.audio as audio
    from openleaf.source import sentences

    table = tomllib.loads((Path(audio.__file__).parent / "speech" / "en.toml").read_text(encoding="utf-8"))
    provinces = next(p["words"] for p in table["patterns"] if p["match"].startswith("(?<=[A-Z] )Reg\\."))
    assert all(sentences._PROVINCE_AFTER_REG.fullmatch(f"{province}.)") for province in provinces)

