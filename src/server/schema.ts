import 'reflect-metadata';
import { isInterfaceType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type ClassType, type NonEmptyArray } from 'type-graphql';
import { AnalyticsResolver } from '../analytics/analytics.resolver';
import { PathsResolver } from '../analytics/paths.resolver';
import { authChecker } from '../auth/auth-checker';
import { EntityResolver } from '../entity/entity.resolver';
import type { EntityRecord } from '../entity/entity.type';
import { FactEventsResolver } from '../events/fact-events.resolver';
import { pubSub } from '../events/pubsub';
import { EntityClaimsResolver } from '../ingest/claims.resolver';
import { IngestResolver } from '../ingest/ingest.resolver';
import { KIND_TYPES } from '../entity/kinds.type';
import { MutationResolver } from '../mutation/mutation.resolver';
import { ArticleFactsResolver } from '../relation/article-facts.resolver';
import { buildRelationFieldResolvers } from '../relation/relation-fields.resolver';
import { EntityRelationshipsResolver } from '../relation/relationships.resolver';
import { ProvenanceResolver } from '../relation/provenance.resolver';
import { SearchResolver } from '../search/search.resolver';
import { EdgeLabelResolver } from '../traversal/edge-label.resolver';
import { TraversalResolver } from '../traversal/traversal.resolver';
import { useDirectResolvers } from './direct-resolvers';

let cached: Promise<GraphQLSchema> | undefined;

/** The code-first schema, built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  const resolvers: NonEmptyArray<ClassType> = [
    EntityResolver,
    SearchResolver,
    TraversalResolver,
    MutationResolver,
    EntityRelationshipsResolver,
    ArticleFactsResolver,
    ProvenanceResolver,
    ...buildRelationFieldResolvers(),
    AnalyticsResolver,
    PathsResolver,
    EdgeLabelResolver,
    IngestResolver,
    EntityClaimsResolver,
    FactEventsResolver,
  ];
  // The read path's object types (facts, pages, entity kinds but Person) are declared with
  // `simpleResolvers: true`: a plain field is then a property read, which graphql-jit inlines,
  // instead of type-graphql's wrapper (a closure call, an object and a middleware check per field
  // of every object: about 30,000 per P2 answer). A type with an @Authorized field must not be:
  // its guard runs in that wrapper (test/unit/simple-resolvers.test.ts holds this).
  cached ??= buildSchema({
    resolvers,
    orphanedTypes: [...KIND_TYPES],
    // Inputs are validated by the services against the ontology; no class-validator decorators.
    validate: false,
    // @Authorized on mutations and personal-data fields; roles come from src/auth.
    authChecker,
    // Subscriptions (factsChanged) hear committed writes through this process's pub/sub.
    pubSub,
  })
    .then(syncResolveType)
    .then(useDirectResolvers);
  return cached;
}

/**
 * type-graphql wraps every `resolveType` in an async function, so graphql-js completes each entity
 * of a list on a later microtask, with a promise per item. Entity's type is a property read: set
 * it back to a plain function (measured: a 10,000-entity page spends markedly less CPU and GC).
 */
function syncResolveType(schema: GraphQLSchema): GraphQLSchema {
  const entity = schema.getType('Entity');
  if (isInterfaceType(entity)) entity.resolveType = (value: EntityRecord) => value.kind;
  return schema;
}

/** The SDL as committed in schema/schema.graphql (sorted, so the diff shows only real changes). */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
