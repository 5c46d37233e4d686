/**
 * The rules of the candidate family live in the "candidats" plugin (plugins/candidats/server/src);
 * the app's bridge declarations reach them through its services. The shapes are restated here because
 * the app cannot import the plugin's compiled code.
 */
import type { FieldError, ValidationContext } from '@ceres/plugin-bridge';

interface CandidatsPlugin {
  candidats: { verifier(record: Record<string, unknown>, context: ValidationContext): Promise<FieldError[]> };
  equivalences: { verifier(record: Record<string, unknown>, mode: 'create' | 'update', previous?: Record<string, unknown>): Promise<FieldError[]> };
}

export const candidatsPlugin = (): CandidatsPlugin => ({
  candidats: strapi.plugin('candidats').service('candidats') as CandidatsPlugin['candidats'],
  equivalences: strapi.plugin('candidats').service('equivalences') as CandidatsPlugin['equivalences'],
});
