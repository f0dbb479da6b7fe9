import { countCypher, filterClause } from '../../src/entity/entity.cypher';

test('entity counts: unfiltered and kinds-only filters read the count store, other filters count rows', () => {
  expect(countCypher(filterClause(null))).toBe('MATCH (n:Entity)\nRETURN count(n) AS total');
  expect(countCypher(filterClause({}))).toBe('MATCH (n:Entity)\nRETURN count(n) AS total');
  // A kind label implies :Entity, so one kind is counted by its own label (NodeCountFromCountStore).
  expect(countCypher(filterClause({ kinds: ['Organization'] }))).toBe(
    'MATCH (n:Organization)\nRETURN count(n) AS total',
  );
  // Several kinds (each node has exactly one): one count-store read per kind, summed; duplicates once.
  expect(countCypher(filterClause({ kinds: ['Organization', 'Person', 'Organization'] }))).toBe(
    [
      'CALL () {',
      '  MATCH (n:Organization) RETURN count(n) AS c',
      '  UNION ALL',
      '  MATCH (n:Person) RETURN count(n) AS c',
      '}',
      'RETURN sum(c) AS total',
    ].join('\n'),
  );
  const filtered = filterClause({ kinds: ['Organization', 'Person'], orgType: 'company' });
  expect(countCypher(filtered)).toBe(
    'MATCH (n:Organization|Person)\nWHERE n:Entity\n  AND n.orgType = $orgType\nRETURN count(n) AS total',
  );
  expect(countCypher(filterClause({ kinds: ['Organization'], ids: ['naver'] }))).toBe(
    'MATCH (n:Entity:Organization)\nWHERE n.id IN $ids\nRETURN count(n) AS total',
  );
});

test('entity counts: a kind outside the ontology is refused before any Cypher is built', () => {
  expect(() => countCypher({ match: 'MATCH (n:Entity)', where: [], params: {}, kinds: ['Bogus' as never] })).toThrow(
    TypeError,
  );
});
