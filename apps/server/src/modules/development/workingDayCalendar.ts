import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addDays,
  type CalendarDayEntry,
  createWorkingDayCalendar,
  isValidIsoDate,
  type WorkingDayCalendar,
} from '@zhibu/shared';
import type { CalendarYear, PutCalendarYearRequest } from '@zhibu/shared/api';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { requireScope } from '../../access/scope.ts';
import type { Executor } from '../../db/createDatabase.ts';
import { AppError, validationError } from '../../lib/appError.ts';
import { inTransaction, type ServiceContext } from '../../lib/serviceContext.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { calendarDays } from './development.schema.ts';

const folder = join(dirname(fileURLToPath(import.meta.url)), 'calendar');
const IsoDay = z.string().refine(isValidIsoDate);

/** One State Council notice as transcribed in calendar/cn-<year>.json. */
const CalendarFile = z.object({
  year: z.number().int(),
  source: z.object({ title: z.string(), number: z.string().nullable(), issuedOn: IsoDay }),
  daysOff: z.array(z.object({ name: z.string(), from: IsoDay, to: IsoDay })),
  makeUpDays: z.array(z.object({ name: z.string(), date: IsoDay })),
});
type CalendarFile = z.infer<typeof CalendarFile>;

function expand(file: CalendarFile): CalendarYear {
  const days: CalendarYear['days'] = [];
  for (const range of file.daysOff) {
    for (let d = range.from; d <= range.to; d = addDays(d, 1)) {
      days.push({ date: d, kind: 'day_off', name: range.name });
    }
  }
  for (const m of file.makeUpDays) days.push({ date: m.date, kind: 'make_up', name: m.name });
  days.sort((a, b) => a.date.localeCompare(b.date));
  const number = file.source.number ? `（${file.source.number}）` : '';
  return { year: file.year, isOfficial: true, source: `${file.source.title}${number}`, days };
}

let builtin: Map<number, CalendarYear> | undefined;

/** The notices shipped with zhibu (calendar/cn-<year>.json), by year; read once. */
export function builtinCalendarYears(): Map<number, CalendarYear> {
  if (builtin) return builtin;
  const years = new Map<number, CalendarYear>();
  for (const name of readdirSync(folder)) {
    if (!/^cn-\d{4}\.json$/.test(name)) continue;
    const file = CalendarFile.parse(JSON.parse(readFileSync(join(folder, name), 'utf8')));
    years.set(file.year, expand(file));
  }
  builtin = years;
  return years;
}

/** Years entered by administrators (they replace a built-in year of the same number). */
async function storedCalendarYears(db: Executor): Promise<Map<number, CalendarYear>> {
  const rows = await db.select().from(calendarDays).orderBy(asc(calendarDays.day));
  const years = new Map<number, CalendarYear>();
  for (const row of rows) {
    const year = years.get(row.year) ?? { year: row.year, isOfficial: true, source: row.source, days: [] };
    year.days.push({ date: row.day, kind: row.kind, name: row.name });
    years.set(row.year, year);
  }
  return years;
}

/** The working-day calendar in force: built-in notices overlaid with the years stored in the database. */
export async function loadWorkingDayCalendar(db: Executor): Promise<WorkingDayCalendar> {
  const years = new Map([...builtinCalendarYears(), ...(await storedCalendarYears(db))]);
  const entries: CalendarDayEntry[] = [...years.values()].flatMap((y) =>
    y.days.map((d) => ({ date: d.date, kind: d.kind })),
  );
  return createWorkingDayCalendar(entries, [...years.keys()]);
}

/** One year's days off and make-up days; a year without a notice says so (`isOfficial: false`). */
export async function getCalendarYear(ctx: ServiceContext, year: number): Promise<CalendarYear> {
  requireScope(ctx.actor, 'development.read');
  const stored = (await storedCalendarYears(ctx.db)).get(year);
  return stored ?? builtinCalendarYears().get(year) ?? { year, isOfficial: false, source: null, days: [] };
}

/** Replaces a year's days (a newly published notice, or a correction); system administrators only. */
export async function putCalendarYear(
  ctx: ServiceContext,
  year: number,
  input: PutCalendarYearRequest,
): Promise<CalendarYear> {
  // The calendar applies to the whole deployment, like rule parameters.
  if (requireScope(ctx.actor, 'rule.manage').kind !== 'all') throw new AppError('FORBIDDEN');
  const outside = input.days.findIndex((d) => !d.date.startsWith(`${year}-`));
  if (outside >= 0) {
    throw validationError([
      { field: `days.${outside}.date`, code: 'WRONG_YEAR', message: `日期应在 ${year} 年内` },
    ]);
  }
  const dates = new Set(input.days.map((d) => d.date));
  if (dates.size !== input.days.length) {
    throw validationError([{ field: 'days', code: 'DUPLICATE_DATE', message: '同一日期只能出现一次' }]);
  }
  return inTransaction(ctx, async (tx) => {
    const before = await getCalendarYear(tx, year);
    await tx.db.delete(calendarDays).where(eq(calendarDays.year, year));
    if (input.days.length > 0) {
      await tx.db
        .insert(calendarDays)
        .values(
          input.days.map((d) => ({ day: d.date, year, kind: d.kind, name: d.name, source: input.source })),
        );
    }
    const after: CalendarYear = { year, isOfficial: true, source: input.source, days: [...input.days] };
    after.days.sort((a, b) => a.date.localeCompare(b.date));
    await recordAudit(tx.db, tx.actor, {
      action: 'calendar.update',
      entityType: 'calendar',
      entityId: String(year),
      summary: `更新 ${year} 年节假日和调休上班安排（${input.source}）`,
      before,
      after,
    });
    return after;
  });
}
