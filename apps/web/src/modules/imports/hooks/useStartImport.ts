import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportKind, ImportMode } from '@zhibu/shared/api';
import { memberKeys } from '../../members/hooks/memberKeys.ts';
import { orgKeys } from '../../orgs/hooks/orgKeys.ts';
import { importsApi } from '../api/importsApi.ts';

/** Uploads a workbook and starts an import job. */
export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, mode, file }: { kind: ImportKind; mode: ImportMode; file: File }) =>
      importsApi.start(kind, mode, file),
    onSuccess: (_job, { kind }) =>
      queryClient.invalidateQueries({ queryKey: kind === 'orgs' ? orgKeys.all : memberKeys.all }),
  });
}
