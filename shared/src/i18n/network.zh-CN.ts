import type { networkEn } from './network.en.ts';

/** 门店网络上的集线器文案：不认识的主机名，以及新平板信任集线器证书的页面（键与 network.en.ts 一致，类型检查保证）。 */
export const networkZhCN: Record<keyof typeof networkEn, string> = {
  'reason.unknown_host':
    '本集线器不响应名称“{host}”。请使用启动时显示的地址之一（例如其 IP 地址）打开，或请安装 Glow 的人员将该名称加入 GLOW_HOST_NAMES。',
  'trust.title': '信任本店的 Glow 集线器',
  'trust.intro': '平板通过加密连接与集线器通信。集线器使用自己签发的证书，因此每台新平板需要信任它一次：下载证书，并按对应平板的步骤操作。',
  'trust.download': '下载证书',
  'trust.fingerprint': '指纹（SHA-256）。安装后请核对平板上显示的指纹与此相同：',
  'trust.scan': '用平板的相机扫描，在平板上打开此页面。',
  'trust.ipad.title': 'iPad / iPhone',
  'trust.ipad.steps':
    '在 Safari 中打开此页面，点按“下载证书”，然后点按“允许”。打开“设置”→“通用”→“VPN 与设备管理”，点按 Glow 描述文件并安装。然后打开“设置”→“通用”→“关于本机”→“证书信任设置”，为 Glow 证书开启完全信任。',
  'trust.android.title': 'Android',
  'trust.android.steps': '点按“下载证书”。打开“设置”→“安全”→“加密与凭据”→“安装证书”→“CA 证书”，选择下载的文件。',
  'trust.windows.title': 'Windows',
  'trust.windows.steps':
    '下载证书并打开。选择“安装证书”→“本地计算机”→“将所有的证书都放入下列存储”→“受信任的根证书颁发机构”，然后点击“完成”。重新启动浏览器。',
  'trust.open': '然后打开集线器：',
  'trust.madeOn': '本集线器的证书制作于 {date}（UTC）。平板的受信任证书列表会显示每个证书的制作日期：更早制作的 Glow 证书是旧证书。',
  'trust.moved':
    '如果平板以前信任过本集线器，现在却显示证书警告，说明它信任的是旧证书（例如集线器的数据在另一台机器上恢复过）：请从平板上删除旧的 Glow 证书，再安装此证书。',
  'trust.salonCertificate': '本集线器使用门店自己的证书：已信任门店证书颁发机构的平板无需其他操作。',
  'staff.board.pairingScan': '也可以用新平板的相机扫描此二维码（平板需先信任集线器），配对码会自动填入。',
};
