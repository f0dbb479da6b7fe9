import { groupBy } from '../common/group-by';
import type { Executor, Tx } from '../db/executor';
import { propsToNeo4j } from '../db/values';
import {
  CLAIM_PREFIX,
  KIND_PROPERTIES,
  entityProperties,
  relationshipProperties,
  type EntityKind,
  type RelationshipType,
} from '../graph/ontology';
import { EXISTING_KINDS_CYPHER, upsertEntitiesCypher, upsertFactsCypher } from '../graph/statements';
import { keysOfProps } from '../ingest/resolution-keys';
import { SeedValidationError } from './seed.errors';
import type { PlainValue, SeedDocument, SeedEntity, SeedFact, SeedIssue } from './seed.types';

/** Rows per UNWIND: large enough to amortize the round trip, small enough to keep each statement's memory flat. */
export const SEED_BATCH_SIZE = 1_000;

/**
 * Whole documents are written in one transaction; on a cold or busy database planning their few
 * dozen statements alone can outlast the per-request timeout, so bulk writes get their own cap.
 */
export const BULK_TX_TIMEOUT_MS = 300_000;

export interface LoadResult {
  entities: number;
  facts: number;
}

/** The article's publication date, carried by every fact it states (for "as of" queries). */
function sourceDate(doc: SeedDocument): Record<string, PlainValue> {
  const date = doc.article.properties.publishedOn;
  return typeof date === 'string' ? { sourceDate: date } : {};
}

/**
 * The MENTIONS fact that carries an entity's provenance: the article names it in `quote`, and
 * states its kind properties, each kept as `claim_<property>` so that conflicting values from
 * different articles all survive.
 */
export function mentionFact(doc: SeedDocument, entity: SeedEntity): SeedFact {
  const articleId = doc.article.id;
  const claims: Record<string, PlainValue> = {};
  for (const key of Object.keys(KIND_PROPERTIES[entity.kind])) {
    const value = (entity.claims ?? entity.properties)[key];
    if (value !== undefined) claims[`${CLAIM_PREFIX}${key}`] = value;
  }
  return {
    id: `${articleId}~mentions~${entity.id}`,
    type: 'MENTIONS',
    from: articleId,
    to: entity.id,
    properties: { source: articleId, quote: entity.quote, ...sourceDate(doc), ...claims },
  };
}

/**
 * Write a validated document in ONE write transaction, in batches, with MERGE: loading it twice
 * changes nothing, and a failure anywhere (an entity of another kind already holding an id, a
 * broken connection) leaves the graph as it was.
 */
export function loadSeedDocument(executor: Executor, doc: SeedDocument): Promise<LoadResult> {
  return executor.writeTx((tx) => writeDocument(tx, doc), 'seed', BULK_TX_TIMEOUT_MS);
}

/** The writes of a validated document, inside the caller's transaction (shared with ingestion). */
export async function writeDocument(tx: Tx, doc: SeedDocument): Promise<LoadResult> {
  const entities = [doc.article, ...doc.entities];
  const dated = sourceDate(doc);
  const facts = [
    ...entities.map((e) => mentionFact(doc, e)),
    ...doc.facts.map((f) => ({ ...f, properties: { ...f.properties, ...dated } })),
  ];
  await refuseKindChanges(tx, entities);
  for (const [kind, group] of groupBy(entities, (e) => e.kind)) {
    const rows = group.map((e) => ({
      id: e.id,
      props: propsToNeo4j(entityProperties(kind as EntityKind), {
        ...e.properties,
        resolutionKeys: keysOfProps(e.properties),
      }),
    }));
    await runBatched(tx, upsertEntitiesCypher(kind), rows);
  }
  for (const [type, group] of groupBy(facts, (f) => f.type)) {
    const specs = relationshipProperties(type as RelationshipType);
    const rows = group.map((f) => ({ id: f.id, from: f.from, to: f.to, props: propsToNeo4j(specs, f.properties) }));
    await runBatched(tx, upsertFactsCypher(type), rows);
  }
  return { entities: entities.length, facts: facts.length };
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

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
