"""If-Match and ETag: a record's version is its ETag; a write naming one with If-Match applies only to it."""

from fastapi import HTTPException, Request


def etag(version: int) -> str:
    """The ETag of a version, e.g. "3" (quoted, as HTTP writes it)."""
    return f'"{version}"'


def expected_version(request: Request) -> int | None:
    """The version named by If-Match (the ETag a read returned), if any; 422 when it is not a version."""
    header = request.headers.get("if-match")
    if header is None:
        return None
    value = header.strip().removeprefix("W/").strip('"')
    if not value.isdigit():
        raise HTTPException(422, [{"loc": ["header", "If-Match"], "type": "value_error",
                                   "msg": f"If-Match {header!r} is not a case version such as \"3\""}])
    return int(value)
