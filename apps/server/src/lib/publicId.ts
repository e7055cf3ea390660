import Sqids from 'sqids';

// Ids leave the server as short opaque strings so that clients cannot count or walk records.
// This is obfuscation, not access control: data scope is enforced on every query.
const sqids = new Sqids({
  alphabet: 'k3J9wQzT7mHc2VbXyR5fLpN8sGdE4aUnW6hBtYqZrCx',
  minLength: 6,
});

export function encodeId(id: number): string {
  return sqids.encode([id]);
}

/** The internal id, or null for anything that is not a canonical encoding. */
export function decodeId(publicId: string): number | null {
  if (publicId.length > 32) return null;
  const [n, ...rest] = sqids.decode(publicId);
  if (n === undefined || rest.length > 0 || !Number.isSafeInteger(n)) return null;
  return sqids.encode([n]) === publicId ? n : null;
}
