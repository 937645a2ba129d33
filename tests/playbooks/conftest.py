import pytest

from humandesk.conversations import services as conversation_services


@pytest.fixture
def angry_conversation(widget_inbox, ivan):
    """Ivan's chat whose latest customer message is an angry complaint."""
    conv = conversation_services.start_conversation(widget_inbox, ivan, language="ru")
    conversation_services.post_customer_message(conv, "Здравствуйте, хочу узнать про доставку")
    conversation_services.post_customer_message(conv, "Третий раз пишу! Палатка так и не пришла, сколько можно?!")
    return conv
