"""The official catalogue, read once from the `vietnam-provinces` package (34 provinces, 3,321 communes since
2025-07-01).

The package keys places by integer code (Hà Nội is 1, Phường Ba Đình is 4); the registry, like the official lists,
writes them with leading zeros ("01", "00004").
"""

from functools import cache
from types import MappingProxyType

from vietnam_provinces import Province, Ward

from hoanhap.places.catalogue import Commune, Places

PROVINCE_CODE_WIDTH = 2
COMMUNE_CODE_WIDTH = 5


def province_code_text(code: int) -> str:
    """The package's integer province code as the registry writes it."""
    return f"{code:0{PROVINCE_CODE_WIDTH}d}"


def commune_code_text(code: int) -> str:
    """The package's integer ward code as the registry writes it."""
    return f"{code:0{COMMUNE_CODE_WIDTH}d}"


@cache
def official_places() -> Places:
    """The catalogue, built on first use and shared afterwards."""
    province_names = {province_code_text(province.code): province.name for province in Province.iter_all()}
    communes = {
        commune_code_text(ward.code): Commune(commune_code_text(ward.code), ward.name,
                                              province_code_text(ward.province_code))
        for ward in Ward.iter_all()
    }
    return Places(MappingProxyType(province_names), MappingProxyType(communes))
