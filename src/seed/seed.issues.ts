import type { z } from 'zod';
import type { SeedIssue } from './seed.types';

/** The `field` of an issue about a record as a whole (e.g. it is not an object). */
export const WHOLE_RECORD = '(record)';

/** The `record` of an issue about the document's outline (missing `facts`, unknown top-level key). */
export const DOCUMENT_RECORD = 'document';

/** 'properties.aliases[2]' from ['properties', 'aliases', 2]. */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

/** Names a record by its id when it has one, else by its position (e.g. "facts[3]"). */
export function recordLabel(raw: unknown, position: string): string {
  if (typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string') {
    const id = raw.id.normalize('NFC').trim();
    if (id !== '') return id;
  }
  return position;
}

/** Collects every problem in a seed document so they can be reported together. */
export class IssueCollector {
  readonly issues: SeedIssue[] = [];

  add(record: string, field: string, message: string): void {
    this.issues.push({ record, field, message });
  }

  addZodError(record: string, error: z.ZodError): void {
    for (const issue of error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) this.add(record, formatPath([...issue.path, key]), 'unknown field');
      } else {
        this.add(record, issue.path.length > 0 ? formatPath(issue.path) : WHOLE_RECORD, issue.message);
      }
    }
  }

  get isEmpty(): boolean {
    return this.issues.length === 0;
  }
}
