import {
  COMMON_PROPERTIES,
  KIND_PROPERTIES,
  PROVENANCE_PROPERTIES,
  RELATIONSHIP_TYPES,
  type EntityKind,
  type PropertySpec,
} from '../graph/ontology';
import type { IssueCollector } from './seed.issues';
import type { RawArticle, RawEntity, RawFact, RawPropertyValue } from './seed.schema';
import type { SourceText } from './seed.text';
import type { PlainValue, SeedEntity, SeedFact } from './seed.types';
import { convertValue } from './seed.values';
import { parseTime, type TimeSpan } from './time';

/** What the semantic checks of one record need to know about the rest of the document. */
export interface RecordContext {
  issues: IssueCollector;
  source: SourceText;
  /** Every entity id in the document (article included), with its kind when that is valid. */
  entityKinds: ReadonlyMap<string, EntityKind | undefined>;
  /** The id of the article: the source of every fact. */
  articleId: string;
}

/** Properties that have their own field in the raw record and so may not appear under `properties`. */
function reservedMessage(key: string, reserved: Record<string, PropertySpec>, what: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(reserved, key) ? `'${key}' is ${what}, not a property` : undefined;
}

function convertProperties(
  label: string,
  raw: Record<string, RawPropertyValue>,
  allowed: Record<string, PropertySpec>,
  owner: string,
  reserved: (key: string) => string | undefined,
  issues: IssueCollector,
): Record<string, PlainValue> {
  const converted: Record<string, PlainValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = `properties.${key}`;
    const spec = Object.prototype.hasOwnProperty.call(allowed, key) ? allowed[key] : undefined;
    if (spec === undefined) {
      const names = Object.keys(allowed).join(', ') || 'none';
      issues.add(label, field, reserved(key) ?? `not allowed for ${owner} (allowed: ${names})`);
      continue;
    }
    const result = convertValue(spec.type, value);
    if (result.ok) converted[key] = result.value;
    else issues.add(label, field, result.message);
  }
  return converted;
}

function checkQuote(label: string, quote: string, ctx: RecordContext): void {
  if (!ctx.source.contains(quote)) ctx.issues.add(label, 'quote', 'not found verbatim in the source text');
}

/** Checks an entity (or the article) against the ontology and flattens it into a `SeedEntity`. */
export function buildEntity(
  raw: RawEntity | RawArticle,
  kind: EntityKind,
  label: string,
  ctx: RecordContext,
): SeedEntity {
  const own = convertProperties(
    label,
    raw.properties,
    KIND_PROPERTIES[kind],
    `kind ${kind}`,
    (key) => reservedMessage(key, COMMON_PROPERTIES, 'a top-level field of the record'),
    ctx.issues,
  );
  checkQuote(label, raw.quote, ctx);
  const properties: Record<string, PlainValue> = {
    name: raw.name,
    aliases: raw.aliases,
    description: raw.description,
  };
  if (raw.nameKo !== undefined) properties.nameKo = raw.nameKo;
  if (raw.descriptionKo !== undefined) properties.descriptionKo = raw.descriptionKo;
  return {
    id: raw.id,
    kind,
    properties: { ...properties, ...own },
    quote: raw.quote,
    ...('sameAs' in raw && raw.sameAs !== undefined ? { sameAs: raw.sameAs } : {}),
  };
}

function checkEndpoint(raw: RawFact, end: 'from' | 'to', label: string, ctx: RecordContext): void {
  const id = raw[end];
  if (!ctx.entityKinds.has(id)) {
    ctx.issues.add(label, end, `no entity with id '${id}' in the document`);
    return;
  }
  const kind = ctx.entityKinds.get(id);
  const allowed: readonly EntityKind[] = RELATIONSHIP_TYPES[raw.type][end];
  // An endpoint whose own kind is invalid is already reported on that entity.
  if (kind !== undefined && !allowed.includes(kind)) {
    ctx.issues.add(label, end, `'${id}' is a ${kind}; ${raw.type} ${end} must be one of ${allowed.join(', ')}`);
  }
}

function parseFactTime(raw: RawFact, label: string, ctx: RecordContext): TimeSpan | undefined {
  if (raw.time === undefined) return undefined;
  try {
    return parseTime(raw.time);
  } catch (error) {
    ctx.issues.add(label, 'time', error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

/** Checks a fact against the ontology and the document and adds its provenance. */
export function buildFact(raw: RawFact, label: string, ctx: RecordContext): SeedFact {
  const own = convertProperties(
    label,
    raw.properties,
    RELATIONSHIP_TYPES[raw.type].properties,
    `relationship ${raw.type}`,
    (key) => reservedMessage(key, PROVENANCE_PROPERTIES, 'provenance, derived from the fact record and the article'),
    ctx.issues,
  );
  checkEndpoint(raw, 'from', label, ctx);
  checkEndpoint(raw, 'to', label, ctx);
  checkQuote(label, raw.quote, ctx);
  const span = parseFactTime(raw, label, ctx);
  return {
    id: raw.id,
    type: raw.type,
    from: raw.from,
    to: raw.to,
    properties: { ...own, source: ctx.articleId, quote: raw.quote, ...span },
  };
}
