import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';

/** A manifest as GraphQL Code Generator writes it: { "sha256:<hex>": "<document>" }. */
export type TrustedDocuments = ReadonlyMap<string, string>;

export function loadTrustedDocuments(file: string): TrustedDocuments {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const docs = new Map<string, string>();
  for (const [id, doc] of Object.entries(raw)) {
    if (typeof doc !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(id)) throw new Error(`${file}: bad entry '${id}'`);
    if (sha256Id(doc) !== id) throw new Error(`${file}: '${id}' is not the sha256 of its document`);
    docs.set(id, doc);
  }
  return docs;
}

export function sha256Id(document: string): string {
  return `sha256:${createHash('sha256').update(document).digest('hex')}`;
}

function refuse(res: Parameters<RequestHandler>[1], message: string): void {
  res.status(400).json({ errors: [{ message, extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
}

/**
 * With trusted documents on, only operations of the manifest run: a client sends `documentId`
 * (or Apollo's `extensions.persistedQuery.sha256Hash`) and the server supplies the document; a full
 * query text runs only when it is itself in the manifest. Nothing else reaches Apollo, so an
 * attacker cannot send operations the client never shipped. Runs after the JSON body parser.
 */
export function trustedDocumentsOnly(docs: TrustedDocuments): RequestHandler {
  return (req, res, next) => {
    const source = (req.method === 'GET' ? req.query : req.body) as Record<string, unknown> | undefined;
    if (!source || typeof source !== 'object' || Array.isArray(source)) return next();
    const extensions = parseMaybe(source.extensions) as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
    const hash = extensions?.persistedQuery?.sha256Hash;
    const id =
      typeof source.documentId === 'string' ? source.documentId : typeof hash === 'string' ? `sha256:${hash}` : null;
    if (id !== null) {
      const doc = docs.get(id);
      if (!doc) return refuse(res, 'Unknown document id: this server runs only its trusted documents');
      source.query = doc;
      delete source.documentId;
      if (extensions?.persistedQuery) {
        delete extensions.persistedQuery;
        source.extensions = req.method === 'GET' ? JSON.stringify(extensions) : extensions;
      }
      return next();
    }
    if (typeof source.query === 'string' && !docs.has(sha256Id(source.query))) {
      return refuse(res, 'Only trusted documents run on this server; send a documentId');
    }
    next();
  };
}

function parseMaybe(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
