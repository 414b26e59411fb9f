import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanPhoto, MAX_PHOTO_BYTES } from './aftercare-photo.ts';

/** A real JPEG carrying EXIF with a GPS position and a camera make, built here so the test owns its input. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 130 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'GlowTestCam', Model: 'Secret Model' },
      // GPS IFD (tag 34853): latitude 51° 30' N, longitude 0° 7' W.
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .toBuffer();
}

const GPS_POINTER = Buffer.from([0x25, 0x88]);

describe('cleanPhoto', () => {
  it('re-encodes a JPEG and drops its EXIF, GPS position included', async () => {
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(before.exif!.includes(Buffer.from('GlowTestCam'))).toBe(true);
    // The GPS IFD pointer (tag 0x8825, little-endian as libexif writes it) is there before...
    expect(before.exif!.includes(GPS_POINTER)).toBe(true);

    const clean = await cleanPhoto(input);
    if (typeof clean === 'string') throw new Error(clean);
    const after = await sharp(clean.bytes).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(Buffer.from(clean.bytes).includes(Buffer.from('GlowTestCam'))).toBe(false);
    expect(Buffer.from(clean.bytes).includes(Buffer.from('Exif'))).toBe(false);
    // ...and nowhere after.
    expect(Buffer.from(clean.bytes).includes(GPS_POINTER)).toBe(false);
    expect([clean.width, clean.height]).toEqual([64, 48]);
  });

  it('accepts a PNG by its content, whatever it was called', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 4, background: '#00000000' } }).png().toBuffer();
    const clean = await cleanPhoto(png);
    expect(typeof clean).toBe('object');
  });

  it('refuses what is not an image, and what is too large, before decoding anything', async () => {
    expect(await cleanPhoto(new TextEncoder().encode('%PDF-1.7 not a photo'))).toBe('photo_not_image');
    expect(await cleanPhoto(new Uint8Array(0))).toBe('photo_not_image');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(await cleanPhoto(svg)).toBe('photo_not_image');
    const truncated = (await jpegWithGps()).subarray(0, 200);
    expect(await cleanPhoto(truncated)).toBe('photo_not_image');
    expect(await cleanPhoto(new Uint8Array(MAX_PHOTO_BYTES + 1))).toBe('photo_too_large');
  });
});
