/** Stable error codes → HTTP status and the Chinese message users see. The web app branches on codes. */
export const ERROR_TABLE = {
  /** No valid session. */
  UNAUTHENTICATED: [401, '请先登录'],
  /** Username or password wrong (never says which). */
  INVALID_CREDENTIALS: [401, '用户名或密码错误'],
  /** Too many failed logins; wait for the lock to expire or ask an administrator. */
  ACCOUNT_LOCKED: [423, '登录失败次数过多，账号已临时锁定，请稍后再试或联系管理员'],
  /** Too many failed sign-ins for this account or from this address: wait (Retry-After) and try again. */
  LOGIN_THROTTLED: [429, '登录失败次数过多，请稍后再试；如忘记密码请联系管理员'],
  /** The password was set by someone else (new account, reset): change it before doing anything else. */
  MUST_CHANGE_PASSWORD: [403, '请先修改初始密码后再继续操作'],
  /** A new password must differ from the current one. */
  PASSWORD_UNCHANGED: [400, '新密码不能与原密码相同'],
  ACCOUNT_DISABLED: [403, '账号已停用，请联系管理员'],
  /** The caller's roles do not allow the action at all. */
  FORBIDDEN: [403, '您没有执行此操作的权限'],
  /** Missing, or outside the caller's data scope: the two are indistinguishable on purpose. */
  NOT_FOUND: [404, '记录不存在或不在您的数据权限范围内'],
  VALIDATION: [400, '提交的数据有误，请检查标红的字段'],
  BAD_REQUEST: [400, '请求格式不正确'],
  /** Optimistic concurrency: someone saved the record after the caller loaded it. */
  VERSION_CONFLICT: [409, '该记录已被他人修改，请刷新后重试'],
  DUPLICATE_ID_NUMBER: [409, '该公民身份号码已在党员名册中'],
  /** The person is on the register of an org outside the caller's scope; which one is not said. */
  ID_REGISTERED_ELSEWHERE: [409, '此人已在其他党组织登记，请办理组织关系转接'],
  /** The caller has had the hour's "registered elsewhere" answers; no ID number is checked until then. */
  ID_CHECK_LIMIT: [
    429,
    '本小时核对身份号码的次数已达上限，未核对此人是否已在其他党组织登记，请稍后再试或联系上级党组织',
  ],
  DUPLICATE_USERNAME: [409, '用户名已被使用'],
  DUPLICATE_ORG_CODE: [409, '组织代码已被其他组织使用'],
  /** A unique key the service did not check first (the database refused the duplicate). */
  DUPLICATE: [409, '与已有记录重复'],
  ORG_NOT_EMPTY: [409, '该组织下还有在册党员或未撤销的下级组织，不能撤销'],
  ORG_DISSOLVED: [409, '该组织已撤销，不能再进行此操作'],
  ORG_MOVE_INVALID: [400, '不能把组织移到它自己或它的下级组织之下'],
  ORG_TYPE_NO_CHILDREN: [400, '该类型的组织不能设立下级组织'],
  /** A type change that the parent or the children do not allow (org types' child rules). */
  ORG_TYPE_CHANGE_INVALID: [409, '修改后的组织类型与上级组织或下级组织不相容'],
  MEMBER_LEFT: [409, '该党员已从名册减少，不能再进行此操作'],
  MEMBER_NOT_LEFT: [409, '该党员仍在册'],
  WRONG_PASSWORD: [400, '原密码不正确'],
  LAST_ADMIN: [409, '不能停用或移除最后一个系统管理员'],
  /** A step or record would break a regulation; the detail names the article. */
  RULE_VIOLATION: [422, '该操作不符合党内法规的规定'],
  /** Dues for that member and month are already paid in full; record a reversal first to correct. */
  DUES_ALREADY_PAID: [409, '该党员该月党费已交清'],
  /** A dues ledger entry can be reversed once; the reversal itself cannot be reversed. */
  DUES_NOT_REVERSIBLE: [409, '该笔记录已冲正或本身是冲正记录，不能再冲正'],
  /** The collection sheet covers one branch at a time; the org chosen has too many members. */
  DUES_SHEET_TOO_LARGE: [422, '所选组织党员过多，请选择具体的党支部收缴'],
  /** That citizen ID number is already in the development pipeline (in progress) or on the register. */
  DUPLICATE_APPLICANT: [409, '该公民身份号码已在发展党员名单或党员名册中'],
  /** The person's pipeline has ended (archived, withdrawn, or probation cancelled). */
  DEVELOPMENT_CLOSED: [409, '该发展党员程序已经结束'],
  /** The member already has a transfer under way; finish or cancel it first. */
  TRANSFER_PENDING: [409, '该党员已有尚未办结的组织关系转接'],
  /** The transfer is no longer pending (accepted, returned, receipted or cancelled). */
  TRANSFER_CLOSED: [409, '该组织关系转接已办结或已撤回'],
  /** The flowing-member record is closed (returned, transferred or suspended). */
  FLOWING_CLOSED: [409, '该流动党员记录已结束'],
  /** A state-changing request without a same-origin Origin (or Referer) header. */
  CSRF_REJECTED: [403, '请求来源不被允许'],
  RATE_LIMITED: [429, '请求过于频繁，请稍后再试'],
  FILE_INVALID: [400, '文件不是有效的 Excel（.xlsx）文件'],
  FILE_TOO_LARGE: [413, '文件过大'],
  PAYLOAD_TOO_LARGE: [413, '请求内容过大'],
  UNSUPPORTED_MEDIA_TYPE: [415, '不支持的内容类型'],
  INTERNAL: [500, '服务器内部错误，请稍后重试'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof ERROR_TABLE;

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The one error type of the service layer; routes turn it into problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string;
  readonly errors?: FieldError[];

  constructor(code: ErrorCode, detail?: string, errors?: FieldError[]) {
    const [status, message] = ERROR_TABLE[code];
    super(detail ?? message);
    this.code = code;
    this.status = status;
    this.detail = detail ?? message;
    this.errors = errors;
  }
}

export function validationError(errors: FieldError[]): AppError {
  return new AppError('VALIDATION', errors[0]?.message ?? undefined, errors);
}
