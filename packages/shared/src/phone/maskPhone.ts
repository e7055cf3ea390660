import { normalizePhone } from './normalizePhone.ts';

/** Display form hiding the middle: 138****5678, 010*****5678; an extension stays visible (010*****5678-12). */
export function maskPhone(phone: string): string {
  const parsed = normalizePhone(phone);
  if (!parsed.ok) return maskMiddle(phone.trim());
  // Canonical landlines are area-local[-ext]; the extension reveals nothing about the person.
  const [area, local, ext] = parsed.value.split('-');
  if (local === undefined) return maskMiddle(parsed.value);
  const masked = maskMiddle(`${area}-${local}`);
  return ext === undefined ? masked : `${masked}-${ext}`;
}

/** Keeps the first 3 and last 4 characters; hides everything when that would show it all. */
function maskMiddle(s: string): string {
  if (s.length <= 7) return '*'.repeat(s.length);
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
}
