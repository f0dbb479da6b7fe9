import { Neo4jError } from 'neo4j-driver';
import { asAnalyticsError } from '../../src/analytics/analytics.errors';
import { InternalError } from '../../src/errors/errors';
import { createExecutor } from '../../src/app';
import { loadConfig } from '../../src/config';
import { chain, createGraph, dropNamespace, nsId } from '../support/analytics-fixtures';
import { createHarness, uniquePrefix, type Harness } from '../support/harness';

let h: Harness;
const base = uniquePrefix('anp');
const LINE = `${base}-line`;
const DIAMOND = `${base}-diamond`;
const TIME = `${base}-time`;

beforeAll(async () => {
  h = await createHarness();
  await createGraph(h.executor, LINE, ['a', 'b', 'c', 'd', 'e'], chain(['a', 'b', 'c', 'd', 'e']));
  // s-x1-t and s-x2-t; x2 is a Person.
  await createGraph(
    h.executor,
    DIAMOND,
    ['s', 'x1', 'x2:Person', 't'],
    [...chain(['s', 'x1', 't']), ...chain(['s', 'x2', 't'])],
  );
  // a-b held only in 2020; b-c from 2022 on; a-c has no time (always); a-d-b from 2025 on.
  await createGraph(
    h.executor,
    TIME,
    ['a', 'b', 'c', 'd'],
    [
      { from: 'a', to: 'b', validFrom: '2020-01-01', validTo: '2020-12-31' },
      { from: 'b', to: 'c', validFrom: '2022-01-01' },
      { from: 'a', to: 'c' },
      { from: 'a', to: 'd', validFrom: '2025-01-01' },
      { from: 'd', to: 'b', validFrom: '2025-01-01' },
    ],
  );
});

afterAll(async () => {
  for (const ns of [LINE, DIAMOND, TIME]) await dropNamespace(h.executor, ns);
  await h.close();
});

const CHEAPEST = `query($from: ID!, $to: ID!, $w: PathWeight, $scope: GraphScope, $max: Int) {
  cheapestPath(from: $from, to: $to, weight: $w, scope: $scope, maxLength: $max) {
    length cost nodes { id } relationships { type from { id } to { id } }
  }
}`;

const short = (ns: string, ids: { id: string }[]) => ids.map((n) => n.id.slice(ns.length + 1));

async function cheapest(ns: string, from: string, to: string, extra: Record<string, unknown> = {}) {
  const { scope, ...rest } = extra;
  const res = await h.gql(CHEAPEST, {
    from: nsId(ns, from),
    to: nsId(ns, to),
    scope: { namespace: ns, ...(scope as object) },
    ...rest,
  });
  expect(res.errors).toBeUndefined();
  const p = res.data?.cheapestPath;
  return p ? { ...p, nodes: short(ns, p.nodes) } : null;
}

test('path graph: the only path, hop by hop, with the fact of each hop', async () => {
  const p = await cheapest(LINE, 'a', 'e');
  expect(p).toMatchObject({ length: 4, cost: 4, nodes: ['a', 'b', 'c', 'd', 'e'] });
  p.relationships.forEach((r: { from: { id: string }; to: { id: string } }, i: number) => {
    expect([r.from.id, r.to.id]).toEqual([nsId(LINE, p.nodes[i]), nsId(LINE, p.nodes[i + 1])]);
  });
  expect(await cheapest(LINE, 'a', 'e', { max: 3 })).toBeNull();
});

test('direction: OUT follows facts as stored, IN against them', async () => {
  expect(await cheapest(LINE, 'e', 'a', { scope: { direction: 'OUT' } })).toBeNull();
  expect((await cheapest(LINE, 'a', 'e', { scope: { direction: 'OUT' } }))?.length).toBe(4);
  expect((await cheapest(LINE, 'e', 'a', { scope: { direction: 'IN' } }))?.nodes).toEqual(['e', 'd', 'c', 'b', 'a']);
});

test('asOf: facts valid on the day only; undated facts always count', async () => {
  expect((await cheapest(TIME, 'a', 'b'))?.nodes).toEqual(['a', 'b']);
  expect((await cheapest(TIME, 'a', 'b', { scope: { asOf: '2020-06-01' } }))?.nodes).toEqual(['a', 'b']);
  expect((await cheapest(TIME, 'a', 'b', { scope: { asOf: '2023-01-01' } }))?.nodes).toEqual(['a', 'c', 'b']);
  expect(await cheapest(TIME, 'd', 'b', { scope: { asOf: '2023-01-01' } })).toBeNull();
});

test('RECENCY prefers two recent facts to one old fact; HOPS the single hop', async () => {
  const recent = await cheapest(TIME, 'a', 'b', { w: 'RECENCY' });
  expect(recent?.nodes).toEqual(['a', 'd', 'b']);
  // Costs 1 + age: at asOf 2026-01-01 each 2025 fact is 1 + 1 year old.
  const dated = await cheapest(TIME, 'a', 'b', { w: 'RECENCY', scope: { asOf: '2026-01-01' } });
  expect(dated?.cost).toBeCloseTo(2 * (1 + 365 / 365.25), 3);
});

