"""A read-model upsert replaces only the columns it names, or keeps the stored row when it names none."""

from hoanhap_stats.projecting.upserts import Upsert, every_column_but

COLUMNS = {"visit_id": "uuid", "kind": "text", "visited_on": "date"}


def test_a_stored_key_gets_only_the_named_columns_replaced():
    statement = Upsert("visits", COLUMNS, key="visit_id", replaced=("kind",)).statement
    assert statement == ("INSERT INTO visits (visit_id, kind, visited_on) SELECT * FROM unnest($1::uuid[], "
                         "$2::text[], $3::date[]) ON CONFLICT (visit_id) DO UPDATE SET kind = EXCLUDED.kind")


def test_naming_no_replaced_column_keeps_the_stored_row_as_it_is():
    assert Upsert("visits", COLUMNS, key="visit_id").statement.endswith("ON CONFLICT (visit_id) DO NOTHING")


def test_every_column_but_the_kept_ones_keeps_the_tables_order():
    assert every_column_but(COLUMNS, "visit_id") == ("kind", "visited_on")


def test_a_key_of_several_columns_is_the_conflict_target():
    due = Upsert("contact_due", {"case_id": "uuid", "as_of": "date", "next_due_on": "date"}, key="case_id, as_of",
                 replaced=("next_due_on",))
    assert due.statement.endswith("ON CONFLICT (case_id, as_of) DO UPDATE SET next_due_on = EXCLUDED.next_due_on")
