import BarChartIcon from '@mui/icons-material/BarChart';
import { StatistiquesPage } from './StatistiquesPage';

// a read-only page over the `statistiques` resource (aggregates computed by the server)
export default {
  list: StatistiquesPage,
  icon: BarChartIcon,
};
