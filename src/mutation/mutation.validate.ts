import { randomUUID } from 'node:crypto';
import { toNeo4j } from '../db/values';
import { BadUserInputError } from '../errors/errors';
import type { PropertySpec } from '../graph/ontology';
import { convertValue } from '../seed/seed.values';
import type { RawPropertyValue } from '../seed/seed.schema';
import { SLUG_PATTERN } from '../seed/seed.schema';
import { parseTime } from '../seed/time';
import type { ProvenanceInput } from './mutation.inputs';

/** Longest quote accepted: a sentence or two; a whole article is not a quote. */
export const MAX_QUOTE_LENGTH = 2_000;
/** Longest name, alias or description: bounds what one write can store. */
export const MAX_TEXT_LENGTH = 1_000;
export const MAX_ALIASES = 100;
export const MAX_SLUG_LENGTH = 100;

export function cleanText(value: string, field: string, max = MAX_TEXT_LENGTH): string {
  const text = value.normalize('NFC').trim();
  if (text.length === 0) throw new BadUserInputError(`'${field}' must not be empty`, field);
  if (text.length > max) throw new BadUserInputError(`'${field}' may be at most ${max} characters`, field);
  // Control characters (bar tab and newlines) and unpaired surrogates (\p{Cs} in a /u regex matches
  // only lone halves) are never part of a name or quote.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|\p{Cs}/u.test(text)) {
    throw new BadUserInputError(`'${field}' contains control or unpaired surrogate characters`, field);
  }
  return text;
}

export function checkSlug(id: string, field: string): string {
  if (id.length > MAX_SLUG_LENGTH || !SLUG_PATTERN.test(id)) {
    throw new BadUserInputError(
      `'${field}' must be a slug of a-z, 0-9 and single dashes (at most ${MAX_SLUG_LENGTH})`,
      field,
    );
  }
  return id;
}

/** A slug from an English name; names without Latin letters get a random one. */
export function slugFrom(name: string, prefix: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH - 9)
    .replace(/-+$/, '');
  return slug || `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function cleanAliases(aliases: string[], field: string): string[] {
  if (aliases.length > MAX_ALIASES) throw new BadUserInputError(`'${field}' may list at most ${MAX_ALIASES}`, field);
  return [...new Set(aliases.map((a, i) => cleanText(a, `${field}[${i}]`)))];
}

export interface ProvenanceProps {
  source: string;
  quote: string;
  time: string | null;
  validFrom: unknown;
  validTo: unknown;
}

/** Provenance as stored on a fact edge (dates converted for Neo4j). */
export function checkProvenance(p: ProvenanceInput, field = 'provenance'): ProvenanceProps {
  const quote = cleanText(p.quote, `${field}.quote`, MAX_QUOTE_LENGTH);
  let span: { time: string; validFrom: string; validTo: string } | null = null;
  if (p.time != null) {
    try {
      span = parseTime(p.time.trim());
    } catch {
      throw new BadUserInputError(
        `'${field}.time' must be YYYY-MM-DD, YYYY-MM, YYYY, YYYY-H1/H2 or YYYY-Q1..Q4`,
        `${field}.time`,
      );
    }
  }
  return {
    source: p.articleId,
    quote,
    time: span?.time ?? null,
    validFrom: span ? toNeo4j('date', span.validFrom) : null,
    validTo: span ? toNeo4j('date', span.validTo) : null,
  };
}

/**
 * Check a `properties` object against the ontology's specs and convert it for Neo4j. With
 * `allowNull`, a null value means "remove this property" (SET += {k: null} removes it).
 */
export function checkProperties(
  specs: Record<string, PropertySpec>,
  raw: Record<string, unknown> | null | undefined,
  field: string,
  allowNull: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    const path = `${field}.${key}`;
    const spec = specs[key];
    if (!spec) {
      const allowed = Object.keys(specs).join(', ') || 'none';
      throw new BadUserInputError(`'${path}' is not a property here (allowed: ${allowed})`, path);
    }
    if (value === null) {
      if (!allowNull) throw new BadUserInputError(`'${path}' must not be null`, path);
      out[key] = null;
      continue;
    }
    if (spec.type === 'string[]' && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
      throw new BadUserInputError(`'${path}' must be a list of strings`, path);
    }
    const normalized =
      typeof value === 'string'
        ? cleanText(value, path)
        : Array.isArray(value)
          ? value.map((v, i) => cleanText(String(v), `${path}[${i}]`))
          : value;
    const result = convertValue(spec.type, normalized as RawPropertyValue);
    if (!result.ok) throw new BadUserInputError(`'${path}': ${result.message}`, path);
    out[key] = toNeo4j(spec.type, result.value);
  }
  return out;
}
