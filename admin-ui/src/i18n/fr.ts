import frenchMessages from 'ra-language-french';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';

/** CERES vocabulary on top of react-admin's French catalogue: the words the agents use. */
const ceres = {
  ceres: {
    titre: 'CERES — Certifications Emplois',
    connexion: { identifiant: 'Identifiant' },
    oui: 'Oui',
    non: 'Non',
  },
  resources: {
    pays: {
      name: 'Pays |||| Pays',
      fields: {
        codeInsee: 'Code INSEE',
        nom: 'Nom',
        libelleCog: 'Libellé COG',
        nomOfficiel: 'Nom officiel',
        codeIso2: 'ISO alpha-2',
        codeIso3: 'ISO alpha-3',
        nature: 'Nature',
        dateDebut: 'Début de validité',
        dateFin: 'Fin de validité',
        successeur: 'Pays successeur',
        q: 'Recherche',
      },
    },
  },
};

const messages = { ...frenchMessages, ...ceres } as unknown as TranslationMessages;

export const i18nProvider = polyglotI18nProvider(() => messages, 'fr', [{ locale: 'fr', name: 'Français' }], { allowMissing: true });
