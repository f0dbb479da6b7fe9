import { filterClause, pageCypher, sortSpec } from '../../src/entity/entity.cypher';
import { EntitySortField, SortDirection } from '../../src/entity/entity.args';
import { Direction } from '../../src/graph/enums';
import { upsertEntitiesCypher, upsertFactsCypher } from '../../src/graph/statements';
import { relatedCypher, relPattern } from '../../src/relation/relation.cypher';
import { neighborhoodCypher, shortestPathCypher } from '../../src/traversal/traversal.cypher';
import { WHOLE } from '../../src/traversal/traversal.shape';

/** The generated Cypher of the hot paths, pinned: a change in translation shows up as a diff here. */

test('upserts interpolate only allowlisted labels and types; values are parameters', () => {
  expect(upsertEntitiesCypher('Organization')).toBe(
    'UNWIND $rows AS row\nMERGE (n:Entity {id: row.id})\nSET n:Organization, n += row.props\nRETURN count(n) AS written',
  );
  expect(upsertFactsCypher('PARTNERS_WITH')).toContain('MERGE (a)-[r:PARTNERS_WITH {id: row.id}]->(b)');
  expect(() => upsertEntitiesCypher('Organization) DETACH DELETE (n')).toThrow(/not an entity kind/);
  expect(() => upsertFactsCypher('X]->() DELETE r //')).toThrow(/not a relationship type/);
});

test('relation patterns follow the asked direction', () => {
  const spec = (direction: Direction) => ({ types: ['INVESTS_IN', 'PARTNERS_WITH'] as const, direction });
  expect(relPattern(spec(Direction.OUT))).toBe('(n)-[r:INVESTS_IN|PARTNERS_WITH]->(m)');
  expect(relPattern(spec(Direction.IN))).toBe('(n)<-[r:INVESTS_IN|PARTNERS_WITH]-(m)');
  expect(relPattern({ types: [], direction: Direction.BOTH })).toBe('(n)-[r]-(m)');
});

test('the batched relation query: one UNWIND over parents, a per-parent LIMIT, a degree count', () => {
  expect(relatedCypher({ types: ['PARTNERS_WITH'], direction: Direction.BOTH }, true)).toBe(
    [
      'UNWIND $rows AS row',
      'MATCH (n:Entity {id: row.id})',
      'OPTIONAL CALL (n, row) {',
      '  MATCH (n)-[r:PARTNERS_WITH]-(m:Entity)',
      '  WHERE (row.afterId IS NULL OR r.id > row.afterId OR (r.id = row.afterId AND type(r) > row.afterType))',
      '  RETURN r, m',
      '  ORDER BY r.id',
      '  LIMIT $limit',
      '}',
      'WITH row, n, collect(CASE WHEN r IS NULL THEN null ELSE {rel: r, other: m} END) AS rels',
      'RETURN row.id AS id, n, rels, COUNT { (n)-[:PARTNERS_WITH]-() } AS total',
    ].join('\n'),
  );
});

test('facts of several types are ordered by (id, type): ids are unique per type only', () => {
  expect(relatedCypher({ types: [], direction: Direction.BOTH }, false)).toContain('  ORDER BY r.id, type(r)\n');
  expect(relatedCypher({ types: ['INVESTS_IN', 'PARTNERS_WITH'], direction: Direction.OUT }, false)).toContain(
    '  ORDER BY r.id, type(r)\n',
  );
});

test('as of a date, facts and their count are limited to sources published by then', () => {
  const text = relatedCypher({ types: ['INVESTS_IN'], direction: Direction.OUT }, true, true);
  expect(text).toContain('    AND (r.sourceDate IS NULL OR r.sourceDate <= $asOf)');
  expect(text).toContain(
    'COUNT { MATCH (n)-[r:INVESTS_IN]->() WHERE r.sourceDate IS NULL OR r.sourceDate <= $asOf } AS total',
  );
});

