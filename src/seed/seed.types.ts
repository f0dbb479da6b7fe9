import type { EntityKind, RelationshipType } from '../graph/ontology';

/**
 * A validated, normalized seed document: what the loader writes.
 *
 * Values are plain JS: `int` properties are bigint, `date` is 'YYYY-MM-DD', `datetime` is an ISO 8601
 * string with offset, strings are Unicode NFC. The database layer converts them by the ontology's types.
 */
export type PlainValue = string | string[] | bigint | number | boolean;

export interface SeedEntity {
  id: string;
  kind: EntityKind;
  /** name, nameKo, aliases, description ... and the kind's own properties; never `id`. */
  properties: Record<string, PlainValue>;
  /** The Korean span of the article that names the entity (provenance of its properties). */
  quote: string;
  /** Ingestion: the id of an existing entity this one is, stated by the document. */
  sameAs?: string;
  /** What the article itself states, when `properties` holds values merged with earlier sources. */
  claims?: Record<string, PlainValue>;
}

export interface SeedFact {
  /** Stable fact id, unique in the document. */
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  /** Relationship properties plus provenance: source, quote, and time/validFrom/validTo when known. */
  properties: Record<string, PlainValue>;
}

export interface SeedDocument {
  /** The Article entity itself (kind 'Article'); the source of every fact below. */
  article: SeedEntity;
  /** The article's text, as cited by the quotes. */
  sourceText: string;
  entities: SeedEntity[];
  facts: SeedFact[];
}

export interface SeedIssue {
  /** Which record: an entity or fact id, or its position (e.g. "facts[3]"). */
  record: string;
  /** Which field of it (e.g. "properties.parameterCount"). */
  field: string;
  message: string;
}
