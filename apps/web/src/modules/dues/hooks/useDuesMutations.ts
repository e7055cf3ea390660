import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CollectDuesRequest,
  RecordDuesPaymentRequest,
  ReverseDuesPaymentRequest,
  SetDuesProfileRequest,
  SetDuesProfilesRequest,
} from '@zhibu/shared/api';
import { duesApi } from '../api/duesApi.ts';
import { duesKeys } from './duesKeys.ts';

/** Every dues write; each refreshes the dues views and the warnings (which read the ledger). */
export function useDuesMutations() {
  const queryClient = useQueryClient();
  const onSettled = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: duesKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['warnings'] }),
    ]);
  };
  return {
    setProfile: useMutation({
      mutationFn: ({ memberId, body }: { memberId: string; body: SetDuesProfileRequest }) =>
        duesApi.setProfile(memberId, body),
      onSettled,
    }),
    setProfiles: useMutation({
      mutationFn: (body: SetDuesProfilesRequest) => duesApi.setProfiles(body),
      onSettled,
    }),
    collect: useMutation({ mutationFn: (body: CollectDuesRequest) => duesApi.collect(body), onSettled }),
    pay: useMutation({ mutationFn: (body: RecordDuesPaymentRequest) => duesApi.pay(body), onSettled }),
    reverse: useMutation({
      mutationFn: ({ paymentId, body }: { paymentId: string; body: ReverseDuesPaymentRequest }) =>
        duesApi.reverse(paymentId, body),
      onSettled,
    }),
  };
}
