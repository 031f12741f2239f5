"""Where the generated contract documents are committed: beside this package in the shared/ folder."""

from pathlib import Path

SHARED_DIR = Path(__file__).resolve().parents[4]
SCHEMAS_DIR = SHARED_DIR / "schemas"
ASYNCAPI_DIR = SHARED_DIR / "asyncapi"
