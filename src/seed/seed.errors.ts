import type { SeedIssue } from './seed.types';

function formatIssue(issue: SeedIssue): string {
  return `${issue.record}.${issue.field}: ${issue.message}`;
}

/** A seed document failed validation; `issues` lists every problem found, not just the first. */
export class SeedValidationError extends Error {
  override readonly name = 'SeedValidationError';
  readonly issues: SeedIssue[];

  constructor(issues: SeedIssue[]) {
    const count = `${issues.length} issue${issues.length === 1 ? '' : 's'}`;
    super([`Invalid seed document (${count}):`, ...issues.map((i) => `  - ${formatIssue(i)}`)].join('\n'));
    this.issues = issues;
  }
}
