// The closed list of failures the data layer reports to the screens, each shown in words:
// the browser's storage is full, the local store is not ready (no register or catalog yet),
// unsynced work blocks a wipe, or something else went wrong (nothing was saved).
export type TillDataErrorKind = 'StorageFull' | 'NotReady' | 'Unsynced' | 'Failed';

export class TillDataError extends Error {
  override name = 'TillDataError';
  constructor(
    readonly kind: TillDataErrorKind,
    message: string,
  ) {
    super(message);
  }
}
