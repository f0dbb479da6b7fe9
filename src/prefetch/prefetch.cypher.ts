import type { Params } from '../db/executor';
import { toNeo4jDate, toNeo4jInt } from '../db/values';
import { ENTITY_LABEL } from '../graph/ontology';
import { assertKind, kindExpr } from '../graph/statements';
import { factOrder, knownBy, relPattern } from '../relation/relation.cypher';
import type { EntityPlan, RelatedPlan } from './prefetch.plan';

/**
 * The Cypher of a plan: one `CALL` subquery per relation field of the entity bound to `node`,
 * nested for what the facts' other ends select, each answering `[items, total]` where an item is
 * one flat list: the fact's slots, whether it leaves the parent, the other end's slots, and `subs`
 * (the nested fields' answers in plan order); see `itemSlots` for the slots. Every
 * page asks one row more than its size, as the loader's query does, to know whether there is a next
 * page. Limits and dates go as parameters named by position (`pf_0_1_limit`), so equal plans share
 * one cached query plan in Neo4j.
 *
 * Answers are positional lists, not maps, and carry no element ids: a nested answer holds thousands
 * of items, and each map key and id travels and is decoded once per item. On the benchmark's P2
 * statement (100 × 10 × 6 items, sent alone through the driver) this cut the time to run, receive
 * and decode the answer from about 210 ms to about 80 ms.
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
  if (plan.countOnly) return [`CALL (${node}) {`, `  RETURN [[], ${total}] AS ${id}`, '}'];
  params[`${id}_limit`] = toNeo4jInt(plan.size + 1);
  const child = prefetchCypher(plan.child, m, params, id);
  const indent = (lines: string[]) => lines.map((line) => `  ${line}`);
  return [
    `CALL (${node}) {`,
    `  OPTIONAL CALL (${node}) {`,
    `    MATCH ${relPattern(plan.spec, r, node, `${m}:${ENTITY_LABEL}`)}`,
    ...(where.length ? [`    WHERE ${where.join(' AND ')}`] : []),
    `    RETURN ${r}, ${m}`,
    `    ORDER BY ${factOrder(plan.spec, r)}`,
    `    LIMIT $${id}_limit`,
    '  }',
    ...indent(child.calls),
    `  WITH collect(CASE WHEN ${r} IS NULL THEN null ELSE [${itemSlots(plan, r, m, node).join(', ')}, ${child.subs}] END) AS items, ${total} AS total`,
    `  RETURN [items, total] AS ${id}`,
    '}',
  ];
}

/**
 * An item's slots before `subs`: the fact (the whole relationship, or its type and id), whether it
 * leaves `node`, and the other end (the whole node, or its kind, id and the names it selects).
 * One flat list per item: each nested list is one more object to send, decode and collect (the
 * kind is one string rather than the node's label list for the same reason: on the benchmark's P2
 * answer, 6,100 lists of two labels were about 1.3 MB of garbage per request).
 */
export function itemSlots(plan: RelatedPlan, r: string, m: string, node: string): string[] {
  const fact = factSlots(plan, r);
  const other = plan.slimOthers ? [kindExpr(m), `${m}.id`, ...plan.otherProps.map((p) => `${m}.${p}`)] : [m];
  return [...fact, `startNode(${r}) = ${node}`, ...other];
}

function factSlots(plan: RelatedPlan, r: string): string[] {
  return plan.slimFacts ? [`type(${r})`, `${r}.id`] : [r];
}

/** Where an item's `outgoing` slot sits: right after the fact's slots. */
export function outgoingSlot(plan: RelatedPlan): number {
  return factSlots(plan, 'r').length;
}
