import type { City, County, DivisionTables, Province, Township } from './chinaDivisions.ts';
import { townshipKind } from './chinaDivisions.ts';
import type { SeededRandom } from './seededRandom.ts';
import { SeedInputError } from './seedInputError.ts';

export type Scale = 'village' | 'county' | 'city' | 'province';

/** The real divisions a seed run builds its tree on. */
export interface Region {
  province: Province;
  /** The prefecture above the counties (absent for a municipality's districts or a village run). */
  cities: { city: City | null; counties: County[] }[];
  /** Village scale: the one township whose villages are seeded. */
  township?: Township;
}

/** A county the generator can use: it has townships and villages. */
function isUsable(tables: DivisionTables, county: County, minTownships = 1): boolean {
  return tables.townshipsOf(county.code).length >= minTownships;
}

/** Prefectures with a name of their own (not 市辖区 of a municipality, not 省直辖县级行政区划). */
export function isRealCity(city: City | undefined | null): city is City {
  return city !== undefined && city !== null && !/^(市辖区|县)$|直辖/.test(city.name);
}

/**
 * Picks the divisions for a run. `division` names one explicitly: a county (6 digits) or township
 * (9 digits) for the village and county scales, a prefecture (4) for city, a province (2) for
 * province. Otherwise the seed picks: for county scale a rural county (县) with 15–25 townships;
 * for city a prefecture with at least `countyCount` counties; for province one with enough.
 */
export function chooseRegion(
  tables: DivisionTables,
  rng: SeededRandom,
  scale: Scale,
  countyCount: number,
  division?: string,
): Region {
  const provinceOf = (code: string) => {
    const province = tables.provinceOf(code);
    if (!province) throw new SeedInputError(`找不到行政区划代码 ${code} 所属的省份`);
    return province;
  };
  const countyByCode = (code: string) => {
    const county = tables.counties.find((c) => c.code === code);
    if (!county) throw new SeedInputError(`找不到区县代码 ${code}（应为 6 位统计用区划代码，如 130123）`);
    return county;
  };
  const single = (county: County, township?: Township): Region => ({
    province: provinceOf(county.code),
    cities: [{ city: tables.cityOf(county.code) ?? null, counties: [county] }],
    township,
  });

  if (scale === 'village' || scale === 'county') {
    if (division && !/^\d{6}(\d{3})?$/.test(division)) {
      throw new SeedInputError(`--division 在 ${scale} 规模下应为 6 位区县代码或 9 位乡镇代码`);
    }
    if (division) {
      const county = countyByCode(division.slice(0, 6));
      if (division.length === 9) {
        const township = tables.townshipsOf(county.code).find((t) => t.code === division);
        if (!township) throw new SeedInputError(`找不到乡镇（街道）代码 ${division}`);
        return single(county, scale === 'village' ? township : undefined);
      }
      if (!isUsable(tables, county)) throw new SeedInputError(`区县 ${county.name} 没有乡镇数据`);
      return single(county, scale === 'village' ? pickTownship(tables, rng, county) : undefined);
    }
    const rural = tables.counties.filter((c) => c.name.endsWith('县'));
    const candidates =
      scale === 'county'
        ? rural.filter((c) => {
            const n = tables.townshipsOf(c.code).length;
            return n >= 15 && n <= 25;
          })
        : rural.filter((c) => isUsable(tables, c, 5));
    for (let attempt = 0; attempt < 100; attempt++) {
      const county = rng.pick(candidates);
      const villages = tables.villagesOf(county.code).length;
      if (scale === 'county' && (villages < 150 || villages > 600)) continue;
      if (scale === 'village') {
        const township = pickTownship(tables, rng, county);
        if (township) return single(county, township);
        continue;
      }
      return single(county);
    }
    throw new SeedInputError('没有找到合适的区县');
  }

  if (scale === 'city') {
    let city: City | undefined;
    if (division) {
      city = tables.cities.find((c) => c.code === division);
      if (!city) throw new SeedInputError(`找不到地级市代码 ${division}（应为 4 位，如 1301）`);
    } else {
      const candidates = tables.cities.filter(
        (c) => isRealCity(c) && countiesOf(tables, c.code).length >= Math.min(countyCount, 8),
      );
      city = rng.pick(candidates);
    }
    const counties = countiesOf(tables, city.code);
    if (counties.length === 0) throw new SeedInputError(`${city.name} 下没有可用的区县`);
    return {
      province: provinceOf(city.code),
      cities: [{ city, counties: rng.sample(counties, countyCount) }],
    };
  }

  let province: Province | undefined;
  if (division) {
    province = tables.provinces.find((p) => p.code === division);
    if (!province) throw new SeedInputError(`找不到省份代码 ${division}（应为 2 位，如 13）`);
  } else {
    const candidates = tables.provinces.filter((p) => countiesOf(tables, p.code).length >= countyCount);
    province = rng.pick(candidates.length > 0 ? candidates : tables.provinces);
  }
  return { province, cities: spreadOverCities(tables, rng, province, countyCount) };
}

/** Usable counties under a province or prefecture code prefix. */
function countiesOf(tables: DivisionTables, prefix: string): County[] {
  return tables.counties.filter((c) => c.code.startsWith(prefix) && isUsable(tables, c));
}

/** A township (镇/乡) with at least 8 villages, for the village scale. */
function pickTownship(tables: DivisionTables, rng: SeededRandom, county: County): Township | undefined {
  const villagesByTownship = new Map<string, number>();
  for (const v of tables.villagesOf(county.code)) {
    villagesByTownship.set(v.townshipCode, (villagesByTownship.get(v.townshipCode) ?? 0) + 1);
  }
  const towns = tables
    .townshipsOf(county.code)
    .filter((t) => townshipKind(t.name) === 'town' && (villagesByTownship.get(t.code) ?? 0) >= 8);
  return towns.length > 0 ? rng.pick(towns) : undefined;
}

/**
 * `count` counties of a province spread over its prefectures: every prefecture gets one before
 * any gets two, then the rest in proportion to how many counties each has.
 */
function spreadOverCities(
  tables: DivisionTables,
  rng: SeededRandom,
  province: Province,
  count: number,
): Region['cities'] {
  const byCity = new Map<string, County[]>();
  for (const county of countiesOf(tables, province.code)) {
    const list = byCity.get(county.cityCode) ?? [];
    list.push(county);
    byCity.set(county.cityCode, list);
  }
  const groups = [...byCity.entries()].map(([code, counties]) => ({ code, counties, take: 0 }));
  const available = groups.reduce((n, g) => n + g.counties.length, 0);
  let left = Math.min(count, available);
  for (const g of rng.shuffle(groups)) {
    if (left === 0) break;
    g.take = 1;
    left--;
  }
  while (left > 0) {
    // Largest share of untaken counties first; ties broken by order (deterministic).
    let best: (typeof groups)[number] | undefined;
    for (const g of groups) {
      if (g.take >= g.counties.length) continue;
      if (!best || g.counties.length / (g.take + 1) > best.counties.length / (best.take + 1)) best = g;
    }
    if (!best) break;
    best.take++;
    left--;
  }
  return groups
    .filter((g) => g.take > 0)
    .map((g) => {
      const city = tables.cityOf(g.code);
      return { city: isRealCity(city) ? city : null, counties: rng.sample(g.counties, g.take) };
    });
}
