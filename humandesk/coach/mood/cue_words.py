"""Cue words per situation and emotion, in the three languages, comma-separated.

Matched on normal forms (lemmas for Russian, stems for English and Spanish), they become
shared tokens such as `cue_s_refund`, so that what the model learns in one language helps
the other two.
"""

CUES = {
    "s_refund": {
        "ru": "вернуть, возврат, деньги назад, обменять, обмен, поменять, возвращать",
        "en": "refund, return, money back, exchange, send back, swap",
        "es": "devolver, devolución, reembolso, reembolsar, devolvedme, cambiar, cambio",
    },
    "s_price": {
        "ru": "цена, стоить, стоимость, дорого, дешевле, дешёвый, скидка, промокод, распродажа, рассрочка, уступить, переплачивать, кэшбэк",
        "en": "price, prices, cost, expensive, cheaper, cheap, discount, sale, pricey, overpay, promo",
        "es": "precio, precios, cuesta, cuánto cuesta, caro, carillo, barato, barata, descuento, rebajas, pagar de más",
    },
    "s_failure": {
        "ru": "не прийти, не работать, сломанный, дырка, порвать, опоздать, задерживаться, потерять, дважды, ошибка, не тот, не хватать, помятый, застрять",
        "en": "broken, missing, late, lost, charged twice, error, wrong, dented, hasn't updated, invalid, stuck",
        "es": "roto, falta, faltan, tarde, perdido, dos veces, error, abollado, retenido, no es válido, no se actualiza",
    },
    "s_public": {
        "ru": "отзыв, пост, рассылка, реклама, рекламный, ролик, видео, соцсеть, паблик, сторис, телеграм, вконтакте, ютуб, комментарий, опубликовать, выложить, интернет",
        "en": "review, post, newsletter, ad, video, twitter, facebook, instagram, youtube, trustpilot, reddit, comments, publicly, online",
        "es": "reseña, publicación, boletín, anuncio, vídeo, twitter, facebook, instagram, youtube, foro, comentarios, publicar, internet",
    },
    "s_idea": {
        "ru": "предлагать, предложение, идея, идейка, добавить, было бы, хорошо бы, удобно, не думать, почему бы, придумать",
        "en": "idea, suggest, suggestion, add, would be, how about, why not, have you thought, consider",
        "es": "idea, ideílla, sugerencia, propongo, añadid, añadir, estaría bien, sería genial, habéis pensado, por qué no, plantearíais",
    },
    "s_howto": {
        "ru": "как, подсказать, объяснить, настроить, собрать, применить, отследить, правильно",
        "en": "how do i, how to, how should, how do you, where can i, track",
        "es": "cómo, como se, dónde, configuro, montar",
    },
    "s_thanks": {
        "ru": "спасибо, благодарность, молодец, лучший, отличный, чудесный, огонь",
        "en": "thank, thanks, grateful, the best, great, fantastic, amazing, star",
        "es": "gracias, agradece, los mejores, estupendo, pasada, eres un sol",
    },
    "s_offtopic": {
        "ru": "маршрут, погода, рыбачить, телевизор, резюме, такси, билет, паспорт, справка, ветеринар, велосипед, песня, собака, vpn, прививка, разрешение, заблудиться",
        "en": "route, weather, tv, cv, taxi, tickets, permit, songs, dog, vpn, fire, celebrate",
        "es": "ruta, tiempo hará, tele, currículum, taxi, billetes, permiso, canciones, perro, vpn, hoguera, celebrarlo",
    },
    "s_bot": {
        "ru": "бот, робот, железка, скучно, поболтать, лох, просто так",
        "en": "bot, bots, robot, tin can, bored, chat, just because, losers",
        "es": "bot, bots, robot, lata, aburro, charlar, porque sí, pringados",
    },
    "e_anxiety": {
        "ru": "переживать, волноваться, бояться, страшно, срочно, опасно, помогите, вдруг, что делать, беспокоиться",
        "en": "worried, worry, scared, afraid, urgent, dangerous, please help, what do we do",
        "es": "preocupado, preocupada, miedo, urgente, peligroso, qué hacemos, me da miedo",
    },
    "e_anger": {
        "ru": "сколько можно, безобразие, издевательство, третий раз, четвёртый раз, серьёзно, хватит, совесть, грабёж, отвратительно, позор, стыдно, ужас, опять, снова, второй раз, до сих пор, сколько раз, недопустимо, как так, как понимать, с какой стати, наконец, нормально у вас",
        "en": "seriously, third time, fourth time, ridiculous, stop, robbery, disgusting, shameful, awful, brilliant, again, second time, how many times, is this normal, not good enough, unacceptable, thanks for nothing, what exactly, already, honestly",
        "es": "en serio, tercera vez, cuarta vez, vaya tela, robo, lamentable, vergüenza, horrible, dejad de, otra vez, vuelto a, segunda vez, cuántas veces, es normal, inaceptable, gracias por nada, de una vez, qué poca seriedad, en qué quedamos",
    },
    "e_joy": {
        "ru": "ура, класс, супер, обожать, счастливый, здорово, круто, вау, радость",
        "en": "yay, love, amazing, awesome, happy, wonderful, made it",
        "es": "bien, encanta, genial, feliz, alucino, estupendo",
    },
    "e_curiosity": {
        "ru": "интересно, любопытно, почему, разобраться, как работать, всегда было интересно, хочу понять, давно хотел понять, в чем разница, никогда не понимал, по какому принципу",
        "en": "curious, wonder, wondering, why, understand, how does, always wondered, out of interest, never understood, what's the difference, how does it work, interesting, trying to understand",
        "es": "curiosidad, pregunto, por qué, entender, cómo funciona, siempre me he preguntado, me pica la curiosidad, nunca lo he entendido, qué diferencia, me da curiosidad, interesante, quiero entenderlo",
    },
    "e_social": {
        "ru": "привет, рассказать, представлять, сын, муж, жена, подруга, друг, как дела, как ваш, слушать, это снова, дочка, дочь, внук, дед, бабушка, мама, папа, выходные, кофе, как вас зовут, с кем я, поделиться, хотелось рассказать",
        "en": "hi, hello, tell, husband, wife, friend, mates, son, how are you, how's your, it's me, long-time, daughter, kids, grandad, mum, dad, weekend, coffee, your name, who am i, share, wanted to tell",
        "es": "hola, contaros, contar, marido, mujer, amiga, amigos, hijo, qué tal, soy yo, hija, niños, abuelo, padre, madre, finde, café, te llamas, con quién hablo, compartir, quería contar",
    },
    "e_greed": {
        "ru": "скидка, бесплатно, бесплатный, подарок, компенсация, бонус, дешевле, уступить, купон, промокод, баллы, полцены, кэшбэк, без переплаты",
        "en": "discount, free, gift, compensation, credit, cheaper, voucher, code, bonus, points, extra, for free, throw in, store credit, half price",
        "es": "descuento, gratis, regalo, compensación, saldo, barata, cupón, código, puntos, extra, regaláis, mitad de precio",
    },
}
