"""The officer most auth tests speak for, and the claims of a token naming them."""

import time

from hoanhap.auth import Agency, AuthSettings, Jurisdiction, Principal, Role
from hoanhap.auth.settings import DEFAULT_AUDIENCE

OFFICER = Principal(sub="officer-7", issuer="hoanhap-dev", agency=Agency.POLICE, role=Role.OFFICER,
                    jurisdiction=Jurisdiction(province="01", communes=("00004",)))
DEFAULTS = AuthSettings.model_construct()  # the documented defaults, whatever the environment says


def officer_claims(**changes: object) -> dict[str, object]:
    """Valid claims for OFFICER under the default settings; a change to None removes that claim."""
    now = int(time.time())
    claims = {**OFFICER.model_dump(mode="json", exclude={"issuer"}), "iat": now, "exp": now + 3600,
              "iss": DEFAULTS.issuer, "aud": DEFAULT_AUDIENCE}
    return {name: value for name, value in {**claims, **changes}.items() if value is not None}
