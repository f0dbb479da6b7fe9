import { registerEnumType } from 'type-graphql';
import {
  ENTITY_KINDS,
  RELATIONSHIP_TYPES,
  RELATIONSHIP_TYPE_NAMES,
  type EntityKind,
  type RelationshipType,
} from './ontology';

/** GraphQL enums generated from the ontology, so the schema can never offer what Neo4j may not hold. */
export const EntityKindEnum = Object.fromEntries(ENTITY_KINDS.map((k) => [k, k])) as { [K in EntityKind]: K };
export const RelationshipTypeEnum = Object.fromEntries(RELATIONSHIP_TYPE_NAMES.map((t) => [t, t])) as {
  [T in RelationshipType]: T;
};

export enum Direction {
  OUT = 'OUT',
  IN = 'IN',
  BOTH = 'BOTH',
}

registerEnumType(EntityKindEnum, {
  name: 'EntityKind',
  description: 'The kind of an entity (its second label)',
});
registerEnumType(RelationshipTypeEnum, {
  name: 'RelationshipType',
  description: 'Relationship types of the ontology',
  valuesConfig: Object.fromEntries(
    RELATIONSHIP_TYPE_NAMES.map((t) => [t, { description: RELATIONSHIP_TYPES[t].description }]),
  ),
});
registerEnumType(Direction, {
  name: 'Direction',
  description: 'Direction of a relationship as seen from the entity asked about',
});
