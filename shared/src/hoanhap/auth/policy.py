"""Who may call what: one declared access policy per service, a table of endpoint → agencies × roles and the rule
that decides where the caller may act.

Every route a service serves needs an entry: `create_service_app` refuses to start otherwise, and the policy is
enforced before any handler runs (`hoanhap.auth.enforcement`). The agency and the role are checked there; so is a
commune named in the path. A place named in the body, or the place of a record loaded by the handler, can only be
checked once it is known: the entry says so (`Where`), and the handler makes that check.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from fastapi import FastAPI
from starlette.routing import Mount, Route

from hoanhap.auth.principal import Agency, Principal, Role


class Where(StrEnum):
    """Where the caller must have jurisdiction for a call to be allowed."""

    NOWHERE = "no place involved"
    OWN = "the caller's own jurisdiction (answers hold only its records)"
    PATH_COMMUNE = "the commune named in the path (checked before the handler)"
    BODY_PLACE = "the place named in the body (checked by the handler: 403)"
    RECORD = "the record's place (checked by the handler: 404 another province, 403 another commune)"


@dataclass(frozen=True)
class Rule:
    """Who may call one endpoint; `public` endpoints need no token (a token, if sent, must be valid)."""

    agencies: frozenset[Agency]
    roles: frozenset[Role]
    where: Where
    public: bool = False

    def admits(self, principal: Principal) -> bool:
        """True when the caller's agency and role are among those allowed."""
        return self.public or (principal.agency in self.agencies and principal.role in self.roles)

    def refusal(self, principal: Principal) -> str:
        """Why the caller's agency or role is refused, in words."""
        agencies = " or ".join(sorted(agency.value for agency in self.agencies))
        roles = " or ".join(sorted(role.value for role in self.roles))
        return (f"this is for {agencies} with the role {roles}; your token is for {principal.agency.value} with "
                f"the role {principal.role.value}")


def allow(agencies: Iterable[Agency], roles: Iterable[Role], where: Where) -> Rule:
    """A rule admitting these agencies with these roles."""
    return Rule(frozenset(agencies), frozenset(roles), where)


PUBLIC = Rule(frozenset(Agency), frozenset(Role), Where.NOWHERE, public=True)
"""Anyone, with or without a token (what they are shown may still depend on who they are)."""

OPERATIONS = {
    "GET /health/live": PUBLIC, "GET /health/ready": PUBLIC, "GET /metrics": PUBLIC,
    "GET /openapi.json": PUBLIC, "GET /docs": PUBLIC, "GET /docs/oauth2-redirect": PUBLIC, "GET /redoc": PUBLIC,
}
"""What every service serves for operators and monitoring: health, metrics and its API description."""


class AccessPolicy:
    """A service's declared rules, by "METHOD /path/{template}" (a static mount is "GET /its/path")."""

    def __init__(self, service: str, rules: dict[str, Rule]) -> None:
        self.service = service
        self.rules = {**OPERATIONS, **rules}

    def rule_for(self, method: str, path: str) -> Rule | None:
        """The rule of an endpoint (HEAD follows GET), or None when none is declared."""
        return self.rules.get(f"{'GET' if method == 'HEAD' else method} {path}")

    def undeclared(self, app: FastAPI) -> list[str]:
        """The endpoints the app serves that have no rule."""
        return [endpoint for endpoint in endpoints_of(app) if endpoint not in self.rules]

    def table(self) -> str:
        """The service's own rules as a Markdown table, for the docs (OPERATIONS, the same everywhere, left out)."""
        lines = [f"| {self.service} endpoint | agencies | roles | where |", "|---|---|---|---|"]
        own = {endpoint: rule for endpoint, rule in self.rules.items() if endpoint not in OPERATIONS}
        for endpoint, rule in sorted(own.items(), key=lambda item: item[0].split(" ", 1)[::-1]):
            agencies = "anyone" if rule.public else ", ".join(sorted(agency.value for agency in rule.agencies))
            roles = "any, or no token" if rule.public else ", ".join(sorted(role.value for role in rule.roles))
            lines.append(f"| `{endpoint}` | {agencies} | {roles} | {rule.where.value} |")
        return "\n".join(lines)


def endpoints_of(app: FastAPI) -> list[str]:
    """"METHOD /path" of every endpoint the app serves: those its OpenAPI describes, and the routes of its own
    left out of it (a static mount is "GET /its/path"; HEAD follows GET)."""
    found = [f"{method.upper()} {path}" for path, operations in app.openapi()["paths"].items()
             for method in operations]
    for route in app.router.routes:
        if isinstance(route, Mount):
            found.append(f"GET {route.path}")
        elif isinstance(route, Route):
            found.extend(f"{method} {route.path_format}" for method in sorted(route.methods or ()) if method != "HEAD")
    return list(dict.fromkeys(found))
