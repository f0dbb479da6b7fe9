import os from 'node:os';
import { countNamespace } from '../../analytics/synthetic.writer';
import { DEFAULT_PAGE_SIZE } from '../../common/paging';
import type { Executor, Params } from '../../db/executor';
import { toNeo4jInt } from '../../db/values';
import type { EntityFilter } from '../../entity/entity.args';
import { countCypher, filterClause } from '../../entity/entity.cypher';
import { Direction } from '../../graph/enums';
import { relatedCypher } from '../../relation/relation.cypher';
import { QueryProbe, type Profiled } from './counts.profile';
import type { BenchDb, Measurement, ScenarioResult, Verdict } from './types';

/**
 * P6, counts: PROFILE the Cypher our API sends for `entities(filter) { totalCount }` (countCypher)
 * and `relationships { totalCount }` (relatedCypher with withTotal, default page size, as the
 * RelationService batches it) against raw count queries, on the graph P5 left in `namespace`.
 * dbHits are summed over the plan tree; timings are medians through a plain driver session.
 */

const RUNS = 5;
const BATCH_ENTITIES = 100;
/** The hub is the highest-degree entity among the first ones created (preferential attachment). */
const HUB_CANDIDATES = 50;
const GOAL_RATIO = 1.1;
const ALL_FACTS = { types: [], direction: Direction.BOTH };

interface Query {
  peer: string;
  cypher: string;
  params: Params;
}

interface Group {
  name: string;
  ours: Query;
  /** The same query without the count, so the count's own dbHits are the difference. */
  oursWithoutCount?: Query;
  raw: Query[];
}

function entityCount(name: string, filter: EntityFilter | null, raw: string[]): Group {
  const clause = filterClause(filter);
  return {
    name,
    ours: { peer: 'ours', cypher: countCypher(clause), params: clause.params },
    raw: raw.map((cypher, i) => ({ peer: i ? `raw ${i + 1}` : 'raw', cypher, params: {} })),
  };
}

function relationshipCount(name: string, ids: string[]): Group {
  const params = {
    rows: ids.map((id) => ({ id, afterId: null, afterType: null })),
    limit: toNeo4jInt(DEFAULT_PAGE_SIZE + 1),
    asOf: null,
  };
  const one = ids.length === 1;
  const rawCypher = one
    ? [
        'MATCH (n:Entity {id: $id})-[r]-() RETURN count(r) AS total',
        'MATCH (n:Entity {id: $id}) RETURN COUNT { (n)--() } AS total',
      ]
    : [
        'UNWIND $ids AS id MATCH (n:Entity {id: id})-[r]-() RETURN id, count(r) AS total',
        'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN id, COUNT { (n)--() } AS total',
      ];
  const rawParams = one ? { id: ids[0] } : { ids };
  const raw = rawCypher.map((cypher, i) => ({ peer: i ? 'raw COUNT {}' : 'raw count(r)', cypher, params: rawParams }));
  if (one)
    raw.push({
      peer: 'raw, no label',
      cypher: 'MATCH (n {id: $id})-[r]-() RETURN count(r) AS total',
      params: rawParams,
    });
  return {
    name,
    // `relationships { totalCount }` alone: the API asks for the count only, no page.
    ours: { peer: 'ours', cypher: relatedCypher(ALL_FACTS, true, false, true), params },
    raw,
  };
}

async function sampleIds(executor: Executor, namespace: string): Promise<{ hub: string; batch: string[] }> {
  const total = await countNamespace(executor, namespace);
  if (total < BATCH_ENTITIES) throw new Error(`namespace '${namespace}' holds ${total} entities; run P5 first`);
  const candidates = Array.from({ length: HUB_CANDIDATES }, (_, i) => `${namespace}-${i}`);
  const [top] = await executor.read(
    'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN id, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT 1',
    { ids: candidates },
    'bench.hub',
  );
  const batch = Array.from(
    { length: BATCH_ENTITIES },
    (_, i) => `${namespace}-${Math.floor((i * total) / BATCH_ENTITIES)}`,
  );
  return { hub: String(top?.id), batch };
}

