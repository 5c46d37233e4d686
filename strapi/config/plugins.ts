import path from 'path';
import type { Core } from '@strapi/strapi';

const local = (name: string) => path.resolve(__dirname, '..', '..', '..', 'plugins', name);

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      jwtSecret: env('JWT_SECRET'),
      sessions: {
        accessTokenLifespan: env.int('ACCESS_TOKEN_LIFESPAN', 15 * 60),
        maxRefreshTokenLifespan: env.int('REFRESH_TOKEN_LIFESPAN', 8 * 60 * 60),
        idleRefreshTokenLifespan: env.int('REFRESH_TOKEN_IDLE_LIFESPAN', 2 * 60 * 60),
        httpOnly: false,
      },
      register: { allowedFields: [] },
      ratelimit: {
        interval: env.int('LOGIN_RATE_LIMIT_INTERVAL_MS', 60_000),
        max: env.int('LOGIN_RATE_LIMIT_MAX', 10),
      },
    },
  },
  upload: {
    config: {
      sizeLimit: 10 * 1024 * 1024,
      security: {
        allowedTypes: ['application/pdf', 'image/png', 'image/jpeg'],
      },
    },
  },
  ra: { enabled: true, resolve: local('bridge') },
  // documents: carbone templates + warm LibreOffice pool (CERES_LIBREOFFICE_FACTORIES, CERES_LIBREOFFICE_AT_BOOT=false to start lazily)
  documents: { enabled: true, resolve: local('documents') },
  // jurys: seniority rule of jurors (CERES v1.7.1), in years; override per environment
  jurys: {
    enabled: true,
    resolve: local('jurys'),
    config: {
      anciennete: {
        anneesExperienceMinimum: env.int('JURY_ANCIENNETE_ANNEES_MINIMUM', 3),
        anneesDepuisDepartMaximum: env.int('JURY_ANCIENNETE_DEPART_MAXIMUM', 5),
      },
    },
  },
  tracabilite: { enabled: true, resolve: local('tracabilite') },
  // candidats: identity rules, homonym control, path, equivalence requests (after ra: uses its registry and ceres_norm)
  candidats: { enabled: true, resolve: local('candidats') },
  // sessions: délais de programmation and DTE (v1.8), limit of sessions per period and its window (v1.6, v1.7.1)
  sessions: {
    enabled: true,
    resolve: local('sessions'),
    config: {
      delaiDeclarationJours: env.int('SESSION_DELAI_DECLARATION_JOURS', 60),
      delaiCommandeDteJours: env.int('SESSION_DELAI_COMMANDE_DTE_JOURS', 21),
      // convocations: ≥ 1 month before a session titre, ≥ 15 days before a session CCP/CCS (2008 règlement)
      delaiConvocationTitreMois: env.int('SESSION_DELAI_CONVOCATION_TITRE_MOIS', 1),
      delaiConvocationCcpCcsJours: env.int('SESSION_DELAI_CONVOCATION_CCP_CCS_JOURS', 15),
      maxSessionsParPeriode: env.int('SESSION_MAX_SESSIONS_PAR_PERIODE', 3),
      fenetreSessions: env('SESSION_FENETRE_SESSIONS', 'GLISSANTE_12_MOIS'),
    },
  },
  // reporting: weekly extraction (EXTRACTION_CRON with seconds, default Monday 06:00 Europe/Paris; retries bounded) and statistics
  reporting: {
    enabled: true,
    resolve: local('reporting'),
    config: {
      cron: env('EXTRACTION_CRON', '0 0 6 * * 1'),
      fuseau: env('EXTRACTION_TZ', 'Europe/Paris'),
      dossier: env('EXTRACTIONS_DIR', ''),
      maxTentatives: env.int('EXTRACTION_MAX_TENTATIVES', 3),
      delaiRepriseMinutes: env.int('EXTRACTION_DELAI_REPRISE_MINUTES', 15),
      intervalleMs: env.int('EXTRACTION_INTERVALLE_MS', 2000),
    },
  },
});

export default config;
