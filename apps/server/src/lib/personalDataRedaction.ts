import { maskCitizenId, maskPhone } from '@zhibu/shared';

// The shapes of a GB 11643 citizen ID number (17 digits and a check character) and of a mainland
// mobile number, standing alone (not part of a longer run of digits such as a timestamp).
const CITIZEN_ID_SHAPE = /(?<![\d.])\d{17}[\dXx](?![\dA-Za-z])/g;
const MOBILE_SHAPE = /(?<![\d.])1[3-9]\d{9}(?!\d)/g;

/** Query-string parameters that carry personal data; their values never reach a log line. */
export const PERSONAL_QUERY_KEYS: ReadonlySet<string> = new Set([
  'idNumber',
  'idnumber',
  'id_number',
  'phone',
  'mobile',
  'q',
]);

/** Masks every citizen ID number and mobile number found in free text (the second line of defence). */
export function maskPersonalText(text: string): string {
  if (text.length < 11) return text;
  return text
    .replace(CITIZEN_ID_SHAPE, (id) => maskCitizenId(id))
    .replace(MOBILE_SHAPE, (phone) => maskPhone(phone));
}

/** A request URL fit for a log: personal query parameters blanked, stray identifiers masked. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return maskPersonalText(url);
  const path = url.slice(0, at);
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return maskPersonalText(pair);
      let key = pair.slice(0, eq);
      try {
        key = decodeURIComponent(key);
      } catch {
        // Keep the raw key: a malformed escape is not a personal field name.
      }
      if (PERSONAL_QUERY_KEYS.has(key)) return `${pair.slice(0, eq)}=[REDACTED]`;
      let value = pair.slice(eq + 1);
      try {
        value = decodeURIComponent(value.replace(/\+/g, ' '));
      } catch {
        // Mask the raw text below.
      }
      const masked = maskPersonalText(value);
      return masked === value ? pair : `${pair.slice(0, eq)}=${encodeURIComponent(masked)}`;
    })
    .join('&');
  return `${maskPersonalText(path)}?${query}`;
}

/**
 * A deep copy of `value` with every ID number and mobile number masked, for the audit log: callers
 * already pass masked data, and this keeps a forgotten field from storing a whole identifier.
 */
export function redactPersonalData<T>(value: T): T {
  return redact(value, 0) as T;
}

function redact(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskPersonalText(value);
  if (value === null || typeof value !== 'object' || depth > 20) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  // Errors, requests, dates and other class instances are left to their own serializers.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, depth + 1)]));
}
