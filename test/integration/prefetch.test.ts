import { createHarness, type Harness } from '../support/harness';

/**
 * The look-ahead plan changes how many round trips a query costs, never its answer: each query
 * below runs twice, once as written (prefetched) and once with `@include(if: true)` on its
 * relation fields (which the plan leaves to the batched loader), and both answers must be equal.
 */
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/**
 * The seed's organizations and research centres, named: other suites write entities of these kinds
 * at the same time, and a page over "all organizations" would differ between two runs.
 */
const SEED_ORGS = JSON.stringify([
  'naver',
  'kt',
  'kaist',
  'kaist-graduate-school-of-ai',
  'snu',
  'lg-group',
  'lg-ai-research',
  'sk-telecom',
  'samsung-electronics',
  'kakao',
  'ncsoft',
  'aws',
  'google',
  'microsoft',
  'asia-economy',
  'kt-kaist-ai-sw-research-institute',
  'naver-snu-hyperscale-ai-center',
  'ncsoft-ai-research-organization',
]);

const QUERIES: Record<string, string> = {
  'typed fields three levels deep, with money and fragments': `{
    entities(filter: { kinds: [Organization], ids: ${SEED_ORGS} }, first: 30) {
      edges { node { id ...Org } }
      pageInfo { hasNextPage endCursor }
    }
  }
  fragment Org on Organization {
    partners(first: 3) @P { id type direction other { id name ... on Organization { inv: investments @P { amount { amount currency text } other { id } } } } }
    investments @P { id amount { amount text } provenance { quote sourceDate } }
  }`,
  'relationships with types, direction, asOf and counts': `{
    entities(filter: { kinds: [Organization, ResearchCenter], ids: ${SEED_ORGS} }, first: 20, orderBy: { field: ID, direction: DESC }) {
      edges { cursor node { id
        all: relationships(first: 4) @P { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id type other { id } } } }
        out: relationships(direction: OUT, types: [PARTNERS_WITH, INVESTS_IN]) @P { totalCount edges { node { id other { id relationships(first: 2) @P { totalCount edges { node { id } } } } } } }
        then: relationships(asOf: "2021-05-01") @P { totalCount edges { node { id } } }
      } }
    }
  }`,
  'one entity by id with nested facts': `{
    entity(id: "naver") { id name
      relationships(first: 50) @P { totalCount edges { node { type other { id ... on AIModel { developers @P { other { id } } } } } } }
      ... on Organization { partners @P { other { id name } } }
    }
  }`,
  'counts alone, with and without a date': `{
    entities(filter: { kinds: [Organization], ids: ${SEED_ORGS} }, first: 10) {
      edges { node { id n: relationships @P { totalCount } then: relationships(asOf: "2021-05-01") @P { totalCount } } }
    }
  }`,
  'fields that share one page: aliases with other names, a typed field beside relationships of its type': `{
    entity(id: "naver") { id
      a: relationships(first: 3) @P { edges { node { id other { id name } } } }
      b: relationships(first: 3) @P { edges { node { id other { nameKo aliases kind } } } }
      ... on Organization {
        partners(first: 4) @P { id other { id name } }
        p: relationships(types: [PARTNERS_WITH], first: 4) @P {
          edges { node { id provenance { quote } other { id nameKo relationships(first: 2) @P { edges { node { id } } } } } }
        }
      }
    }
  }`,
  'an entity that is absent': `{ entity(id: "no-such-entity") { id relationships @P { totalCount } } }`,
};

test.each(Object.entries(QUERIES))('%s: same answer, fewer round trips', async (_name, template) => {
  const planned = await h.countQueries(() => h.gql(template.replaceAll('@P', '')));
  const batched = await h.countQueries(() => h.gql(template.replaceAll('@P', '@include(if: true)')));
  expect(planned.result.errors).toBeUndefined();
  expect(batched.result.errors).toBeUndefined();
  expect(planned.result.data).toEqual(batched.result.data);
  expect(JSON.stringify(planned.result.data)).not.toBe('{}');
  expect(planned.queries.length).toBeLessThanOrEqual(batched.queries.length);
  expect(planned.queries.filter((q) => q.operation === 'related')).toEqual([]);
});

test('the plan answers with the data, not just the shape', async () => {
  const result = await h.gql(`{ entity(id: "naver") { ... on Organization { partners { other { id } } } } }`);
  const partners = (result.data?.entity.partners as { other: { id: string } }[]).map((p) => p.other.id);
  expect(partners).toEqual(expect.arrayContaining(['snu', 'kaist-graduate-school-of-ai']));
});

test('a stored field under @skip or @include in a prefetched page is read, not answered blank', async () => {
  const page = (guard: string, vars = '') => `query${vars} { entity(id: "naver") {
    relationships(first: 3) { edges { node { type provenance ${guard} { quote } other { id description ${guard} } } } }
    ... on Organization { partners(first: 2) { type provenance ${guard} { quote } other { id description ${guard} } } }
  } }`;
  const plain = await h.gql(page(''));
  expect(plain.errors).toBeUndefined();
  const edges = plain.data?.entity.relationships.edges as { node: { provenance: { quote: string } } }[];
  expect(edges.every((e) => e.node.provenance.quote.length > 0)).toBe(true);
  for (const [guard, vars, value] of [
    ['@include(if: $p)', '($p: Boolean!)', true],
    ['@skip(if: $p)', '($p: Boolean!)', false],
  ] as const) {
    const guarded = await h.gql(page(guard, vars), { p: value });
    expect(guarded.errors).toBeUndefined();
    expect(guarded.data).toEqual(plain.data);
  }
});

test('a bad argument deep in the tree is reported at its field, as without the plan', async () => {
  const result = await h.gql(`{ entity(id: "naver") { id relationships(first: 100000) { totalCount } } }`);
  expect(result.data?.entity).toBeNull();
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0]?.path).toEqual(['entity', 'relationships']);
});

test('a connection asked only for its totalCount reads no facts', async () => {
  const { result, queries } = await h.countQueries(() =>
    h.gql(`{ entity(id: "naver") { relationships(types: [PARTNERS_WITH]) @include(if: true) { totalCount } } }`),
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.entity.relationships.totalCount).toBeGreaterThanOrEqual(2);
  const related = queries.filter((q) => q.operation === 'related');
  expect(related).toHaveLength(1);
  expect(related[0]?.cypher).not.toContain('ORDER BY');
  expect(related[0]?.cypher).toContain('[] AS rels');
});
