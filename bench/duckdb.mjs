#!/usr/bin/env node
// bench/duckdb.mjs: DuckDB's side of `npm run bench`, run in a child process of its own.
//
// The weekly-by-agent aggregation of the report, as one SQL query over the same CSV
// file: per agent per ISO week of created_at (UTC), the tickets, and the count, mean,
// median and p90 of the first response time (first_response_at - created_at) and of the
// resolution time (coalesce(solved_at, closed_at) - created_at), in seconds, and the
// CSAT share (of the satisfaction responses, the satisfied ones: good, 4 or 5, as in
// docs/metrics.md; bad, 1, 2 and 3 are responses that are not). The result is written to
// OUT as CSV, so that none of the work can be skipped.
//
// @duckdb/node-api is a devDependency, never a runtime one. When it is not installed this
// prints {"installed":false} and exits 0; bench/run.mjs then reports DuckDB as not installed.
// DuckDB runs with its default threads (one per core).
//
// Usage: node bench/duckdb.mjs FILE OUT.csv
// Prints {"installed":true,"version","threads","groups","tickets"} to stdout.

const [file, out] = process.argv.slice(2);
if (!file || !out) {
  process.stderr.write('usage: node bench/duckdb.mjs FILE OUT.csv\n');
  process.exit(2);
}

let duckdb;
try {
  duckdb = await import('@duckdb/node-api');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && /Cannot find package '@duckdb\/node-api'/.test(String(error.message))) {
    process.stdout.write(`${JSON.stringify({ installed: false })}\n`);
    process.exit(0);
  }
  throw error; // installed but not loadable (a missing binary, a wrong libc): a failure, with its message
}

const sqlString = (text) => `'${text.replaceAll("'", "''")}'`;

// How this reads the file, against the report's strict reading:
// - every column is read as text (all_varchar) and converted with try_cast, so a value
//   that is not a timestamp becomes NULL instead of failing the query. The report rejects
//   such a record with its line and reason; here a record with no id or no readable
//   created_at is left out (as the report leaves it out), but a record whose first
//   response or resolution comes before its creation, which the report rejects whole, is
//   kept, its negative duration included in the figures.
// - no de-duplication: the generator's re-exported tickets (1% of the rows) are counted
//   twice, where the report keeps the record with the latest updated_at of each id.
// - every duration and the CSAT share are placed in the week the ticket was created
//   (the report's --attribution created); the report's default places each by its own
//   event (first response, resolution).
// - a satisfaction value that is not a rating ("meh") is NULL and not a response, as the
//   report sets it aside; written ratings such as "4.0", which the report reads, are not
//   recognised (the generator writes none).
// - the file's structure is not forgiven: a record with the wrong number of fields
//   fails the query (no ignore_errors), as it is a rejection with its line in the report.
const query = `
COPY (
  WITH raw AS (
    SELECT id, agent, created_at, first_response_at, solved_at, closed_at, satisfaction
    FROM read_csv(${sqlString(file)}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true)
  ),
  tickets AS (
    SELECT
      agent,
      try_cast(created_at AS TIMESTAMPTZ) AS created,
      try_cast(first_response_at AS TIMESTAMPTZ) AS first_response,
      try_cast(coalesce(solved_at, closed_at) AS TIMESTAMPTZ) AS resolved,
      CASE
        WHEN lower(trim(satisfaction)) IN ('good', '4', '5') THEN 1.0
        WHEN lower(trim(satisfaction)) IN ('bad', '1', '2', '3') THEN 0.0
      END AS satisfied
    FROM raw
    WHERE id IS NOT NULL
  ),
  timed AS (
    SELECT
      date_trunc('week', created) AS week_start,
      agent,
      epoch(first_response) - epoch(created) AS first_response_time,
      epoch(resolved) - epoch(created) AS resolution_time,
      satisfied
    FROM tickets
    WHERE created IS NOT NULL
  )
  SELECT
    strftime(week_start, '%G-W%V') AS week,
    agent,
    count(*) AS tickets,
    count(first_response_time) AS first_response_count,
    avg(first_response_time) AS first_response_mean,
    quantile_cont(first_response_time, 0.5) AS first_response_median,
    quantile_cont(first_response_time, 0.9) AS first_response_p90,
    count(resolution_time) AS resolution_count,
    avg(resolution_time) AS resolution_mean,
    quantile_cont(resolution_time, 0.5) AS resolution_median,
    quantile_cont(resolution_time, 0.9) AS resolution_p90,
    count(satisfied) AS csat_responses,
    avg(satisfied) AS csat
  FROM timed
  GROUP BY week_start, agent
  ORDER BY week_start, agent NULLS LAST
) TO ${sqlString(out)} (FORMAT csv, HEADER true)`;

// No extension is fetched at run time (the machines reach no extension repository): the
// CSV reader and ICU (time zones, ISO weeks of a TIMESTAMPTZ) are built into the package.
const instance = await duckdb.DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
const connection = await instance.connect();
await connection.run("SET TimeZone = 'UTC'");
await connection.run(query);
const [settings] = (await connection.runAndReadAll("SELECT version() AS version, current_setting('threads') AS threads")).getRowObjectsJson();
const [summary] = (await connection.runAndReadAll(`SELECT count(*) AS groups, sum(tickets) AS tickets FROM read_csv(${sqlString(out)}, header = true)`)).getRowObjectsJson();
process.stdout.write(`${JSON.stringify({
  installed: true,
  version: settings.version,
  threads: Number(settings.threads),
  groups: Number(summary.groups),
  tickets: Number(summary.tickets),
})}\n`);
