/** The Background Sync tag under which the app asks the worker to flush the outbox. */
export const SYNC_TAG = 'till-outbox';
