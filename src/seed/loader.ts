import type { Executor, Tx } from '../db/executor';
import { propsToNeo4j } from '../db/values';
import { entityProperties, relationshipProperties, type EntityKind, type RelationshipType } from '../graph/ontology';
import { EXISTING_KINDS_CYPHER, upsertEntitiesCypher, upsertFactsCypher } from '../graph/statements';
import { SeedValidationError } from './seed.errors';
import type { SeedDocument, SeedEntity, SeedFact, SeedIssue } from './seed.types';

/** Rows per UNWIND: large enough to amortize the round trip, small enough to keep each statement's memory flat. */
export const SEED_BATCH_SIZE = 1_000;

export interface LoadResult {
  entities: number;
  facts: number;
}

/** The MENTIONS fact that carries an entity's provenance: the article names it in `quote`. */
export function mentionFact(doc: SeedDocument, entity: SeedEntity): SeedFact {
  const articleId = doc.article.id;
  return {
    id: `${articleId}~mentions~${entity.id}`,
    type: 'MENTIONS',
    from: articleId,
    to: entity.id,
    properties: { source: articleId, quote: entity.quote },
  };
}

/**
 * Write a validated document in ONE write transaction, in batches, with MERGE: loading it twice
 * changes nothing, and a failure anywhere (an entity of another kind already holding an id, a
 * broken connection) leaves the graph as it was.
 */
export async function loadSeedDocument(executor: Executor, doc: SeedDocument): Promise<LoadResult> {
  const entities = [doc.article, ...doc.entities];
  const facts = [...entities.map((e) => mentionFact(doc, e)), ...doc.facts];
  return executor.writeTx(async (tx) => {
    await refuseKindChanges(tx, entities);
    for (const [kind, group] of groupBy(entities, (e) => e.kind)) {
      const rows = group.map((e) => ({
        id: e.id,
        props: propsToNeo4j(entityProperties(kind as EntityKind), e.properties),
      }));
      await runBatched(tx, upsertEntitiesCypher(kind), rows);
    }
    for (const [type, group] of groupBy(facts, (f) => f.type)) {
      const specs = relationshipProperties(type as RelationshipType);
      const rows = group.map((f) => ({
        id: f.id,
        from: f.from,
        to: f.to,
        props: propsToNeo4j(specs, f.properties),
      }));
      await runBatched(tx, upsertFactsCypher(type), rows);
    }
    return { entities: entities.length, facts: facts.length };
  }, 'seed');
}

async function refuseKindChanges(tx: Tx, entities: SeedEntity[]): Promise<void> {
  const wanted = new Map(entities.map((e) => [e.id, e.kind]));
  const issues: SeedIssue[] = [];
  for (const batch of chunks([...wanted.keys()], SEED_BATCH_SIZE)) {
    for (const row of await tx.run(EXISTING_KINDS_CYPHER, { ids: batch })) {
      const id = String(row.id);
      if (row.kind !== wanted.get(id)) {
        issues.push({
          record: id,
          field: 'kind',
          message: `already exists as ${String(row.kind)}, not ${wanted.get(id)}`,
        });
      }
    }
  }
  if (issues.length > 0) throw new SeedValidationError(issues);
}

async function runBatched(tx: Tx, cypher: string, rows: unknown[]): Promise<void> {
  for (const batch of chunks(rows, SEED_BATCH_SIZE)) await tx.run(cypher, { rows: batch });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
