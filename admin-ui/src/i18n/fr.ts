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
    traces: { name: 'Trace |||| Traces' },
    centres: {
      name: 'Centre |||| Centres',
      fields: {
        raisonSociale: 'Raison sociale',
        nomCommercial: 'Nom commercial',
        siret: 'SIRET',
        nda: "N° de déclaration d'activité (NDA)",
        uai: 'UAI',
        adresse: 'Adresse',
        complementAdresse: "Complément d'adresse",
        codePostal: 'Code postal',
        commune: 'Commune',
        departement: 'Département',
        region: 'Région',
        telephone: 'Téléphone',
        email: 'Courriel',
        contactNom: 'Contact',
        contactFonction: 'Fonction du contact',
        contactTelephone: 'Téléphone du contact',
        contactEmail: 'Courriel du contact',
        actif: 'Actif',
        q: 'Recherche',
      },
    },
    sites: {
      name: 'Site / plateau technique |||| Sites / plateaux techniques',
      fields: {
        nom: 'Nom du site',
        centre: 'Centre',
        adresse: 'Adresse',
        complementAdresse: "Complément d'adresse",
        codePostal: 'Code postal',
        commune: 'Commune',
        plateauTechnique: 'Plateau technique (équipements)',
        capacite: 'Capacité (candidats)',
        actif: 'Actif',
        q: 'Recherche',
      },
    },
    agrements: {
      name: 'Agrément |||| Agréments',
      fields: {
        centre: 'Centre',
        site: 'Site',
        titre: 'Titre / CCS',
        ccs: 'CCS',
        code: 'Code',
        dateDemande: 'Date de la demande',
        dateDebut: 'Début',
        dateFin: 'Fin',
        statut: 'Statut',
        dateDecision: 'Date de décision',
        motifDecision: 'Motif de la décision',
        prolongation: 'Prolongation',
        commentaire: 'Commentaire',
        autorisationTemporaire: 'Autorisation temporaire',
      },
    },
    'autorisations-temporaires': {
      name: 'Autorisation temporaire |||| Autorisations temporaires',
      fields: {
        centre: 'Centre',
        titre: 'Titre',
        agrement: 'Agrément concerné',
        dateDebut: 'Début',
        dateFin: 'Fin',
        motif: 'Motif',
        dateDecision: 'Date de décision',
        etat: 'État',
      },
    },
    controles: {
      name: 'Contrôle |||| Contrôles',
      fields: {
        centre: 'Centre contrôlé',
        session: 'Session contrôlée',
        dateControle: 'Date du contrôle',
        type: 'Type',
        objet: 'Objet',
        statut: 'Statut',
        constats: 'Constats',
        suite: 'Suite donnée',
        suiteDetail: 'Détail de la suite',
        dateSuite: 'Date de la suite',
        q: 'Recherche',
      },
    },
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
