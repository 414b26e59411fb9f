import { afterAll, describe, expect, it } from 'vitest';
import { Bonjour, type Service } from 'bonjour-service';
import { silentLogger } from '../../hub/src/logger.ts';
import { announceHub, type MdnsAnnouncement } from '../../hub/src/transport/mdns-announcer.ts';

/**
 * Finding the hub without typing an address (#14): the hub announces `<name>.local` and an `_https._tcp` service by
 * mDNS, which a tablet (here a second mDNS client on this machine) finds with the hub's port and addresses.
 */
describe('mDNS announcement', () => {
  let announcement: MdnsAnnouncement | null = null;
  const browser = new Bonjour();
  afterAll(async () => {
    await announcement?.stop();
    await new Promise<void>((resolve) => browser.destroy(() => resolve()));
  });

  it('a client on the network finds the hub by service, with its name, port and addresses', async () => {
    const name = `glow-test-${process.pid}`;
    announcement = announceHub({ name, port: 18_443, logger: silentLogger });
    expect(announcement.hostName).toBe(`${name}.local`);
    const found = await new Promise<Service>((resolve) => {
      browser.find({ type: 'https' }, (service: Service) => {
        if (service.host === `${name}.local`) resolve(service);
      });
    });
    expect(found.name).toBe('Glow hub');
    expect(found.port).toBe(18_443);
    expect(found.addresses?.length ?? 0).toBeGreaterThan(0);
  });
});
