import { chain, clique, createGraph, dropNamespace, nsId } from '../support/analytics-fixtures';
import { createHarness, uniquePrefix, type Harness } from '../support/harness';

let h: Harness;
const base = uniquePrefix('ana');
const STAR = `${base}-star`;
const PATH = `${base}-path`;
const CLIQUES = `${base}-cliques`;
/** Four entities and no relationships (owned here: other files add entities of any kind meanwhile). */
const ISOLATED = `${base}-isolated`;

beforeAll(async () => {
  h = await createHarness();
  await createGraph(
    h.executor,
    STAR,
    ['c', 'l1', 'l2', 'l3', 'l4'],
    [...['l1', 'l2', 'l3', 'l4'].map((l) => ({ from: 'c', to: l }))],
  );
  await createGraph(h.executor, PATH, ['a', 'b', 'c', 'd', 'e'], chain(['a', 'b', 'c', 'd', 'e']));
  const p = ['p1', 'p2', 'p3', 'p4'];
  const q = ['q1', 'q2', 'q3', 'q4'];
  await createGraph(
    h.executor,
    CLIQUES,
    [...p, ...q],
    [...clique(p), ...clique(q), { from: 'p1', to: 'q1', type: 'COMPETES_WITH' }],
  );
  await createGraph(h.executor, ISOLATED, ['s1:Statement', 's2:Statement', 's3:Statement', 's4:Statement'], []);
});

afterAll(async () => {
  for (const ns of [STAR, PATH, CLIQUES, ISOLATED]) await dropNamespace(h.executor, ns);
  await h.close();
});

const CENTRALITY = `query($m: CentralityMeasure!, $scope: GraphScope, $top: Int, $rankKinds: [EntityKind!], $perKind: Boolean) {
  centrality(measure: $m, scope: $scope, top: $top, rankKinds: $rankKinds, perKind: $perKind) {
    rank score entity { id kind name nameKo }
  }
}`;

async function scores(ns: string, m: string, top = 10): Promise<Record<string, number>> {
  const res = await h.gql(CENTRALITY, { m, scope: { namespace: ns }, top });
  expect(res.errors).toBeUndefined();
  const rows = res.data?.centrality as { entity: { id: string }; score: number }[];
  return Object.fromEntries(rows.map((r) => [r.entity.id.slice(ns.length + 1), r.score]));
}

test('star: the centre has degree 4 and tops every measure; leaves are equal', async () => {
  expect(await scores(STAR, 'DEGREE')).toEqual({ c: 4, l1: 1, l2: 1, l3: 1, l4: 1 });
  const close = await scores(STAR, 'CLOSENESS');
  expect(close.c).toBeCloseTo(1); // distance 1 to all four
  expect(close.l1).toBeCloseTo(4 / 7); // 1 + 2 + 2 + 2
  const between = await scores(STAR, 'BETWEENNESS');
  expect(between.l1).toBe(0);
  expect(between.c).toBeGreaterThan(0);
  const rank = await scores(STAR, 'PAGERANK');
  expect(rank.c).toBeGreaterThan(rank.l1!);
  expect(rank.l1).toBeCloseTo(rank.l4!);
});

test('path a-b-c-d-e: betweenness 0,3,4,3,0 and the middle is closest', async () => {
  const between = await scores(PATH, 'BETWEENNESS');
  // Undirected: GDS counts each unordered pair once per direction, so the textbook values double.
  const textbook = { a: 0, b: 3, c: 4, d: 3, e: 0 };
  const factor = between.c! / 4;
  expect([1, 2]).toContain(factor);
  for (const [n, v] of Object.entries(textbook)) expect(between[n]).toBeCloseTo(v * factor);
  const close = await scores(PATH, 'CLOSENESS');
  expect(close.c).toBeCloseTo(4 / 6);
  expect(close.a).toBeCloseTo(4 / 10);
});

test('results are Entity records; top and ranks are applied; direction OUT gives out-degree', async () => {
  const res = await h.gql(CENTRALITY, { m: 'DEGREE', scope: { namespace: PATH, direction: 'OUT' }, top: 2 });
  expect(res.errors).toBeUndefined();
  const rows = res.data?.centrality;
  expect(rows).toHaveLength(2);
  expect(rows[0]).toMatchObject({ rank: 1, score: 1, entity: { kind: 'Organization', id: nsId(PATH, 'a') } });
  expect(rows[1].rank).toBe(2);
  const inDeg = await h.gql(CENTRALITY, { m: 'DEGREE', scope: { namespace: PATH, direction: 'IN' }, top: 5 });
  const zero = inDeg.data?.centrality.filter((r: { score: number }) => r.score === 0);
  expect(zero.map((r: { entity: { id: string } }) => r.entity.id)).toEqual([nsId(PATH, 'a')]);
});

const COMMUNITIES = `query($a: CommunityAlgorithm, $scope: GraphScope, $top: Int, $max: Int) {
  communities(algorithm: $a, scope: $scope, top: $top, maxMembers: $max) {
    algorithm count communities { id size members { id } }
  }
}`;

async function groups(algorithm: string, scope: Record<string, unknown>) {
  const res = await h.gql(COMMUNITIES, { a: algorithm, scope });
  expect(res.errors).toBeUndefined();
  const list = res.data?.communities;
  const ns = scope.namespace as string;
  return {
    count: list.count as number,
    members: (list.communities as { members: { id: string }[] }[]).map((c) =>
      c.members.map((m) => m.id.slice(ns.length + 1)),
    ),
    sizes: (list.communities as { size: number }[]).map((c) => c.size),
  };
}

