/**
 * Documents cited by the branch, term, dues and status rules, with the day each took effect
 * (`from`, a rule's default `effectiveFrom`). DOMAIN.md §2 gives the articles; where it gives none
 * (B1–B3) the article was read from the published text and the rule says so:
 * 支部工作条例（试行） 第四条 (3+ full members → 党支部; generally ≤ 50 members), 第五条 (fewer than 3
 * → 联合党支部, ≤ 5 units), 第二十条 (7+ full members → 支委会 of 3–5, ≤ 7; fewer → a secretary);
 * 机关基层组织工作条例 第五条 (100+ → 基层委员会), 第六条 (50–100 → 总支), 第七条 (机关 branches).
 */
export const RULE_DOCUMENTS = {
  /** 印发 2018-10-28. */
  branchRegulation: { name: '中国共产党支部工作条例（试行）', from: '2018-10-28' },
  /** The 2019 revision; day not verified (its articles 第五、六条 were). */
  stateOrgansRegulation: { name: '中国共产党党和国家机关基层组织工作条例', from: '2019-12-01' },
  /** As amended by the 20th Congress, 2022-10-22. */
  constitution: { name: '中国共产党章程', from: '2022-10-22' },
  /** 中共中央办公厅, 2018-07-12, in force on issue. */
  termOpinion: { name: '关于党的基层组织任期的意见', from: '2018-07-12' },
  /** 中共中央 2020-07-13, in force on issue. */
  electionRegulation: { name: '中国共产党基层组织选举工作条例', from: '2020-07-13' },
  /** Issued May 2019 (published 2019-05-21); day of issue not verified. */
  memberRegulation: { name: '中国共产党党员教育管理工作条例', from: '2019-05-06' },
  /** 中组发〔2008〕3号, 第三十二条: in force from 2008-04-01. */
  duesRegulation: { name: '关于中国共产党党费收缴、使用和管理的规定', from: '2008-04-01' },
} as const;
