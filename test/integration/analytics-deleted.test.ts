import type { Row } from '../../src/db/executor';
import { toNeo4jInt } from '../../src/db/values';
import {
  centralityCypher,
  communitiesCypher,
  DIJKSTRA_CYPHER,
  SIMILARITY_CYPHER,
} from '../../src/analytics/analytics.cypher';
import { DROP_PROJECTIONS_CYPHER, projectionCypher } from '../../src/analytics/projection.cypher';
import { resolveScope, scopeParams } from '../../src/analytics/scope';
import { chain, clique, createGraph, dropNamespace, nsId } from '../support/analytics-fixtures';
import { createHarness, uniquePrefix, type Harness } from '../support/harness';

/**
 * An algorithm streams GDS node ids of the projection it was given; a write that commits after the
 * projection was made (ingest, a mutation) may have deleted one of those entities. Each statement
 * must then leave the entity out, not fail: APOC's node sort threw a NullPointerException on it,
 * which reached the client as INTERNAL_SERVER_ERROR.
 */

let h: Harness;
const NS = uniquePrefix('deleted');
const graphName = `${NS}-projection`;
const names = ['a', 'b', 'c', 'd', 'e', 'f'];

beforeAll(async () => {
  h = await createHarness();
  // Two triangles joined by c-d: one path a → f, through d.
  await createGraph(h.executor, NS, names, [
    ...clique(['a', 'b', 'c']),
    ...clique(['d', 'e', 'f']),
    ...chain(['c', 'd']),
  ]);
});

afterAll(async () => {
  await h.executor.read(DROP_PROJECTIONS_CYPHER, { graphNames: [graphName] });
  await dropNamespace(h.executor, NS);
  await h.close();
});

test('entities deleted after the projection are left out of rankings, communities, similarity and paths', async () => {
  const scope = resolveScope({ namespace: NS });
  const deleted = nsId(NS, 'd');
  const answers = await h.executor.readTx(async (tx) => {
    await tx.run(projectionCypher(scope), { ...scopeParams(scope), graphName });
    // Another transaction commits a deletion while this one holds the projection.
    await h.executor.write('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id: deleted });
    const top = toNeo4jInt(10);
    const run = (cypher: string, params: Record<string, unknown>): Promise<Row[]> =>
      tx.run(cypher, { graphName, rankKinds: null, ...params });
    return {
      ranked: await run(centralityCypher('DEGREE'), { perKind: false, top }),
      communities: await run(communitiesCypher('LOUVAIN'), { top, maxMembers: top }),
      similar: await run(SIMILARITY_CYPHER, { id: nsId(NS, 'e'), top }),
      paths: await run(DIJKSTRA_CYPHER, { from: nsId(NS, 'a'), to: nsId(NS, 'f') }),
    };
  });
  const ids = (nodes: unknown[]) => nodes.map((n) => (n as { properties: { id: string } }).properties.id);

  const ranked = ids(answers.ranked.map((r) => r.node));
  expect(ranked).toHaveLength(names.length - 1);
  expect(ranked).not.toContain(deleted);

  const [row] = answers.communities;
  const members = (row?.communities as { members: unknown[] }[]).flatMap((c) => ids(c.members));
  expect(members.sort()).toEqual(names.filter((n) => n !== 'd').map((n) => nsId(NS, n)));

  // e shares d with c and f, and f with d: without the filter d would be answered too.
  expect(ids(answers.similar.map((r) => r.node)).sort()).toEqual([nsId(NS, 'c'), nsId(NS, 'f')]);
  // The only path ran through the deleted entity: there is none to answer.
  expect(answers.paths).toEqual([]);
});
