"""How events travel: the CloudEvents envelope, Kafka headers and messages, topics, the AsyncAPI documents."""
