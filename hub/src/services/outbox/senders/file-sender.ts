import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { OutboxFolderPort } from '../../../store/outbox-folder.ts';
import { detailOf, type MessageSender, type Outgoing, type SendResult } from '../sender.ts';

/**
 * The default way out, for a salon without e-mail or a gateway: each message is written as an .eml file (a mail any
 * mail program opens, headers in RFC 2047 so Chinese subjects read right) named by the message id into the data
 * directory's `outbox` folder, through the store's port. Writing the same message again replaces its file, so a
 * retry after a crash cannot make two.
 */
export class FileSender implements MessageSender {
  readonly channel = 'file' as const;

  constructor(private readonly folder: OutboxFolderPort) {}

  async send(message: Outgoing): Promise<SendResult> {
    const name = `${message.id.slice(0, 59)}.eml`;
    try {
      const eml = await new MailComposer({
        ...(message.to.includes('@') ? { to: { name: message.clientName, address: message.to } } : {}),
        subject: message.subject,
        text: message.body,
        messageId: `<${message.id}@glow.outbox>`,
        headers: { 'X-Glow-Client': message.clientName, 'X-Glow-Phone-Or-Address': message.to, 'Content-Language': message.language, 'X-Glow-Kind': message.kind },
        disableFileAccess: true,
        disableUrlAccess: true,
      })
        .compile()
        .build();
      await this.folder.write(name, eml.toString('utf8'));
      return { ok: true, detail: `outbox/${name}` };
    } catch (err) {
      return { ok: false, code: 'network', temporary: true, detail: detailOf((err as Error).message) };
    }
  }

  close(): void {}
}
