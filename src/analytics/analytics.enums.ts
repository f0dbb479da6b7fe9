import { registerEnumType } from 'type-graphql';

export enum CentralityMeasure {
  DEGREE = 'DEGREE',
  PAGERANK = 'PAGERANK',
  BETWEENNESS = 'BETWEENNESS',
  CLOSENESS = 'CLOSENESS',
}

export enum CommunityAlgorithm {
  LOUVAIN = 'LOUVAIN',
  LEIDEN = 'LEIDEN',
  WCC = 'WCC',
}

export enum PathWeight {
  HOPS = 'HOPS',
  RECENCY = 'RECENCY',
}

registerEnumType(CentralityMeasure, {
  name: 'CentralityMeasure',
  description: 'Centrality algorithms of Neo4j Graph Data Science',
  valuesConfig: {
    DEGREE: { description: 'Number of distinct neighbours in scope (out- or in-neighbours for OUT/IN)' },
    PAGERANK: { description: 'PageRank: importance from being tied to important entities' },
    BETWEENNESS: { description: 'Brandes betweenness: how many shortest paths run through the entity' },
    CLOSENESS: { description: 'Closeness (Wasserman-Faust, fair across disconnected parts)' },
  },
});
registerEnumType(CommunityAlgorithm, {
  name: 'CommunityAlgorithm',
  description: 'Community detection algorithms of Neo4j Graph Data Science',
  valuesConfig: {
    LOUVAIN: { description: 'Louvain modularity optimisation: blocs of densely tied entities' },
    LEIDEN: { description: 'Leiden (refined Louvain, well-connected communities); needs direction BOTH' },
    WCC: { description: 'Weakly connected components: who is connected at all' },
  },
});
registerEnumType(PathWeight, {
  name: 'PathWeight',
  description: 'How a path is weighed',
  valuesConfig: {
    HOPS: { description: 'Every fact costs 1: fewest hops' },
    RECENCY: {
      description:
        'A fact costs 1 + its age in years (from validFrom to asOf, or today); undated facts cost 11: recent connections first',
    },
  },
});
