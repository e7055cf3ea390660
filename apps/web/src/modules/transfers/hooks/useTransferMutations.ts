import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptTransferRequest,
  CancelTransferRequest,
  CreateOutgoingLetterRequest,
  CreateTransferRequest,
  RecordReceiptRequest,
  RegisterIncomingLetterRequest,
  ReturnTransferRequest,
} from '@zhibu/shared/api';
import { memberKeys } from '../../members/hooks/memberKeys.ts';
import { orgKeys } from '../../orgs/hooks/orgKeys.ts';
import { transfersApi } from '../api/transfersApi.ts';
import { transferKeys } from './transferKeys.ts';

/** Writes on transfers; acceptance and receipts change the register, so members and org counts refresh too. */
export function useTransferMutations() {
  const queryClient = useQueryClient();
  const onSettled = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: transferKeys.all }),
      queryClient.invalidateQueries({ queryKey: memberKeys.all }),
      queryClient.invalidateQueries({ queryKey: orgKeys.all }),
    ]);
  };
  type WithId<B> = { id: string; body: B };
  return {
    create: useMutation({
      mutationFn: (body: CreateTransferRequest) => transfersApi.create(body),
      onSettled,
    }),
    createOut: useMutation({
      mutationFn: (body: CreateOutgoingLetterRequest) => transfersApi.createOut(body),
      onSettled,
    }),
    registerIn: useMutation({
      mutationFn: (body: RegisterIncomingLetterRequest) => transfersApi.registerIn(body),
      onSettled,
    }),
    accept: useMutation({
      mutationFn: ({ id, body }: WithId<AcceptTransferRequest>) => transfersApi.accept(id, body),
      onSettled,
    }),
    return: useMutation({
      mutationFn: ({ id, body }: WithId<ReturnTransferRequest>) => transfersApi.return(id, body),
      onSettled,
    }),
    receipt: useMutation({
      mutationFn: ({ id, body }: WithId<RecordReceiptRequest>) => transfersApi.receipt(id, body),
      onSettled,
    }),
    cancel: useMutation({
      mutationFn: ({ id, body }: WithId<CancelTransferRequest>) => transfersApi.cancel(id, body),
      onSettled,
    }),
  };
}
