import { round } from './stats';
import { P1_P99_ALLOWANCE_MS } from './p1.goal';
import { p1SignRows, p1Tails, tallyGoals, type KeptReport, type P1Tails, type SignRow } from './runs.tally';

/** What `npm run bench:runs` read, and from where, for the page's opening line. */
export interface RunsSource {
  /** Reports recorded after this commit only (--since), if given. */
  since?: string;
  /** The clone's history is cut short (a shallow clone): older reports are missing. */
  shallow: boolean;
}

const day = (iso: string): string => iso.slice(0, 10);
const ms = (x: number | undefined): string => (x === undefined ? '—' : round(x, 2).toFixed(2));
const of = (k: number, n: number): string => (n ? `${k} of ${n}` : '—');
const chance = (p: number): string => (p < 0.0001 ? '< 0.0001' : String(p));

function goalsTable(reports: readonly KeptReport[], recent: number): string[] {
  return [
    `| goal | met, every report | met, the latest ${recent} | latest miss, at |`,
    '|---|---|---|---|',
    ...tallyGoals(reports, recent).map(
      (t) => `| ${t.goal} | ${of(t.met, t.checked)} | ${of(t.recentMet, t.recentChecked)} | ${t.lastMissed ?? '—'} |`,
    ),
  ];
}

function signTable(rows: readonly SignRow[]): string[] {
  return [
    `| runs read | ours' p99 ≤ the floor's + ${P1_P99_ALLOWANCE_MS} ms | chance of as many at the goal's edge | the control's | its chance |`,
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${of(r.oursWithin, r.runs)} | ${chance(r.oursP)} | ${of(r.controlWithin, r.runs)} | ${chance(r.controlP)} |`,
    ),
  ];
}

function tailsTable(tails: readonly P1Tails[]): string[] {
  return [
    '| measured at | started | ours | floor | control | ours − floor |',
    '|---|---|--:|--:|--:|--:|',
    ...tails.map(
      (t) =>
        `| ${t.measuredAt} | ${day(t.startedAt)} | ${ms(t.ours)} | ${ms(t.floor)} | ${ms(t.control)} | ${ms(t.ours - t.floor)} |`,
    ),
  ];
}

/** docs/bench-runs.md: every goal's tally across the kept reports, and P1's p99 read across runs. */
export function runsMarkdown(reports: readonly KeptReport[], recent: number, source: RunsSource): string {
  const tails = p1Tails(reports);
  const first = reports.at(-1);
  const last = reports.at(0);
  const span = first && last ? `, measured from ${day(first.run.startedAt)} to ${day(last.run.startedAt)}` : '';
  const scope = source.since ? ` recorded after ${source.since}` : '';
  const lines = [
    '# The benchmark across runs',
    '',
    `Every report of \`npm run bench\` this repository keeps (each version of [bench.json](bench.json) in its history${scope}): ` +
      `${reports.length} runs${span}, the latest first. Written by \`npm run bench:runs\`. One run is one sample of a ` +
      'shared machine whose speed changes from hour to hour ([reading a run](benchmark.md#reading-a-run)); here is how ' +
      'often each goal was met.' +
      (source.shallow ? ' This clone is shallow, so older reports are missing.' : ''),
    '',
    '## Goal by goal',
    '',
    ...goalsTable(reports, recent),
    '',
    "## P1's p99 across runs",
    '',
    `Within one run P1's p99 verdict (ours ≤ the floor's + ${P1_P99_ALLOWANCE_MS} ms) cannot be read: the control, the ` +
      "floor's code in a second process measured in the same turns, lands further than that from the floor's p99 in " +
      "most runs. Across runs it can. Each run is an independent sample, so if ours' p99 sat at the edge of the goal " +
      'it would be within it in about half the runs; the chance column is how likely as many runs within it or more ' +
      `would then be (a one-sided sign test). The control is the same code as the floor, within the goal by its ${P1_P99_ALLOWANCE_MS} ms, ` +
      'and its count shows what that margin is worth against the noise: the test confirms the goal only for a server ' +
      "whose p99 is below the floor's in most runs.",
    '',
    ...signTable(p1SignRows(tails, recent)),
    '',
    'Run by run, p99 in ms:',
    '',
    ...tailsTable(tails),
  ];
  return `${lines.join('\n')}\n`;
}
