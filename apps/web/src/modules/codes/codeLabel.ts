import type { MessageKey } from '../../i18n/MessageKey.ts';
import type { TFunction } from '../../i18n/TFunction.ts';
import { zhCN } from '../../i18n/zh-CN.ts';

/** Kinds of machine code that reach the interface, each with its own catalogue prefix. */
export type CodeKind = 'auditAction' | 'entityType' | 'importCode';

/** The catalogue key of a code, or null when the catalogue does not know it. */
export function codeLabelKey(kind: CodeKind, code: string): MessageKey | null {
  const key = `${kind}.${code}`;
  return key in zhCN ? (key as MessageKey) : null;
}

/** The code's label in the interface language; an unknown code reads "其他（code）". */
export function codeLabel(t: TFunction, kind: CodeKind, code: string): string {
  const key = codeLabelKey(kind, code);
  return key ? t(key) : t('label.otherCode', { code });
}

/** Every code of a kind the catalogue knows, for filters. */
export function knownCodes(kind: CodeKind): string[] {
  const prefix = `${kind}.`;
  return Object.keys(zhCN)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));
}
