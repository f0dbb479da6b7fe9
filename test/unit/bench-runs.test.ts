import { runsMarkdown } from '../../src/tools/bench/runs.report';
import { p1SignRows, p1Tails, signTestP, tallyGoals, type KeptReport } from '../../src/tools/bench/runs.tally';

/** The benchmark read across its kept reports: each goal's tally, and P1's p99 by a sign test. */

const p99 = (peer: string, value: number) => ({ peer, metric: 'p99 at 60% of max', value, unit: 'ms' });

function report(
  commit: string,
  p1: { ours: number; floor: number; control?: number },
  opts: { minutes?: number; threeHopMet?: boolean; pathMet?: boolean | null } = {},
): KeptReport {
  const { ours, floor, control } = p1;
  return {
    recordedIn: `r-${commit}`,
    machine: { commit },
    run: { startedAt: `2026-12-0${commit.length}T10:00:00.000Z`, ...(opts.minutes ? { minutes: opts.minutes } : {}) },
    results: [
      {
        id: 'P1',
        size: '100,000 entities',
        measurements: [
          { peer: 'ours', metric: 'throughput (c=8)', value: 5000, unit: 'req/s' },
          p99('ours', ours),
          p99('floor', floor),
          ...(control === undefined ? [] : [p99('floor, second process', control)]),
        ],
        verdicts: [{ goal: 'p99 ≤ floor + 2 ms', met: ours - floor <= 2, detail: '' }],
      },
      {
        id: 'P4',
        size: '100,000 entities',
        measurements: [],
        verdicts: [
          { goal: '3-hop neighbourhood ≤1.1× raw', met: opts.threeHopMet ?? true, detail: '' },
          { goal: 'shortest path ≤1.1× raw', met: opts.pathMet === undefined ? true : opts.pathMet, detail: '' },
        ],
      },
      {
        id: 'P4',
        size: '1,000,000 entities',
        measurements: [],
        verdicts: [{ goal: '3-hop neighbourhood ≤1.1× raw', met: true, detail: '' }],
      },
    ],
  };
}

describe('signTestP', () => {
  it('is the chance of k or more heads in n fair tosses', () => {
    expect(signTestP(7, 7)).toBeCloseTo(1 / 128, 10);
    expect(signTestP(5, 10)).toBeCloseTo(638 / 1024, 10);
    expect(signTestP(23, 31)).toBeCloseTo(0.00535, 4);
    expect(signTestP(0, 5)).toBe(1);
    expect(signTestP(6, 5)).toBe(0);
  });

  it('stays a probability for hundreds of runs', () => {
    const p = signTestP(300, 500);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(0.0001);
    expect(signTestP(250, 500)).toBeCloseTo(0.5178, 3);
  });
});

describe('tallyGoals', () => {
  const reports = [
    report('ccc', { ours: 5, floor: 20 }, { minutes: 17.3, pathMet: null }),
    report('bb', { ours: 40, floor: 20 }, { minutes: 32.3, threeHopMet: false }),
    report('a', { ours: 10, floor: 9 }, { threeHopMet: false }),
  ];
  const byGoal = new Map(tallyGoals(reports, 2).map((t) => [t.goal, t]));

  it('counts each goal over every report and over the latest ones, naming the latest miss', () => {
    expect(byGoal.get('P1: p99 ≤ floor + 2 ms')).toEqual({
      goal: 'P1: p99 ≤ floor + 2 ms',
      met: 2,
      checked: 3,
      recentMet: 1,
      recentChecked: 2,
      lastMissed: 'bb',
    });
    expect(byGoal.get('P4 (100,000 entities): 3-hop neighbourhood ≤1.1× raw')).toMatchObject({
      met: 1,
      checked: 3,
      lastMissed: 'bb',
    });
  });

  it('keeps the two P4 sizes apart and leaves out what a run could not check', () => {
    expect(byGoal.get('P4 (1,000,000 entities): 3-hop neighbourhood ≤1.1× raw')).toMatchObject({ met: 3, checked: 3 });
    expect(byGoal.get('P4 (100,000 entities): shortest path ≤1.1× raw')).toMatchObject({ met: 2, checked: 2 });
  });

  it('checks the run time where the report has it', () => {
    expect(byGoal.get('whole run ≤ 30 minutes')).toMatchObject({ met: 1, checked: 2, lastMissed: 'bb' });
  });
});

describe("P1's p99 across runs", () => {
  const reports = [
    report('g', { ours: 9.4, floor: 16.6, control: 15.9 }),
    report('f', { ours: 22, floor: 20, control: 30 }), // exactly at the edge: within
    report('e', { ours: 92, floor: 49, control: 491 }),
    report('d', { ours: 6, floor: 31, control: 18 }),
    report('c', { ours: 30, floor: 40 }), // before the control began
  ];

  it('reads ours, the floor and the control where a report has them', () => {
    const tails = p1Tails(reports);
    expect(tails).toHaveLength(5);
    expect(tails[0]).toEqual({
      measuredAt: 'g',
      startedAt: '2026-12-01T10:00:00.000Z',
      ours: 9.4,
      floor: 16.6,
      control: 15.9,
    });
    expect(tails[4]).not.toHaveProperty('control');
  });

  it('counts the runs with a control within the floor + 2 ms, for ours and for the control', () => {
    const [all, recent] = p1SignRows(p1Tails(reports), 2);
    expect(all).toMatchObject({ runs: 4, oursWithin: 3, controlWithin: 2 });
    expect(all?.oursP).toBeCloseTo(5 / 16, 4);
    expect(all?.controlP).toBeCloseTo(11 / 16, 4);
    expect(recent).toMatchObject({ label: 'the latest 2 with a control', runs: 2, oursWithin: 2, controlWithin: 1 });
  });

  it('gives no second row when every run is among the latest', () => {
    expect(p1SignRows(p1Tails(reports), 10)).toHaveLength(1);
  });
});

describe('runsMarkdown', () => {
  const reports = [report('g', { ours: 9.4, floor: 16.6, control: 15.9 }), report('d', { ours: 6, floor: 31 })];

  it('writes the tallies, the sign test and the runs, latest first', () => {
    const md = runsMarkdown(reports, 10, { shallow: false });
    expect(md).toContain('2 runs, measured from 2026-12-01 to 2026-12-01');
    expect(md).toContain('| P1: p99 ≤ floor + 2 ms | 2 of 2 | 2 of 2 | — |');
    expect(md).toContain('| every run with a control | 1 of 1 | 0.5 | 1 of 1 | 0.5 |');
    expect(md).toContain('| g | 2026-12-01 | 9.40 | 16.60 | 15.90 | -7.20 |');
    expect(md).toContain('| d | 2026-12-01 | 6.00 | 31.00 | — | -25.00 |');
    expect(md).not.toContain('shallow');
  });

  it('says when it reads part of the history', () => {
    const md = runsMarkdown(reports, 10, { shallow: true, since: '91c3727' });
    expect(md).toContain('recorded after 91c3727');
    expect(md).toContain('This clone is shallow');
  });
});
