"""The identity-digest topic, created compacted by the registry, which owns it, with the cleaner settings it
declares (`IDENTITY_DIGEST_TOPIC_CONFIG`), set again at every start so a topic created otherwise is corrected."""

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from hoanhap.contracts.registry.identity_digests import IDENTITY_DIGEST_TOPIC, IDENTITY_DIGEST_TOPIC_CONFIG

PARTITIONS = 3  # one small record per person: a few partitions are plenty
MAX_REPLICAS = 3  # as many copies as the cluster has brokers, up to three
NO_ERROR, TOPIC_ALREADY_EXISTS = 0, 36


class TopicNotReady(Exception):
    """The broker refused to create or configure the topic."""


async def ensure_identity_digest_topic(bootstrap_servers: str, topic: str = IDENTITY_DIGEST_TOPIC) -> None:
    """Create the topic compacted if it is missing, and give it the declared cleaner settings."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers)
    await admin.start()
    try:
        replicas = min(MAX_REPLICAS, len((await admin.describe_cluster())["brokers"]))
        new_topic = NewTopic(topic, PARTITIONS, replicas, topic_configs=IDENTITY_DIGEST_TOPIC_CONFIG)
        created = await admin.create_topics([new_topic])
        for _, code, message in created.topic_errors:
            if code not in (NO_ERROR, TOPIC_ALREADY_EXISTS):
                raise TopicNotReady(f"creating {topic}: error {code} {message}")
        [altered] = await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic,
                                                              IDENTITY_DIGEST_TOPIC_CONFIG)])
        for code, message, *_ in altered.resources:
            if code != NO_ERROR:
                raise TopicNotReady(f"configuring {topic}: error {code} {message}")
    finally:
        await admin.close()
