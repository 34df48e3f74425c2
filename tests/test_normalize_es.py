"""Spanish health notation said aloud: what a ninth reading of four Spanish handouts (Spain, Argentina,
Colombia, the United States) found said wrongly, and what must stay as it is."""

import pytest

from openleaf.formats.audio.normalize import normalize


@pytest.mark.parametrize("lang, written, spoken", [
    # a "$" alone is the peso where the peso is written so; a code before or after names the currency
    ("es-AR", "Un tensiómetro validado cuesta desde $ 45.000 (ARS).", "Un tensiómetro validado cuesta desde 45000 pesos."),
    ("es-CO", "Jarabe (60 ml) COP $8.500; suspensión (120 ml) $14.900 COP.",
     "Jarabe (60 mililitros) 8500 pesos; suspensión (120 mililitros) 14900 pesos."),
    ("es-CL", "El copago es de $ 3.500 y la consulta $1.", "El copago es de 3500 pesos y la consulta 1 peso."),
    ("es-CO", "Un glucómetro: $ 1.200.000.", "Un glucómetro: 1200000 pesos."),  # a price, not a phone number
    ("es-MX", "Cuesta $1,500 o USD $20.", "Cuesta 1500 pesos o 20 dólares."),
    ("es-UY", "$ 450 por mes", "450 pesos por mes"),
    ("es-AR", "U$S 100 o US$ 98,50", "100 dólares o 98 dólares con 50 centavos"),
    ("es-US", "Su copago es de máx. $35 al mes; una caja cuesta aprox. US$ 98.50.",
     "Su copago es de máximo 35 dólares al mes; una caja cuesta aproximadamente 98 dólares con 50 centavos."),
    ("es-US", "$1,000.50 y $1", "1000 dólares con 50 centavos y 1 dólar"),
    ("es-ES", "US$ 98,50; USD 20; EUR 15; 1 USD", "98 dólares con 50 centavos; 20 dólares; 15 euros; 1 dólar"),
])
def test_a_price_is_said_in_its_currency(lang, written, spoken):
    assert normalize(written, lang) == spoken


@pytest.mark.parametrize("lang, written", [
    # what must not change: a "$" where its currency is unknown, a figure with letters glued to it
    ("es-ES", "Un copago de $20."),
    ("es-US", "Ahorre $5K."),
])
def test_what_looks_like_the_days_notation_but_is_not_is_left_alone(lang, written):
    assert normalize(written, lang) == written
