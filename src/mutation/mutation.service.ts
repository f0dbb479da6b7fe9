import { randomUUID } from 'node:crypto';
import type { Executor, Tx } from '../db/executor';
import type { PlainNode, PlainRelationship } from '../db/values';
import type { EntityRecord } from '../entity/entity.type';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors/errors';
import { RELATIONSHIP_TYPES, isEntityKind, type EntityKind, type RelationshipType } from '../graph/ontology';
import { toEntityRecord, toRelationshipRecord } from '../graph/records';
import { keysOfProps } from '../ingest/resolution-keys';
import type { Relationship } from '../relation/relationship.type';
import { FactChange, type FactEvent } from '../events/fact-event.type';
import type { PublishFactEvent } from '../events/pubsub';
import * as q from './mutation.cypher';
import type {
  CreateEntityInput,
  CreateRelationshipInput,
  UpdateEntityInput,
  UpdateRelationshipInput,
} from './mutation.inputs';
import { entityProps } from './entity-props';
import { checkProperties, checkProvenance, checkSlug, type ProvenanceProps } from './mutation.validate';

export interface DeletedEntity {
  id: string;
  deletedRelationships: number;
}

/**
 * Writes: each mutation validates its input first, then runs in ONE write transaction that checks
 * what only the graph knows (ids exist, kinds fit the relationship) and writes; any failure rolls
 * the whole mutation back.
 */
export class MutationService {
  constructor(
    private readonly executor: Executor,
    private readonly publish: PublishFactEvent = () => {},
  ) {}

  /** Announce a change once its transaction has committed (never for a rolled-back one). */
  private async announce<T>(write: Promise<T>, event: (result: T) => FactEvent): Promise<T> {
    const result = await write;
    this.publish(event(result));
    return result;
  }

  async createEntity(input: CreateEntityInput): Promise<EntityRecord> {
    // The driver retries a transaction whose commit went unacknowledged (connection lost); the token
    // lets the retry recognise its own earlier commit instead of reporting a CONFLICT with itself.
    const props: Record<string, unknown> = { ...entityProps(input, true), writeToken: randomUUID() };
    const provenance = checkProvenance(input.provenance);
    return this.announce(
      this.executor.writeTx(async (tx) => {
        await requireArticle(tx, provenance.source);
        const [existing] = await tx.run(q.FIND_ENTITY_CYPHER, { id: props.id });
        const earlier = existing?.n as unknown as PlainNode | null | undefined;
        if (earlier && earlier.properties.writeToken === props.writeToken) return toEntityRecord(earlier);
        if (earlier) throw new ConflictError(`Entity '${String(props.id)}' already exists`, 'id');
        const [row] = await tx.run(q.createEntityCypher(input.kind), { props });
        await mention(tx, provenance, [String(props.id)]);
        return toEntityRecord(row?.n as unknown as PlainNode);
      }, 'createEntity'),
      (e) => ({ change: FactChange.CREATED, type: e.kind, id: e.id, articleId: provenance.source, entityIds: [e.id] }),
    );
  }

  async updateEntity(id: string, input: UpdateEntityInput): Promise<EntityRecord> {
    const provenance = checkProvenance(input.provenance);
    return this.announce(
      this.executor.writeTx(async (tx) => {
        const kind = await requireEntity(tx, id, 'id');
        const props = entityProps({ ...input, kind }, false);
        await requireArticle(tx, provenance.source);
        const [updated] = await tx.run(q.UPDATE_ENTITY_CYPHER, { id, props });
        const keys = keysOfProps((updated?.n as unknown as PlainNode).properties);
        const [row] = await tx.run(q.SET_KEYS_CYPHER, { id, keys });
        await mention(tx, provenance, [id]);
        return toEntityRecord(row?.n as unknown as PlainNode);
      }, 'updateEntity'),
      (e) => ({ change: FactChange.UPDATED, type: e.kind, id: e.id, articleId: provenance.source, entityIds: [e.id] }),
    );
  }

  async deleteEntity(id: string): Promise<DeletedEntity> {
    return this.announce(
      this.executor.writeTx(async (tx) => {
        const kind = await requireEntity(tx, id, 'id');
        if (kind === 'Article') {
          const [cited] = await tx.run(q.CITED_FACTS_CYPHER, { id });
          if (Number(cited?.cited ?? 0) > 0) {
            throw new ConflictError(
              `Article '${id}' is the source of ${String(cited?.cited)} facts; delete those first`,
              'id',
            );
          }
        }
        const [row] = await tx.run(q.DELETE_ENTITY_CYPHER, { id });
        return { id, deletedRelationships: Number(row?.relationships ?? 0) };
      }, 'deleteEntity'),
      (d) => ({ change: FactChange.DELETED, id: d.id, entityIds: [d.id] }),
    );
  }

