"""Function words that carry no topic; dropped from documents and queries alike.

Question words («когда», "how", «cuándo») are here too: they say nothing about which article
answers, and the semantic stage still sees the whole query.
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


RUSSIAN = _words("""
а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже
для до его ее если есть еще же за здесь и из или им их к как ко когда кто ли либо мне мной
может мы на над нам нас не него нее нет ни них но ну о об однако он она они оно от очень по
под при с со так также такой там те тем то того тоже той только том ты у уже хотя чего чей
чем что чтобы чье чья эта эти это этот я мой моя мое мои ваш ваша ваше ваши свой свою своего
меня мне тебя себя можно нужно надо ли бы здравствуйте пожалуйста привет спасибо подскажите
скажите хочу хотел хотела могу можете какой какая какие каков сколько почему зачем куда откуда
""")

ENGLISH = _words("""
a about above after again all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had
has have having he her here hers him his how i if in into is it its itself just me more most
my no nor not now of off on once only or other our ours out over own same she should so some
such than that the their them then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your yours
hi hello please thanks thank get got
""")

SPANISH = _words("""
a al algo algunas algunos ante antes como con contra cual cuando de del desde donde dos el
ella ellas ellos en entre era es esa ese eso esta estas este esto estos fue ha hay la las le
les lo los me mi mis mucho muy mas ni no nos o os otra otro para pero poco por porque que quien
se ser si sin sobre su sus tambien te tengo tiene tu tus un una uno unos y ya yo hola gracias
favor puedo puede quiero como cuanto cuanta cuantos
""")

BY_LANGUAGE = {"ru": RUSSIAN, "en": ENGLISH, "es": SPANISH}
ALL = RUSSIAN | ENGLISH | SPANISH