test('asOf in degree centrality: the graph as it stood on the day', async () => {
  const degree = async (asOf: string) => {
    const res = await h.gql(
      `query($scope: GraphScope) { centrality(measure: DEGREE, scope: $scope) { score entity { id } } }`,
      { scope: { namespace: TIME, asOf } },
    );
    expect(res.errors).toBeUndefined();
    return Object.fromEntries(
      res.data?.centrality.map((r: { score: number; entity: { id: string } }) => [
        r.entity.id.slice(TIME.length + 1),
        r.score,
      ]),
    );
  };
  expect(await degree('2020-06-01')).toEqual({ a: 2, b: 1, c: 1, d: 0 });
  expect(await degree('2023-01-01')).toEqual({ a: 1, b: 1, c: 2, d: 0 });
});

test('k shortest (Yen): loopless paths cheapest first; k and maxLength cap them', async () => {
  const res = await h.gql(
    `query($from: ID!, $to: ID!, $scope: GraphScope, $k: Int) {
      kShortestPaths(from: $from, to: $to, k: $k, scope: $scope) { length cost nodes { id } relationships { type } }
    }`,
    { from: nsId(TIME, 'a'), to: nsId(TIME, 'b'), scope: { namespace: TIME }, k: 5 },
  );
  expect(res.errors).toBeUndefined();
  const paths = res.data?.kShortestPaths as { cost: number; nodes: { id: string }[]; relationships: unknown[] }[];
  expect(paths.map((p) => short(TIME, p.nodes).join('-'))).toEqual(['a-b', 'a-c-b', 'a-d-b']);
  expect(paths.map((p) => p.cost)).toEqual([1, 2, 2]);
  paths.forEach((p) => expect(p.relationships).toHaveLength(p.nodes.length - 1));
});

const ALL = `query($from: ID!, $to: ID!, $scope: GraphScope) {
  allShortestPaths(from: $from, to: $to, scope: $scope) { length nodes { id } }
}`;

test('all shortest paths: both routes of a diamond; kinds exclude the Person route', async () => {
  const vars = { from: nsId(DIAMOND, 's'), to: nsId(DIAMOND, 't') };
  const both = await h.gql(ALL, { ...vars, scope: { namespace: DIAMOND } });
  expect(both.errors).toBeUndefined();
  const routes = both.data?.allShortestPaths.map((p: { nodes: { id: string }[] }) => short(DIAMOND, p.nodes).join('-'));
  expect(routes.sort()).toEqual(['s-x1-t', 's-x2-t']);
  const orgs = await h.gql(ALL, { ...vars, scope: { namespace: DIAMOND, kinds: ['Organization'] } });
  expect(
    orgs.data?.allShortestPaths.map((p: { nodes: { id: string }[] }) => short(DIAMOND, p.nodes).join('-')),
  ).toEqual(['s-x1-t']);
});

test('unknown ids are NOT_FOUND, ids outside the scope and bad caps BAD_USER_INPUT', async () => {
  const unknown = await h.gql(CHEAPEST, { from: 'no-such-entity', to: nsId(LINE, 'a'), scope: { namespace: LINE } });
  expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  const outside = await h.gql(CHEAPEST, { from: 'naver', to: nsId(LINE, 'a'), scope: { namespace: LINE } });
  expect(outside.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const long = await h.gql(CHEAPEST, {
    from: nsId(LINE, 'a'),
    to: nsId(LINE, 'e'),
    scope: { namespace: LINE },
    max: 50,
  });
  expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
});

test('the article graph: Naver reaches KT', async () => {
  const res = await h.gql(CHEAPEST, { from: 'naver', to: 'kt' });
  expect(res.errors).toBeUndefined();
  expect(res.data?.cheapestPath.nodes[0].id).toBe('naver');
});

test('a runaway request is stopped by the transaction timeout with TIMEOUT, and others still run', async () => {
  // Neo4j enforces transaction timeouts from a monitor that looks every 2 s, so only a request that
  // surely outlives that tick proves the cap: a 10 s sleep in a 1 ms transaction. (How fast a small
  // GDS algorithm runs depends on the machine; it would pass or fail by chance.)
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', NEO4J_TX_TIMEOUT_MS: '1' });
  const executor = createExecutor(config, process.env.NEO4J_URI as string);
  try {
    const started = Date.now();
    const err = await executor.read('CALL apoc.util.sleep(10000) RETURN 1 AS one').catch((e: unknown) => e);
    expect(asAnalyticsError(err)).toMatchObject({ extensions: { code: 'TIMEOUT' } });
    expect(Date.now() - started).toBeLessThan(9_000);
    const ok = await h.gql(CHEAPEST, { from: 'naver', to: 'kt' });
    expect(ok.errors).toBeUndefined();
  } finally {
    await executor.close();
  }
});

test('a GDS "terminated" failure maps to TIMEOUT; other internal errors stay masked', () => {
  const terminated = Object.assign(new InternalError(), {});
  Object.defineProperty(terminated, 'cause', {
    value: new Neo4jError(
      'Procedure call terminated: the transaction has been terminated',
      'Neo.ClientError.Procedure.ProcedureCallFailed',
      '',
      '',
    ),
  });
  expect(asAnalyticsError(terminated)).toMatchObject({ extensions: { code: 'TIMEOUT' } });
  const other = new InternalError();
  Object.defineProperty(other, 'cause', { value: new Error('NullPointerException') });
  expect(asAnalyticsError(other)).toBe(other);
});
