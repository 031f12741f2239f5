"""Reading the closed choices, sex and release type, in English or in Vietnamese, with or without accents."""

from hoanhap.contracts import ReleaseType, Sex
from hoanhap_registry.spreadsheet_import.parsing.cell_text import read_text
from hoanhap_registry.spreadsheet_import.parsing.folding import fold

SEX_WORDS = {"nam": Sex.MALE, "nu": Sex.FEMALE, "male": Sex.MALE, "female": Sex.FEMALE}

RELEASE_TYPE_LABELS = {
    ReleaseType.COMPLETED_SENTENCE: ("chấp hành xong án phạt tù", "chấp hành xong án", "chấp hành xong"),
    ReleaseType.SPECIAL_AMNESTY: ("đặc xá",),
    ReleaseType.CONDITIONAL_EARLY_RELEASE: ("tha tù trước thời hạn có điều kiện", "tha tù trước thời hạn"),
    ReleaseType.SUSPENDED_SENTENCE: ("án treo",),
    ReleaseType.NON_CUSTODIAL_REFORM: ("cải tạo không giam giữ",),
}
RELEASE_TYPE_BY_FOLDED_LABEL = {
    fold(label): release_type
    for release_type, labels in RELEASE_TYPE_LABELS.items()
    for label in (release_type.value, *labels)
}


def read_sex(value: object) -> Sex | None:
    """Nam / Nữ, or male / female."""
    text = read_text(value)
    if text is None:
        return None
    sex = SEX_WORDS.get(fold(text))
    if sex is None:
        raise ValueError(f"{text!r} is not a sex; write Nam or Nữ (or male / female)")
    return sex


def read_release_type(value: object) -> ReleaseType | None:
    """A Vietnamese label ("Đặc xá") or the English value ("special_amnesty")."""
    text = read_text(value)
    if text is None:
        return None
    release_type = RELEASE_TYPE_BY_FOLDED_LABEL.get(fold(text))
    if release_type is None:
        known = ", ".join(labels[0] for labels in RELEASE_TYPE_LABELS.values())
        raise ValueError(f"{text!r} is not a release type; write one of: {known}")
    return release_type
