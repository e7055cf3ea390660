// Invisible characters that Excel/Word/IM copy-paste leaves in cells; \s does not match them.
const ZERO_WIDTH = /[\u180E\u200B-\u200D\u2060\uFEFF]/g;
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
// Full-width forms sit at a fixed distance from ASCII.
const FULL_WIDTH_OFFSET = 0xfee0;
// Separators used in transliterated ethnic-minority names (阿沛·阿旺晋美): · • ． ・ ･ ‧ ∙ ⋅ and ASCII '.'
// (full-width ． has already become '.' by the time this runs).
const NAME_DOTS = /[.\u00B7\u2022\u2027\u2219\u22C5\u30FB\uFF0E\uFF65]+/g;

/** Full-width ASCII (U+FF01–FF5E) → ASCII and the ideographic space U+3000 → ' '; other characters unchanged. */
export function toHalfWidth(s: string): string {
  return s
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, ' ');
}

/** Plain-text cell: half-width, zero-width characters dropped, trimmed, inner whitespace runs → one space. */
export function normalizeCell(s: string): string {
  return toHalfWidth(s).replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

/** Person name: half-width, no whitespace at all, every middle-dot variant → '·' (U+00B7). */
export function normalizeName(s: string): string {
  return toHalfWidth(s).replace(ZERO_WIDTH, '').replace(/\s+/g, '').replace(NAME_DOTS, '·');
}

/** Key for matching user input against names and aliases: normalized cell, no whitespace, lower case. */
export function toLookupKey(s: string): string {
  return normalizeCell(s).replace(/\s+/g, '').toLowerCase();
}
