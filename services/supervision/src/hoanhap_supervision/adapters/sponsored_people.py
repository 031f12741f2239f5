"""The people a sponsor's token sponsors now, read from the cases' states (the sponsors each case holds)."""

from typing import Any

from hoanhap.postgres.connections import Connection

ACTIVE_SPONSORSHIP = "$.case.sponsors.* ? (@.token_subject == $subject && @.ended_on == null)"


async def sponsored_by(connection: Connection, province_code: str, subject: str) -> list[dict[str, Any]]:
    """The open cases of the province whose active sponsors include this token subject, with since when, the
    earliest sponsored first."""
    rows = await connection.fetch(
        f"""SELECT person_id, commune_code, since FROM (
              SELECT person_id, commune_code,
                     jsonb_path_query_first(state, '{ACTIVE_SPONSORSHIP}', vars) ->> 'assigned_on' AS since
              FROM cases, jsonb_build_object('subject', $2::text) AS vars
              WHERE province_code = $1 AND closed_on IS NULL) sponsored
            WHERE since IS NOT NULL ORDER BY since, person_id""", province_code, subject)
    return [{"person_id": str(row["person_id"]), "commune_code": row["commune_code"], "sponsored_since": row["since"]}
            for row in rows]
