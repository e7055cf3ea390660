import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AddFlowingContactRequest,
  CreateInflowRequest,
  CreateOutflowRequest,
  MarkLostContactRequest,
  ReturnFlowingRequest,
  SuspendFlowingMemberRequest,
} from '@zhibu/shared/api';
import { memberKeys } from '../../members/hooks/memberKeys.ts';
import { flowingApi } from '../api/flowingApi.ts';
import { flowingKeys } from './flowingKeys.ts';

/** Writes on flowing members; suspension takes the member off the register, so members refresh too. */
export function useFlowingMutations() {
  const queryClient = useQueryClient();
  const onSettled = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: flowingKeys.all }),
      queryClient.invalidateQueries({ queryKey: memberKeys.all }),
    ]);
  };
  type WithId<B> = { id: string; body: B };
  return {
    createOut: useMutation({
      mutationFn: (body: CreateOutflowRequest) => flowingApi.createOut(body),
      onSettled,
    }),
    createIn: useMutation({
      mutationFn: (body: CreateInflowRequest) => flowingApi.createIn(body),
      onSettled,
    }),
    addContact: useMutation({
      mutationFn: ({ id, body }: WithId<AddFlowingContactRequest>) => flowingApi.addContact(id, body),
      onSettled,
    }),
    markLost: useMutation({
      mutationFn: ({ id, body }: WithId<MarkLostContactRequest>) => flowingApi.markLost(id, body),
      onSettled,
    }),
    suspend: useMutation({
      mutationFn: ({ id, body }: WithId<SuspendFlowingMemberRequest>) => flowingApi.suspend(id, body),
      onSettled,
    }),
    return: useMutation({
      mutationFn: ({ id, body }: WithId<ReturnFlowingRequest>) => flowingApi.return(id, body),
      onSettled,
    }),
  };
}
