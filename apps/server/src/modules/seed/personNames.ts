import { type SeededRandom, WeightedTable } from './seededRandom.ts';

/**
 * Plausible Chinese personal names. Surnames follow published frequency rankings (the top 100
 * cover ≈ 85% of the population; per-mille shares rounded from the 2020 census ranking as
 * reported by the Ministry of Public Security), plus a few two-character surnames. Given names are
 * drawn from characters typical of the person's sex and birth cohort, so a woman born in 1950 is a
 * 秀英 or 桂兰 and one born in 1998 a 欣怡 or 雨萱. Groups that usually write transliterated names
 * (Uyghur, Kazakh, Tibetan, Mongolian) get names of that shape.
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71.2],
  ['李', 70.7],
  ['张', 66.3],
  ['刘', 53.8],
  ['陈', 44.8],
  ['杨', 30.8],
  ['黄', 22.3],
  ['赵', 21.4],
  ['吴', 20.5],
  ['周', 19.0],
  ['徐', 16.7],
  ['孙', 15.4],
  ['马', 14.4],
  ['朱', 13.0],
  ['胡', 11.6],
  ['郭', 11.5],
  ['何', 10.6],
  ['高', 10.0],
  ['林', 9.7],
  ['罗', 8.6],
  ['郑', 8.3],
  ['梁', 8.3],
  ['谢', 7.6],
  ['宋', 7.0],
  ['唐', 7.0],
  ['许', 6.6],
  ['韩', 6.4],
  ['冯', 6.3],
  ['邓', 6.2],
  ['曹', 6.1],
  ['彭', 6.0],
  ['曾', 5.9],
  ['肖', 5.6],
  ['田', 5.5],
  ['董', 5.4],
  ['袁', 5.1],
  ['潘', 5.1],
  ['于', 5.1],
  ['蒋', 4.9],
  ['蔡', 4.8],
  ['余', 4.7],
  ['杜', 4.5],
  ['叶', 4.4],
  ['程', 4.4],
  ['苏', 4.1],
  ['魏', 4.0],
  ['吕', 3.9],
  ['丁', 3.7],
  ['任', 3.7],
  ['沈', 3.5],
  ['姚', 3.5],
  ['卢', 3.4],
  ['姜', 3.4],
  ['崔', 3.3],
  ['钟', 3.3],
  ['谭', 3.1],
  ['陆', 3.0],
  ['汪', 2.9],
  ['范', 2.9],
  ['金', 2.8],
  ['石', 2.8],
  ['廖', 2.7],
  ['贾', 2.7],
  ['夏', 2.7],
  ['韦', 2.6],
  ['付', 2.6],
  ['方', 2.5],
  ['白', 2.5],
  ['邹', 2.5],
  ['孟', 2.4],
  ['熊', 2.4],
  ['秦', 2.4],
  ['邱', 2.4],
  ['江', 2.3],
  ['尹', 2.3],
  ['薛', 2.2],
  ['闫', 2.2],
  ['段', 2.1],
  ['雷', 2.1],
  ['侯', 2.0],
  ['龙', 2.0],
  ['史', 2.0],
  ['陶', 1.9],
  ['黎', 1.9],
  ['贺', 1.9],
  ['顾', 1.8],
  ['毛', 1.8],
  ['郝', 1.8],
  ['龚', 1.8],
  ['邵', 1.8],
  ['万', 1.7],
  ['钱', 1.7],
  ['严', 1.6],
  ['覃', 1.6],
  ['武', 1.6],
  ['戴', 1.6],
  ['莫', 1.5],
  ['孔', 1.5],
  ['向', 1.5],
  ['汤', 1.4],
  ['常', 1.4],
  ['温', 1.3],
  ['康', 1.3],
  ['施', 1.2],
  ['欧阳', 0.3],
  ['司马', 0.05],
  ['上官', 0.05],
  ['诸葛', 0.04],
  ['令狐', 0.02],
];

type Cohort = 'old' | 'middle' | 'young';

/** Characters used in given names, by sex and birth cohort (before 1960, 1960–1984, 1985 on). */
const GIVEN_CHARS: Record<'male' | 'female', Record<Cohort, string>> = {
  male: {
    old: '德福贵荣华国建军明志学文永长海春生发成保全林山宝祥义忠兴胜民庆喜振勇平玉善有金才顺和树清泉章富',
    middle: '伟强军磊勇涛斌波辉刚明杰峰超鹏建华平东亮林海宏文志永红俊国宁飞剑龙凯健锋兵新卫斌雷军洪彬',
    young: '浩宇轩子俊博杰涛鑫磊晨鹏昊然睿泽航凯旭阳帆文嘉铭豪毅哲翔志宏健亮伟晟宸奕远',
  },
  female: {
    old: '秀英兰桂芳珍玉凤梅华淑琴霞莲云翠花素金荣爱香菊丽彩月娥敏红秀兰凤芝',
    middle: '丽静敏燕艳娟霞红玲芳萍琳颖洁丹慧莉晶梅雪婷倩英华琴莹蓉薇娜红艳',
    young: '欣怡婷雪静佳梦雨思琪悦倩诗晓萱婧瑶璐雯妍颖慧洁楠敏丹璇蕾月涵彤',
  },
};

