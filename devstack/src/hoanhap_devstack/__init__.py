"""Real Kafka and PostgreSQL for development, tests and `make up`, without Docker."""
