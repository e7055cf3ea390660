import type { MemberEvent } from '@zhibu/shared/api';
import type { Infer } from '../../lib/Infer.ts';

/** One entry of a member's history (the shared package exports the schema only). */
export type MemberEventItem = Infer<typeof MemberEvent>;
