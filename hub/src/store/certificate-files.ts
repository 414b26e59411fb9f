import path from 'node:path';
import { writeFileAtomically } from './atomic-write.ts';
import { errorCode, nodeStoreFs, type StoreFs } from './store-fs.ts';

/** A certificate and its private key, PEM. */
export type PemFilePair = { certPem: string; keyPem: string };

/** The hub's own certificates on disk: `ca` (its certificate authority) and `server` (what it serves). */
export type CertificateFiles = {
  read(name: 'ca' | 'server'): Promise<PemFilePair | null>;
  write(name: 'ca' | 'server', pair: PemFilePair): Promise<void>;
};

/**
 * Keeps the hub's certificates in `<data dir>/tls/` (the only folder that touches the data directory is the store):
 * a 0700 directory of 0600 files, each written atomically (a crash never leaves a certificate without its key). The
 * CA key is the secret here: whoever reads it can impersonate the hub to every tablet that trusts it. It is kept in
 * clear, readable by the hub's user only, because the hub must sign its renewed server certificate unattended and any
 * passphrase would have to sit on the same disk.
 */
export function certificateFiles(dataDir: string, fs: StoreFs = nodeStoreFs): CertificateFiles {
  const dir = path.join(dataDir, 'tls');
  const file = (name: string, ext: 'crt' | 'key') => path.join(dir, `${name}.${ext}`);
  const readText = async (f: string) => {
    try {
      return new TextDecoder().decode(await fs.readFile(f));
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return null;
      throw err;
    }
  };
  return {
    async read(name) {
      const [certPem, keyPem] = await Promise.all([readText(file(name, 'crt')), readText(file(name, 'key'))]);
      return certPem !== null && keyPem !== null ? { certPem, keyPem } : null;
    },
    async write(name, pair) {
      await fs.mkdir(dir, 0o700);
      // The key first: a certificate on disk always has its key beside it.
      await writeFileAtomically(fs, file(name, 'key'), new TextEncoder().encode(pair.keyPem));
      await writeFileAtomically(fs, file(name, 'crt'), new TextEncoder().encode(pair.certPem));
    },
  };
}
