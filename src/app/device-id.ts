// The id of this browser install, made once and kept. (The register's local store keeps it
// in IndexedDB as well; localStorage lets sign-in work before that exists.)
import { uuidv7 } from '../shared/uuidv7';

const KEY = 'till.deviceId';

export function deviceId(storage: Storage = localStorage): string {
  const existing = storage.getItem(KEY);
  if (existing) return existing;
  const made = uuidv7();
  storage.setItem(KEY, made);
  return made;
}
