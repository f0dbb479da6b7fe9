import { createGraph, dropNamespace, nsId } from '../support/analytics-fixtures';
import { createHarness, uniquePrefix, type Harness } from '../support/harness';

/**
 * A traversal whose selection needs only ids, names and types reads projections instead of whole
 * nodes and facts: the answers must be the same either way.
 */
let h: Harness;
const ns = uniquePrefix('tshape');
const id = (name: string) => nsId(ns, name);

beforeAll(async () => {
  h = await createHarness();
  // a - b - c, a invests in d (a Person), c - e
  await createGraph(
    h.executor,
    ns,
    ['a', 'b', 'c', 'd:Person', 'e'],
    [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'a', to: 'd', type: 'INVESTS_IN' },
      { from: 'c', to: 'e', validFrom: '2021-05-01' },
    ],
  );
});
afterAll(async () => {
  await dropNamespace(h.executor, ns);
  await h.close();
});

const SLIM_NB = `query($id: ID!) { neighborhood(id: $id, depth: 2) {
  truncated nodes { id kind name nameKo aliases } edges { id type label labelKo from { id name } to { id } }
} }`;
const WHOLE_NB = `query($id: ID!) { neighborhood(id: $id, depth: 2) {
  truncated nodes { id kind name nameKo aliases description } edges { id type label labelKo from { id name } to { id } provenance { quote } }
} }`;

const byId = (list: any[]): any[] => [...list].sort((x, y) => x.id.localeCompare(y.id));

test('a neighbourhood drawn with ids and names reads projections, and answers as the whole read does', async () => {
  const slim = await h.countQueries(() => h.gql(SLIM_NB, { id: id('a') }));
  const whole = await h.countQueries(() => h.gql(WHOLE_NB, { id: id('a') }));
  expect(slim.result.errors).toBeUndefined();
  expect(whole.result.errors).toBeUndefined();
  expect(slim.queries.map((q) => q.cypher)).toEqual([expect.stringContaining('[n IN nodes | [')]);
  expect(whole.queries.map((q) => q.cypher)).toEqual([expect.stringContaining('RETURN nodes AS nodes')]);

  const s = slim.result.data?.neighborhood;
  const w = whole.result.data?.neighborhood;
  expect(byId(s.nodes)).toEqual(byId(w.nodes).map(({ description: _d, ...rest }) => rest));
  expect(byId(s.nodes).map((n: any) => [n.id, n.kind, n.name])).toEqual([
    [id('a'), 'Organization', 'a'],
    [id('b'), 'Organization', 'b'],
    [id('c'), 'Organization', 'c'],
    [id('d'), 'Person', 'd'],
  ]);
  expect(byId(s.nodes)[0]).toMatchObject({ nameKo: null, aliases: [] });
  expect(byId(s.edges)).toEqual(byId(w.edges).map(({ provenance: _p, ...rest }) => rest));
  expect(byId(s.edges).map((e: any) => [e.type, e.label, e.from.id, e.from.name, e.to.id])).toEqual([
    ['PARTNERS_WITH', 'partners with', id('a'), 'a', id('b')],
    ['INVESTS_IN', 'invests in', id('a'), 'a', id('d')],
    ['PARTNERS_WITH', 'partners with', id('b'), 'b', id('c')],
  ]);
  expect(w.edges.every((e: any) => e.provenance.quote === 'test')).toBe(true);
  expect(s.truncated).toBe(w.truncated);
});

const PATH = (extra: string) => `query($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) {
  length nodes { id name ${extra} } relationships { type from { id } to { id } ${extra ? 'provenance { quote }' : ''} }
} }`;

test('a shortest path reads projections when it can, with the same answer', async () => {
  const slim = await h.countQueries(() => h.gql(PATH(''), { from: id('d'), to: id('e') }));
  const whole = await h.countQueries(() => h.gql(PATH('description'), { from: id('d'), to: id('e') }));
  expect(slim.queries[0]?.cypher).toContain('RETURN [n IN nodes | [');
  expect(whole.queries[0]?.cypher).toContain('RETURN nodes AS nodes');
  const s = slim.result.data?.shortestPath;
  expect(s.length).toBe(4);
  expect(s.nodes.map((n: any) => n.name)).toEqual(['d', 'a', 'b', 'c', 'e']);
  expect(s.relationships.map((r: any) => [r.type, r.from.id, r.to.id])).toEqual([
    ['INVESTS_IN', id('a'), id('d')],
    ['PARTNERS_WITH', id('a'), id('b')],
    ['PARTNERS_WITH', id('b'), id('c')],
    ['PARTNERS_WITH', id('c'), id('e')],
  ]);
  const w = whole.result.data?.shortestPath;
  expect(s.nodes).toEqual(w.nodes.map(({ description: _d, ...rest }: any) => rest));
  expect(s.relationships).toEqual(w.relationships.map(({ provenance: _p, ...rest }: any) => rest));
});

test('projected paths keep their edge cases: the same end twice, a missing end', async () => {
  const self = await h.gql(PATH(''), { from: id('d'), to: id('d') });
  expect(self.data?.shortestPath).toEqual({ length: 0, nodes: [{ id: id('d'), name: 'd' }], relationships: [] });
  const from = await h.gql(PATH(''), { from: id('nobody'), to: id('d') });
  expect(from.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'from' });
  const to = await h.gql(PATH(''), { from: id('d'), to: id('nobody') });
  expect(to.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'to' });
});