test('entity pages: label from the kind, keyset condition on (name, id), parameters for values', () => {
  const clause = filterClause({ kinds: ['Organization'], nameContains: 'Naver', orgType: 'company' });
  expect(clause.params).toEqual({ nameContains: 'naver', orgType: 'company' });
  expect(pageCypher(clause, sortSpec(null), false, true)).toBe(
    [
      'MATCH (n:Entity:Organization)',
      "WHERE (toLower(n.name) CONTAINS $nameContains OR toLower(coalesce(n.nameKo, '')) CONTAINS $nameContains OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS $nameContains))",
      '  AND n.orgType = $orgType',
      '  AND (n.name > $cursorKey OR (n.name = $cursorKey AND n.id > $cursorId))',
      'RETURN n',
      'ORDER BY n.name, n.id',
      'LIMIT $limit',
    ].join('\n'),
  );
  const backwardDesc = pageCypher(
    filterClause(null),
    sortSpec({ field: EntitySortField.ID, direction: SortDirection.DESC }),
    true,
    true,
  );
  expect(backwardDesc).toBe('MATCH (n:Entity)\nWHERE n.id > $cursorId\nRETURN n\nORDER BY n.id\nLIMIT $limit');
  expect(filterClause({ kinds: ['Organization', 'Person'] }).match).toBe('MATCH (n:Organization|Person)');
});

/** A traversal's facts name their ends by position (a float) in its node list, bound as `at`. */
const positions = (list: string) =>
  `apoc.map.fromLists([n IN ${list} | elementId(n)], range(0, size(${list}) - 1)) AS at`;
const ends = 'toFloat(at[elementId(startNode(r))]), to: toFloat(at[elementId(endNode(r))])';
const slimEnds = 'toFloat(at[elementId(startNode(r))]), toFloat(at[elementId(endNode(r))])';

test('shortest path: validated types and length in the pattern', () => {
  expect(shortestPathCypher(['PARTNERS_WITH', 'INVESTS_IN'], 4, WHOLE)).toBe(
    [
      'OPTIONAL MATCH (a:Entity {id: $from})',
      'OPTIONAL MATCH (b:Entity {id: $to})',
      'OPTIONAL CALL (a, b) {',
      '  WITH a, b WHERE a <> b',
      '  MATCH p = shortestPath((a)-[:PARTNERS_WITH|INVESTS_IN*..4]-(b))',
      '  WITH nodes(p) AS nodes, relationships(p) AS rels',
      `  WITH nodes, rels, ${positions('nodes')}`,
      `  RETURN nodes AS nodes, [r IN rels | {rel: r, from: ${ends}}] AS rels`,
      '}',
      'RETURN a AS a, b IS NOT NULL AS b, nodes, rels',
    ].join('\n'),
  );
  expect(() => shortestPathCypher(['NOT_A_TYPE' as never], 4, WHOLE)).toThrow();
  expect(() => shortestPathCypher(['NOT_A_TYPE' as never], 4, WHOLE)).toThrow();
  expect(() => shortestPathCypher(['PARTNERS_WITH'], 11, WHOLE)).toThrow(RangeError);
});

const kind = (v: string) => `[l IN labels(${v}) WHERE l <> 'Entity'][0]`;

test('shortest path for a slim selection: projections of the nodes, the start and the facts', () => {
  const cypher = shortestPathCypher(['PARTNERS_WITH'], 3, { nodeNames: ['name'], slimFacts: true });
  expect(cypher).toContain(
    `  RETURN [n IN nodes | [${kind('n')}, n.id, n.name]] AS nodes, ` +
      `[r IN rels | [type(r), r.id, ${slimEnds}]] AS rels`,
  );
  expect(cypher).toContain(`RETURN CASE WHEN a IS NULL THEN null ELSE [${kind('a')}, a.id, a.name] END AS a, `);
});

test('neighbourhood: whole or projected nodes and facts, filters as parameters', () => {
  const head = [
    'MATCH (start:Entity {id: $id})',
    'CALL apoc.path.subgraphAll(start, {',
    '  maxLevel: $depth, relationshipFilter: $relationshipFilter, labelFilter: $labelFilter, limit: $limit',
    '}) YIELD nodes, relationships',
    `WITH nodes, relationships, ${positions('nodes')}`,
  ].join('\n');
  expect(neighborhoodCypher(WHOLE)).toBe(
    `${head}\nRETURN nodes AS nodes, [r IN relationships | {rel: r, from: ${ends}}] AS rels`,
  );
  expect(neighborhoodCypher({ nodeNames: [], slimFacts: true })).toBe(
    `${head}\nRETURN [n IN nodes | [${kind('n')}, n.id]] AS nodes, ` +
      `[r IN relationships | [type(r), r.id, ${slimEnds}]] AS rels`,
  );
  expect(neighborhoodCypher({ nodeNames: ['name', 'nameKo'], slimFacts: false })).toContain(
    `[n IN nodes | [${kind('n')}, n.id, n.name, n.nameKo]] AS nodes, [r IN relationships | {rel: r,`,
  );
});
