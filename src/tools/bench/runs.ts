import path from 'node:path';
import { parseArgs } from 'node:util';
import { RUNS_PAGE, RunsInputError, writeRunsPage } from './runs.history';
import { p1SignRows, p1Tails } from './runs.tally';

const USAGE = `Usage: npm run bench:runs -- [--since COMMIT] [--recent N] [--out FILE]
  Reads every report of npm run bench kept in this repository's history (each committed version
  of docs/bench.json, and the working tree's if it is not committed yet), and writes how often each
  goal was met and P1's p99 read across runs to FILE (default docs/bench-runs.md; npm run bench
  rewrites that page after each run). --since keeps the reports recorded after COMMIT only (e.g.
  the last change to the measured code); --recent is how many of the latest runs get a column of
  their own (default 10).`;

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        since: { type: 'string' },
        recent: { type: 'string', default: '10' },
        out: { type: 'string', default: RUNS_PAGE },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    throw new RunsInputError(err instanceof Error ? err.message : String(err));
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const recent = Number(values.recent);
  if (!Number.isInteger(recent) || recent < 1) throw new RunsInputError('--recent: a whole number, at least 1');
  return { since: values.since, recent, out: path.resolve(values.out) };
}

function main(): void {
  const opts = options();
  const reports = writeRunsPage(opts.out, opts.recent, opts.since);
  for (const r of p1SignRows(p1Tails(reports), opts.recent))
    process.stdout.write(
      `P1 p99, ${r.label}: ours within the goal in ${r.oursWithin} of ${r.runs} (chance at its edge ${r.oursP}), ` +
        `the control in ${r.controlWithin} (${r.controlP})\n`,
    );
  process.stdout.write(`read ${reports.length} reports; wrote ${opts.out}\n`);
}

try {
  main();
} catch (err: unknown) {
  const input = err instanceof RunsInputError;
  process.stderr.write(input ? `${err.message}\n${USAGE}\n` : `${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(input ? 2 : 1);
}
