import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { keptReports, RunsInputError, writeRunsPage } from '../../src/tools/bench/runs.history';

/** The kept reports come from a real git history: each committed docs/bench.json, then one not committed yet. */

let root: string;
const git = (...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    },
  ).trim();

const reportText = (commit: string, ours: number) =>
  `${JSON.stringify({
    machine: { commit },
    run: { startedAt: '2026-12-06T10:00:00.000Z', minutes: 17 },
    results: [
      {
        id: 'P1',
        size: '100,000 entities',
        measurements: [
          { peer: 'ours', metric: 'p99 at 60% of max', value: ours, unit: 'ms' },
          { peer: 'floor', metric: 'p99 at 60% of max', value: 20, unit: 'ms' },
        ],
        verdicts: [{ goal: 'p99 ≤ floor + 2 ms', met: ours <= 22, detail: '' }],
      },
    ],
  })}\n`;

function commitReport(text: string, message: string): string {
  writeFileSync(path.join(root, 'docs', 'bench.json'), text);
  git('add', '-A');
  git('commit', '-q', '-m', message);
  return git('rev-parse', '--short', 'HEAD');
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'kg-bench-runs-'));
  mkdirSync(path.join(root, 'docs'));
  git('init', '-q');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('keptReports', () => {
  it('reads every committed version, latest first, and a run not committed yet before them', () => {
    const first = commitReport(reportText('aaa1111', 10), 'first run');
    writeFileSync(path.join(root, 'README.md'), 'not a report\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'docs only');
    const second = commitReport(reportText('bbb2222', 30), 'second run');
    writeFileSync(path.join(root, 'docs', 'bench.json'), reportText('ccc3333', 5));

    const reports = keptReports(undefined, root);
    expect(reports.map((r) => [r.recordedIn, r.machine.commit])).toEqual([
      ['working tree', 'ccc3333'],
      [second, 'bbb2222'],
      [first, 'aaa1111'],
    ]);
    expect(keptReports(first, root).map((r) => r.machine.commit)).toEqual(['ccc3333', 'bbb2222']);
  });

  it('skips a version that is not a report, and reads the working tree once it is committed', () => {
    commitReport(reportText('aaa1111', 10), 'a run');
    commitReport('{"not": "a report"}\n', 'a broken report');
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(keptReports(undefined, root).map((r) => r.machine.commit)).toEqual(['aaa1111']);
      expect(stderr).toHaveBeenCalledWith(expect.stringContaining('not a benchmark report'));
    } finally {
      stderr.mockRestore();
    }
  });

  it('says what is wrong with its input', () => {
    expect(() => keptReports(undefined, root)).toThrow(RunsInputError);
    commitReport(reportText('aaa1111', 10), 'a run');
    expect(() => keptReports('no-such-commit', root)).toThrow(/--since: no-such-commit is not a commit/);
    expect(() => keptReports('--all', root)).toThrow(RunsInputError);
    expect(() => keptReports('HEAD', root)).toThrow(/no report of npm run bench in this history after HEAD/);
  });
});

describe('writeRunsPage', () => {
  it('writes the page of every kept run', () => {
    commitReport(reportText('aaa1111', 10), 'first run');
    commitReport(reportText('bbb2222', 30), 'second run');
    const out = path.join(root, 'docs', 'bench-runs.md');
    expect(writeRunsPage(out, 10, undefined, root)).toHaveLength(2);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('2 runs, measured from 2026-12-06 to 2026-12-06');
    expect(page).toContain('| P1: p99 ≤ floor + 2 ms | 1 of 2 | 1 of 2 | bbb2222 |');
    expect(page).not.toContain('shallow');
  });
});
