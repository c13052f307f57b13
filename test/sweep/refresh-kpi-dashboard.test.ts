// The convergence sweep of 'Refresh KPI dashboard' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Refresh KPI dashboard');
