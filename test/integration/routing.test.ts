import { createHarness, type Harness } from '../support/harness';

/**
 * The suite's smoke queries through a `neo4j://` routing URI: the driver fetches a routing table
 * and sends read transactions to readers (followers in a cluster), write transactions to the leader.
 */
let h: Harness;

beforeAll(async () => {
  const uri = (process.env.NEO4J_URI as string).replace(/^bolt:\/\//, 'neo4j://');
  expect(uri).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
  h = await createHarness(uri);
});
afterAll(() => h.close());

test('reads route: entity, search, a path', async () => {
  const res = await h.gql(`{
    entity(id: "naver") { name nameKo }
    search(query: "서울대", first: 1) { entity { id } }
    shortestPath(from: "naver", to: "kt") { length }
  }`);
  expect(res.errors).toBeUndefined();
  expect(res.data).toMatchObject({ entity: { name: 'Naver', nameKo: '네이버' }, search: [{ entity: { id: 'snu' } }] });
  expect(res.data?.shortestPath.length).toBeGreaterThan(0);
});

test('writes route: a mutation commits through the routing driver', async () => {
  const [row] = await h.executor.write('CREATE (n:Entity:Topic {id: $id, name: $id, aliases: []}) RETURN n.id AS id', {
    id: `t-routing-${Date.now()}`,
  });
  const id = String(row?.id);
  const read = await h.gql(`{ entity(id: "${id}") { id } }`);
  expect(read.data?.entity).toEqual({ id });
  await h.executor.write('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id });
});
