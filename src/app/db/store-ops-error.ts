// Why a store operation was refused on the register: a closed vocabulary the screens turn into
// words. Nothing was stored when one of these is thrown.
export type StoreOpsErrorKind =
  'NoOpenShift' | 'ShiftAlreadyOpen' | 'NeedsManager' | 'RefundTooMany' | 'NotFound' | 'Invalid';

export class StoreOpsError extends Error {
  override name = 'StoreOpsError';
  constructor(
    readonly kind: StoreOpsErrorKind,
    message: string,
  ) {
    super(message);
  }
}
