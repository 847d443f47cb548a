/** One validation failure inside a request: where it is and what is wrong. */
export interface FieldError {
  path: string;
  message: string;
}

/** An error the client caused or should know about; rendered as problem+json by the error handler. */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[] | undefined;
  /** Extra response headers (for example Retry-After). */
  readonly headers: Record<string, string>;
  /** Extra problem members (RFC 9457 extensions), for example the case a conflict is about. */
  readonly extensions: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    detail: string,
    options: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(detail);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }
}

/** HTTP reason phrases used as problem titles. */
export const problemTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** 400: the request is malformed or a field is invalid. */
export function badRequest(detail: string, errors?: FieldError[]): AppError {
  return new AppError(400, 'bad-request', detail, { errors });
}

/** 401: not signed in (or the session has expired). */
export function unauthorized(detail = '请先登录 / please sign in'): AppError {
  return new AppError(401, 'unauthorized', detail);
}

/** 403: signed in but not allowed. */
export function forbidden(detail = '无权执行此操作 / you are not allowed to do this'): AppError {
  return new AppError(403, 'forbidden', detail);
}

/** 404: the thing does not exist, or the caller may not know it exists. */
export function notFound(detail: string): AppError {
  return new AppError(404, 'not-found', detail);
}

/** 409: the request conflicts with the current state. */
export function conflict(detail: string): AppError {
  return new AppError(409, 'conflict', detail);
}

/** 422: well-formed but semantically wrong (business rule violated). */
export function unprocessable(detail: string, errors?: FieldError[]): AppError {
  return new AppError(422, 'unprocessable', detail, { errors });
}

/** 429: slow down; `retryAfterSeconds` becomes the Retry-After header. */
export function tooManyRequests(
  detail = '请求过于频繁，请稍后再试 / too many requests, try again later',
  retryAfterSeconds?: number,
): AppError {
  const headers: Record<string, string> =
    retryAfterSeconds === undefined
      ? {}
      : { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) };
  return new AppError(429, 'too-many-requests', detail, { headers });
}

/** 503: a dependency is down or the process is overloaded. */
export function serviceUnavailable(detail: string, retryAfterSeconds = 10): AppError {
  return new AppError(503, 'service-unavailable', detail, {
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
}
