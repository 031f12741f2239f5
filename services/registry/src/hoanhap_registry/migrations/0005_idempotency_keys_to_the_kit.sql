-- The idempotency table now belongs to the write-path kit (hoanhap.write_path, migration component
-- "idempotency"), whose table names the record an answer is about subject_id, in every service.
ALTER TABLE idempotency_keys RENAME COLUMN person_id TO subject_id;
ALTER INDEX idempotency_keys_by_person RENAME TO idempotency_keys_by_subject;
