import RuleIcon from '@mui/icons-material/Rule';
import { RegleEquivalenceCreate, RegleEquivalenceEdit, RegleEquivalenceList, RegleEquivalenceShow } from './RegleEquivalence';

export default {
  list: RegleEquivalenceList,
  show: RegleEquivalenceShow,
  create: RegleEquivalenceCreate,
  edit: RegleEquivalenceEdit,
  icon: RuleIcon,
  recordRepresentation: 'libelle',
};
