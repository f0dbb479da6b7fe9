import DataLoader from 'dataloader';
import type { RelatedKey, RelatedPage } from '../relation/relation.service';

/** A value now, or one to wait for. */
export type MaybePromise<T> = T | Promise<T>;

/** Apply `f` to a value now or once it arrives, without a promise when there is nothing to wait for. */
export function mapMaybe<T, U>(value: MaybePromise<T>, f: (value: T) => U): MaybePromise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/**
 * One request's pages of facts: those a look-ahead already fetched are handed back as they are,
 * the rest are batched through a DataLoader (one query per field per level).
 *
 * Why not prime the DataLoader itself: a primed DataLoader hit still costs a new promise, a
 * closure and a batch dispatch on the next tick (dataloader 2 keeps hits in load order that way).
 * A nested read asks for some 1,100 pages (the benchmark's P2); on that read this map cut server
 * CPU per request, see the commit that introduced it.
 */
export class RelatedPages {
  private readonly primed = new Map<string, RelatedPage>();
  private readonly loader: DataLoader<RelatedKey, RelatedPage, string>;

  constructor(
    batch: (keys: readonly RelatedKey[]) => Promise<RelatedPage[]>,
    private readonly keyOf: (key: RelatedKey) => string,
  ) {
    this.loader = new DataLoader(batch, { cacheKeyFn: keyOf });
  }

  /** Remember a page fetched ahead; the first one primed under a key stays, as with DataLoader. */
  prime(key: RelatedKey, page: RelatedPage): void {
    const k = this.keyOf(key);
    if (!this.primed.has(k)) this.primed.set(k, page);
  }

  load(key: RelatedKey): MaybePromise<RelatedPage> {
    return this.primed.get(this.keyOf(key)) ?? this.loader.load(key);
  }
}
