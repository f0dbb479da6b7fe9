import type { Params } from '../db/executor';
import { toNeo4jDate, toNeo4jInt } from '../db/values';
import { ENTITY_LABEL } from '../graph/ontology';
import { assertKind } from '../graph/statements';
import { knownBy, relPattern } from '../relation/relation.cypher';
import type { EntityPlan, RelatedPlan } from './prefetch.plan';

/**
 * The Cypher of a plan: one `CALL` subquery per relation field of the entity bound to `node`,
 * nested for what the facts' other ends select, each answering `{items, total}` where items are
 * `{rel, other, subs}` and `subs` lists the nested fields' answers in plan order. Every page asks
 * one row more than its size, as the loader's query does, to know whether there is a next page.
 * Limits and dates go as parameters named by position (`pf_0_1_limit`), so equal plans share one
 * cached query plan in Neo4j.
 */
export interface PrefetchCypher {
  /** Clauses to put after the clause that binds `node`. */
  calls: string[];
  /** An expression listing the fields' answers, in plan order. */
  subs: string;
}

export function prefetchCypher(plan: EntityPlan, node: string, params: Params, path = 'pf'): PrefetchCypher {
  const calls: string[] = [];
  const columns: string[] = [];
  plan.related.forEach((related, i) => {
    const id = `${path}_${i}`;
    calls.push(...relatedCall(related, node, id, params));
    columns.push(id);
  });
  return { calls, subs: `[${columns.join(', ')}]` };
}

function relatedCall(plan: RelatedPlan, node: string, id: string, params: Params): string[] {
  const [r, m] = [`r_${id}`, `m_${id}`];
  const where: string[] = [];
  if (plan.kind) where.push(`${node}:${assertKind(plan.kind)}`);
  if (plan.asOf) {
    where.push(`(${knownBy(r, `${id}_asOf`)})`);
    params[`${id}_asOf`] = toNeo4jDate(plan.asOf);
  }
  const total = !plan.withTotal
    ? '0'
    : plan.asOf
      ? `COUNT { MATCH ${relPattern(plan.spec, `c_${id}`, node, '')} WHERE ${knownBy(`c_${id}`, `${id}_asOf`)} }`
      : `COUNT { ${relPattern(plan.spec, '', node, '')} }`;
  if (plan.countOnly) return [`CALL (${node}) {`, `  RETURN {items: [], total: ${total}} AS ${id}`, '}'];
  params[`${id}_limit`] = toNeo4jInt(plan.size + 1);
  const child = prefetchCypher(plan.child, m, params, id);
  const indent = (lines: string[]) => lines.map((line) => `  ${line}`);
  return [
    `CALL (${node}) {`,
    `  OPTIONAL CALL (${node}) {`,
    `    MATCH ${relPattern(plan.spec, r, node, `${m}:${ENTITY_LABEL}`)}`,
    ...(where.length ? [`    WHERE ${where.join(' AND ')}`] : []),
    `    RETURN ${r}, ${m}`,
    `    ORDER BY ${r}.id, type(${r})`,
    `    LIMIT $${id}_limit`,
    '  }',
    ...indent(child.calls),
    `  WITH collect(CASE WHEN ${r} IS NULL THEN null ELSE {rel: ${fact(plan, r)}, other: ${other(plan, m)}, subs: ${child.subs}} END) AS items, ${total} AS total`,
    `  RETURN {items: items, total: total} AS ${id}`,
    '}',
  ];
}

/** A fact as the records need it: the whole relationship, or its id, type and start only. */
function fact(plan: RelatedPlan, r: string): string {
  return plan.slimFacts ? `{type: type(${r}), startId: elementId(startNode(${r})), properties: ${r} {.id}}` : r;
}

/** An other end: the whole node, or its labels and names only (shaped like a node for the records). */
function other(plan: RelatedPlan, m: string): string {
  return plan.slimOthers
    ? `{elementId: elementId(${m}), labels: labels(${m}), properties: ${m} {.id, .name, .nameKo, .aliases}}`
    : m;
}
