import { Direction } from '../../src/graph/enums';
import type { RelatedKey } from '../../src/relation/relation.service';
import { relatedCacheKey } from '../../src/server/context';

const base: RelatedKey = {
  id: 'kt',
  spec: { types: ['INVESTS_IN', 'PARTNERS_WITH'], direction: Direction.BOTH },
  limit: 6,
  after: null,
  withTotal: true,
  asOf: null,
  countOnly: false,
};

test('every part of a page of facts makes its own key', () => {
  const variants: RelatedKey[] = [
    base,
    { ...base, id: 'naver' },
    { ...base, spec: { ...base.spec, types: ['INVESTS_IN'] } },
    { ...base, spec: { ...base.spec, direction: Direction.OUT } },
    { ...base, limit: 11 },
    { ...base, after: { id: 'f1', type: 'INVESTS_IN' } },
    { ...base, withTotal: false },
    { ...base, asOf: '2021-05-01' },
    { ...base, countOnly: true },
  ];
  expect(new Set(variants.map(relatedCacheKey)).size).toBe(variants.length);
  expect(relatedCacheKey({ ...base, countOnly: undefined })).toBe(relatedCacheKey(base));
});

test('separators inside ids and cursors cannot make two keys equal', () => {
  const a = relatedCacheKey({ ...base, id: 'a|b', after: { id: 'x', type: 'y' } });
  const b = relatedCacheKey({ ...base, id: 'a', after: { id: 'b|x', type: 'y' } });
  const c = relatedCacheKey({ ...base, after: { id: '1:x', type: 'y' } });
  const d = relatedCacheKey({ ...base, after: { id: '', type: '1:xy' } });
  expect(new Set([a, b, c, d]).size).toBe(4);
});
