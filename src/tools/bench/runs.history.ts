import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../config';
import { runsMarkdown } from './runs.report';
import type { KeptReport } from './runs.tally';

/** Where `npm run bench` writes its report, and where the history keeps every version of it. */
const REPORT = 'docs/bench.json';

/** Where the page of the runs read together goes by default. */
export const RUNS_PAGE = path.join(REPO_ROOT, 'docs', 'bench-runs.md');

/** Input that cannot be read (not a commit, no report): the command says it in one line, exit 2. */
export class RunsInputError extends Error {}

const git = (root: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, stdio: 'pipe' });

/** A report's text as kept, or undefined (with a line on stderr) where it is not a report. */
function parse(text: string, where: string): KeptReport | undefined {
  try {
    const r = JSON.parse(text) as Omit<KeptReport, 'recordedIn'>;
    if (Array.isArray(r.results) && typeof r.run?.startedAt === 'string') return { ...r, recordedIn: where };
  } catch {
    // said below
  }
  process.stderr.write(`skipped ${REPORT} in ${where}: not a benchmark report\n`);
  return undefined;
}

function hasCommits(root: string): boolean {
  try {
    git(root, 'rev-parse', '--verify', '--quiet', 'HEAD');
    return true;
  } catch {
    return false;
  }
}

/**
 * Every kept report, latest first: the working tree's if it differs from the last commit's (a run
 * not committed yet), then each committed version, or those recorded after `since` only.
 */
export function keptReports(since?: string, root = REPO_ROOT): KeptReport[] {
  if (since !== undefined) {
    if (since.startsWith('-')) throw new RunsInputError(`--since: ${since} is not a commit`);
    try {
      git(root, 'rev-parse', '--verify', '--quiet', `${since}^{commit}`);
    } catch {
      throw new RunsInputError(`--since: ${since} is not a commit of this repository`);
    }
  }
  const anyCommit = hasCommits(root);
  const commits = anyCommit
    ? git(root, 'log', '--format=%h', ...(since ? [`${since}..HEAD`] : []), '--', REPORT)
        .split('\n')
        .filter(Boolean)
    : [];
  const reports = commits.map((c) => parse(git(root, 'show', `${c}:${REPORT}`), c));
  const file = path.join(root, REPORT);
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    let committed = '';
    try {
      if (anyCommit) committed = git(root, 'show', `HEAD:${REPORT}`);
    } catch {
      // not in the last commit: the working tree's is a run not committed yet
    }
    if (text !== committed) reports.unshift(parse(text, 'working tree'));
  }
  const kept = reports.filter((r): r is KeptReport => r !== undefined);
  if (kept.length === 0)
    throw new RunsInputError(`no report of npm run bench in this history${since ? ` after ${since}` : ''}`);
  return kept;
}

/** Writes the page of the kept reports read together; returns them. */
export function writeRunsPage(out = RUNS_PAGE, recent = 10, since?: string, root = REPO_ROOT): KeptReport[] {
  const shallow = git(root, 'rev-parse', '--is-shallow-repository').trim() === 'true';
  const reports = keptReports(since, root);
  writeFileSync(out, runsMarkdown(reports, recent, { shallow, ...(since ? { since } : {}) }));
  return reports;
}
