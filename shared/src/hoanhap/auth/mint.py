"""`hoanhap-token`: mint a development token, e.g. `hoanhap-token --agency police --role officer --province 01`."""

import argparse
import re
import sys

from hoanhap.auth.principal import Agency, Jurisdiction, Principal, Role
from hoanhap.auth.settings import AuthSettings
from hoanhap.auth.tokens import mint_token

DURATION = re.compile(r"^(\d+)([smhd])$")
SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def main(argv: list[str] | None = None) -> int:
    """Print a signed development token for the given agency, role and jurisdiction."""
    args = _parser().parse_args(argv)
    principal = Principal(sub=args.sub, agency=args.agency, role=args.role,
                          jurisdiction=Jurisdiction(province=args.province, communes=tuple(args.commune)))
    try:
        print(mint_token(AuthSettings(), principal, ttl_seconds(args.ttl)))
    except ValueError as error:
        print(f"hoanhap-token: {error}", file=sys.stderr)
        return 2
    return 0


def ttl_seconds(text: str) -> int:
    """Seconds in a duration such as 30m, 8h or 7d."""
    match = DURATION.match(text)
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration such as 30m, 8h or 7d")
    return int(match.group(1)) * SECONDS[match.group(2)]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hoanhap-token", description=__doc__)
    parser.add_argument("--agency", required=True, choices=[agency.value for agency in Agency])
    parser.add_argument("--role", required=True, choices=[role.value for role in Role])
    parser.add_argument("--province", required=True, help="official province code, e.g. 01 (Hà Nội)")
    parser.add_argument("--commune", action="append", default=[], help="official commune code; repeatable")
    parser.add_argument("--sub", default="dev-user", help="who the token is for")
    parser.add_argument("--ttl", default="8h", help="lifetime such as 30m, 8h or 7d")
    return parser


if __name__ == "__main__":
    sys.exit(main())
