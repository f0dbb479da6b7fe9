import type { Executor, Tx } from '../db/executor';
import type { PlainNode } from '../db/values';
import { BadUserInputError } from '../errors/errors';
import { FactChange } from '../events/fact-event.type';
import type { PublishFactEvent } from '../events/pubsub';
import { BULK_TX_TIMEOUT_MS, writeDocument } from '../seed/loader';
import { SeedValidationError } from '../seed/seed.errors';
import type { SeedDocument, SeedEntity, SeedIssue } from '../seed/seed.types';
import { parseSeedDocument } from '../seed/validate';
import { TARGETS_CYPHER } from './ingest.cypher';
import { mergeProperties, type Existing } from './merge';
import { resolveMentions } from './resolve';

export interface IngestResult {
  articleId: string;
  created: string[];
  merged: { mention: string; entity: string }[];
  facts: number;
}

/** A rejected document: BAD_USER_INPUT listing every bad record and field. */
export function ingestError(issues: SeedIssue[]): BadUserInputError {
  const summary = issues
    .slice(0, 5)
    .map((i) => `${i.record}.${i.field}: ${i.message}`)
    .join('; ');
  return new BadUserInputError(`Document rejected (${issues.length} issue(s)): ${summary}`, 'document', { issues });
}

/**
 * Ingest one document of the seed format: validate it whole, resolve its mentions to existing
 * entities, and write it in ONE transaction. A bad or ambiguous document writes nothing; the same
 * document twice changes nothing (every write is a MERGE on stable ids).
 */
export class IngestService {
  constructor(
    private readonly executor: Executor,
    private readonly publish: PublishFactEvent = () => {},
  ) {}

  async ingest(raw: unknown, sourceText: string): Promise<IngestResult> {
    let doc: SeedDocument;
    try {
      doc = parseSeedDocument(raw, sourceText);
    } catch (err) {
      if (err instanceof SeedValidationError) throw ingestError(err.issues);
      throw err;
    }
    const date = doc.article.properties.publishedOn as string | undefined;
    const result = await this.executor.writeTx(
      async (tx) => {
        const resolution = await resolveMentions(tx, doc.entities);
        if (resolution.issues.length) throw ingestError(resolution.issues);
        const existing = await this.loadExisting(tx, [...new Set(resolution.merged.map((m) => m.entity))]);
        const target = (id: string): string => resolution.targets.get(id) ?? id;
        const entities: SeedEntity[] = doc.entities.map((e) => {
          const id = target(e.id);
          const old = existing.get(id);
          const properties = old ? mergeProperties(e.kind, old, e.properties, date) : e.properties;
          // The node gets the merged values; the article's MENTIONS keeps what it itself states.
          return { ...e, id, properties, claims: e.properties };
        });
        const facts = doc.facts.map((f) => ({ ...f, from: target(f.from), to: target(f.to) }));
        const written = await writeDocument(tx, { ...doc, entities, facts });
        return {
          articleId: doc.article.id,
          created: resolution.created,
          merged: resolution.merged,
          facts: written.facts,
        };
      },
      'ingestDocument',
      BULK_TX_TIMEOUT_MS,
    );
    // Announced only after the commit: a rejected document is never heard of.
    this.publish({
      change: FactChange.INGESTED,
      type: 'Article',
      id: result.articleId,
      articleId: result.articleId,
      entityIds: [...result.created, ...result.merged.map((m) => m.entity)],
    });
    return result;
  }

  private async loadExisting(tx: Tx, ids: string[]): Promise<Map<string, Existing>> {
    const rows = ids.length ? await tx.run(TARGETS_CYPHER, { ids }) : [];
    return new Map<string, Existing>(
      rows.map((r) => [
        String(r.id),
        { properties: (r.n as unknown as PlainNode).properties, mentions: r.mentions as Existing['mentions'] },
      ]),
    );
  }
}
