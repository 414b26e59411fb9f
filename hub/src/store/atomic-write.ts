import path from 'node:path';
import { writeFully, type StoreFs } from './store-fs.ts';

let tempCounter = 0;

/**
 * Writes `bytes` to `file` so that a crash at any instant leaves the old file or the new one, never half of one: a
 * 0600 temp file beside the target (same directory, so the rename cannot cross filesystems and stays atomic), fsync,
 * rename over the target, fsync the directory so the rename itself is durable. When it resolves, the file is on disk.
 * A crash before the rename leaves a temp file that isTempFileName (durable-json-file.ts) recognises.
 */
export async function writeFileAtomically(fs: StoreFs, file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${++tempCounter}.tmp`);
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await writeFully(handle, bytes, 0);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => {});
    await fs.unlink(temp).catch(() => {});
    throw err;
  }
  await handle.close();
  try {
    await fs.rename(temp, file);
  } catch (err) {
    await fs.unlink(temp).catch(() => {});
    throw err;
  }
  await fs.syncDir(dir);
}
