import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { DemandeEquivalenceCreate, DemandeEquivalenceList, DemandeEquivalenceShow } from './DemandeEquivalence';

export default {
  list: DemandeEquivalenceList,
  show: DemandeEquivalenceShow,
  create: DemandeEquivalenceCreate,
  icon: SwapHorizIcon,
};
