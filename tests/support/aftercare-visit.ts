import sharp from 'sharp';
import { connectKiosk, expectOk, send, type StaffSocket, type TestHub } from './hub-harness.ts';
import { kioskCheckIn } from './kiosk-check-in.ts';

/** The demo client of the aftercare tests, with everything the page must NOT show. */
export const LINA = { firstName: 'Lina', lastName: 'Zhou', phone: '138 0013 8000', birthday: '1990-04-12' } as const;
/** Consultation answers for the demo facial: none of this may reach the client's page. */
export const FACIAL_ANSWERS = { pregnant: true, isotretinoin: false, sunburn: false, concerns: ['acne'] } as const;

export const AFTERCARE = {
  notes: 'Your cheeks were a little dry: add one drop of serum to your evening cream.',
  homeProducts: [{ name: 'Rose Barrier Cream', howToUse: 'A pea-sized amount morning and evening on clean skin.' }],
  productsUsed: ['Camellia Cleansing Milk', 'Rice Enzyme Mask'],
};

/**
 * One client through the whole visit, driven from a desk tablet (front desk and manager may act on any visit): the
 * kiosk check-in with consultation answers, an agreed plan with the products used, the session, and the close with
 * aftercare notes and home products. Returns the aftercare link's path.
 */
export async function closedFacial(t: TestHub, desk: StaffSocket, client: { firstName: string; lastName: string; phone: string } = LINA) {
  const kiosk = await connectKiosk(t.url);
  const ticket = expectOk(
    await send(kiosk.socket, 'visit:checkIn', kioskCheckIn({
      client: { firstName: client.firstName, lastName: client.lastName, phone: client.phone },
      serviceId: 'facial-classic',
      language: 'en',
      answers: { ...FACIAL_ANSWERS, concerns: [...FACIAL_ANSWERS.concerns] },
    })),
  );
  kiosk.socket.disconnect();
  const visitId = ticket.visitId;
  const visit = t.hub.core.engine.state.visits[visitId]!;
  // The birthday is asked at the kiosk; set it here so that the test can prove the page never shows it.
  const stored = t.hub.core.engine.state.clients[visit.clientId]!;
  (stored as { birthday?: string | null }).birthday = LINA.birthday;
  if (visit.state === 'queued') {
    expectOk(await send(desk, 'visit:assign', { visitId, roomId: 'room-1', staffId: 'mei' }));
  }
  const plan = expectOk(
    await send(desk, 'plan:update', {
      visitId,
      plan: { serviceIds: ['facial-classic'], products: AFTERCARE.productsUsed, durationMin: 60 },
    }),
  );
  expectOk(await send(desk, 'plan:confirm', { visitId, planVersion: plan.version }));
  expectOk(await send(desk, 'visit:start', { visitId }));
  expectOk(await send(desk, 'visit:finish', { visitId }));
  const closed = expectOk(
    await send(desk, 'visit:close', {
      visitId,
      rating: { csat: 5 },
      aftercare: { notes: AFTERCARE.notes, homeProducts: AFTERCARE.homeProducts },
    }),
  );
  return { visitId, clientId: visit.clientId, path: closed.aftercarePath, url: closed.aftercareUrl, expiresAt: closed.expiresAt };
}

/** A real JPEG carrying EXIF with a GPS position and a camera make: what a phone camera sends. */
export function jpegWithGps(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 214, g: 120, b: 128 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'GlowTestCam', Model: 'Secret Model' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .toBuffer();
}

/** The GPS IFD pointer tag (0x8825) as libexif writes it (little-endian). */
export const GPS_POINTER = Buffer.from([0x25, 0x88]);
