import type { Executor } from '../../db/executor';
import { syntheticGraph, type SyntheticEntity, type SyntheticFact } from '../../analytics/synthetic';
import { bulkBatch, writeSyntheticBatch, writeSyntheticGraph } from '../../analytics/synthetic.writer';

/** The read scenarios' graph: 1e5 entities with the article graph's ontology and heavy-tailed degrees. */
export const READ_NAMESPACE = 'bench';
/** P2's organizations: HUBS with PARTNERS partners each, every partner with FACTS further facts. */
export const P2_NAMESPACE = 'p2';
export const P2_HUBS = 100;
export const P2_PARTNERS = 10;
export const P2_FACTS = 5;
const P2_TOPICS = 200;

/** Write the read graph through the project's bulk path; answers seconds taken. */
export async function writeReadGraph(
  executor: Executor,
  entities: number,
  log: (line: string) => void,
): Promise<number> {
  const started = performance.now();
  let written = 0;
  await writeSyntheticGraph(executor, READ_NAMESPACE, syntheticGraph(READ_NAMESPACE, entities, 1, bulkBatch()), {
    concurrency: 2,
    onWritten: (batch) => {
      written += batch.entities.length;
      if (written % 50_000 === 0) log(`  read graph: ${written}/${entities} entities`);
    },
  });
  return (performance.now() - started) / 1000;
}

/** Ids of P2's organizations, in the order the API sorts them (by name, then id). */
export function p2HubIds(): string[] {
  return Array.from({ length: P2_HUBS }, (_, i) => `${P2_NAMESPACE}-h${String(i).padStart(3, '0')}`);
}

/** P2's exact shape: 100 organizations × 10 partners × (1 partnership + 5 research topics). */
export async function writeP2Graph(executor: Executor): Promise<void> {
  const entities: SyntheticEntity[] = [];
  const facts: SyntheticFact[] = [];
  const fact = (type: SyntheticFact['type'], from: string, to: string) =>
    facts.push({ id: `${P2_NAMESPACE}-f${facts.length}`, type, from, to, validFrom: null, validTo: null });
  for (const id of p2HubIds()) entities.push({ id, kind: 'Organization', name: `Hub ${id}` });
  for (let t = 0; t < P2_TOPICS; t++) entities.push({ id: `${P2_NAMESPACE}-t${t}`, kind: 'Topic', name: `Topic ${t}` });
  p2HubIds().forEach((hub, h) => {
    for (let p = 0; p < P2_PARTNERS; p++) {
      const partner = `${P2_NAMESPACE}-p${h * P2_PARTNERS + p}`;
      entities.push({ id: partner, kind: 'Organization', name: `Partner ${partner}` });
      fact('PARTNERS_WITH', hub, partner);
      for (let f = 0; f < P2_FACTS; f++)
        fact('RESEARCHES', partner, `${P2_NAMESPACE}-t${(h * P2_PARTNERS + p + f * 37) % P2_TOPICS}`);
    }
  });
  await writeSyntheticBatch(executor, P2_NAMESPACE, { entities, facts });
}
