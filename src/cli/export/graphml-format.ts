import type { Plain } from '../../db/values';
import type { PropertyType } from '../../graph/ontology';
import type { DumpEntity, DumpRelationship } from './graph-dump';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const xml = (s: string): string => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

const GRAPHML_TYPES: Record<PropertyType, string> = {
  string: 'string',
  'string[]': 'string', // JSON text: GraphML has no list type
  int: 'long',
  float: 'double',
  boolean: 'boolean',
  date: 'string',
  datetime: 'string',
};

/** A key id per (domain, property): node and edge keys may share a name with different types. */
const keyId = (domain: 'node' | 'edge', prop: string): string => `${domain[0]}_${prop}`;

export function graphmlHeader(nodeKeys: Map<string, PropertyType>, edgeKeys: Map<string, PropertyType>): string {
  const key = (domain: 'node' | 'edge', prop: string, type: PropertyType) =>
    `  <key id="${xml(keyId(domain, prop))}" for="${domain}" attr.name="${xml(prop)}" attr.type="${GRAPHML_TYPES[type]}"/>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    key('node', 'kind', 'string'),
    ...[...nodeKeys].map(([p, t]) => key('node', p, t)),
    key('edge', 'type', 'string'),
    ...[...edgeKeys].map(([p, t]) => key('edge', p, t)),
    '  <graph id="kg" edgedefault="directed">',
  ].join('\n');
}

export const GRAPHML_FOOTER = '  </graph>\n</graphml>';

function text(value: Plain): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function data(domain: 'node' | 'edge', props: Record<string, Plain>): string {
  return Object.entries(props)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `<data key="${xml(keyId(domain, k))}">${xml(text(v))}</data>`)
    .join('');
}

export function graphmlNode(e: DumpEntity): string {
  return `    <node id="${xml(e.id)}">${data('node', { kind: e.kind, ...e.properties })}</node>`;
}

export function graphmlEdge(r: DumpRelationship): string {
  return `    <edge id="${xml(r.id)}" source="${xml(r.from)}" target="${xml(r.to)}">${data('edge', { type: r.type, ...r.properties })}</edge>`;
}
