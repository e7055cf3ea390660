import Sqids from 'sqids';

// Ids leave the server as short opaque strings so that clients cannot count or walk records.
// This is obfuscation, not access control: data scope is enforced on every query.
const sqids = new Sqids({
  alphabet: 'k3J9wQzT7mHc2VbXyR5fLpN8sGdE4aUnW6hBtYqZrCx',
  minLength: 6,
});

// Encoding costs ≈ 10 µs (a shuffle and a block-list check per call) and a list page encodes
// dozens of the same ids (its org, its members' orgs) on every request: keep recent ones.
const ENCODED_CACHE_SIZE = 10_000;
const encoded = new Map<number, string>();

export function encodeId(id: number): string {
  let publicId = encoded.get(id);
  if (publicId === undefined) {
    publicId = sqids.encode([id]);
    if (encoded.size >= ENCODED_CACHE_SIZE) encoded.clear();
    encoded.set(id, publicId);
  }
  return publicId;
}

/** The internal id, or null for anything that is not a canonical encoding. */
export function decodeId(publicId: string): number | null {
  if (publicId.length > 32) return null;
  const [n, ...rest] = sqids.decode(publicId);
  if (n === undefined || rest.length > 0 || !Number.isSafeInteger(n)) return null;
  return encodeId(n) === publicId ? n : null;
}
