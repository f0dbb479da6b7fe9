import { BadUserInputError } from '../errors/errors';

/** Default page size when a client names none: a screenful. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a client may ask for unless MAX_PAGE_SIZE says otherwise: bounds one request's memory and time. */
export const DEFAULT_MAX_PAGE_SIZE = 500;
let maxPageSize = DEFAULT_MAX_PAGE_SIZE;

/**
 * The process-wide page cap, set once at start from the MAX_PAGE_SIZE setting (a deployment that
 * draws 10,000 entities at once raises it, and MAX_QUERY_COST with it, since lists cost their size).
 */
export function setMaxPageSize(size: number): void {
  if (!Number.isInteger(size) || size < 1) throw new Error('MAX_PAGE_SIZE must be a positive integer');
  maxPageSize = size;
}

export function getMaxPageSize(): number {
  return maxPageSize;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageWindow {
  /** Rows to return. */
  size: number;
  /** true when paging backwards (last/before): query in reverse order, then flip. */
  backward: boolean;
  cursor: string | null;
}

/** Validate Relay arguments: first with after, or last with before, sizes within bounds. */
export function pageWindow(args: PageArgs, field = 'first'): PageWindow {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw new BadUserInputError('Give either first or last, not both', 'last');
  if (after != null && before != null) throw new BadUserInputError('Give either after or before, not both', 'before');
  const backward = last != null || before != null;
  const size = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;
  const name = backward ? 'last' : field;
  if (!Number.isInteger(size) || size < 0)
    throw new BadUserInputError(`'${name}' must be a non-negative integer`, name);
  if (size > maxPageSize) throw new BadUserInputError(`'${name}' may be at most ${maxPageSize}`, name);
  return { size, backward, cursor: (backward ? before : after) ?? null };
}
