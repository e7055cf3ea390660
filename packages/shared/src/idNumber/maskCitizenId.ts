import { normalizeCitizenId } from './citizenId.ts';

/** Keeps the area code and the last 4 characters: 110105********1234 (display rule for GB 11643-1999 IDs). */
export function maskCitizenId(id: string): string {
  const s = normalizeCitizenId(id);
  // Too short to hide anything while showing 10 characters: hide everything.
  if (s.length <= 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}
