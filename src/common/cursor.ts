import { BadUserInputError } from '../errors/errors';

/**
 * Opaque keyset cursors: base64url of a JSON array of the sort key values. Opaque so clients do not
 * build them; keyset (not offset) so a page stays correct while the graph changes underneath it.
 */
export type CursorKey = (string | number | null)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field: string, length: number): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === length &&
      key.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return key as CursorKey;
    }
  } catch {
    // fall through to the coded error below
  }
  throw new BadUserInputError(`'${field}' is not a cursor this API issued`, field);
}

/**
 * A connection edge whose cursor is encoded only when a client selects it, not for every row of a
 * large page. A class, so the getter lives once on the prototype; `keyOf` is shared by a page's edges.
 */
export class LazyEdge<T> {
  constructor(
    readonly node: T,
    private readonly keyOf: (node: T) => CursorKey,
  ) {}

  get cursor(): string {
    return encodeCursor(this.keyOf(this.node));
  }
}
