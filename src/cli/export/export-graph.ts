import type { Executor } from '../../db/executor';
import type { PropertyType } from '../../graph/ontology';
import { ENTITY_LABEL } from '../../graph/ontology';
import { entityStatement, relationshipStatement } from './cypher-format';
import {
  readEntities,
  readRelationshipsFrom,
  EXPORT_PAGE_SIZE,
  type DumpEntity,
  type DumpRelationship,
} from './graph-dump';
import { GRAPHML_FOOTER, graphmlEdge, graphmlHeader, graphmlNode } from './graphml-format';
import { ENTITY_PROPERTY_TYPES, RELATIONSHIP_PROPERTY_TYPES } from './property-types';

export const EXPORT_FORMATS = ['json', 'graphml', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type Write = (chunk: string) => Promise<void>;
export interface ExportCounts {
  entities: number;
  relationships: number;
}

/** Bigints (64-bit counts) travel as decimal strings: JSON numbers lose precision past 2^53. */
const json = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

const PROPERTY_KEYS = {
  node: `MATCH (n:${ENTITY_LABEL}) UNWIND keys(n) AS k WITH DISTINCT k WHERE k <> 'id' RETURN k ORDER BY k`,
  edge: `MATCH (:${ENTITY_LABEL})-[r]->(:${ENTITY_LABEL}) UNWIND keys(r) AS k WITH DISTINCT k WHERE k <> 'id' RETURN k ORDER BY k`,
};

async function propertyKeys(executor: Executor, domain: 'node' | 'edge'): Promise<Map<string, PropertyType>> {
  const known = domain === 'node' ? ENTITY_PROPERTY_TYPES : RELATIONSHIP_PROPERTY_TYPES;
  const rows = await executor.read(PROPERTY_KEYS[domain], {}, 'export');
  return new Map(rows.map((r) => [String(r.k), known.get(String(r.k)) ?? 'string']));
}

interface Shape {
  header(executor: Executor): Promise<string>;
  entity(e: DumpEntity, first: boolean): string;
  between: string;
  relationship(r: DumpRelationship, first: boolean): string;
  footer: string;
}

const SHAPES: Record<ExportFormat, Shape> = {
  json: {
    header: async () => '{"format":"kg-hyperscale-graph","version":1,"entities":[',
    entity: (e, first) => `${first ? '' : ','}\n${json(e)}`,
    between: '\n],"relationships":[',
    relationship: (r, first) => `${first ? '' : ','}\n${json(r)}`,
    footer: '\n]}\n',
  },
  graphml: {
    header: async (executor) =>
      `${graphmlHeader(await propertyKeys(executor, 'node'), await propertyKeys(executor, 'edge'))}`,
    entity: (e) => `\n${graphmlNode(e)}`,
    between: '',
    relationship: (r) => `\n${graphmlEdge(r)}`,
    footer: `\n${GRAPHML_FOOTER}\n`,
  },
  cypher: {
    header: async () => '// kg-hyperscale export: idempotent (MERGE on id); entities first, then facts.',
    entity: (e) => `\n${entityStatement(e)}`,
    between: '',
    relationship: (r) => `\n${relationshipStatement(r)}`,
    footer: '\n',
  },
};

/**
 * Streams the whole graph in one format: all entities (page by page, in id order), then all facts
 * (the outgoing facts of each page of entities), so memory stays flat whatever the graph's size.
 */
export async function exportGraph(
  executor: Executor,
  format: ExportFormat,
  write: Write,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<ExportCounts> {
  const shape = SHAPES[format];
  const counts: ExportCounts = { entities: 0, relationships: 0 };
  await write(await shape.header(executor));
  for await (const page of readEntities(executor, pageSize)) {
    await write(page.map((e) => shape.entity(e, counts.entities++ === 0)).join(''));
  }
  await write(shape.between);
  for await (const page of readEntities(executor, pageSize)) {
    const rels = await readRelationshipsFrom(
      executor,
      page.map((e) => e.id),
    );
    await write(rels.map((r) => shape.relationship(r, counts.relationships++ === 0)).join(''));
  }
  await write(shape.footer);
  return counts;
}
