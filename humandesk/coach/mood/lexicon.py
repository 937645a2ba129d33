"""Hand-written cues the rules are certain about, per language.

Russian human-request patterns run over lemmas ("позовите оператора" → "позвать оператор"),
so every word form matches; English and Spanish ones over lower-cased words. Aggression
patterns run over the lower-cased text: swearing and insults are matched by stem.
"""

import re

_PERSON_RU = r"(?:оператор|человек|специалист|сотрудник|менеджер|старший|начальник|руководитель)"
_PERSON_EN = r"(?:human|person|agent|operator|manager|supervisor|someone|somebody|member of staff|people)"
_PERSON_ES = r"(?:persona|humano|agente|operador|operadora|alguien|responsable|encargado|encargada)"

HUMAN_REQUEST = {
    "ru": [
        rf"\bживой {_PERSON_RU}\b",
        rf"\b(?:позвать|звать|дать|соединить|переключить|перевести|передать|пригласить)(?: \w+){{0,2}}? (?:на |с )?{_PERSON_RU}\b",
        rf"\b(?:поговорить|пообщаться|говорить|общаться|связаться|соединить)(?: \w+){{0,2}}? с {_PERSON_RU}\b",
        rf"^(?:можно |нужный )?(?:я )?{_PERSON_RU}(?: пожалуйста)?$",
        rf"^можно {_PERSON_RU}\b",
        rf"\b{_PERSON_RU} сюда\b",
        r"\bа не (?:с )?(?:бот|робот|машина|автоответчик|скрипт)\b",
    ],
    "en": [
        rf"\b(?:speak|talk|chat) (?:to|with) (?:an? |the |some )?(?:real |live |actual )?{_PERSON_EN}\b",
        rf"\b(?:get|give|connect|transfer|put|pass|send) (?:me )?(?:through )?(?:to )?(?:an? |the )?(?:real |live )?{_PERSON_EN}\b",
        r"\b(?:real|live|actual) (?:human|person|agent|operator)\b",
        r"^(?:a )?(?:human|agent|operator|person)(?: please| pls| plz)?$",
        r"\b(?:human|agent|operator) (?:please|pls|plz)\b",
        r"\bnot (?:a|the|your) (?:bot|robot|machine)\b",
        r"\b(?:a|some) (?:real )?(?:person|human) help\b",
        rf"\b(?:pass|forward) (?:my )?(?:question|case|query) to (?:a |an )?{_PERSON_EN}\b",
    ],
    "es": [
        rf"\bhablar con (?:una |un |el |la |algún |alguna )?(?:{_PERSON_ES}|alguien)\b",
        r"\b(?:pásame|pasame|pasadme|pásenme|páseme|ponme|ponedme|comunícame|comunicadme) con\b",
        r"\b(?:persona|humano|alguien) (?:real|de verdad)\b",
        r"\bquiero (?:un |una )?(?:humano|persona|operador|operadora|agente)\b",
        r"\bno con (?:un |el |una |la )?(?:bot|robot|máquina)\b",
        r"\bme ayud[ae] (?:una persona|un humano|alguien)\b",
        rf"\bpasar (?:mi |la )?(?:consulta|pregunta) a {_PERSON_ES}\b",
    ],
}

AGGRESSION = {
    "ru": [
        r"\b(?:бля\w*|ху[йеияю]\w*|пизд\w*|еба\w*|ебу\w*|охрен\w*|охуе\w*|сук[аи]\b|мудак\w*|мудил\w*)",
        r"\b(?:идиот\w*|дебил\w*|урод\w*|придур\w*|быдл\w*|козл[ыа]\b|тупая|тупые|тупой|тупорыл\w*|кретин\w*)",
        r"\b(?:дерьм\w*|говн\w*|лох[иа]?\b|раб\b|клоун\w*|шарашк\w*|криворук\w*|бездельник\w*|неуч\w*|позорищ\w*)",
        r"\b(?:приеду|приду)\b.*\bразбер\w*|\bразберусь лично\b|\bразнесу\b|\bурою\b|\bпожалеете\b",
        r"\b(?:вам|вас) устрою\b|\bзасужу\b|\bзакроетесь\b|\bпохорон\w* вас\b|\bсожгу\b",
    ],
    "en": [
        r"\b(?:fuck\w*|shit\w*|bullshit|idiots?|moron\w*|clowns?|losers?|pathetic|scum|bastard\w*|asshole\w*|wanker\w*)\b",
        r"\b(?:you stupid|stupid (?:bot|robot|tin|machine)|tin can|is crap|are crap|so are you)\b",
        r"\byou'?ll regret\b|\bi'?ll (?:find|sue|destroy|trash|ruin) you\b|\bsort this out myself\b",
        r"\buntil you (?:shut down|get fired)\b|\bwatch you squirm\b",
    ],
    "es": [
        r"\b(?:mierda\w*|joder|jodid\w*|gilipollas|idiotas?|imbécil\w*|imbecil\w*|tont[oa]s\b|cabr[oó]n\w*|puta\w*|capull\w*|subnormal\w*|coño)\b",
        r"\b(?:panda de|payasos?|pringad\w*|lata inútil|lata tonta|inútiles)\b",
        r"\b(?:os|te) vais? a arrepentir\b|\bos vais a arrepentir\b|\bme planto en\b|\bponer a parir\b",
        r"\bhasta que (?:cerréis|os despidan)\b|\bos retorcéis\b",
    ],
}

# Emoji say a lot when a message is nothing else.
EMOJI_EMOTIONS = {
    "anger": "😡😠🤬👿💢",
    "anxiety": "😟😰😱😢😥😨🙏😭",
    "joy": "😍❤🥰😊😀😁😃😄🔥👍👏🎉🤩💚💙♥",
}
LAUGH = re.compile(r"(?:ха){2,}|(?:ах){2,}|\bлол\b|\blol\b|\blmao\b|(?:ha){2,}|(?:ja){2,}|😂|🤣")


def compile_all(table: dict[str, list[str]]) -> dict[str, list[re.Pattern]]:
    return {lang: [re.compile(p) for p in patterns] for lang, patterns in table.items()}
