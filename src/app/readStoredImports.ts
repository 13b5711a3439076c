import type { Incident } from '../incidents';
import type { RejectedRecord } from '../store';
import { openImportChannel, type OpenImportChannel } from './FileImport';

/** What the store holds, checked: its valid incidents (marked imported) and the records set aside. */
export interface StoredImports {
  incidents: Incident[];
  rejected: RejectedRecord[];
}

/**
 * Reads and checks every record of the IndexedDB database `store` away from the page (the import
 * worker): a store of many thousand incidents is validated without holding up the page. Rejects
 * with the worker's reason if it fails.
 */
export function readStoredImports(store: string, openChannel: OpenImportChannel = openImportChannel): Promise<StoredImports> {
  return new Promise((resolve, reject) => {
    const incidents: Incident[] = [];
    const channel = openChannel((message) => {
      if (message.type === 'incidents') incidents.push(...message.incidents);
      else if (message.type === 'loaded') {
        channel.terminate();
        resolve({ incidents, rejected: message.rejected });
      } else if (message.type === 'failed') {
        channel.terminate();
        reject(new Error(message.message));
      }
    });
    channel.post({ type: 'load', store });
  });
}
