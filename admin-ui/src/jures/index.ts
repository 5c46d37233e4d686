import GavelIcon from '@mui/icons-material/Gavel';
import { JureList } from './JureList';
import { JureShow } from './JureShow';
import { JureCreate, JureEdit } from './JureForm';
import { PeriodeCreate, PeriodeEdit } from './PeriodeForm';

export default {
  list: JureList,
  show: JureShow,
  edit: JureEdit,
  create: JureCreate,
  icon: GavelIcon,
  recordRepresentation: (j: { nom?: string; prenom?: string }) => `${(j.nom ?? '').toUpperCase()} ${j.prenom ?? ''}`,
};

/** experience periods: created and edited from the juror's record, no list of their own */
export const periodesExperience = { create: PeriodeCreate, edit: PeriodeEdit };
