import type { TillData } from './till-data';
import { downloadJson } from './download-json';

/** A manager's export of everything not yet on the server, as a JSON file. */
export async function exportPending(data: TillData): Promise<void> {
  const file = await data.exportPending();
  const stamp = file.exportedAt.replace(/[:.]/g, '-');
  downloadJson(`till-pending-${stamp}.json`, file);
}
