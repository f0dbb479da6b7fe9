import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isRole, type Principal } from './roles';

/** One configured key: its owner's name, role and the SHA-256 of the key (the key itself is never stored). */
export interface ApiKeyEntry {
  name: string;
  role: Principal['roles'][number];
  sha256: Buffer;
}

/**
 * SHA-256, not a password hash: keys are long random strings (see `generateApiKey`), so a fast hash
 * is safe and keeps verification cheap on every request.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Parse `name:role:sha256hex` entries separated by commas or newlines; `#` starts a comment. */
export function parseApiKeys(text: string): ApiKeyEntry[] {
  return text
    .split(/[,\n]/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map((entry) => {
      const [name, role, hash] = entry.split(':');
      if (!name || !isRole(role) || !hash || !/^[0-9a-f]{64}$/i.test(hash)) {
        throw new Error(`API key entry '${name ?? ''}' is not name:reader|editor|admin:<64 hex digits>`);
      }
      return { name, role, sha256: Buffer.from(hash, 'hex') };
    });
}

export function loadApiKeys(settings: { API_KEYS: string; API_KEYS_FILE?: string }): ApiKeyEntry[] {
  const fromFile = settings.API_KEYS_FILE ? readFileSync(settings.API_KEYS_FILE, 'utf8') : '';
  return [...parseApiKeys(settings.API_KEYS), ...parseApiKeys(fromFile)];
}

/** The principal a presented key belongs to, or undefined; compares hashes in constant time. */
export function verifyApiKey(entries: readonly ApiKeyEntry[], presented: string): Principal | undefined {
  const digest = createHash('sha256').update(presented, 'utf8').digest();
  const match = entries.find((e) => timingSafeEqual(e.sha256, digest));
  return match ? { subject: `key:${match.name}`, roles: [match.role], via: 'api-key' } : undefined;
}
