import { SignJWT } from 'jose';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashApiKey, loadApiKeys, parseApiKeys, verifyApiKey } from '../../src/auth/api-keys';
import { createAuthenticator } from '../../src/auth/authenticate';
import { ANONYMOUS, hasRole, rolesFromClaim, type Principal } from '../../src/auth/roles';
import { authChecker } from '../../src/auth/auth-checker';
import type { Context } from '../../src/server/context';

const SECRET = 'unit-test-hs256-secret-0123456789abcdef';
const KEY = 'unit-editor-key-5a8d1e0c3b6f9a2d4c7e0b1a3d5f7a9c';
const settings = { API_KEYS: `ci:editor:${hashApiKey(KEY)}`, JWT_SECRET: SECRET, JWT_ROLES_CLAIM: 'roles' };
const sign = (claims: Record<string, unknown>, exp: string | number = '5m', secret = SECRET) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('alice')
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));

test('roles are ordered: admin includes editor includes reader; nobody has none', () => {
  const admin: Principal = { subject: 'a', roles: ['admin'], via: 'jwt' };
  const reader: Principal = { subject: 'r', roles: ['reader'], via: 'jwt' };
  expect(hasRole(admin, ['editor'])).toBe(true);
  expect(hasRole(reader, ['editor', 'admin'])).toBe(false);
  expect(hasRole(reader, ['reader'])).toBe(true);
  expect(hasRole(ANONYMOUS, [])).toBe(false);
  expect(rolesFromClaim('reader editor bogus')).toEqual(['reader', 'editor']);
  expect(rolesFromClaim(['admin', 7])).toEqual(['admin']);
});

test('API keys are configured as hashes and verified against them', () => {
  const entries = parseApiKeys(`# ops\nci:editor:${hashApiKey(KEY)}\n`);
  expect(entries).toHaveLength(1);
  expect(verifyApiKey(entries, KEY)).toEqual({ subject: 'key:ci', roles: ['editor'], via: 'api-key' });
  expect(verifyApiKey(entries, `${KEY}x`)).toBeUndefined();
  expect(() => parseApiKeys('ci:root:abcd')).toThrow(/name:reader\|editor\|admin/);
  expect(() => parseApiKeys(`ci:editor:${KEY}`)).toThrow();
});

test('API keys also come from a file, one per line, added to those in API_KEYS', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-keys-'));
  const file = path.join(dir, 'keys');
  writeFileSync(file, `# rotated 2026-11\nops:admin:${hashApiKey('ops-key-0123456789abcdef0123456789')}\n`);
  const entries = loadApiKeys({ API_KEYS: `ci:editor:${hashApiKey(KEY)}`, API_KEYS_FILE: file });
  rmSync(dir, { recursive: true, force: true });
  expect(entries.map((e) => e.name)).toEqual(['ci', 'ops']);
  expect(verifyApiKey(entries, 'ops-key-0123456789abcdef0123456789')?.roles).toEqual(['admin']);
});

const UNAUTHENTICATED = expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });

test('the authenticator: no credentials = anonymous, bad credentials = UNAUTHENTICATED', async () => {
  const auth = await createAuthenticator(settings);
  expect(await auth({})).toBe(ANONYMOUS);
  expect(await auth({ 'x-api-key': KEY })).toMatchObject({ roles: ['editor'], via: 'api-key' });
  // No promise for a key, good or bad: it is answered at once.
  expect(() => auth({ 'x-api-key': 'nope' })).toThrow(UNAUTHENTICATED);

  const good = await sign({ roles: ['admin'] });
  expect(await auth({ authorization: `Bearer ${good}` })).toEqual({
    subject: 'jwt:alice',
    roles: ['admin'],
    via: 'jwt',
  });
  const expired = await sign({ roles: ['admin'] }, Math.floor(Date.now() / 1000) - 3600);
  const forged = await sign({ roles: ['admin'] }, '5m', `${SECRET}-other`);
  const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"roles":["admin"]}').toString('base64url')}.`;
  for (const token of [expired, forged, unsigned, 'garbage']) {
    await expect(Promise.resolve(auth({ authorization: `Bearer ${token}` }))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  const noJwt = await createAuthenticator({ API_KEYS: '', JWT_ROLES_CLAIM: 'roles' });
  expect(() => noJwt({ authorization: `Bearer ${good}` })).toThrow(UNAUTHENTICATED);
});

test('the auth checker throws coded errors', () => {
  const check = (auth: Principal, roles: string[]) =>
    authChecker({ context: { auth } as Context, root: {}, args: {}, info: {} as never }, roles);
  expect(() => check(ANONYMOUS, ['editor'])).toThrow(
    expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }),
  );
  expect(() => check({ subject: 'r', roles: ['reader'], via: 'jwt' }, ['editor'])).toThrow(
    expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }),
  );
  expect(check({ subject: 'e', roles: ['editor'], via: 'jwt' }, ['editor', 'admin'])).toBe(true);
});

test('every mutation in the schema requires a writer role (none slips through unguarded)', async () => {
  const { getSchema } = await import('../../src/server/schema');
  const { getMetadataStorage } = await import('type-graphql');
  const schema = await getSchema();
  const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
  const guarded = new Set(
    getMetadataStorage()
      .authorizedFields.filter((a) => a.roles.includes('editor'))
      .map((a) => a.fieldName),
  );
  expect(mutations.length).toBeGreaterThan(5);
  expect(mutations.filter((m) => !guarded.has(m))).toEqual([]);
});
