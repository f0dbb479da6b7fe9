import { EXAMPLE_TABS } from '../../web/graphiql/examples';
import { createHarness, type Harness } from '../support/harness';

/**
 * graphql-jit changes how an operation executes, never what it answers: every operation below runs
 * through the compiled executor and through graphql-js, and the two answers (data and errors) must
 * be equal. The rest of the suite runs compiled, as the server does by default.
 */
let jit: Harness;
let interpreted: Harness;

beforeAll(async () => {
  jit = await createHarness(undefined, { GRAPHQL_JIT: 'true' });
  interpreted = await createHarness(undefined, { GRAPHQL_JIT: 'false' });
});
afterAll(async () => {
  await jit?.close();
  await interpreted?.close();
});

const OPERATIONS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  ...Object.fromEntries(EXAMPLE_TABS.map((tab, i) => [`GraphiQL example ${i + 1}`, { query: tab.query }])),
  'a page with cursors, kinds and nested facts': {
    query: `query($after: String) {
      entities(filter: { kinds: [Organization, University] }, first: 5, after: $after, orderBy: { field: NAME }) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { __typename id name nameKo aliases
          relationships(first: 3) { totalCount edges { cursor node { id type direction properties provenance { quote time } other { id kind } } } }
        } }
      }
    }`,
  },
  'traversal and paths': {
    query: `{
      neighborhood(id: "naver", depth: 2, limit: 30) { nodes { id name } edges { type from { id } to { id } } truncated }
      shortestPath(from: "naver", to: "kt") { length nodes { id } relationships { type } }
    }`,
  },
  'an unknown id and a bad argument: null and a coded error at its path': {
    query: '{ missing: entity(id: "no-such-entity") { id } bad: entities(first: -1) { totalCount } }',
  },
  'a typename-only selection and @include/@skip on variables': {
    query: `query($yes: Boolean!, $no: Boolean!) {
      entity(id: "kaist") { __typename id @include(if: $yes) name @skip(if: $yes) nameKo @include(if: $no) }
    }`,
    variables: { yes: true, no: false },
  },
};

test.each(Object.keys(OPERATIONS))('%s: compiled and interpreted answers are equal', async (name) => {
  const { query, variables } = OPERATIONS[name]!;
  const [a, b] = await Promise.all([jit.gql(query, variables), interpreted.gql(query, variables)]);
  expect(a).toEqual(b);
  // Not vacuous: every operation answers something.
  expect(a.data ?? a.errors).toBeTruthy();
});

test('an operation with errors runs once: its computed answer is handed to Apollo, not executed again', async () => {
  const query =
    '{ kaist: entity(id: "kaist") { id name } path: shortestPath(from: "naver", to: "no-such-entity") { length } }';
  const { result, queries } = await jit.countQueries(() => jit.gql(query));
  const again = await interpreted.countQueries(() => interpreted.gql(query));
  expect(result.data?.kaist).toMatchObject({ id: 'kaist' });
  expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect(queries.length).toBeGreaterThan(0);
  expect(queries.length).toBe(again.queries.length);
});

test("a variable graphql-jit refuses gets graphql-js's error, as when interpreted", async () => {
  const query =
    'query($from: ID!, $to: ID!, $max: Int) { shortestPath(from: $from, to: $to, maxLength: $max) { length } }';
  // The harness runs no cost limit, so nothing checks the variables before execution: each refusal
  // below is graphql-jit's, answered with graphql-js's message (security-input covers the server).
  for (const variables of [
    { from: 'naver', to: 'kt' },
    { from: 'naver', to: { nested: true } },
    { from: 'naver' },
    { from: 'naver', to: 'kt', max: 2 ** 31 },
    { from: 'naver', to: 'kt', max: 'three' },
  ]) {
    const [a, b] = await Promise.all([jit.gql(query, variables), interpreted.gql(query, variables)]);
    expect(a).toEqual(b);
    if (Object.keys(variables).length === 2 && typeof variables.to === 'string') continue;
    expect(a.data).toBeUndefined();
    expect(a.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(a.errors?.[0]?.message).toMatch(/^Variable "\$(to|max)"/);
  }
});
