/**
 * The disclosure pass over the warehouse, run once when the warehouse is made (loaders/warehouse.ts),
 * before any report reads a count of persons. Writes the protected tables that every report reads
 * instead of the raw ones:
 *
 * - protected_vaccination(municipality_code, county_code, season, target_group, vaccine, vaccinated,
 *   unvaccinated, target_size, vaccinated_reason, unvaccinated_reason, target_reason, from_doses)
 * - protected_vaccination_county(county_code, season, target_group, vaccine, vaccinated, unvaccinated,
 *   target_size, …_reason, hidden_cells)
 * - protected_enrolment(municipality_code, county_code, period, service, enrolled, reason)
 * - protected_enrolment_county(county_code, period, service, enrolled, reason, complete, hidden_cells)
 * - disclosure_policy(key, value): the policy the tables were made with.
 *
 * A hidden count is NULL with its reason (policy.ts). The vaccinated count is the one the pages use:
 * from the dose records (vaccinationsdoser.csv) where they exist and do not exceed the target group,
 * else vaccination.csv.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {lit, queryRows} from "../ingest/sql.ts";
import type {Parameters} from "../schemas/parameters.ts";
import {disclosurePolicy, type DisclosurePolicy} from "./policy.ts";
import {protectEnrolment, protectVaccination} from "./protect.ts";

const sqlValue = (v: string | number | boolean | null): string => (v == null ? "NULL" : typeof v === "string" ? lit(v) : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v));

async function insertRows(conn: DuckDBConnection, table: string, rows: readonly (string | number | boolean | null)[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    await conn.run(`INSERT INTO ${table} VALUES ${chunk.map((r) => `(${r.map(sqlValue).join(", ")})`).join(",\n")}`);
  }
}

async function tableExists(conn: DuckDBConnection, name: string): Promise<boolean> {
  return (await queryRows(conn, `SELECT 1 FROM information_schema.tables WHERE table_name = ${lit(name)}`)).length > 0;
}

/** Reads the raw counts, protects them (protect.ts) and writes the protected tables. */
export async function createProtectedTables(conn: DuckDBConnection, parameters: Parameters): Promise<DisclosurePolicy> {
  const policy = disclosurePolicy(parameters);
  const municipalities = await queryRows<{code: string; county: string}>(conn, `SELECT municipality_code AS code, county_code AS county FROM municipalities`);
  const countyOf = new Map(municipalities.map((m) => [m.code, m.county]));

  // Vaccination: the counts the pages use (doses override the counts where they can).
  const hasDoses = await tableExists(conn, "dose_summary");
  const vacc = await queryRows<{code: string; season: string; group: string; vaccine: string; vaccinated: string; dose: string | null; target: string}>(
    conn,
    `SELECT v.municipality_code AS code, v.season, v.target_group AS "group", v.vaccine, CAST(v.vaccinated AS VARCHAR) AS vaccinated,
       ${hasDoses ? "CAST(d.vaccinated AS VARCHAR)" : "NULL"} AS dose, CAST(v.target_size AS VARCHAR) AS target
     FROM vaccination v ${hasDoses ? "LEFT JOIN dose_summary d USING (municipality_code, season, target_group, vaccine)" : ""}
     ORDER BY 2, 3, 4, 1`
  );
  const fromDoses = new Set<string>();
  const counts = vacc.map((r) => {
    const target = Number(r.target);
    let vaccinated = Number(r.vaccinated);
    if (r.dose != null && Number(r.dose) <= target) {
      vaccinated = Number(r.dose);
      fromDoses.add(`${r.code}|${r.season}|${r.group}|${r.vaccine}`);
    }
    return {code: r.code, season: r.season, targetGroup: r.group, vaccine: r.vaccine, vaccinated, targetSize: target};
  });
  const v = protectVaccination(counts, countyOf, policy);
  await conn.run(`CREATE OR REPLACE TABLE protected_vaccination (municipality_code VARCHAR, county_code VARCHAR, season VARCHAR, target_group VARCHAR, vaccine VARCHAR,
    vaccinated INTEGER, unvaccinated INTEGER, target_size INTEGER, vaccinated_reason VARCHAR, unvaccinated_reason VARCHAR, target_reason VARCHAR, from_doses BOOLEAN)`);
  await insertRows(
    conn,
    "protected_vaccination",
    v.rows.map((r) => [r.code, r.countyCode, r.season, r.targetGroup, r.vaccine, r.vaccinated, r.unvaccinated, r.targetSize, r.vaccinatedReason, r.unvaccinatedReason, r.targetReason, fromDoses.has(`${r.code}|${r.season}|${r.targetGroup}|${r.vaccine}`)])
  );
  await conn.run(`CREATE OR REPLACE TABLE protected_vaccination_county (county_code VARCHAR, season VARCHAR, target_group VARCHAR, vaccine VARCHAR,
    vaccinated INTEGER, unvaccinated INTEGER, target_size INTEGER, vaccinated_reason VARCHAR, unvaccinated_reason VARCHAR, target_reason VARCHAR, hidden_cells INTEGER)`);
  await insertRows(
    conn,
    "protected_vaccination_county",
    v.counties.map((c) => [c.countyCode, c.season, c.targetGroup, c.vaccine, c.vaccinated, c.unvaccinated, c.targetSize, c.vaccinatedReason, c.unvaccinatedReason, c.targetReason, c.hiddenCells])
  );

  // Enrolment: counts and episodes merged (the enrolment table), summed per municipality, period and service.
  const enrol = await queryRows<{code: string; period: string; service: string; n: string}>(
    conn,
    `SELECT municipality_code AS code, period, service, CAST(sum(enrolled) AS VARCHAR) AS n FROM enrolment GROUP BY ALL ORDER BY 3, 1, 2`
  );
  const e = protectEnrolment(enrol.map((r) => ({code: r.code, period: r.period, service: r.service, enrolled: Number(r.n)})), countyOf, policy);
  await conn.run(`CREATE OR REPLACE TABLE protected_enrolment (municipality_code VARCHAR, county_code VARCHAR, period VARCHAR, service VARCHAR, enrolled INTEGER, reason VARCHAR)`);
  await insertRows(conn, "protected_enrolment", e.rows.map((r) => [r.code, r.countyCode, r.period, r.service, r.enrolled, r.reason]));
  await conn.run(`CREATE OR REPLACE TABLE protected_enrolment_county (county_code VARCHAR, period VARCHAR, service VARCHAR, enrolled INTEGER, reason VARCHAR, complete BOOLEAN, hidden_cells INTEGER)`);
  await insertRows(conn, "protected_enrolment_county", e.counties.map((c) => [c.countyCode, c.period, c.service, c.enrolled, c.reason, c.complete, c.hiddenCells]));

  await conn.run(`CREATE OR REPLACE TABLE disclosure_policy (key VARCHAR, value VARCHAR)`);
  await insertRows(conn, "disclosure_policy", Object.entries(policy).map(([k, val]) => [k, String(val)]));
  return policy;
}
