import type { ComplaintPhoto } from '@glow/shared';
import type { Logger } from '../logger.ts';
import type { HubState } from '../store/hub-state.ts';
import type { StorePort } from '../store/store.port.ts';
import { cleanPhoto, type PhotoProblem } from './aftercare-photo.ts';

/**
 * The one owner of a client's photo on disk: it cleans an upload (aftercare-photo.ts) and writes it before any command
 * names it, removes it again when no record came to name it, and at start-up sweeps away every photo no record names
 * (what a crash between writing a photo and refusing its report leaves behind). Nothing else writes or deletes blobs.
 */
export class PhotoStore {
  constructor(
    private readonly store: Pick<StorePort, 'putBlob' | 'deleteBlob' | 'listBlobs'>,
    private readonly newId: () => string,
    private readonly logger: Logger,
  ) {}

  /** Cleans an upload and writes it durably (fsync'd before the command that names it is journaled). */
  async keep(upload: Uint8Array): Promise<ComplaintPhoto | PhotoProblem> {
    const clean = await cleanPhoto(upload);
    if (typeof clean === 'string') return clean;
    const blobId = this.newId();
    await this.store.putBlob(blobId, clean.bytes);
    return { blobId, type: 'image/jpeg', width: clean.width, height: clean.height, bytes: clean.bytes.byteLength };
  }

  /**
   * Removes a photo no record came to name (its report was refused, or a retry was answered with the first one).
   * Never throws: the answer to the client does not depend on it, and the next start-up sweep removes it anyway.
   */
  async discard(photo: ComplaintPhoto): Promise<void> {
    await this.store.deleteBlob(photo.blobId).catch((err: unknown) => {
      this.logger.warn({ err, blobId: photo.blobId }, 'an unused photo could not be removed; the start-up sweep will');
    });
  }

  /** Removes every photo that no record of `state` names; answers how many it removed. */
  async sweep(state: Readonly<Pick<HubState, 'complaints'>>): Promise<number> {
    const named = photosNamedIn(state);
    let removed = 0;
    for (const blobId of await this.store.listBlobs()) {
      if (named.has(blobId)) continue;
      await this.store.deleteBlob(blobId);
      removed++;
    }
    if (removed > 0) this.logger.info({ removed }, 'removed photos that no record names');
    return removed;
  }
}

/** The blob ids the records point to: today only a complaint's photo. */
export function photosNamedIn(state: Readonly<Pick<HubState, 'complaints'>>): Set<string> {
  const named = new Set<string>();
  for (const complaint of Object.values(state.complaints)) if (complaint.photo) named.add(complaint.photo.blobId);
  return named;
}
