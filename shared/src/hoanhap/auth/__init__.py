"""Bearer-token authentication, the declared access policy and jurisdiction checks shared by every service.

Environment variables: see `hoanhap.auth.settings`. Development tokens: `python -m hoanhap.auth.mint --help`.
"""

from hoanhap.auth.access import (
    ensure_jurisdiction,
)
from hoanhap.auth.dependencies import (
    CurrentPrincipal,
    OptionalPrincipal,
    install_token_verifier,
    principal_dependency,
    require_principal,
)
from hoanhap.auth.development_tokens import MintingRefused, mint_token
from hoanhap.auth.principal import Agency, Jurisdiction, Principal, Role
from hoanhap.auth.refusals import TokenProblem, Unauthenticated
from hoanhap.auth.settings import AuthSettings
from hoanhap.auth.tokens import TokenVerifier

__all__ = [
    "Agency",
    "AuthSettings",
    "CurrentPrincipal",
    "OptionalPrincipal",
    "Jurisdiction",
    "MintingRefused",
    "Principal",
    "Role",
    "TokenProblem",
    "TokenVerifier",
    "Unauthenticated",
    "ensure_jurisdiction",
    "install_token_verifier",
    "mint_token",
    "principal_dependency",
    "require_principal",
]
