import { secureHeaders } from "hono/secure-headers";
import type { AppConfig } from "../../lib/config.js";

/**
 * CSP without inline scripts; inline styles are allowed because Mantine sets them at run time.
 * HSTS only when Lotse is served over HTTPS (PUBLIC_ORIGIN https://…): over plain HTTP it would be
 * ignored at best and lock a misconfigured host out at worst.
 */
export const securityHeaders = (config: Pick<AppConfig, "publicOrigin">) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    strictTransportSecurity: config.publicOrigin?.startsWith("https://") ? "max-age=31536000; includeSubDomains" : false,
    xFrameOptions: "DENY",
    xContentTypeOptions: "nosniff",
    referrerPolicy: "strict-origin-when-cross-origin",
    crossOriginEmbedderPolicy: false,
  });
