import type { ProblemDto } from '@unionflow/contracts';

/** A failed API call: the HTTP status (0 when the network failed) and the problem+json body's human-readable detail. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly code: string | undefined;
  readonly errors: ProblemDto['errors'];
  /** The open case a conflict is about (a household's open file), to link to. */
  readonly existingCase: ProblemDto['existingCase'];

  constructor(problem: {
    status: number;
    title: string;
    detail: string;
    code?: string;
    errors?: ProblemDto['errors'];
    existingCase?: ProblemDto['existingCase'];
  }) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.code = problem.code;
    this.errors = problem.errors;
    this.existingCase = problem.existingCase;
  }

  /** True when the request never reached the server. */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

/** Builds an ApiError from whatever an error response carried, preferring problem+json fields. */
export function toApiError(status: number, statusText: string, body: unknown): ApiError {
  if (body && typeof body === 'object') {
    const p = body as Partial<ProblemDto> & { message?: string };
    const detail = p.detail ?? p.message ?? p.title ?? statusText;
    return new ApiError({
      status,
      title: p.title ?? statusText,
      detail: String(detail),
      code: p.code,
      errors: p.errors,
      existingCase: p.existingCase,
    });
  }
  return new ApiError({
    status,
    title: statusText || `HTTP ${status}`,
    detail: statusText || `HTTP ${status}`,
  });
}
