"""Fire-and-forget pushes to channel-layer groups; the database stays the source of truth."""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)


def publish(group: str, payload: dict) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, {"type": "stream.event", "payload": payload})
    except Exception:  # a dropped push is recovered by replay on the client's next resume
        logger.exception("real-time push to %s failed", group)
