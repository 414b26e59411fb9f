import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import QRCode from 'qrcode';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './chromium.mjs';

/**
 * A camera for the kiosk's "Scan my booking QR" in headless Chromium: a Y4M video whose every frame shows a QR code,
 * fed to the page as its camera (Chromium's fake capture device), the way a client holds up their phone.
 */

const WIDTH = 640;
const HEIGHT = 480;

/** Writes a Y4M (4:2:0) of `frames` identical frames showing `text` as a QR code: black modules on white. */
export async function writeQrVideo(text: string, file: string, frames = 4): Promise<string> {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor(Math.min(WIDTH, HEIGHT) / (size + 2 * quiet));
  const left = Math.floor((WIDTH - size * scale) / 2);
  const top = Math.floor((HEIGHT - size * scale) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235); // video white
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let y = 0; y < scale; y++) luma.fill(16, (top + r * scale + y) * WIDTH + left + c * scale, (top + r * scale + y) * WIDTH + left + (c + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128); // no colour
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  await writeFile(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
  return file;
}

/** A Chromium whose camera shows the given Y4M file, with the permission prompt answered yes. */
export async function launchWithCamera(videoFile: string): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  return chromium.launch({
    executablePath,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${videoFile}`,
    ],
  });
}

export const qrVideoPath = (dir: string, name: string) => join(dir, `${name}.y4m`);
