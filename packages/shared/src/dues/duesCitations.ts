/** The document every dues rule comes from (shared/DOMAIN.md P1–P4). */
export const DUES_DOCUMENT = '关于中国共产党党费收缴、使用和管理的规定';

/** A regulation and article, as shown with warnings, refusals and computed standards. */
export interface DuesCitation {
  document: string;
  article: string;
}

// Articles as DOMAIN.md §2 gives them for 中组发〔2008〕3号.
export const DUES_CITATIONS = {
  /** P1: employed, base = monthly wage after tax, banded rates; annual salary = actual monthly pay. */
  employed: { document: DUES_DOCUMENT, article: '第一、二条' },
  /** P2: retired, base = pension. */
  retired: { document: DUES_DOCUMENT, article: '第五条' },
  /** P3: farmers, students, unemployed, relief recipients: fixed monthly amounts. */
  fixed: { document: DUES_DOCUMENT, article: '第六条' },
  /** P3: hardship: reduced or waived by branch decision and higher approval. */
  hardship: { document: DUES_DOCUMENT, article: '第七条' },
  /** P4: probationary members pay from admission. */
  probationary: { document: DUES_DOCUMENT, article: '第八条' },
  /** P4: voluntary extra payment of 1000 元 or more at once goes entirely to the Centre. */
  extraToCentre: { document: DUES_DOCUMENT, article: '第十一条' },
  /** P4: paid monthly (quarterly with consent); back-payment normally at most 6 months. */
  backPayment: { document: DUES_DOCUMENT, article: '第十二条' },
  /** P4: 6 consecutive months unpaid without good reason → treated as 自行脱党. */
  lapse: { document: DUES_DOCUMENT, article: '第十三条' },
} as const satisfies Record<string, DuesCitation>;

export function duesCitationText(c: DuesCitation): string {
  return `《${c.document}》${c.article}`;
}
