import { relatedCacheKey } from '../server/context';
import { relatedKeyOf, type EntityPlan, type RelatedPlan } from './prefetch.plan';

/** The loader key a plan primes, for any one entity (kind is not part of it): the loader's own key function. */
function pageKey(plan: RelatedPlan): string {
  return relatedCacheKey(relatedKeyOf(plan, ''));
}

/**
 * Plans that would prime the same loader page become one. Two fields can ask for the same page:
 * aliases with equal arguments, or a typed field (`partners(first: 10)`) beside `relationships`
 * with the same types, direction and size. A page is primed once, so it must carry what every
 * such field selects: the merged plan reads the wider projection (whole facts or ends if either
 * needs them, every name either selects) and fetches the other ends' fields of both. Kinds that
 * differ merge to "every entity", which is the page the loader itself would read.
 */
export function mergeSamePages(related: RelatedPlan[]): RelatedPlan[] {
  const byKey = new Map<string, RelatedPlan>();
  for (const plan of related) {
    const key = pageKey(plan);
    const seen = byKey.get(key);
    byKey.set(key, seen ? widen(seen, plan) : plan);
  }
  return byKey.size === related.length ? related : [...byKey.values()];
}

function widen(a: RelatedPlan, b: RelatedPlan): RelatedPlan {
  const child: EntityPlan = { related: mergeSamePages([...a.child.related, ...b.child.related]) };
  return {
    ...a,
    kind: a.kind === b.kind ? a.kind : null,
    slimFacts: a.slimFacts && b.slimFacts,
    slimOthers: a.slimOthers && b.slimOthers,
    otherProps: [...a.otherProps, ...b.otherProps.filter((p) => !a.otherProps.includes(p))],
    child,
  };
}
