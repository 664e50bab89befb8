// The corpus's own baker (not Insignia's): an iTXt chunk before IEND, an openbadges element in the SVG root.
const CRC = new Uint32Array(256).map((_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (buf) => { let c = 0xffffffff; for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
export function bakePng(png, keyword, text) {
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, 'utf8')]);
  const type = Buffer.from('iTXt', 'latin1');
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  const iend = png.length - 12; // the IEND chunk is the last 12 bytes
  return Buffer.concat([png.subarray(0, iend), len, type, data, crc, png.subarray(iend)]);
}
export function bakeSvg(svg, ns, element, verify, cdata) {
  const open = svg.indexOf('<svg');
  const close = svg.indexOf('>', open);
  const head = svg.slice(0, close) + ` xmlns:openbadges="${ns}">`;
  const body = cdata === undefined ? `<openbadges:${element} verify="${verify}"></openbadges:${element}>`
    : `<openbadges:${element}${verify ? ` verify="${verify}"` : ''}><![CDATA[${cdata}]]></openbadges:${element}>`;
  return head + '\n  ' + body + svg.slice(close + 1);
}
