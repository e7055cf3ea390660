import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CreateApplicantRequest,
  GrantAdmissionAuthorityRequest,
  RecordStepRequest,
  ResumeProbationRequest,
  WithdrawApplicantRequest,
} from '@zhibu/shared/api';
import { memberKeys } from '../../members/hooks/memberKeys.ts';
import { developmentApi } from '../api/developmentApi.ts';
import { developmentKeys } from './developmentKeys.ts';

/** Writes of the pipeline; each refreshes the board, the lists and the register (approval adds a member). */
export function useDevelopmentMutations() {
  const queryClient = useQueryClient();
  const onSettled = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: developmentKeys.all }),
      queryClient.invalidateQueries({ queryKey: memberKeys.all }),
    ]);
  };
  return {
    create: useMutation({
      mutationFn: (body: CreateApplicantRequest) => developmentApi.create(body),
      onSettled,
    }),
    resume: useMutation({
      mutationFn: (body: ResumeProbationRequest) => developmentApi.resume(body),
      onSettled,
    }),
    recordStep: useMutation({
      mutationFn: ({ id, body }: { id: string; body: RecordStepRequest }) =>
        developmentApi.recordStep(id, body),
      onSettled,
    }),
    withdraw: useMutation({
      mutationFn: ({ id, body }: { id: string; body: WithdrawApplicantRequest }) =>
        developmentApi.withdraw(id, body),
      onSettled,
    }),
    grant: useMutation({
      mutationFn: ({ orgId, body }: { orgId: string; body: GrantAdmissionAuthorityRequest }) =>
        developmentApi.grant(orgId, body),
      onSettled,
    }),
    revoke: useMutation({ mutationFn: (orgId: string) => developmentApi.revoke(orgId), onSettled }),
  };
}
