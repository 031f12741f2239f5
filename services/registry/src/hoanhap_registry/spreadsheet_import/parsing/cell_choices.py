"""Reading the closed choices, sex and release type, in English or in Vietnamese, with or without accents."""

from hoanhap.contracts import ReleaseType, Sex
from hoanhap.spreadsheets.cell_choices import choice_reader
from hoanhap.spreadsheets.cell_text import read_text
from hoanhap.spreadsheets.folding import fold

SEX_WORDS = {"nam": Sex.MALE, "nu": Sex.FEMALE, "male": Sex.MALE, "female": Sex.FEMALE}

RELEASE_TYPE_LABELS = {
    ReleaseType.COMPLETED_SENTENCE: ("chấp hành xong án phạt tù", "chấp hành xong án", "chấp hành xong"),
    ReleaseType.SPECIAL_AMNESTY: ("đặc xá",),
    ReleaseType.CONDITIONAL_EARLY_RELEASE: ("tha tù trước thời hạn có điều kiện", "tha tù trước thời hạn"),
    ReleaseType.SUSPENDED_SENTENCE: ("án treo",),
    ReleaseType.NON_CUSTODIAL_REFORM: ("cải tạo không giam giữ",),
}
read_release_type = choice_reader(RELEASE_TYPE_LABELS, "a release type")
"""A Vietnamese label ("Đặc xá") or the English value ("special_amnesty")."""


def read_sex(value: object) -> Sex | None:
    """Nam / Nữ, or male / female."""
    text = read_text(value)
    if text is None:
        return None
    sex = SEX_WORDS.get(fold(text))
    if sex is None:
        raise ValueError(f"{text!r} is not a sex; write Nam or Nữ (or male / female)")
    return sex
