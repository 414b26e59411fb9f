import { DATA_VERSION } from './migrations/index.ts';
import { StoreError } from './store.port.ts';

/** The manifest format this hub writes: 2 since the manifest records the data version. */
export const FORMAT_VERSION = 2;

/**
 * A manifest as read, before its schema check: one written by an older hub is brought to the current format (format
 * 1 had no data version: its data is version 0, before any migration), and one written by a newer Glow is refused
 * with a message that says so, never read as damage or, worse, as data this hub understands.
 */
export function upgradeManifest(raw: unknown, file: string, dir: string): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const manifest = raw as Record<string, unknown>;
  const format = manifest['formatVersion'];
  const data = manifest['dataVersion'];
  if ((typeof format === 'number' && format > FORMAT_VERSION) || (typeof data === 'number' && data > DATA_VERSION)) {
    throw new StoreError(
      'newer',
      `The data in ${dir} was written by a newer version of Glow (${file}: format ${String(format)}, data version ` +
        `${String(data ?? 'none')}; this Glow reads format ${FORMAT_VERSION}, data version ${DATA_VERSION} or older). ` +
        'Start the newer Glow again, or restore a backup made with this version (see README "Backups").',
    );
  }
  if (format === 1 && !('dataVersion' in manifest)) return { ...manifest, formatVersion: FORMAT_VERSION, dataVersion: 0 };
  return raw;
}
