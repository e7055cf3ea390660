/**
 * One line of PostgreSQL COPY CSV. null → an unquoted empty field (NULL); every string is quoted
 * with inner quotes doubled, so an empty string stays '' and commas, quotes and newlines are data.
 */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
      line += String(v);
    } else {
      line += `"${v.includes('"') ? v.replaceAll('"', '""') : v}"`;
    }
  }
  return `${line}\n`;
}
