import { isoDay } from '../common/scalars';
import { toNeo4jDate } from '../db/values';
import { BadUserInputError } from '../errors/errors';
import { Direction } from '../graph/enums';
import type { EntityKind, RelationshipType } from '../graph/ontology';
import { assertKind, assertType } from '../graph/statements';
import { DEFAULT_TRAVERSAL_TYPES } from '../traversal/traversal.limits';
import { assertNamespace } from './namespace';

/** What part of the graph an algorithm sees; every analytics field takes one (see GraphScopeInput). */
export interface Scope {
  /** Only entities of these kinds; null = every kind. */
  kinds: EntityKind[] | null;
  /** Only facts of these types (never empty). */
  types: RelationshipType[];
  /** OUT follows facts as stored, IN against it, BOTH ignores direction. */
  direction: Direction;
  /** ISO date: only facts valid on that day; null = every fact. */
  asOf: string | null;
  /** Generated graph to use; null = the article graph. */
  namespace: string | null;
}

export interface ScopeInputLike {
  kinds?: EntityKind[] | null;
  types?: RelationshipType[] | null;
  direction?: Direction | null;
  asOf?: Date | string | null;
  namespace?: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkedDay(value: Date | string): string {
  const text = isoDay(value);
  if (!ISO_DATE.test(text)) throw new BadUserInputError(`'asOf' must be an ISO date (YYYY-MM-DD)`, 'scope.asOf');
  return text;
}

export function resolveScope(input: ScopeInputLike | null | undefined, defaultDirection = Direction.BOTH): Scope {
  return {
    kinds: input?.kinds?.length ? input.kinds.map(assertKind) : null,
    types: (input?.types?.length ? input.types : DEFAULT_TRAVERSAL_TYPES).map(assertType),
    direction: input?.direction ?? defaultDirection,
    asOf: input?.asOf ? checkedDay(input.asOf) : null,
    namespace: input?.namespace ? assertNamespace(input.namespace, 'scope.namespace') : null,
  };
}

/** The values the scope's Cypher refers to: `$kinds`, `$asOf`, `$namespace`. */
export function scopeParams(scope: Scope): Record<string, unknown> {
  return {
    kinds: scope.kinds,
    asOf: scope.asOf ? toNeo4jDate(scope.asOf) : null,
    namespace: scope.namespace,
  };
}
