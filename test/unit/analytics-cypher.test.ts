import { type GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { asAnalyticsError } from '../../src/analytics/analytics.errors';
import { allShortestPathsCypher, centralityCypher, communitiesCypher } from '../../src/analytics/analytics.cypher';
import { checkRange } from '../../src/analytics/args.check';
import { missingProcedures, MissingProceduresError, REQUIRED_PROCEDURES } from '../../src/analytics/procedures.check';
import { factCost, projectionCypher } from '../../src/analytics/projection.cypher';
import { resolveScope, scopeParams } from '../../src/analytics/scope';
import type { Executor } from '../../src/db/executor';
import { mapDatabaseError } from '../../src/db/db-errors';
import { Direction } from '../../src/graph/enums';

const code = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (err) {
    return (err as GraphQLError).extensions?.code;
  }
  return 'no error';
};

test('scope defaults: every kind, every type but MENTIONS, undirected, all time, the article graph', () => {
  const scope = resolveScope(null);
  expect(scope).toMatchObject({ kinds: null, direction: Direction.BOTH, asOf: null, namespace: null });
  expect(scope.types).not.toContain('MENTIONS');
  expect(scope.types).toContain('PARTNERS_WITH');
  expect(scopeParams(scope)).toEqual({ kinds: null, asOf: null, namespace: null });
});

test('scope validation: bad namespace and bad date are BAD_USER_INPUT, a Date becomes its UTC day', () => {
  expect(code(() => resolveScope({ namespace: 'Robert"); DROP' }))).toBe('BAD_USER_INPUT');
  expect(code(() => resolveScope({ asOf: '2021-5-1' }))).toBe('BAD_USER_INPUT');
  expect(resolveScope({ asOf: new Date('2021-05-24T00:00:00Z') }).asOf).toBe('2021-05-24');
  expect(code(() => checkRange(0, 10, 'top'))).toBe('BAD_USER_INPUT');
  expect(code(() => checkRange(11, 10, 'top'))).toBe('BAD_USER_INPUT');
  expect(code(() => checkRange(1.5, 10, 'top'))).toBe('BAD_USER_INPUT');
  expect(checkRange(10, 10, 'top')).toBe(10);
});

test('the projection is pinned: scoped nodes, facts valid on asOf, pairs collapsed, undirected', () => {
  const scope = resolveScope({ types: ['PARTNERS_WITH', 'INVESTS_IN'], kinds: ['Organization'], asOf: '2021-01-01' });
  expect(projectionCypher(scope))
    .toBe(`MATCH (s:Entity) WHERE s.namespace IS NULL AND any(l IN labels(s) WHERE l IN $kinds)
OPTIONAL MATCH (s)-[r:PARTNERS_WITH|INVESTS_IN]->(t:Entity) WHERE t.namespace IS NULL AND any(l IN labels(t) WHERE l IN $kinds) AND (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR r.validTo >= $asOf)
WITH s, t, CASE WHEN r IS NULL THEN null ELSE 1.0 END AS cost
WITH CASE WHEN t IS NULL OR elementId(s) <= elementId(t) THEN s ELSE t END AS a,
     CASE WHEN t IS NULL THEN null WHEN elementId(s) <= elementId(t) THEN t ELSE s END AS b, cost
WITH a, b, min(cost) AS cost
WITH gds.graph.project($graphName, a, b, CASE WHEN b IS NULL THEN {} ELSE {relationshipProperties: {cost: cost}} END, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodeCount, g.relationshipCount AS relationshipCount`);
});

test('namespace and direction change the projection; values stay parameters', () => {
  const out = projectionCypher(resolveScope({ namespace: 'gen-small', direction: Direction.OUT }));
  expect(out).toContain('s.namespace = $namespace');
  expect(out).not.toContain('gen-small');
  expect(out).not.toContain('undirectedRelationshipTypes');
  expect(out).toContain('WHEN t IS NULL OR true THEN s ELSE t END AS a');
  const reversed = projectionCypher(resolveScope({ direction: Direction.IN }));
  expect(reversed).toContain('WHEN t IS NULL OR false THEN s ELSE t END AS a');
  expect(factCost('r', 'RECENCY')).toContain('coalesce($asOf, date())');
});

test('algorithm statements call the GDS procedures with parameters only', () => {
  expect(centralityCypher('PAGERANK')).toMatch(
    /^CALL gds\.pageRank\.stream\(\$graphName, \{maxIterations: \$maxIterations/,
  );
  expect(centralityCypher('CLOSENESS')).toContain('useWassermanFaust: true');
  expect(communitiesCypher('WCC')).toContain('gds.wcc.stream($graphName) YIELD nodeId, componentId AS communityId');
  const all = allShortestPathsCypher(resolveScope({ direction: Direction.OUT, types: ['OWNS'] }), 4);
  expect(all).toContain('allShortestPaths((a)-[:OWNS*..4]->(b))');
});

test('a GDS "terminated" procedure failure becomes TIMEOUT; other errors pass through', () => {
  const terminated = new Neo4jError(
    'Failed to invoke procedure: The transaction has been terminated.',
    'Neo.ClientError.Procedure.ProcedureCallFailed',
    '',
    '',
  );
  expect((asAnalyticsError(mapDatabaseError(terminated)) as GraphQLError).extensions.code).toBe('TIMEOUT');
  const other = mapDatabaseError(new Neo4jError('boom', 'Neo.ClientError.Procedure.ProcedureCallFailed', '', ''));
  expect(asAnalyticsError(other)).toBe(other);
});

test('the start-up check names what is missing', async () => {
  const present = ['gds.version', 'gds.graph.project'];
  const fake = {
    readTx: async (work: (tx: { run: () => Promise<unknown[]> }) => Promise<unknown>) =>
      work({ run: async () => present.map((name) => ({ name })) }),
  } as unknown as Executor;
  const missing = await missingProcedures(fake);
  expect(missing).toContain('gds.pageRank.stream');
  expect(missing).toContain('apoc.path.subgraphAll');
  expect(missing).not.toContain('gds.version');
  expect(missing).toHaveLength(REQUIRED_PROCEDURES.length + 3 - present.length);
  expect(new MissingProceduresError(missing).message).toContain('gds.pageRank.stream');
});
