"""Who may call supervision: so far it serves only health, metrics and its API description, open to anyone; each
endpoint it gains needs its rule here (the service does not start without one)."""

from hoanhap.auth.policy import AccessPolicy

POLICY = AccessPolicy("supervision", {})
