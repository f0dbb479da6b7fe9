import { Direction } from '../../src/graph/enums';
import { mapMaybe } from '../../src/common/maybe-promise';
import { RelatedPages, samePage } from '../../src/prefetch/related-pages';
import type { RelatedKey, RelatedPage } from '../../src/relation/relation.service';
import { relatedCacheKey } from '../../src/server/context';

const key = (id: string, limit = 6): RelatedKey => ({
  id,
  spec: { types: ['PARTNERS_WITH'], direction: Direction.BOTH },
  limit,
  after: null,
  withTotal: false,
});
const page = (total: number): RelatedPage => ({ items: [], hasMore: false, total });

function pagesWithBatches() {
  const batches: string[][] = [];
  const pages = new RelatedPages(async (keys) => {
    batches.push(keys.map((k) => k.id));
    return keys.map(() => page(-1));
  }, relatedCacheKey);
  return { pages, batches };
}

test('a page fetched ahead comes back at once, without a query or a promise', () => {
  const { pages, batches } = pagesWithBatches();
  pages.prime(key('kt'), page(3));
  const loaded = pages.load(key('kt'));
  expect(loaded).not.toBeInstanceOf(Promise);
  expect(loaded).toEqual(page(3));
  expect(batches).toEqual([]);
});

test('the first page primed under a key stays', () => {
  const { pages } = pagesWithBatches();
  pages.prime(key('kt'), page(3));
  pages.prime(key('kt'), page(4));
  expect(pages.load(key('kt'))).toEqual(page(3));
});

test('pages not fetched ahead are asked for in one batch, and a different size is a different page', async () => {
  const { pages, batches } = pagesWithBatches();
  pages.prime(key('kt'), page(3));
  const loads = [pages.load(key('naver')), pages.load(key('kt', 11)), pages.load(key('naver'))];
  expect(loads.every((l) => l instanceof Promise)).toBe(true);
  expect(await Promise.all(loads)).toEqual([page(-1), page(-1), page(-1)]);
  expect(batches).toEqual([['naver', 'kt']]);
});

test('mapMaybe applies at once to a value and later to a promise', async () => {
  expect(mapMaybe(2, (n) => n * 3)).toBe(6);
  const later = mapMaybe(Promise.resolve(2), (n) => n * 3);
  expect(later).toBeInstanceOf(Promise);
  expect(await later).toBe(6);
});

test('two keys name the same page exactly when their loader keys are equal', () => {
  const base: RelatedKey = {
    ...key('kt'),
    spec: { types: ['INVESTS_IN', 'PARTNERS_WITH'], direction: Direction.BOTH },
  };
  const variants: RelatedKey[] = [
    base,
    { ...base, spec: { ...base.spec, types: ['INVESTS_IN'] } },
    { ...base, spec: { ...base.spec, types: ['INVESTS_IN', 'RESEARCHES'] } },
    { ...base, spec: { ...base.spec, direction: Direction.OUT } },
    { ...base, limit: 11 },
    { ...base, after: { id: 'f1', type: 'INVESTS_IN' } },
    { ...base, after: { id: 'f1', type: 'PARTNERS_WITH' } },
    { ...base, after: { id: 'f2', type: 'INVESTS_IN' } },
    { ...base, withTotal: true },
    { ...base, asOf: '2021-05-01' },
    { ...base, asOf: null, countOnly: false },
    { ...base, countOnly: true },
    { ...base, spec: { ...base.spec, types: [...base.spec.types] }, after: { id: 'f1', type: 'INVESTS_IN' } },
  ];
  for (const a of variants) {
    for (const b of variants) expect(samePage(a, b)).toBe(relatedCacheKey(a) === relatedCacheKey(b));
  }
});
