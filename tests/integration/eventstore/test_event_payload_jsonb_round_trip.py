"""Any JSON payload goes through PostgreSQL's jsonb and comes back hashing to the same bytes."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hoanhap.eventstore import NewEvent, PostgresEventStore
from hoanhap.eventstore.json_normal_form import normalised
from hoanhap.eventstore.testing import new_stream_id, sample_metadata

texts = st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=12)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4),
    max_leaves=16,
)


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=st.dictionaries(texts, json_values, max_size=6))
async def test_any_json_payload_reads_back_equal_and_verifies(store: PostgresEventStore, payload: dict) -> None:
    stream = new_stream_id()
    [stored] = await store.append(stream, 0, [NewEvent("AnythingRecorded", payload, sample_metadata())])
    [read] = await store.read_stream(stream)
    assert read == stored
    assert read.payload == normalised(payload)
    assert (await store.verify_stream(stream)).ok
