import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { HabilitationList } from './HabilitationList';
import { HabilitationShow } from './HabilitationShow';
import { HabilitationEdit } from './HabilitationEdit';

export default {
  list: HabilitationList,
  show: HabilitationShow,
  edit: HabilitationEdit,
  icon: VerifiedUserIcon,
  options: { label: 'Habilitations' },
  recordRepresentation: (h: { dateDebut?: string; dateFin?: string }) => `Habilitation du ${h.dateDebut ?? ''} au ${h.dateFin ?? ''}`,
};
