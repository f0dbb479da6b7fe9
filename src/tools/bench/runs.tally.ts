import { P1_CONTROL, P1_P99_ALLOWANCE_MS } from './p1.goal';
import type { RunFacts } from './report';
import { round } from './stats';
import type { ScenarioResult } from './types';

/**
 * The benchmark's goals read across runs. One run is one sample of a shared machine whose speed
 * changes from hour to hour: P1's p99 verdict (ours ≤ the floor's + 2 ms) moves by more than its
 * 2 ms within one run (the floor's code in a second process, the control, lands up to hundreds of
 * milliseconds from the floor's p99, and within 2 ms of it in few runs), so one run cannot say
 * whether it is met. Across runs it can: the runs are independent samples, and a sign test asks
 * whether ours meets it in more runs than it would if ours' p99 sat at the goal's edge. The
 * control, the same code as the floor, shows what that test says of code no better than the floor.
 */

/** A docs/bench.json as `npm run bench` writes it, and the commit that recorded it. */
export interface KeptReport {
  /** The commit whose tree holds this report ("working tree" for one not yet committed). */
  recordedIn: string;
  machine: { commit?: string | number };
  run: Pick<RunFacts, 'startedAt'> & Partial<Pick<RunFacts, 'minutes'>>;
  results: Pick<ScenarioResult, 'id' | 'size' | 'measurements' | 'verdicts'>[];
}

/** How often one goal was met: over every report that checked it, and over the latest `recent`. */
export interface GoalTally {
  goal: string;
  met: number;
  checked: number;
  recentMet: number;
  recentChecked: number;
  /** The measured commit of the latest report that missed it. */
  lastMissed?: string;
}

/** The run-time goal of the issue: the whole run within 30 minutes on this machine. */
export const RUN_MINUTES = 30;

const measuredAt = (r: KeptReport): string => String(r.machine.commit ?? r.recordedIn);

/** A goal's name across reports: P4 runs twice, so its size is part of it. */
const goalName = (res: KeptReport['results'][number], goal: string): string =>
  res.id === 'P4' ? `P4 (${res.size}): ${goal}` : `${res.id}: ${goal}`;

/** Every goal's tally, in the order the latest report lists them; `reports` latest first. */
export function tallyGoals(reports: readonly KeptReport[], recent: number): GoalTally[] {
  const tallies = new Map<string, GoalTally>();
  const count = (goal: string, met: boolean | null, index: number, report: KeptReport) => {
    if (met === null) return;
    const t = tallies.get(goal) ?? { goal, met: 0, checked: 0, recentMet: 0, recentChecked: 0 };
    t.checked++;
    if (met) t.met++;
    if (index < recent) {
      t.recentChecked++;
      if (met) t.recentMet++;
    }
    if (!met && t.lastMissed === undefined) t.lastMissed = measuredAt(report);
    tallies.set(goal, t);
  };
  reports.forEach((report, index) => {
    for (const res of report.results) for (const v of res.verdicts) count(goalName(res, v.goal), v.met, index, report);
    if (report.run.minutes !== undefined)
      count(`whole run ≤ ${RUN_MINUTES} minutes`, report.run.minutes <= RUN_MINUTES, index, report);
  });
  return [...tallies.values()];
}

/** P1's p99s in one report, ms; the control's where the report has one. */
export interface P1Tails {
  measuredAt: string;
  startedAt: string;
  ours: number;
  floor: number;
  control?: number;
}

export function p1Tails(reports: readonly KeptReport[]): P1Tails[] {
  return reports.flatMap((report) => {
    const p1 = report.results.find((r) => r.id === 'P1');
    const p99 = (peer: string) => p1?.measurements.find((m) => m.peer === peer && m.metric.startsWith('p99'))?.value;
    const [ours, floor, control] = [p99('ours'), p99('floor'), p99(P1_CONTROL)];
    if (ours === undefined || floor === undefined) return [];
    const base = { measuredAt: measuredAt(report), startedAt: report.run.startedAt, ours, floor };
    return [control === undefined ? base : { ...base, control }];
  });
}

/**
 * The chance of `k` or more heads in `n` tosses of a fair coin: the one-sided sign test's p-value
 * for k runs of n meeting a goal if, in truth, each run met it with a chance of one half.
 */
export function signTestP(k: number, n: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let logC = 0; // log C(n, i), built up from i = 0
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    if (i > 0) logC += Math.log(n - i + 1) - Math.log(i);
    if (i >= k) sum += Math.exp(logC - n * Math.LN2);
  }
  return Math.min(1, sum);
}

/** One row of P1's p99 read across runs: of `runs`, in how many each server was within the allowance. */
export interface SignRow {
  label: string;
  runs: number;
  oursWithin: number;
  oursP: number;
  controlWithin: number;
  controlP: number;
}

/** The sign test over the runs that had a control, for every run and for the latest `recent`. */
export function p1SignRows(tails: readonly P1Tails[], recent: number): SignRow[] {
  const withControl = tails.filter((t): t is P1Tails & { control: number } => t.control !== undefined);
  const row = (label: string, set: readonly (P1Tails & { control: number })[]): SignRow => {
    const oursWithin = set.filter((t) => t.ours <= t.floor + P1_P99_ALLOWANCE_MS).length;
    const controlWithin = set.filter((t) => t.control <= t.floor + P1_P99_ALLOWANCE_MS).length;
    return {
      label,
      runs: set.length,
      oursWithin,
      oursP: round(signTestP(oursWithin, set.length), 4),
      controlWithin,
      controlP: round(signTestP(controlWithin, set.length), 4),
    };
  };
  const rows = [row('every run with a control', withControl)];
  if (withControl.length > recent) rows.push(row(`the latest ${recent} with a control`, withControl.slice(0, recent)));
  return rows;
}