export async function runCountScenario(
  db: BenchDb,
  executor: Executor,
  opts: { namespace: string; log: (line: string) => void },
): Promise<ScenarioResult> {
  const { hub, batch } = await sampleIds(executor, opts.namespace);
  // How many entities the store holds, by the API's own count (the statement P6's first group profiles).
  const everything = filterClause(null);
  const [stored] = await executor.read(countCypher(everything), everything.params, 'bench.stored');
  const [degree] = await executor.read('MATCH (n:Entity {id: $id}) RETURN COUNT { (n)--() } AS d', { id: hub });
  const groups = [
    entityCount('entities totalCount', null, ['MATCH (n:Entity) RETURN count(n)']),
    entityCount('entities totalCount, kinds [Organization]', { kinds: ['Organization'] }, [
      'MATCH (n:Entity:Organization) RETURN count(n)',
      'MATCH (n:Organization) RETURN count(n)',
    ]),
    entityCount('entities totalCount, kinds [Organization, Person]', { kinds: ['Organization', 'Person'] }, [
      'MATCH (n:Entity) WHERE n:Organization OR n:Person RETURN count(n)',
    ]),
    relationshipCount(`relationships totalCount, hub (${String(degree?.d)} facts)`, [hub]),
    relationshipCount(`relationships totalCount, ${BATCH_ENTITIES} entities`, batch),
  ];
  const probe = new QueryProbe(db);
  const measurements: Measurement[] = [];
  const verdicts: Verdict[] = [];
  const notes = [
    `load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  ];
  try {
    for (const group of groups) {
      opts.log(`P6: ${group.name} ...`);
      const profiles = new Map<string, Profiled>();
      for (const q of [group.ours, ...(group.oursWithoutCount ? [group.oursWithoutCount] : []), ...group.raw]) {
        const p = await probe.profile(q.cypher, q.params);
        const ms = await probe.medianMs(q.cypher, q.params, RUNS);
        profiles.set(q.peer, p);
        const note = `${p.counting}; plan: ${p.operators.join(' > ')}`;
        measurements.push({ peer: q.peer, metric: `${group.name}: dbHits`, value: p.dbHits, unit: 'dbHits', note });
        measurements.push({
          peer: q.peer,
          metric: `${group.name}: median of ${RUNS}`,
          value: Number(ms.toFixed(2)),
          unit: 'ms',
        });
      }
      verdicts.push(...verdict(group, profiles));
    }
  } finally {
    await probe.close();
  }
  notes.push(
    `entity counts are the whole store's, ${Number(stored?.total ?? 0).toLocaleString('en')} entities (every namespace the run wrote); relationship counts read '${opts.namespace}'`,
    'raw peers carry the Entity label (an unlabelled `{id: $id}` match scans all nodes; shown once as "raw, no label")',
    'relationships: ours is the statement the API sends for `relationships { totalCount }` (count only, no page)',
  );
  return { id: 'P6', title: 'Counts', size: `namespace '${opts.namespace}'`, measurements, verdicts, notes };
}

function verdict(group: Group, profiles: Map<string, Profiled>): Verdict[] {
  const ours = profiles.get('ours') as Profiled;
  const labelled = group.raw.filter((q) => !q.peer.includes('no label'));
  const rawHits = Math.min(...labelled.map((q) => profiles.get(q.peer)?.dbHits ?? Infinity));
  const page = group.oursWithoutCount ? profiles.get(group.oursWithoutCount.peer) : undefined;
  const countHits = page ? ours.dbHits - page.dbHits : ours.dbHits;
  const ratio = countHits / Math.max(rawHits, 1);
  // Entities: no operator may read nodes one by one. Facts: the count must come from the stored degree
  // (the page of facts around it necessarily reads them; its cost is shown apart).
  const uncollected = page ? ours.counting.includes('GetDegree') : ours.scans === 0;
  const what = page ? `count part ${countHits} (whole query ${ours.dbHits}, page ${page.dbHits})` : `${countHits}`;
  const verdicts: Verdict[] = [
    {
      goal: `${group.name}: dbHits <= ${GOAL_RATIO}x raw, nodes never collected`,
      met: ratio <= GOAL_RATIO && uncollected,
      detail: `${ratio.toFixed(2)}x: ours ${what} vs best raw ${rawHits} dbHits; ours: ${ours.counting}`,
    },
  ];
  if (page) {
    verdicts.push({
      goal: `${group.name}, whole query as sent (count + first page): dbHits <= ${GOAL_RATIO}x raw`,
      met: ours.dbHits <= GOAL_RATIO * rawHits,
      detail:
        `${(ours.dbHits / Math.max(rawHits, 1)).toFixed(0)}x: the page of ${DEFAULT_PAGE_SIZE} ordered by fact id ` +
        'reads every fact of the entity, even when only totalCount is selected',
    });
  }
  return verdicts;
}
