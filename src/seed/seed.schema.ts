import { z } from 'zod';
import { ENTITY_KINDS, RELATIONSHIP_TYPE_NAMES } from '../graph/ontology';

/**
 * The raw, hand-written seed format (seeds/*.json), checked for shape only. What the ontology
 * allows (property keys and their value types, endpoint kinds, quotes, times) is checked by
 * `parseSeedDocument` in validate.ts, which turns this into a `SeedDocument`.
 *
 *   { "article":  { id, name, nameKo?, aliases?, description, descriptionKo?,
 *                   properties: { publishedOn, language, sourceFile }, quote },
 *     "entities": [ { id, kind, name, nameKo?, aliases?, description, descriptionKo?,
 *                     properties?: { <kind property>: value }, quote } ],
 *     "facts":    [ { id, type, from, to, properties?: { <relationship property>: value },
 *                     quote, time? } ] }
 *
 * Property values are JSON strings, numbers, booleans or string arrays; `int` properties may be
 * numbers (safe integers) or decimal strings. Unknown fields are rejected so typos do not vanish.
 */

/** Ids are stable slugs: lowercase ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Text as stored: Unicode NFC, no surrounding whitespace. */
const normalizedString = z.string().normalize('NFC').trim();
const text = normalizedString.min(1, 'must not be empty');
const slug = z.string().trim().regex(SLUG_PATTERN, 'must be a lowercase slug (a-z, 0-9, single hyphens)');

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

export const rawPropertyValueSchema = z.union([normalizedString, z.number(), z.boolean(), z.array(normalizedString)]);
export type RawPropertyValue = z.infer<typeof rawPropertyValueSchema>;

const rawProperties = z.record(z.string(), rawPropertyValueSchema).default({});

/** Fields every entity (and the article) has, beside its kind-specific properties. */
const namingFields = {
  id: slug,
  name: text,
  nameKo: text.optional(),
  aliases: z.array(text).default([]).transform(dedupe),
  description: text,
  descriptionKo: text.optional(),
  /** The verbatim Korean span of the article that names it. */
  quote: text,
};

const entityKind = z.enum(ENTITY_KINDS, {
  error: (issue) => `unknown entity kind ${JSON.stringify(issue.input)}; expected one of ${ENTITY_KINDS.join(', ')}`,
});
const relationshipType = z.enum(RELATIONSHIP_TYPE_NAMES, {
  error: (issue) =>
    `unknown relationship type ${JSON.stringify(issue.input)}; expected one of ${RELATIONSHIP_TYPE_NAMES.join(', ')}`,
});

export const rawEntitySchema = z.strictObject({
  ...namingFields,
  kind: entityKind,
  properties: rawProperties,
  /** An existing entity this one is, stated outright: skips name matching when ingested. */
  sameAs: slug.optional(),
});
export type RawEntity = z.infer<typeof rawEntitySchema>;

/** The article is an entity of kind Article; `sourceFile` names its text, relative to the repository root. */
export const rawArticleSchema = z.strictObject({
  ...namingFields,
  properties: z.object({ publishedOn: text, language: text, sourceFile: text }).catchall(rawPropertyValueSchema),
});
export type RawArticle = z.infer<typeof rawArticleSchema>;

export const rawFactSchema = z.strictObject({
  id: slug,
  type: relationshipType,
  from: slug,
  to: slug,
  properties: rawProperties,
  /** The verbatim Korean span of the article that states the fact. */
  quote: text,
  /** When the fact holds, as stated: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-H1/H2, YYYY-Q1..Q4. */
  time: text.optional(),
});
export type RawFact = z.infer<typeof rawFactSchema>;

/** The whole raw document. */
export const rawSeedDocumentSchema = z.strictObject({
  article: rawArticleSchema,
  entities: z.array(rawEntitySchema),
  facts: z.array(rawFactSchema),
});
export type RawSeedDocument = z.infer<typeof rawSeedDocumentSchema>;

/**
 * The document's outline only, so each record can be checked on its own and every problem in
 * every record is reported at once rather than stopping at the first bad record.
 */
export const rawSeedOutlineSchema = z.strictObject({
  article: z.unknown(),
  entities: z.array(z.unknown()),
  facts: z.array(z.unknown()),
});
