import type { Executor } from '../db/executor';
import { toNeo4jInt } from '../db/values';
import { ENTITY_LABEL } from '../graph/ontology';
import { assertKind, assertType } from '../graph/statements';
import { assertNamespace } from './namespace';
import type { SyntheticEntity, SyntheticFact } from './synthetic';

/** Entities deleted per transaction when a namespace is cleared: bounded memory for 1e6 nodes. */
const DELETE_BATCH = 10_000;

function entitiesCypher(kind: string): string {
  return `UNWIND $rows AS row
CREATE (n:${ENTITY_LABEL}:${assertKind(kind)} {id: row.id, name: row.name, namespace: $namespace})
RETURN count(n) AS written`;
}

function factsCypher(type: string): string {
  return `UNWIND $rows AS row
MATCH (a:${ENTITY_LABEL} {id: row.from})
MATCH (b:${ENTITY_LABEL} {id: row.to})
CREATE (a)-[r:${assertType(type)} {id: row.id, source: $namespace, quote: '',
  validFrom: CASE WHEN row.validFrom IS NULL THEN null ELSE date(row.validFrom) END,
  validTo: CASE WHEN row.validTo IS NULL THEN null ELSE date(row.validTo) END}]->(b)
RETURN count(r) AS written`;
}

function groupBy<T, K extends string>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Write one batch (entities first, then facts) in one write transaction through the executor. */
export async function writeSyntheticBatch(
  executor: Executor,
  namespace: string,
  batch: { entities: SyntheticEntity[]; facts: SyntheticFact[] },
): Promise<void> {
  assertNamespace(namespace);
  await executor.writeTx(async (tx) => {
    for (const [kind, rows] of groupBy(batch.entities, (e) => e.kind)) {
      await tx.run(entitiesCypher(kind), { namespace, rows: rows.map(({ id, name }) => ({ id, name })) });
    }
    for (const [type, rows] of groupBy(batch.facts, (f) => f.type)) {
      await tx.run(factsCypher(type), { namespace, rows: rows.map(({ type: _t, ...row }) => row) });
    }
  }, 'gen.batch');
}

/** How many entities the namespace holds. */
export async function countNamespace(executor: Executor, namespace: string): Promise<number> {
  const [row] = await executor.read(
    `MATCH (n:${ENTITY_LABEL} {namespace: $namespace}) RETURN count(n) AS n`,
    { namespace: assertNamespace(namespace) },
    'gen.count',
  );
  return Number(row?.n ?? 0);
}

/** Delete a namespace's entities and their facts, a batch per transaction. */
export async function deleteNamespace(executor: Executor, namespace: string): Promise<void> {
  assertNamespace(namespace);
  for (;;) {
    const [row] = await executor.write(
      `MATCH (n:${ENTITY_LABEL} {namespace: $namespace}) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted`,
      { namespace, batch: toNeo4jInt(DELETE_BATCH) },
      'gen.delete',
    );
    if (Number(row?.deleted ?? 0) === 0) return;
  }
}
