// The convergence sweep of 'Schedule monthly report' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Schedule monthly report');
