/**
 * English messages of the hub on the salon's network: a request under a name the hub does not answer to, and the
 * page a new tablet opens to trust the hub's certificate (#14). Spread into en.ts so the catalogue stays one.
 */
export const networkEn = {
  'reason.unknown_host':
    'This hub does not answer to the name “{host}”. Open it by one of the addresses shown when it starts (for example its IP address), or ask whoever installed Glow to add the name to GLOW_HOST_NAMES.',
  'trust.title': 'Trust this salon’s Glow hub',
  'trust.intro':
    'Tablets talk to the hub over an encrypted connection. The hub made its own certificate, so each new tablet must trust it once: download it and follow the steps for the tablet.',
  'trust.download': 'Download the certificate',
  'trust.fingerprint': 'Fingerprint (SHA-256). After installing, check that the tablet shows the same:',
  'trust.scan': 'Scan with the tablet’s camera to open this page on it.',
  'trust.ipad.title': 'iPad / iPhone',
  'trust.ipad.steps':
    'Open this page in Safari and tap “Download the certificate”, then Allow. Open Settings → General → VPN & Device Management, tap the Glow profile and Install. Then Settings → General → About → Certificate Trust Settings: turn on full trust for the Glow certificate.',
  'trust.android.title': 'Android',
  'trust.android.steps':
    'Tap “Download the certificate”. Open Settings → Security → Encryption & credentials → Install a certificate → CA certificate, and choose the downloaded file.',
  'trust.windows.title': 'Windows',
  'trust.windows.steps':
    'Download the certificate and open it. Choose Install Certificate → Local Machine → Place all certificates in the following store → Trusted Root Certification Authorities, then Finish. Restart the browser.',
  'trust.open': 'Then open the hub:',
  'trust.madeOn':
    'This hub’s certificate was made on {date} (UTC). A tablet’s list of trusted certificates shows when each was made: a Glow certificate made earlier is an old one.',
  'trust.moved':
    'A tablet that trusted this hub before and now shows a certificate warning trusts an old certificate (for example, the hub’s data was restored on another machine): remove the old Glow certificate from the tablet, then install this one.',
  'trust.salonCertificate':
    'This hub uses the salon’s own certificate: tablets that already trust the salon’s certificate authority need nothing more.',
  'staff.board.pairingScan': 'Or scan this with the new tablet’s camera (once it trusts the hub): the code is filled in.',
} as const;
