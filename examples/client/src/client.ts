import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** What the generated documents carry with persistedDocuments on: the sha256 of the operation. */
interface PersistedMeta {
  __meta__?: { hash?: string };
}

export interface ClientOptions {
  /** e.g. http://127.0.0.1:4000/graphql */
  url: string;
  /** Extra headers (x-api-key, authorization). */
  headers?: Record<string, string>;
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly codes: string[],
  ) {
    super(message);
  }
}

/**
 * A minimal typed client: result and variables types come from the document (codegen), so a typo
 * in a field or a missing variable fails at compile time. Sends the operation text; each document
 * also carries its sha256 (`documentHash`) for servers that accept only trusted documents.
 */
export function createClient(options: ClientOptions) {
  return async function request<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables,
  ): Promise<Result> {
    const res = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await res.json()) as {
      data?: Result;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (body.errors?.length) {
      throw new GraphQLRequestError(
        body.errors.map((e) => e.message).join('; '),
        body.errors.map((e) => e.extensions?.code ?? 'UNKNOWN'),
      );
    }
    if (!body.data) throw new GraphQLRequestError(`HTTP ${res.status} without data`, []);
    return body.data;
  };
}

export function documentHash(document: TypedDocumentNode<unknown, never>): string | undefined {
  return (document as PersistedMeta).__meta__?.hash;
}
