import { describe, expect, it } from 'vitest';
import { RoomSchema, ServiceSchema, StaffMemberSchema } from '@glow/shared';
import { verifyPin } from '../security/secrets.ts';
import { HubStateSchema } from '../store/hub-state.ts';
import { withDemoGuide } from './demo-aftercare.ts';
import { DEMO_QUESTIONNAIRES, DEMO_ROOMS, DEMO_SERVICES, DEMO_STAFF } from './demo-catalogue.ts';
import { demoSalonCommands } from './demo-commands.ts';
import { demoSalon, salonAwaitingSetup, stateAfterSeed } from './salon-seed.ts';
import type { SeedCommand } from './seed-commands.ts';

describe('the demo salon is built by commands (#13)', () => {
  it('holds exactly the demo catalogue, staff and rooms, each record as the commands wrote it and valid', async () => {
    const state = await demoSalon('en', 'UTC');
    expect(HubStateSchema.safeParse(state).error).toBeUndefined();
    expect(state.meta.salon).toMatchObject({ name: 'Glow Demo Salon', setUp: true, currency: 'CNY', languages: ['en', 'zh-CN'] });
    expect(state.meta.floor.timeZone).toBe('UTC');
    expect(state.meta.booking.changeCutoffHours).toBe(12);
    expect(state.meta.booking.openingHours.every((d) => d?.start === '09:00' && d.end === '20:00')).toBe(true);

    expect(Object.keys(state.services).sort()).toEqual(DEMO_SERVICES.map((s) => s.id).sort());
    for (const s of DEMO_SERVICES) {
      const stored = state.services[s.id]!;
      expect(ServiceSchema.safeParse(stored).error).toBeUndefined();
      expect(stored).toMatchObject(withDemoGuide(s));
      expect(stored.priceMinor).toBeGreaterThan(0);
    }
    expect(Object.values(state.rooms).map((r) => RoomSchema.parse(r))).toEqual(DEMO_ROOMS);
    for (const { pin, ...member } of DEMO_STAFF) {
      expect(StaffMemberSchema.parse(state.staff[member.id])).toEqual(member);
      expect(await verifyPin(pin, state.credentials[member.id]!)).toBe(true);
    }
    // The consultations keep their ids and first version, as the visits and tests name them.
    expect(Object.values(state.questionnaires).map((q) => [q.id, q.version])).toEqual(DEMO_QUESTIONNAIRES.map((q) => [q.id, 1]));
    expect(Object.values(state.categories).sort((a, b) => a.order - b.order).map((c) => c.id)).toEqual(['facial', 'body', 'hair_colour', 'nails']);
    expect(Object.keys(state.skills).sort()).toEqual(['body', 'facial', 'hair_colour', 'nails']);
    expect(Object.keys(state.equipment).sort()).toEqual(['colour_station', 'facial_bed', 'massage_table', 'nail_station', 'steamer']);
    // One listed product of each follow-up kind, for the pickers and the product follow-up calls.
    expect(Object.values(state.products).map((p) => [p.id, p.followUp, p.archived])).toEqual([
      ['prod-hydra-serum', 'treatment_product', false],
      ['prod-spf50', 'brand_product', false],
      ['prod-collagen', 'supplement', false],
    ]);
    // The hub itself set the demo up: no tablet is paired, nobody holds a session.
    expect(state.devices).toEqual({});
  });

  it('a seed command goes through its command’s input check and decision: a bad one stops the seed, naming it', async () => {
    const commands = demoSalonCommands('en', 'UTC');
    const badPrice = commands.map((c): SeedCommand =>
      c.command === 'catalogue:service' && c.id === 'nails-gel' ? { ...c, input: { ...c.input, price: '19.999' } } : c,
    );
    await expect(stateAfterSeed(salonAwaitingSetup('UTC'), badPrice)).rejects.toThrow(/catalogue:service.*price_decimals|catalogue:service.*price/);
    const unknownSkill = commands.map((c): SeedCommand => (c.command === 'staff:save' && c.id === 'mei' ? { ...c, input: { ...c.input, skills: ['juggling'] } } : c));
    await expect(stateAfterSeed(salonAwaitingSetup('UTC'), unknownSkill)).rejects.toThrow(/staff:save.*unknown_choice/);
    const shortPin = commands.map((c): SeedCommand => (c.command === 'staff:setPin' ? { ...c, input: { ...c.input, pin: '12', pinAgain: '12' } } : c));
    await expect(stateAfterSeed(salonAwaitingSetup('UTC'), shortPin)).rejects.toThrow(/staff:setPin.*does not pass its input schema/);
  });

  it('sets a salon up only once: the demo commands on a salon already set up are refused', async () => {
    const done = await demoSalon('en', 'UTC');
    await expect(stateAfterSeed(done, demoSalonCommands('en', 'UTC').slice(0, 1))).rejects.toThrow(/salon:setup.*setup_done/);
  });
});
