import { luceneQuery } from '../../src/search/lucene';
import { decodeCursor, encodeCursor } from '../../src/common/cursor';

test('Latin words also match as prefixes; Hangul goes to the analyzer as typed', () => {
  expect(luceneQuery('Naver')).toBe('(naver OR naver*)');
  expect(luceneQuery('카이스트')).toBe('카이스트');
  expect(luceneQuery('LG AI연구원')).toBe('(lg OR lg*) ai연구원');
});

test('Lucene operators cannot be injected', () => {
  expect(luceneQuery('KT AND (OR "[')).toBe('(kt OR kt*) (and OR and*) (or OR or*)');
  expect(luceneQuery('name:* ~ ^')).toBe('(name OR name*)');
  expect(luceneQuery('  ')).toBeNull();
});

test('cursors are opaque and refuse forgeries with BAD_USER_INPUT', () => {
  const c = encodeCursor(['네이버', 'naver']);
  expect(c).not.toContain('naver');
  expect(decodeCursor(c, 'after', 2)).toEqual(['네이버', 'naver']);
  for (const bad of ['xyz', encodeCursor(['only-one']), Buffer.from('{"a":1}').toString('base64url')]) {
    expect(() => decodeCursor(bad, 'after', 2)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
    );
  }
});
