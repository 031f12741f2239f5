"""Bearer-token authentication and jurisdiction checks shared by every service."""

from hoanhap.auth.dependencies import CurrentPrincipal, current_principal, ensure_jurisdiction
from hoanhap.auth.principal import Agency, Jurisdiction, Principal, Role
from hoanhap.auth.settings import AuthSettings
from hoanhap.auth.tokens import TokenVerifier, Unauthenticated, mint_token

__all__ = ["Agency", "AuthSettings", "CurrentPrincipal", "Jurisdiction", "Principal", "Role", "TokenVerifier",
           "Unauthenticated", "current_principal", "ensure_jurisdiction", "mint_token"]
