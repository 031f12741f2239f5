-- The commune lists (Form 01) the registry certified (CommuneListingCertified, one event per person on a list):
-- each person's latest entry, deleted with the person on erasure, and each commune's certified lists, so credit
-- can tell whether an entry is of the commune's latest certified list. No name, no signatory: those stay in the
-- registry.
CREATE TABLE registry_listings (
    person_id    uuid PRIMARY KEY REFERENCES registry_people (person_id) ON DELETE CASCADE,
    list_id      uuid NOT NULL,
    commune_code text NOT NULL,
    certified_on date NOT NULL
);

CREATE TABLE commune_lists (
    list_id      uuid PRIMARY KEY,
    commune_code text NOT NULL,
    certified_on date NOT NULL
);
CREATE INDEX commune_lists_latest ON commune_lists (commune_code, certified_on DESC);
