import { maskCitizenId } from '@zhibu/shared';
import type { Scope } from '../../access/scope.ts';
import type { ServiceContext } from '../../lib/serviceContext.ts';
import {
  ELSEWHERE_LIMIT_MESSAGE,
  elsewhereAnswersLeft,
  REGISTERED_ELSEWHERE_MESSAGE,
  recordElsewhereAnswer,
} from '../members/registeredElsewhere.ts';
import type { CellProblem } from './importReport.ts';

type IdProblem = CellProblem<'idNumber'>;

/**
 * What an import may say about rows whose person is not in the caller's scope. The first rows
 * registered elsewhere get the one-sentence answer (each counted, as for member creation); once
 * the caller's hourly allowance is used up, no row outside the scope is checked or written any
 * more, new people included, so the rest of a file (or a dry run) tells nothing about who is
 * registered where.
 */
export class ElsewhereGate {
  private left: number | null = null;
  /** Set when the allowance ran out during this import; the report says so once. */
  isLimitReached = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly scope: Scope,
  ) {}

  /** The problem for a row whose ID number is on another org's register. */
  async registeredElsewhere(row: number, idNumber: string): Promise<IdProblem> {
    this.left ??= await elsewhereAnswersLeft(this.ctx);
    if (this.left <= 0) return this.limitProblem();
    this.left -= 1;
    await recordElsewhereAnswer(this.ctx, this.scope, {
      idNumberMasked: maskCitizenId(idNumber),
      via: 'import',
      row,
    });
    return { field: 'idNumber', code: 'ID_NUMBER_TAKEN', reason: REGISTERED_ELSEWHERE_MESSAGE };
  }

  /** For a row that would add a new person: null while answers are allowed, else the limit problem. */
  newPersonProblem(): IdProblem | null {
    return this.isLimitReached ? this.limitProblem() : null;
  }

  private limitProblem(): IdProblem {
    this.isLimitReached = true;
    return { field: 'idNumber', code: 'ID_CHECK_LIMIT', reason: ELSEWHERE_LIMIT_MESSAGE };
  }
}
