import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  // inside strapi::errors: every /api/ra and /api/auth error leaves in CERES's one French JSON shape
  'plugin::ra.errors',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'frame-src': ["'self'", 'blob:'],
          'object-src': ["'self'", 'blob:'],
          upgradeInsecureRequests: null,
        },
      },
    },
  },
  {
    // the SPA is same-origin; a separate back-office origin must be named explicitly
    name: 'strapi::cors',
    config: {
      origin: env.array('CORS_ORIGINS', []),
      headers: ['Content-Type', 'Authorization', 'Range', 'Accept', 'If-Match'],
      expose: ['Content-Range', 'Content-Disposition', 'ETag'],
    },
  },
  // no 'strapi::poweredBy': the answers do not advertise the server software (X-Powered-By)
  'strapi::query',
  {
    name: 'strapi::body',
    config: { jsonLimit: '256kb', formLimit: '256kb', textLimit: '256kb', formidable: { maxFileSize: 10 * 1024 * 1024 } },
  },
  'strapi::session',
  'strapi::favicon',
  'global::private-uploads',
  'strapi::public',
  'global::back-office',
];

export default config;
