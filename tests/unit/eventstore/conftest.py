"""The event store's shared contract suite lives in the package; let pytest rewrite its asserts."""

import pytest

pytest.register_assert_rewrite("hoanhap.eventstore.testing")
