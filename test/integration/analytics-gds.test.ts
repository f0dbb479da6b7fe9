import { createHarness, uniquePrefix, type Harness } from '../support/harness';

let h: Harness;
const graphName = uniquePrefix('gds');

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.executor.read('CALL gds.graph.drop($graphName, false) YIELD graphName RETURN graphName', { graphName });
  await h.close();
});

test('the launcher registers OpenGDS 2.13 next to APOC', async () => {
  const [row] = await h.executor.read('CALL gds.version() YIELD gdsVersion RETURN gdsVersion');
  expect(row?.gdsVersion).toMatch(/^2\.13\./);
});

test('PageRank runs on a Cypher aggregation projection of the article graph', async () => {
  const rows = await h.executor.read(
    `MATCH (s:Entity) WHERE s.namespace IS NULL
     OPTIONAL MATCH (s)-[:PARTNERS_WITH|COMPETES_WITH|INVESTS_IN]-(t:Entity) WHERE t.namespace IS NULL
     WITH gds.graph.project($graphName, s, t) AS g
     CALL gds.pageRank.stream($graphName) YIELD nodeId, score
     RETURN gds.util.asNode(nodeId).id AS id, score ORDER BY score DESC LIMIT 10`,
    { graphName },
  );
  expect(rows).toHaveLength(10);
  expect(rows.map((r) => r.id)).toContain('naver');
});

test('neighbourhood for drawing: nodes and edges with ids, kinds and captions in both languages', async () => {
  const res = await h.gql(`{
    neighborhood(id: "naver", types: [PARTNERS_WITH, COMPETES_WITH], kinds: [Organization]) {
      nodes { id kind name nameKo } edges { id type label labelKo from { id } to { id } }
    }
  }`);
  expect(res.errors).toBeUndefined();
  const { nodes, edges } = res.data?.neighborhood ?? { nodes: [], edges: [] };
  expect(nodes.map((n: { id: string }) => n.id)).toContain('kt');
  expect(nodes.every((n: { kind: string }) => n.kind === 'Organization')).toBe(true);
  const competes = edges.find((e: { type: string }) => e.type === 'COMPETES_WITH');
  expect(competes).toMatchObject({ label: 'competes with', labelKo: '경쟁' });
});
