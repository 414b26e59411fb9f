import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** What the test's server does with the next messages. */
export type SmtpBehaviour = 'accept' | 'refuse_permanent' | 'refuse_temporary' | 'stall';

/**
 * A real SMTP server (smtp-server, nodemailer's own server library) on 127.0.0.1 and an ephemeral port, for the
 * outbox's contract tests: it keeps every message it accepted, decoded by mailparser as a mail client reads it, and can
 * refuse (5xx or 4xx), stall (never answer the data), require a login, go down and come back on the same port.
 */
export class SmtpTestServer {
  readonly received: ParsedMail[] = [];
  /** The log-ins it saw (user, password), to prove the hub opened its sealed password. */
  readonly logins: { user: string; pass: string }[] = [];
  behaviour: SmtpBehaviour = 'accept';
  private server: SMTPServer | null = null;
  port = 0;

  /** Whether the last message came over TLS (implicit or upgraded with STARTTLS). */
  lastSecure: boolean | null = null;

  /**
   * `tls`: with a certificate, the server speaks TLS from the first byte (`implicit`, port 465 style) or offers
   * STARTTLS (`starttls`); without, plain SMTP and no STARTTLS offered.
   */
  constructor(
    private readonly auth: { user: string; pass: string } | null = null,
    private readonly tls: { mode: 'implicit' | 'starttls'; certPem: string; keyPem: string } | null = null,
  ) {}

  async start(port = 0): Promise<this> {
    const tls = this.tls;
    const server = new SMTPServer({
      authOptional: this.auth === null,
      allowInsecureAuth: true,
      ...(tls ? { key: tls.keyPem, cert: tls.certPem, secure: tls.mode === 'implicit' } : { disabledCommands: ['STARTTLS'] }),
      logger: false,
      closeTimeout: 200,
      onAuth: (auth, _session, callback) => {
        this.logins.push({ user: auth.username ?? '', pass: auth.password ?? '' });
        if (this.auth && auth.username === this.auth.user && auth.password === this.auth.pass) return callback(null, { user: auth.username });
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo: (address, _session, callback) => {
        if (this.behaviour === 'refuse_permanent') return callback(Object.assign(new Error(`Mailbox ${address.address} does not exist`), { responseCode: 550 }));
        if (this.behaviour === 'refuse_temporary') return callback(Object.assign(new Error('Greylisted, try again later'), { responseCode: 451 }));
        callback();
      },
      onData: (stream, session, callback) => {
        this.lastSecure = session.secure;
        if (this.behaviour === 'stall') {
          // Reads the message and never answers: the sender's socket timeout must end the try.
          stream.resume();
          return;
        }
        simpleParser(stream)
          .then((mail) => {
            this.received.push(mail);
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
    server.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  /** Stops listening and drops every connection (a server that went down). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
