import { describe, expect, it } from 'vitest';
import { startUpAddresses } from './start-up-addresses.ts';

describe('the addresses of the start-up log', () => {
  it('lists the network addresses first and localhost last, as this computer’s own', () => {
    expect(startUpAddresses('0.0.0.0', ['192.168.1.20', '10.0.0.5'])).toEqual({
      addresses: [
        { address: '192.168.1.20', thisComputerOnly: false },
        { address: '10.0.0.5', thisComputerOnly: false },
        { address: 'localhost', thisComputerOnly: true },
      ],
      trust: '10.0.0.5',
    });
  });

  it('offers localhost only when the hub has no network address, and shows a bound address alone', () => {
    expect(startUpAddresses('::', [])).toEqual({ addresses: [{ address: 'localhost', thisComputerOnly: true }], trust: 'localhost' });
    expect(startUpAddresses('192.168.1.20', ['192.168.1.20', '10.0.0.5'])).toEqual({
      addresses: [{ address: '192.168.1.20', thisComputerOnly: false }],
      trust: '192.168.1.20',
    });
    expect(startUpAddresses('127.0.0.1', ['192.168.1.20']).addresses).toEqual([{ address: '127.0.0.1', thisComputerOnly: true }]);
  });
});
