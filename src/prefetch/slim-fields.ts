import { RELATION_FIELDS } from '../relation/relation-fields';

/**
 * Which GraphQL fields can be answered from a projection (a few properties) instead of a whole
 * node or relationship: the nested pages' look-ahead and the traversals read less when a selection
 * stays within these.
 */

/** An entity's names, the stored properties a slim entity may read. */
export const NAME_PROPS = ['name', 'nameKo', 'aliases'] as const;
export type NameProp = (typeof NAME_PROPS)[number];

/** Fact fields answered from a fact's id, type and ends alone (`label`/`labelKo` caption the type). */
export const SLIM_FACT_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'type',
  'label',
  'labelKo',
  'direction',
  'other',
]);

/** Entity fields answered from names alone, or resolved by their own (planned or batched) queries. */
export const SLIM_ENTITY_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'kind',
  'name',
  'nameKo',
  'aliases',
  'relationships',
  ...Object.values(RELATION_FIELDS).flatMap((byName) => Object.keys(byName ?? {})),
]);
