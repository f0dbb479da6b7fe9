/** Caps for analytics requests: each keeps one request from monopolising the database's 2 cores. */

/** Most ranked entities one centrality request returns (per kind when grouped): a readable top list. */
export const MAX_TOP = 100;
export const DEFAULT_TOP = 10;
/** Most communities returned, largest first: beyond this they are singletons nobody reads. */
export const MAX_COMMUNITIES = 100;
export const DEFAULT_COMMUNITIES = 10;
/** Most members listed per community; `size` still counts them all. */
export const MAX_MEMBERS = 200;
export const DEFAULT_MEMBERS = 20;
/** Longest path returned: beyond this almost everything connects to everything. */
export const MAX_PATH_HOPS = 10;
export const DEFAULT_PATH_HOPS = 6;
/** Most paths Yen's algorithm is asked for: each further path costs another Dijkstra per hop. */
export const MAX_K_PATHS = 10;
export const DEFAULT_K_PATHS = 3;
/** Most equally short paths listed: hubs make their number explode combinatorially. */
export const MAX_ALL_SHORTEST = 50;
export const DEFAULT_ALL_SHORTEST = 10;
/** Most similar entities returned for one entity. */
export const MAX_SIMILAR = 50;
export const DEFAULT_SIMILAR = 10;
/** PageRank iterations: it converges on graphs of this size well before GDS's own default of 20. */
export const PAGERANK_MAX_ITERATIONS = 20;
/** PageRank damping factor: the textbook value, GDS's default. */
export const PAGERANK_DAMPING = 0.85;
/**
 * Recency weighting: a fact's cost is 1 + its age in years at the reference date, so a path of
 * recent facts beats an equally long path of old ones. A fact with no date costs as if it were
 * this many years old: it counts, but a dated path is preferred.
 */
export const UNDATED_FACT_AGE_YEARS = 10;