  async createRelationship(input: CreateRelationshipInput): Promise<Relationship> {
    const spec = RELATIONSHIP_TYPES[input.type];
    const id =
      input.id != null ? checkSlug(input.id, 'id') : `${input.type.toLowerCase().replace(/_/g, '-')}-${randomUUID()}`;
    const provenance = checkProvenance(input.provenance);
    const props = {
      ...checkProperties(spec.properties, input.properties, 'properties', false),
      ...provenance,
      id,
      writeToken: randomUUID(),
    };
    return this.announce(
      this.executor.writeTx(async (tx) => {
        const fromKind = await requireEntity(tx, input.from, 'from');
        const toKind = await requireEntity(tx, input.to, 'to');
        if (!(spec.from as readonly string[]).includes(fromKind)) {
          throw new BadUserInputError(
            `${input.type} cannot start at a ${fromKind} (allowed: ${spec.from.join(', ')})`,
            'from',
          );
        }
        if (!(spec.to as readonly string[]).includes(toKind)) {
          throw new BadUserInputError(`${input.type} cannot end at a ${toKind} (allowed: ${spec.to.join(', ')})`, 'to');
        }
        await requireArticle(tx, provenance.source);
        const [found] = await tx.run(q.findFactCypher(input.type), { id });
        if ((found?.r as unknown as PlainRelationship | null)?.properties.writeToken === props.writeToken) {
          return toFact(found);
        }
        if (found?.r) throw new ConflictError(`${input.type} '${id}' already exists`, 'id');
        const [row] = await tx.run(q.createFactCypher(input.type), {
          from: input.from,
          to: input.to,
          props,
        });
        await mention(tx, provenance, [input.from, input.to]);
        return toFact(row);
      }, 'createRelationship'),
      (r) => factEvent(FactChange.CREATED, r),
    );
  }

  async updateRelationship(type: RelationshipType, id: string, input: UpdateRelationshipInput): Promise<Relationship> {
    const provenance = checkProvenance(input.provenance);
    const props = {
      ...checkProperties(RELATIONSHIP_TYPES[type].properties, input.properties, 'properties', true),
      ...provenance,
    };
    return this.announce(
      this.executor.writeTx(async (tx) => {
        const [found] = await tx.run(q.findFactCypher(type), { id });
        if (!found?.r) throw new NotFoundError(type, id, 'id');
        await requireArticle(tx, provenance.source);
        const [row] = await tx.run(q.updateFactCypher(type), { id, props });
        return toFact(row);
      }, 'updateRelationship'),
      (r) => factEvent(FactChange.UPDATED, r),
    );
  }

  async deleteRelationship(type: RelationshipType, id: string): Promise<boolean> {
    return this.announce(
      this.executor.writeTx(async (tx) => {
        const [row] = await tx.run(q.deleteFactCypher(type), { id });
        if (Number(row?.deleted ?? 0) === 0) throw new NotFoundError(type, id, 'id');
        return true;
      }, 'deleteRelationship'),
      () => ({ change: FactChange.DELETED, type, id, entityIds: [] }),
    );
  }
}

async function requireEntity(tx: Tx, id: string, field: string): Promise<EntityKind> {
  const [row] = await tx.run(q.FIND_ENTITY_CYPHER, { id });
  const kind = String(row?.kind ?? '');
  if (!row?.n || !isEntityKind(kind)) throw new NotFoundError('Entity', id, field);
  return kind;
}

async function requireArticle(tx: Tx, articleId: string): Promise<void> {
  const [row] = await tx.run(q.ARTICLE_EXISTS_CYPHER, { articleId });
  if (!row?.exists) throw new NotFoundError('Article', articleId, 'provenance.articleId');
}

async function mention(tx: Tx, provenance: ProvenanceProps, entityIds: string[]): Promise<void> {
  const { source, quote } = provenance;
  await tx.run(q.MENTION_CYPHER, {
    articleId: source,
    entityIds,
    provenance: { source, quote },
  });
}

function factEvent(change: FactChange, fact: Relationship): FactEvent {
  return {
    change,
    type: fact.type,
    id: fact.id,
    articleId: fact.provenance.articleId,
    entityIds: [fact.from.id, fact.to.id],
  };
}

function toFact(row: Record<string, unknown> | undefined): Relationship {
  const from = toEntityRecord(row?.a as PlainNode);
  const to = toEntityRecord(row?.b as PlainNode);
  return toRelationshipRecord(row?.r as PlainRelationship, from, to);
}
