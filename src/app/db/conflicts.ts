// The conflict inbox: fields both sides changed since they last agreed. The merge already
// picked a winner; a manager reviews these in the sync center.
import type { TillDb } from './database';
import type { LocalConflict } from './records';

export function listConflicts(db: TillDb): Promise<LocalConflict[]> {
  return db.conflicts.toArray();
}

export function conflictsOf(db: TillDb, recordId: string): Promise<LocalConflict[]> {
  return db.conflicts.where('recordId').equals(recordId).toArray();
}

export async function dismissConflict(db: TillDb, id: string): Promise<void> {
  await db.conflicts.delete(id);
}
