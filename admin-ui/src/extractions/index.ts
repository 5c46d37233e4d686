import FileDownloadIcon from '@mui/icons-material/FileDownload';
import { ExtractionsList } from './ExtractionsList';

// list only: a run is started from the list ("Lancer maintenant"), never edited
export default {
  list: ExtractionsList,
  icon: FileDownloadIcon,
};
