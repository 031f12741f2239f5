"""A record of another province is invisible (NotFound), one of another commune of the caller's province forbidden
(Forbidden), with the service's own words."""

import pytest

from hoanhap.write_path.errors import Forbidden, NotFound
from hoanhap.write_path.jurisdiction import ensure_place_access
from tests.unit.write_path.kit_apps import OFFICER


def test_the_callers_own_commune_passes():
    ensure_place_access(OFFICER, "01", "00004")


def test_another_province_is_not_found():
    with pytest.raises(NotFound, match="^no such case$"):
        ensure_place_access(OFFICER, "79", "26506", not_found="no such case")


def test_another_commune_of_the_province_is_forbidden_without_naming_it():
    with pytest.raises(Forbidden) as refused:
        ensure_place_access(OFFICER, "01", "00008")
    assert "00008" not in refused.value.detail
