"""The registry service: the police's system of record for people released into a commune."""
