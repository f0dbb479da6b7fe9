/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query SearchEntities($query: String!, $first: Int!) {\n    search(query: $query, first: $first) {\n      score\n      entity {\n        id\n        kind\n        name\n        nameKo\n      }\n    }\n  }\n": typeof types.SearchEntitiesDocument,
    "\n  query Partners($id: ID!) {\n    entity(id: $id) {\n      __typename\n      id\n      name\n      nameKo\n      ... on Organization {\n        partners {\n          other {\n            id\n            name\n            nameKo\n          }\n          provenance {\n            quote\n            time\n          }\n        }\n      }\n    }\n  }\n": typeof types.PartnersDocument,
    "\n  query ParameterTargets($id: ID!) {\n    entity(id: $id) {\n      __typename\n      name\n      ... on Organization {\n        parameterTargets {\n          parameterCount\n          provenance {\n            time\n            quote\n          }\n        }\n      }\n    }\n  }\n": typeof types.ParameterTargetsDocument,
    "\n  query ShortestPath($from: ID!, $to: ID!) {\n    shortestPath(from: $from, to: $to, maxLength: 6) {\n      length\n      nodes {\n        id\n        name\n        nameKo\n      }\n      relationships {\n        type\n        provenance {\n          quote\n        }\n      }\n    }\n  }\n": typeof types.ShortestPathDocument,
};
const documents: Documents = {
    "\n  query SearchEntities($query: String!, $first: Int!) {\n    search(query: $query, first: $first) {\n      score\n      entity {\n        id\n        kind\n        name\n        nameKo\n      }\n    }\n  }\n": types.SearchEntitiesDocument,
    "\n  query Partners($id: ID!) {\n    entity(id: $id) {\n      __typename\n      id\n      name\n      nameKo\n      ... on Organization {\n        partners {\n          other {\n            id\n            name\n            nameKo\n          }\n          provenance {\n            quote\n            time\n          }\n        }\n      }\n    }\n  }\n": types.PartnersDocument,
    "\n  query ParameterTargets($id: ID!) {\n    entity(id: $id) {\n      __typename\n      name\n      ... on Organization {\n        parameterTargets {\n          parameterCount\n          provenance {\n            time\n            quote\n          }\n        }\n      }\n    }\n  }\n": types.ParameterTargetsDocument,
    "\n  query ShortestPath($from: ID!, $to: ID!) {\n    shortestPath(from: $from, to: $to, maxLength: 6) {\n      length\n      nodes {\n        id\n        name\n        nameKo\n      }\n      relationships {\n        type\n        provenance {\n          quote\n        }\n      }\n    }\n  }\n": types.ShortestPathDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchEntities($query: String!, $first: Int!) {\n    search(query: $query, first: $first) {\n      score\n      entity {\n        id\n        kind\n        name\n        nameKo\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchEntities($query: String!, $first: Int!) {\n    search(query: $query, first: $first) {\n      score\n      entity {\n        id\n        kind\n        name\n        nameKo\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Partners($id: ID!) {\n    entity(id: $id) {\n      __typename\n      id\n      name\n      nameKo\n      ... on Organization {\n        partners {\n          other {\n            id\n            name\n            nameKo\n          }\n          provenance {\n            quote\n            time\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Partners($id: ID!) {\n    entity(id: $id) {\n      __typename\n      id\n      name\n      nameKo\n      ... on Organization {\n        partners {\n          other {\n            id\n            name\n            nameKo\n          }\n          provenance {\n            quote\n            time\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ParameterTargets($id: ID!) {\n    entity(id: $id) {\n      __typename\n      name\n      ... on Organization {\n        parameterTargets {\n          parameterCount\n          provenance {\n            time\n            quote\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ParameterTargets($id: ID!) {\n    entity(id: $id) {\n      __typename\n      name\n      ... on Organization {\n        parameterTargets {\n          parameterCount\n          provenance {\n            time\n            quote\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShortestPath($from: ID!, $to: ID!) {\n    shortestPath(from: $from, to: $to, maxLength: 6) {\n      length\n      nodes {\n        id\n        name\n        nameKo\n      }\n      relationships {\n        type\n        provenance {\n          quote\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShortestPath($from: ID!, $to: ID!) {\n    shortestPath(from: $from, to: $to, maxLength: 6) {\n      length\n      nodes {\n        id\n        name\n        nameKo\n      }\n      relationships {\n        type\n        provenance {\n          quote\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;