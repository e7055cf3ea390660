import type { MessageKey } from '../../i18n/MessageKey.ts';

interface AgeBand {
  key: string;
  labelKey: MessageKey;
  ageMin?: number;
  ageMax?: number;
}

/** Age presets used in party statistics (35 and under counts as young). */
export const ageBands: AgeBand[] = [
  { key: 'le35', labelKey: 'members.age.le35', ageMax: 35 },
  { key: '36-45', labelKey: 'members.age.36-45', ageMin: 36, ageMax: 45 },
  { key: '46-60', labelKey: 'members.age.46-60', ageMin: 46, ageMax: 60 },
  { key: 'ge61', labelKey: 'members.age.ge61', ageMin: 61 },
];
