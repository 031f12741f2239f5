"""`hoanhap-token`: print a development token, e.g. `hoanhap-token --agency police --role officer --province 01`.

Signed with AUTH_SECRET (HS256; by default the public development secret), with AUTH_ISSUER and AUTH_AUDIENCE, so
a service running with the same environment accepts it. Refused when AUTH_ALGORITHM is not HS256.
"""

import argparse
import re
import sys

from pydantic import ValidationError

from hoanhap.auth.development_tokens import MintingRefused, mint_token
from hoanhap.auth.principal import Agency, Jurisdiction, Principal, Role
from hoanhap.auth.refusals import in_words
from hoanhap.auth.settings import AuthSettings
from hoanhap.contracts.services import Service

PROGRAM = "hoanhap-token"
DURATION = re.compile(r"^(\d+)([smhd])$")
SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
HOME_SERVICES = {  # whom a development token is for when --service is not given
    Agency.POLICE: ["registry", "supervision", "stats"],  # commune police register, supervise, read figures
    Agency.SUPERVISION: ["supervision", "stats"],
    Agency.BANK: ["credit", "stats"],
    Agency.STEERING_COMMITTEE: ["stats"],
}


def main(argv: list[str] | None = None) -> int:
    """Print a signed development token for the given agency, role and jurisdiction; 2 when refused."""
    args = _parser().parse_args(argv)
    try:
        settings = AuthSettings()
        principal = Principal(sub=args.sub, agency=args.agency, role=args.role,
                              jurisdiction=Jurisdiction(province=args.province, communes=tuple(args.commune)))
        services = args.service or HOME_SERVICES[Agency(args.agency)]
        print(mint_token(settings, principal, args.ttl, [settings.audience_of(service) for service in services]))
    except (ValidationError, MintingRefused) as error:
        for reason in _reasons(error):
            print(f"{PROGRAM}: {reason}", file=sys.stderr)
        return 2
    return 0


def ttl_seconds(text: str) -> int:
    """Seconds in a duration such as 90s, 30m, 8h or 7d."""
    match = DURATION.match(text)
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration such as 90s, 30m, 8h or 7d")
    return int(match.group(1)) * SECONDS[match.group(2)]


def _reasons(error: ValidationError | MintingRefused) -> list[str]:
    if isinstance(error, MintingRefused):
        return [str(error)]
    if error.title != AuthSettings.__name__:
        return [in_words(problem) for problem in error.errors(include_url=False)]
    return [f"AUTH_{'_'.join(map(str, problem['loc'])).upper()}: {in_words(problem)}"
            for problem in error.errors(include_url=False)]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROGRAM, description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agency", required=True, choices=[agency.value for agency in Agency])
    parser.add_argument("--role", required=True, choices=[role.value for role in Role])
    parser.add_argument("--province", required=True, help="official province code, e.g. 01 (Hà Nội)")
    parser.add_argument("--commune", action="append", default=[],
                        help="official commune code, repeatable; none: the whole province")
    parser.add_argument("--service", action="append", choices=[service.value for service in Service],
                        help="a service the token is for, repeatable (its audience); default: the agency's own")
    parser.add_argument("--sub", default="dev-user", help="who the token is for (default dev-user)")
    parser.add_argument("--ttl", type=ttl_seconds, default="8h",
                        help="lifetime such as 30m or 8h (default 8h; at most AUTH_MAX_LIFETIME_SECONDS)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
