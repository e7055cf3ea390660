import dayjs, { type Dayjs } from 'dayjs';

/** An API `YYYY-MM-DD` as a DatePicker value. */
export function fromIsoDate(value: string | null | undefined): Dayjs | null {
  if (!value) return null;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed : null;
}
