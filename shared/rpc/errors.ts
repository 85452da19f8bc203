import { z } from 'zod';

/**
 * The one error shape that crosses the wire, whatever the transport.
 * `data` carries machine-readable detail, e.g. per-field issues for INVALID_PARAMS.
 */
export const rpcErrorCodes = [
  'UNAUTHORIZED',
  'BAD_MESSAGE',
  'UNKNOWN_METHOD',
  'INVALID_PARAMS',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'TIMEOUT',
  'INTERNAL',
] as const;
export type RpcErrorCode = (typeof rpcErrorCodes)[number];

export const fieldIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const rpcErrorSchema = z.object({
  code: z.enum(rpcErrorCodes),
  message: z.string(),
  data: z.unknown().optional(),
});
export type RpcErrorShape = z.infer<typeof rpcErrorSchema>;

/** Thrown by handlers and rejected by the client; serialises to {@link RpcErrorShape}. */
export class RpcError extends Error {
  readonly code: RpcErrorCode;
  readonly data: unknown;

  constructor(code: RpcErrorCode, message: string, data?: unknown) {
    super(message);
    this.name = 'RpcError';
    this.code = code;
    this.data = data;
  }

  static fromShape(shape: RpcErrorShape): RpcError {
    return new RpcError(shape.code, shape.message, shape.data);
  }

  /** Field issues when this is an INVALID_PARAMS error, else an empty list. */
  get issues(): FieldIssue[] {
    const parsed = z.object({ issues: z.array(fieldIssueSchema) }).safeParse(this.data);
    return parsed.success ? parsed.data.issues : [];
  }

  toShape(): RpcErrorShape {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }
}

/** Turns a zod failure into INVALID_PARAMS with one issue per field. */
export function invalidParams(error: z.ZodError, what: string): RpcError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    code: issue.code,
    message: issue.message,
  }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return new RpcError('INVALID_PARAMS', `Invalid ${what}${where}: ${first?.message ?? 'rejected'}`, {
    issues,
  });
}
