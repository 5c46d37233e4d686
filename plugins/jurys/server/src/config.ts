import { checkRegle, REGLE_ANCIENNETE_PAR_DEFAUT, type RegleAnciennete } from './domain/anciennete';

/** Plugin configuration (strapi/config/plugins.ts → jurys.config): the figures of the seniority rule. */
export interface JurysConfig {
  anciennete: RegleAnciennete;
}

export default {
  default: { anciennete: REGLE_ANCIENNETE_PAR_DEFAUT } satisfies JurysConfig,
  validator(config: Partial<JurysConfig>) {
    const errors = checkRegle({ ...REGLE_ANCIENNETE_PAR_DEFAUT, ...(config.anciennete ?? {}) });
    if (errors.length) throw new Error(`Configuration du plugin jurys (anciennete) : ${errors.join(' ; ')}`);
  },
};