test.each(['LOUVAIN', 'LEIDEN'])('two cliques joined by a bridge: %s finds the two cliques', async (algorithm) => {
  const found = await groups(algorithm, { namespace: CLIQUES });
  expect(found.count).toBe(2);
  expect(found.members.map((m) => m.join(',')).sort()).toEqual(['p1,p2,p3,p4', 'q1,q2,q3,q4']);
});

test('LEIDEN on a scope without relationships: every entity is its own community, not an error', async () => {
  const res = await h.gql(COMMUNITIES, { a: 'LEIDEN', scope: { namespace: ISOLATED }, top: 3, max: 4 });
  expect(res.errors).toBeUndefined();
  expect(res.data?.communities.count).toBe(4); // four entities, unconnected
  expect(res.data?.communities.communities.every((c: { size: number }) => c.size === 1)).toBe(true);
});

test('WCC: one component with the bridge, two without it (types scope)', async () => {
  const all = await groups('WCC', { namespace: CLIQUES });
  expect(all).toMatchObject({ count: 1, sizes: [8] });
  const noBridge = await groups('WCC', { namespace: CLIQUES, types: ['PARTNERS_WITH'] });
  expect(noBridge).toMatchObject({ count: 2, sizes: [4, 4] });
});

test('bridge ends have the highest betweenness; maxMembers caps the list but not the size', async () => {
  const between = await scores(CLIQUES, 'BETWEENNESS', 2);
  expect(Object.keys(between).sort()).toEqual(['p1', 'q1']);
  const res = await h.gql(COMMUNITIES, { a: 'WCC', scope: { namespace: CLIQUES }, max: 3 });
  expect(res.data?.communities.communities[0]).toMatchObject({ size: 8 });
  expect(res.data?.communities.communities[0].members).toHaveLength(3);
});

test('similarity: a clique member resembles its clique-mates (Jaccard 2/4) most', async () => {
  const res = await h.gql(
    `query($id: ID!, $scope: GraphScope) { similarEntities(id: $id, scope: $scope, top: 5) { score entity { id } } }`,
    { id: nsId(CLIQUES, 'p2'), scope: { namespace: CLIQUES } },
  );
  expect(res.errors).toBeUndefined();
  const sims = res.data?.similarEntities as { score: number; entity: { id: string } }[];
  const byId = Object.fromEntries(sims.map((s) => [s.entity.id.slice(CLIQUES.length + 1), s.score]));
  expect(
    sims
      .slice(0, 2)
      .map((s) => s.entity.id.slice(CLIQUES.length + 1))
      .sort(),
  ).toEqual(['p3', 'p4']);
  expect(byId.p3).toBeCloseTo(0.5); // {p1,p4} shared of {p1,p2,p3,p4}
  expect(byId.q1).toBeCloseTo(1 / 6); // only p1 shared, across the bridge
  expect(Object.keys(byId).filter((k) => /^q[234]$/.test(k))).toEqual([]); // nothing shared
});

test('the article graph: Naver and KT are among the most central organizations', async () => {
  for (const m of ['DEGREE', 'PAGERANK']) {
    const res = await h.gql(CENTRALITY, { m, rankKinds: ['Organization'], top: 10 });
    expect(res.errors).toBeUndefined();
    const ids = res.data?.centrality.map((r: { entity: { id: string } }) => r.entity.id);
    expect(ids).toEqual(expect.arrayContaining(['naver', 'kt']));
  }
  const perKind = await h.gql(CENTRALITY, { m: 'DEGREE', top: 1, perKind: true });
  const kinds = perKind.data?.centrality.map((r: { entity: { kind: string } }) => r.entity.kind);
  expect(new Set(kinds).size).toBe(kinds.length); // one per kind
  expect(kinds.length).toBeGreaterThan(3);
});

test('bad arguments are BAD_USER_INPUT; no projection is left behind', async () => {
  const tooMany = await h.gql(CENTRALITY, { m: 'DEGREE', top: 1000 });
  expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const badNs = await h.gql(CENTRALITY, { m: 'DEGREE', scope: { namespace: 'Bad Name!' } });
  expect(badNs.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const leiden = await h.gql(COMMUNITIES, { a: 'LEIDEN', scope: { namespace: CLIQUES, direction: 'OUT' } });
  expect(leiden.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  // Projections this file's requests made (other files project concurrently, so only ours count).
  const { queries } = await h.countQueries(async () => {
    expect((await h.gql(CENTRALITY, { m: 'PAGERANK', scope: { namespace: CLIQUES }, top: 3 })).errors).toBeUndefined();
    expect((await h.gql(COMMUNITIES, { a: 'WCC', scope: { namespace: CLIQUES } })).errors).toBeUndefined();
  });
  const names = [
    ...new Set(queries.flatMap((q) => (typeof q.params.graphName === 'string' ? [q.params.graphName] : []))),
  ];
  expect(names.length).toBeGreaterThanOrEqual(2);
  const left = await h.executor.read(
    'CALL gds.graph.list() YIELD graphName WHERE graphName IN $names RETURN graphName',
    {
      names,
    },
  );
  expect(left).toEqual([]);
});
