import { RELATIONSHIP_TYPE_NAMES, type RelationshipType } from '../graph/ontology';

/** Longest path searched: beyond this almost everything connects to everything, and the search fans out. */
export const MAX_PATH_LENGTH = 10;
export const DEFAULT_PATH_LENGTH = 6;
/** Deepest neighbourhood: depth 3 already reaches most of a small-world graph. */
export const MAX_DEPTH = 3;
/** Most nodes one neighbourhood returns: what a drawing client can still lay out quickly. */
export const MAX_NEIGHBORHOOD_NODES = 500;
export const DEFAULT_NEIGHBORHOOD_NODES = 100;

/**
 * MENTIONS joins an article to everything it names: a path or neighbourhood through it would say
 * "both are in the same article", not how two players are connected. Traversals follow every other
 * type unless the caller names types (MENTIONS included, if asked for explicitly).
 */
export const DEFAULT_TRAVERSAL_TYPES: readonly RelationshipType[] = RELATIONSHIP_TYPE_NAMES.filter(
  (t) => t !== 'MENTIONS',
);

/** The default types as APOC's relationship filter reads them (joined once, not per request). */
export const DEFAULT_RELATIONSHIP_FILTER = DEFAULT_TRAVERSAL_TYPES.join('|');
