import { DeletedWhileReadError } from '../db/read-race';
import type { PlainNode, PlainRelationship, Plain } from '../db/values';
import type { EntityRecord } from '../entity/entity.type';
import { Direction } from './enums';
import { ENTITY_LABEL, canonicalKind, type EntityKind, type RelationshipType } from './ontology';
import type { Provenance, Relationship } from '../relation/relationship.type';

/** Map query results (plain nodes and relationships) to the records the GraphQL types expect. */

/** The aliases of an entity read without them: shared, frozen (setNames replaces, never mutates). */
const NO_ALIASES = Object.freeze([]) as unknown as string[];

/** The kind label of a node's labels, as the ontology spells it (hot: once per entity of every answer). */
function kindOf(labels: string[]): EntityKind | undefined {
  for (const label of labels) {
    const kind = label === ENTITY_LABEL ? undefined : canonicalKind(label);
    if (kind !== undefined) return kind;
  }
  return undefined;
}

export function toEntityRecord(node: Pick<PlainNode, 'labels' | 'properties'>): EntityRecord {
  const p = node.properties;
  const kind = kindOf(node.labels);
  if (!kind) {
    if (node.labels.length === 0 && p.id === undefined) throw new DeletedWhileReadError();
    throw new Error(`node without a kind label: ${node.labels.join(':')}`);
  }
  const record = bareRecord(kind, p.id);
  setNames(record, p.name, p.nameKo, p.aliases);
  return withRest(record, p);
}

/**
 * An entity read as its kind label (see kindExpr in graph/statements.ts), id and (optionally, with
 * setNames) names: what a nested page's other ends carry. Built directly, without a property bag
 * in between (thousands per answer).
 */
export function kindRecord(kind: Plain | undefined, id: Plain | undefined): EntityRecord {
  const known = typeof kind === 'string' ? canonicalKind(kind) : undefined;
  if (known === undefined) {
    if (kind == null && id == null) throw new DeletedWhileReadError();
    throw new Error(`node without a kind label: ${String(kind)}`);
  }
  return bareRecord(known, id);
}

/** An entity's record before its names are set: the id stands in for the name. */
function bareRecord(kind: EntityKind, id: Plain | undefined): EntityRecord {
  const key = String(id);
  return { id: key, kind, name: key, nameKo: null, aliases: NO_ALIASES };
}

/**
 * Where a projection's names sit after its kind and id (see slimEntityRecord), -1 for a name not
 * read. Worked out once per projection (its `names` list), not once per entity read with it.
 */
export interface NameSlots {
  readonly name: number;
  readonly nameKo: number;
  readonly aliases: number;
}

const slotsByNames = new WeakMap<readonly string[], NameSlots>();

export function nameSlots(names: readonly string[]): NameSlots {
  let slots = slotsByNames.get(names);
  if (slots === undefined) {
    slots = { name: names.indexOf('name'), nameKo: names.indexOf('nameKo'), aliases: names.indexOf('aliases') };
    slotsByNames.set(names, slots);
  }
  return slots;
}

/**
 * An entity read as a projection: its kind label, id and then the names of `slots`, from
 * `values[at]` on (see the traversals' and the look-ahead's Cypher). Hot (every node of a drawn
 * neighbourhood, every other end of a nested page): the slots are looked up by position, not by
 * name for each entity (lab, real 3-hop answers of about 280 nodes: 11-15 µs against 25-39 per
 * answer).
 */
export function slimEntityRecord(values: readonly Plain[], at: number, slots: NameSlots): EntityRecord {
  const record = kindRecord(values[at], values[at + 1] ?? null);
  const first = at + 2;
  setNames(
    record,
    nameAt(values, first, slots.name),
    nameAt(values, first, slots.nameKo),
    nameAt(values, first, slots.aliases),
  );
  return record;
}

/** A projected name as read (null when the entity has none), or undefined when it was not read (-1). */
function nameAt(values: readonly Plain[], first: number, slot: number): Plain | undefined {
  return slot < 0 ? undefined : (values[first + slot] ?? null);
}

/** Set the names read for `record` (undefined: not read, the defaults of bareRecord stay). */
export function setNames(
  record: EntityRecord,
  name: Plain | undefined,
  nameKo: Plain | undefined,
  aliases: Plain | undefined,
): void {
  if (name !== null && name !== undefined) record.name = String(name);
  if (nameKo !== undefined) record.nameKo = (nameKo as string | null) ?? null;
  if (Array.isArray(aliases)) record.aliases = aliases.map(String);
}

