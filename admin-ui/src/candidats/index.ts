import PersonIcon from '@mui/icons-material/Person';
import { CandidatList } from './CandidatList';
import { CandidatShow } from './CandidatShow';
import { CandidatCreate, CandidatEdit } from './CandidatEdit';

export default {
  list: CandidatList,
  show: CandidatShow,
  edit: CandidatEdit,
  create: CandidatCreate,
  icon: PersonIcon,
  recordRepresentation: (record: { nomNaissance?: string; prenoms?: string[] }) => `${(record.nomNaissance ?? '').toUpperCase()} ${(record.prenoms ?? []).join(' ')}`,
};
