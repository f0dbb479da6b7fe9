import { parse } from 'graphql';
import { loadConfig } from '../../src/config';
import { operationCost } from '../../src/server/plugins/cost';
import { RateLimitStore, clientKey } from '../../src/server/plugins/rate-limit';
import { redactMessage } from '../../src/server/format-error';
import { getSchema } from '../../src/server/schema';

test('every limit is on by default', () => {
  const c = loadConfig({});
  expect(c).toMatchObject({
    MAX_QUERY_DEPTH: 12,
    MAX_QUERY_COST: 10_000,
    MAX_QUERY_ALIASES: 30,
    MAX_QUERY_DIRECTIVES: 20,
    MAX_QUERY_TOKENS: 2_000,
    RATE_LIMIT_REQUESTS: 600,
    AUTH_PUBLIC_READS: true,
  });
  expect(c.GRAPHQL_INTROSPECTION).toBeUndefined();
});

test('a list field costs by its first/limit, capped at the page maximum', async () => {
  const schema = await getSchema();
  const cost = (query: string, variables = {}) => operationCost({ schema, query: parse(query), variables });
  const one = cost('{ entity(id: "kt") { id name } }');
  const ten = cost('{ search(query: "x", first: 10) { score entity { id } } }');
  const hundred = cost('{ search(query: "x", first: 100) { score entity { id } } }');
  expect(one).toBeLessThan(10);
  expect(hundred).toBeGreaterThan(9 * ten);
  expect(cost('query($n: Int!) { search(query: "x", first: $n) { score } }', { n: 100 })).toBeGreaterThanOrEqual(100);
  const nested = cost(
    '{ entities(first: 500) { edges { node { id relationships(first: 500) { edges { node { id } } } } } } }',
  );
  expect(nested).toBeGreaterThan(100_000);
  // A huge first is costed at the cap, not at 2^31 (the resolver refuses it anyway).
  expect(cost('{ search(query: "x", first: 2000000000) { score } }')).toBe(
    cost('{ search(query: "x", first: 500) { score } }'),
  );
});

test('the rate-limit store counts per client per window and stays bounded', () => {
  const store = new RateLimitStore(2, 1_000, 3);
  expect([store.hit('a', 0), store.hit('a', 10), store.hit('a', 20)]).toEqual([0, 0, 980]);
  expect(store.hit('a', 1_000)).toBe(0); // a new window
  for (let i = 0; i < 100; i++) store.hit(`ip-${i}`, 1_500);
  expect(store.size).toBeLessThanOrEqual(3);
  expect(clientKey(undefined, '10.0.0.1')).toBe('ip:10.0.0.1');
  expect(clientKey({ subject: 'key:ci', roles: ['editor'], via: 'api-key' }, '10.0.0.1')).toBe('key:ci');
});

test('messages lose schema hints and limit values', () => {
  expect(redactMessage('Cannot query field "nme" on type "Query". Did you mean "entity"?')).toBe(
    'Cannot query field "nme" on type "Query".',
  );
  expect(redactMessage('Syntax Error: Document contains more that 2000 tokens. Parsing aborted.')).not.toMatch(/\d/);
});

test("a connection's edges are counted once: by the connection's first, not again as a list", async () => {
  const schema = await getSchema();
  const cost = (query: string) => operationCost({ schema, query: parse(query), variables: {} });
  const five = cost('{ entity(id: "kt") { relationships(first: 5) { edges { node { id } } } } }');
  const fifty = cost('{ entity(id: "kt") { relationships(first: 50) { edges { node { id } } } } }');
  expect(fifty).toBeGreaterThan(five * 5);
  expect(fifty).toBeLessThan(200);
});
