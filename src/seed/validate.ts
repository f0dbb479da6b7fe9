import type { z } from 'zod';
import { isEntityKind, type EntityKind } from '../graph/ontology';
import { SeedValidationError } from './seed.errors';
import { DOCUMENT_RECORD, IssueCollector, recordLabel } from './seed.issues';
import { buildEntity, buildFact, type RecordContext } from './seed.records';
import { rawArticleSchema, rawEntitySchema, rawFactSchema, rawSeedOutlineSchema } from './seed.schema';
import { SourceText } from './seed.text';
import type { SeedDocument, SeedEntity, SeedFact } from './seed.types';

/** One raw record, where it sits in the document, and its shape-checked form if it has one. */
interface Parsed<T> {
  position: string;
  label: string;
  raw: unknown;
  value: T | undefined;
}

function parseRecord<T>(schema: z.ZodType<T>, raw: unknown, position: string, issues: IssueCollector): Parsed<T> {
  const label = recordLabel(raw, position);
  const result = schema.safeParse(raw);
  if (!result.success) issues.addZodError(label, result.error);
  return {
    position,
    label,
    raw,
    value: result.success ? result.data : undefined,
  };
}

/** The kind a record claims, even when the record failed its shape check (to spare dangling-endpoint noise). */
function claimedKind(raw: unknown): EntityKind | undefined {
  if (typeof raw !== 'object' || raw === null || !('kind' in raw)) return undefined;
  return typeof raw.kind === 'string' && isEntityKind(raw.kind) ? raw.kind : undefined;
}

/** Reports an id used twice; `kind` is that of the first record with the id. */
function registerId<V>(
  ids: Map<string, { position: string; value: V }>,
  record: Parsed<unknown>,
  value: V,
  issues: IssueCollector,
  what: string,
): void {
  const first = ids.get(record.label);
  if (first !== undefined) {
    issues.add(record.label, 'id', `duplicate ${what} id: ${record.position} reuses the id of ${first.position}`);
  } else if (record.label !== record.position) {
    ids.set(record.label, { position: record.position, value });
  }
}

function entityKinds(
  article: Parsed<unknown>,
  entities: Parsed<{ kind: EntityKind }>[],
  issues: IssueCollector,
): Map<string, EntityKind | undefined> {
  const ids = new Map<string, { position: string; value: EntityKind | undefined }>();
  registerId(ids, article, 'Article', issues, 'entity');
  for (const entity of entities) {
    registerId(ids, entity, entity.value?.kind ?? claimedKind(entity.raw), issues, 'entity');
  }
  return new Map([...ids].map(([id, { value }]) => [id, value]));
}

function checkFactIds(facts: Parsed<unknown>[], issues: IssueCollector): void {
  const ids = new Map<string, { position: string; value: null }>();
  for (const fact of facts) registerId(ids, fact, null, issues, 'fact');
}

/**
 * Validates a raw seed document (as read from seeds/*.json) against its zod schema, the ontology
 * and the article text `sourceText`, and normalizes it for the loader. Every problem is collected;
 * if there is any, throws a `SeedValidationError` listing them all.
 */
export function parseSeedDocument(raw: unknown, sourceText: string): SeedDocument {
  const issues = new IssueCollector();
  const outline = rawSeedOutlineSchema.safeParse(raw);
  if (!outline.success) {
    issues.addZodError(DOCUMENT_RECORD, outline.error);
    throw new SeedValidationError(issues.issues);
  }

  const article = parseRecord(rawArticleSchema, outline.data.article, 'article', issues);
  const entities = outline.data.entities.map((entity, i) =>
    parseRecord(rawEntitySchema, entity, `entities[${i}]`, issues),
  );
  const facts = outline.data.facts.map((fact, i) => parseRecord(rawFactSchema, fact, `facts[${i}]`, issues));

  const source = new SourceText(sourceText.normalize('NFC'));
  const ctx: RecordContext = {
    issues,
    source,
    entityKinds: entityKinds(article, entities, issues),
    articleId: article.value?.id ?? article.label,
  };
  checkFactIds(facts, issues);

  const articleEntity = article.value && buildEntity(article.value, 'Article', article.label, ctx);
  const seedEntities: SeedEntity[] = [];
  for (const entity of entities) {
    if (entity.value) seedEntities.push(buildEntity(entity.value, entity.value.kind, entity.label, ctx));
  }
  const seedFacts: SeedFact[] = [];
  for (const fact of facts) {
    if (fact.value) seedFacts.push(buildFact(fact.value, fact.label, ctx));
  }

  if (!issues.isEmpty || articleEntity === undefined) throw new SeedValidationError(issues.issues);
  return {
    article: articleEntity,
    sourceText: source.text,
    entities: seedEntities,
    facts: seedFacts,
  };
}
