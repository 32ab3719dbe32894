import { createHmac } from "node:crypto";

/**
 * RFC 6238 TOTP, written for the tests from the RFC itself (HMAC-SHA1, dynamic truncation), so the
 * tests do not check the production code with the production code. Checked against the RFC's
 * Appendix B vectors in auth.test.ts.
 */
export function rfc6238(secret: Buffer, unixSeconds: number, digits = 6, period = 30): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / period)));
  const hmac = createHmac("sha1", secret).update(counter).digest();
  const offset = (hmac[hmac.length - 1] as number) & 0x0f;
  const binary = (hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, "0");
}

/** RFC 4648 base32 (the form authenticator apps and otpauth:// URIs carry the secret in). */
export function base32Decode(text: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text.replace(/=+$/, "").toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The code an authenticator app shows for a base32 secret at a moment. */
export const appCode = (base32Secret: string, at: Date) => rfc6238(base32Decode(base32Secret), at.getTime() / 1000);
