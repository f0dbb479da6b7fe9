import type { Executor } from '../../src/db/executor';
import { assertKind, assertType } from '../../src/graph/statements';

/** An edge of a hand-made test graph: from, to, type (default PARTNERS_WITH), optional validity. */
export interface TestEdge {
  from: string;
  to: string;
  type?: string;
  validFrom?: string;
  validTo?: string;
}

/** Entity ids of a test graph are `<namespace>-<name>`, so each namespace owns its ids. */
export const nsId = (ns: string, name: string): string => `${ns}-${name}`;

/** Create entities (Organization unless 'name:Kind') and facts inside namespace `ns` (delete with dropNamespace). */
export async function createGraph(executor: Executor, ns: string, nodes: string[], edges: TestEdge[]): Promise<void> {
  // 'name' is an Organization; 'name:Person' another kind (one label per kind, checked).
  const byKind = new Map<string, string[]>();
  for (const node of nodes) {
    const [name, kind = 'Organization'] = node.split(':') as [string, string?];
    byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
  }
  for (const [kind, names] of byKind) {
    await executor.write(
      `UNWIND $names AS name
       CREATE (:Entity:${assertKind(kind)} {id: $ns + '-' + name, name: name, namespace: $ns})`,
      { ns, names },
    );
  }
  const byType = new Map<string, TestEdge[]>();
  for (const e of edges) byType.set(e.type ?? 'PARTNERS_WITH', [...(byType.get(e.type ?? 'PARTNERS_WITH') ?? []), e]);
  for (const [type, list] of byType) {
    await executor.write(
      `UNWIND $edges AS e
       MATCH (a:Entity {id: $ns + '-' + e.from}), (b:Entity {id: $ns + '-' + e.to})
       CREATE (a)-[r:${assertType(type)} {id: $ns + '-' + e.from + '-' + e.to, source: 'test', quote: 'test',
         validFrom: CASE WHEN e.validFrom IS NULL THEN null ELSE date(e.validFrom) END,
         validTo: CASE WHEN e.validTo IS NULL THEN null ELSE date(e.validTo) END}]->(b)`,
      { ns, edges: list.map((e) => ({ validFrom: null, validTo: null, ...e })) },
    );
  }
}

export async function dropNamespace(executor: Executor, ns: string): Promise<void> {
  await executor.write('MATCH (n:Entity {namespace: $ns}) DETACH DELETE n', { ns });
}

/** A path of facts: chain(['a','b','c']) = a->b, b->c. */
export function chain(names: string[], type?: string): TestEdge[] {
  return names.slice(1).map((to, i) => ({ from: names[i]!, to, type }));
}

/** Every pair of `names` once, i<j. */
export function clique(names: string[], type?: string): TestEdge[] {
  return names.flatMap((from, i) => names.slice(i + 1).map((to) => ({ from, to, type })));
}
