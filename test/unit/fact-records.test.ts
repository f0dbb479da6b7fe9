import { kindRecord, slimFactRecord, toRelationshipRecord } from '../../src/graph/records';
import { toFacts } from '../../src/traversal/traversal.records';

/**
 * A fact read slim (its type and id) is built straight into its record; whoever reads it (a
 * nested page, a drawn neighbourhood) must see what the whole-fact path gives for the same fact.
 */

const naver = kindRecord('Organization', 'org-naver');
const kaist = kindRecord('Organization', 'org-kaist');

test('a slim fact is the record of a fact with only its type and id, seen from either end or none', () => {
  const asWhole = (viewpoint?: string) =>
    toRelationshipRecord({ type: 'PARTNERS_WITH', properties: { id: 'f1' } }, naver, kaist, viewpoint);
  for (const viewpoint of [undefined, 'org-naver', 'org-kaist']) {
    expect(slimFactRecord('PARTNERS_WITH', 'f1', naver, kaist, viewpoint)).toEqual(asWhole(viewpoint));
  }
  const fromKaist = slimFactRecord('PARTNERS_WITH', 'f1', naver, kaist, 'org-kaist');
  expect(fromKaist).toMatchObject({ direction: 'IN', other: naver, properties: {} });
  expect(fromKaist.provenance).toMatchObject({ articleId: '', quote: '', time: null });
});

test('a whole fact keeps its own properties and provenance, apart from each other', () => {
  const fact = toRelationshipRecord(
    {
      type: 'INVESTS_IN',
      properties: { id: 'f2', amount: 9007199254740993n, source: 'a1', quote: '네이버가 투자', time: '2021-05-01' },
    },
    naver,
    kaist,
  );
  expect(fact.properties).toEqual({ amount: '9007199254740993' });
  expect(fact.provenance).toMatchObject({ articleId: 'a1', quote: '네이버가 투자', time: '2021-05-01' });
});

test("a traversal's slim facts join the nodes reached by position, and leave out facts to nodes past the cap", () => {
  const shape = { nodeNames: ['name' as const], slimFacts: true };
  const facts = toFacts(
    [
      ['PARTNERS_WITH', 'f1', 1, 0],
      ['INVESTS_IN', 'f2', 0, null],
      ['INVESTS_IN', 'f3', null, 1],
    ],
    [kaist, naver],
    shape,
  );
  expect(facts).toHaveLength(1);
  expect(facts[0]).toEqual(slimFactRecord('PARTNERS_WITH', 'f1', naver, kaist));
  expect(facts[0]?.from).toBe(naver);
  expect(facts[0]?.to).toBe(kaist);
});

test("a traversal's whole facts join the nodes reached by position, as the slim ones do", () => {
  const rel = { type: 'PARTNERS_WITH', properties: { id: 'f1', source: 'a1', quote: '네이버와 KAIST' } };
  const facts = toFacts(
    [
      { rel, from: 1, to: 0 },
      { rel: { ...rel, properties: { id: 'f2' } }, from: 1, to: null },
    ] as never,
    [kaist, naver],
    { nodeNames: null, slimFacts: false },
  );
  expect(facts).toEqual([toRelationshipRecord(rel, naver, kaist)]);
  expect(facts[0]?.from).toBe(naver);
});