/** Whole given names that were common in a cohort (建国 for children of 1949–1950, 秀英 for decades). */
const ERA_NAMES: Record<'male' | 'female', Record<Cohort, readonly string[]>> = {
  male: {
    old: ['建国', '建军', '国庆', '建华', '援朝', '志强', '德明', '福生', '长林', '振华', '玉山', '解放'],
    middle: ['卫东', '卫国', '红兵', '建平', '志刚', '海涛', '晓东', '国强', '建伟', '文斌'],
    young: ['子豪', '浩然', '宇轩', '梓睿', '俊杰', '一鸣'],
  },
  female: {
    old: ['秀英', '桂英', '秀兰', '玉兰', '桂兰', '秀珍', '凤英', '玉珍', '淑珍', '桂芳', '玉梅', '秀云'],
    middle: ['红梅', '丽娟', '晓燕', '丽华', '春梅', '海燕', '小红', '秀梅', '建华', '晓丽'],
    young: ['欣怡', '梓涵', '诗涵', '雨萱', '可馨', '思雨', '佳怡', '子涵'],
  },
};

const UYGHUR_MALE = [
  '买买提',
  '艾力',
  '阿不都',
  '吐尔逊',
  '艾买提',
  '依明',
  '热合曼',
  '阿布来提',
  '库尔班',
  '麦麦提',
];
const UYGHUR_FEMALE = ['古丽', '阿依古丽', '热依拉', '帕提古丽', '阿米娜', '祖丽皮亚', '努尔古丽', '玛依拉'];
const KAZAKH_MALE = ['努尔兰', '叶尔兰', '别克', '达吾列提', '哈那提', '加尔肯', '吐尔逊别克'];
const KAZAKH_FEMALE = ['阿依古丽', '古丽娜尔', '加娜尔', '阿依努尔', '玛丽亚'];
const TIBETAN = [
  '扎西',
  '次仁',
  '多吉',
  '卓玛',
  '央金',
  '平措',
  '索朗',
  '格桑',
  '拉姆',
  '旦增',
  '达瓦',
  '尼玛',
  '曲珍',
  '顿珠',
  '白玛',
  '德吉',
];
const TIBETAN_FEMALE_END = ['卓玛', '央金', '拉姆', '曲珍', '德吉', '措姆'];
const MONGOL_MALE = ['巴特尔', '额尔敦', '朝鲁', '苏和', '宝音', '图雅', '那顺', '孟和', '巴雅尔', '乌力吉'];
const MONGOL_FEMALE = ['其其格', '萨仁', '斯琴', '乌云', '娜仁', '高娃', '图雅', '琪琪格'];

const surnameTable = new WeightedTable(SURNAMES);

export function cohortOf(birthYear: number): Cohort {
  if (birthYear < 1960) return 'old';
  if (birthYear < 1985) return 'middle';
  return 'young';
}

/** One plausible name for a person of this sex, birth year and ethnicity (GB/T 3304 code). */
export function generatePersonName(
  rng: SeededRandom,
  person: { gender: 'male' | 'female'; birthYear: number; ethnicity?: string | null },
): string {
  const { gender } = person;
  switch (person.ethnicity) {
    case '05':
      return gender === 'male'
        ? `${rng.pick(UYGHUR_MALE)}·${rng.pick(UYGHUR_MALE)}`
        : `${rng.pick(UYGHUR_FEMALE)}·${rng.pick(UYGHUR_MALE)}`;
    case '17':
      return gender === 'male'
        ? `${rng.pick(KAZAKH_MALE)}·${rng.pick(KAZAKH_MALE)}`
        : `${rng.pick(KAZAKH_FEMALE)}·${rng.pick(KAZAKH_MALE)}`;
    case '04':
      return gender === 'male'
        ? `${rng.pick(TIBETAN)}${rng.pick(['多吉', '次仁', '平措', '顿珠', '旺堆', '罗布'])}`
        : `${rng.pick(TIBETAN)}${rng.pick(TIBETAN_FEMALE_END)}`;
    case '02':
      // Many Mongolian members use a Han-style name; the rest a Mongolian one, often without surname.
      if (rng.chance(0.5)) return rng.pick(gender === 'male' ? MONGOL_MALE : MONGOL_FEMALE);
      break;
  }
  return `${surnameTable.pick(rng)}${givenName(rng, gender, cohortOf(person.birthYear))}`;
}

function givenName(rng: SeededRandom, gender: 'male' | 'female', cohort: Cohort): string {
  if (rng.chance(0.12)) return rng.pick(ERA_NAMES[gender][cohort]);
  const chars = GIVEN_CHARS[gender][cohort];
  const single = cohort === 'old' ? 0.22 : cohort === 'middle' ? 0.38 : 0.2;
  const first = chars.charAt(rng.int(0, chars.length - 1));
  if (rng.chance(single)) return first;
  // Doubled characters (婷婷, 丹丹) are a female habit; otherwise two different characters.
  if (gender === 'female' && cohort !== 'old' && rng.chance(0.06)) return first + first;
  let second = chars.charAt(rng.int(0, chars.length - 1));
  while (second === first) second = chars.charAt(rng.int(0, chars.length - 1));
  return first + second;
}
