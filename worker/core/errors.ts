// The errors services throw. They never build responses: app.ts's one onError turns each into
// the contract's envelope { error: { code, message, fields?, current?, rows? } }.

export type ErrorCode =
  | 'validation_failed'
  | 'bad_request'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'account_inactive'
  | 'password_change_required'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_transition'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal'

export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export class ValidationFailed extends AppError {
  constructor(fields: Record<string, string>, message = '提交的内容有误，请按提示修改') {
    super(400, 'validation_failed', message, { fields })
  }
}
export class BadRequest extends AppError {
  constructor(message = '请求格式不正确') {
    super(400, 'bad_request', message)
  }
}
export class Unauthenticated extends AppError {
  constructor(message = '请先登录') {
    super(401, 'unauthenticated', message)
  }
}
export class InvalidCredentials extends AppError {
  constructor() {
    super(401, 'invalid_credentials', '手机号或密码不正确')
  }
}
export class InvalidActivationCode extends AppError {
  constructor() {
    super(401, 'invalid_credentials', '手机号或开通码不正确，请按开通通知单核对')
  }
}

/** The right password for an account staff have ended (停用). */
export class AccountInactive extends AppError {
  constructor() {
    super(403, 'account_inactive', '该账号已停用，不能登录。如需恢复，请联系本级人大常委会工作人员')
  }
}
export class Forbidden extends AppError {
  constructor(message = '您没有权限进行此操作') {
    super(403, 'forbidden', message)
  }
}
export class PasswordChangeRequired extends AppError {
  constructor() {
    super(403, 'password_change_required', '首次登录请先修改密码')
  }
}
export class NotFound extends AppError {
  constructor(message = '记录不存在或您无权查看') {
    super(404, 'not_found', message)
  }
}
export class Conflict extends AppError {
  constructor(message = '该记录已被他人修改，请查看最新内容后再操作', current?: unknown) {
    super(409, 'conflict', message, current === undefined ? {} : { current })
  }
}
export class InvalidTransition extends AppError {
  constructor(message = '当前状态下不能进行此操作', current?: unknown) {
    super(409, 'invalid_transition', message, current === undefined ? {} : { current })
  }
}
export class RateLimited extends AppError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', message)
  }
}
/** The database is held by another process (a backup, an admin command) past the wait: try again soon. */
export class Unavailable extends AppError {
  constructor(readonly retryAfterSeconds = 2) {
    super(503, 'unavailable', '系统正忙（数据库维护中），请稍后重试，已填写的内容不会丢失')
  }
}
