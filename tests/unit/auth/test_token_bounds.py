"""A token is refused when it is too big, lives too long, or names a place that is not official; the tokens the
verifier remembers are bounded in number and kept by their digest, not their text."""

import time

import pytest

from hoanhap.auth import AuthSettings, TokenProblem, TokenVerifier, Unauthenticated
from hoanhap.auth.tokens import MAX_TOKEN_CHARACTERS, REMEMBERED_TOKENS
from tests.unit.auth.officer_tokens import OFFICER


def test_a_token_longer_than_the_limit_is_refused_before_it_is_decoded():
    with pytest.raises(Unauthenticated, match=f"at most {MAX_TOKEN_CHARACTERS:,} are accepted") as refused:
        TokenVerifier(AuthSettings()).verify("a" * (MAX_TOKEN_CHARACTERS + 1))
    assert refused.value.problem is TokenProblem.MALFORMED


@pytest.mark.parametrize("exp", [1e308, time.time() + 2 * 86_400], ids=["exp-1e308", "two-days"])
def test_a_token_issued_for_longer_than_the_maximum_lifetime_is_refused(sign, exp):
    with pytest.raises(Unauthenticated, match="this service accepts tokens of at most 86400 s") as refused:
        TokenVerifier(AuthSettings()).verify(sign(exp=exp))
    assert refused.value.problem is TokenProblem.INVALID_CLAIM


def test_the_maximum_lifetime_is_configurable(sign):
    token = sign(exp=int(time.time()) + 600)
    assert TokenVerifier(AuthSettings(max_lifetime_seconds=600)).verify(token) == OFFICER
    with pytest.raises(Unauthenticated, match="at most 300 s"):
        TokenVerifier(AuthSettings(max_lifetime_seconds=300)).verify(token)


def test_a_token_whose_iat_is_backdated_to_stretch_its_life_is_refused(sign):
    with pytest.raises(Unauthenticated, match="token lives"):
        TokenVerifier(AuthSettings()).verify(sign(iat=int(time.time()) - 5 * 86_400))


@pytest.mark.parametrize(("jurisdiction", "reason"), [
    ({"province": "99"}, "province 99 is not an official province code"),
    ({"province": "79", "communes": ["00004"]}, "communes 00004 are not official communes of province 79"),
    ({"province": "01", "communes": ["99999"]}, "communes 99999 are not official communes of province 01"),
], ids=["unknown-province", "commune-of-another-province", "unknown-commune"])
def test_a_token_naming_a_place_that_is_not_official_is_refused_naming_it(sign, jurisdiction, reason):
    with pytest.raises(Unauthenticated, match=reason) as refused:
        TokenVerifier(AuthSettings()).verify(sign(jurisdiction=jurisdiction))
    assert refused.value.problem is TokenProblem.INVALID_CLAIM


def test_remembered_tokens_are_bounded_and_kept_by_digest(sign):
    verifier = TokenVerifier(AuthSettings())
    for n in range(REMEMBERED_TOKENS + 5):
        verifier.verify(sign(sub=f"officer-{n}"))
    assert len(verifier._verified) == REMEMBERED_TOKENS
    assert all(isinstance(key, bytes) and len(key) == 32 for key in verifier._verified)
