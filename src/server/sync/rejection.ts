// A permanent refusal of one mutation. Thrown by the appliers, caught by apply-mutation, which
// rolls the mutation's writes back, stores the rejection (the id is spent) and answers it.
import type { MutationErrorKind } from '../../shared/api/mutation-error';

export class MutationRejection extends Error {
  override name = 'MutationRejection';
  constructor(
    readonly kind: MutationErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function reject(kind: MutationErrorKind, message: string, details?: unknown): never {
  throw new MutationRejection(kind, message, details);
}

/**
 * Database errors that bad data (not a bad server) causes: SQLSTATE class 22 (data exception:
 * a NUL in a string, a date out of range, a number too large) and 23 (integrity: a unique id
 * taken, a reference missing). Such a mutation is rejected; anything else stays a 5xx.
 */
export function rejectionFromDatabase(err: unknown): MutationRejection | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === '23505') {
    const constraint = (err as { constraint?: unknown }).constraint;
    return new MutationRejection(
      'Conflict',
      `It conflicts with a record already stored (${typeof constraint === 'string' ? constraint : 'unique'}).`,
    );
  }
  if (code === '23503') return new MutationRejection('NotFound', 'It refers to something unknown.');
  if (code.startsWith('22') || code.startsWith('23')) {
    return new MutationRejection('InvalidMutation', 'It holds a value the database cannot store.');
  }
  return null;
}
