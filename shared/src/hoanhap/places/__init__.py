"""Official Vietnamese provinces and communes (since 2025-07-01) and checks of a residence against them."""

from hoanhap.places.catalogue import Commune, Places
from hoanhap.places.official import COMMUNE_CODE_WIDTH, PROVINCE_CODE_WIDTH, official_places

__all__ = ["COMMUNE_CODE_WIDTH", "PROVINCE_CODE_WIDTH", "Commune", "Places", "official_places"]
