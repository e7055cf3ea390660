import type { Dayjs } from 'dayjs';

/** A DatePicker value as the API's `YYYY-MM-DD` (null when empty). */
export function toIsoDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}
