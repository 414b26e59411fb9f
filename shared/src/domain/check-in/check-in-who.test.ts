import { describe, expect, it } from 'vitest';
import { alreadyOnFloor, deskWho, kioskWho } from './check-in-who.ts';
import { aClient, aWhoContext, NOW } from './test-builders.ts';

const owner = aClient();
const withOwner = aWhoContext({ clients: { c1: owner }, existingClientId: 'c1' });

describe('kioskWho', () => {
  it('a booking QR is the client it names, proven; a token naming nobody is refused', () => {
    expect(kioskWho({ visitorToken: 't' }, withOwner, 'c1')).toEqual({ client: owner, isNew: false, identityCheck: null, verified: true });
    expect(kioskWho({ visitorToken: 't' }, withOwner, null)).toMatchObject({ code: 'unauthorized', reason: 'visitor_token_invalid' });
  });

  it('"been here before" is the number’s client, unproven; with nothing on file a record named by the number’s end', () => {
    expect(kioskWho({ returning: { phone: '13800138000' } }, withOwner, null)).toEqual({
      client: owner,
      isNew: false,
      identityCheck: 'returning_unproven',
      verified: false,
    });
    const unknown = kioskWho({ returning: { phone: '13900139000' } }, aWhoContext(), null);
    expect(unknown).toEqual({
      client: { id: 'n1', firstName: '…9000', lastName: '', phone: '13900139000', language: 'en', createdAt: NOW, referredBy: null },
      isNew: true,
      identityCheck: 'number_not_on_file',
      verified: false,
    });
  });

  it('a registration is a record of its own, kept apart as a duplicate when the number is a client’s', () => {
    const person = { firstName: 'Someone', lastName: 'Else', phone: '13800138000', birthday: '1990-04-25' };
    const who = kioskWho({ client: person }, withOwner, null);
    expect(who).toMatchObject({ isNew: true, identityCheck: 'duplicate_number', verified: false });
    expect(who).toMatchObject({ client: { id: 'n1', firstName: 'Someone', birthday: '1990-04-25', duplicateOf: 'c1' } });
    expect(kioskWho({ client: person }, aWhoContext(), null)).toMatchObject({ identityCheck: null, client: { id: 'n1' } });
  });

  it('refuses a birthday in the future, naming the field; no identity at all is invalid', () => {
    const future = kioskWho({ client: { firstName: 'A', lastName: '', phone: '13800138000', birthday: '2030-01-01' } }, aWhoContext(), null);
    expect(future).toMatchObject({ code: 'invalid_input', issues: [{ field: 'client.birthday' }] });
    expect(kioskWho({}, aWhoContext(), null)).toMatchObject({ code: 'invalid_input' });
  });
});

describe('deskWho', () => {
  it('face to face a known number is that client, an unknown one a new client', () => {
    expect(deskWho({ firstName: 'Mei', lastName: '', phone: '13800138000' }, withOwner)).toEqual({ client: owner, isNew: false, identityCheck: null, verified: false });
    expect(deskWho({ firstName: 'Ann', lastName: 'Lee', phone: '13900139000' }, aWhoContext())).toMatchObject({
      isNew: true,
      client: { id: 'n1', firstName: 'Ann', lastName: 'Lee', phone: '13900139000' },
    });
  });
});

describe('alreadyOnFloor', () => {
  const onFloor = [{ ticket: 'A007', client: owner }];
  it('refuses the same client, or the same number and first name typed again, with the ticket only', () => {
    expect(alreadyOnFloor(owner, false, onFloor)).toEqual({ code: 'conflict', reason: 'already_checked_in', params: { ticket: 'A007' } });
    expect(alreadyOnFloor(aClient({ id: 'n1', firstName: ' mei ' }), true, onFloor)).toMatchObject({ reason: 'already_checked_in' });
  });
  it('never keeps a stranger’s registration with the number, or an unproven name match, out', () => {
    expect(alreadyOnFloor(aClient({ id: 'n1', firstName: 'Someone' }), true, onFloor)).toBeNull();
    expect(alreadyOnFloor(aClient({ id: 'n1' }), false, onFloor)).toBeNull();
  });
});
