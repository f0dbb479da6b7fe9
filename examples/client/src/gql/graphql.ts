/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The kind of an entity (its second label) */
export type EntityKind =
  | 'AIModel'
  | 'Article'
  | 'Event'
  | 'Facility'
  | 'Organization'
  | 'Person'
  | 'Project'
  | 'ResearchCenter'
  | 'Statement'
  | 'StockQuote'
  | 'Topic';

/** Relationship types of the ontology */
export type RelationshipType =
  /** Wrote an article */
  | 'AUTHORED'
  /** Competition */
  | 'COMPETES_WITH'
  /** A research centre runs a programme */
  | 'CONDUCTS'
  /** A (Korean) counterpart of another model */
  | 'COUNTERPART_OF'
  /** Develops or developed an AI model */
  | 'DEVELOPS'
  /** Founds or co-founds a research centre */
  | 'ESTABLISHES'
  /** Stock price of a listed company */
  | 'HAS_STOCK_QUOTE'
  /** Organizes an event */
  | 'HOSTS'
  /** Commits money to */
  | 'INVESTS_IN'
  /** Is housed in a facility */
  | 'LOCATED_AT'
  /** An article names an entity; the quote is the provenance of its properties */
  | 'MENTIONS'
  /** Owns a facility */
  | 'OWNS'
  /** Partnership or joint research agreement */
  | 'PARTNERS_WITH'
  /** Is a unit of */
  | 'PART_OF'
  /** Is shown to the public at an event */
  | 'PRESENTED_AT'
  /** Published an article */
  | 'PUBLISHED'
  /** Takes part in a programme or goal */
  | 'PURSUES'
  /** Works on a research area */
  | 'RESEARCHES'
  /** Said a quoted statement */
  | 'STATED'
  /** Model lineage: the newer model follows the older */
  | 'SUCCEEDS'
  /** Aims for a model with this many parameters */
  | 'TARGETS_PARAMS'
  /** Employment and roles */
  | 'WORKS_FOR';

export type SearchEntitiesQueryVariables = Exact<{
  query: string;
  first: number;
}>;


export type SearchEntitiesQuery = { search: Array<{ score: number, entity:
      | { id: string, kind: EntityKind, name: string, nameKo: string | null }
      | { id: string, kind: EntityKind, name: string, nameKo: string | null }
      | { id: string, kind: EntityKind, name: string, nameKo: string | null }
      | { id: string, kind: EntityKind, name: string, nameKo: string | null }
      | { id: string, kind: EntityKind, name: string, nameKo: string | null }
      | { id: string, kind: EntityKind, name: string, nameKo: string | null }
      | { id: string, kind: EntityKind, name: string, nameKo: string | null }
      | { id: string, kind: EntityKind, name: string, nameKo: string | null }
      | { id: string, kind: EntityKind, name: string, nameKo: string | null }
      | { id: string, kind: EntityKind, name: string, nameKo: string | null }
      | { id: string, kind: EntityKind, name: string, nameKo: string | null }
     }> };

export type PartnersQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnersQuery = { entity:
    | { __typename: 'AIModel', id: string, name: string, nameKo: string | null }
    | { __typename: 'Article', id: string, name: string, nameKo: string | null }
    | { __typename: 'Event', id: string, name: string, nameKo: string | null }
    | { __typename: 'Facility', id: string, name: string, nameKo: string | null }
    | { __typename: 'Organization', id: string, name: string, nameKo: string | null, partners: Array<{ other:
          | { id: string, name: string, nameKo: string | null }
          | { id: string, name: string, nameKo: string | null }
          | { id: string, name: string, nameKo: string | null }
          | { id: string, name: string, nameKo: string | null }
          | { id: string, name: string, nameKo: string | null }
          | { id: string, name: string, nameKo: string | null }
          | { id: string, name: string, nameKo: string | null }
          | { id: string, name: string, nameKo: string | null }
          | { id: string, name: string, nameKo: string | null }
          | { id: string, name: string, nameKo: string | null }
          | { id: string, name: string, nameKo: string | null }
         | null, provenance: { quote: string, time: string | null } }> }
    | { __typename: 'Person', id: string, name: string, nameKo: string | null }
    | { __typename: 'Project', id: string, name: string, nameKo: string | null }
    | { __typename: 'ResearchCenter', id: string, name: string, nameKo: string | null }
    | { __typename: 'Statement', id: string, name: string, nameKo: string | null }
    | { __typename: 'StockQuote', id: string, name: string, nameKo: string | null }
    | { __typename: 'Topic', id: string, name: string, nameKo: string | null }
   | null };

export type ParameterTargetsQueryVariables = Exact<{
  id: string | number;
}>;


export type ParameterTargetsQuery = { entity:
    | { __typename: 'AIModel', name: string }
    | { __typename: 'Article', name: string }
    | { __typename: 'Event', name: string }
    | { __typename: 'Facility', name: string }
    | { __typename: 'Organization', name: string, parameterTargets: Array<{ parameterCount: string | number, provenance: { time: string | null, quote: string } }> }
    | { __typename: 'Person', name: string }
    | { __typename: 'Project', name: string }
    | { __typename: 'ResearchCenter', name: string }
    | { __typename: 'Statement', name: string }
    | { __typename: 'StockQuote', name: string }
    | { __typename: 'Topic', name: string }
   | null };

export type ShortestPathQueryVariables = Exact<{
  from: string | number;
  to: string | number;
}>;


export type ShortestPathQuery = { shortestPath: { length: number, nodes: Array<
      | { id: string, name: string, nameKo: string | null }
      | { id: string, name: string, nameKo: string | null }
      | { id: string, name: string, nameKo: string | null }
      | { id: string, name: string, nameKo: string | null }
      | { id: string, name: string, nameKo: string | null }
      | { id: string, name: string, nameKo: string | null }
      | { id: string, name: string, nameKo: string | null }
      | { id: string, name: string, nameKo: string | null }
      | { id: string, name: string, nameKo: string | null }
      | { id: string, name: string, nameKo: string | null }
      | { id: string, name: string, nameKo: string | null }
    >, relationships: Array<{ type: RelationshipType, provenance: { quote: string } }> } | null };


export const SearchEntitiesDocument = {"__meta__":{"hash":"sha256:2a01a7651ca85e8de07687106926c9975e60f3c9f062df43e7b4a304c2548ae9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchEntities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"entity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameKo"}}]}}]}}]}}]} as unknown as DocumentNode<SearchEntitiesQuery, SearchEntitiesQueryVariables>;
export const PartnersDocument = {"__meta__":{"hash":"sha256:66e355007c4e7e2dacdeb58d6b65973a8e642cc55a6a020343393b9c75b6558b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Partners"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameKo"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"partners"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"other"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameKo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"}},{"kind":"Field","name":{"kind":"Name","value":"time"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartnersQuery, PartnersQueryVariables>;
export const ParameterTargetsDocument = {"__meta__":{"hash":"sha256:e08ce1c69ab2d23bfee39caf19449228d4c458333bbceb9acdf01f920e4c4c6a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ParameterTargets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Organization"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parameterTargets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"parameterCount"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"quote"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ParameterTargetsQuery, ParameterTargetsQueryVariables>;
export const ShortestPathDocument = {"__meta__":{"hash":"sha256:a1022747060c200530c66ffd3422106b91da87a5c49c25b0163a4071389f7337"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShortestPath"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shortestPath"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxLength"},"value":{"kind":"IntValue","value":"6"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"length"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameKo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relationships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quote"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ShortestPathQuery, ShortestPathQueryVariables>;