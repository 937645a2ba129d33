"""English and Spanish reply checks, rule by rule, with the near-misses that must stay clean."""

import pytest

from humandesk.coach.engine import Context, check_reply


@pytest.mark.parametrize(("lang", "text", "rule", "context"), [
    ("en", "The stove weighs 180 g.", "greeting_missing", {"first_message": True}),
    ("en", "Dear valued customer, please be advised that we ship on Monday.", "bureaucratese", {}),
    ("en", "We apologize for any inconvenience caused. The courier comes tomorrow.", "cliche", {}),
    ("en", "Your order was shipped yesterday.", "passive_voice", {}),
    ("en", "Your refund will be processed within 5 days.", "passive_voice", {}),
    ("en", "No problem! I'll update the address.", "unsuitable_phrase", {}),
    ("en", "You failed to include your flat number. Send it and we'll deliver tomorrow.", "blame", {}),
    ("en", "We don't offer discounts.", "bare_refusal", {}),
    ("en", "The blue backpacks are sold out.", "next_step_missing", {}),
    ("en", "We mixed up the size. The right one arrives tomorrow.", "apology_missing", {"our_fault": True}),
    ("en", "Please see our FAQ.", "link_only", {}),
    ("en", "Tom, it's on its way. Tom, it arrives tomorrow.", "name_overuse", {"customer_name": "Tom"}),
    ("en", "As stated before, you should have read the label.", "lecturing", {}),
    ("es", "El hornillo pesa 180 g.", "greeting_missing", {"first_message": True}),
    ("es", "Estimado cliente: le informamos de que su pedido sale el lunes.", "bureaucratese", {}),
    ("es", "Lamentamos las molestias ocasionadas. El repartidor va mañana.", "cliche", {}),
    ("es", "Su pedido fue enviado ayer.", "passive_voice", {}),
    ("es", "Se ha enviado su pedido esta mañana.", "passive_voice", {}),
    ("es", "¡No hay problema! Cambio la dirección ahora.", "unsuitable_phrase", {}),
    ("es", "La culpa es de la mensajería. Le llega mañana.", "blame", {}),
    ("es", "No hacemos descuentos.", "bare_refusal", {}),
    ("es", "La mochila azul está agotada.", "next_step_missing", {}),
    ("es", "Nos equivocamos de talla. Mañana le llevamos la buena.", "apology_missing", {"our_fault": True}),
    ("es", "Consulte nuestras preguntas frecuentes.", "link_only", {}),
    ("es", "Lucía, está en camino. Lucía, llega mañana.", "name_overuse", {"customer_name": "Lucía"}),
    ("es", "Como ya le dijimos, debería haber leído las instrucciones.", "lecturing", {}),
])
def test_flags(lang, text, rule, context):
    """Each example is flagged with its rule."""
    assert rule in check_reply(text, Context(lang=lang, **context)).rules


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "I'm interested in the Taiga too. We're closed on Sundays, but the shop online is open."),
    ("en", "We were excited to hear about your trip!"),
    ("en", "The stove is made of aluminium."),
    ("en", "Gas isn't included because we can't fly canisters. You can buy them in our shops."),
    ("en", "It was delivered by the courier at 10 am."),
    ("en", "We can't refund opened canisters for safety reasons. Instead, you can return unopened ones."),
    ("en", "Return it in three steps: click \"Return\", pick a reason, drop it off. Pictures: https://tundra.example/returns"),
    ("es", "Estamos cerrados el domingo. El gas no está incluido."),
    ("es", "Se lo envío mañana por la mañana."),
    ("es", "La tienda se abre a las diez."),
    ("es", "No podemos cambiarla porque está usada. En su lugar, le propongo repararla gratis."),
    ("es", "Su paquete fue retrasado por la mensajería; le llega el jueves."),
])
def test_near_misses_stay_clean(lang, text):
    """Adjectival participles, named actors, «se lo», refusals with an alternative: no findings."""
    assert check_reply(text, Context(lang=lang)).rules == []


def test_english_passive_suggestion_moves_the_object():
    """"Your order was shipped" → "We shipped your order"."""
    finding = check_reply("Your order was shipped yesterday.", Context(lang="en")).findings[0]
    assert finding.suggestion == "We shipped your order"


def test_spanish_passive_suggestions():
    """«fue enviado» → «lo enviamos», «se le reembolsará» → «le reembolsaremos»."""
    report = check_reply("Su pedido fue enviado. Se le reembolsará el envío.", Context(lang="es"))
    assert [f.suggestion for f in report.findings] == ["lo enviamos", "Le reembolsaremos"]
