import { filterClause, pageCypher, sortSpec } from '../../src/entity/entity.cypher';
import { prefetchCypher } from '../../src/prefetch/prefetch.cypher';
import type { EntityPlan } from '../../src/prefetch/prefetch.plan';
import { P2_PLAN } from '../../src/tools/bench/floor.cypher';

/** The one-round-trip Cypher of a nested read (the benchmark's P2 plan, as the API plans its query), pinned. */

const plan: EntityPlan = P2_PLAN;

test('a page with partners and their facts is one query: nested CALLs, a LIMIT per parent, positional projections', () => {
  const params: Record<string, unknown> = {};
  const calls = prefetchCypher(plan, 'n', params);
  const clause = filterClause({ kinds: ['Organization'], ids: ['a', 'b'] });
  expect(pageCypher(clause, sortSpec(null), false, false, calls)).toBe(
    [
      'MATCH (n:Entity:Organization)',
      'WHERE n.id IN $ids',
      'WITH n ORDER BY n.name, n.id LIMIT $limit',
      'CALL (n) {',
      '  OPTIONAL CALL (n) {',
      '    MATCH (n)-[r_pf_0:PARTNERS_WITH]-(m_pf_0:Entity)',
      '    WHERE n:Organization',
      '    RETURN r_pf_0, m_pf_0',
      '    ORDER BY r_pf_0.id',
      '    LIMIT $pf_0_limit',
      '  }',
      '  CALL (m_pf_0) {',
      '    OPTIONAL CALL (m_pf_0) {',
      '      MATCH (m_pf_0)-[r_pf_0_0]-(m_pf_0_0:Entity)',
      '      RETURN r_pf_0_0, m_pf_0_0',
      '      ORDER BY r_pf_0_0.id, type(r_pf_0_0)',
      '      LIMIT $pf_0_0_limit',
      '    }',
      "    WITH collect(CASE WHEN r_pf_0_0 IS NULL THEN null ELSE [type(r_pf_0_0), r_pf_0_0.id, startNode(r_pf_0_0) = m_pf_0, [l IN labels(m_pf_0_0) WHERE l <> 'Entity'][0], m_pf_0_0.id, m_pf_0_0.name, []] END) AS items, 0 AS total",
      '    RETURN [items, total] AS pf_0_0',
      '  }',
      "  WITH collect(CASE WHEN r_pf_0 IS NULL THEN null ELSE [type(r_pf_0), r_pf_0.id, startNode(r_pf_0) = n, [l IN labels(m_pf_0) WHERE l <> 'Entity'][0], m_pf_0.id, m_pf_0.name, [pf_0_0]] END) AS items, 0 AS total",
      '  RETURN [items, total] AS pf_0',
      '}',
      'RETURN n, [pf_0] AS prefetched',
      'ORDER BY n.name, n.id',
    ].join('\n'),
  );
  expect(Object.keys(params).sort()).toEqual(['pf_0_0_limit', 'pf_0_limit']);
});

test('as of a date, listed facts and their count share one date parameter per field', () => {
  const params: Record<string, unknown> = {};
  const dated: EntityPlan = {
    related: [{ ...plan.related[0]!.child.related[0]!, asOf: '2021-05-01', withTotal: true }],
  };
  const text = prefetchCypher(dated, 'n', params).calls.join('\n');
  expect(text).toContain('WHERE (r_pf_0.sourceDate IS NULL OR r_pf_0.sourceDate <= $pf_0_asOf)');
  expect(text).toContain(
    'COUNT { MATCH (n)-[c_pf_0]-() WHERE c_pf_0.sourceDate IS NULL OR c_pf_0.sourceDate <= $pf_0_asOf }',
  );
  expect(Object.keys(params).sort()).toEqual(['pf_0_asOf', 'pf_0_limit']);
});
