import type { Plain } from '../db/values';
import { CLAIM_PREFIX, KIND_PROPERTIES, type EntityKind } from '../graph/ontology';
import type { PlainValue } from '../seed/seed.types';

export interface Existing {
  properties: Record<string, Plain>;
  /** Properties of every MENTIONS edge into the entity (claims and their source dates). */
  mentions: Record<string, Plain>[];
}

/**
 * What a merged entity becomes when a new article mentions it. Names: the existing ones stay and
 * every new name or alias joins the aliases (none is lost). Kind properties: the value of the most
 * recently published source wins on the node; every source's value stays as a claim on its
 * MENTIONS edge, so conflicts remain visible (Entity.claims).
 */
export function mergeProperties(
  kind: EntityKind,
  existing: Existing,
  incoming: Record<string, PlainValue>,
  incomingDate: string | undefined,
): Record<string, PlainValue> {
  const old = existing.properties;
  const name = String(old.name ?? incoming.name);
  const names = [incoming.name, incoming.nameKo, ...((incoming.aliases as string[] | undefined) ?? [])];
  const aliases = [...((old.aliases as string[] | undefined) ?? []), ...names.filter((n): n is string => !!n)];
  const merged: Record<string, PlainValue> = {
    name,
    aliases: [...new Set(aliases)].filter((a) => a !== name),
  };
  for (const key of ['nameKo', 'description', 'descriptionKo'] as const) {
    const value = old[key] ?? incoming[key];
    if (value != null) merged[key] = value as PlainValue;
  }
  for (const key of Object.keys(KIND_PROPERTIES[kind])) {
    const value = incoming[key];
    if (value === undefined) continue;
    const newest = latestClaimDate(existing.mentions, `${CLAIM_PREFIX}${key}`);
    if (old[key] == null || newest === undefined || (incomingDate !== undefined && incomingDate >= newest)) {
      merged[key] = value;
    }
  }
  return merged;
}

function latestClaimDate(mentions: Record<string, Plain>[], claimKey: string): string | undefined {
  const dates = mentions.filter((m) => m[claimKey] != null).map((m) => String(m.sourceDate ?? ''));
  return dates.length ? dates.sort().at(-1) : undefined;
}
