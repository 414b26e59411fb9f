import path from 'node:path';
import type { OpenFlags, StoreFileHandle, StoreFs } from '../store-fs.ts';

type Inode = { data: Buffer; durable: Buffer | null };
type Dir = { entries: Map<string, Inode>; durable: Map<string, Inode> };

/**
 * An in-memory disk that remembers what was made durable, for power-cut tests. File contents become durable on
 * fsync/fdatasync of a handle; directory entries (creates, renames, unlinks) on syncDir. powerCut() returns the
 * disk as it would be after the power came back: only durable state, and with `torn`, a random part of data that
 * was appended but never fsync'd (a half-written journal line).
 */
export class SimFs implements StoreFs {
  private readonly dirs = new Map<string, Dir>();

  constructor(private readonly random: () => number = Math.random) {}

  powerCut(options: { torn?: boolean } = {}): SimFs {
    const after = new SimFs(this.random);
    const survivors = new Map<Inode, Inode>();
    const survive = (inode: Inode): Inode => {
      let copy = survivors.get(inode);
      if (!copy) {
        let data = inode.durable ?? Buffer.alloc(0);
        if (options.torn && inode.data.length > data.length && inode.data.subarray(0, data.length).equals(data)) {
          data = inode.data.subarray(0, data.length + Math.floor(this.random() * (inode.data.length - data.length)));
        }
        copy = { data: Buffer.from(data), durable: Buffer.from(data) };
        survivors.set(inode, copy);
      }
      return copy;
    };
    for (const [name, dir] of this.dirs) {
      const entries = new Map([...dir.durable].map(([file, inode]) => [file, survive(inode)]));
      after.dirs.set(name, { entries, durable: new Map(entries) });
    }
    return after;
  }

  /** Test access to a file's current content. */
  contents(file: string): Buffer | null {
    const inode = this.lookup(file);
    return inode ? Buffer.from(inode.data) : null;
  }

  async mkdir(dir: string): Promise<void> {
    // Directories themselves are treated as durable at once; the store's durability rules are about files.
    for (let d = path.resolve(dir); !this.dirs.has(d); d = path.dirname(d)) {
      this.dirs.set(d, { entries: new Map(), durable: new Map() });
      if (d === path.dirname(d)) break;
    }
  }

  async open(file: string, flags: OpenFlags): Promise<StoreFileHandle> {
    const dir = this.dirOf(file);
    const name = path.basename(file);
    let inode = dir.entries.get(name);
    if (flags === 'wx') {
      if (inode) throw errno('EEXIST', file);
      inode = { data: Buffer.alloc(0), durable: null };
      dir.entries.set(name, inode);
    } else if (!inode) throw errno('ENOENT', file);
    const node = inode;
    let closed = false;
    const live = () => {
      if (closed) throw errno('EBADF', file);
    };
    return {
      async write(data, position) {
        live();
        const end = position + data.length;
        const grown = Buffer.alloc(Math.max(node.data.length, end));
        node.data.copy(grown);
        Buffer.from(data).copy(grown, position);
        node.data = grown;
        return data.length;
      },
      async datasync() {
        live();
        node.durable = Buffer.from(node.data);
      },
      async sync() {
        live();
        node.durable = Buffer.from(node.data);
      },
      async truncate(length) {
        live();
        const cut = Buffer.alloc(length);
        node.data.copy(cut, 0, 0, Math.min(length, node.data.length));
        node.data = cut;
      },
      async close() {
        closed = true;
      },
    };
  }

  async readFile(file: string): Promise<Uint8Array> {
    const inode = this.lookup(file);
    if (!inode) throw errno('ENOENT', file);
    return Buffer.from(inode.data);
  }

  async readdir(dir: string): Promise<string[]> {
    const d = this.dirs.get(path.resolve(dir));
    if (!d) throw errno('ENOENT', dir);
    return [...d.entries.keys()];
  }

  async rename(from: string, to: string): Promise<void> {
    const source = this.dirOf(from);
    const inode = source.entries.get(path.basename(from));
    if (!inode) throw errno('ENOENT', from);
    source.entries.delete(path.basename(from));
    this.dirOf(to).entries.set(path.basename(to), inode);
  }

  async unlink(file: string): Promise<void> {
    const dir = this.dirOf(file);
    if (!dir.entries.delete(path.basename(file))) throw errno('ENOENT', file);
  }

  async syncDir(dir: string): Promise<void> {
    const d = this.dirs.get(path.resolve(dir));
    if (!d) throw errno('ENOENT', dir);
    d.durable = new Map(d.entries);
  }

  private lookup(file: string): Inode | undefined {
    return this.dirs.get(path.dirname(path.resolve(file)))?.entries.get(path.basename(file));
  }

  private dirOf(file: string): Dir {
    const dir = this.dirs.get(path.dirname(path.resolve(file)));
    if (!dir) throw errno('ENOENT', file);
    return dir;
  }
}

function errno(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${file}`), { code });
}
