import type { Plain } from '../../db/values';
import {
  ENTITY_KINDS,
  RELATIONSHIP_TYPE_NAMES,
  entityProperties,
  relationshipProperties,
  type PropertyType,
} from '../../graph/ontology';

/** Every property name the ontology knows, with its type (kinds and relationship types agree on shared names). */
function collect(specs: Record<string, { type: PropertyType }>[]): Map<string, PropertyType> {
  const types = new Map<string, PropertyType>();
  for (const spec of specs) for (const [name, { type }] of Object.entries(spec)) types.set(name, type);
  return types;
}

export const ENTITY_PROPERTY_TYPES = collect(ENTITY_KINDS.map((k) => entityProperties(k)));
export const RELATIONSHIP_PROPERTY_TYPES = collect(RELATIONSHIP_TYPE_NAMES.map((t) => relationshipProperties(t)));

/** The ontology's type of a property, or one inferred from the value for properties outside it. */
export function propertyType(known: Map<string, PropertyType>, name: string, value: Plain): PropertyType {
  const type = known.get(name);
  if (type) return type;
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (Array.isArray(value)) return 'string[]';
  return 'string';
}