/**
 * `record` plus the properties it does not set itself. Written out rather than `{ ...props, ...}`:
 * on Node 20 an object spread here cost about 4 µs per record, thousands of times per nested
 * answer (20 to 50 ms of a P2 request), where this loop costs about 0.2 µs.
 */
function withRest<T extends object>(record: T, props: Record<string, Plain>): T {
  const out = record as Record<string, unknown>;
  for (const key in props) if (!(key in out)) out[key] = props[key];
  return record;
}

/** Bookkeeping on fact edges, not part of a fact's own properties. */
const PROVENANCE_KEYS = new Set(['id', 'source', 'quote', 'time', 'validFrom', 'validTo', 'sourceDate', 'writeToken']);

/** The provenance of a fact read without it (a slim page): shared, never mutated. */
const NO_PROVENANCE: Provenance = Object.freeze({
  articleId: '',
  quote: '',
  time: null,
  validFrom: null,
  validTo: null,
  sourceDate: null,
});

export function toProvenance(props: Record<string, Plain>): Provenance {
  if (
    props.source === undefined &&
    props.quote === undefined &&
    props.time === undefined &&
    props.validFrom === undefined &&
    props.validTo === undefined &&
    props.sourceDate === undefined
  )
    return NO_PROVENANCE;
  return {
    articleId: String(props.source ?? ''),
    quote: String(props.quote ?? ''),
    time: (props.time as string | null | undefined) ?? null,
    validFrom: (props.validFrom as string | null | undefined) ?? null,
    validTo: (props.validTo as string | null | undefined) ?? null,
    sourceDate: (props.sourceDate as string | null | undefined) ?? null,
  };
}

const NO_PROPERTIES: Record<string, unknown> = Object.freeze({});

/** JSON cannot carry bigint: integers beyond 2^53 travel as decimal strings in `properties`. */
function jsonSafe(value: Plain): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  return value;
}

/**
 * A fact between `from` and `to`. `viewpointId` is the entity it was reached from: it decides
 * `direction` and `other` (null for facts listed without a viewpoint, e.g. Article.facts).
 */
export function toRelationshipRecord(
  rel: Pick<PlainRelationship, 'type' | 'properties'>,
  from: EntityRecord,
  to: EntityRecord,
  viewpointId?: string,
): Relationship & Record<string, unknown> {
  // A fact read without other properties shares one empty, frozen property bag.
  let properties: Record<string, unknown> = NO_PROPERTIES;
  for (const k in rel.properties) {
    if (PROVENANCE_KEYS.has(k)) continue;
    if (properties === NO_PROPERTIES) properties = {};
    properties[k] = jsonSafe(rel.properties[k] as Plain);
  }
  const record = factRecord(String(rel.properties.id), rel.type, from, to, viewpointId);
  record.properties = properties;
  record.provenance = toProvenance(rel.properties);
  return withRest(record, rel.properties);
}

/**
 * A fact read as a projection, its type and id alone (a slim page, a drawn traversal), built
 * straight into its record: the same record `toRelationshipRecord` makes of `{type, properties:
 * {id}}`, without that property bag and its walk (thousands per nested answer: the benchmark's P2
 * has 6,000 facts).
 */
export function slimFactRecord(
  type: Plain | undefined,
  id: Plain | undefined,
  from: EntityRecord,
  to: EntityRecord,
  viewpointId?: string,
): Relationship & Record<string, unknown> {
  return factRecord(String(id ?? null), String(type), from, to, viewpointId);
}

/** A fact's record without properties or provenance (shared, empty ones), seen from `viewpointId`. */
function factRecord(
  id: string,
  type: string,
  from: EntityRecord,
  to: EntityRecord,
  viewpointId: string | undefined,
): Relationship & Record<string, unknown> {
  let direction: Direction | null = null;
  let other: EntityRecord | null = null;
  if (viewpointId !== undefined) {
    direction = from.id === viewpointId ? Direction.OUT : Direction.IN;
    other = direction === Direction.OUT ? to : from;
  }
  return {
    id,
    type: type as RelationshipType,
    from,
    to,
    direction,
    other,
    properties: NO_PROPERTIES,
    provenance: NO_PROVENANCE,
  };
}
