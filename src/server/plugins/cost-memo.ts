import { Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { getMaxPageSize } from '../../common/paging';

/** Arguments that size a list, in the order the estimator looks for them. */
export const SIZE_ARGS = ['first', 'last', 'limit'] as const;
/** Different variable values remembered per document before its memo starts over. */
const MAX_KEYS_PER_DOCUMENT = 256;

interface Memo {
  /** The variables an estimate can read: list sizes and @skip/@include conditions. */
  inputs: string[];
  costs: Map<string, number>;
}

const variableName = (value: ValueNode): string | undefined =>
  value.kind === Kind.VARIABLE ? value.name.value : undefined;

function costInputs(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Field(field) {
      for (const arg of field.arguments ?? []) {
        const name = (SIZE_ARGS as readonly string[]).includes(arg.name.value) ? variableName(arg.value) : undefined;
        if (name) names.add(name);
      }
    },
    Directive(directive) {
      if (directive.name.value !== 'skip' && directive.name.value !== 'include') return;
      for (const arg of directive.arguments ?? []) {
        const name = variableName(arg.value);
        if (name) names.add(name);
      }
    },
  });
  return [...names].sort();
}

/**
 * Remembers operation costs per parsed document. Apollo keeps one DocumentNode per distinct query
 * text, so a WeakMap on it forgets a document's costs when Apollo drops the document. A cost
 * depends only on the document, the operation, the page-size cap and the variables the estimator
 * reads (sizes and @skip/@include), so only those key the memo: a point lookup sent with a
 * thousand different ids is analysed once. Analysing P1's lookup took ~3% of its server CPU in
 * the benchmark's profile; a memo hit is one small JSON key.
 *
 * The key holds those variables as sent, not as coerced: coercion is deterministic, so equal sent
 * values (an absent one told apart from a null) coerce to equal values, and a cost is remembered
 * only once `estimate` has run, which checks the variables first. A hit therefore needs no
 * coercion here; execution still checks every variable of every request. (graphql-js's check of
 * a neighbourhood's three variables took 20-30 µs of the request's time in the server, lab.)
 */
export class CostMemo {
  private readonly memos = new WeakMap<DocumentNode, Memo>();

  cost(
    document: DocumentNode,
    operationName: string | undefined,
    variables: Record<string, unknown>,
    estimate: () => number,
  ): number {
    let memo = this.memos.get(document);
    if (!memo) {
      memo = { inputs: costInputs(document), costs: new Map() };
      this.memos.set(document, memo);
    }
    const sent = memo.inputs.map((n) => (variables[n] === undefined ? [] : [variables[n]]));
    const key = JSON.stringify([operationName ?? null, getMaxPageSize(), ...sent]);
    const known = memo.costs.get(key);
    if (known !== undefined) return known;
    const cost = estimate();
    if (memo.costs.size >= MAX_KEYS_PER_DOCUMENT) memo.costs.clear();
    memo.costs.set(key, cost);
    return cost;
  }
}
