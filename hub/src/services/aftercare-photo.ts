/**
 * sharp (libvips, a native module) is loaded with the first photo, not at every start: loading it and its version
 * checks cost ~0.3–0.5 s of a cold start on a loaded machine (#15, profiled), and most starts never see a photo.
 */
let sharpModule: Promise<typeof import('sharp')> | null = null;
const loadSharp = async () => (await (sharpModule ??= import('sharp'))).default;

/** The largest photo a client may send from the report form (before re-encoding). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Decoded size cap: a small file can still claim a gigantic canvas (a decompression bomb). */
const MAX_INPUT_PIXELS = 40_000_000;
/** What is kept: enough for staff to see a rash, small enough for a tablet. */
const MAX_SIDE = 1600;
/** Formats a phone camera or gallery gives; decided from the bytes, never from the file name or the browser's type. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif', 'gif']);

export type CleanPhoto = { bytes: Uint8Array; width: number; height: number };
export type PhotoProblem = 'photo_too_large' | 'photo_not_image';

/**
 * Turns whatever a client uploaded into a plain JPEG: the content must decode as one of the accepted image formats,
 * it is turned upright by its EXIF orientation and then re-encoded by libvips (sharp), which writes no metadata unless
 * asked to — so EXIF (GPS position, camera, time), XMP and IPTC never reach the disk.
 */
export async function cleanPhoto(input: Uint8Array): Promise<CleanPhoto | PhotoProblem> {
  if (input.byteLength > MAX_PHOTO_BYTES) return 'photo_too_large';
  if (input.byteLength === 0) return 'photo_not_image';
  // Outside the try: a hub whose sharp cannot load says so, rather than calling every photo 'not an image'.
  const sharp = await loadSharp();
  try {
    const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false });
    const meta = await image.metadata();
    if (!meta.format || !ACCEPTED.has(meta.format)) return 'photo_not_image';
    const { data, info } = await image
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
  } catch {
    // Not decodable as an image (a PDF renamed .jpg, a truncated file, too many pixels).
    return 'photo_not_image';
  }
}
