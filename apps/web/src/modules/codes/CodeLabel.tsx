import { Tooltip } from 'antd';
import { useT } from '../../i18n/useT.ts';
import { type CodeKind, codeLabel } from './codeLabel.ts';

/** A code shown by its label, the code itself in a tooltip (for support). */
export function CodeLabel({ kind, code }: { kind: CodeKind; code: string }) {
  const t = useT();
  return (
    <Tooltip title={code}>
      <span data-code={code}>{codeLabel(t, kind, code)}</span>
    </Tooltip>
  );
}
