"""The registry's contracts: its integration events, their choices, and the identity-digest records it publishes."""
