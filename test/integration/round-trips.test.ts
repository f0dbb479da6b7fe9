import { createHarness, type Harness } from '../support/harness';

/**
 * A root field's whole tree of facts is fetched in one round trip (a look-ahead plan); what the
 * plan leaves out (cursors, @include/@skip) is batched per level: never one query per parent.
 */
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

test('a three-level query costs one round trip, whatever the number of parents', async () => {
  const query = `{
    entities(filter: { kinds: [Organization] }, first: 50) {
      edges { node { id
        ... on Organization { partners { other { id
          ... on Organization { investments { other { id name } } }
        } } }
      } }
    }
  }`;
  const { result, queries } = await h.countQueries(() => h.gql(query));
  expect(result.errors).toBeUndefined();
  const orgs = result.data?.entities.edges;
  expect(orgs.length).toBeGreaterThan(10);
  const withPartners = orgs.filter((e: any) => e.node.partners.length > 0);
  expect(withPartners.length).toBeGreaterThan(3);
  // the page, partners of every organization and their investments: one query.
  expect(queries.map((q) => q.operation)).toEqual(['entities']);
});

test('what the plan leaves out is still batched per level', async () => {
  const query = `query ($yes: Boolean!) {
    entities(filter: { kinds: [Organization] }, first: 50) {
      edges { node { id
        ... on Organization { partners @include(if: $yes) { other { id
          ... on Organization { investments { other { id name } } }
        } } }
      } }
    }
  }`;
  const { result, queries } = await h.countQueries(() => h.gql(query, { yes: true }));
  expect(result.errors).toBeUndefined();
  // level 1: the page; level 2: partners of every organization at once; level 3: their investments.
  expect(queries.map((q) => q.operation)).toEqual(['entities', 'related', 'related']);
});

test('relationships connections and provenance articles batch too', async () => {
  const query = `{
    entities(filter: { kinds: [Organization] }, first: 20) {
      edges { node { id relationships(first: 5) { totalCount edges { node { type provenance { article { id } } } } } } }
    }
  }`;
  const { result, queries } = await h.countQueries(() => h.gql(query));
  expect(result.errors).toBeUndefined();
  expect(queries.map((q) => q.operation)).toEqual(['entities', 'entitiesById']);
});
