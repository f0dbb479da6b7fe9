import type { Tx } from '../db/executor';
import type { EntityKind } from '../graph/ontology';
import type { SeedEntity, SeedIssue } from '../seed/seed.types';
import { CANDIDATES_CYPHER } from './ingest.cypher';
import { keysOfProps } from './resolution-keys';

interface Candidate {
  id: string;
  kind: EntityKind;
}

export interface Resolution {
  /** Mention id in the document → entity id in the graph (itself when new). */
  targets: Map<string, string>;
  created: string[];
  merged: { mention: string; entity: string }[];
  issues: SeedIssue[];
}

function lucene(keys: string[]): string | null {
  // Keys hold no spaces, punctuation or symbols (see resolution-keys.ts), so quoting is enough.
  return keys.length ? keys.map((k) => `"${k}"`).join(' OR ') : null;
}

/**
 * Decide, for each mention of a document, which entity it is: the one its `sameAs` names; else the
 * one of the same kind that holds its id or shares a normalized name or alias; else a new one.
 * Several candidates are reported as ambiguous, never merged silently.
 */
export async function resolveMentions(tx: Tx, mentions: SeedEntity[]): Promise<Resolution> {
  const rows = mentions.map((m) => ({
    ref: m.id,
    id: m.id,
    sameAs: m.sameAs ?? null,
    lucene: m.sameAs ? null : lucene(keysOfProps(m.properties)),
  }));
  const found = await tx.run(CANDIDATES_CYPHER, { rows });
  const byRef = new Map(found.map((r) => [String(r.ref), r]));
  const res: Resolution = { targets: new Map(), created: [], merged: [], issues: [] };
  for (const m of mentions) {
    const row = byRef.get(m.id);
    const byId = (row?.byId ?? null) as Candidate | null;
    const byKey = ((row?.byKey ?? []) as unknown as Candidate[]).filter((c) => c.kind === m.kind);
    if (m.sameAs) {
      if (!byId) res.issues.push({ record: m.id, field: 'sameAs', message: `no entity with id '${m.sameAs}'` });
      else if (byId.kind !== m.kind) {
        res.issues.push({ record: m.id, field: 'sameAs', message: `'${m.sameAs}' is a ${byId.kind}, not a ${m.kind}` });
      } else res.targets.set(m.id, byId.id);
      continue;
    }
    if (byId && byId.kind !== m.kind) {
      res.issues.push({ record: m.id, field: 'kind', message: `id '${m.id}' is already a ${byId.kind}` });
      continue;
    }
    const ids = [...new Set([...(byId ? [byId.id] : []), ...byKey.map((c) => c.id)])].sort();
    if (ids.length > 1) {
      res.issues.push({
        record: m.id,
        field: 'name',
        message: `ambiguous: matches ${ids.join(', ')}; state "sameAs" to choose one`,
      });
    } else res.targets.set(m.id, ids[0] ?? m.id);
  }
  for (const [mention, entity] of res.targets) {
    if (byRef.get(mention)?.byId || entity !== mention) res.merged.push({ mention, entity });
    else res.created.push(entity);
  }
  return res;
}
